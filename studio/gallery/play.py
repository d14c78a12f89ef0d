"""Playing a game for a person: its own ``python game.py`` process, in a real window.

This is the one place where a generated game runs outside the verifier's sandbox, because a
person explicitly asked to play it. When there is no screen to show a window on, the person
gets a message saying how to fix that instead of a pygame traceback.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import threading
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import IO

from studio.errors import GalleryError, UsageError
from studio.gallery.store import CODE_FILE, Gallery

NO_DISPLAY_FIX = (
    "run it on a machine with a screen (or forward one: `ssh -X`, or a desktop session), "
    "or check it headless with `studio test {path}`"
)
HEADLESS_DRIVERS = ("dummy", "offscreen")
#: What SDL and pygame print when no window can be opened.
SDL_NO_WINDOW = re.compile(
    r"No available video device|x11 not available|wayland not available|"
    r"Couldn't open X11 display|could not open display|Unable to open a display|"
    r"video system not initialized|No video driver|Failed to connect to the Wayland display",
    re.IGNORECASE,
)
TAIL_BYTES = 64 * 1024
#: Asks SDL, in a throwaway process with the game's environment, which video driver it gets.
PROBE = """
import os
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
import pygame
try:
    pygame.display.init()
    print("driver:" + pygame.display.get_driver())
except pygame.error as exc:
    print("error:" + str(exc))
"""
PROBE_TIMEOUT = 60.0


def resolve_game(target: str | os.PathLike[str], gallery: Gallery) -> Path:
    """The game file for a slug, an entry folder, or a path to a ``.py`` file."""
    path = Path(target)
    if path.suffix == ".py":
        if not path.is_file():
            raise UsageError(f"no such game file: {path}")
        return path.resolve()
    if path.is_dir() and (path / CODE_FILE).is_file():
        return (path / CODE_FILE).resolve()
    return gallery.get(target).code_path


def display_problem(env: Mapping[str, str] | None = None, platform: str | None = None) -> str:
    """Why no window can be shown here, or ``""`` when a display looks available."""
    env = os.environ if env is None else env
    platform = platform or sys.platform
    driver = env.get("SDL_VIDEODRIVER", "").strip().lower()
    if driver in HEADLESS_DRIVERS:
        return (
            f"SDL_VIDEODRIVER={driver} hides every window (it is meant for tests); unset it to play"
        )
    if platform.startswith(("linux", "freebsd", "openbsd", "netbsd")) and not (
        env.get("DISPLAY") or env.get("WAYLAND_DISPLAY")
    ):
        return "there is no display here (neither DISPLAY nor WAYLAND_DISPLAY is set)"
    return ""


def probe_window(env: Mapping[str, str]) -> str:
    """Ask SDL which video driver it would use here; ``""`` when it is a real one.

    When the X server or Wayland compositor cannot be reached, SDL quietly falls back to an
    invisible driver and the game would run with no window at all: that is caught here.
    """
    try:
        done = subprocess.run(
            [sys.executable, "-c", PROBE],
            env=dict(env),
            capture_output=True,
            text=True,
            timeout=PROBE_TIMEOUT,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        return f"could not ask SDL for a video driver ({exc})"
    answer = next(
        (ln for ln in done.stdout.splitlines() if ln.startswith(("driver:", "error:"))), ""
    )
    kind, _, value = answer.partition(":")
    if kind == "driver" and value.strip().lower() not in HEADLESS_DRIVERS:
        return ""
    where = env.get("WAYLAND_DISPLAY") and f"WAYLAND_DISPLAY={env['WAYLAND_DISPLAY']}"
    where = where or (env.get("DISPLAY") and f"DISPLAY={env['DISPLAY']}") or "this machine"
    if kind == "driver":
        return f"SDL could not open a window on {where} (it fell back to its {value} driver)"
    detail = value or (done.stderr.strip().splitlines() or ["no answer"])[-1]
    return f"SDL could not open a window on {where} ({detail})"


def _no_display(reason: str, game: Path) -> GalleryError:
    return GalleryError(
        f"cannot open a game window: {reason}. To play, " + NO_DISPLAY_FIX.format(path=game)
    )


def play(
    game: Path,
    *,
    env: Mapping[str, str] | None = None,
    announce: Callable[[Path], None] | None = None,
) -> int:
    """Run ``game`` in its folder as its own process, wait for it, return its exit code.

    ``announce(game)`` is called once a window is known to be possible, just before the start.

    Raises ``GalleryError`` (with the fix) when there is no display, before or after trying.
    """
    game = Path(game)
    if not game.is_file():
        raise UsageError(f"no such game file: {game}")
    run_env = dict(os.environ if env is None else env)
    reason = display_problem(run_env)
    if reason:
        raise _no_display(reason, game)
    run_env.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    reason = probe_window(run_env)
    if reason:
        raise _no_display(reason, game)
    if announce is not None:
        announce(game)
    try:
        proc = subprocess.Popen(
            [sys.executable, game.name],
            cwd=game.parent,
            env=run_env,
            stderr=subprocess.PIPE,
        )
    except OSError as exc:
        raise GalleryError(f"cannot start {sys.executable} for {game}: {exc}") from exc
    tail = bytearray()
    pump = threading.Thread(target=_echo, args=(proc.stderr, sys.stderr, tail), daemon=True)
    pump.start()
    try:
        code = proc.wait()
    except KeyboardInterrupt:
        proc.terminate()
        proc.wait()
        raise
    finally:
        pump.join()
    if code != 0:
        match = SDL_NO_WINDOW.search(tail.decode("utf-8", "replace"))
        if match:
            raise _no_display(f"SDL could not open a window ({match.group(0)})", game)
    return code


def _echo(src: IO[bytes] | None, dest: IO[str], tail: bytearray) -> None:
    """Copy the game's stderr to ours as it comes, keeping the last bytes to look at."""
    if src is None:
        return
    out = getattr(dest, "buffer", None)
    for line in iter(src.readline, b""):
        if out is not None:
            out.write(line)
            out.flush()
        else:
            dest.write(line.decode("utf-8", "replace"))
        tail.extend(line)
        del tail[:-TAIL_BYTES]
    src.close()
