"""Versions through the real CLI: history (tree, gaps, --json), diff, gallery, show, test."""

from __future__ import annotations

import json
import shutil

import pytest
from typer.testing import CliRunner

from studio.cli import app
from studio.gallery.store import Gallery

from .helpers import GAME, make_meta

runner = CliRunner()
WIDE = {"COLUMNS": "160", "TTY_COMPATIBLE": "1", "TERM": "dumb"}
PIPED = {"COLUMNS": "160", "TTY_COMPATIBLE": "0"}


def invoke(*args: str, env: dict[str, str] | None = None):
    return runner.invoke(app, list(args), env=env or WIDE)


@pytest.fixture
def lineage(gallery: Gallery) -> Gallery:
    """gem-fall@1 -> @2 -> @3, and a branch @4 from @1; plus a second game with one version."""
    v1 = gallery.add(GAME, make_meta("Gem Fall", created="2026-11-29T10:00:00Z"))
    v2 = gallery.add_version(
        v1,
        GAME.replace("* 4", "* 6"),
        make_meta("Gem Fall", request="make it faster", changed="speed 4 -> 6", model="qwen"),
    )
    flagged = {"playable": True, "score": 64, "flags": ["slow"], "summary": ""}
    gallery.add_version(
        v2,
        GAME.replace("* 4", "* 6").replace("FPS = 30", "FPS = 40"),
        make_meta("Gem Fall", request="smoother", changed="40 fps", score=64, verdict=flagged),
    )
    gallery.add_version(
        v1,
        GAME.replace("(320, 240)", "(400, 300)"),
        make_meta("Gem Fall", request="a bigger board", changed="board 400x300"),
    )
    gallery.add(GAME, make_meta("Neon Snake", created="2026-11-30T09:00:00Z"))
    return gallery


def test_history_is_a_tree_with_every_column(lineage: Gallery) -> None:
    result = invoke("history", "gem-fall", "--gallery", str(lineage.root))
    assert result.exit_code == 0, result.output
    out = result.stdout
    for header in ("version", "request", "score", "flags", "by", "date", "changed"):
        assert header in out
    lines = [ln for ln in out.splitlines() if "@" in ln]
    order = [next(t for t in ("@1", "@2", "@3", "@4") if t in ln) for ln in lines]
    assert order == ["@1", "@2", "@3", "@4"]  # depth first: @3 under @2, the branch @4 last
    assert "├─ @2" in out and "│  └─ @3" in out and "└─ @4" in out
    assert "make it faster" in out and "speed 4 -> 6" in out and "qwen" in out
    assert "slow" in out and "64" in out and "first version" in out


def test_history_json(lineage: Gallery) -> None:
    result = invoke("history", "gem-fall@2", "--json", "--gallery", str(lineage.root))
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert [(r["version"], r["parent"], r["depth"]) for r in rows] == [
        (1, None, 0),
        (2, 1, 1),
        (3, 2, 2),
        (4, 1, 1),
    ]
    assert rows[1]["request"] == "make it faster" and rows[1]["by"] == "qwen"
    assert rows[2]["flags"] == ["slow"] and rows[2]["score"] == 64
    assert rows[0]["ref"] == "gem-fall@1" and not any(r["gap"] for r in rows)


def test_history_shows_gaps_and_nothing_else_breaks(lineage: Gallery) -> None:
    shutil.rmtree(lineage.root / "gem-fall" / "versions" / "2")
    (lineage.root / "gem-fall" / "versions" / "4" / "meta.json").write_text("{oops")
    result = invoke("history", "gem-fall", "--json", "--gallery", str(lineage.root))
    assert result.exit_code == 0, result.output
    rows = {r["version"]: r for r in json.loads(result.stdout)}
    assert rows[2]["gap"] and "missing" in rows[2]["problem"]
    assert rows[4]["gap"] and "not readable JSON" in rows[4]["problem"]
    assert rows[3]["parent"] == 2 and rows[3]["request"] == "smoother"  # still under its gap
    table = invoke("history", "gem-fall", "--gallery", str(lineage.root))
    assert table.exit_code == 0 and "(gap)" in table.stdout
    assert "gem-fall@2 cannot be read" in table.stderr
    # the rest of the studio goes on: the gallery lists the latest readable version
    listed = invoke("gallery", "--gallery", str(lineage.root), env=PIPED)
    assert listed.exit_code == 0 and listed.stdout.splitlines()[1].startswith("gem-fall\t")
    shown = invoke("show", "gem-fall", "--json", "--gallery", str(lineage.root))
    assert json.loads(shown.stdout)["ref"] == "gem-fall@3"
    missing = invoke("show", "gem-fall@2", "--gallery", str(lineage.root))
    assert missing.exit_code == 1 and "its versions are @1, @3" in missing.stderr


def test_history_of_an_unknown_game(lineage: Gallery) -> None:
    result = invoke("history", "gem-fal", "--gallery", str(lineage.root))
    assert result.exit_code == 1 and "no game 'gem-fal'" in result.stderr
    assert "gem-fall" in result.stderr and "neon-snake" in result.stderr


