"""The in-process guard: an audit hook that refuses and reports forbidden actions.

This is the innermost layer. The operating-system layers around it (bubblewrap namespaces,
an unprivileged uid, resource limits) stop what it misses; this layer is what makes every
attempt *reported*, even when the game catches the error and carries on.

Audit hooks cannot be removed once added. Before the runner forks a run it may spawn helper
processes (pygame's font lookup runs ``fc-list``); that warm-up is watched by a ``Guard``
object. Each run then retires it and adds hooks of its own (``runguard.lock_run``), which
the game can neither reach nor change. This module also holds what both share: the event
sets and the run's wrappers of pygame's C loaders.
"""

from __future__ import annotations

import os
import sys

SPAWN_EVENTS = frozenset(
    {
        "subprocess.Popen",
        "os.system",
        "os.exec",
        "os.posix_spawn",
        "os.spawn",
        "os.fork",
        "os.forkpty",
        "os.startfile",
        "pty.spawn",
    }
)
NET_EVENTS = frozenset(
    {
        "socket.connect",
        "socket.bind",
        "socket.sendto",
        "socket.sendmsg",
        "socket.getaddrinfo",
        "socket.gethostbyname",
        "socket.gethostbyaddr",
        "socket.gethostbyname_ex",
    }
)
DELETE_EVENTS = frozenset({"os.remove", "os.rmdir", "shutil.rmtree", "os.truncate"})
#: Events that change the file system, and which of their arguments are paths it changes.
CHANGE_EVENTS = {
    "os.rename": (0, 1),
    "os.link": (1,),
    "os.symlink": (1,),
    "os.mkdir": (0,),
    "os.chmod": (0,),
    "os.chown": (0,),
    "os.utime": (0,),
    "os.setxattr": (0,),
    "os.removexattr": (0,),
    "os.chflags": (0,),
    "shutil.copyfile": (1,),
}
#: Events that read a folder's listing, and the argument that names the folder.
LIST_EVENTS = {"os.listdir": 0, "os.scandir": 0}
INTROSPECT_EVENTS = frozenset(
    {
        "ctypes.dlopen",
        "ctypes.dlsym",
        "ctypes.call_function",
        "gc.get_referrers",
        "gc.get_referents",  # of a frame: the running function and its writable cells
        "gc.get_objects",
    }
)
WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND
AF_UNIX = 1  # the same on Linux and macOS; importing socket here would cost a start-up
ALLOWED_DEVICES = ("/dev/null", "/dev/zero", "/dev/urandom", "/dev/random", "/dev/tty")
#: Read-only system folders a run needs after the fork (fonts, zone info, shared libraries).
SYSTEM_FOLDERS = (
    "/usr",
    "/lib",
    "/lib64",
    "/lib32",
    "/libx32",
    "/bin",
    "/sbin",
    "/etc/ld.so.cache",
    "/etc/fonts",
    "/etc/alternatives",
    "/etc/localtime",
)
#: Devices a run may read and write.
DEVICES = ("/dev/null", "/dev/zero", "/dev/urandom", "/dev/random")
#: What a run may read besides its allowed folders (the same as its Landlock walls).
SYSTEM_READ = SYSTEM_FOLDERS + DEVICES
#: How a run notes a read of a missing file outside what it may read: not refused (the
#: system answers that it is missing), but the studio checks whether the file exists on
#: its side (bubblewrap shows the game none of the user's files) and reports it if so.
MISSING_READ = "?missing-read "
#: A run's exit code when its report channel was closed or replaced under it.
TAMPERED = 94
LOG_CAP = 64 * 1024


