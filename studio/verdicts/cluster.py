"""Verdicts on a Dask distributed cluster: ``verify_many(..., cluster=ADDRESS)`` and
``studio bench --cluster ADDRESS``.

The game's source goes to a worker (the workers need not share a file system with the
caller), the worker verifies it with ``studio.verify`` inside the same sandbox a local
verdict uses, and sends back the verdict and its thumbnail and preview, which are written
where a local verdict would have put them. A verdict depends only on the source, the game
seconds and the seed, so the verdicts are the same as local ones.
"""

from __future__ import annotations

import os
import socket
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from studio.errors import UsageError
from studio.verdicts.report import Verdict

#: The artifacts sent back: name -> (file name, bytes).
Files = dict[str, tuple[str, bytes]]
#: The verifier's own pieces, passed in by ``studio.verdicts.api`` (which imports this
#: module, so it cannot import them back): one verdict (``_verify_job``: path, seconds,
#: seed, out, parallel), reading a game's source, the verdict of a path that cannot be read.
JobFn = Callable[[str, float, int, Path | None, bool], Verdict]
ReadFn = Callable[[Path], str]
FailedFn = Callable[[str, Exception, int], Verdict]

_clients: dict[str, Any] = {}
_clients_lock = threading.Lock()


def client(address: str) -> Any:
    """A ``distributed.Client`` connected to the scheduler at ``address``, kept for reuse."""
    with _clients_lock:
        found = _clients.get(address)
        if found is not None and found.status == "running":
            return found
        try:
            from distributed import Client
        except ImportError:
            raise UsageError(
                "--cluster needs Dask distributed: pip install 'bigbrain-studio[cluster]' "
                "(or pip install distributed)"
            ) from None
        try:
            _reachable(address)  # a refused connection is said at once, not after 10 s
            made = Client(address, timeout=10, set_as_default=False)  # type: ignore[no-untyped-call]
        except (OSError, TimeoutError) as exc:
            raise UsageError(
                f"--cluster: no Dask scheduler answers at {address} ({exc}); start one with "
                "`dask scheduler` and its workers with `dask worker ADDRESS` (see the README)"
            ) from None
        _clients[address] = made
        return made


def _reachable(address: str) -> None:
    """Raise OSError if nothing listens at a ``tcp://host:port`` address (other schemes,
    such as ``tls://`` or ``inproc://``, are left to Dask)."""
    if not address.startswith("tcp://"):
        return
    host, _, port = address[len("tcp://") :].rstrip("/").rpartition(":")
    if not host or not port.isdigit():
        return
    with socket.create_connection((host.strip("[]"), int(port)), timeout=5):
        pass


def slots(address: str) -> int:
    """How many verdicts the cluster runs at once: its workers' threads."""
    threads = client(address).nthreads()
    return max(1, sum(int(n) for n in threads.values()))


def verify_remote(
    job: JobFn, source: str, name: str, seconds: float, seed: int, previews: bool, parallel: bool
) -> tuple[Verdict, Files]:
    """On a worker: verify ``source`` (saved as ``name`` in a temporary folder) with ``job``
    (sent by reference: the worker imports the studio's own)."""
    with tempfile.TemporaryDirectory(prefix="studio-cluster-") as tmp:
        game = Path(tmp) / name
        game.write_text(source, encoding="utf-8")
        out = Path(tmp) / "artifacts" if previews else None
        verdict = job(str(game), seconds, seed, out, parallel)
        files: Files = {}
        for key, value in (verdict.artifacts or {}).items():
            path = Path(value)
            if key != "verdict" and path.is_file():
                files[key] = (path.name, path.read_bytes())
        return verdict, files


def _settle(verdict: Verdict, files: Files, path: Path, out: Path | None) -> Verdict:
    """The worker's verdict as the caller's: its path, its artifacts written to ``out``."""
    verdict.path = str(path)
    if out is None:
        verdict.artifacts = {}
        return verdict
    out.mkdir(parents=True, exist_ok=True)
    artifacts = {}
    for key, (file, data) in files.items():
        (out / file).write_bytes(data)
        artifacts[key] = str(out / file)
    artifacts["verdict"] = str(out / "verdict.json")
    verdict.artifacts = artifacts
    (out / "verdict.json").write_text(verdict.to_json())
    return verdict


def _submit(
    dask: Any,
    fns: tuple[JobFn, ReadFn],
    path: Path,
    seconds: float,
    seed: int,
    out: Path | None,
    parallel: bool,
) -> Any:
    job, read = fns
    source = read(path)
    return dask.submit(
        verify_remote, job, source, path.name, seconds, seed, out is not None, parallel, pure=False
    )


def verify_on(
    address: str,
    path: str | os.PathLike[str],
    *,
    job: JobFn,
    read: ReadFn,
    seconds: float,
    seed: int = 0,
    out: str | os.PathLike[str] | None = None,
    parallel: bool = True,
) -> Verdict:
    """``studio.verify`` on the cluster at ``address``."""
    game = Path(path).resolve()
    future = _submit(client(address), (job, read), game, seconds, seed, _path(out), parallel)
    verdict, files = future.result()
    return _settle(verdict, files, game, _path(out))


def verify_many_on(
    address: str,
    jobs: list[tuple[str, float, int, Path | None, bool]],
    *,
    job: JobFn,
    read: ReadFn,
    failed: FailedFn,
) -> list[Verdict]:
    """``verify_many``'s jobs on the cluster; a path that cannot be read gets the same
    not-playable verdict as locally."""
    dask = client(address)
    futures: list[Any] = []
    verdicts: list[Verdict | None] = []
    try:
        for path, seconds, seed, out, parallel in jobs:
            try:
                game = Path(path).resolve()
                futures.append(_submit(dask, (job, read), game, seconds, seed, out, parallel))
                verdicts.append(None)
            except UsageError as exc:
                futures.append(None)
                verdicts.append(failed(path, exc, seed))
        for i, (future, spec) in enumerate(zip(futures, jobs, strict=True)):
            if future is not None:
                verdict, files = future.result()
                verdicts[i] = _settle(verdict, files, Path(spec[0]).resolve(), spec[3])
    except BaseException:  # Ctrl-C among them: what has not started never will
        for future in futures:
            if future is not None:
                future.cancel()
        raise
    return [v for v in verdicts if v is not None]


class ClusterVerifier:
    """A verifier (``studio.verify``'s signature) that sends each verdict to the cluster."""

    def __init__(self, address: str, *, job: JobFn, read: ReadFn) -> None:
        self.address = address
        self.job, self.read = job, read
        client(address)  # a wrong address fails before any model is asked

    def __call__(
        self,
        path: str | os.PathLike[str],
        *,
        seconds: float,
        seed: int = 0,
        out: str | os.PathLike[str] | None = None,
    ) -> Verdict:
        return verify_on(
            self.address, path, job=self.job, read=self.read, seconds=seconds, seed=seed, out=out
        )


def _path(out: str | os.PathLike[str] | None) -> Path | None:
    return Path(out) if out is not None else None


def close(address: str) -> None:
    """Close the kept client of ``address`` (before the cluster goes away)."""
    with _clients_lock:
        found = _clients.pop(address, None)
    if found is not None:
        found.close()
