"""The sandbox entry point: load pygame once, then play the game in forked runs.

Usage (by the studio, never by hand): ``python runner.py CONFIG.json``

The process that runs this file is already inside the isolation the studio built
(namespaces, unprivileged uid, resource limits). It imports pygame and the game's
standard-library imports once, installs the guard, then forks one child per run (with
input, without input). Each child puts the game on virtual time with a scripted player, runs it,
and writes what it saw under ``results/<run>/``. This file imports nothing from the studio.
"""

from __future__ import annotations

import time

T_START = time.time()  # real wall-clock times, for the studio's speed figures
real_time = time.time

import importlib  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import random  # noqa: E402
import sys  # noqa: E402
import threading  # noqa: E402
import traceback  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import capture  # noqa: E402
import guard  # noqa: E402
import player  # noqa: E402
import vclock  # noqa: E402

sys.path.remove(HERE)
for _name in ("capture", "guard", "player", "vclock"):  # let the game use these names
    sys.modules.pop(_name, None)
if sys.path and sys.path[0] == HERE:
    sys.path.pop(0)

ASSET_WORDS = ("no such file", "couldn't open", "failed loading", "unable to open", "not found")


class CappedWriter:
    """sys.stdout/sys.stderr for the game: keeps the first ``cap`` bytes, counts the rest."""

    def __init__(self, fd: int, state: dict, cap: int) -> None:
        self.fd, self.state, self.cap = fd, state, cap
        self.encoding = "utf-8"
        self.errors = "replace"

    def write(self, text: str) -> int:
        data = str(text).encode("utf-8", "replace")
        before = self.state["bytes"]
        self.state["bytes"] = before + len(data)
        if before < self.cap:
            os.write(self.fd, data[: self.cap - before])
        return len(text)

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return False

    def fileno(self) -> int:
        return self.fd


def _classify(exc: BaseException) -> str:
    if isinstance(exc, MemoryError):
        return "memory_limit"
    if isinstance(exc, ImportError):
        return "import_error"
    if isinstance(exc, SyntaxError):
        return "syntax_error"
    if isinstance(exc, PermissionError) and str(exc).startswith("sandbox:"):
        return "forbidden"
    text = str(exc).lower()
    if isinstance(exc, FileNotFoundError) or (
        type(exc).__name__ == "error" and any(w in text for w in ASSET_WORDS)
    ):
        return "missing_asset"
    return "crash"


def _game_traceback(exc: BaseException, game: str) -> str:
    frames = [
        f
        for f in traceback.extract_tb(exc.__traceback__)
        if not f.filename.startswith(HERE) and "runpy" not in f.filename
    ]
    lines = ["Traceback (most recent call last):\n"]
    lines += traceback.format_list(frames)
    lines += traceback.format_exception_only(type(exc), exc)
    return "".join(lines)


