"""Model calls of a bench: at most ``limit`` at a time per model, fewer while the endpoint
answers 429, and a 429 that outlasts the client's retries waits and tries again: a rate
limit slows a bench down, it never fails a sample.

The limit halves at each 429 (to 1 at least) and grows back by one after ``limit``
answers in a row without one (additive increase, multiplicative decrease, as TCP does).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from studio.errors import ModelError, RateLimitError
from studio.models.base import Event, EventSink, Reply, Request

#: Seconds to wait after a 429 the client gave up on; doubles up to ``MAX_WAIT``.
FIRST_WAIT = 2.0
MAX_WAIT = 60.0


class Throttle:
    """A semaphore whose size moves between 1 and ``limit``."""

    def __init__(self, limit: int) -> None:
        if limit < 1:
            raise ValueError("limit must be 1 or more")
        self.limit = limit
        self.current = limit
        self.in_use = 0
        self.slowdowns = 0
        self._calm = 0
        self._cond = threading.Condition()

    def acquire(self, cancel: threading.Event) -> None:
        with self._cond:
            while self.in_use >= self.current:
                if cancel.is_set():
                    raise ModelError("cancelled")
                self._cond.wait(0.1)
            self.in_use += 1

    def release(self) -> None:
        with self._cond:
            self.in_use -= 1
            self._cond.notify_all()

    def slow_down(self) -> None:
        with self._cond:
            self.current = max(1, self.current // 2)
            self.slowdowns += 1
            self._calm = 0

    def went_well(self) -> None:
        with self._cond:
            self._calm += 1
            if self._calm >= self.current and self.current < self.limit:
                self.current += 1
                self._calm = 0
                self._cond.notify_all()


class ThrottledModel:
    """``model`` behind a ``Throttle``; everything else (label, source, endpoint) passes
    through."""

    def __init__(
        self,
        model: Any,
        throttle: Throttle,
        cancel: threading.Event,
        wait: Callable[[float], Any] | None = None,
    ) -> None:
        self.model = model
        self.throttle = throttle
        self.cancel_event = cancel
        self._wait = wait or cancel.wait

    def __getattr__(self, name: str) -> Any:
        return getattr(self.model, name)

    @property
    def label(self) -> str:
        return str(self.model.label)

    @property
    def source(self) -> str:
        return str(self.model.source)

    def execute(self, request: Request, on_event: EventSink | None = None) -> Reply:
        delay = FIRST_WAIT
        while True:
            self.throttle.acquire(self.cancel_event)
            try:
                reply: Reply = self.model.execute(request, self._watching(on_event))
            except RateLimitError:
                self.throttle.slow_down()
            else:
                self.throttle.went_well()
                return reply
            finally:
                self.throttle.release()
            if on_event is not None:
                on_event(Event(kind="status", text=f"rate limited; trying again in {delay:g} s"))
            self._wait(delay)
            if self.cancel_event.is_set():
                raise ModelError("cancelled")
            delay = min(MAX_WAIT, delay * 2)

    def _watching(self, on_event: EventSink | None) -> EventSink:
        def sink(event: Event) -> None:
            if event.kind == "retry" and event.detail.get("status") == 429:
                self.throttle.slow_down()
            if on_event is not None:
                on_event(event)

        return sink
