"""A run's own audit hooks: they refuse and report, and the game can neither reach nor
change them.

Dependency rule: the standard library and ``guard`` (the event sets); nothing from the
studio.

How it holds against a game that runs in the same interpreter:
- The hook is a closure made by ``lock_run``. Everything it uses (paths, event sets, the
  builtins and ``os`` functions it calls, its own small state) is bound in that closure
  when the run starts, before any game code: the game cannot swap a module global, a
  builtin or an ``os`` function under it. The function object itself is held only by the
  interpreter's list of audit hooks, and ``gc``'s walks over objects are refused.
- It never runs code of the game's: a path is read with the base types' own methods
  (``str.__str__`` of a ``str`` subclass is a plain copy), never through ``isinstance``
  (which may read a ``__class__`` the game defined), ``__fspath__``, ``__eq__`` or
  ``__repr__`` of an object of the game's. So no frame of it is ever on the stack while
  game code runs, and walking the stack finds nothing to switch off.
- Each refusal is written to the run's ``forbidden.log`` (opened ``O_APPEND``, so seeking
  does not move it) before the game sees PermissionError; the log's identity is checked on
  every report, and a game that closed or replaced it is ended (``guard.TAMPERED``). What
  the game itself writes into the log only adds lines against it; the cap counts only the
  hook's own lines.
"""

from __future__ import annotations

import os
import pathlib
import sys
import types
from collections.abc import Callable

# As a package (``studio.sandbox``) or copied alone into the sandbox: see sandbox/README.md.
if __package__:
    from . import guard
else:
    import guard

Hook = Callable[[str, tuple], None]


def lock_run(workdir: str, allowed: list[str], protected: list[str], log_fd: int) -> None:
    """Put up a run's hooks, from now until the run ends. Reads are allowed in ``allowed``
    and the system's folders; elsewhere a read of something that exists, or of anything in
    ``protected`` (the user's home, the project: places bubblewrap does not even mount), is
    refused; a read of a missing file elsewhere fails as the system says (a high-score file
    not made yet is no attack) and is noted for the studio to check on its side. Writes
    and deletions only in ``workdir``; no spawning, network, native code or tracing."""
    sys.addaudithook(_run_hook(workdir, allowed, protected, log_fd))
    sys.addaudithook(_spawn_refuser(frozenset(guard.SPAWN_EVENTS)))


def _spawn_refuser(spawn: frozenset[str]) -> Hook:
    error = PermissionError

    def refuse_spawn(event: str, args: tuple) -> None:
        if event in spawn:
            raise error(f"sandbox: spawning a process ({event}) is forbidden")

    return refuse_spawn


