"""The vote file: atomic appends, corrupt lines skipped, imports without duplicates."""

from __future__ import annotations

import json
import multiprocessing
from pathlib import Path

import pytest
from typer.testing import CliRunner

from studio.arena.votes import (
    Vote,
    append_votes,
    import_votes,
    read_votes,
    record,
    votes_path,
)
from studio.cli import app
from studio.errors import UsageError


def vote(n: int = 0, choice: str = "A", **extra: object) -> Vote:
    fields: dict[str, object] = {
        "prompt": "snake",
        "a": f"snake-{n}",
        "b": "snake-gpt",
        "source_a": "offline designer",
        "source_b": "gpt-4o-mini",
        "vote": choice,
        "seconds_a": 12.5,
        "seconds_b": 8.0,
    }
    fields.update(extra)
    return Vote(**fields)  # type: ignore[arg-type]


def test_a_vote_is_one_json_line_in_the_user_data_dir(isolated_user: Path) -> None:
    assert votes_path() == isolated_user / "arena-votes.jsonl"
    kept = record(vote(1, "tie"))
    assert kept.time.endswith("Z") and len(kept.id) == 32
    lines = votes_path().read_text().splitlines()
    assert len(lines) == 1
    data = json.loads(lines[0])
    assert data["vote"] == "tie" and data["a"] == "snake-1" and data["source_b"] == "gpt-4o-mini"
    assert data["seconds_a"] == 12.5 and data["judge"] is False and data["id"] == kept.id
    assert read_votes() == [kept]
    with pytest.raises(UsageError, match="A, B, tie, both_bad"):
        record(vote(2, "maybe"))


def test_a_corrupt_line_is_skipped_with_a_warning_and_the_rest_kept() -> None:
    record(vote(1))
    with open(votes_path(), "a") as fh:
        fh.write('{"id": "x", "vote": "A"}\nnot json at all\n\xff\n{"id": "torn", "pro')
    record(vote(2, "B"))  # after a torn last line: on a line of its own
    warnings: list[str] = []
    votes = read_votes(on_warning=warnings.append)
    assert [v.a for v in votes] == ["snake-1", "snake-2"]
    assert len(warnings) == 4
    assert "line 2 is not a vote (no prompt" in warnings[0]
    assert "line 3" in warnings[1] and "line 5" in warnings[3]
    assert all("the rest are kept" in w for w in warnings)


def _append_many(path: str, tag: int, barrier: object) -> None:
    barrier.wait()  # type: ignore[attr-defined]
    for i in range(40):
        append_votes([vote(tag * 100 + i, reason="x" * 3000)], Path(path))


def _read_many(path: str, barrier: object, torn: object) -> None:
    barrier.wait()  # type: ignore[attr-defined]
    for _ in range(60):
        warnings: list[str] = []
        read_votes(Path(path), on_warning=warnings.append)
        torn.value += len(warnings)  # type: ignore[attr-defined]


def test_appends_from_processes_at_once_never_interleave(tmp_path: Path) -> None:
    path = tmp_path / "votes.jsonl"
    ctx = multiprocessing.get_context("fork")
    barrier = ctx.Barrier(5)
    torn = ctx.Value("i", 0)
    procs = [ctx.Process(target=_append_many, args=(str(path), t, barrier)) for t in range(4)]
    procs.append(ctx.Process(target=_read_many, args=(str(path), barrier, torn)))
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
        assert p.exitcode == 0
    assert torn.value == 0  # a reader never saw half a vote
    warnings: list[str] = []
    votes = read_votes(path, on_warning=warnings.append)
    assert warnings == [] and len(votes) == 160 and len({v.id for v in votes}) == 160


def test_import_merges_and_recognises_duplicates_by_id(tmp_path: Path) -> None:
    mine = [record(vote(1)), record(vote(2))]
    other = tmp_path / "other.jsonl"
    theirs = [vote(3, "B"), vote(4, "both_bad")]
    append_votes([mine[0], *theirs], other)
    assert import_votes(other) == (2, 1)
    assert import_votes(other) == (0, 3)
    assert [v.id for v in read_votes()] == [mine[0].id, mine[1].id, theirs[0].id, theirs[1].id]
    with pytest.raises(UsageError, match="no such vote file"):
        import_votes(tmp_path / "absent.jsonl")


def test_cli_import(tmp_path: Path) -> None:
    other = tmp_path / "other.jsonl"
    append_votes([vote(3, "B"), vote(4)], other)
    with open(other, "a") as fh:
        fh.write("garbage\n")
    runner = CliRunner()
    result = runner.invoke(app, ["arena", "--import", str(other)])
    assert result.exit_code == 0, result.output
    assert "imported 2 votes (0 already here)" in result.stdout
    assert "line 3 is not a vote" in result.stderr
    result = runner.invoke(app, ["arena", "--import", str(other)])
    assert "imported 0 votes (2 already here)" in result.stdout
    assert len(read_votes()) == 2
    result = runner.invoke(app, ["arena", "--import", str(tmp_path / "nope.jsonl")])
    assert result.exit_code == 2 and "no such vote file" in result.stderr
