"""Virtual time: every clock the game can read follows one counter that only the game moves.

``Clock.tick``, ``time.sleep``, ``pygame.time.wait`` and friends advance the counter instead
of waiting, so 30 s of game time pass in a fraction of that. A game that never waits still
advances it: a display flip with no wait since the previous one counts as one frame
(``busy``), and so do repeated event polls or clock reads with no wait in between.
"""

from __future__ import annotations

import os
import sys
import time
import traceback
from collections.abc import Callable

FRAME_MS = 1000.0 / 60.0
EPOCH = 1_700_000_000.0  # what time.time() says at virtual time zero
BASE = 1000.0  # what monotonic()/perf_counter() say at virtual time zero
MAX_TIMER_POSTS = 20  # timer events posted per timer per advance, at most
#: This much game time without a frame shown or an event poll is a stall, not a pause (one
#: wait in the wrong unit, a busy wait on the clock): desktops call a window that ignores
#: its events this long "not responding".
STALL_MS = 5_000.0
HERE = os.path.dirname(os.path.abspath(__file__))

real_monotonic = time.monotonic


class StopRun(BaseException):
    """Raised into the game when its game time is up. Not an Exception on purpose."""


class VirtualTime:
    """The one counter, in milliseconds, and what happens when it moves."""

    def __init__(self, end_ms: float, sample_ms: float, on_sample: Callable[[float], None]):
        self.now = 0.0
        self.end = end_ms
        self.sample_ms = sample_ms
        self.next_sample = 0.0
        self.on_sample = on_sample
        self.post: Callable[[object], None] = lambda event: None
        self.ticks = 0  # real waits: Clock.tick, sleep, wait, event.wait
        self.busy = 0  # advances forced by a loop that never waits
        self.advances = 0
        self.spins = 0  # clock reads since the last advance
        self.since_flip = True  # has time moved since the last flip?
        self.timers: dict[int, list] = {}  # type -> [interval, due, loops_left, event]
        self.progress_wall = real_monotonic()
        self.finished = False
        #: The game's last sign of life (a frame shown, an event poll), in virtual ms.
        self.alive_at = 0.0
        #: A stall: STALL_MS of game time without a frame or an event poll (one long wait,
        #: or a loop that only waits or reads the clock): {"ms", "wait", "at", "stack"}.
        self.stall: dict | None = None

    def alive(self) -> None:
        """The game showed a frame or looked at its events."""
        self.alive_at = self.now

    def advance(self, ms: float, *, busy: bool = False) -> None:
        ms = max(0.0, float(ms))
        new_now = self.now + ms
        stalled = self.stall is None and new_now - self.alive_at >= STALL_MS
        if stalled:
            gap, at = round(new_now - self.alive_at), round(self.alive_at)
            self.stall = {"ms": gap, "wait": round(ms), "at": at, "stack": game_stack()}
        while self.next_sample <= new_now and self.next_sample < self.end:
            self.on_sample(self.next_sample)
            self.next_sample += self.sample_ms
        self.now = new_now
        self.advances += 1
        if busy:
            self.busy += 1
        else:
            self.ticks += 1
        self.spins = 0
        self.since_flip = True
        self.progress_wall = real_monotonic()
        self._fire_timers()
        if self.now >= self.end or stalled:  # nothing after a stall is play
            self.finished = True
            raise StopRun

    def spin(self) -> None:
        """A clock read with no wait: a busy-wait loop moves time after many of them."""
        self.spins += 1
        if self.spins > 200:  # a frame's worth once the game showed no life for a second
            self.advance(1.0 if self.now - self.alive_at < 1000.0 else FRAME_MS, busy=True)

    # -- pygame.time.set_timer --------------------------------------------------------
    def set_timer(self, event: object, millis: int, loops: int = 0) -> None:
        etype = event if isinstance(event, int) else getattr(event, "type", None)
        if etype is None:
            raise TypeError("set_timer needs an event type or an Event")
        if millis <= 0:
            self.timers.pop(etype, None)
            return
        self.timers[etype] = [float(millis), self.now + millis, loops, event]

    def next_timer(self) -> float | None:
        return min((t[1] for t in self.timers.values()), default=None)

    def _fire_timers(self) -> None:
        for etype, timer in list(self.timers.items()):
            posted = 0
            while timer[1] <= self.now and etype in self.timers:
                if posted < MAX_TIMER_POSTS:
                    self.post(timer[3])
                    posted += 1
                timer[1] += timer[0]
                if timer[2] > 0:
                    timer[2] -= 1
                    if timer[2] == 0:
                        del self.timers[etype]


