"""One sandbox for one game: launched at once, told to play, waited for, torn down.

    with Sandbox(game, seconds=30, seed=0) as box:   # python and pygame load meanwhile
        static = check_source(...)                   # ... while the studio checks
        result = box.play(preload, sysfonts)          # or box.stop()
        ...                                           # judge while the walls come down
    # here every process of the sandbox is gone and its folder deleted

``play`` returns as soon as the runner says all runs are over; the namespaces are torn down
while the studio judges. Every live sandbox is registered so that ``kill_all()`` (Ctrl-C,
exit) can SIGKILL its whole process group; bubblewrap's pid namespace and
``--die-with-parent`` make sure nothing inside outlives it either way.
"""

from __future__ import annotations

import atexit
import contextlib
import json
import marshal
import os
import select
import shutil
import signal
import subprocess
import sys
import threading
import time
import types
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from studio.errors import SandboxError
from studio.verdicts import isolation, readback, scratch
from studio.verdicts.keys import Controls
from studio.verdicts.readback import PREVIEW_MS, SAMPLE_MS, JsonObject, PreviewStream, RawRun

__all__ = ["PREVIEW_MS", "SAMPLE_MS", "RawRun", "Sandbox", "SandboxResult", "kill_all"]

HANG_SECONDS = 3.0
#: A third, short run without input: if it does not match the full one frame for frame, the
#: game is not deterministic and the input/no-input comparison proves nothing.
CHECK_SECONDS = 3.0
OUTPUT_CAP = 1_000_000
RUNS = (("input", True, None), ("idle", False, None), ("idle-check", False, CHECK_SECONDS))
#: The short check plays at a lower priority when the runs play at once: it then takes the
#: core that the shorter of the two full runs leaves, instead of slowing both down from the
#: start (its game time is virtual, so a slower play changes none of its frames). The
#: runner's hang watch does not count the time a run waited for a core; where the kernel
#: does not say how long that was (``/proc/thread-self/schedstat``), the check keeps its
#: priority, or a starved check could be called hung.
CHECK_NICE = 10
WAITS_KNOWN = os.path.exists("/proc/thread-self/schedstat")
#: What python runs: the runner is imported (so it loads from its compiled file, like the
#: rest) rather than run as a script.
LAUNCH = "import sys; sys.path.insert(0, sys.argv[1]); import runner; runner.launch(sys.argv[2])"

_live: set[subprocess.Popen[bytes]] = set()
_live_lock = threading.Lock()


def kill_all() -> None:
    """SIGKILL every sandbox still running (and everything inside it)."""
    with _live_lock:
        procs = list(_live)
    for proc in procs:
        _kill(proc)


atexit.register(kill_all)


def _kill(proc: subprocess.Popen[bytes]) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(proc.pid, signal.SIGKILL)
    with contextlib.suppress(ProcessLookupError):
        proc.kill()


@dataclass
class SandboxResult:
    runs: list[RawRun]
    isolation: isolation.Isolation
    killed: bool
    setup_output: str
    setup_forbidden: list[str]


def _protected() -> list[str]:
    """Where a read is reported even when nothing is there to read (bubblewrap does not
    mount them): the user's home, the project, other homes, the studio's own folder (its
    keys), secrets. (Folders the game needs, such as python's, are allowed even inside.)"""
    from studio.paths import user_dir

    candidates = [str(Path.home()), os.getcwd(), "/root", "/home", "/etc/shadow", "/etc/ssh"]
    candidates.append(str(user_dir()))
    out = []
    for c in map(os.path.realpath, candidates):
        if c != "/" and not "/usr/".startswith(c + "/") and c not in out:
            out.append(c)
    return out


def _others_can_read(game: Path) -> bool:
    """Can a uid other than the owner open ``game`` (file readable, folder enterable; and
    on the fallback, where no mount makes a path for it, every folder above enterable)?"""
    try:
        if not (game.stat().st_mode & 0o004 and game.parent.stat().st_mode & 0o001):
            return False
    except OSError:
        return False
    fallback = os.environ.get("STUDIO_ISOLATION") == "fallback" or not isolation.bwrap_works()
    return not fallback or isolation.world_reachable(str(game.parent))


