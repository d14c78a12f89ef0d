"""Playing a game for a person: its own ``python game.py`` process, in a real window.

This is the one place where a generated game runs outside the verifier's sandbox, because a
person explicitly asked to play it. When there is no screen to show a window on, the person
gets a message saying how to fix that instead of a pygame traceback.

The game ends with whatever started it: a SIGTERM, SIGHUP or Ctrl-C the studio gets is
passed on to the game (killed if it has not ended a few seconds later), and on Linux the
game is killed when the studio dies in any way at all (even by SIGKILL).
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
from typing import IO, Any

from studio.errors import Cancelled, CorruptEntry, GalleryError, UsageError
from studio.gallery.store import CODE_FILE, META_FILE, Entry, Gallery

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
TRACEBACK_START = "Traceback (most recent call last):"
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
#: Signals that end the studio while a game plays: each is passed on to the game.
FORWARDED = tuple(
    getattr(signal, name) for name in ("SIGTERM", "SIGHUP", "SIGINT") if hasattr(signal, name)
)
#: How long a game has to end after a passed-on signal before it is killed.
GRACE_SECONDS = 3.0
PR_SET_PDEATHSIG = 1


class Stopped(Cancelled):
    """The studio was told to stop (SIGTERM, SIGHUP) while a game played; the game too."""

    def __init__(self, signum: int) -> None:
        name = signal.Signals(signum).name
        super().__init__(f"stopped by {name}; the game was stopped too")
        self.signum = signum
        self.exit_code = 128 + signum


class _Signalled(BaseException):
    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


@dataclass(frozen=True)
class Played:
    """How a game a person played ended: its exit code and, when it crashed, the traceback."""

    code: int
    traceback: str = ""

    @property
    def crashed(self) -> bool:
        return self.code != 0 and bool(self.traceback)

    @property
    def error_line(self) -> str:
        """The traceback's last line (``ZeroDivisionError: division by zero``)."""
        lines = [ln for ln in self.traceback.splitlines() if ln.strip()]
        return lines[-1].strip() if lines else ""


def find_game(target: str | os.PathLike[str], gallery: Gallery) -> tuple[Path, Entry | None]:
    """The game file for ``slug``, ``slug@N``, an entry folder or a ``.py`` file, and its
    gallery entry when it has one (a loose ``.py`` file, or one beside an unreadable
    meta.json, has none: it still plays)."""
    text = os.fspath(target)
    path = Path(text)
    if path.suffix == ".py":
        if not path.is_file():
            raise UsageError(f"no such game file: {path}")
        folder = path.parent if path.name == CODE_FILE else None
        return path.resolve(), _entry_in(folder, gallery)
    if path.is_dir() and (path / CODE_FILE).is_file():
        return (path / CODE_FILE).resolve(), _entry_in(path, gallery)
    entry = gallery.resolve(text)
    return entry.code_path, entry


def _entry_in(folder: Path | None, gallery: Gallery) -> Entry | None:
    if folder is None or not (folder / META_FILE).is_file():
        return None
    try:
        return gallery.resolve(str(folder))
    except CorruptEntry:
        return None


def resolve_game(target: str | os.PathLike[str], gallery: Gallery) -> Path:
    """The game file for a slug (``slug@N``), an entry folder, or a path to a ``.py`` file."""
    return find_game(target, gallery)[0]


def extract_traceback(stderr: str) -> str:
    """The last Python traceback in a game's stderr, to its end; ``""`` when there is none."""
    start = stderr.rfind(TRACEBACK_START)
    return stderr[start:].strip() + "\n" if start >= 0 else ""


def record_if_crashed(played: Played, entry: Entry | None, gallery: Gallery) -> bool:
    """Record ``played``'s traceback with ``entry`` when the game crashed; True if recorded."""
    if not played.crashed or entry is None:
        return False
    gallery.record_crash(entry, played.traceback)
    return True


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
    """Run ``game`` as ``run_game`` does; return its exit code."""
    return run_game(game, env=env, announce=announce).code


