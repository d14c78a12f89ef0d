"""Big Brain: a sentence in, the best playable game out.

``BigBrain(settings, model, ...).run()`` makes a run folder, optionally asks the model for a
design first (Big Brain mode), then runs every attempt in its own thread: each streams its
reply, and its candidate is verified the moment the reply ends, while the other attempts are
still streaming (verification is bounded to one slot per CPU, since every verdict runs game
processes). Close failures get repair rounds. When every attempt has ended (or, with
``first``, as soon as one candidate is playable and what was asked for: the others are
cancelled), ``studio.finals`` chooses the winner (adherence to the request first, then
``studio.pick``'s rule) and it goes into the gallery with its metadata.

Collaborators are injected so tests and benchmarks can replace any of them: the model (an
OpenAI-compatible client or the offline designer), the verifier (``studio.verify``), the
gallery, the clock, the progress display, the prompt builders and the sandbox killer.
"""

from __future__ import annotations

import contextlib
import os
import queue
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from studio.adherence import asked
from studio.attempts import Attempt, AttemptResult, Prompts, Shared, Verifier, describe
from studio.collaborators import (  # noqa: F401 - default_kill: part of this module's API
    default_kill,
    default_prompts,
    default_verifier,
    safe_default_kill,
)
from studio.errors import ModelError, StudioError
from studio.finals import Finals
from studio.judging import Judge
from studio.lifecycle import FINAL_STATES, AttemptState, RunStatus
from studio.models.base import Model, Request
from studio.progress import NullProgress, Progress
from studio.record import gallery_meta, run_record
from studio.run import (  # noqa: F401 - Settings, RunResult and the limits: this module's API too
    BIG_BRAIN_ATTEMPTS,
    DEFAULT_ATTEMPTS,
    MAX_ATTEMPTS,
    Plan,
    RunResult,
    Settings,
)
from studio.runlog import RunLog
from studio.verdicts.report import Verdict


