"""The one small interface every author of games implements: a model or the offline designer.

An attempt hands a ``Request`` to ``Model.execute``; the model calls ``on_event`` as its
reply streams (thinking, text, usage, retries) and returns the finished ``Reply``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol

#: Why a request is sent: a game, the design doc (Big Brain mode), a repair round, a round
#: asking a playable game for what the prompt wanted and it lacks, or the judge's look.
Purpose = Literal["make", "design", "repair", "adhere", "judge"]
#: What a streaming event carries.
EventKind = Literal["thinking", "text", "usage", "retry", "status"]


@dataclass
class Request:
    """What one attempt asks for."""

    prompt: str  # the person's sentence
    messages: list[dict[str, str]]  # the rendered chat messages (system, user, ...)
    seed: int = 0  # the attempt's seed: attempts differ by it
    attempt: int = 1  # 1-based attempt number
    purpose: Purpose = "make"
    reasoning_effort: str | None = None  # "low" | "medium" | "high" where the model takes it
    max_tokens: int | None = None
    temperature: float | None = None
    #: For purpose == "repair": the code that failed and its verdict (a studio Verdict).
    previous_code: str | None = None
    previous_verdict: Any = None


@dataclass
class Event:
    """A piece of a streaming reply, for live progress."""

    kind: EventKind
    text: str = ""
    tokens: int = 0  # completion tokens so far (estimated while streaming)
    detail: dict[str, Any] = field(default_factory=dict)


@dataclass
class Usage:
    prompt_tokens: int = 0
    completion_tokens: int = 0
    reasoning_tokens: int = 0

    @property
    def total(self) -> int:
        return self.prompt_tokens + self.completion_tokens


@dataclass
class Reply:
    """A finished reply: raw text, the thinking kept apart, token usage."""

    text: str
    thinking: str = ""
    usage: Usage = field(default_factory=Usage)
    finish_reason: str = ""
    model: str = ""
    seconds: float = 0.0
    #: Anything else the author wants kept with the attempt (the designer puts its title,
    #: genre and "understood" line here).
    extra: dict[str, Any] = field(default_factory=dict)


EventSink = Callable[[Event], None]


class Model(Protocol):
    """Anything that writes games: an OpenAI-compatible endpoint or the offline designer."""

    @property
    def label(self) -> str:
        """Shown in progress and stored in the gallery: "gpt-4o-mini via openai",
        "offline designer (no model)"."""
        ...

    @property
    def source(self) -> str:
        """Either "model" or "offline"."""
        ...

    def execute(self, request: Request, on_event: EventSink | None = None) -> Reply:
        """Answer one request; raise only ``studio.errors.ModelError`` subclasses."""
        ...
