"""What an attempt's rounds produced, and the rules about them.

A ``Round`` is one request and its candidate; an ``AttemptResult`` how one attempt ended.
``signature`` and ``repairable`` say when a failed candidate is worth another round. Apart
from the attempt's lifecycle (``studio.attempts``) so that what reads results (the record,
the pick, the CLI's tables) does not depend on the lifecycle.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from studio.adherence import Adherence
from studio.lifecycle import AttemptState
from studio.models.base import Purpose, Reply, Usage
from studio.verdicts.report import FLAGS, SOFT_FLAGS, Verdict

NEVER_REPAIR = frozenset({"forbidden", "memory_limit"})
#: Flags of a failed candidate worth a repair round: the model can plausibly fix these.
#: ``forbidden`` (hostile code) and the resource limits are never repaired; the soft flags
#: do not fail a candidate in the first place.
REPAIRABLE = frozenset(FLAGS) - SOFT_FLAGS - NEVER_REPAIR


Verifier = Callable[..., Verdict]


@dataclass
class Prompts:
    """The prompt builders and the reply parser an attempt uses (the model layer's, by default).

    ``make(prompt, design)``, ``design(prompt)``, ``repair(prompt, code, verdict)`` return
    chat messages; ``parse(reply)`` returns ``(code, thinking)`` or raises ``NoCodeInReply``.
    """

    make: Callable[[str, str | None], list[dict[str, str]]]
    design: Callable[[str], list[dict[str, str]]]
    repair: Callable[[str, str, Verdict], list[dict[str, str]]]
    parse: Callable[[Reply], tuple[str, str]]
    #: ``adhere(prompt, code, lacks)``: messages asking a playable game for what it lacks;
    #: None: ``studio.finals.adherence_messages``.
    adhere: Callable[[str, str, str], list[dict[str, Any]]] | None = None
    #: ``apply(reply, base)``: like ``parse``, for a reply that may answer with edits to
    #: ``base`` (the program its request showed); raises ``EditsDoNotApply`` (a rejection
    #: the next round is told about) or ``NoCodeInReply``. None: ``parse``.
    apply: Callable[[Reply, str], tuple[str, str]] | None = None
    #: ``retry(prompt, code, why)``: messages after a rejected candidate (``Round.rejected``):
    #: ``code`` the program the next reply is about. None: a rejection ends the attempt.
    retry: Callable[[str, str, str], list[dict[str, Any]]] | None = None


@dataclass
class Round:
    """One request and its candidate: round 0 is the first try, K ≥ 1 is repair K."""

    k: int
    dir: Path
    code: str | None = None
    verdict: Verdict | None = None
    error: str | None = None
    usage: Usage = field(default_factory=Usage)
    reply_end: float | None = None
    adherence: Adherence | None = None  # the free signals, for a playable candidate
    judged: Adherence | None = None  # the free signals and the model judge, once judged
    purpose: Purpose = "make"  # make, repair, or adhere (asked for what it lacked)
    #: The program this round's request was about (a remix's parent, a repaired candidate);
    #: None: a new game.
    base: str | None = None
    #: Why a candidate was rejected though the verifier may have passed it, in one line
    #: (a remix: "unchanged", a new flag, edits that do not apply); None: not rejected.
    rejected: str | None = None

    @property
    def accepted(self) -> bool:
        """Playable and not rejected: a candidate that may win."""
        return self.verdict is not None and self.verdict.playable and self.rejected is None

    @property
    def final(self) -> Adherence | None:
        """The adherence that counts: the judge's combined one when there is one."""
        return self.judged or self.adherence

    def to_dict(self) -> dict[str, Any]:
        final = self.final
        return {
            "round": self.k,
            "purpose": self.purpose,
            "adherence": final.to_dict() if final else None,
            "dir": str(self.dir),
            "playable": bool(self.verdict and self.verdict.playable),
            "score": self.verdict.score if self.verdict else None,
            "flags": list(self.verdict.flags) if self.verdict else [],
            "rejected": self.rejected,
            "error": self.error,
            "tokens": {
                "prompt": self.usage.prompt_tokens,
                "completion": self.usage.completion_tokens,
            },
        }


@dataclass
class AttemptResult:
    """How one attempt ended: its best candidate (if any), or why it failed."""

    n: int
    seed: int
    status: AttemptState = AttemptState.WAITING  # done, failed or cancelled once finished
    rounds: list[Round] = field(default_factory=list)
    reason: str = ""
    error_kind: str | None = None  # the ModelError class name when the model failed
    extra: dict[str, Any] = field(default_factory=dict)
    started: float = 0.0
    ended: float = 0.0

    @property
    def best(self) -> Round | None:
        """The playable round, else the verified round with the best score."""
        verified = [r for r in self.rounds if r.verdict is not None]
        if not verified:
            return None
        return max(verified, key=_round_rank)

    @property
    def adherence(self) -> Adherence | None:
        best = self.best
        return best.final if best else None

    @property
    def verdict(self) -> Verdict | None:
        best = self.best
        return best.verdict if best else None

    @property
    def playable(self) -> bool:
        """Its best candidate is playable and was not rejected (it may win)."""
        best = self.best
        return best is not None and best.accepted

    @property
    def rejected(self) -> str | None:
        """Why its best candidate was rejected, or None."""
        best = self.best
        return best.rejected if best else None

    @property
    def usage(self) -> Usage:
        total = Usage()
        for r in self.rounds:
            total.prompt_tokens += r.usage.prompt_tokens
            total.completion_tokens += r.usage.completion_tokens
            total.reasoning_tokens += r.usage.reasoning_tokens
        return total

    @property
    def last_reply_end(self) -> float | None:
        ends = [r.reply_end for r in self.rounds if r.reply_end is not None]
        return max(ends) if ends else None

    def to_dict(self) -> dict[str, Any]:
        verdict = self.verdict
        usage = self.usage
        return {
            "n": self.n,
            "seed": self.seed,
            "status": self.status,
            "playable": self.playable,
            "score": verdict.score if verdict else None,
            "flags": list(verdict.flags) if verdict else [],
            "rejected": self.rejected,
            "reason": self.reason,
            "error_kind": self.error_kind,
            "repairs": max((r.k for r in self.rounds), default=0),
            "adherence": self.adherence.to_dict() if self.adherence else None,
            "tokens": {"prompt": usage.prompt_tokens, "completion": usage.completion_tokens},
            "seconds": round(max(0.0, self.ended - self.started), 3),
            "rounds": [r.to_dict() for r in self.rounds],
        }


def _round_rank(r: Round) -> tuple[bool, bool, bool, float, int, int]:
    """An accepted round first, then a playable one, then one that matches the request, the
    closest, the best."""
    assert r.verdict is not None
    final = r.final
    matches = final is None or final.matches
    coverage = final.coverage if final else 1.0
    return (r.accepted, r.verdict.playable, matches, coverage, r.verdict.score, -r.k)


def signature(verdict: Verdict) -> str:
    """What identifies a failure: flags, error type and the first line of its message."""
    err = verdict.error
    first = (err.message.strip().splitlines() or [""])[0] if err else ""
    return "|".join([",".join(sorted(verdict.flags)), err.type if err else "", first])


def repairable(verdict: Verdict) -> bool:
    """A failed candidate close enough to be worth a repair round."""
    flags = set(verdict.flags)
    return not verdict.playable and not (flags & NEVER_REPAIR) and bool(flags & REPAIRABLE)


def describe(exc: BaseException) -> str:
    """A one-line reason for a failed attempt."""
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__
