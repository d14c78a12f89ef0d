"""One attempt's lifecycle: request → stream → parse → verify → repair rounds.

An attempt runs in its own thread. It asks the model for a program (streaming, so progress
shows thinking and token counts), takes the program out of the reply, writes it to the run
folder and verifies it at once (bounded by the shared verification slots, one per CPU).
A candidate that failed but is close (a crash, an early exit, a missing asset, ... but never
a forbidden action) gets up to ``repairs`` repair rounds, each sending the code and the
verdict back to the model; the rounds stop early when an error signature (flags, error
type and the first line of its message) comes back that an earlier round already had.
A playable candidate is checked against the request at once (``studio.adherence``); after
the run, ``studio.finals`` may give an attempt one more round (``amend``) for what it lacks.

Everything an attempt sees and makes goes to ``attempt-N/`` (and ``attempt-N/repair-K/``) in
the run log. A ``ModelError`` fails the attempt with its reason; the other attempts go on.
"""

from __future__ import annotations

import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from studio.adherence import Adherence, Asked, check
from studio.errors import Cancelled, ModelError, StudioError
from studio.lifecycle import AttemptState
from studio.models.base import Event, Model, Purpose, Reply, Request, Usage
from studio.progress import Progress
from studio.runlog import RunLog
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


@dataclass
class Shared:
    """What every attempt of one run shares."""

    prompt: str
    model: Model
    verifier: Verifier
    runlog: RunLog
    progress: Progress
    prompts: Prompts
    verify_slots: threading.Semaphore
    cancel: threading.Event
    clock: Callable[[], float] = time.monotonic
    seconds: float = 30.0  # game time the verifier plays
    verify_seed: int = 0
    repairs: int = 2
    reasoning_effort: str | None = None
    design: str | None = None
    #: Called (from the attempt's thread) when an attempt's candidate is playable.
    on_playable: Callable[[AttemptResult], None] | None = None
    #: Called once per reply with the reply's ``extra`` (the designer's "understood" line).
    on_reply: Callable[[int, Reply], None] | None = None
    #: What the prompt asks for: every playable candidate is checked against it (the free
    #: signals, ``studio.adherence``); None: no check.
    asked: Asked | None = None


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
        return bool(self.verdict and self.verdict.playable)

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
            "reason": self.reason,
            "error_kind": self.error_kind,
            "repairs": max((r.k for r in self.rounds), default=0),
            "adherence": self.adherence.to_dict() if self.adherence else None,
            "tokens": {"prompt": usage.prompt_tokens, "completion": usage.completion_tokens},
            "seconds": round(max(0.0, self.ended - self.started), 3),
            "rounds": [r.to_dict() for r in self.rounds],
        }


def _round_rank(r: Round) -> tuple[bool, bool, float, int, int]:
    """A playable round first, then one that matches the request, the closest, the best."""
    assert r.verdict is not None
    final = r.final
    matches = final is None or final.matches
    return (r.verdict.playable, matches, final.coverage if final else 1.0, r.verdict.score, -r.k)


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


