"""Fixtures for the model-layer tests: the fake OpenAI-compatible server (tests/fakeserver.py).

Imported the same way as in tests/bigbrain, so that one module object serves both folders.
"""

from __future__ import annotations

import pytest

try:
    from tests.fakeserver import (
        Answer,
        Fail,
        FakeServer,
        Page,
        Recorded,
        closed_port_url,
        fake_server,
        fenced,
    )
except ImportError:  # `pytest` run without the project root on sys.path
    from fakeserver import (  # type: ignore[no-redef]
        Answer,
        Fail,
        FakeServer,
        Page,
        Recorded,
        closed_port_url,
        fake_server,
        fenced,
    )

__all__ = [
    "Answer",
    "Fail",
    "FakeServer",
    "Page",
    "Recorded",
    "closed_port_url",
    "fake_server",
    "fenced",
]


@pytest.fixture(autouse=True)
def no_proxy_for_loopback(monkeypatch):
    """The fake server is on 127.0.0.1: never route it through a proxy from the environment."""
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost")


@pytest.fixture(autouse=True)
def no_tuning_from_the_environment(monkeypatch):
    """Timeouts and the output limit come from each test, never from the caller's shell."""
    for var in ("STUDIO_TIMEOUT", "STUDIO_IDLE_TIMEOUT", "STUDIO_MAX_TOKENS"):
        monkeypatch.delenv(var, raising=False)
