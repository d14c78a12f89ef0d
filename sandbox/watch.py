"""How long a run has gone without progress, in the time the machine gave it.

Dependency rule: the standard library only (see sandbox/README.md).

A run shows progress at each frame, clock tick or event poll (``VirtualTime.progress_wall``,
real time). The runner's watchdog calls a stretch without progress a hang after a few
seconds; but a run can also go without progress because it waited for a core: beside the
other runs, other programs, or at a lower priority (the short check plays at one). The
kernel counts that wait for each thread (``/proc/thread-self/schedstat``), and the watch
leaves it out, so that a starved run is not called hung and a stuck one still is.
"""

from __future__ import annotations

import os


class RunQueue:
    """How long the thread that made it has waited, ready, for a core: in seconds, 0.0 where
    the kernel does not say. Made by the run's main thread, before the walls go up (the
    file is under /proc); read from the watchdog's thread."""

    def __init__(self) -> None:
        self.identity: tuple[int, int] | None = None
        try:
            self.fd = os.open("/proc/thread-self/schedstat", os.O_RDONLY | os.O_CLOEXEC)
            st = os.fstat(self.fd)
            self.identity = (st.st_dev, st.st_ino)
        except OSError:
            self.fd = -1

    def waited(self) -> float:
        """The wait so far; 0.0 once the game closed or replaced the file (a file of its own
        under that number could otherwise claim any wait, and hide a hang)."""
        if self.fd < 0:
            return 0.0
        try:  # "<ns on a core> <ns waiting for one> <time slices>"
            st = os.fstat(self.fd)
            if (st.st_dev, st.st_ino) != self.identity:
                self.fd = -1
                return 0.0
            return int(os.pread(self.fd, 128, 0).split()[1]) / 1e9
        except (OSError, ValueError, IndexError):
            return 0.0


class HangWatch:
    """The current stretch without progress, less the time the run waited for a core in it.

    ``look(now, progress, waited)`` is called now and then (every tenth of a second) with the
    real time, the real time of the run's last progress and ``RunQueue.waited()``. A new
    progress starts a new stretch; the wait is counted from the first look that sees it, so
    a wait just before that look is counted as idle time (the watch errs towards a hang by
    at most one look's worth of wait, never away from one)."""

    def __init__(self, progress: float, waited: float) -> None:
        self.progress, self.waited_then = progress, waited

    def look(self, now: float, progress: float, waited: float) -> float:
        if progress != self.progress:
            self.progress, self.waited_then = progress, waited
        stretch = max(now - self.progress, 0.0)
        return stretch - min(max(waited - self.waited_then, 0.0), stretch)
