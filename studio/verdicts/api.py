"""The verifier's front door: ``verify`` one game, ``verify_many`` on all cores."""

from __future__ import annotations

import contextlib
import multiprocessing
import multiprocessing.context
import os
import sys
import threading
import time
import types
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from studio.errors import UsageError
from studio.verdicts import artifacts, judge, sandbox
from studio.verdicts.report import ErrorInfo, Finding, Verdict
from studio.verdicts.static import StaticReport, check_source

DEFAULT_SECONDS = 30.0
#: Standard-library modules worth importing once before the runs fork.
PRELOAD_OK = frozenset(
    {
        "random",
        "math",
        "json",
        "collections",
        "dataclasses",
        "enum",
        "itertools",
        "functools",
        "typing",
        "asyncio",
        "array",
        "struct",
        "colorsys",
        "heapq",
        "bisect",
        "string",
        "time",
        "datetime",  # loaded before the fork so that the sandbox can put it on virtual time
        "uuid",
        "secrets",
    }
)


#: A game's source is a few hundred kilobytes at most; anything larger is not one.
MAX_SOURCE_BYTES = 4 * 1024 * 1024


def _read(path: Path) -> str:
    """The source of the game at ``path`` (resolved: a link's target).

    What is not a Python program (a link to /etc/shadow, a file not named .py, binary
    data) is refused with a ``UsageError`` that never quotes the file's content.
    """
    if not path.exists():
        raise UsageError(f"no game at {path}: check the path")
    if not path.is_file():
        raise UsageError(f"{path} is not a file: give the path of a game's .py file")
    if path.suffix.lower() not in (".py", ".pyw"):
        raise UsageError(
            f"{path} is not a Python file (its name does not end in .py): "
            "give the path of a game's .py file"
        )
    try:
        with open(path, "rb") as fh:
            data = fh.read(MAX_SOURCE_BYTES + 1)
    except OSError as exc:
        raise UsageError(f"cannot read {path}: {exc.strerror}") from None
    if len(data) > MAX_SOURCE_BYTES:
        raise UsageError(f"{path} is larger than {MAX_SOURCE_BYTES >> 20} MB: not a game's source")
    if b"\0" in data:
        raise UsageError(f"{path} holds binary data (NUL bytes): is it a Python file?")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise UsageError(f"{path} is not UTF-8 text ({exc.reason}): is it a Python file?") from None


def verify(
    path: str | os.PathLike[str],
    *,
    seconds: float = DEFAULT_SECONDS,
    seed: int = 0,
    out: str | os.PathLike[str] | None = None,
    parallel: bool = True,
) -> Verdict:
    """Judge whether the game at ``path`` is playable, running it only inside the sandbox.

    ``seconds`` of game time are played twice (with and without input) on virtual time;
    ``out`` receives thumb.png, the animated preview and verdict.json. ``parallel`` runs
    the two plays at once (fastest for one game; ``verify_many`` turns it off).
    """
    if seconds <= 0 or seconds > 600:
        raise UsageError(f"--seconds must be between 0 and 600, not {seconds:g}")
    start = time.monotonic()
    game = Path(path).resolve()
    source = _read(game)
    out_dir = Path(out) if out is not None else None
    previews = out_dir is not None
    box = sandbox.Sandbox(game, seconds=seconds, seed=seed, parallel=parallel, previews=previews)
    box.on_read = judge.measure
    with box:  # python and pygame load in the sandbox while the source is checked here
        static = check_source(source, game)
        result = writer = None
        if static.kinds() & {"syntax", "import"}:
            box.stop()
        else:
            if out_dir is not None and box.preview_stream is not None:
                stream, frame_ms = box.preview_stream, box.preview_ms
                writer = artifacts.PreviewWriter(stream, out_dir, frame_ms, box.spare_core)
            preload = [m for m in static.imports if m in PRELOAD_OK]
            result = box.play(
                preload, sysfonts=static.uses_sysfont, code=static.code, controls=static.controls
            )
        verdict = judge.judge(str(game), static, result, seconds, seed)
        if out_dir is not None:
            out_dir.mkdir(parents=True, exist_ok=True)
            drawn = writer.finish() if writer is not None else {}
            verdict.artifacts = {**drawn, "verdict": str(out_dir / "verdict.json")}
    verdict.wall_seconds = round(time.monotonic() - start, 3)
    if out_dir is not None:
        (out_dir / "verdict.json").write_text(verdict.to_json())
    return verdict


def _failed(path: str | os.PathLike[str], exc: Exception, seed: int) -> Verdict:
    static = StaticReport([Finding("usage", str(exc), 0, True)])
    v = Verdict(path=str(path), playable=False, score=0, flags=[], static=static.findings)
    v.error = ErrorInfo(type(exc).__name__, str(exc))
    v.stop_reason = "not run"
    v.seed = seed
    return v


#: One game of ``verify_many``: ``_verify_job``'s arguments (path, seconds, seed, out, parallel).
Job = tuple[str, float, int, Path | None, bool]


def _verify_job(
    path: str, seconds: float, seed: int, out: Path | None, parallel: bool = False
) -> Verdict:
    """One verdict of ``verify_many``; a path that cannot be read gets a failed verdict."""
    try:
        return verify(path, seconds=seconds, seed=seed, out=out, parallel=parallel)
    except UsageError as exc:
        return _failed(path, exc, seed)


