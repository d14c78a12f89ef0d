"""`studio play` ends its game with it (issue 14, item 15): a SIGTERM or SIGHUP is passed on
to the game (killed if it ignores it), and a studio killed outright takes the game along.

`studio play` runs as a real process here. There is no screen: DISPLAY is set to a name and
the window probe is answered as if a screen were there (as test_play.py does in-process);
the games open no window.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="signals and /proc as on Linux"
)

#: `studio play`, with the window probe answered "a screen is there".
PLAY = (
    "import studio.gallery.play as play; play.probe_window = lambda env: ''; "
    "from studio.cli import main; main()"
)
GAME = """\
import os, signal, sys
if {ignore!r}:
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    signal.signal(signal.SIGHUP, signal.SIG_IGN)
with open("pid.tmp", "w") as fh:
    fh.write(str(os.getpid()))
os.replace("pid.tmp", "pid")  # the test reads a whole pid or none
while True:
    signal.pause()
"""


def wait_for(condition: Callable[[], object], seconds: float = 30.0) -> object:
    """Poll ``condition`` until it is true or ``seconds`` have passed; its last value."""
    deadline = time.monotonic() + seconds
    while True:
        value = condition()
        if value or time.monotonic() > deadline:
            return value
        time.sleep(0.02)


def alive(pid: int) -> bool:
    """The process runs (a zombie, dead and waiting to be reaped, does not)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] not in ("Z", "X")


def start_play(tmp_path: Path, ignore: bool) -> tuple[subprocess.Popen[bytes], int]:
    folder = tmp_path / "game"
    folder.mkdir()
    (folder / "game.py").write_text(GAME.format(ignore=ignore))
    env = {k: v for k, v in os.environ.items() if k not in ("SDL_VIDEODRIVER", "WAYLAND_DISPLAY")}
    env["DISPLAY"] = ":0"
    # stderr to a file, not a pipe: a game that outlives the studio would hold a pipe open
    with open(tmp_path / "stderr", "wb") as err:
        proc = subprocess.Popen(
            [sys.executable, "-c", PLAY, "play", str(folder / "game.py")],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=err,
            preexec_fn=_default_sigint,
        )
    pid_file = folder / "pid"
    if not wait_for(pid_file.exists):
        proc.kill()
        proc.wait()
        pytest.fail(f"the game never started: {stderr(tmp_path)}")
    return proc, int(pid_file.read_text())


def _default_sigint() -> None:
    """A process started in the background inherits SIGINT ignored; a terminal's is not."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def stderr(tmp_path: Path) -> str:
    return (tmp_path / "stderr").read_text(errors="replace")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("signum", "ignore"),
    [
        (signal.SIGTERM, False),
        (signal.SIGHUP, False),
        (signal.SIGINT, False),
        (signal.SIGTERM, True),
    ],
    ids=["sigterm", "sighup", "sigint", "sigterm-ignored-by-the-game"],
)
def test_a_signal_to_play_ends_the_game_too(tmp_path: Path, signum: int, ignore: bool) -> None:
    proc, game = start_play(tmp_path, ignore)
    try:
        assert alive(game)
        proc.send_signal(signum)
        proc.wait(timeout=60)
        err = stderr(tmp_path)
        assert proc.returncode == 128 + signum, err
        if signum != signal.SIGINT:  # Ctrl-C says nothing more
            assert f"stopped by {signal.Signals(signum).name}" in err
        assert wait_for(lambda: not alive(game), 10), "the game outlived studio play"
    finally:
        proc.kill()
        if alive(game):
            os.kill(game, signal.SIGKILL)


@pytest.mark.slow
def test_a_killed_play_takes_its_game_along(tmp_path: Path) -> None:
    proc, game = start_play(tmp_path, ignore=True)
    try:
        proc.kill()  # SIGKILL: no handler runs in the studio
        proc.wait(timeout=60)
        assert wait_for(lambda: not alive(game), 10), "the game outlived studio play"
    finally:
        if alive(game):
            os.kill(game, signal.SIGKILL)


@pytest.mark.slow
def test_under_nohup_a_hangup_does_not_stop_play(tmp_path: Path) -> None:
    """SIGHUP ignored by whoever started the studio (nohup) stays ignored, for both."""
    previous = signal.signal(signal.SIGHUP, signal.SIG_IGN)  # inherited by the studio
    try:
        proc, game = start_play(tmp_path, ignore=False)
    finally:
        signal.signal(signal.SIGHUP, previous)
    try:
        proc.send_signal(signal.SIGHUP)
        proc.send_signal(signal.SIGTERM)  # a hangup not ignored would have stopped it: 129
        proc.wait(timeout=60)
        assert proc.returncode == 128 + signal.SIGTERM, stderr(tmp_path)
        assert "stopped by SIGTERM" in stderr(tmp_path)
    finally:
        proc.kill()
        if alive(game):
            os.kill(game, signal.SIGKILL)