def game_stack() -> str:
    """The game's part of the current stack (the sandbox's own frames left out)."""
    frames = [
        f
        for f in traceback.extract_stack()
        if not f.filename.startswith(HERE)
        and "runpy" not in f.filename
        and f.filename != "<string>"  # the sandbox's own command line
    ]
    return "Stack of the game when it stalled (most recent call last):\n" + "".join(
        traceback.format_list(frames)
    )


def make_clock_class(vt: VirtualTime) -> type:
    class Clock:
        """pygame.time.Clock on virtual time."""

        def __init__(self) -> None:
            self._last = vt.now
            self._time = 0
            self._raw = 0
            self._recent: list[float] = []

        def tick(self, framerate: float = 0) -> int:
            start = vt.now
            if framerate and framerate > 0:
                target = self._last + 1000.0 / framerate
                vt.advance(max(0.0, target - vt.now))
            elif vt.now == self._last:
                vt.advance(FRAME_MS)
            else:
                vt.advance(0.0)
            self._raw = int(start - self._last)
            self._time = int(vt.now - self._last)
            self._last = vt.now
            self._recent = (self._recent + [self._time])[-10:]
            return self._time

        tick_busy_loop = tick

        def get_time(self) -> int:
            return self._time

        def get_rawtime(self) -> int:
            return self._raw

        def get_fps(self) -> float:
            total = sum(self._recent)
            return 1000.0 * len(self._recent) / total if total else 0.0

    return Clock


def install(vt: VirtualTime, pygame: object) -> None:
    """Point every clock of ``time``, ``pygame.time`` and ``asyncio`` at ``vt``."""

    def _seconds() -> float:
        vt.spin()
        return vt.now / 1000.0

    def sleep(seconds: float) -> None:
        vt.advance(max(float(seconds) * 1000.0, 1.0))

    time.time = lambda: EPOCH + _seconds()
    time.time_ns = lambda: int((EPOCH + _seconds()) * 1e9)
    time.monotonic = time.perf_counter = lambda: BASE + _seconds()
    time.monotonic_ns = time.perf_counter_ns = lambda: int((BASE + _seconds()) * 1e9)
    time.sleep = sleep
    time.process_time = time.thread_time = lambda: _seconds()
    time.process_time_ns = time.thread_time_ns = lambda: int(_seconds() * 1e9)
    # calendar time without an argument is "now": virtual too
    real_localtime, real_gmtime, real_strftime = time.localtime, time.gmtime, time.strftime
    time.localtime = lambda secs=None: real_localtime(time.time() if secs is None else secs)
    time.gmtime = lambda secs=None: real_gmtime(time.time() if secs is None else secs)
    real_ctime, real_asctime = time.ctime, time.asctime
    time.ctime = lambda secs=None: real_ctime(time.time() if secs is None else secs)
    time.asctime = lambda t=None: real_asctime(time.localtime() if t is None else t)
    time.strftime = lambda fmt, t=None: real_strftime(fmt, time.localtime() if t is None else t)
    _virtual_datetime()

    ptime = pygame.time  # type: ignore[attr-defined]

    def get_ticks() -> int:
        vt.spin()
        return int(vt.now)

    def wait(milliseconds: int) -> int:
        vt.advance(max(int(milliseconds), 0))
        return int(milliseconds)

    ptime.get_ticks = get_ticks
    ptime.wait = ptime.delay = wait
    ptime.set_timer = vt.set_timer
    ptime.Clock = make_clock_class(vt)
    if hasattr(pygame, "Clock"):  # pygame-ce also exposes it at the top level
        pygame.Clock = ptime.Clock  # type: ignore[attr-defined]

    asyncio = sys.modules.get("asyncio")  # loaded by the runner only for games that use it
    if asyncio is None:
        return
    real_sleep = asyncio.sleep

    async def async_sleep(delay: float, result: object = None) -> object:
        if delay > 0:
            vt.advance(float(delay) * 1000.0)
        await real_sleep(0)
        return result

    asyncio.sleep = async_sleep


