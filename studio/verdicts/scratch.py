"""A sandbox's folder: where it goes, the code it holds, and the sweep of folders a killed
studio left behind.

A sandbox's folder holds its code and the runs' results: some megabytes of pictures,
written and deleted within a second. In a memory file system (``/dev/shm``) that costs no
disk journal (on a disk it made each verdict about 4% slower: benchmarks/verify_speed.py);
but a folder left there by a studio killed mid-verdict holds memory until the machine
restarts, so each studio process sweeps such folders once, before its first sandbox.
"""

from __future__ import annotations

import functools
import os
import py_compile
import shutil
import sys
import tempfile
import time
from importlib import resources
from pathlib import Path

#: The modules of ``sandbox/`` (installed as ``studio.sandbox``) copied into every sandbox.
MODULES: tuple[str, ...] = (
    "runner",
    "channels",
    "guard",
    "runguard",
    "vclock",
    "player",
    "capture",
    "walls",
    "watch",
)
PREFIX = "studio-verify-"
#: ``/dev/shm`` is used only with this much room left (containers often give it 64 MB).
ROOM = 1 << 30
#: A left folder is swept only when its studio process is gone and it is this old (a pid
#: namespace sharing the folder could have a live studio with that pid).
STALE_SECONDS = 3600.0


def scratch_dir() -> str | None:
    """Where sandboxes' folders go: ``/dev/shm`` when it has room and the user named no
    temporary folder of their own (``TMPDIR``); otherwise None, the system's temporary
    folder."""
    if os.environ.get("TMPDIR"):
        return None
    shm = "/dev/shm"
    try:
        room = os.statvfs(shm)
    except OSError:
        return None
    if not os.access(shm, os.W_OK | os.X_OK) or room.f_bavail * room.f_frsize < ROOM:
        return None
    return shm


def new_root() -> Path:
    """A fresh, private folder for one sandbox (named after this process, for the sweep)."""
    folder = scratch_dir()
    sweep(folder or tempfile.gettempdir())
    return Path(tempfile.mkdtemp(prefix=f"{PREFIX}{os.getpid()}-", dir=folder))


@functools.cache
def sweep(folder: str, now: float | None = None) -> int:
    """Delete the sandbox folders in ``folder`` that this user's studio processes left when
    they were killed (the process is gone, the folder old). Once per folder per process;
    returns how many were deleted."""
    now = time.time() if now is None else now
    me, swept = os.geteuid(), 0
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return 0
    for entry in entries:
        pid = entry.name[len(PREFIX) :].split("-", 1)[0]
        if not entry.name.startswith(PREFIX) or not pid.isdigit():
            continue
        try:
            st = entry.stat(follow_symlinks=False)
        except OSError:
            continue
        if not entry.is_dir(follow_symlinks=False) or st.st_uid != me:
            continue
        if now - st.st_mtime < STALE_SECONDS or _alive(int(pid)):
            continue
        shutil.rmtree(entry.path, ignore_errors=True)
        swept += 1
    return swept


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # someone else's: alive
        return True
    return True


@functools.cache
def compiled_code() -> dict[str, bytes]:
    """The sandbox's modules, source and compiled (checked by hash, never by date), made
    once per process: the sandbox may not write bytecode and should not compile each time."""
    files: dict[str, bytes] = {}
    src = resources.files("studio.sandbox")
    tag = sys.implementation.cache_tag
    with tempfile.TemporaryDirectory(prefix="studio-pyc-") as tmp:
        for name in MODULES:
            source = src.joinpath(name + ".py").read_bytes()
            path = Path(tmp) / (name + ".py")
            path.write_bytes(source)
            pyc = Path(tmp) / f"{name}.{tag}.pyc"
            py_compile.compile(
                str(path),
                cfile=str(pyc),
                doraise=True,
                invalidation_mode=py_compile.PycInvalidationMode.UNCHECKED_HASH,
            )
            files[name + ".py"] = source
            files[f"__pycache__/{name}.{tag}.pyc"] = pyc.read_bytes()
    return files


def fill_code(dest: Path) -> None:
    """Put the sandbox's modules and their bytecode in ``dest`` (the sandbox's ``code``)."""
    (dest / "__pycache__").mkdir(parents=True)
    for rel, data in compiled_code().items():
        (dest / rel).write_bytes(data)
        os.chmod(dest / rel, 0o644)
    os.chmod(dest / "__pycache__", 0o755)
    os.chmod(dest, 0o755)
