"""The showcase shipped in games/: every entry loads, and every game still passes the verifier."""

from __future__ import annotations

from pathlib import Path

import pytest

import studio
from studio.gallery.store import Gallery

SHOWCASE = Path(__file__).resolve().parents[2] / "games"


@pytest.mark.slow
def test_the_showcase_loads_and_every_game_still_verifies():
    warnings: list[str] = []
    entries = Gallery(SHOWCASE).entries(on_warning=warnings.append)
    assert warnings == []
    assert len(entries) >= 5
    assert any("tetris" in e.genre and "match3" in e.genre for e in entries)
    for entry in entries:
        assert entry.meta["source"] == "offline"
        assert entry.meta["verdict"]["playable"] is True
        assert entry.thumbnail and entry.thumbnail.exists()
        assert entry.preview and entry.preview.exists()
    verdicts = studio.verify_many([e.code_path for e in entries], seconds=8)
    for entry, verdict in zip(entries, verdicts, strict=True):
        assert verdict.playable and not verdict.flags, (entry.slug, verdict.summary())
