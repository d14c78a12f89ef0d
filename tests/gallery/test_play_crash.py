"""A game that crashes while a person plays it: the traceback is shown, recorded with the
version that ran, and the message says `studio fix SLUG@N`.

The end-to-end test runs `studio play SLUG@N` as its own process on a real X server (Xvfb),
the game in its own child process as for a person, and presses a key with xdotool (XTEST):
the game divides by zero on that key.
"""

from __future__ import annotations

import json
import os
import queue
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from studio.cli import app
from studio.commands.gallery import launcher
from studio.gallery import play as play_mod
from studio.gallery.store import Gallery
from tests.bigbrain.games import good_game
from tests.fakeserver import Answer, FakeServer, fenced

from .helpers import GAME, make_meta

#: Waits for a window, then divides by zero on the first key press.
CRASHES_ON_A_KEY = """\
import pygame

pygame.init()
screen = pygame.display.set_mode((200, 150))
pygame.display.set_caption("Key Crash")
clock = pygame.time.Clock()
lives = 0
ready = False
running = True
while running:
    for event in pygame.event.get():
        if event.type == pygame.QUIT:
            running = False
        elif event.type == pygame.KEYDOWN:
            print("score per life:", 100 // lives)
    screen.fill((20, 20, 40))
    pygame.display.flip()
    if not ready:
        print("ready", flush=True)
        ready = True
    clock.tick(30)
pygame.quit()
"""
CRASHES_AT_ONCE = "import sys\nprint('starting', file=sys.stderr)\nraise KeyError('no level 3')\n"
NEEDS_X = pytest.mark.skipif(
    not (shutil.which("Xvfb") and shutil.which("xdotool")) or sys.platform != "linux",
    reason="needs Xvfb and xdotool (the CI installs both)",
)


@pytest.fixture
def xserver() -> Iterator[str]:
    """A private Xvfb; yields its DISPLAY (the server picks a free number: -displayfd)."""
    read, write = os.pipe()
    proc = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "640x480x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as fh:
        number = fh.readline().strip()
    try:
        assert number.isdigit(), "Xvfb did not start"
        yield f":{number}"
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def _lines(stream: Any, into: queue.Queue[str]) -> None:
    for line in iter(stream.readline, ""):
        into.put(line)
    into.put("")


@NEEDS_X
def test_a_crash_on_a_key_press_is_shown_recorded_and_says_studio_fix(
    gallery: Gallery, xserver: str, tmp_path: Path
) -> None:
    v1 = gallery.add(GAME, make_meta("Key Crash"))
    gallery.add_version(v1, CRASHES_ON_A_KEY, make_meta("Key Crash", request="harder"))
    env = {
        **os.environ,
        "DISPLAY": xserver,
        "SDL_AUDIODRIVER": "dummy",
        "STUDIO_GALLERY": str(gallery.root),
        "COLUMNS": "200",
    }
    env.pop("SDL_VIDEODRIVER", None)
    env.pop("WAYLAND_DISPLAY", None)
    command = [sys.executable, "-c", "from studio.cli import main; main()", "play", "key-crash@2"]
    pipe = subprocess.PIPE
    with subprocess.Popen(
        command, env=env, cwd=tmp_path, stdout=pipe, stderr=pipe, text=True
    ) as proc:
        out: queue.Queue[str] = queue.Queue()
        reader = threading.Thread(target=_lines, args=(proc.stdout, out), daemon=True)
        reader.start()
        try:
            line = out.get(timeout=120)
            while line and line.strip() != "ready":  # the game's stdout, through the studio
                line = out.get(timeout=120)
            assert line.strip() == "ready", "the game never opened its window"
            subprocess.run(["xdotool", "key", "space"], env=env, check=True, timeout=30)
            code = proc.wait(timeout=120)
        finally:
            if proc.poll() is None:
                proc.kill()
        assert proc.stderr is not None
        err = proc.stderr.read()
        reader.join(timeout=30)
    assert code == 1, err
    assert "Traceback (most recent call last):" in err and "100 // lives" in err  # shown
    assert "the game crashed: ZeroDivisionError" in err
    assert "studio fix key-crash@2" in err
    crashes = json.loads((gallery.root / "key-crash" / "versions" / "2" / "meta.json").read_text())[
        "crashes"
    ]
    assert len(crashes) == 1
    assert crashes[0]["version"] == 2 and crashes[0]["time"].endswith("Z")
    assert crashes[0]["traceback"].startswith("Traceback (most recent call last):")
    assert "ZeroDivisionError" in crashes[0]["traceback"]
    assert "crashes" not in json.loads((gallery.root / "key-crash" / "meta.json").read_text())
    assert gallery.last_crash(gallery.resolve("key-crash@2")) == crashes[0]

    # the fix the message names: the crash recorded by that play goes to the model, and
    # the repaired game becomes version 3
    fixed = good_game(1, hook="pass  # guarded: no division by the lives any more")
    with FakeServer() as server:
        server.handler = lambda rec: Answer(fenced(fixed, before="Guarded the division."))
        result = CliRunner().invoke(
            app,
            [
                *("fix", "key-crash@2", "-n", "1", "--seconds", "3"),
                *("--gallery", str(gallery.root), "--base-url", server.url),
                *("--model", "fake-model", "--api-key", "sk-test"),
            ],
        )
        assert result.exit_code == 0, result.output
        (request,) = server.chat_requests
    assert "100 // lives" in request.text and "ZeroDivisionError" in request.text
    v3 = gallery.resolve("key-crash@3")
    assert v3.meta["parent"] == "key-crash@2" and "crashes" not in v3.meta
    assert v3.code_path.read_text().strip() == fixed.strip()


