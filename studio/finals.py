"""The end of a run: is each playable candidate the game that was asked for, then the pick.

Every playable candidate already carries the free signals' judgement (``studio.adherence``,
checked by its attempt right after its verdict). Here, in order:

1. the model judge (``studio.judging``), when there is one, looks at the finalists (the
   playable candidates, closest to the request first, at most ``MAX_FINALISTS``); where it
   answers, its judgement counts (``judging.combine``);
2. ``studio.pick`` chooses: a candidate that does not match the request never beats one
   that does;
3. when none matches, the closest playable one is kept and the reason says what it lacks;
   up to ``repairs`` more rounds of that candidate's attempt ask the model for the missing
   part with that very message (``prompts/adhere.j2``), each new candidate verified, checked
   and judged like the others, until one matches.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from studio.adherence import Asked, check
from studio.attempts import Attempt, AttemptResult
from studio.judging import Finalist, Judge, combine
from studio.lifecycle import AttemptState
from studio.pick import Candidate, Pick, pick
from studio.runlog import RunLog

MAX_FINALISTS = 5


def adherence_messages(
    prompt: str, code: str, lacks: str, missing: str = ""
) -> list[dict[str, Any]]:
    """Messages asking for a playable game's missing part, with what it lacks."""
    from studio import prompt as p

    user = p.render(
        "adhere.j2", prompt=prompt.strip(), code=code.rstrip(), lacks=lacks, missing=missing
    )
    return [p.system_message(), {"role": "user", "content": user}]


def candidates(results: Sequence[AttemptResult]) -> list[Candidate]:
    """Each attempt's best verified candidate, with the adherence that counts for it."""
    return [
        Candidate(a.n, a.verdict, round=a.best.k if a.best else 0, adherence=a.adherence)
        for a in results
        if a.verdict is not None and a.status != AttemptState.CANCELLED and a.rejected is None
    ]


@dataclass
class Finals:
    """Chooses the winner among ``attempts`` (all ended); see the module docstring."""

    asked: Asked | None  # None: no adherence check (a remix is judged by its own checks)
    attempts: Sequence[Attempt]
    runlog: RunLog
    note: Callable[[str], None]
    repairs: int = 0
    judge: Judge | None = None
    adhere: Callable[[str, str, str], list[dict[str, Any]]] | None = None

    def choose(self) -> Pick:
        results = [a.result for a in self.attempts]
        for res in results:  # a candidate checked before the run knew the request
            best = res.best
            if self.asked is None:
                break
            if best and best.accepted and best.adherence is None:
                best.adherence = check(self.asked, best.code or "")
        self._judge(results)
        chosen = pick(candidates(results))
        for k in range(1, self.repairs + 1):
            winner = chosen.winner
            if chosen.lacks is None or winner is None or self.asked is None:
                break
            attempt = next(a for a in self.attempts if a.result.n == winner.n)
            best = attempt.result.best
            assert best is not None and best.code is not None
            self.note(
                f"no candidate matches the request ({chosen.lacks}); asking attempt "
                f"{winner.n} for what it lacks ({k} of {self.repairs})"
            )
            if self.adhere is not None:
                messages = self.adhere(self.asked.prompt, best.code, chosen.lacks)
            else:
                missing = ", ".join(best.final.missing) if best.final else ""
                messages = adherence_messages(self.asked.prompt, best.code, chosen.lacks, missing)
            new = attempt.amend(messages)
            self._judge([attempt.result])
            chosen = pick(candidates(results))
            if new.error:  # the model failed: another round would fail the same way
                break
        if chosen.lacks is not None:
            self.note(f"kept the closest playable game; it lacks: {chosen.lacks}")
        self._log()
        return chosen

    def _judge(self, results: Sequence[AttemptResult]) -> None:
        if self.judge is None or self.asked is None:
            return
        waiting = [
            a
            for a in results
            if a.best is not None
            and a.playable
            and a.status != AttemptState.CANCELLED
            and a.best.judged is None
            and a.best.adherence is not None
        ]

        def closeness(a: AttemptResult) -> tuple[bool, float, int]:
            free = a.best.adherence  # type: ignore[union-attr]
            return (free.matches, free.coverage, a.verdict.score)  # type: ignore[union-attr]

        waiting = sorted(waiting, key=closeness, reverse=True)[:MAX_FINALISTS]
        if not waiting:
            return
        finalists = [Finalist(a.n, a.best.code or "", a.verdict) for a in waiting]  # type: ignore[union-attr,arg-type]
        answers = self.judge.judge_all(self.asked.prompt, finalists, self.note)
        for a in waiting:
            best = a.best
            if a.n in answers and best is not None and best.adherence is not None:
                best.judged = combine(best.adherence, answers[a.n])

    def _log(self) -> None:
        if self.judge is None:
            return
        judge = self.judge
        self.runlog.write_json(
            self.runlog.path / "judge.json",
            {
                "label": judge.label,
                "images": judge.images,
                "notes": judge.notes,
                "tokens": {
                    "prompt": judge.usage.prompt_tokens,
                    "completion": judge.usage.completion_tokens,
                },
                "cost_usd": judge.cost_usd,
                "finalists": {str(n): entry for n, entry in sorted(judge.log.items())},
            },
        )
