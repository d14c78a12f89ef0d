"""The sandbox entry point: load pygame once, then play the game in forked runs.

Started by the studio (never by hand) as ``python -S -B -c "import runner; ..." CONFIG.json``
with three channels besides the files:

- stdin: one JSON line, the studio's order once it has checked the source: play (with the
  standard-library modules worth loading first, and whether it left the game compiled in
  ``game.marshal`` beside this file) or stop. pygame loads while it checks.
- ``status_fd``: lines the studio waits on: ``ran <run>`` as each run ends, then ``done``.
- ``preview_fd``: one record per preview frame written by the run with input (see capture).

The process that runs this file is already inside the isolation the studio built
(namespaces, unprivileged uid, resource limits). It imports pygame, compiles the game and
loads the game's standard-library imports once, installs the guard, then forks one child
per run. Each child puts the game on virtual time with a scripted player, runs it, and
writes what it saw under ``results/<run>/``. This file imports nothing from the studio.
"""

from __future__ import annotations

import time

T_START = time.time()  # real wall-clock times, for the studio's speed figures
real_time = time.time

import faulthandler  # noqa: E402
import importlib  # noqa: E402
import json  # noqa: E402
import marshal  # noqa: E402
import os  # noqa: E402
import select  # noqa: E402
import signal  # noqa: E402
import sys  # noqa: E402
import threading  # noqa: E402
import traceback  # noqa: E402
import types  # noqa: E402

# Installed, these files are the package ``studio.sandbox``; copied alone into the sandbox's
# folder (``import runner`` there), they are top-level modules. Either way one name, one module.
if __package__:
    from . import capture, channels, guard, player, runguard, vclock, walls, watch
else:
    import capture  # noqa: E402
    import channels  # noqa: E402
    import guard  # noqa: E402
    import player  # noqa: E402
    import runguard  # noqa: E402
    import vclock  # noqa: E402
    import walls  # noqa: E402
    import watch  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))

ASSET_WORDS = ("no such file", "couldn't open", "failed loading", "unable to open", "not found")


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


