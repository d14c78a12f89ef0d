"""The gallery commands through the real CLI: listing, sort and filters, show, --json."""

from __future__ import annotations

import json
import re

import pytest
from typer.testing import CliRunner

from studio.cli import app
from studio.gallery.store import Gallery

runner = CliRunner()
WIDE = {"COLUMNS": "200", "TTY_COMPATIBLE": "1", "TERM": "dumb"}  # a terminal, no colours


def invoke(*args: str, env: dict[str, str] | None = None):
    return runner.invoke(app, list(args), env={**WIDE, **(env or {})})


def slugs_in(output: str) -> list[str]:
    """The slugs in table order (the last column)."""
    return re.findall(r"\b(gem-fall|neon-snake|astro-rocks)\s*[│|]?\s*$", output, re.M)


def test_table_lists_every_game_with_its_columns(filled: Gallery) -> None:
    result = invoke("gallery", "--gallery", str(filled.root))
    assert result.exit_code == 0, result.output
    for header in ("title", "genre", "source", "score", "date", "slug"):
        assert header in result.stdout
    assert "Gem Fall" in result.stdout and "2026-11-29 10:00" in result.stdout
    assert slugs_in(result.stdout) == ["neon-snake", "gem-fall", "astro-rocks"]  # newest first


@pytest.mark.slow
@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--sort", "score"], ["gem-fall", "neon-snake", "astro-rocks"]),
        (["--sort", "title"], ["astro-rocks", "gem-fall", "neon-snake"]),
        (["--sort", "date"], ["neon-snake", "gem-fall", "astro-rocks"]),
        (["--source", "model"], ["astro-rocks"]),
        (["--source", "offline", "--sort", "title"], ["gem-fall", "neon-snake"]),
        (["--genre", "PUZ"], ["gem-fall"]),
        (["--min-score", "70", "--sort", "score"], ["gem-fall", "neon-snake"]),
        (["--search", "bejeweled"], ["gem-fall"]),
        (["--search", "gpt-4o"], ["astro-rocks"]),
    ],
)
def test_sort_and_filters(filled: Gallery, args: list[str], expected: list[str]) -> None:
    result = invoke("gallery", "--gallery", str(filled.root), *args)
    assert result.exit_code == 0, result.output
    assert slugs_in(result.stdout) == expected


def test_gallery_from_env_and_json(filled: Gallery) -> None:
    result = invoke(
        "gallery", "--json", "--sort", "score", env={"STUDIO_GALLERY": str(filled.root)}
    )
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert [r["slug"] for r in rows] == ["gem-fall", "neon-snake", "astro-rocks"]
    assert rows[0]["code"].endswith("gem-fall/game.py")
    assert rows[2]["run_log"] == "/tmp/runs/2026-11-28-astro"


def test_bad_sort_and_source_are_usage_errors(filled: Gallery) -> None:
    result = invoke("gallery", "--gallery", str(filled.root), "--sort", "size")
    assert result.exit_code == 2
    assert "unknown sort 'size'" in result.stderr and "score, date, title" in result.stderr
    result = invoke("gallery", "--gallery", str(filled.root), "--source", "human")
    assert result.exit_code == 2 and "model, offline" in result.stderr


def test_corrupt_entry_warns_on_stderr_and_listing_goes_on(filled: Gallery) -> None:
    (filled.root / "half-written").mkdir()
    (filled.root / "half-written" / "meta.json").write_text('{"title": "Hal')
    (filled.root / "half-written" / "game.py").write_text("print(1)\n")
    result = invoke("gallery", "--gallery", str(filled.root))
    assert result.exit_code == 0
    assert "half-written" in result.stderr and "warning" in result.stderr
    assert "half-written" not in result.stdout
    assert len(slugs_in(result.stdout)) == 3


def test_empty_gallery_says_how_to_make_a_game(gallery: Gallery) -> None:
    result = invoke("gallery", "--gallery", str(gallery.root))
    assert result.exit_code == 0
    assert "No games" in result.stdout and "studio make" in result.stdout


def test_show_prints_metadata_verdict_attempts_code_and_play(filled: Gallery) -> None:
    result = invoke("show", "gem-fall", "--gallery", str(filled.root))
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "Gem Fall" in out and "a game that mixes Tetris and Bejeweled" in out
    assert "offline designer (no model)" in out
    assert "verdict: playable, score 91, no flags" in out
    assert "attempts" in out and "crash" in out
    assert str((filled.root / "gem-fall" / "game.py").resolve()) in out
    assert "studio play gem-fall" in out


def test_show_json_and_missing_slug(filled: Gallery) -> None:
    result = invoke("show", "astro-rocks", "--json", "--gallery", str(filled.root))
    assert json.loads(result.stdout)["model"] == "gpt-4o-mini"
    result = invoke("show", "no-such-game", "--gallery", str(filled.root))
    assert result.exit_code == 1
    assert "no game 'no-such-game'" in result.stderr and "studio gallery" in result.stderr
