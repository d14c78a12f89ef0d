"""Fixtures for ``studio remix`` / ``studio fix``: a gallery with a parent game, the fake model
server and a runner for the real CLI."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from tests.bigbrain.games import good_game
from tests.fakeserver import FakeServer

KEY = "sk-remix-TEST-KEY-0a1b2c3d4e5f"
SECONDS = "4"


@pytest.fixture
def server() -> Iterator[FakeServer]:
    with FakeServer() as srv:
        yield srv


class Studio:
    """Runs ``studio remix`` / ``studio fix`` / ``studio make`` in-process on one gallery."""

    def __init__(self, home: Path, gallery: Path) -> None:
        self.home = home
        self.gallery = gallery
        self.runner = CliRunner()

    def __call__(self, *args: str, server: FakeServer | None = None) -> Any:
        from studio.cli import app

        argv = [*args, "--seconds", SECONDS, "--gallery", str(self.gallery)]
        if server is not None:
            argv += ["--base-url", server.url, "--model", "fake-model", "--api-key", KEY]
        return self.runner.invoke(app, argv, catch_exceptions=False)

    def store(self) -> Any:
        from studio.gallery.store import Gallery

        return Gallery(self.gallery)

    def add_parent(self, code: str | None = None, **meta: Any) -> Any:
        """A model-made game in the gallery (version 1), with no frame record."""
        base = {
            "title": "Catch",
            "prompt": "a catch game with falling dots",
            "genre": "arcade",
            "source": "model",
            "verdict": {"playable": True, "score": 90, "flags": [], "summary": "playable"},
        }
        return self.store().add(code or good_game(1), {**base, **meta})

    def run_dirs(self) -> list[Path]:
        root = self.home / "runs"
        return sorted(p for p in root.iterdir() if p.is_dir()) if root.is_dir() else []

    def run_json(self) -> dict[str, Any]:
        run = self.run_dirs()[-1]
        return json.loads((run / "run.json").read_text())


@pytest.fixture
def studio(isolated_user: Path, tmp_path: Path) -> Studio:
    return Studio(isolated_user, tmp_path / "games")
