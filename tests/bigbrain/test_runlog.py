"""The run log writer and the record it derives for the gallery."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest

from studio.attempts import AttemptResult, Round
from studio.commands import make as make_command
from studio.errors import StudioError
from studio.lifecycle import AttemptState, RunStatus
from studio.models.offline import OfflineDesigner
from studio.record import controls_from, gallery_meta, genre_from, title_from
from studio.run import RunResult, Settings
from studio.runlog import RunLog, scrub, slugify
from studio.verdicts.report import Verdict


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


def test_secrets_are_blanked_longest_first_wherever_they_are_scrubbed():
    # A key that contains another: blanking the short one first would leave the long one's
    # tail readable ("***-tail"). The run log and `studio make`'s output share this scrub.
    short, long = "sk-abcd", "sk-abcd-tail-9999"
    assert scrub(f"{long} and {short}", (short, long, None, "x")) == "*** and ***"
    log = RunLog(Path("/nonexistent-run"), secrets=(short, long))  # scrubbing writes nothing
    assert log.scrub(f"<{long}>") == "<***>"
    assert make_command.scrub is scrub


def _contract_keys() -> list[str]:
    text = (Path(__file__).resolve().parents[2] / "docs" / "gallery-entry.md").read_text()
    section = text.split("## meta.json", 1)[1]
    return re.findall(r"^\| `(\w+)` \|", section, flags=re.M)


def test_the_winners_metadata_has_every_key_of_the_written_contract_and_no_other(tmp_path):
    verdict = Verdict(str(tmp_path / "game.py"), True, 90, [])
    winner = AttemptResult(n=1, seed=7, status=AttemptState.DONE)
    winner.rounds.append(Round(k=0, dir=tmp_path, code="x = 1", verdict=verdict))
    result = RunResult(status=RunStatus.OK, run_dir=tmp_path, attempts=[winner], winner=winner)
    meta = gallery_meta(
        Settings("snake"), OfflineDesigner(), result, winner, "x = 1", verdict, tmp_path
    )
    assert len(_contract_keys()) == 22  # design and frames: the remix reads them
    assert sorted(meta) == sorted(_contract_keys())
    assert meta["verdict"]["playable"] is True and meta["seed"] == 7
    assert json.loads(json.dumps(meta)) == meta  # plain JSON: no enum or path objects left
