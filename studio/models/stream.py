"""What one call to a model accumulates as it streams, and the clock that watches it.

``Watch`` holds the deadline of a call: ``first_token`` seconds from the request to the first
token (thinking counts), then ``idle`` seconds from each chunk to the next. The waiting thread
asks it ``overdue()``; the thread doing the HTTP work tells it about every chunk. A retry's
backoff pauses it; a plain (non-streaming) request gets ``PLAIN_TIMEOUT`` for the whole reply.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

import openai

from studio.errors import ModelError
from studio.models.base import Event, EventKind, EventSink, Reply, Usage
from studio.models.endpoints import Endpoint
from studio.models.reply import ThinkSplitter, split_thinking
from studio.models.tuning import Timeouts

FIRST, IDLE, PLAIN, PAUSED = "first token", "idle", "plain", "paused"


def estimate_tokens(text: str) -> int:
    return max(1, round(len(text) / 4)) if text else 0


def field(obj: Any, name: str) -> Any:
    """``name`` of a chunk's part, whether plain data (a dict) or the client's model."""
    return obj.get(name) if isinstance(obj, dict) else getattr(obj, name, None)


def reasoning_of(obj: Any) -> str | None:
    """The thinking a delta or message carries in ``reasoning_content`` or ``reasoning``."""
    value = field(obj, "reasoning_content") or field(obj, "reasoning")
    return value if isinstance(value, str) else None


def chunks(stream: Any) -> Iterator[dict[str, Any]]:
    """The chunks of a streamed reply as plain data, from the openai client's own reader of
    server-sent events. Its iterator makes a pydantic model of each chunk, about a third of
    a millisecond each: for a reply streamed a token a chunk that is half a second of
    CPU, which a bench spent beside its verdicts (benchmarks/bench_overhead.py). A client
    without that reader gives its models, turned back into data."""
    events = getattr(stream, "_iter_events", None)
    if events is None:
        for chunk in stream:
            yield chunk.to_dict()
        return
    for sse in events():  # what the client's iterator does, but data stays data
        if sse.data.startswith("[DONE]"):
            return
        data = sse.json()
        if not isinstance(data, dict):
            continue
        error = data.get("error")
        if error:
            said = error.get("message") if isinstance(error, dict) else None
            raise openai.APIError(
                said if isinstance(said, str) and said else "An error occurred during streaming",
                request=stream.response.request,
                body=error,
            )
        yield data


def _count(value: Any) -> int:
    return value if isinstance(value, int) and value > 0 else 0


def prompt_chars(messages: list[dict[str, Any]]) -> int:
    return sum(len(str(m.get("content", ""))) for m in messages)


class Watch:
    """The deadline of one call (thread-safe: one thread feeds it, another reads it)."""

    def __init__(self, timeouts: Timeouts, clock: Callable[[], float] = time.monotonic) -> None:
        self.timeouts = timeouts
        self.clock = clock
        self._lock = threading.Lock()
        self.phase = FIRST
        self.deadline: float | None = clock() + timeouts.first_token
        self.response: Any = None  # the open HTTP response, closed when the call is given up
        self.chars = 0
        self.abandoned = threading.Event()  # given up: the helper thread asks for nothing more

    def start(self, plain: bool = False) -> None:
        """A new HTTP request of this call (the first, a retry, a continuation)."""
        with self._lock:
            self.phase = PLAIN if plain else FIRST
            limit = self.timeouts.plain if plain else self.timeouts.first_token
            self.deadline = self.clock() + limit

    def pause(self) -> None:
        """Waiting on purpose (a retry's backoff): no deadline until the next ``start``."""
        with self._lock:
            self.phase, self.deadline = PAUSED, None

    def chunk(self, chars: int) -> None:
        """A chunk arrived holding ``chars`` characters of text or thinking."""
        with self._lock:
            self.chars += chars
            if self.phase == FIRST and not chars:
                return  # a role or keep-alive chunk is not yet the first token
            if self.phase in (FIRST, IDLE):
                self.phase = IDLE
                self.deadline = self.clock() + self.timeouts.idle

    def give_up(self) -> None:
        """The waiting thread stopped waiting: close the open response, start nothing new."""
        self.abandoned.set()
        response = self.response
        if response is not None:
            with contextlib.suppress(Exception):
                response.close()

    def overdue(self) -> str | None:
        """The phase whose deadline passed, or None."""
        with self._lock:
            if self.deadline is not None and self.clock() >= self.deadline:
                return self.phase
            return None

    def wait_time(self) -> float:
        """How long the waiting thread may sleep before it looks again."""
        with self._lock:
            if self.deadline is None:
                return 0.5
            return min(0.5, max(0.01, self.deadline - self.clock()))


class Accumulator:
    """What one streamed (or plain) reply accumulates."""

    def __init__(self, on_event: EventSink | None, watch: Watch | None = None, base: int = 0):
        self.on_event = on_event
        self.watch = watch
        self.content: list[str] = []
        self.reasoning: list[str] = []
        self.splitter = ThinkSplitter()
        self.base = base  # completion tokens of the earlier parts of a continued reply
        self.tokens = base
        self.finish = ""
        self.usage: Any = None
        self.model = ""
        self.chunks = 0

    def emit(self, kind: EventKind, text: str = "", **detail: Any) -> None:
        if self.on_event is not None and (text or kind not in ("thinking", "text")):
            self.on_event(Event(kind=kind, text=text, tokens=self.tokens, detail=detail))

    def add(self, reasoning: str | None, content: str | None) -> None:
        self.chunks += 1
        if self.watch is not None:
            self.watch.chunk(len(reasoning or "") + len(content or ""))
        if reasoning:
            self.reasoning.append(reasoning)
            self.tokens += estimate_tokens(reasoning)
            self.emit("thinking", reasoning)
        if content:
            self.content.append(content)
            self.tokens += estimate_tokens(content)
            for kind, piece in self.splitter.feed(content):
                self.emit(kind, piece)

    def take(self, chunk: dict[str, Any]) -> None:
        """One streamed chunk (``chunks``): its model, usage, first choice's delta, finish."""
        self.model = chunk.get("model") or self.model
        if chunk.get("usage"):
            self.usage = chunk["usage"]
        choices = chunk.get("choices")
        if not choices and self.watch is not None:
            self.watch.chunk(0)  # a usage or keep-alive chunk: the server is alive
        for choice in choices[:1] if isinstance(choices, list) else []:
            if not isinstance(choice, dict):
                continue
            delta = choice.get("delta")
            delta = delta if isinstance(delta, dict) else {}
            content = delta.get("content")
            self.add(reasoning_of(delta), content if isinstance(content, str) else None)
            if choice.get("finish_reason"):
                self.finish = str(choice["finish_reason"])

    def chars(self) -> int:
        return sum(map(len, self.content)) + sum(map(len, self.reasoning))

    def spent(self, messages: list[dict[str, Any]]) -> Usage:
        """The tokens of this reply so far: the server's count, else an estimate."""
        if self.usage is not None:
            details = field(self.usage, "completion_tokens_details")
            return Usage(
                prompt_tokens=_count(field(self.usage, "prompt_tokens")),
                completion_tokens=_count(field(self.usage, "completion_tokens")),
                reasoning_tokens=_count(field(details, "reasoning_tokens") if details else 0),
            )
        return Usage(estimate_tokens("x" * prompt_chars(messages)), self.tokens - self.base)

    def whole(self, completion: Any, endpoint: Endpoint) -> None:
        """A reply that came in one piece (a plain request, or a server that ignored stream)."""
        if isinstance(completion, dict):
            completion = openai.types.chat.ChatCompletion.model_validate(completion)
        if not getattr(completion, "choices", None):
            raise ModelError(f"{endpoint.base_url} answered with no choices")
        choice = completion.choices[0]
        self.model = completion.model or ""
        self.usage = completion.usage
        self.add(reasoning_of(choice.message), choice.message.content)
        self.finish = choice.finish_reason or "stop"

    def reply(
        self, messages: list[dict[str, Any]], model: str, endpoint: Endpoint, seconds: float
    ) -> Reply:
        """The finished reply: thinking apart from the answer, usage (emitted as an event)."""
        for kind, piece in self.splitter.flush():
            self.emit(kind, piece)
        raw = "".join(self.content)
        tag_thinking, answer = split_thinking(raw)
        thinking = "\n".join(t for t in ("".join(self.reasoning).strip(), tag_thinking) if t)
        usage = self.spent(messages)
        estimated = self.usage is None
        self.tokens = self.base + usage.completion_tokens
        self.emit(
            "usage",
            prompt_tokens=usage.prompt_tokens,
            completion_tokens=usage.completion_tokens,
            estimated=estimated,
        )
        return Reply(
            text=answer,
            thinking=thinking,
            usage=usage,
            finish_reason=self.finish,
            model=self.model or model,
            seconds=seconds,
            extra={
                "raw": raw,
                "endpoint": endpoint.describe(),
                "usage_estimated": estimated,
                "cost_usd": endpoint.cost_usd(usage.prompt_tokens, usage.completion_tokens),
            },
        )