class Attempt:
    """Runs attempt ``n`` to the end; :meth:`run` never raises (the result says what happened)."""

    def __init__(self, shared: Shared, n: int, seed: int) -> None:
        self.shared = shared
        self.result = AttemptResult(n=n, seed=seed)
        self._state = AttemptState.WAITING

    # -- the lifecycle ---------------------------------------------------------------------

    def run(self) -> AttemptResult:
        sh, res = self.shared, self.result
        res.started = sh.clock()
        try:
            self._rounds()
        except Cancelled:
            res.status, res.reason = AttemptState.CANCELLED, "cancelled"
        except ModelError as exc:
            res.status, res.error_kind = AttemptState.FAILED, type(exc).__name__
            res.reason = describe(exc)
            if res.verdict is not None:  # a repair round failed on the model side
                res.reason = f"{res.verdict.reasons()}; repair failed: {res.reason}"
        except StudioError as exc:
            res.status, res.reason = AttemptState.FAILED, describe(exc)
        except Exception as exc:  # a bug must fail this attempt, not kill the run silently
            res.status, res.reason = AttemptState.FAILED, f"internal error: {describe(exc)}"
            sh.runlog.write_text(sh.runlog.attempt_dir(res.n) / "error.txt", traceback.format_exc())
        res.ended = sh.clock()
        if res.status == AttemptState.FAILED and sh.cancel.is_set() and res.error_kind:
            # The model layer turned the abandoned stream into an error: it was the cancel.
            res.status, res.reason = AttemptState.CANCELLED, "cancelled"
        self._set(res.status, detail=self._final_detail(), tokens=res.usage.completion_tokens)
        return res

    def _rounds(self) -> None:
        sh, res = self.shared, self.result
        messages = sh.prompts.make(sh.prompt, sh.design)
        code, verdict = self._round(0, messages, purpose="make")
        seen = {signature(verdict)}
        k = 0
        while not verdict.playable and repairable(verdict) and k < sh.repairs:
            self._check_cancel()
            k += 1
            self._set(AttemptState.REPAIRING, round=k, detail=verdict.reasons())
            messages = sh.prompts.repair(sh.prompt, code, verdict)
            code, verdict = self._round(k, messages, purpose="repair", code=code, verdict=verdict)
            sig = signature(verdict)
            if not verdict.playable and sig in seen:
                res.reason = f"{verdict.reasons()} (same error after repair {k}, stopped)"
                break
            seen.add(sig)
        if verdict.playable:
            res.status, res.reason = AttemptState.DONE, verdict.summary()
        else:
            res.status = AttemptState.FAILED
            best = res.verdict
            res.reason = res.reason or (best.reasons() if best else "no verdict")

    def _round(
        self,
        k: int,
        messages: list[dict[str, Any]],
        *,
        purpose: Purpose,
        code: str | None = None,
        verdict: Verdict | None = None,
    ) -> tuple[str, Verdict]:
        sh, res = self.shared, self.result
        folder = sh.runlog.attempt_dir(res.n, k)
        rnd = Round(k=k, dir=folder, purpose=purpose)
        res.rounds.append(rnd)
        sh.runlog.write_json(folder / "messages.json", messages)
        self._check_cancel()
        # Until the first token: still waiting (round 0) or still "repairing K".
        self._set(AttemptState.WAITING if k == 0 else AttemptState.REPAIRING, round=k)
        request = Request(
            prompt=sh.prompt,
            messages=messages,
            seed=res.seed,
            attempt=res.n,
            purpose=purpose,
            reasoning_effort=sh.reasoning_effort,
            previous_code=code,
            previous_verdict=verdict,
        )
        try:
            reply = sh.model.execute(request, on_event=self._on_event)
        except ModelError as exc:
            rnd.error = describe(exc)
            if isinstance(exc.usage, Usage):  # tokens spent on a reply that was unusable
                rnd.usage = exc.usage
            if exc.partial:
                sh.runlog.write_text(folder / "reply.txt", exc.partial)
            self._check_cancel()
            raise
        rnd.reply_end = sh.clock()
        rnd.usage = reply.usage
        self._check_cancel()
        raw = reply.extra.get("raw") if reply.extra else None
        extra = {k: v for k, v in (reply.extra or {}).items() if k != "raw"}
        if extra:
            res.extra.update(extra)
            sh.runlog.write_json(folder / "extra.json", extra)
        if sh.on_reply is not None:
            sh.on_reply(res.n, reply)
        sh.runlog.write_text(folder / "reply.txt", raw if isinstance(raw, str) else reply.text)
        try:
            new_code, thinking = sh.prompts.parse(reply)
        except ModelError as exc:
            rnd.error = describe(exc)
            sh.runlog.write_text(folder / "thinking.txt", reply.thinking)
            raise
        sh.runlog.write_text(folder / "thinking.txt", thinking)
        new_code = sh.runlog.scrub(new_code)  # the program that is verified, repaired, kept
        game = sh.runlog.write_text(folder / "game.py", new_code)
        rnd.code = new_code
        rnd.verdict = self._verify(game, folder, k)
        sh.runlog.write_json(folder / "verdict.json", rnd.verdict.to_dict())
        if rnd.verdict.playable and sh.asked is not None:
            rnd.adherence = check(sh.asked, new_code)
        if rnd.verdict.playable and sh.on_playable is not None:
            sh.on_playable(res)
        return new_code, rnd.verdict

    def amend(self, messages: list[dict[str, Any]]) -> Round:
        """One more round after the run: ``messages`` ask this attempt's playable game for
        what it lacks (``studio.finals``). A model failure is kept in the round, not raised."""
        res = self.result
        best = res.best
        assert best is not None and best.code is not None
        k = max(r.k for r in res.rounds) + 1
        self._set(AttemptState.REPAIRING, round=k, detail="asking for what the request lacks")
        try:
            self._round(k, messages, purpose="adhere", code=best.code, verdict=best.verdict)
        except StudioError as exc:  # the model failed, or no program came back
            res.rounds[-1].error = res.rounds[-1].error or describe(exc)
        final = res.best
        if final is not None and final.verdict is not None and final.verdict.playable:
            res.status, res.reason = AttemptState.DONE, final.verdict.summary()
        self._set(res.status, round=k, detail=self._final_detail())
        return res.rounds[-1]

    def _verify(self, game: Path, folder: Path, k: int) -> Verdict:
        sh = self.shared
        self._set(AttemptState.VERIFYING, round=k, detail="waiting for a CPU")
        while not sh.verify_slots.acquire(timeout=0.1):
            self._check_cancel()
        try:
            self._check_cancel()
            self._set(AttemptState.VERIFYING, round=k, detail="")
            verdict = sh.verifier(
                game, seconds=sh.seconds, seed=sh.verify_seed, out=folder / "artifacts"
            )
        finally:
            sh.verify_slots.release()
        self._check_cancel()
        self._set(AttemptState.VERIFYING, round=k, detail=verdict.summary())
        return verdict

    # -- streaming -------------------------------------------------------------------------

    def _on_event(self, event: Event) -> None:
        """The model's stream callback: progress, and the way out when the run is cancelled."""
        self._check_cancel()
        sh, n = self.shared, self.result.n
        tokens = sum(r.usage.completion_tokens for r in self.result.rounds) + event.tokens
        if event.kind == "thinking":
            self._set(AttemptState.THINKING, tokens=tokens or None)
            if event.text:
                sh.progress.thinking(n, event.text)
        elif event.kind == "text":
            self._set(AttemptState.WRITING, tokens=tokens or None)
        elif event.kind == "usage":
            self._set(self._state, tokens=tokens or None)
        elif event.kind == "retry" and event.text:
            sh.progress.note(f"attempt {n}: retrying after {event.text}")
        elif event.kind == "status" and event.text:
            self._set(self._state, detail=event.text)

    def _set(self, state: AttemptState, **fields: Any) -> None:
        self._state = state
        self.shared.progress.update(self.result.n, state, **fields)

    def _check_cancel(self) -> None:
        if self.shared.cancel.is_set():
            raise Cancelled("cancelled")

    def _final_detail(self) -> str:
        res = self.result
        if res.status == AttemptState.DONE and res.verdict is not None:
            adherence = res.adherence
            if adherence is not None and not adherence.matches:  # said at once, not at the end
                return f"{res.verdict.summary()}; not as asked: {adherence.reason}"
            return res.verdict.summary()
        return res.reason
