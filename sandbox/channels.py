"""What a run says and how it ended, and how the runner hears it: stdout and stderr through
a pipe the runner drains and counts, the run's exit, and the game's stack and traceback.

Dependency rule: the standard library only; nothing from the studio.
"""

from __future__ import annotations

import json
import os
import traceback

HERE = os.path.dirname(os.path.abspath(__file__))


class CappedWriter:
    """sys.stdout/sys.stderr for the game: passes the first ``cap`` bytes on, counts the
    rest. (Its descriptors 1 and 2 are a pipe the runner drains and counts too, so that
    output written past this, ``os.write(1, ...)`` say, is counted and capped as well.)"""

    def __init__(self, fd: int, state: dict, cap: int) -> None:
        self.fd, self.state, self.cap = fd, state, cap
        self.encoding = "utf-8"
        self.errors = "replace"

    def write(self, text: str) -> int:
        data = str(text).encode("utf-8", "replace")
        before = self.state["bytes"]
        self.state["bytes"] = before + len(data)
        if before < self.cap:
            os.write(self.fd, data[: self.cap - before])
        return len(text)

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return False

    def fileno(self) -> int:
        return self.fd


class Output:
    """One run's stdout and stderr: a pipe the runner drains, keeping the first ``cap``
    bytes in ``output.txt`` and counting them all, whatever wrote them."""

    def __init__(self, work: str, name: str, cap: int) -> None:
        self.name, self.cap = name, cap
        results = os.path.join(work, "results", name)
        os.makedirs(results, exist_ok=True)
        flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_CLOEXEC
        self.file = os.open(os.path.join(results, "output.txt"), flags)
        self.read_fd, self.write_fd = os.pipe()
        os.set_blocking(self.read_fd, False)
        self.bytes = 0
        self.empty = False
        self.status = 0
        self.pid = 0
        self.pidfd = -1
        self.nice = 0  # the run's lower priority, if any

    def started(self, pid: int) -> None:
        self.pid = pid
        os.close(self.write_fd)  # the run holds the only write end
        self.write_fd = -1
        self.pidfd = os.pidfd_open(pid)

    def drain(self) -> bool:
        """Read what is there (a bounded amount, so that a flood cannot keep the runner from
        its other runs); False once the pipe is closed."""
        for _ in range(64):
            try:
                data = os.read(self.read_fd, 1 << 16)
            except BlockingIOError:
                self.empty = True
                return True
            self.empty = False
            if not data:
                return False
            if self.bytes < self.cap:
                os.write(self.file, data[: self.cap - self.bytes])
            self.bytes += len(data)
        return True

    def reap(self) -> int:
        """The run is over: its exit status, with everything it wrote counted."""
        _, status_word = os.waitpid(self.pid, 0)
        while self.drain() and not self.empty:  # the run is gone: read to the pipe's end
            pass
        for fd in (self.read_fd, self.file, self.pidfd):
            os.close(fd)
        self.status = status_word
        return status_word


def record_exit(work: str, name: str, out: Output) -> None:
    status = out.status
    info = {"signal": os.WTERMSIG(status) if os.WIFSIGNALED(status) else None}
    info["code"] = os.WEXITSTATUS(status) if os.WIFEXITED(status) else None
    info["output_bytes"] = out.bytes
    path = os.path.join(work, "results", name, "exit.json")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        json.dump(info, f)


def stop_reason(work: str, name: str) -> str:
    """How a run that has ended says it stopped (its own result file: only a hint)."""
    try:
        with open(os.path.join(work, "results", name, "result.json"), "rb") as f:
            stop = json.loads(f.read(1 << 20)).get("stop_reason")
    except (OSError, ValueError, AttributeError):
        return ""
    return stop if isinstance(stop, str) else ""


def game_traceback(exc: BaseException, game: str) -> str:
    frames = []
    tb = exc.__traceback__
    while tb is not None:  # by hand: the guard's own frames (a refusal's) are not shown
        try:
            code = tb.tb_frame.f_code
        except PermissionError:
            code = None
        name = code.co_filename if code is not None else HERE
        if not name.startswith(HERE) and "runpy" not in name:
            frames.append(traceback.FrameSummary(name, tb.tb_lineno, code.co_name))  # type: ignore[union-attr]
        tb = tb.tb_next
    lines = ["Traceback (most recent call last):\n"]
    lines += traceback.format_list(frames)
    lines += traceback.format_exception_only(type(exc), exc)
    return "".join(lines)


def stack_of(dump: str, ident: int) -> str:
    """The thread ``ident``'s part of a faulthandler dump, as a traceback of the game."""
    head = f"thread 0x{ident:016x}"
    block: list[str] = []
    inside = False
    for line in dump.splitlines():
        if line.lower().startswith(("thread 0x", "current thread 0x")):
            inside = head in line.lower()
            continue
        if inside and line.strip().startswith("File "):
            block.append(line.strip())
    frames = []
    for line in reversed(block):  # faulthandler lists the most recent call first
        path, _, rest = line[len('File "') :].partition('", line ')
        number, _, name = rest.partition(" in ")
        if path.startswith(HERE) or "runpy" in path or not number.strip().isdigit():
            continue
        frames.append(traceback.FrameSummary(path, int(number), name.strip()))
    if not frames:
        return ""
    return "Stack of the game when it stopped (most recent call last):\n" + "".join(
        traceback.format_list(frames)
    )