class Run:
    """One play of the game: set up, run, and write the result exactly once."""

    def __init__(self, cfg: dict, spec: dict, pygame, records, out_fd: int) -> None:
        self.cfg, self.spec, self.pg = cfg, spec, pygame
        self.records, self.out_fd = records, out_fd
        self.walls: list[str] = []
        self.name = spec["name"]
        self.results = os.path.join(cfg["work"], "results", self.name)
        self.play_dir = os.path.join(cfg["work"], "play-" + self.name)
        self.out = {"bytes": 0}
        self.lock = threading.Lock()
        self.wall0 = vclock.real_monotonic()
        self.timeline = {"start": T_START, "forked": real_time()}
        self.exit_code = None

    def open(self, name: str, extra: int = 0) -> int:
        flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | extra
        return os.open(os.path.join(self.results, name), flags)

    def setup(self) -> None:
        cfg, pg = self.cfg, self.pg
        os.makedirs(self.play_dir, exist_ok=True)
        os.dup2(self.out_fd, 1)
        os.dup2(self.out_fd, 2)
        os.close(self.out_fd)
        self.queue = watch.RunQueue()  # opened before the walls: it is under /proc
        samples_fd = self.open("samples.bin")
        preview_fd = self.open("preview.bin") if self.records is not None else None
        self.result_fd = self.open("result.json")
        log_fd = self.open("forbidden.log", os.O_APPEND)
        # every file this run writes is open: now the walls, then the guard's own hooks
        self.walls = walls.put_up([*cfg["allowed"]], [self.play_dir])
        runguard.lock_run(self.play_dir, cfg["allowed"], cfg["protected"], log_fd)
        guard.watch_native_files(pg)
        os.chdir(self.play_dir)

        seed = int(cfg["seed"])
        vclock.install_entropy(seed)

        end_ms = float(self.spec.get("seconds") or cfg["seconds"]) * 1000.0
        self.vt = vt = vclock.VirtualTime(end_ms, float(cfg["sample_ms"]), lambda t: None)
        self.cap = capture.Capture(pg, vt, samples_fd, float(cfg["preview_ms"]))
        if preview_fd is not None:
            self.cap.previews_to(preview_fd, self.records)
        vt.on_sample = self.cap.sample
        vclock.install(vt, pg)
        controls = player.Controls(cfg.get("controls"))  # the keys the game's source handles
        actions = player.script(seed, end_ms, controls) if self.spec["input"] else []
        self.player = player.Player(pg, vt, actions, controls)
        self.cap.on_picture = self.player.saw
        player.install(self.player)
        self.cap.install()
        sys.stdout = channels.CappedWriter(1, self.out, int(cfg["output_cap"]))  # type: ignore[assignment]
        sys.stderr = sys.stdout
        threading.Thread(target=self.watchdog, daemon=True).start()

    def watchdog(self) -> None:
        tick = threading.Event()
        hang = float(self.cfg["hang_seconds"])
        budget = float(self.cfg["wall_budget"])
        stretch = watch.HangWatch(self.vt.progress_wall, self.queue.waited())
        while not tick.wait(0.1):
            now = vclock.real_monotonic()
            idle = stretch.look(now, self.vt.progress_wall, self.queue.waited())
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
        """The game's stack where it stopped, read by faulthandler (in C: the guard refuses
        ``sys._current_frames``, which could show a game thread the guard's own frames)."""
        read_end, write_end = os.pipe()
        try:
            faulthandler.dump_traceback(write_end, all_threads=True)
            os.close(write_end)
            write_end = -1
            with os.fdopen(read_end, "r", errors="replace") as dump:
                read_end = -1
                text = dump.read(1 << 16)
        finally:
            for fd in (read_end, write_end):
                if fd >= 0:
                    os.close(fd)
        return channels.stack_of(text, threading.main_thread().ident or 0)

    def play(self, code: types.CodeType | None) -> None:
        game = self.cfg["game"]
        sys.argv = [game]
        sys.path.insert(0, os.path.dirname(game))
        self.timeline["game"] = real_time()
        try:
            importlib.invalidate_caches()
            if code is None:  # it did not compile: let the error surface as the game's
                import runpy

                runpy.run_path(game, run_name="__main__")
            else:  # what runpy.run_path does, with the code compiled before the fork
                main = types.ModuleType("__main__")
                main.__dict__.update(__file__=game, __cached__=None, __builtins__=__builtins__)
                sys.modules["__main__"] = main
                exec(code, main.__dict__)
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
            info = (type(exc).__name__, str(exc)[:2000], channels.game_traceback(exc, game), kind)
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
            "stall": self.vt.stall,
            "output_bytes": self.out["bytes"],
            "forbidden": [],  # each refusal is in forbidden.log, written as it happened
            "walls": self.walls,
            "walls_missing": walls.missing(),
            "error": None,
            "timeline": self.timeline,
        }
        if error:
            etype, message, tb, kind = error
            result["error"] = {"type": etype, "message": message, "traceback": tb, "kind": kind}
        os.write(self.result_fd, json.dumps(result).encode())
        os._exit(0)


