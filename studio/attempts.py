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
A run may also review each playable candidate (``Shared.review``: a remix must differ from
its parent and add no flag); a rejected candidate gets the same repair rounds, told why
(``Prompts.retry``), as does a reply whose edit blocks do not apply to the program.

Everything an attempt sees and makes goes to ``attempt-N/`` (and ``attempt-N/repair-K/``) in
the run log. A ``ModelError`` fails the attempt with its reason; the other attempts go on.
"""

from __future__ import annotations

import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from studio.adherence import Asked, check
from studio.errors import Cancelled, EditsDoNotApply, ModelError, StudioError
from studio.lifecycle import AttemptState
from studio.models.base import Event, Model, Purpose, Reply, Request, Usage
from studio.progress import Progress
from studio.rounds import (
    NEVER_REPAIR,
    REPAIRABLE,
    AttemptResult,
    Prompts,
    Round,
    Verifier,
    describe,
    repairable,
    signature,
)
from studio.runlog import RunLog
from studio.verdicts.report import Verdict

__all__ = [
    "NEVER_REPAIR",
    "REPAIRABLE",
    "Attempt",
    "AttemptResult",
    "Prompts",
    "Round",
    "Shared",
    "Verifier",
    "describe",
    "repairable",
    "signature",
]


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
    #: The program the first request is about (a remix's parent); None: a new game.
    base_code: str | None = None
    #: ``review(code, verdict)``: why a playable candidate is rejected (one line), or None.
    review: Callable[[str, Verdict], str | None] | None = None


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
        rnd = self._round(0, messages, purpose="make", base=sh.base_code)
        seen = {_signature(rnd)}
        k = 0
        while not rnd.accepted and self._retryable(rnd) and k < sh.repairs:
            self._check_cancel()
            k += 1
            if rnd.rejected is not None and sh.prompts.retry is not None:
                shown = rnd.code if rnd.verdict is not None and rnd.code else rnd.base or ""
                self._set(AttemptState.REPAIRING, round=k, detail=rnd.rejected)
                messages = sh.prompts.retry(sh.prompt, shown, rnd.rejected)
            else:
                assert rnd.verdict is not None and rnd.code is not None
                shown = rnd.code
                self._set(AttemptState.REPAIRING, round=k, detail=rnd.verdict.reasons())
                messages = sh.prompts.repair(sh.prompt, shown, rnd.verdict)
            rnd = self._round(
                k, messages, purpose="repair", base=shown, code=shown, verdict=rnd.verdict
            )
            sig = _signature(rnd)
            if not rnd.accepted and sig in seen:
                res.reason = f"{_why(rnd)} (same error after repair {k}, stopped)"
                break
            seen.add(sig)
        best = res.best
        if best is not None and best.accepted:
            res.status, res.reason = AttemptState.DONE, best.verdict.summary()  # type: ignore[union-attr]
        else:
            res.status = AttemptState.FAILED
            res.reason = res.reason or _why(best if best is not None else rnd)

    def _retryable(self, rnd: Round) -> bool:
        if rnd.rejected is not None:
            return self.shared.prompts.retry is not None
        return rnd.verdict is not None and repairable(rnd.verdict)

    def _round(
        self,
        k: int,
        messages: list[dict[str, Any]],
        *,
        purpose: Purpose,
        code: str | None = None,
        verdict: Verdict | None = None,
        base: str | None = None,
    ) -> Round:
        sh, res = self.shared, self.result
        folder = sh.runlog.attempt_dir(res.n, k)
        rnd = Round(k=k, dir=folder, purpose=purpose, base=base)
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
            if base is not None and sh.prompts.apply is not None:
                new_code, thinking = sh.prompts.apply(reply, base)
            else:
                new_code, thinking = sh.prompts.parse(reply)
        except EditsDoNotApply as exc:  # the next round is told which block, and why
            rnd.error = rnd.rejected = str(exc).strip()
            sh.runlog.write_text(folder / "thinking.txt", reply.thinking)
            sh.runlog.write_text(folder / "rejected.txt", rnd.rejected)
            if sh.prompts.retry is None:
                raise
            return rnd
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
        if rnd.verdict.playable and sh.review is not None:
            rnd.rejected = sh.review(new_code, rnd.verdict)
            if rnd.rejected is not None:
                sh.runlog.write_text(folder / "rejected.txt", rnd.rejected)
        if rnd.accepted and sh.asked is not None:
            rnd.adherence = check(sh.asked, new_code)
        if rnd.accepted and sh.on_playable is not None:
            sh.on_playable(res)
        return rnd

    def amend(self, messages: list[dict[str, Any]]) -> Round:
        """One more round after the run: ``messages`` ask this attempt's playable game for
        what it lacks (``studio.finals``). A model failure is kept in the round, not raised."""
        res = self.result
        best = res.best
        assert best is not None and best.code is not None
        k = max(r.k for r in res.rounds) + 1
        self._set(AttemptState.REPAIRING, round=k, detail="asking for what the request lacks")
        try:
            self._round(
                k, messages, purpose="adhere", code=best.code, verdict=best.verdict, base=best.code
            )
        except StudioError as exc:  # the model failed, or no program came back
            res.rounds[-1].error = res.rounds[-1].error or describe(exc)
        final = res.best
        if final is not None and final.verdict is not None and final.accepted:
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


def _signature(rnd: Round) -> str:
    """What identifies a round's failure: its rejection, else its verdict's signature."""
    if rnd.rejected is not None:
        return "rejected|" + (rnd.rejected.splitlines() or [""])[0]
    return signature(rnd.verdict) if rnd.verdict is not None else f"error|{rnd.error}"


def _why(rnd: Round) -> str:
    """Why a round's candidate cannot win, in one line."""
    if rnd.rejected is not None:
        return (rnd.rejected.splitlines() or ["rejected"])[0]
    return rnd.verdict.reasons() if rnd.verdict is not None else (rnd.error or "no verdict")
