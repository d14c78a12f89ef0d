"""The walls each run puts up around itself after the fork, before any game code runs.

Dependency rule: the standard library, ``guard`` (the folders a run may read), and the two
wall libraries the studio depends on (``landlock``, ``pyseccomp``), loaded by ``prepare``
before the guard is in place. Nothing from the studio.

- Landlock (an unprivileged Linux security module): the run may read only the folders it
  needs (the system's, Python's, the game's own view) and write only its own play folder.
  It holds in every isolation mode, and against native code, which the guard cannot see.
- A seccomp filter: the run may start no process by any route (``execve``, ``fork``,
  ``vfork``, ``clone`` without ``CLONE_THREAD``), may not trace another, and may signal
  none but itself (``kill`` and friends, pidfds). A try kills the
  run at once (``SIGSYS``): its exit tells the studio, so the try is reported even when the
  game reached the system call through a door the guard does not watch
  (``_posixsubprocess.fork_exec``, say). Threads are still allowed (``clone3``, whose flags
  a filter cannot read, answers ENOSYS, and the C library then uses ``clone``).

Either wall missing (an old kernel, no libseccomp, not Linux) is said in the run's result
and so in the verdict's ``isolation``; the walls outside and the guard still hold.
"""

from __future__ import annotations

import errno
import os
from types import ModuleType

# As a package (``studio.sandbox``) or copied alone into the sandbox: see sandbox/README.md.
if __package__:
    from . import guard
else:
    import guard

CLONE_THREAD = 0x00010000
#: System calls that start or reach into another process: a try ends the run (SIGSYS).
KILLED = (
    "execve",
    "execveat",
    "fork",
    "vfork",
    "ptrace",
    "process_vm_readv",
    "process_vm_writev",
    "pidfd_open",
    "pidfd_send_signal",
    "pidfd_getfd",
)
#: Signals, allowed only to this process itself (first argument: a pid, or a thread group).
SIGNALS = ("kill", "tgkill", "rt_sigqueueinfo", "rt_tgsigqueueinfo")
_landlock: ModuleType | None = None
_seccomp: ModuleType | None = None
_missing: list[str] = []


def prepare(libraries: dict[str, str | None]) -> None:
    """Load the wall libraries (before the guard: they use ctypes). Once per sandbox.
    ``libraries``: the shared libraries' names as the studio found them (``c``,
    ``seccomp``), so that nothing here spawns ``ldconfig`` to look for them."""
    global _landlock, _seccomp
    try:
        import landlock

        if landlock.landlock_abi_version() < 1:
            raise OSError("the kernel has no Landlock")
        _landlock = landlock
    except Exception as exc:  # noqa: BLE001 - any failure means: no such wall here
        _missing.append(f"no Landlock file walls ({type(exc).__name__}: {exc})"[:200])
    import ctypes.util

    find = ctypes.util.find_library
    ctypes.util.find_library = lambda name: libraries.get(name)
    try:
        import pyseccomp

        _seccomp = pyseccomp
    except Exception as exc:  # noqa: BLE001
        _missing.append(f"no seccomp process wall ({type(exc).__name__}: {exc})"[:200])
    finally:
        ctypes.util.find_library = find


def _existing(paths: list[str] | tuple[str, ...]) -> list[str]:
    return [p for p in dict.fromkeys(paths) if p and os.path.exists(p)]


def _files_walls(read: list[str], write: list[str]) -> None:
    assert _landlock is not None
    access = _landlock.FSAccess
    ruleset = _landlock.Ruleset()  # every file-system right handled: denied unless allowed
    file_rights = access.READ_FILE | access.EXECUTE
    for path in _existing([*guard.SYSTEM_FOLDERS, *read]):  # a file takes no folder rights
        dir_rights = access.READ_DIR if os.path.isdir(path) else 0
        ruleset.allow(path, rules=file_rights | dir_rights)
    device = access.READ_FILE | access.WRITE_FILE
    ruleset.allow(*_existing(guard.DEVICES), rules=device)
    ruleset.allow(*_existing(write), rules=access.all())
    ruleset.apply()


def _process_walls() -> None:
    assert _seccomp is not None
    sc = _seccomp
    f = sc.SyscallFilter(defaction=sc.ALLOW)
    for name in KILLED:
        try:
            f.add_rule(sc.KILL_PROCESS, name)
        except (OSError, ValueError, RuntimeError):  # no such call on this architecture
            pass
    me = os.getpid()
    for name in SIGNALS:
        f.add_rule(sc.KILL_PROCESS, name, sc.Arg(0, sc.NE, me))
    f.add_rule(sc.KILL_PROCESS, "tkill")  # a thread id alone could be any process's
    f.add_rule(sc.KILL_PROCESS, "clone", sc.Arg(0, sc.MASKED_EQ, CLONE_THREAD, 0))
    f.add_rule(sc.ERRNO(errno.ENOSYS), "clone3")
    f.load()


def put_up(read: list[str], write: list[str]) -> list[str]:
    """Put up both walls in this process (a run, right after the fork). Returns the walls
    that hold, by name; what is missing is in ``missing()``."""
    held = []
    if _landlock is not None:
        try:
            _files_walls(read, write)
            held.append("landlock")
        except Exception as exc:  # noqa: BLE001
            _missing.append(f"Landlock failed ({type(exc).__name__}: {exc})"[:200])
    if _seccomp is not None:
        try:
            _process_walls()
            held.append("seccomp")
        except Exception as exc:  # noqa: BLE001
            _missing.append(f"seccomp failed ({type(exc).__name__}: {exc})"[:200])
    return held


def missing() -> list[str]:
    """What could not be put up here, and why."""
    return list(_missing)
