"""The in-process guard: an audit hook that refuses and reports forbidden actions.

This is the innermost layer. The operating-system layers around it (bubblewrap namespaces,
an unprivileged uid, resource limits) stop what it misses; this layer is what makes every
attempt *reported*, even when the game catches the error and carries on.

Audit hooks cannot be removed once added. Before the runner forks a run it may spawn helper
processes (pygame's font lookup runs ``fc-list``); that warm-up is watched by a ``Guard``
object. Each run then retires it and adds hooks of its own (``lock_run``) whose state the
game cannot reach or change: a closure over immutable values only, which never calls code
of the game's (a path object's ``__fspath__``, a subclass's ``__eq__`` or ``__repr__``), so
no frame of it is ever on the stack while game code runs. The log it reports to is checked
by identity on each report: a game that closed or replaced it is ended (``TAMPERED``).
"""

from __future__ import annotations

import os
import pathlib
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
    "shutil.copyfile": (1,),
}
#: ``gc.get_referents`` too: of a frame, it hands out the running function and its closure
#: cells (a run's hook's, from the traceback of a refusal), which are writable.
INTROSPECT_EVENTS = frozenset(
    {
        "ctypes.dlopen",
        "ctypes.dlsym",
        "ctypes.call_function",
        "gc.get_referrers",
        "gc.get_referents",
        "gc.get_objects",
    }
)
WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND
AF_UNIX = 1  # the same on Linux and macOS; importing socket here would cost a start-up
ALLOWED_DEVICES = ("/dev/null", "/dev/zero", "/dev/urandom", "/dev/random", "/dev/tty")
#: What a run may read besides its allowed folders (the same as its Landlock walls).
SYSTEM_READ = (
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
    "/dev/null",
    "/dev/zero",
    "/dev/urandom",
    "/dev/random",
)
#: A run's exit code when its report channel was closed or replaced under it.
TAMPERED = 94
LOG_CAP = 64 * 1024
_PATH_TYPES = (pathlib.PosixPath, pathlib.PurePosixPath)
_FSPATH = pathlib.PurePath.__fspath__
_PATH_STR = pathlib.PurePath.__str__


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


# -- a run's own hook: no state the game can reach ---------------------------------------
def _safe_repr(value: object, depth: int = 0) -> str:
    """A repr that runs no code of the game's: plain values only, else the type's name."""
    kind = type(value)
    if kind in (str, bytes, int, float, bool) or value is None:
        return repr(value)
    if kind in (tuple, list) and depth < 2:
        inner = ", ".join(_safe_repr(v, depth + 1) for v in list(value)[:6])
        return f"({inner})" if kind is tuple else f"[{inner}]"
    return object.__repr__(value).split(" object at ")[0] + ">"


def _short_safe(args: tuple) -> str:
    text = " ".join(_safe_repr(a) for a in tuple.__iter__(args))
    return text if len(text) <= 120 else text[:117] + "..."


class _Unchecked(Exception):
    """A path given as an object whose text the guard cannot read without running it."""


def _path_text(raw: object) -> str | None:
    """The path ``raw`` names, as an exact str, without running game code; None for a file
    descriptor. A path object other than pathlib's own raises ``_Unchecked``."""
    kind = type(raw)  # never isinstance: it may read a __class__ the game defined
    if issubclass(kind, int):
        return None
    if issubclass(kind, str):
        return str.__str__(raw)  # type: ignore[arg-type]  # an exact copy, no method of its own
    if issubclass(kind, (bytes, bytearray)):
        return os.fsdecode(bytes(memoryview(raw)))  # type: ignore[arg-type]
    if (
        kind in _PATH_TYPES
        and pathlib.PurePath.__fspath__ is _FSPATH
        and pathlib.PurePath.__str__ is _PATH_STR
    ):
        return str.__str__(_FSPATH(raw))  # type: ignore[arg-type]
    raise _Unchecked(object.__repr__(raw).split(" object at ")[0] + ">")


def _number(value: object) -> int:
    """An exact int for an int-like argument (-2 for anything else), running no code of the
    game's (a subclass's ``__eq__`` is never reached: the copy is a plain int)."""
    return int.__index__(value) if issubclass(type(value), int) else -2  # type: ignore[arg-type]


def _inside(path: str, roots: tuple[str, ...]) -> bool:
    return any(path == r or path.startswith(r.rstrip("/") + "/") for r in roots)