class Run:
    """One play of the game: set up, run, and write the result exactly once."""

    def __init__(self, cfg: dict, spec: dict, g: guard.Guard, pygame) -> None:
        self.cfg, self.spec, self.guard, self.pg = cfg, spec, g, pygame
        self.name = spec["name"]
        self.results = os.path.join(cfg["work"], "results", self.name)
        self.play_dir = os.path.join(cfg["work"], "play-" + self.name)
        self.out = {"bytes": 0}
        self.lock = threading.Lock()
        self.wall0 = vclock.real_monotonic()
        self.timeline = {"start": T_START, "forked": real_time()}
        self.exit_code = None

    def open(self, name: str) -> int:
        return os.open(os.path.join(self.results, name), os.O_WRONLY | os.O_CREAT | os.O_TRUNC)

    def setup(self) -> None:
        cfg, pg = self.cfg, self.pg
        os.makedirs(self.results, exist_ok=True)
        os.makedirs(self.play_dir, exist_ok=True)
        out_fd = self.open("output.txt")
        os.dup2(out_fd, 1)
        os.dup2(out_fd, 2)
        samples_fd = self.open("samples.bin")
        preview_fd = self.open("preview.bin") if self.spec.get("preview") else None
        self.result_fd = self.open("result.json")
        self.guard.log_fd = self.open("forbidden.log")
        self.guard.workdir = os.path.realpath(self.play_dir)
        self.guard.attempts = []
        guard.lock(self.guard)
        os.chdir(self.play_dir)

        seed = int(cfg["seed"])
        random.seed(seed)
        rng = random.Random(seed ^ 0x5EED)
        os.urandom = random._urandom = rng.randbytes  # type: ignore[attr-defined]

        end_ms = float(self.spec.get("seconds") or cfg["seconds"]) * 1000.0
        self.vt = vt = vclock.VirtualTime(end_ms, float(cfg["sample_ms"]), lambda t: None)
        self.cap = capture.Capture(pg, vt, samples_fd, preview_fd, float(cfg["preview_ms"]))
        vt.on_sample = self.cap.sample
        vclock.install(vt, pg)
        actions = player.script(seed, end_ms) if self.spec["input"] else []
        self.player = player.Player(pg, vt, actions)
        player.install(self.player)
        self.cap.install()
        sys.stdout = CappedWriter(1, self.out, int(cfg["output_cap"]))  # type: ignore[assignment]
        sys.stderr = sys.stdout
        threading.Thread(target=self.watchdog, daemon=True).start()

    def watchdog(self) -> None:
        tick = threading.Event()
        hang = float(self.cfg["hang_seconds"])
        budget = float(self.cfg["wall_budget"])
        while not tick.wait(0.1):
            now = vclock.real_monotonic()
            idle = now - self.vt.progress_wall
            if self.vt.finished and idle > 1.0:
                self.finish("time_up")
            elif idle > hang:
                stack = self._main_stack()
                msg = f"no frame, clock tick or event poll for {hang:g} s of wall time"
                self.finish("hang", ("Hang", msg, stack, "hang"))
            elif now - self.wall0 > budget:
                msg = f"{self.vt.now / 1000:.1f} s of game time took over {budget:g} s"
                self.finish("too_slow", ("TooSlow", msg, self._main_stack(), "hang"))

    def _main_stack(self) -> str:
        frame = sys._current_frames().get(threading.main_thread().ident)
        if frame is None:
            return ""
        stack = [f for f in traceback.extract_stack(frame) if not f.filename.startswith(HERE)]
        stack = [f for f in stack if "runpy" not in f.filename]
        return "Stack of the game when it stopped (most recent call last):\n" + "".join(
            traceback.format_list(stack)
        )

    def play(self) -> None:
        game = self.cfg["game"]
        sys.argv = [game]
        sys.path.insert(0, os.path.dirname(game))
        self.timeline["game"] = real_time()
        try:
            importlib.invalidate_caches()
            import runpy

            runpy.run_path(game, run_name="__main__")
            self.finish("time_up" if self.vt.finished else "game_exit")
        except vclock.StopRun:
            self.finish("time_up")
        except SystemExit as exc:
            self.exit_code = exc.code if isinstance(exc.code, int) else (0 if not exc.code else 1)
            self.finish("time_up" if self.vt.finished else "game_exit")
        except BaseException as exc:  # noqa: BLE001 - everything the game raises is data
            if self.vt.finished and not isinstance(exc, MemoryError):
                self.finish("time_up")
            kind = _classify(exc)
            info = (type(exc).__name__, str(exc)[:2000], _game_traceback(exc, game), kind)
            self.finish("crash", info)

    def finish(self, stop: str, error: tuple | None = None) -> None:
        if not self.lock.acquire(blocking=False):
            return
        result = {
            "name": self.name,
            "with_input": bool(self.spec["input"]),
            "stop_reason": stop,
            "exit_code": self.exit_code,
            "frames": self.cap.frames,
            "samples": self.cap.samples,
            "previews": self.cap.previews,
            "preview_size": self.cap.preview_size,
            "window_size": self.cap.window_size,
            "sample_size": capture.SAMPLE_SIZE,
            "ticks": self.vt.ticks,
            "busy": self.vt.busy,
            "game_seconds": round(min(self.vt.now, self.vt.end) / 1000.0, 3),
            "wall_seconds": round(vclock.real_monotonic() - self.wall0, 3),
            "events_sent": self.player.events_sent,
            "output_bytes": self.out["bytes"],
            "forbidden": list(self.guard.attempts),
            "error": None,
            "timeline": self.timeline,
        }
        if error:
            etype, message, tb, kind = error
            result["error"] = {"type": etype, "message": message, "traceback": tb, "kind": kind}
        os.write(self.result_fd, json.dumps(result).encode())
        os._exit(0)


def main() -> None:
    with open(sys.argv[1]) as f:
        cfg = json.load(f)
    os.makedirs(os.path.join(cfg["work"], "results"), exist_ok=True)
    # No game code runs before the fork: load pygame, its font list and the game's
    # standard-library imports unguarded (faster), then put the guard in place.
    sys.path.extend(p for p in cfg.get("sys_path", []) if p not in sys.path)
    import pygame

    if cfg.get("sysfonts"):
        try:
            pygame.sysfont.initsysfonts()
        except Exception:
            pass
    # asyncio among them must be in place before vclock patches it
    for name in cfg.get("preload", []):
        try:
            importlib.import_module(name)
        except Exception:
            pass
    log_fd = os.open(
        os.path.join(cfg["work"], "results", "setup-forbidden.log"),
        os.O_WRONLY | os.O_CREAT | os.O_APPEND,
    )
    g = guard.Guard(cfg["work"], cfg["protected"], cfg["allowed"], log_fd)
    guard.install(g)
    # Two runs at a time (one when not parallel); the next starts as soon as one ends, so
    # the short idle check follows the idle run while the longer input run still plays.
    pending = list(cfg["runs"])
    running: dict[int, str] = {}
    at_once = 2 if cfg.get("parallel", True) else 1
    while pending or running:
        while pending and len(running) < at_once:
            spec = pending.pop(0)
            running[_fork_run(cfg, spec, g, pygame)] = spec["name"]
        pid, status = os.wait()
        if pid in running:
            _record_exit(cfg["work"], running.pop(pid), status)


def _fork_run(cfg: dict, spec: dict, g: guard.Guard, pygame) -> int:
    pid = os.fork()
    if pid == 0:
        run = Run(cfg, spec, g, pygame)
        try:
            run.setup()
        except BaseException as exc:  # noqa: BLE001
            sys.__stderr__.write(f"sandbox setup failed: {exc!r}\n")
            os._exit(70)
        run.play()
        os._exit(0)
    return pid


def _record_exit(work: str, name: str, status: int) -> None:
    info = {"signal": os.WTERMSIG(status) if os.WIFSIGNALED(status) else None}
    info["code"] = os.WEXITSTATUS(status) if os.WIFEXITED(status) else None
    path = os.path.join(work, "results", name, "exit.json")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        json.dump(info, f)


if __name__ == "__main__":
    main()
