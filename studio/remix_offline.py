"""The offline designer's remix: it edits the parent's stored design, not its text.

``plan_offline(parent, request)`` reads the request (``studio.designer.changes``), applies
it to the parent's design record and renders the new game; when nothing the request asks
maps onto the designer's knobs, or what it maps changes nothing in this game, it raises
``NothingToRemix`` (exit 1) with examples of what it can do, and nothing is saved.
``DesignRemixer`` then stands in for a model in the run, as ``OfflineDesigner`` does for
``studio make``: it answers with the new program, so the verifier, the review and the
gallery treat it like any candidate.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

from studio.designer import Game
from studio.designer.changes import EXAMPLES, Outcome, read_changes, remix_record, unread
from studio.designer.stored import rebuild, record_for
from studio.errors import DesignError, StudioError, UsageError
from studio.models.base import Event, EventSink, Reply, Request, Usage
from studio.remix import Parent


class NothingToRemix(StudioError):
    """The request maps onto nothing the designer can change in this game."""


def can_do() -> str:
    return "It can do: " + ", ".join(EXAMPLES) + "."


@dataclass
class OfflineRemix:
    """What the designer understood and the game it makes."""

    outcome: Outcome
    game: Game


def recovered_design(parent: Parent) -> dict[str, Any] | None:
    """The design of a designer game kept before designs were stored: its prompt and seed
    read again, when they rebuild exactly its program (else None: no guessing)."""
    meta = parent.meta
    prompt, seed = meta.get("prompt"), meta.get("seed")
    if meta.get("source") != "offline" or not isinstance(prompt, str):
        return None
    if not isinstance(seed, int) or isinstance(seed, bool):
        return None
    try:
        record = record_for(prompt, seed)
        return record if rebuild(record).code == parent.code else None
    except DesignError:
        return None


def plan_offline(parent: Parent, request: str) -> OfflineRemix:
    """The designer's remix of ``parent`` for ``request``, or a clear refusal."""
    record = parent.design or recovered_design(parent)
    if record is None and parent.meta.get("source") == "offline":
        raise UsageError(
            f"{parent.label} was made by an older offline designer and keeps no design that "
            "rebuilds it exactly, so the designer cannot remix it without changing more than "
            "asked: make it again (`studio make` with its prompt) or remix it with a model "
            "(`studio models`)"
        )
    if record is None:
        raise UsageError(
            f"{parent.label} was not made by the offline designer (it keeps no design), so "
            "the designer cannot remix it: configure a model (`studio models`) and run the "
            "remix without --offline"
        )
    changes = read_changes(request)
    if not changes:
        raise NothingToRemix(
            f"the offline designer did not understand what to change in {request!r}; "
            f"nothing was changed. {can_do()} A model (`studio models`) can make any change."
        )
    try:
        outcome = remix_record(record, changes)
        outcome.unread = unread(request, changes)
        game = rebuild(outcome.record)
    except DesignError as exc:
        raise NothingToRemix(f"the offline designer cannot make this change: {exc}") from exc
    if game.code == parent.code or not outcome.done:
        raise NothingToRemix(
            f"{outcome.line}: that changes nothing in {parent.label}, so no version was "
            f"saved. {can_do()}"
        )
    return OfflineRemix(outcome, game)


class DesignRemixer:
    """A model that answers every request with the remixed design's program."""

    label = "offline designer (no model)"
    source = "offline"

    def __init__(self, remix: OfflineRemix) -> None:
        self.remix = remix

    def execute(self, request: Request, on_event: EventSink | None = None) -> Reply:
        start = time.perf_counter()
        emit = on_event or (lambda event: None)
        design = self.remix.game.design
        code = self.remix.game.code
        text = f"{self.remix.outcome.line}\n\n```python\n{code}```\n"
        emit(Event(kind="text", text=text, tokens=len(text) // 4))
        extra: dict[str, Any] = {
            "title": design.title,
            "genre": design.genre,
            "understood": self.remix.outcome.line,
            "controls": "; ".join(f"{c.keys}: {c.action}" for c in design.controls),
            "design_record": self.remix.outcome.record,
        }
        return Reply(
            text=text,
            usage=Usage(),
            finish_reason="stop",
            model=self.label,
            seconds=time.perf_counter() - start,
            extra=extra,
        )
