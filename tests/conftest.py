"""Shared test setup: every test gets its own user dir, gallery and a clean environment."""

from __future__ import annotations

import pytest

KEY_VARS = (
    "OPENAI_API_KEY",
    "OPENAI_BASE_URL",
    "XAI_API_KEY",
    "OPENROUTER_API_KEY",
    "STUDIO_API_KEY",
    "STUDIO_BASE_URL",
    "STUDIO_MODEL",
    "STUDIO_PRESET",
    "STUDIO_TIMEOUT",
    "STUDIO_IDLE_TIMEOUT",
    "STUDIO_MAX_TOKENS",
)


@pytest.fixture(autouse=True)
def isolated_user(tmp_path_factory, monkeypatch):
    """Point the user dir and the gallery at fresh folders; drop any model settings."""
    home = tmp_path_factory.mktemp("studio-home")
    monkeypatch.setenv("STUDIO_HOME", str(home))
    monkeypatch.setenv("STUDIO_GALLERY", str(tmp_path_factory.mktemp("gallery")))
    monkeypatch.setenv("SDL_VIDEODRIVER", "dummy")
    monkeypatch.setenv("SDL_AUDIODRIVER", "dummy")
    monkeypatch.setenv("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    # rich sizes a terminal from COLUMNS only when LINES is set too (else a dumb terminal is
    # 80 wide): the same sizes in a serial run as in xdist's workers
    monkeypatch.setenv("LINES", "50")
    for var in KEY_VARS:
        monkeypatch.delenv(var, raising=False)
    # the fake model servers live on loopback: never send their traffic through a proxy
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost")
    return home