class Sandbox:
    """One sandbox for one game (see the module's docstring). ``previews`` makes the run with
    input stream its preview frames (``preview_stream``)."""

    def __init__(
        self,
        game: Path,
        *,
        seconds: float,
        seed: int,
        parallel: bool = True,
        previews: bool = False,
        runs: tuple[tuple[str, bool, float | None], ...] = RUNS,
    ) -> None:
        self.game, self.seconds, self.seed, self.parallel = game, seconds, seed, parallel
        self.previews, self.runs = previews, runs
        self.preview_ms = readback.preview_ms(seconds)  # game time between preview frames
        self.root: Path | None = None
        self.isolation: isolation.Isolation | None = None
        self.proc: subprocess.Popen[bytes] | None = None
        self.preview_stream: PreviewStream | None = None
        #: Set once the run with input plays alone (or not at all): a core is free for the
        #: studio's own work on its frames. (Sooner, that work slows the runs down more
        #: than it gains: measured with benchmarks/verify_speed.py.)
        self.spare_core = threading.Event()
        self._streamed: str | None = None
        #: Called in a thread with each run as soon as it has ended and been read (the
        #: verifier measures it there while the other runs still play).
        self.on_read: Callable[[RawRun], None] | None = None
        self._early: dict[str, Future[RawRun]] = {}
        self._reader: ThreadPoolExecutor | None = None
        self._status: int | None = None
        self._log: IO[bytes] | None = None
        self._deadline = 0.0
        self._root_lock = -1

    def __enter__(self) -> Sandbox:
        try:
            self._launch()
        except BaseException:
            self.close()
            raise
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- launching ---------------------------------------------------------------------
    def _launch(self) -> None:
        root, self._root_lock = scratch.new_root()  # in memory when there is room
        self.root = root
        os.chmod(root, 0o755)
        code, work = root / "code", root / "work"
        scratch.fill_code(code)
        work.mkdir()
        os.chmod(work, 0o755)
        game = self.game
        private = os.geteuid() == 0 and not _others_can_read(game)
        if private:  # the sandbox's own uid could not open it where it is
            copy = root / "game" / game.name
            copy.parent.mkdir(mode=0o755)
            shutil.copyfile(game, copy)
            os.chmod(copy, 0o644)
            game = copy
        prefix, self.isolation = isolation.plan(game, work, code)
        if private:
            self.isolation.notes.append(
                "the game's folder is private: a copy of the file alone was played"
            )
        # the game's folder is readable only where the isolation shows it (not a project root)
        view = [str(game.parent)] if self.isolation.game_view == "folder read-only" else []
        allowed = [*isolation.python_dirs(), str(game), *view, str(code), str(work)]
        status_r, status_w = os.pipe()
        self._status = status_r
        keep = [status_w]
        cfg = {
            "game": str(game),
            "work": str(work),
            "seconds": self.seconds,
            "seed": self.seed,
            "runs": [
                {
                    "name": n,
                    "input": i,
                    "preview": i and self.previews,
                    "seconds": min(s or self.seconds, self.seconds),
                    "nice": CHECK_NICE
                    if self.parallel and WAITS_KNOWN and n == "idle-check"
                    else 0,
                }
                for n, i, s in self.runs
            ],
            "parallel": self.parallel,
            "sample_ms": SAMPLE_MS,
            "preview_ms": self.preview_ms,
            "hang_seconds": HANG_SECONDS,
            "wall_budget": 15.0 + self.seconds,
            "output_cap": OUTPUT_CAP,
            "protected": _protected(),
            "allowed": allowed,
            "sys_path": [isolation.pygame_site()],
            "libraries": isolation.wall_libraries(),
            "status_fd": status_w,
            "preview_fd": None,
        }
        streamed = next((n for n, i, _ in self.runs if i), None) if self.previews else None
        self._streamed = streamed
        if streamed is None or not self.parallel:
            self.spare_core.set()
        if streamed is not None:
            preview_r, preview_w = os.pipe()
            cfg["preview_fd"] = preview_w
            keep.append(preview_w)
            max_frames = int(self.seconds * 1000 / self.preview_ms) + 2
            self.preview_stream = PreviewStream(preview_r, str(work), streamed, max_frames)
        (code / "config.json").write_text(json.dumps(cfg))
        os.chmod(code / "config.json", 0o644)
        try:
            self._start(prefix, code, work, cfg, keep)
        finally:
            for fd in keep:
                os.close(fd)

    def _start(
        self, prefix: list[str], code: Path, work: Path, cfg: JsonObject, keep: list[int]
    ) -> None:
        env = {
            "PATH": "/usr/local/bin:/usr/bin:/bin",
            "HOME": str(work),
            "TMPDIR": str(work),
            "XDG_RUNTIME_DIR": str(work),
            "LANG": "C.UTF-8",
            "SDL_VIDEODRIVER": "dummy",
            "SDL_AUDIODRIVER": "dummy",
            "PYTHONHASHSEED": "0",
            "PYTHONDONTWRITEBYTECODE": "1",
            "PYGAME_HIDE_SUPPORT_PROMPT": "1",
        }
        cmd = [
            *prefix,
            sys.executable,
            "-S",
            "-B",
            "-c",
            LAUNCH,
            str(code),
            str(code / "config.json"),
        ]
        assert self.root is not None
        self._log = open(self.root / "setup.log", "wb")  # noqa: SIM115 - closed by close()
        wall_cap = 20.0 + float(cfg["seconds"]) * (1.0 if cfg["parallel"] else 2.0)
        self._deadline = time.monotonic() + wall_cap
        try:
            self.proc = subprocess.Popen(
                cmd,
                env=env,
                cwd=work,
                stdin=subprocess.PIPE,
                stdout=self._log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
                pass_fds=keep,
            )
        except OSError as exc:
            raise SandboxError(f"could not start the sandbox ({exc}): is python usable?") from exc
        with _live_lock:
            _live.add(self.proc)

    # -- the order, and waiting ----------------------------------------------------------
    def _order(self, order: JsonObject) -> None:
        assert self.proc is not None and self.proc.stdin is not None
        with contextlib.suppress(OSError):  # it died already: play() finds out
            self.proc.stdin.write(json.dumps(order).encode() + b"\n")
            self.proc.stdin.close()

    def stop(self) -> None:
        """Tell the sandbox not to play (the game did not pass its static checks)."""
        self._order({"play": False})

    def play(
        self,
        preload: list[str] | None = None,
        sysfonts: bool = False,
        code: types.CodeType | None = None,
        controls: Controls | None = None,
    ) -> SandboxResult:
        """Play the runs; return what they saw as soon as the last one is over. ``code``, the
        game compiled here, spares the sandbox compiling it (the studio's time is free now,
        the sandbox's is not)."""
        order: JsonObject = {
            "play": True,
            "preload": preload or [],
            "sysfonts": sysfonts,
            "code": False,
        }
        order["controls"] = controls or {}  # the keys the game handles, for the player
        if code is not None and self.root is not None:
            compiled = self.root / "code" / "game.marshal"
            compiled.write_bytes(marshal.dumps(code))
            os.chmod(compiled, 0o644)
            order["code"] = True
        self._order(order)
        killed = not self._wait_done()
        self.spare_core.set()
        assert self.proc is not None and self.root is not None and self.isolation is not None
        _kill(self.proc)  # everything is written: the teardown runs while the studio judges
        work = str(self.root / "work")
        runs = [self._collect(name) for name, _, _ in self.runs]
        if readback.open_result(work, "setup-forbidden.log") is None and not killed:
            self.proc.wait()  # the runner never got as far as its guard: all it said is logged
            setup = (self.root / "setup.log").read_text(encoding="utf-8", errors="replace")
            raise SandboxError(f"the sandbox did not start: {setup.strip()[-800:] or 'no output'}")
        setup = (self.root / "setup.log").read_text(encoding="utf-8", errors="replace")
        forbidden = readback.lines(work, "setup-forbidden.log")
        return SandboxResult(runs, self.isolation, killed, setup[-4000:], forbidden)

    def _wait_done(self) -> bool:
        """Wait for the runner's ``done`` (True), its end without it, or the wall-clock cap
        (False)."""
        assert self._status is not None
        buffered = b""
        others = {name for name, _, _ in self.runs} - {self._streamed}
        while True:
            left = self._deadline - time.monotonic()
            if left <= 0:
                return False
            ready, _, _ = select.select([self._status], [], [], left)
            if not ready:
                return False
            chunk = os.read(self._status, 4096)
            if not chunk:
                return True  # it ended: whatever it wrote is all there is
            buffered = (buffered + chunk)[-4096:]
            *lines, _ = buffered.decode("utf-8", "replace").split("\n")
            if "done" in lines:
                return True
            ended = {line[4:] for line in lines if line.startswith("ran ")}
            for name in ended:
                self._read_early(name)
            if others <= ended:
                self.spare_core.set()

    # -- reading the runs back ---------------------------------------------------------
    def _read(self, name: str) -> RawRun:
        assert self.root is not None
        raw = readback.read_run(str(self.root / "work"), name, self.seconds)
        if self.on_read is not None:
            self.on_read(raw)
        return raw

    def _read_early(self, name: str) -> None:
        """Read a run that has ended (the runner said so after its last write) while the
        others still play: the studio's work on it is then done by the time they end."""
        if name in self._early or name not in {n for n, _, _ in self.runs}:
            return
        if self._reader is None:
            self._reader = ThreadPoolExecutor(max_workers=1, thread_name_prefix="runs")
        self._early[name] = self._reader.submit(self._read, name)

    def _collect(self, name: str) -> RawRun:
        early = self._early.get(name)
        if early is not None:
            with contextlib.suppress(Exception):  # read again below: the same files
                return early.result()
        return self._read(name)

    # -- tearing down ------------------------------------------------------------------
    def close(self) -> None:
        """Kill what is left, wait for it to be gone, delete the sandbox's folder."""
        self.spare_core.set()
        if self._reader is not None:  # nothing reads the folder once it is deleted
            self._reader.shutdown(wait=True, cancel_futures=True)
            self._reader = None
        if self.proc is not None:
            _kill(self.proc)
            self.proc.wait()
            if self.proc.stdin is not None:
                with contextlib.suppress(OSError):
                    self.proc.stdin.close()
            with _live_lock:
                _live.discard(self.proc)
            self.proc = None
        if self.isolation is not None:  # a uid it claimed (if any) is free again
            if self.isolation.mode == "fallback":  # no pid namespace took its processes
                isolation.kill_uid(self.isolation.uid)
            isolation.release_uid(self.isolation.uid)
            self.isolation = None
        if self.preview_stream is not None:
            self.preview_stream.discard()
        if self._status is not None:
            os.close(self._status)
            self._status = None
        if self._log is not None:
            self._log.close()
            self._log = None
        if self.root is not None:
            shutil.rmtree(self.root, ignore_errors=True)
            self.root = None
        if self._root_lock >= 0:  # the folder is gone: nothing left for the sweep to spare
            os.close(self._root_lock)
            self._root_lock = -1
