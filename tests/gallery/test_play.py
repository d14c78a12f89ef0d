"""`studio play`: a clear message with no display, and a real process in the game's folder."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from studio.cli import app
from studio.errors import GalleryError, UsageError
from studio.gallery import play as play_mod
from studio.gallery.store import Gallery

from .helpers import make_meta

NO_SCREEN = {"DISPLAY": None, "WAYLAND_DISPLAY": None, "SDL_VIDEODRIVER": None}


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="DISPLAY rules are Linux's")
def test_play_without_display_says_how_to_fix_it(filled: Gallery) -> None:
    result = CliRunner().invoke(
        app, ["play", "gem-fall", "--gallery", str(filled.root)], env=NO_SCREEN
    )
    assert result.exit_code == 1
    err = result.stderr
    assert "no display" in err and "DISPLAY" in err
    assert "machine with a screen" in err and "studio test" in err
    assert "playing" not in err  # nothing was started


def test_play_with_the_dummy_driver_says_to_unset_it(filled: Gallery) -> None:
    result = CliRunner().invoke(
        app,
        ["play", "gem-fall", "--gallery", str(filled.root)],
        env={"DISPLAY": ":0", "SDL_VIDEODRIVER": "dummy"},
    )
    assert result.exit_code == 1
    assert "SDL_VIDEODRIVER=dummy" in result.stderr and "unset it" in result.stderr


def test_play_unknown_game(filled: Gallery) -> None:
    result = CliRunner().invoke(app, ["play", "nope", "--gallery", str(filled.root)])
    assert result.exit_code == 1 and "no game 'nope'" in result.stderr
    result = CliRunner().invoke(app, ["play", "missing.py"])
    assert result.exit_code == 2 and "no such game file" in result.stderr


def test_display_problem_rules() -> None:
    assert play_mod.display_problem({"DISPLAY": ":0"}, "linux") == ""
    assert play_mod.display_problem({"WAYLAND_DISPLAY": "wayland-0"}, "linux") == ""
    assert "neither DISPLAY" in play_mod.display_problem({}, "linux")
    assert play_mod.display_problem({}, "darwin") == ""
    assert "offscreen" in play_mod.display_problem({"SDL_VIDEODRIVER": "offscreen"}, "win32")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="uses an X display name")
def test_unreachable_x_server_is_caught_before_the_game_starts(filled: Gallery) -> None:
    """SDL silently falls back to an invisible driver when X is unreachable: the probe sees it."""
    env = {"DISPLAY": ":987", "PATH": "/usr/bin:/bin", "HOME": str(filled.root)}
    game = filled.get("gem-fall").code_path
    started: list[Path] = []
    with pytest.raises(GalleryError, match=r"SDL could not open a window on DISPLAY=:987"):
        play_mod.play(game, env=env, announce=started.append)
    assert started == []
    forced = play_mod.probe_window({**env, "SDL_VIDEODRIVER": "x11"})
    assert "SDL could not open a window on DISPLAY=:987" in forced


def test_play_runs_the_game_in_its_folder_and_returns_its_code(
    gallery: Gallery, monkeypatch, capfd
) -> None:
    code = (
        "import os, sys\n"
        "open('where.txt', 'w').write(os.getcwd())\n"
        "print('boom on stderr', file=sys.stderr)\n"
        "sys.exit(3)\n"
    )
    entry = gallery.add(code, make_meta("Exit Three"))
    monkeypatch.setattr(play_mod, "probe_window", lambda env: "")  # as if a screen were there
    started: list[Path] = []
    path = play_mod.resolve_game("exit-three", gallery)
    rc = play_mod.play(
        path, env={"DISPLAY": ":0", "PATH": "/usr/bin:/bin"}, announce=started.append
    )
    assert rc == 3 and started == [entry.code_path]
    assert (entry.path / "where.txt").read_text() == str(entry.path)
    assert "boom on stderr" in capfd.readouterr().err  # the game's stderr reaches the person


def test_sdl_error_after_start_becomes_the_display_message(gallery: Gallery, monkeypatch) -> None:
    code = (
        "import sys\n"
        "print('pygame.error: No available video device', file=sys.stderr)\n"
        "sys.exit(1)\n"
    )
    entry = gallery.add(code, make_meta("No Video"))
    monkeypatch.setattr(play_mod, "probe_window", lambda env: "")
    with pytest.raises(GalleryError, match="No available video device.*studio test"):
        play_mod.play(entry.code_path, env={"DISPLAY": ":0", "PATH": "/usr/bin:/bin"})


def test_resolve_game_accepts_slug_folder_and_file(filled: Gallery, tmp_path: Path) -> None:
    entry = filled.get("neon-snake")
    assert play_mod.resolve_game("neon-snake", filled) == entry.code_path
    assert play_mod.resolve_game(str(entry.path), filled) == entry.code_path
    loose = tmp_path / "mine.py"
    loose.write_text("print(1)\n")
    assert play_mod.resolve_game(str(loose), filled) == loose.resolve()
    with pytest.raises(UsageError):
        play_mod.resolve_game(str(tmp_path / "absent.py"), filled)
