"""Fixtures for Big Brain's end-to-end tests: the fake model server and a ``studio make`` runner."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

try:  # the models engineer's real HTTP server (tests/fakeserver.py)
    from tests.fakeserver import Answer, Fail, FakeServer, Recorded, closed_port_url, fenced
except ImportError:  # `pytest` run without the project root on sys.path
    from fakeserver import (  # type: ignore[no-redef]
        Answer,
        Fail,
        FakeServer,
        Recorded,
        closed_port_url,
        fenced,
    )

__all__ = ["Answer", "Fail", "FakeServer", "Recorded", "closed_port_url", "fenced"]

KEY = "sk-bigbrain-TEST-KEY-9f8e7d6c5b4a"


@pytest.fixture
def server() -> Iterator[FakeServer]:
    with FakeServer() as srv:
        yield srv


class Make:
    """Runs ``studio make`` in-process and finds what it left behind."""

    def __init__(self, home: Path, gallery: Path) -> None:
        self.home = home
        self.gallery = gallery
        self.runner = CliRunner()

    def __call__(self, *args: str, server: FakeServer | None = None):
        from studio.cli import app

        argv = ["make", *args, "--seconds", "6", "--gallery", str(self.gallery)]
        if server is not None:
            argv += ["--base-url", server.url, "--model", "fake-model", "--api-key", KEY]
        return self.runner.invoke(app, argv, catch_exceptions=False)

    def run_dirs(self) -> list[Path]:
        root = self.home / "runs"
        return sorted(p for p in root.iterdir() if p.is_dir()) if root.is_dir() else []

    def run_json(self) -> dict:
        (run,) = self.run_dirs()
        return json.loads((run / "run.json").read_text())

    def entries(self):
        from studio.gallery.store import Gallery

        return Gallery(self.gallery).entries()


@pytest.fixture
def make(isolated_user: Path, tmp_path: Path) -> Make:
    return Make(isolated_user, tmp_path / "games")