def _virtual_datetime() -> None:
    """``datetime.now()`` and friends on virtual time (when the game imports datetime; the
    runner loads it before the fork). The C type cannot be patched: a subclass replaces it."""
    module = sys.modules.get("datetime")
    if module is None:
        return
    base = module.datetime

    class datetime(base):  # type: ignore[misc, valid-type]
        @classmethod
        def now(cls, tz=None):
            return cls.fromtimestamp(time.time(), tz)

        @classmethod
        def today(cls):
            return cls.fromtimestamp(time.time())

        @classmethod
        def utcnow(cls):
            return cls.utcfromtimestamp(time.time())

    datetime.__name__ = datetime.__qualname__ = "datetime"
    datetime.__module__ = "datetime"
    module.datetime = datetime


def install_entropy(seed: int) -> None:
    """Every source of randomness the game reaches without giving a seed follows ``seed``:
    ``random``'s own functions, ``random.seed()`` and ``random.Random()`` with no seed,
    ``SystemRandom``, ``secrets``, ``os.urandom``/``getrandom`` and ``uuid``'s ids."""
    import random

    rng = random.Random(seed ^ 0x5EED)
    os.urandom = random._urandom = rng.randbytes  # type: ignore[attr-defined]
    if hasattr(os, "getrandom"):
        os.getrandom = lambda size, flags=0: rng.randbytes(size)
    seeds = random.Random(seed ^ 0xC0FFEE)
    real_seed = random.Random.seed

    def seed_from_sandbox(self, a=None, version=2):
        real_seed(self, seeds.getrandbits(64) if a is None else a, version)

    random.Random.seed = seed_from_sandbox  # type: ignore[method-assign]
    random.seed = random._inst.seed  # type: ignore[attr-defined]
    random.seed(seed)
    _identity_hashes_in_order()
    uuid = sys.modules.get("uuid")
    if uuid is not None:  # uuid1 from the (virtual) clock and a made-up node, not the host
        uuid._generate_time_safe = None
        uuid._node = 0x5EED00000000 | (seed & 0xFFFFFF)
        uuid._last_timestamp = None


def _identity_hashes_in_order() -> None:
    """Objects of the game's classes hash by when they were first hashed, not by their
    address: a set of them then iterates in the same order in every run (addresses differ
    between runs forked at different moments). Classes that define equality or a hash of
    their own keep theirs; so does an object that cannot be weakly referenced."""
    import builtins
    import itertools
    import weakref

    serials: dict[int, int] = {}
    count = itertools.count(1)
    default = object.__hash__

    def __hash__(self) -> int:
        key = id(self)
        serial = serials.get(key)
        if serial is None:
            try:
                weakref.finalize(self, serials.pop, key, None)
            except TypeError:
                return default(self)
            serial = serials[key] = next(count)
        return serial

    real_build = builtins.__build_class__

    def build_class(func, name, *bases, **kwds):
        cls = real_build(func, name, *bases, **kwds)
        if isinstance(cls, type) and cls.__hash__ is default:
            try:
                cls.__hash__ = __hash__
            except (TypeError, AttributeError):
                pass
        return cls

    builtins.__build_class__ = build_class