def _run_hook(workdir: str, allowed: list[str], protected: list[str], log_fd: int) -> Hook:  # noqa: C901 - one closure, on purpose
    # -- everything the hook uses, bound now ---------------------------------------------
    issub, typ, lenf, listf, anyf, memview, reprf, boolf = (
        issubclass,
        type,
        len,
        list,
        any,
        memoryview,
        repr,
        bool,
    )
    str_t, bytes_t, int_t, float_t, bool_t, tuple_t, bytearray_t = (
        str,
        bytes,
        int,
        float,
        bool,
        tuple,
        bytearray,
    )
    any_error = Exception
    error, missing_errors, os_error = (
        PermissionError,
        (FileNotFoundError, NotADirectoryError),
        OSError,
    )
    base_repr, str_copy, int_copy = object.__repr__, str.__str__, int.__index__
    getcwd, lstat, readlink = os.getcwd, os.lstat, os.readlink
    write, fstat, exit_now, me = os.write, os.fstat, os._exit, os.getpid()
    path_like = os.PathLike
    path_types = (pathlib.PosixPath, pathlib.PurePosixPath)
    # pathlib's slots, read as the C descriptors they are: no pathlib code runs
    slot_str, slot_drv, slot_root, slot_parts = (
        pathlib.PurePath._str,  # type: ignore[attr-defined]
        pathlib.PurePath._drv,  # type: ignore[attr-defined]
        pathlib.PurePath._root,  # type: ignore[attr-defined]
        pathlib.PurePath._parts,  # type: ignore[attr-defined]
    )
    spawn, net = frozenset(guard.SPAWN_EVENTS), frozenset(guard.NET_EVENTS)
    delete, change = frozenset(guard.DELETE_EVENTS), dict(guard.CHANGE_EVENTS)
    introspect = frozenset(guard.INTROSPECT_EVENTS) | {
        "sys.settrace",
        "sys.setprofile",
        "sys._current_frames",  # another thread's frame: perhaps this hook's, mid-check
    }
    signals = frozenset({"os.kill", "os.killpg", "signal.pthread_kill"})
    listing = dict(guard.LIST_EVENTS)
    tb_frame = types.TracebackType.tb_frame.__get__  # type: ignore[attr-defined]
    f_code = types.FrameType.f_code.__get__  # type: ignore[attr-defined]
    mine: set[types.CodeType] = set()  # the code of this hook's own functions (below)
    busy = [False]
    write_flags, devices, af_unix = guard.WRITE_FLAGS, tuple(guard.ALLOWED_DEVICES), guard.AF_UNIX
    missing_read, tampered, cap = guard.MISSING_READ, guard.TAMPERED, guard.LOG_CAP
    realpath = os.path.realpath  # for the run's own folders, before any game code
    work = realpath(workdir)
    readable = tuple(realpath(p) for p in (*allowed, *guard.SYSTEM_READ) if p)
    secret = tuple(realpath(p) for p in protected if p)
    st = fstat(log_fd)
    log_id = (st.st_dev, st.st_ino)
    seen: set[str] = set()  # lines already reported (reachable by nothing but this hook)
    written = [0]

    # -- helpers: plain values in, plain values out ------------------------------------
    def inside(path: str, roots: tuple[str, ...]) -> bool:
        return anyf(path == r or path.startswith(r.rstrip("/") + "/") for r in roots)

    def number(value: object) -> int:
        return int_copy(value) if issub(typ(value), int_t) else -2  # type: ignore[arg-type]

    def shown(value: object, depth: int = 0) -> str:
        kind = typ(value)
        if kind in (str_t, bytes_t, int_t, float_t, bool_t) or value is None:
            return reprf(value)  # the base types' own repr
        if kind in (tuple_t, listf) and depth < 2:
            inner = ", ".join(shown(v, depth + 1) for v in listf(value)[:6])  # type: ignore[call-overload]
            return f"({inner})" if kind is tuple_t else f"[{inner}]"
        return base_repr(value).split(" object at ")[0] + ">"

    def short(args: tuple) -> str:
        text = " ".join(shown(a) for a in args)
        return text if lenf(text) <= 120 else text[:117] + "..."

    def note(line: str) -> None:
        try:
            now = fstat(log_fd)
            same = (now.st_dev, now.st_ino) == log_id
        except os_error:
            same = False
        if not same:  # the report channel was closed or replaced: end the run
            exit_now(tampered)
        line = line.replace("\n", " ")[:400]
        if line in seen or written[0] >= cap:
            return
        seen.add(line)
        data = (line + "\n").encode("utf-8", "replace")
        written[0] += lenf(data)
        try:
            whole = write(log_fd, data) == lenf(data)
        except os_error:
            whole = False
        if not whole:  # a read-only copy put in its place, a full disk: no report, no run
            exit_now(tampered)

    def refuse(what: str) -> None:
        note(what)
        raise error(f"sandbox: {what} is forbidden")

    def text_of(raw: object) -> str | None:
        kind = typ(raw)
        if issub(kind, int_t):
            return None  # a file descriptor
        if issub(kind, str_t):
            return str_copy(raw)  # type: ignore[arg-type]
        if issub(kind, (bytes_t, bytearray_t)):
            return bytes_t(memview(raw)).decode("utf-8", "surrogateescape")  # type: ignore[arg-type]
        if kind in path_types:  # what its __str__ gives, from its slots
            try:
                return str_copy(slot_str.__get__(raw))
            except AttributeError:
                pass
            try:
                drv, root = str_copy(slot_drv.__get__(raw)), str_copy(slot_root.__get__(raw))
                parts = [str_copy(x) for x in listf(slot_parts.__get__(raw))]
            except (AttributeError, TypeError):
                parts = None
            if parts is not None:
                return drv + root + "/".join(parts[1:]) if drv or root else "/".join(parts)
        what = "path object" if issub(kind, path_like) else "object"
        refuse(f"using a file through a {what} the sandbox cannot check ({shown(raw)})")
        return None

    def resolve(path: str) -> str:
        """``os.path.realpath`` with the functions bound here (posixpath's own would look
        up ``os.lstat`` and friends on modules the game can change)."""
        done: list[str] = []
        todo = [p for p in path.split("/") if p][::-1]
        hops = 0
        while todo:
            part = todo.pop()
            if part == ".":
                continue
            if part == "..":
                if done:
                    done.pop()
                continue
            here = "/" + "/".join([*done, part])
            try:
                is_link = (lstat(here).st_mode & 0o170000) == 0o120000
            except os_error:
                is_link = False
            if is_link and hops < 40:
                hops += 1
                target = str_copy(readlink(here))
                if target.startswith("/"):
                    done = []
                todo.extend([p for p in target.split("/") if p][::-1])
                continue
            done.append(part)
        return "/" + "/".join(done)

    def full(raw: object) -> str | None:
        text = text_of(raw)
        if text is None:
            return None
        return resolve(text if text.startswith("/") else str_copy(getcwd()) + "/" + text)

    def exists(path: str) -> bool:  # or hidden from this uid: a read there is an attempt
        try:
            lstat(path)
        except missing_errors:
            return False
        except os_error:
            return True
        return True

    def may_write(path: str) -> bool:
        return inside(path, (work,)) or path in devices

    def check_open(args: tuple) -> None:
        raw, mode, flags = (listf(args) + [None, None, None])[:3]
        path = full(raw)
        if path is None:
            return
        if typ(mode) is str_t:
            writing = anyf(c in mode for c in "wax+")  # type: ignore[operator]
        else:
            writing = boolf(number(flags) & write_flags)
        if writing and not may_write(path):
            refuse(f"writing outside its directory ({path})")
        if writing or inside(path, readable) or may_write(path):
            return
        if inside(path, secret) or exists(path):
            refuse(f"reading files outside its folder and the libraries it needs ({path})")
        note(missing_read + path)

    def ours(traceback: object) -> bool:
        """Is this traceback entry one of this hook's frames? (Only a refusal's traceback
        holds them; the look is made with this hook stepped aside.)"""
        if busy[0]:
            return False
        busy[0] = True
        try:
            return f_code(tb_frame(traceback)) in mine
        except any_error:  # not a traceback: nothing of ours
            return False
        finally:
            busy[0] = False

    # -- the hook ----------------------------------------------------------------------
    def hook(event: str, args: tuple) -> None:
        if typ(event) is not str_t:
            return
        if event == "open":
            check_open(args)
        elif event in spawn:
            refuse(f"spawning a process ({event} {short(args)})")
        elif event in net:
            refuse(f"network access ({event} {short(args)})")
        elif event == "socket.__new__":
            family = number(args[1]) if lenf(args) > 1 and args[1] is not None else None
            if family not in (af_unix, -1, None):
                refuse(f"opening a network socket (family {shown(family)})")
        elif event in delete:
            path = full(args[0]) if args else None
            if path is None or not inside(path, (work,)):
                refuse(f"deleting files ({event} {path or short(args[:1])})")
        elif event in change:
            for i in change[event]:
                path = full(args[i]) if i < lenf(args) else None
                if path and not may_write(path):
                    refuse(f"changing files outside its directory ({event} {path})")
        elif event in listing:
            i = listing[event]
            path = full(args[i]) if i < lenf(args) else None
            outside = path and not inside(path, readable) and not may_write(path)
            above = path and anyf(r.startswith(path.rstrip("/") + "/") for r in readable)
            outside = outside and not above  # a folder on the way to its own: imports list it
            if outside and (inside(path, secret) or exists(path)):  # type: ignore[arg-type]
                refuse(f"listing files outside its folder ({event} {path})")
        elif event in introspect or event.startswith("ctypes."):
            refuse(f"reaching outside the game ({event})")
        elif event == "object.__getattr__" and lenf(args) > 1 and args[1] == "tb_frame":
            if ours(args[0]):
                refuse("reaching the sandbox's own frames (a refusal's traceback)")
        elif event == "object.__setattr__" and lenf(args) > 1 and args[1] == "__code__":
            refuse("replacing a function's code (object.__setattr__ __code__)")
        elif event in signals:
            pid = number(args[0]) if args else None
            if pid != me:  # 0 names its process group: the runner and the other runs
                refuse(f"signalling another process ({event} {shown(pid)})")

    for fn in (hook, ours, check_open, may_write, exists, full, resolve, text_of, refuse, note):
        mine.add(fn.__code__)
    for fn in (short, shown, number, inside):
        mine.add(fn.__code__)
    return hook
