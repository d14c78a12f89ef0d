"""The run log writer and the record it derives for the gallery."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from studio.errors import StudioError
from studio.record import controls_from, genre_from, title_from
from studio.runlog import RunLog, slugify


def test_folders_are_timestamped_slugged_and_unique(tmp_path):
    now = datetime(2026, 11, 30, 1, 2, 3, tzinfo=UTC)
    a = RunLog.create(tmp_path, "Tetris meets Bejeweled!", now=now)
    b = RunLog.create(tmp_path, "Tetris meets Bejeweled!", now=now)
    assert a.path.name == "20261130T010203Z-tetris-meets-bejeweled"
    assert b.path.name == "20261130T010203Z-tetris-meets-bejeweled-2"
    assert slugify("!!!") == "game"


def test_every_write_is_scrubbed_of_secrets(tmp_path):
    log = RunLog.create(tmp_path, "x", secrets=("sk-very-secret", None, "ab"))
    folder = log.attempt_dir(2, repair=1)
    assert folder == log.path / "attempt-2" / "repair-1"
    log.write_text(folder / "reply.txt", "key sk-very-secret here; ab stays")
    log.write_json(folder / "m.json", {"sk-very-secret": ["sk-very-secret"]})
    log.write_run({"note": "x sk-very-secret"})
    assert (folder / "reply.txt").read_text() == "key *** here; ab stays"
    assert json.loads((folder / "m.json").read_text()) == {"***": ["***"]}
    assert "sk-very-secret" not in (log.path / "run.json").read_text()


def test_writes_outside_the_run_folder_are_refused(tmp_path):
    log = RunLog.create(tmp_path / "runs", "x")
    with pytest.raises(StudioError, match="outside the run folder"):
        log.write_text(tmp_path / "elsewhere.txt", "no")


def test_title_genre_and_controls_from_designer_extra_code_or_prompt():
    code = '"""Gem Fall: falling gems.\n\nControls: arrows move\nSpace drops\n\nMore."""\n'
    extra = {"title": "Designer Title", "genre": "match-3", "controls": ["A: left", "D: right"]}
    assert title_from(code, "p", extra) == "Designer Title"
    assert genre_from("p", extra) == "match-3"
    assert controls_from(code, extra) == "A: left\nD: right"
    assert title_from(code, "p") == "Gem Fall"
    assert controls_from(code) == "arrows move\nSpace drops"
    assert title_from("x = 1", "a game that mixes Tetris and Bejeweled") == "Tetris and Bejeweled"
    assert genre_from("a game that mixes Tetris and Bejeweled") == "falling-block puzzle + match-3"
    assert genre_from("something new") == "arcade"