class Guard:
    """Watches the warm-up before the runs fork (the runner's own imports); each run
    retires it and puts up ``lock_run``'s hooks instead."""

    def __init__(self, workdir: str, protected: list[str], allowed: list[str], log_fd: int):
        self.workdir = os.path.realpath(workdir)
        self.protected = [os.path.realpath(p) for p in protected if p]
        self.allowed = [os.path.realpath(p) for p in allowed if p]
        self.log_fd = log_fd
        self.locked = False
        self.attempts: list[str] = []
        self.retired = False
        self._busy = False

    # -- decisions -------------------------------------------------------------------
    def _path(self, path: object) -> str | None:
        if isinstance(path, int):
            return None
        if isinstance(path, bytes):
            path = os.fsdecode(path)
        if not isinstance(path, str):
            path = os.fspath(path)  # type: ignore[arg-type]
        return os.path.realpath(os.path.join(os.getcwd(), path))

    def _inside(self, path: str, roots: list[str]) -> bool:
        return any(path == r or path.startswith(r.rstrip("/") + "/") for r in roots)

    def _may_write(self, path: str) -> bool:
        return self._inside(path, [self.workdir]) or path in ALLOWED_DEVICES

    def _may_read(self, path: str) -> bool:
        if self._inside(path, self.allowed):
            return True
        return not self._inside(path, self.protected)

    def refuse(self, what: str) -> None:
        """Record an attempt and raise the error the game sees."""
        if what not in self.attempts:
            self.attempts.append(what)
            try:
                os.write(self.log_fd, (what.replace("\n", " ") + "\n").encode())
            except OSError:
                pass
        raise PermissionError(f"sandbox: {what} is forbidden")

    # -- the hook --------------------------------------------------------------------
    def hook(self, event: str, args: tuple) -> None:
        if self._busy or self.retired:
            return
        self._busy = True
        try:
            self._check(event, args)
        finally:
            self._busy = False

    def _check(self, event: str, args: tuple) -> None:
        if event == "open":
            self._check_open(args)
        elif event in SPAWN_EVENTS:
            if self.locked:
                self.refuse(f"spawning a process ({event} {_short(args)})")
        elif event in NET_EVENTS:
            if event in ("socket.connect", "socket.bind", "socket.sendto", "socket.sendmsg"):
                target = args[-1] if event != "socket.connect" else args[1]
            else:
                target = args[:2] if event == "socket.getaddrinfo" else args[:1]
            self.refuse(f"network access ({event} {_short((target,))})")
        elif event == "socket.__new__":
            family = args[1] if len(args) > 1 else None
            if family not in (AF_UNIX, -1, None):
                self.refuse(f"opening a network socket (family {family})")
        elif event in DELETE_EVENTS:
            path = self._path(args[0]) if args else None
            if path is None or not self._inside(path, [self.workdir]):
                self.refuse(f"deleting files ({event} {path or args[0]!r})")
        elif event in CHANGE_EVENTS:
            for raw in (args[i] for i in CHANGE_EVENTS[event] if i < len(args)):
                if isinstance(raw, (str, bytes, os.PathLike)):
                    path = self._path(raw)
                    if path and not self._may_write(path):
                        self.refuse(f"changing files outside its directory ({event} {path})")
        elif event in INTROSPECT_EVENTS and self.locked:
            self.refuse(f"reaching outside the game ({event})")
        elif event in ("os.kill", "os.killpg", "signal.pthread_kill"):
            pid = args[0] if args else None
            if pid not in (os.getpid(), 0):
                self.refuse(f"signalling another process ({event} {pid})")

    def _check_open(self, args: tuple) -> None:
        raw, mode, flags = (list(args) + [None, None, None])[:3]
        path = self._path(raw)
        if path is None:
            return
        if isinstance(mode, str):
            writing = any(c in mode for c in "wax+")
        else:
            writing = bool((flags or 0) & WRITE_FLAGS)
        if writing and not self._may_write(path):
            self.refuse(f"writing outside its directory ({path})")
        if not writing and not self._may_read(path):
            self.refuse(f"reading the user's files ({path})")


def _short(args: tuple) -> str:
    text = " ".join(repr(a) for a in args)
    return text if len(text) <= 120 else text[:117] + "..."


def _always_refuse_spawn(event: str, args: tuple) -> None:
    # It has no state a game could change.
    if event in SPAWN_EVENTS:
        raise PermissionError(f"sandbox: spawning a process ({event}) is forbidden")


def install(guard: Guard) -> None:
    sys.addaudithook(guard.hook)


def retire(guard: Guard) -> None:
    """The warm-up guard steps aside in a run (``runguard.lock_run``'s hooks take over)."""
    guard.retired = True


def watch_native_files(pygame: object) -> None:
    """pygame's loaders and savers open files in C, where no audit event fires: each path
    is first put to the run's hooks as the ``open`` it stands for (``sys.audit``: nothing
    is opened), so that an attempt outside is refused and reported there. Landlock stops
    what reaches C another way (a wrapper's base class, say), without a report."""
    audit = sys.audit

    def check(target: object, mode: str) -> None:
        if issubclass(type(target), (str, bytes, os.PathLike)):
            flags = os.O_RDONLY if mode == "rb" else os.O_WRONLY | os.O_CREAT | os.O_TRUNC
            audit("open", os.fspath(target), mode, flags)  # type: ignore[arg-type]

    def first(args: tuple, kwargs: dict, index: int) -> object:
        return args[index] if len(args) > index else next(iter(kwargs.values()), None)

    def function(owner: object, name: str, mode: str = "rb", index: int = 0) -> None:
        real = getattr(owner, name, None)
        if real is None:
            return

        def checked(*args: object, **kwargs: object) -> object:
            check(first(args, kwargs, index), mode)
            return real(*args, **kwargs)

        setattr(owner, name, checked)

    def cls(owner: object, name: str) -> None:
        real = getattr(owner, name, None)
        if not isinstance(real, type):
            return

        def __init__(self: object, *args: object, **kwargs: object) -> None:
            check(first(args, kwargs, 0), "rb")
            real.__init__(self, *args, **kwargs)

        setattr(owner, name, type(name, (real,), {"__init__": __init__}))

    mods = {n: getattr(pygame, n, None) for n in ("image", "font", "mixer", "freetype")}
    if mods["image"] is not None:
        for name in ("load", "load_basic", "load_extended"):
            function(mods["image"], name)
        for name in ("save", "save_extended"):
            function(mods["image"], name, "wb", 1)
    if mods["font"] is not None:
        cls(mods["font"], "Font")
    if mods["freetype"] is not None:
        cls(mods["freetype"], "Font")
    if mods["mixer"] is not None:
        cls(mods["mixer"], "Sound")
        music = getattr(mods["mixer"], "music", None)
        if music is not None:
            function(music, "load")
            function(music, "queue")
