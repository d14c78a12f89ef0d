"""What a run is given (``Settings``) and what it produced (``RunResult``).

Apart from the runner (``studio.bigbrain``) so that what reads a run (the record written to
``run.json`` and the gallery, the CLI's report) depends on these types and not on the runner.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from studio.attempts import AttemptResult
from studio.errors import UsageError
from studio.judging import Judge
from studio.lifecycle import RunStatus
from studio.pick import Pick
from studio.verdicts.report import Verdict

BIG_BRAIN_ATTEMPTS = 5
DEFAULT_ATTEMPTS = 3
MAX_ATTEMPTS = 32


@dataclass
class Settings:
    """Everything a run depends on, except the key (which never enters this object)."""

    prompt: str
    attempts: int = DEFAULT_ATTEMPTS
    big_brain: bool = False
    repairs: int = 2
    first: bool = False
    show_thinking: bool = False
    seconds: float = 30.0
    seed: int = 0
    gallery: str | None = None
    model: str | None = None
    preset: str | None = None
    base_url: str | None = None
    reasoning_effort: str | None = None
    judge: bool = False  # a model judges the finalists against the request (``--judge``)
    judge_model: str | None = None  # the judge's model, when not the attempts' own

    def check(self) -> None:
        """Raise ``UsageError`` naming the fix for any value out of range."""
        if not self.prompt.strip():
            raise UsageError('the prompt is empty: describe a game, e.g. studio make "snake"')
        if not 1 <= self.attempts <= MAX_ATTEMPTS:
            raise UsageError(f"--attempts must be between 1 and {MAX_ATTEMPTS}")
        if self.repairs < 0:
            raise UsageError("--repairs must be 0 or more")
        if not 0 < self.seconds <= 600:
            raise UsageError(f"--seconds must be between 0 and 600, not {self.seconds:g}")

    def public(self) -> dict[str, Any]:
        return asdict(self)


#: ``save(code, meta, thumbnail, preview, run_log, winner)``: keeps the winner, returns
#: its entry.
Save = Callable[[str, dict[str, Any], Path | None, Path | None, Path, AttemptResult], Any]


@dataclass
class Plan:
    """What a run does differently when it changes a game rather than makes a new one (a
    remix or a fix; ``studio.remix``). The default plan is ``studio make``'s."""

    #: The program the attempts start from (shown to the model, the base of edit blocks).
    base_code: str | None = None
    #: ``review(code, verdict)``: why a playable candidate may not win, or None.
    review: Callable[[str, Verdict], str | None] | None = None
    #: Check candidates against the prompt (``studio.adherence``); off for a change request.
    adherence: bool = True
    #: Ask the model for a design document first with ``--big-brain``.
    design: bool = True
    #: The verifier's seed (None: the run seed): a remix plays its candidates under the seed
    #: its parent was played with, so that their frames compare.
    verify_seed: int | None = None
    #: Keeps the winner (None: a new gallery entry).
    save: Save | None = None
    #: What ``run.json`` says about the change (``change``: the parent, the request, ...).
    about: dict[str, Any] = field(default_factory=dict)


@dataclass
class RunResult:
    """What a run produced; ``status`` says how it ended (``studio.lifecycle.RunStatus``)."""

    status: RunStatus
    run_dir: Path
    attempts: list[AttemptResult]
    winner: AttemptResult | None = None
    pick: Pick | None = None
    entry: Any = None  # studio.gallery.store.Entry
    seconds: float = 0.0
    design: str | None = None
    design_error: str | None = None
    timings: dict[str, float | None] = field(default_factory=dict)
    cost_usd: float | None = None
    judge: Judge | None = None
    change: dict[str, Any] = field(default_factory=dict)  # a remix or a fix: ``Plan.about``

    @property
    def tokens(self) -> dict[str, int]:
        """The run's tokens: every attempt's and the judge's."""
        extra = self.judge.usage if self.judge is not None else None
        return {
            "prompt": sum(a.usage.prompt_tokens for a in self.attempts)
            + (extra.prompt_tokens if extra else 0),
            "completion": sum(a.usage.completion_tokens for a in self.attempts)
            + (extra.completion_tokens if extra else 0),
        }