def cpu_slots() -> int:
    """Verification slots: one per CPU this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


class BigBrain:
    """The runner. ``run()`` returns a ``RunResult``; Ctrl-C cancels and re-raises."""

    def __init__(
        self,
        settings: Settings,
        model: Model,
        verifier: Verifier | None = None,
        gallery: Any = None,
        clock: Callable[[], float] = time.monotonic,
        *,
        progress: Progress | None = None,
        prompts: Prompts | None = None,
        kill: Callable[[], object] | None = None,
        runs_root: Path | None = None,
        secrets: tuple[str | None, ...] = (),
        verify_slots: int | None = None,
        judge: Judge | None = None,
        plan: Plan | None = None,
    ) -> None:
        settings.check()
        self.settings = settings
        self.plan = plan or Plan()
        self.model = model
        self.verifier = verifier or default_verifier()
        self.gallery = gallery
        self.clock = clock
        self.progress = progress or NullProgress()
        self.prompts = prompts or default_prompts()
        self.kill = kill
        self.runs_root = runs_root
        self.secrets = secrets
        self.judge = judge  # its own model instance: a slow judge is cancelled on its own
        self.slots = threading.Semaphore(verify_slots or cpu_slots())
        self.cancel = threading.Event()
        self._winner_lock = threading.Lock()
        self._first_winner: AttemptResult | None = None
        self._understood: str | None = None
        self.run_dir: Path | None = None

    # -- the run ---------------------------------------------------------------------------

    def run(self) -> RunResult:
        s = self.settings
        start = self.clock()
        if self.runs_root is None:
            from studio.paths import runs_dir

            self.runs_root = runs_dir()
        runlog = RunLog.create(self.runs_root, s.prompt, secrets=self.secrets)
        self.run_dir = runlog.path
        result = RunResult(
            status=RunStatus.RUNNING,
            run_dir=runlog.path,
            attempts=[],
            judge=self.judge,
            change=self.plan.about,
        )
        self._write_run(runlog, result)
        attempts: list[Attempt] = []
        self.progress.start(s.attempts)
        try:
            plan = self.plan
            if s.big_brain and self.model.source != "offline" and plan.design:
                self._design(runlog, result)  # (the offline designer designs anyway)
            shared = Shared(
                prompt=s.prompt,
                model=self.model,
                verifier=self.verifier,
                runlog=runlog,
                progress=self.progress,
                prompts=self.prompts,
                verify_slots=self.slots,
                cancel=self.cancel,
                clock=self.clock,
                seconds=s.seconds,
                verify_seed=s.seed,
                repairs=s.repairs,
                reasoning_effort=s.reasoning_effort,
                design=result.design,
                on_playable=self._on_playable if s.first else None,
                on_reply=self._on_reply,
                asked=asked(s.prompt) if plan.adherence else None,
                base_code=plan.base_code,
                review=plan.review,
            )
            if plan.verify_seed is not None:
                shared.verify_seed = plan.verify_seed
            attempts = [Attempt(shared, n, s.seed + n - 1) for n in range(1, s.attempts + 1)]
            result.attempts = [a.result for a in attempts]
            self._run_threads(attempts)
            self.progress.stop()
            self._finish(runlog, result, start, attempts)
        except KeyboardInterrupt:
            self._stop_everything(attempts)
            result.status = RunStatus.CANCELLED
            result.seconds = self.clock() - start
            self.progress.stop()
            self._write_run(runlog, result)
            raise
        return result

    def _run_threads(self, attempts: list[Attempt]) -> None:
        done: queue.Queue[int] = queue.Queue()
        threads = []
        for attempt in attempts:

            def work(a: Attempt = attempt) -> None:
                try:
                    a.run()
                finally:
                    done.put(a.result.n)

            # Daemon threads: a stream stuck in a socket read must never keep the process alive
            # after a cancel; the attempt notices the cancel at its next event.
            thread = threading.Thread(target=work, name=f"attempt-{attempt.result.n}", daemon=True)
            threads.append(thread)
            thread.start()
        finished: set[int] = set()
        while len(finished) < len(attempts):
            with contextlib.suppress(queue.Empty):  # the timeout keeps Ctrl-C deliverable
                finished.add(done.get(timeout=0.25))
            winner = self._first_winner
            if winner is not None and winner.n in finished:
                # --first: the winner is complete; streams still blocked in a read must not
                # hold the run up (their threads end at their next event).
                self._mark_unfinished(attempts)
                return

    def _on_playable(self, result: AttemptResult) -> None:
        """``--first``: the first playable candidate that matches the request ends the run;
        cancel the rest."""
        if result.adherence is not None and not result.adherence.matches:
            return
        with self._winner_lock:
            if self._first_winner is not None:
                return
            self._first_winner = result
        self._cancel_all(self.kill)

    def _cancel_all(self, kill: Callable[[], object] | None) -> None:
        """Set the cancel flag, abandon every stream in flight, kill the run's sandboxes."""
        self.cancel.set()
        abandon = getattr(self.model, "cancel", None)
        if callable(abandon):
            abandon()
        if kill is not None:
            kill()

    def _on_reply(self, n: int, reply: Any) -> None:
        understood = reply.extra.get("understood") if reply.extra else None
        if understood and self._understood is None:
            self._understood = text = str(understood).strip()
            said = text if text.lower().startswith("understood") else f"understood: {text}"
            self.progress.note(said)

    def _stop_everything(self, attempts: list[Attempt]) -> None:
        self._cancel_all(self.kill if self.kill is not None else safe_default_kill())
        abandon = getattr(self.judge.model, "cancel", None) if self.judge else None
        if callable(abandon):  # Ctrl-C while the judge looks at the finalists
            abandon()
        self._mark_unfinished(attempts)

    def _mark_unfinished(self, attempts: list[Attempt]) -> None:
        for a in attempts:
            res = a.result
            if res.status not in FINAL_STATES:
                res.status, res.reason = AttemptState.CANCELLED, "cancelled"
                res.ended = self.clock()
                self.progress.update(res.n, AttemptState.CANCELLED, detail="cancelled")

    # -- design (Big Brain mode) -----------------------------------------------------------

    def _design(self, runlog: RunLog, result: RunResult) -> None:
        s = self.settings
        for n in range(1, s.attempts + 1):
            self.progress.update(n, AttemptState.DESIGNING)
        messages = self.prompts.design(s.prompt)
        runlog.write_json(runlog.path / "design-messages.json", messages)
        request = Request(
            prompt=s.prompt,
            messages=messages,
            seed=s.seed,
            attempt=0,
            purpose="design",
            reasoning_effort=s.reasoning_effort,
        )
        try:
            reply = self.model.execute(request, on_event=None)
        except ModelError as exc:
            result.design_error = describe(exc)
            self.progress.note(f"design step failed ({result.design_error}); going on without")
            return
        thinking = reply.thinking
        text = reply.text
        if "<think" in text:
            from studio.models.reply import split_thinking

            extra_thinking, text = split_thinking(text)
            thinking = "\n".join(t for t in (thinking, extra_thinking) if t)
        result.design = text.strip() or None
        runlog.write_text(runlog.path / "design.md", text)
        runlog.write_text(runlog.path / "design-thinking.txt", thinking)
        for n in range(1, s.attempts + 1):
            self.progress.update(n, AttemptState.WAITING)

    # -- the end: pick, gallery, run.json --------------------------------------------------

    def _finish(
        self, runlog: RunLog, result: RunResult, start: float, attempts: list[Attempt]
    ) -> None:
        last_reply = max(
            (a.last_reply_end for a in result.attempts if a.last_reply_end is not None),
            default=None,
        )
        finals = Finals(
            asked(self.settings.prompt) if self.plan.adherence else None,
            [a for a in attempts if a.result.status != AttemptState.CANCELLED],
            runlog,
            self.progress.note,
            repairs=0 if self.settings.first else self.settings.repairs,
            judge=self.judge,
            adhere=self.prompts.adhere,
        )
        result.pick = finals.choose()
        winner = result.pick.winner
        result.winner = next((a for a in result.attempts if winner and a.n == winner.n), None)
        result.cost_usd = self._cost(result)
        if result.winner is None:
            result.status = RunStatus.NONE_PLAYABLE
        else:
            result.status = RunStatus.OK
            result.seconds = self.clock() - start
            try:
                result.entry = self._save(runlog, result)
            except StudioError:  # e.g. an unwritable gallery: the run log says so, then raise
                result.status = RunStatus.GALLERY_ERROR
                self._write_run(runlog, result)
                raise
        saved = self.clock()
        result.seconds = saved - start
        result.timings = {
            "total": result.seconds,
            "last_reply_to_saved": (saved - last_reply) if last_reply is not None else None,
        }
        self._write_run(runlog, result)

    def _save(self, runlog: RunLog, result: RunResult) -> Any:
        winner = result.winner
        assert winner is not None and winner.best is not None
        best = winner.best
        verdict: Verdict = best.verdict  # type: ignore[assignment]
        code = best.code or ""
        meta = gallery_meta(self.settings, self.model, result, winner, code, verdict, runlog.path)
        thumb = _artifact(verdict, "thumbnail")
        preview = _artifact(verdict, "preview")
        if self.plan.save is not None:
            return self.plan.save(code, meta, thumb, preview, runlog.path, winner)
        gallery = self.gallery
        if gallery is None:
            from studio.gallery.store import Gallery

            gallery = Gallery(self.settings.gallery)
        return gallery.add(code, meta, thumbnail=thumb, preview=preview, run_log=runlog.path)

    def _cost(self, result: RunResult) -> float | None:
        endpoint = getattr(self.model, "endpoint", None)
        if self.model.source == "offline":
            return 0.0
        if endpoint is None or not hasattr(endpoint, "cost_usd"):
            return None
        tokens = {
            "prompt": sum(a.usage.prompt_tokens for a in result.attempts),
            "completion": sum(a.usage.completion_tokens for a in result.attempts),
        }
        cost = endpoint.cost_usd(tokens["prompt"], tokens["completion"])
        judged = result.judge.cost_usd if result.judge is not None else 0.0
        return None if cost is None or judged is None else round(cost + judged, 6)

    def _write_run(self, runlog: RunLog, result: RunResult) -> None:
        runlog.write_run(run_record(self.settings, self.model, result))


def _artifact(verdict: Verdict, name: str) -> Path | None:
    value = (verdict.artifacts or {}).get(name)
    return Path(value) if value and Path(value).is_file() else None
