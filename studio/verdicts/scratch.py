"""A sandbox's folder: where it goes, the code it holds, and the sweep of folders a killed
studio left behind.

A sandbox's folder holds its code and the runs' results: some megabytes of pictures,
written and deleted within a second. In a memory file system (``/dev/shm``) that costs no
disk journal (on a disk it made each verdict about 4% slower: benchmarks/verify_speed.py);
but a folder left there by a studio killed mid-verdict holds memory until the machine
restarts. So a studio holds a lock on each of its sandboxes' folders while it lives (the
kernel lets go of it when the process dies, however it dies), and each studio process
sweeps, once, the folders nobody holds.
"""

from __future__ import annotations

import fcntl
import functools
import os
import py_compile
import shutil
import stat
import sys
import tempfile
import time
from importlib import resources
from pathlib import Path

#: The modules of ``sandbox/`` (installed as ``studio.sandbox``), every one of them copied
#: into every sandbox: the folder holds only what runs beside the game.
MODULES: tuple[str, ...] = tuple(
    sorted(
        f.name.removesuffix(".py")
        for f in resources.files("studio.sandbox").iterdir()
        if f.name.endswith(".py") and f.name != "__init__.py"
    )
)
PREFIX = "studio-verify-"
#: ``/dev/shm`` is used only with this much room left (containers often give it 64 MB).
ROOM = 1 << 30
#: A folder is locked a moment after it is made: the sweep leaves younger ones alone.
GRACE_SECONDS = 60.0


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


def new_root() -> tuple[Path, int]:
    """A fresh, private folder for one sandbox, and a descriptor that holds a lock on it:
    close it once the folder is deleted (until then the sweep leaves the folder alone)."""
    folder = scratch_dir()
    sweep(folder or tempfile.gettempdir())
    path = tempfile.mkdtemp(prefix=f"{PREFIX}{os.getpid()}-", dir=folder)
    fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    fcntl.flock(fd, fcntl.LOCK_EX)
    return Path(path), fd


@functools.cache
def sweep(folder: str, now: float | None = None) -> int:
    """Delete the sandbox folders in ``folder`` that this user's studios left when they were
    killed: nobody holds their lock. Once per folder per process; returns how many."""
    now = time.time() if now is None else now
    me, swept = os.geteuid(), 0
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return 0
    for entry in entries:
        if not entry.name.startswith(PREFIX):
            continue
        try:
            st = entry.stat(follow_symlinks=False)
        except OSError:
            continue
        if not stat.S_ISDIR(st.st_mode) or st.st_uid != me or now - st.st_mtime < GRACE_SECONDS:
            continue
        if _held(entry.path):
            continue
        shutil.rmtree(entry.path, ignore_errors=True)
        swept += 1
    return swept


def _held(path: str) -> bool:
    """Whether a live studio holds the folder's lock (or it cannot be told: then yes)."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC)
    except OSError:
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:  # held (BlockingIOError), or no locks here
        return True
    finally:
        os.close(fd)  # and with it the lock just taken
    return False


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