@pytest.fixture
def screen_here(monkeypatch: pytest.MonkeyPatch) -> None:
    """As if a screen were there (the games below crash before they open a window)."""
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.delenv("SDL_VIDEODRIVER", raising=False)
    monkeypatch.setattr(play_mod, "probe_window", lambda env: "")


def test_play_records_a_crash_through_the_cli(gallery: Gallery, screen_here: None) -> None:
    gallery.add(CRASHES_AT_ONCE, make_meta("Level Three"))
    result = CliRunner().invoke(app, ["play", "level-three", "--gallery", str(gallery.root)])
    assert result.exit_code == 1
    assert "the game crashed: KeyError: 'no level 3'" in result.stderr
    assert "studio fix level-three@1" in result.stderr
    crash = gallery.last_crash(gallery.resolve("level-three"))
    assert crash is not None and crash["version"] == 1 and "KeyError" in crash["traceback"]
    assert "starting" not in crash["traceback"]  # the traceback only, not all of stderr
    shown = CliRunner().invoke(
        app, ["show", "level-three", "--gallery", str(gallery.root)], env={"COLUMNS": "200"}
    )
    assert "crashed" in shown.stdout and "once while played" in shown.stdout
    assert "KeyError: 'no level 3'" in shown.stdout and "studio fix level-three@1" in shown.stdout


def test_a_clean_exit_or_a_plain_exit_code_is_no_crash(
    gallery: Gallery, screen_here: None, tmp_path: Path
) -> None:
    gallery.add("import sys\nsys.exit(3)\n", make_meta("Exit Three"))
    result = CliRunner().invoke(app, ["play", "exit-three", "--gallery", str(gallery.root)])
    assert result.exit_code == 3 and "crashed" not in result.stderr
    assert gallery.last_crash(gallery.resolve("exit-three")) is None
    loose = tmp_path / "loose.py"
    loose.write_text(CRASHES_AT_ONCE)
    result = CliRunner().invoke(app, ["play", str(loose), "--gallery", str(gallery.root)])
    assert result.exit_code == 1 and "the game crashed: KeyError" in result.stderr
    assert "not in the gallery" in result.stderr and "studio fix" not in result.stderr


def test_the_arcade_launcher_records_a_crash_too(gallery: Gallery, screen_here: None) -> None:
    v1 = gallery.add(GAME, make_meta("Level Three"))
    v2 = gallery.add_version(v1, CRASHES_AT_ONCE, make_meta("Level Three"))
    card = {"ref": v2.ref, "title": "Level Three", "code": str(v2.code_path)}
    said = launcher(gallery, [v2])(card)
    assert said is not None and "crashed (KeyError: 'no level 3')" in said
    assert "studio fix level-three@2" in said
    crash = gallery.last_crash(v2)
    assert crash is not None and crash["version"] == 2
    assert gallery.last_crash(v1) is None


def test_a_folder_with_an_unreadable_meta_still_plays(
    gallery: Gallery, screen_here: None, tmp_path: Path
) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "game.py").write_text(CRASHES_AT_ONCE)
    (folder / "meta.json").write_text("{broken")
    for target in (folder, folder / "game.py"):
        result = CliRunner().invoke(app, ["play", str(target), "--gallery", str(gallery.root)])
        assert result.exit_code == 1 and "the game crashed: KeyError" in result.stderr
        assert "not in the gallery" in result.stderr
    assert (folder / "meta.json").read_text() == "{broken"  # left as it was