def main(config_path: str) -> None:
    with open(config_path) as f:
        cfg = json.load(f)
    for name in os.listdir(HERE):  # this folder's modules, each under one name only
        if name.endswith(".py"):
            sys.modules.pop(name[:-3], None)
    sys.path[:] = [p for p in sys.path if p not in (HERE, "")]
    status = int(cfg["status_fd"])
    preview = cfg.get("preview_fd")
    os.makedirs(os.path.join(cfg["work"], "results"), exist_ok=True)
    # No game code runs before the fork: load pygame, its font list and the game's
    # standard-library imports unguarded (faster), then put the guard in place.
    sys.path.extend(p for p in cfg.get("sys_path", []) if p not in sys.path)
    import pygame

    walls.prepare(cfg.get("libraries") or {})
    order = _read_order()  # the studio checked the source meanwhile
    if not order.get("play"):
        os._exit(0)
    cfg["controls"] = order.get("controls")
    code = _load_code() if order.get("code") else None
    code = code or _compile(cfg["game"])
    if order.get("sysfonts"):
        try:
            pygame.sysfont.initsysfonts()
        except Exception:
            pass
    # asyncio among them must be in place before vclock patches it
    for name in order.get("preload", []):
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
    # Every run at once (one at a time when not parallel): the kernel shares the cores, so
    # the short idle check costs its own time spread over both runs instead of waiting for
    # one of them to end (a verdict's runs end together, about as soon as the work allows).
    pending = list(cfg["runs"])
    running: dict[int, channels.Output] = {}  # pidfd -> the run's output, drained here
    at_once = len(pending) if cfg.get("parallel", True) else 1
    cap = int(cfg["output_cap"])
    # A run at a lower priority (the short check) may still play, starved, when the full runs
    # have ended in a hang: it would hang at the same place (same game, same seed), and its
    # hang watch, which does not count the time it waited, would take seconds more to see it.
    hung = False
    while pending or running:
        while pending and len(running) < at_once:
            spec = pending.pop(0)
            records = preview if spec.get("preview") else None
            out = channels.Output(cfg["work"], spec["name"], cap)
            out.nice = int(spec.get("nice") or 0)
            closed = [fd for fd in (status, preview) if fd is not None and fd != records]
            # every descriptor the runner holds for a run (this one's too): a game must not
            # write another run's output, move the runner's offsets or signal a run
            for o in (*running.values(), out):
                closed += [fd for fd in (o.read_fd, o.file, o.pidfd) if fd >= 0]
            pid = _fork_run(cfg, spec, g, pygame, code, records, closed, out.write_fd)
            out.started(pid)
            running[out.pidfd] = out
            if records is not None:  # only that run writes previews
                os.close(records)
                preview = None
        watched = [fd for o in running.values() for fd in (o.pidfd, o.read_fd) if fd >= 0]
        ready, _, _ = select.select(watched, [], [])
        for out in list(running.values()):
            if out.read_fd in ready:
                out.drain()
            if out.pidfd in ready:
                del running[out.pidfd]
                out.reap()
                channels.record_exit(cfg["work"], out.name, out)
                _tell(status, f"ran {out.name}")
                if not out.nice:
                    hung |= channels.stop_reason(cfg["work"], out.name) in ("hang", "too_slow")
        full = [o for o in running.values() if not o.nice]
        if hung and not full and not pending:  # the check would hang where they did
            for o in running.values():
                signal.pidfd_send_signal(o.pidfd, signal.SIGKILL)
    _tell(status, "done")


def _compile(game: str) -> types.CodeType | None:
    """The game's code object (compiling runs nothing); None if it does not compile."""
    try:
        with open(game, "rb") as f:
            return compile(f.read(), game, "exec", dont_inherit=True)
    except BaseException:  # noqa: BLE001 - the run reports it when it runs the file
        return None


def _load_code() -> types.CodeType | None:
    """The game as the studio compiled it (its own file beside this one, read-only here)."""
    try:
        with open(os.path.join(HERE, "game.marshal"), "rb") as f:
            code = marshal.load(f)
    except (OSError, ValueError, EOFError, TypeError):
        return None
    return code if isinstance(code, types.CodeType) else None


def _read_order() -> dict:
    data = b""
    while not data.endswith(b"\n"):
        chunk = os.read(0, 65536)
        if not chunk:
            break
        data += chunk
    try:
        order = json.loads(data or b"{}")
    except ValueError:
        return {}
    return order if isinstance(order, dict) else {}


def _tell(fd: int, line: str) -> None:
    try:
        os.write(fd, (line + "\n").encode())
    except OSError:
        pass


def _fork_run(
    cfg: dict, spec: dict, g: guard.Guard, pygame, code, records, closed, out_fd: int
) -> int:
    """Fork one run. ``records`` is its preview channel (or None); ``closed``, the studio's
    channels the game must not hold; ``out_fd``, its stdout and stderr."""
    pid = os.fork()
    if pid == 0:
        guard.retire(g)  # the run's own hooks take over in setup
        if spec.get("nice"):  # a run that may wait for the others (its time is virtual)
            os.nice(int(spec["nice"]))
        for fd in closed:
            os.close(fd)
        null = os.open(os.devnull, os.O_RDONLY)
        os.dup2(null, 0)
        os.close(null)
        run = Run(cfg, spec, pygame, records, out_fd)
        try:
            run.setup()
        except BaseException as exc:  # noqa: BLE001
            sys.__stderr__.write(f"sandbox setup failed: {exc!r}\n")
            os._exit(70)
        run.play(code)
        os._exit(0)
    return pid


def launch(config_path: str) -> None:
    """What the studio's command line calls: run ``main`` and leave without the interpreter's
    slow shutdown (every run is over; nothing here is left to flush)."""
    try:
        main(config_path)
    except BaseException:  # noqa: BLE001 - a setup failure is told on stderr
        traceback.print_exc()
        sys.stderr.flush()
        os._exit(70)
    sys.stdout.flush()
    os._exit(0)
