"""Conventions people know from gh, uv and httpie: -h, flags without a type, PROMPT, a last
line a script can use, --quiet and --json, plain text in pipes, offline runs without tokens."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from studio.cli import app
from studio.gallery import listing
from studio.gallery.store import Gallery

from .helpers import GAME, make_meta

runner = CliRunner()
TERMINAL = {"COLUMNS": "120", "TTY_COMPATIBLE": "1", "TERM": "dumb"}
COMMANDS = [
    ["make"],
    ["test"],
    ["gallery"],
    ["gallery", "rm"],
    ["gallery", "rename"],
    ["show"],
    ["play"],
    ["arcade"],
    ["models"],
    ["genres"],
    ["config", "show"],
    ["config", "set"],
]


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_every_command_takes_dash_h_and_lists_flags_without_a_type(command: list[str]) -> None:
    result = runner.invoke(app, [*command, "-h"], env=TERMINAL)
    assert result.exit_code == 0, result.output
    assert "<bool>" not in result.stdout
    assert "Usage" in result.stdout


def test_make_help_names_its_argument_prompt_and_gives_examples() -> None:
    out = runner.invoke(app, ["make", "--help"], env=TERMINAL).stdout
    assert "PROMPT" in out and "{prompt}" not in out
    assert 'studio make "snake meets breakout"' in out
    assert "--quiet" in out and "--json" in out


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """One offline make, three ways: plain, --quiet and --json (a few seconds each)."""
    gallery = tmp_path_factory.mktemp("made")
    env = {"STUDIO_GALLERY": str(gallery), "COLUMNS": "120"}
    base = ["make", "something with cats", "-n", "1", "--seconds", "4", "--seed", "7"]
    plain = runner.invoke(app, base, env=env)
    quiet = runner.invoke(app, [*base, "--quiet"], env=env)
    as_json = runner.invoke(app, [*base, "--json"], env=env)
    return {"gallery": gallery, "plain": plain, "quiet": quiet, "json": as_json}


def test_make_ends_with_the_slug_and_folder(made: dict) -> None:
    result = made["plain"]
    assert result.exit_code == 0, result.output
    slug, folder = result.stdout.splitlines()[-1].split("\t")
    assert Path(folder).is_dir() and Path(folder).name == slug
    assert "--seed 7" in result.stdout  # the run seed, labelled as the one to reuse


def test_offline_make_prints_no_tokens_or_dollars(made: dict) -> None:
    out = made["plain"].stdout
    assert "Tokens:" not in out and "$" not in out and "tokens" not in out.lower().split("time")[0]
    assert "no tokens, no cost" in out


def test_make_quiet_prints_only_the_last_line(made: dict) -> None:
    result = made["quiet"]
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert len(lines) == 1
    slug, folder = lines[0].split("\t")
    assert Gallery(Path(folder).parent).get(slug).meta["run_seed"] == 7


def test_make_json_is_the_only_stdout(made: dict) -> None:
    result = made["json"]
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["status"] == "ok" and data["run_seed"] == 7
    assert Path(data["code"]).is_file() and data["cost_usd"] is None
    assert data["attempts"][0]["n"] == 1


def test_show_labels_the_seeds_and_says_understood_once(made: dict) -> None:
    slug = made["quiet"].stdout.split("\t")[0]
    env = {"STUDIO_GALLERY": str(made["gallery"]), "COLUMNS": "60"}
    out = runner.invoke(app, ["show", slug], env=env).stdout
    assert "run seed" in out and "--seed 7" in out and "attempt seed" in out
    assert out.count("understood") == 1
    run_log = json.loads(runner.invoke(app, ["show", slug, "--json"], env=env).stdout)["run_log"]
    assert f"run log: {run_log}" in out  # whole on one line, copyable
    assert "tokens" not in out and "$" not in out


def test_models_is_tab_separated_when_piped_and_speaks_json() -> None:
    piped = runner.invoke(app, ["models"], env={"TTY_COMPATIBLE": "0"})
    lines = piped.stdout.splitlines()
    assert lines[0].split("\t")[:2] == ["openai", "https://api.openai.com/v1"]
    assert all(len(line.split("\t")) == 5 for line in lines)
    data = json.loads(runner.invoke(app, ["models", "--json", "--preset", "ollama"]).stdout)
    assert {p["preset"] for p in data["presets"]} >= {"openai", "ollama"}
    assert data["endpoint"]["preset"] == "ollama"


def test_show_of_a_model_game_still_counts_tokens(tmp_path: Path) -> None:
    gallery = Gallery(tmp_path / "g")
    entry = gallery.add(GAME, make_meta("Paid", source="model", tokens={"prompt": 5}))
    text = "".join(str(line) for line in listing.where(entry))
    assert str(entry.code_path) in text
    env = {"STUDIO_GALLERY": str(gallery.root), "COLUMNS": "100"}
    out = runner.invoke(app, ["show", entry.slug], env=env).stdout
    assert "tokens" in out


def test_the_live_table_and_the_final_table_name_their_columns_alike() -> None:
    from rich.console import Console

    from studio.bigbrain import RunResult
    from studio.commands.make_report import attempts_table
    from studio.progress import LiveProgress

    live = LiveProgress(Console(file=None, force_terminal=False)).table()
    final = attempts_table(RunResult(status="ok", run_dir=Path("."), attempts=[]))
    live_names = [str(c.header) for c in live.columns]
    final_names = [str(c.header) for c in final.columns]
    assert set(live_names) <= set(final_names), (live_names, final_names)