def _verify_one(env: dict[str, str], cwd: str, *job: *Job) -> Verdict:
    """``_verify_job`` in a worker process, under the caller's environment and in the
    caller's folder as they are now (the worker was forked from a server started earlier;
    relative paths and the project the sandbox hides both depend on the folder)."""
    os.environ.clear()
    os.environ.update(env)
    with contextlib.suppress(OSError):
        os.chdir(cwd)
    return _verify_job(*job)


def _worker_context() -> multiprocessing.context.BaseContext | None:
    """Worker processes forked from a server that has the verifier loaded and warm (the
    first call starts it, about a seventh of a second; each pool after that costs little).
    None where there is no fork server (not a POSIX system)."""
    try:
        context = multiprocessing.get_context("forkserver")
    except ValueError:
        return None
    context.set_forkserver_preload(["studio.verdicts.warm"])
    return context


def verify_many(
    paths: list[str | os.PathLike[str]],
    *,
    workers: int | None = None,
    seconds: float = DEFAULT_SECONDS,
    seed: int = 0,
    out_root: str | os.PathLike[str] | None = None,
    cluster: str | None = None,
) -> list[Verdict]:
    """Verify many games at once, one per core by default; verdicts in the order given.

    ``cluster``: the address of a Dask distributed scheduler (``tcp://host:8786``); the
    verdicts are made by its workers (``studio.verdicts.cluster``), the same verdicts.

    Each verdict is made in a worker process, not a thread: the studio's share of a verdict
    (checking the source, judging) is Python that holds the interpreter lock, and in threads
    two verdicts on two cores took a quarter longer than one alone. The workers are kept
    for the next call; one killed from outside costs that call a second try on new ones.
    A game that cannot even be read gets a not-playable verdict naming why, so one bad
    path does not lose the others' verdicts.
    """
    workers = max(1, min(workers or _cores(), len(paths)))
    outs = [
        Path(out_root) / f"{i:03d}-{Path(p).stem}" if out_root is not None else None
        for i, p in enumerate(paths)
    ]
    # A verdict plays its runs one at a time, its worker a core, except those that start
    # when fewer verdicts are left than cores: they play two at a time, so that the core a
    # finished worker leaves does not stay idle (4 games on 2 cores: efficiency 82% against
    # 76%, median of 16 rounds, benchmarks/verify_speed.py's measure).
    cores = _cores()
    jobs = [(str(p), seconds, seed, outs[i], len(paths) - i < cores) for i, p in enumerate(paths)]
    if cluster is not None:
        from studio.verdicts.cluster import verify_many_on

        return verify_many_on(cluster, jobs, job=_verify_job, read=_read, failed=_failed)
    pool = _pool(workers) if workers > 1 else None
    if pool is None:
        return [_verify_job(*job) for job in jobs]
    env = dict(os.environ)
    try:
        return _run_all(pool, env, jobs)
    except BrokenProcessPool:  # a worker was killed from outside: once more, on a new pool
        _drop_pool(pool)
        return _run_all(_pool(workers) or pool, env, jobs)


def _run_all(pool: ProcessPoolExecutor, env: dict[str, str], jobs: list[Job]) -> list[Verdict]:
    futures = []
    cwd = os.getcwd()
    try:
        with _caller_script_hidden():  # workers start here when the pool has too few
            futures = [pool.submit(_verify_one, env, cwd, *job) for job in jobs]
        return [future.result() for future in futures]
    except BaseException:  # Ctrl-C among them: what has not started never will
        for future in futures:
            future.cancel()
        raise


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


_pools: dict[int, ProcessPoolExecutor] = {}
_pools_lock = threading.Lock()


def _pool(workers: int) -> ProcessPoolExecutor | None:
    """The worker processes of ``verify_many``, kept for the next call: a new pool's workers
    start cold (about 20 ms for the pool and 15 ms more for each worker's first verdict).
    None where there is no fork server. Idle workers wait on a pipe and leave with the
    studio."""
    with _pools_lock:
        pool = _pools.get(workers)
        if pool is None:
            context = _worker_context()
            if context is None:
                return None
            pool = _pools[workers] = ProcessPoolExecutor(max_workers=workers, mp_context=context)
        return pool


def _drop_pool(pool: ProcessPoolExecutor) -> None:
    with _pools_lock:
        for key in [k for k, v in _pools.items() if v is pool]:
            del _pools[key]
    pool.shutdown(wait=False, cancel_futures=True)


_main_lock = threading.Lock()


@contextlib.contextmanager
def _caller_script_hidden() -> Iterator[None]:
    """While workers start, show multiprocessing a blank ``__main__``. Otherwise each
    worker runs the caller's script again first (what it does to find functions defined
    there), and a script that calls ``verify_many`` without an ``if __name__ ==
    "__main__":`` guard would call it again inside the worker and break the pool. The
    workers need nothing from it: they run the studio's own ``_verify_one``."""
    with _main_lock:
        main = sys.modules.get("__main__")
        sys.modules["__main__"] = types.ModuleType("__main__")
        try:
            yield
        finally:
            if main is not None:
                sys.modules["__main__"] = main
