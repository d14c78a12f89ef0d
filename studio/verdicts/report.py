"""The verdict: what the verifier says about one game, as data and as JSON."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any

#: The only flags a verdict ever carries; scripts may rely on this list.
FLAGS: tuple[str, ...] = (
    "syntax_error",
    "import_error",
    "crash",
    "hang",
    "exits_early",
    "blank_screen",
    "frozen",
    "ignores_input",
    "forbidden",
    "memory_limit",
    "cpu_hog",
    "output_flood",
    "missing_asset",
)

#: Flags that lower the score but do not by themselves make a game unplayable.
SOFT_FLAGS: frozenset[str] = frozenset({"cpu_hog", "output_flood"})


@dataclass
class Finding:
    """One static-check result: a line of the source and what is wrong there."""

    kind: str  # "syntax" | "import" | "undefined_name" | "hostile" | "contract"
    message: str
    line: int = 0
    blocking: bool = False  # True: the game cannot be playable because of it


@dataclass
class ErrorInfo:
    """The first error the game raised, with its traceback."""

    type: str
    message: str
    traceback: str = ""
    run: str = ""  # which run raised it


@dataclass
class RunMetrics:
    """What one run of the game showed."""

    name: str  # "input" (scripted and random play), "idle" (none), "idle-check" (a short idle)
    with_input: bool
    frames: int = 0  # frames the game drew (display flips)
    samples: int = 0  # frames sampled at fixed virtual times for comparison
    game_seconds: float = 0.0  # virtual time reached
    wall_seconds: float = 0.0
    stop_reason: str = ""  # "time_up" | "game_exit" | "crash" | "hang" | "killed" | ...
    non_blank_share: float = 0.0  # share of samples that are not a single flat colour
    motion: float = 0.0  # mean change between consecutive samples, 0..1
    distinct_frames: int = 0  # distinct sampled pictures
    ticks: int = 0  # clock ticks / sleeps / waits: 0 with frames > 0 means a busy loop
    events_sent: int = 0  # input events delivered to the game
    output_bytes: int = 0
    output: str = ""  # the start of what the game printed
    forbidden: list[str] = field(default_factory=list)
    error: ErrorInfo | None = None
    #: A hash of every sampled frame of the run, in order: two games whose runs under the
    #: same seed and input have equal digests drew the same pictures (``studio remix``'s
    #: "it changed" check).
    digest: str = ""


@dataclass
class Divergence:
    """Where the run with input and the run without it part ways: the proof of reaction."""

    first_seconds: float | None = None  # virtual time of the first differing sample
    share: float = 0.0  # share of compared samples that differ
    compared: int = 0
    #: a second run without input matched the first frame for frame (the same seed gives
    #: the same frames)
    deterministic: bool = True
    #: how the reaction was proven: "same-seed" (reproducible runs: the input run parts from
    #: the idle one), "beyond-noise" (not reproducible: the input run parts from both idle
    #: runs where they agree with each other, far more than they part from each other),
    #: "outlived" (the idle run ended the game itself, the input run kept it going), or ""
    proof: str = ""
    #: shares of sampled pixels: where the input run differs from both idle runs while they
    #: agree (reaction), and where the idle runs differ from each other (noise)
    reaction: float = 0.0
    noise: float = 0.0


@dataclass
class Verdict:
    """The verifier's answer for one game file."""

    path: str
    playable: bool
    score: int  # 0..100
    flags: list[str]
    frames: int = 0
    stop_reason: str = ""
    error: ErrorInfo | None = None
    static: list[Finding] = field(default_factory=list)
    forbidden: list[str] = field(default_factory=list)  # each forbidden attempt, described
    runs: list[RunMetrics] = field(default_factory=list)
    divergence: Divergence = field(default_factory=Divergence)
    isolation: dict[str, Any] = field(default_factory=dict)
    wall_seconds: float = 0.0
    game_seconds: float = 0.0
    seed: int = 0
    artifacts: dict[str, str] = field(default_factory=dict)  # "thumbnail", "preview", "frames"
    #: A short vector describing what the game looked like and did; close vectors mean
    #: similar behaviour (used to prefer behaviour several candidates share).
    behaviour: list[float] = field(default_factory=list)
    #: Plain-language remarks on the verdict, for people and repair prompts.
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), indent=indent)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Verdict:
        data = dict(data)
        err = data.get("error")
        data["error"] = ErrorInfo(**err) if err else None
        data["static"] = [Finding(**f) for f in data.get("static", [])]
        runs = []
        for r in data.get("runs", []):
            r = dict(r)
            r["error"] = ErrorInfo(**r["error"]) if r.get("error") else None
            runs.append(RunMetrics(**r))
        data["runs"] = runs
        data["divergence"] = Divergence(**data.get("divergence", {}))
        return cls(**data)

    def summary(self) -> str:
        """One line: playable or not, score, flags."""
        state = "playable" if self.playable else "not playable"
        flags = ", ".join(self.flags) if self.flags else "no flags"
        return f"{state}, score {self.score}, {flags}"

    def reasons(self) -> str:
        """Why it is not playable, in words a person (or a repair prompt) can act on."""
        parts = [f for f in self.flags if f not in SOFT_FLAGS]
        text = ", ".join(parts) if parts else "none"
        if self.error:
            text += f"; {self.error.type}: {self.error.message}"
        for note in self.notes:
            text += f"; {note}"
        return text