def lock_run(workdir: str, allowed: list[str], log_fd: int) -> None:
    """Retire nothing, add everything: a run's hooks, from now until the run ends. Reads
    are allowed in ``allowed`` and the system's folders; writes and deletions only in
    ``workdir``; no spawning, network or native code. Every refusal is written to
    ``log_fd`` before the game sees a PermissionError."""
    work = os.path.realpath(workdir)
    readable = tuple(os.path.realpath(p) for p in (*allowed, *SYSTEM_READ) if p)
    st = os.fstat(log_fd)
    log_id = (st.st_dev, st.st_ino)
    getcwd, realpath, join = os.getcwd, os.path.realpath, os.path.join
    write, fstat, lseek, exit_now = os.write, os.fstat, os.lseek, os._exit
    me = os.getpid()

    def refuse(what: str) -> None:
        try:
            same = (fstat(log_fd).st_dev, fstat(log_fd).st_ino) == log_id
        except OSError:
            same = False
        if not same:  # the report channel was closed or replaced: end the run
            exit_now(TAMPERED)
        if lseek(log_fd, 0, os.SEEK_CUR) < LOG_CAP:
            write(log_fd, (what.replace("\n", " ")[:400] + "\n").encode("utf-8", "replace"))
        raise PermissionError(f"sandbox: {what} is forbidden")

    def full(raw: object) -> str | None:
        try:
            text = _path_text(raw)
        except _Unchecked as exc:
            refuse(f"using a file through a path object the sandbox cannot check ({exc})")
            return None
        return None if text is None else realpath(join(getcwd(), text))

    def may_write(path: str) -> bool:
        return _inside(path, (work,)) or path in ALLOWED_DEVICES

    def check_open(args: tuple) -> None:
        raw, mode, flags = (list(tuple.__iter__(args)) + [None, None, None])[:3]
        path = full(raw)
        if path is None:
            return
        if type(mode) is str:
            writing = any(c in mode for c in "wax+")
        else:
            writing = bool(_number(flags) & WRITE_FLAGS)
        if writing and not may_write(path):
            refuse(f"writing outside its directory ({path})")
        if not writing and not _inside(path, readable) and not may_write(path):
            refuse(f"reading files outside its folder and the libraries it needs ({path})")

    def hook(event: str, args: tuple) -> None:
        if event == "open":
            check_open(args)
        elif event in SPAWN_EVENTS:
            refuse(f"spawning a process ({event} {_short_safe(args)})")
        elif event in NET_EVENTS:
            refuse(f"network access ({event} {_short_safe(args)})")
        elif event == "socket.__new__":
            family = _number(args[1]) if len(args) > 1 and args[1] is not None else None
            if family not in (AF_UNIX, -1, None):
                refuse(f"opening a network socket (family {_safe_repr(family)})")
        elif event in DELETE_EVENTS:
            path = full(args[0]) if args else None
            if path is None or not _inside(path, (work,)):
                refuse(f"deleting files ({event} {path or _short_safe(args[:1])})")
        elif event in CHANGE_EVENTS:
            for i in CHANGE_EVENTS[event]:
                path = full(args[i]) if i < len(args) else None
                if path and not may_write(path):
                    refuse(f"changing files outside its directory ({event} {path})")
        elif event in INTROSPECT_EVENTS or event in ("sys.settrace", "sys.setprofile"):
            refuse(f"reaching outside the game ({event})")
        elif event in ("os.kill", "os.killpg", "signal.pthread_kill"):
            pid = _number(args[0]) if args else None
            if pid != me:  # 0 is not the run's own: it names its group (runner, other runs)
                refuse(f"signalling another process ({event} {_safe_repr(pid)})")

    sys.addaudithook(hook)
    sys.addaudithook(_always_refuse_spawn)


def retire(guard: Guard) -> None:
    """The warm-up guard steps aside in a run (``lock_run``'s hooks take over)."""
    guard.retired = True


def watch_native_files(pygame: object) -> None:
    """pygame's loaders open files in C, where no audit event fires: check the path first
    through ``open`` (the run's hooks refuse and report it there). Landlock stops what
    reaches C another way; this makes the usual way reported too."""

    def check(target: object) -> None:
        if issubclass(type(target), (str, bytes, os.PathLike)):
            try:
                open(target, "rb").close()  # type: ignore[call-overload]
            except PermissionError:
                raise
            except OSError:  # missing, a folder...: the loader says so in its own words
                pass

    def function(owner: object, name: str) -> None:
        real = getattr(owner, name, None)
        if real is None:
            return

        def checked(*args: object, **kwargs: object) -> object:
            check(args[0] if args else next(iter(kwargs.values()), None))
            return real(*args, **kwargs)

        setattr(owner, name, checked)

    def cls(owner: object, name: str) -> None:
        real = getattr(owner, name, None)
        if not isinstance(real, type):
            return

        def __init__(self: object, *args: object, **kwargs: object) -> None:
            check(args[0] if args else next(iter(kwargs.values()), None))
            real.__init__(self, *args, **kwargs)

        setattr(owner, name, type(name, (real,), {"__init__": __init__}))

    image, font, mixer = (getattr(pygame, n, None) for n in ("image", "font", "mixer"))
    if image is not None:
        function(image, "load")
    if font is not None:
        cls(font, "Font")
    if mixer is not None:
        cls(mixer, "Sound")
        music = getattr(mixer, "music", None)
        if music is not None:
            function(music, "load")
