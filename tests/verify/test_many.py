"""verify_many: worker processes that start warm, see the caller's environment and leave
the caller's script alone."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import studio
from studio.errors import SandboxError
from studio.verdicts import api, isolation

GAMES = Path(__file__).parent / "games"


@pytest.mark.slow
def test_a_script_without_a_main_guard_can_verify_many(tmp_path):
    script = tmp_path / "check.py"
    script.write_text(
        textwrap.dedent(
            f"""
            import studio
            print("the script runs")
            games = [{str(GAMES / "good_keyboard.py")!r}, {str(GAMES / "good_mouse.py")!r}]
            print([v.playable for v in studio.verify_many(games, seconds=3)])
            """
        )
    )
    done = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, timeout=120, env=os.environ
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.count("the script runs") == 1  # the workers did not run it again
    assert "[True, True]" in done.stdout


@pytest.mark.slow
def test_the_workers_work_in_the_callers_folder_as_it_is_now(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    assert studio.verify_many([GAMES / "good_keyboard.py"] * 2, seconds=2)[0].playable
    monkeypatch.chdir(GAMES)  # relative paths, and the folder the sandbox hides, follow
    verdicts = studio.verify_many(["good_keyboard.py", "good_mouse.py"], seconds=2)
    assert [v.playable for v in verdicts] == [True, True], verdicts[0].summary()
    assert verdicts[0].path == str(GAMES / "good_keyboard.py")


@pytest.mark.slow
def test_the_workers_see_the_callers_environment_as_it_is_now(monkeypatch):
    games = [GAMES / "good_keyboard.py", GAMES / "no_such_game.py"]
    first = studio.verify_many(games, seconds=3)
    monkeypatch.setenv("STUDIO_ISOLATION", "fallback")
    if not isolation.fallback_drops_root():  # the workers saw it: they refuse as it says
        with pytest.raises(SandboxError, match="refusing to run a game as root"):
            studio.verify_many(games, seconds=3)
        return
    second = studio.verify_many(games, seconds=3)
    assert first[0].playable and second[0].playable
    assert second[0].isolation["mode"] == "fallback"
    assert not second[1].playable and "no game at" in second[1].error.message


@pytest.mark.slow
def test_the_workers_are_kept_and_a_killed_one_is_replaced():
    games = [GAMES / "good_keyboard.py", GAMES / "good_mouse.py"]
    assert all(v.playable for v in studio.verify_many(games, seconds=2))
    pool = api._pools[2]
    workers = set(pool._processes)
    assert len(workers) == 2
    assert all(v.playable for v in studio.verify_many(games, seconds=2))
    assert api._pools[2] is pool and set(pool._processes) == workers  # the same processes
    os.kill(next(iter(workers)), signal.SIGKILL)
    verdicts = studio.verify_many(games, seconds=2)
    assert [v.playable for v in verdicts] == [True, True]
    assert not set(api._pools[2]._processes) & workers