def test_diff_plain_when_piped_coloured_in_a_terminal(lineage: Gallery) -> None:
    piped = invoke("diff", "gem-fall@1", "gem-fall@4", "--gallery", str(lineage.root), env=PIPED)
    assert piped.exit_code == 0, piped.output
    assert piped.stdout.startswith("--- gem-fall@1\n+++ gem-fall@4\n@@ ")
    assert "-SIZE = (320, 240)\n+SIZE = (400, 300)\n" in piped.stdout
    assert "\x1b[" not in piped.stdout
    coloured = invoke(
        "diff",
        "gem-fall@1",
        "gem-fall@4",
        "--gallery",
        str(lineage.root),
        env={"COLUMNS": "120", "TTY_COMPATIBLE": "1", "FORCE_COLOR": "1", "TERM": "xterm"},
    )
    assert coloured.exit_code == 0 and "\x1b[" in coloured.stdout
    assert "SIZE = (400, 300)" in coloured.stdout


def test_diff_against_the_parent_and_same_code(lineage: Gallery) -> None:
    result = invoke("diff", "gem-fall@3", "--gallery", str(lineage.root), env=PIPED)
    assert result.exit_code == 0
    assert result.stdout.startswith("--- gem-fall@2\n+++ gem-fall@3\n")
    assert "-FPS = 30\n+FPS = 40\n" in result.stdout and "* 6" not in result.stdout
    same = invoke("diff", "gem-fall@2", "gem-fall@2", "--gallery", str(lineage.root), env=PIPED)
    assert same.exit_code == 0 and "have the same code" in same.stdout
    first = invoke("diff", "gem-fall@1", "--gallery", str(lineage.root), env=PIPED)
    assert first.exit_code == 2 and "has no parent" in first.stderr
    unknown = invoke("diff", "gem-fall@1", "gem-fall@9", "--gallery", str(lineage.root))
    assert unknown.exit_code == 1
    assert "no version 9" in unknown.stderr and "@1, @2, @3, @4" in unknown.stderr


def test_gallery_lists_latest_with_count_and_every_version_on_request(lineage: Gallery) -> None:
    table = invoke("gallery", "--gallery", str(lineage.root))
    assert table.exit_code == 0, table.output
    assert "versions" in table.stdout
    row = next(ln for ln in table.stdout.splitlines() if "gem-fall" in ln)
    assert " 4 " in row and "gem-fall@" not in table.stdout
    piped = invoke("gallery", "--gallery", str(lineage.root), "--sort", "title", env=PIPED)
    assert [ln.split("\t")[0] for ln in piped.stdout.splitlines()] == ["gem-fall", "neon-snake"]
    every = invoke(
        "gallery", "--all-versions", "--sort", "title", "--gallery", str(lineage.root), env=PIPED
    )
    names = [ln.split("\t")[0] for ln in every.stdout.splitlines()]
    assert names == [f"gem-fall@{n}" for n in (1, 2, 3, 4)] + ["neon-snake@1"]
    rows = json.loads(invoke("gallery", "--json", "--gallery", str(lineage.root)).stdout)
    gem = next(r for r in rows if r["slug"] == "gem-fall")
    assert (gem["version"], gem["versions"], gem["ref"]) == (4, 4, "gem-fall@4")
    assert gem["request"] == "a bigger board"
    found = invoke("gallery", "--search", "bigger board", "--gallery", str(lineage.root), env=PIPED)
    assert found.stdout.startswith("gem-fall\t")


def test_show_a_version(lineage: Gallery) -> None:
    result = invoke("show", "gem-fall@2", "--gallery", str(lineage.root))
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "gem-fall@2" in out and "make it faster" in out and "speed 4 -> 6" in out
    assert "studio play gem-fall@2" in out
    assert str(lineage.root / "gem-fall" / "versions" / "2" / "game.py") in out
    bad = invoke("show", "gem-fall@x", "--gallery", str(lineage.root))
    assert bad.exit_code == 2 and "version number from 1" in bad.stderr


def test_test_a_version_runs_the_verifier_on_that_version(lineage: Gallery) -> None:
    result = invoke(
        "test", "gem-fall@4", "--seconds", "2", "--json", "--gallery", str(lineage.root)
    )
    verdict = json.loads(result.stdout)
    assert verdict["path"].endswith("gem-fall/versions/4/game.py")
    assert result.exit_code == (0 if verdict["playable"] else 1)
    missing = invoke("test", "gem-fall@8", "--gallery", str(lineage.root))
    assert missing.exit_code == 1 and "no version 8" in missing.stderr


def test_rm_and_rename_take_the_whole_game(lineage: Gallery) -> None:
    result = invoke("gallery", "rm", "gem-fall@2", "--yes", "--gallery", str(lineage.root))
    assert result.exit_code == 1 and "give its slug, 'gem-fall'" in result.stderr
    assert (lineage.root / "gem-fall" / "versions" / "2").is_dir()
    renamed = invoke("gallery", "rename", "gem-fall", "Jewel Fall", "--gallery", str(lineage.root))
    assert renamed.exit_code == 0, renamed.output
    assert [e.version for e in lineage.versions("jewel-fall")] == [1, 2, 3, 4]
    assert lineage.resolve("jewel-fall@3").meta["request"] == "smoother"
    gone = invoke("gallery", "rm", "jewel-fall", "--yes", "--gallery", str(lineage.root))
    assert gone.exit_code == 0 and not (lineage.root / "jewel-fall").exists()


def test_play_an_unknown_version_says_which_exist(lineage: Gallery) -> None:
    result = invoke("play", "gem-fall@9", "--gallery", str(lineage.root))
    assert result.exit_code == 1
    assert "gem-fall has no version 9" in result.stderr and "@1, @2, @3, @4" in result.stderr
    assert "playing" not in result.stderr
