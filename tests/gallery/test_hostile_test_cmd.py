"""`studio test` for a hostile or careless user (issue 14, items 7, 8, 10 and 16).

What is not a Python program is refused without quoting it; a syntax error never quotes
the file; a game's errors print as text, not as terminal commands or markup; `--out` is
checked before any work; `--json` puts only the JSON on stdout, whatever the game imports.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from studio.cli import app

runner = CliRunner()
SECRET = "root:$6$s3cr3t-hash-never-to-print:19000:0:99999:7:::"
STAR_GAME = """\
import pygame
from pygame.locals import *

pygame.init()
screen = pygame.display.set_mode((200, 150))
clock = pygame.time.Clock()
x = 0
while True:
    for event in pygame.event.get():
        if event.type == QUIT:
            raise SystemExit
        if event.type == KEYDOWN:
            x += 10
    screen.fill((0, 0, 0))
    pygame.draw.rect(screen, (200, 50, 50), (x % 200, 60, 20, 20))
    pygame.display.flip()
    clock.tick(30)
"""


def studio(*args: str, **kwargs) -> subprocess.CompletedProcess[str]:
    """The real `studio` command of this environment, as a person would run it."""
    exe = Path(sys.executable).with_name("studio")
    if not exe.exists():
        exe = shutil.which("studio")  # type: ignore[assignment]
    cmd = [str(exe)] if exe else [sys.executable, "-c", "from studio.cli import main; main()"]
    return subprocess.run(
        [*cmd, *args], capture_output=True, text=True, timeout=180, check=False, **kwargs
    )


def invoke(*args: str):
    return runner.invoke(app, list(args), env={"COLUMNS": "200"})


# -- item 7: the content of what is not a program is never printed ----------------------------


@pytest.fixture
def secret_file(tmp_path: Path) -> Path:
    path = tmp_path / "shadow"
    path.write_text(SECRET + "\nsecond line\n")
    return path


def not_a_program(tmp_path: Path, secret_file: Path) -> dict[str, Path]:
    link = tmp_path / "game.py"
    link.symlink_to(secret_file)
    binary = tmp_path / "binary.py"
    binary.write_bytes(b"\x7fELF\x00\x00" + SECRET.encode() + b"\x00\n")
    return {"link": link, "no .py": secret_file, "binary": binary}


@pytest.mark.parametrize("json_out", [False, True])
def test_what_is_not_a_python_program_is_refused_unquoted(
    tmp_path: Path, secret_file: Path, json_out: bool
) -> None:
    for what, path in not_a_program(tmp_path, secret_file).items():
        result = invoke("test", str(path), *(["--json"] if json_out else []))
        assert result.exit_code == 2, (what, result.output)
        assert "s3cr3t" not in result.output, what
        assert "s3cr3t" not in result.stderr, what
        assert result.stdout.strip() == "", what  # nothing a script could take for a verdict
        assert ".py" in result.stderr or "binary" in result.stderr, (what, result.stderr)


@pytest.mark.parametrize("json_out", [False, True])
def test_a_syntax_error_names_its_line_but_never_quotes_it(tmp_path: Path, json_out: bool) -> None:
    game = tmp_path / "notes.py"  # a .py whose first line is not code
    game.write_text(SECRET + "\nprint('hello')\n")
    result = invoke("test", str(game), "--seconds", "2", *(["--json"] if json_out else []))
    assert result.exit_code == 1, result.output
    assert "s3cr3t" not in result.output and "root:" not in result.output
    if json_out:
        data = json.loads(result.stdout)
        assert data["flags"] == ["syntax_error"]
        assert "line 1" in data["error"]["message"]
    else:
        assert "syntax_error" in result.stdout and "line 1" in result.stdout


# -- item 8: a game's errors are text, not terminal commands or markup -----------------------


def test_a_games_error_prints_escaped_and_literal(tmp_path: Path) -> None:
    game = tmp_path / "evil.py"
    game.write_text(
        'import pygame\nraise RuntimeError("\\x1b]0;pwned\\x07\\x1b[31m [/x] [red]boom\\r")\n'
    )
    result = invoke("test", str(game), "--seconds", "2")
    assert result.exit_code == 1, result.output
    out = result.stdout
    for char in ("\x1b", "\x07", "\r"):
        assert char not in out, repr(out)
    assert "RuntimeError" in out and "\\x1b]0;pwned\\x07" in out
    assert "[/x] [red]boom" in out  # markup printed as typed (and no MarkupError)


# -- item 10: --out is checked before any work -----------------------------------------------


def test_out_that_is_a_file_is_a_usage_error_before_any_work(tmp_path: Path) -> None:
    game = tmp_path / "star.py"
    game.write_text(STAR_GAME)
    afile = tmp_path / "out.txt"
    afile.write_text("keep me\n")
    for out in (afile, afile / "sub"):
        result = invoke("test", str(game), "--out", str(out))
        assert result.exit_code == 2, result.output
        err = result.stderr.replace("\n", "")
        assert "--out" in err and "a folder you can write to" in err and "Traceback" not in err
        assert result.stdout == ""  # no verdict was made
    assert afile.read_text() == "keep me\n"


@pytest.mark.parametrize("seconds", ["nan", "0", "601"])
def test_seconds_out_of_range_is_a_usage_error(tmp_path: Path, seconds: str) -> None:
    game = tmp_path / "star.py"
    game.write_text(STAR_GAME)
    result = invoke("test", str(game), "--seconds", seconds)
    assert result.exit_code == 2, result.output
    assert "--seconds must be between 0 and 600" in result.stderr


# -- item 16: --json is only JSON on stdout ---------------------------------------------------


@pytest.mark.slow
def test_json_is_alone_on_stdout_for_a_game_that_star_imports_pygame(tmp_path: Path) -> None:
    game = tmp_path / "star.py"
    game.write_text(STAR_GAME)
    env = {k: v for k, v in os.environ.items() if k != "PYGAME_HIDE_SUPPORT_PROMPT"}
    proc = studio("test", str(game), "--json", "--seconds", "3", env=env, cwd=tmp_path)
    assert proc.returncode in (0, 1), proc.stderr[-2000:]
    assert proc.stdout.lstrip().startswith("{"), proc.stdout[:300]
    data = json.loads(proc.stdout)  # all of stdout is the one JSON document
    assert data["path"] == str(game)
    assert "pygame-ce" not in proc.stdout


def test_json_stdout_holds_only_json_even_when_pygame_prints_its_banner(tmp_path: Path) -> None:
    """The app without main()'s banner setting (embedded in another script): whatever
    prints on stdout while the verdict is made, pygame's banner here, goes to stderr."""
    game = tmp_path / "star.py"
    game.write_text(STAR_GAME)
    env = {k: v for k, v in os.environ.items() if k != "PYGAME_HIDE_SUPPORT_PROMPT"}
    script = "from studio.cli import app; app()"
    proc = subprocess.run(
        [sys.executable, "-c", script, "test", str(game), "--json", "--seconds", "3"],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
        env=env,
        cwd=tmp_path,
    )
    assert proc.returncode in (0, 1), proc.stderr[-2000:]
    assert json.loads(proc.stdout)["path"] == str(game)
    assert "pygame-ce" in proc.stderr  # it was printed, and not on stdout