def run_game(
    game: Path,
    *,
    env: Mapping[str, str] | None = None,
    announce: Callable[[Path], None] | None = None,
) -> Played:
    """Run ``game`` in its folder as its own process, wait for it, return how it ended (its
    stderr reaches the person as it comes; a traceback in it is kept in the result).

    ``announce(game)`` is called once a window is known to be possible, just before the start.

    Raises ``GalleryError`` (with the fix) when there is no display, before or after trying.
    """
    game = Path(game)
    if not game.is_file():
        raise UsageError(f"no such game file: {game}")
    if game.resolve().suffix.lower() not in (".py", ".pyw"):  # Python would quote its line 1
        raise UsageError(
            f"{game} is not a Python file (it is {game.resolve()}): give a game's .py file"
        )
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
    tail = bytearray()
    proc: subprocess.Popen[bytes] | None = None
    pump: threading.Thread | None = None
    with _signals_raise():
        try:
            try:
                proc = subprocess.Popen(
                    [sys.executable, game.name],
                    cwd=game.parent,
                    env=run_env,
                    stderr=subprocess.PIPE,
                    preexec_fn=_dies_with_parent(),
                )
            except OSError as exc:
                raise GalleryError(f"cannot start {sys.executable} for {game}: {exc}") from exc
            pump = threading.Thread(target=_echo, args=(proc.stderr, sys.stderr, tail))
            pump.daemon = True
            pump.start()
            code = proc.wait()
        except (_Signalled, KeyboardInterrupt) as exc:
            signum = exc.signum if isinstance(exc, _Signalled) else signal.SIGINT
            if proc is not None:
                _stop(proc, signum)
            if pump is not None:
                pump.join(GRACE_SECONDS)
            if isinstance(exc, KeyboardInterrupt):
                raise
            raise Stopped(signum) from None
    assert pump is not None
    pump.join()  # the signals are the studio's own again: the game has ended
    if code == 0:
        return Played(0)
    said = tail.decode("utf-8", "replace")
    match = SDL_NO_WINDOW.search(said)
    if match:
        raise _no_display(f"SDL could not open a window ({match.group(0)})", game)
    return Played(code, extract_traceback(said))


def _raise_signalled(signum: int, frame: FrameType | None) -> None:
    raise _Signalled(signum)


@contextlib.contextmanager
def _signals_raise() -> Iterator[None]:
    """SIGTERM and SIGHUP raise ``_Signalled`` in the block (Ctrl-C raises
    KeyboardInterrupt already), so the game can be stopped; only the main thread can do
    this. The handlers in place before are put back after."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    before: dict[int, Any] = {signum: signal.getsignal(signum) for signum in FORWARDED}
    try:
        for signum in FORWARDED:  # one ignored (`nohup studio play`) stays ignored
            if signum != signal.SIGINT and before[signum] is not signal.SIG_IGN:
                signal.signal(signum, _raise_signalled)
        yield
    finally:
        for signum, handler in before.items():
            if handler is not None:  # None: set outside Python, cannot be put back
                signal.signal(signum, handler)


def _stop(proc: subprocess.Popen[bytes], signum: int) -> None:
    """Pass ``signum`` on to the game (and any signal that comes while it ends), then kill
    it if it has not ended after ``GRACE_SECONDS``."""
    if threading.current_thread() is threading.main_thread():
        for other in FORWARDED:
            if signal.getsignal(other) is not signal.SIG_IGN:
                signal.signal(other, lambda sig, frame: _send(proc, sig))
    _send(proc, signum)
    try:
        proc.wait(timeout=GRACE_SECONDS)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def _send(proc: subprocess.Popen[bytes], signum: int) -> None:
    with contextlib.suppress(ProcessLookupError):
        proc.send_signal(signum)


def _dies_with_parent() -> Callable[[], None] | None:
    """On Linux, what the game's process runs before the game: the kernel kills it when the
    studio's thread that started it ends, however that happens (a SIGKILL included)."""
    if not sys.platform.startswith("linux"):
        return None
    import ctypes

    try:
        prctl = ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        return None
    parent = os.getpid()

    def arm() -> None:
        prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
        if os.getppid() != parent:  # the studio died before the line above: end now
            os._exit(1)

    return arm


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
