"""The record of a run: ``run.json`` and the winner's gallery entry metadata.

What the run log writes about a run (:func:`run_record`) and what the gallery keeps about
its winner (:func:`gallery_meta`, the contract in ``docs/gallery-entry.md``), with the
guesses they need: the title, genre and controls of a game from its code and the prompt.
It reads the run's types (``studio.run``); the runner imports it, never the reverse, and
the low-level writer, ``studio.runlog``, knows none of them.
"""

from __future__ import annotations

import ast
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from studio import pyast
from studio.attempts import AttemptResult
from studio.models.base import Model
from studio.run import RunResult, Settings
from studio.verdicts.report import Verdict

#: Words in a prompt that name a genre, first match wins (the designer's own reading, when
#: the offline designer wrote the game, comes in ``extra`` and takes precedence).
GENRE_WORDS: tuple[tuple[str, str], ...] = (
    ("tetris", "falling-block puzzle"),
    ("falling block", "falling-block puzzle"),
    ("bejeweled", "match-3"),
    ("match-3", "match-3"),
    ("match 3", "match-3"),
    ("snake", "snake"),
    ("breakout", "breakout"),
    ("arkanoid", "breakout"),
    ("pong", "pong"),
    ("invaders", "shooter"),
    ("shooter", "shooter"),
    ("shoot", "shooter"),
    ("asteroid", "asteroids"),
    ("flappy", "flappy"),
    ("platform", "platformer"),
    ("runner", "runner"),
    ("jump", "platformer"),
    ("maze", "maze"),
    ("pac", "maze"),
    ("2048", "2048"),
    ("minesweeper", "minesweeper"),
    ("memory", "memory cards"),
    ("puzzle", "puzzle"),
    ("race", "racing"),
    ("racing", "racing"),
)

_FILLER = re.compile(
    r"^(?:please\s+)?(?:make|create|build|write|give me|i want)?\s*"
    r"(?:me\s+)?(?:an?|the)?\s*(?:simple\s+|small\s+|little\s+)?"
    r"(?:game|clone)?\s*(?:that|where|about|with|of|in which|like)?\s*"
    r"(?:mixes|combines|blends|mixing|combining)?\s*",
    re.IGNORECASE,
)


def title_from(code: str, prompt: str, extra: dict[str, Any] | None = None) -> str:
    """The game's title: the author's (designer ``extra``), the docstring's first line if it
    reads like a title, else a few words of the prompt."""
    if extra and extra.get("title"):
        return str(extra["title"])
    doc = _docstring(code)
    first = doc.strip().splitlines()[0].strip() if doc.strip() else ""
    first = re.split(r"\s+[-—–]\s+|[:.!]\s|[:.!]$", first)[0].strip()
    if 2 <= len(first) <= 40 and not first.lower().startswith(("a ", "an ", "this ", "the game")):
        return first
    words = _FILLER.sub("", prompt.strip()).split()[:5] or prompt.split()[:5]
    small = {"and", "or", "of", "with", "the", "a", "an", "in", "on", "to"}
    words = [
        w if (i and w in small) or not w.islower() else w.capitalize() for i, w in enumerate(words)
    ]
    return " ".join(words) or "Untitled game"


def genre_from(prompt: str, extra: dict[str, Any] | None = None) -> str:
    """The genre: the designer's, else the first genre word of the prompt, else "arcade"."""
    if extra and extra.get("genre"):
        return str(extra["genre"])
    text = prompt.lower()
    found = [genre for word, genre in GENRE_WORDS if word in text]
    unique = list(dict.fromkeys(found))
    if len(unique) >= 2:
        return f"{unique[0]} + {unique[1]}"
    return unique[0] if unique else "arcade"


def controls_from(code: str, extra: dict[str, Any] | None = None) -> str:
    """The controls as text: the designer's, else the module docstring's controls lines."""
    if extra and extra.get("controls"):
        value = extra["controls"]
        return "\n".join(value) if isinstance(value, list | tuple) else str(value)
    doc = _docstring(code)
    lines = [line.strip() for line in doc.splitlines()]
    for i, line in enumerate(lines):
        if line.lower().startswith("controls"):
            rest = line.split(":", 1)[1].strip() if ":" in line else ""
            block = [rest] if rest else []
            for nxt in lines[i + 1 :]:
                if not nxt:
                    break
                block.append(nxt)
            return "\n".join(block)[:400]
    return "\n".join(line for line in lines[1:] if line)[:400]


def _docstring(code: str) -> str:
    try:
        return ast.get_docstring(pyast.parse(code)) or ""
    except (SyntaxError, ValueError):
        return ""


def _now_iso() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def gallery_meta(
    settings: Settings,
    model: Model,
    result: RunResult,
    winner: AttemptResult,
    code: str,
    verdict: Verdict,
    run_path: Path,
) -> dict[str, Any]:
    """The winner's gallery metadata: every key of ``docs/gallery-entry.md``."""
    extra = winner.extra
    offline = model.source == "offline"
    return {
        "title": title_from(code, settings.prompt, extra),
        "prompt": settings.prompt,
        "genre": genre_from(settings.prompt, extra),
        "source": model.source,
        "author": model.label,
        "model": None if offline else settings.model,
        "preset": None if offline else settings.preset,
        "seed": winner.seed,
        "score": verdict.score,
        "adherence": _adherence(winner),
        "verdict": {
            "playable": verdict.playable,
            "score": verdict.score,
            "flags": list(verdict.flags),
            "summary": verdict.summary(),
        },
        "created": _now_iso(),
        "tokens": result.tokens,
        "cost_usd": result.cost_usd,
        "time_seconds": round(result.seconds, 2),
        "attempts": [
            {
                "n": a.n,
                "playable": a.playable,
                "score": a.verdict.score if a.verdict else None,
                "flags": list(a.verdict.flags) if a.verdict else [],
                "reason": a.reason,
                "adherence": _adherence(a),
                "tokens": {
                    "prompt": a.usage.prompt_tokens,
                    "completion": a.usage.completion_tokens,
                },
            }
            for a in result.attempts
        ],
        "parent": None,
        "run_log": str(run_path),
        "controls": controls_from(code, extra),
        "understood": extra.get("understood"),
        # what the offline designer rebuilds the game from (a remix edits it): only when
        # the designer wrote this very program
        "design": extra.get("design_record") if offline else None,
        "frames": frames_record(verdict, seed=settings.seed, seconds=settings.seconds),
    }


def frames_record(verdict: Verdict, *, seed: int, seconds: float) -> dict[str, Any]:
    """What the gallery keeps of a winner's verdict so that a remix of it need not play it
    again: the seed and game time it was played with, its flags, its runs' frame digests."""
    return {
        "seed": seed,
        "seconds": seconds,
        "flags": list(verdict.flags),
        "digests": {r.name: r.digest for r in verdict.runs if r.digest},
    }


def run_record(settings: Settings, model: Model, result: RunResult) -> dict[str, Any]:
    """``run.json``: the prompt, the settings (a key is never among them), attempts, winner."""
    winner, entry = result.winner, result.entry
    return {
        "prompt": settings.prompt,
        "status": result.status,
        "updated": _now_iso(),
        "settings": settings.public(),
        "author": {"label": model.label, "source": model.source},
        "design": bool(result.design),
        "design_error": result.design_error,
        "attempts": [a.to_dict() for a in result.attempts],
        "winner": None
        if winner is None
        else {
            "attempt": winner.n,
            "score": winner.verdict.score if winner.verdict else None,
            "why": result.pick.reason if result.pick else "",
            "adherence": _adherence(winner),
            "lacks": result.pick.lacks if result.pick else None,
            "slug": getattr(entry, "slug", None),
            "path": str(entry.path) if entry is not None else None,
        },
        "judge": _judge(result),
        **({"change": result.change} if result.change else {}),
        "tokens": result.tokens,
        "cost_usd": result.cost_usd,
        "seconds": round(result.seconds, 3),
        "timings": result.timings,
    }


def _adherence(attempt: AttemptResult) -> dict[str, Any] | None:
    """Whether the attempt's candidate matches the request, and why, in one line."""
    adherence = attempt.adherence
    if adherence is None:
        return None
    return {"matches": adherence.matches, "by": adherence.by, "reason": adherence.reason}


def _judge(result: RunResult) -> dict[str, Any] | None:
    judge = result.judge
    if judge is None:
        return None
    return {
        "label": judge.label,
        "images": judge.images,
        "notes": list(judge.notes),
        "tokens": {
            "prompt": judge.usage.prompt_tokens,
            "completion": judge.usage.completion_tokens,
        },
        "cost_usd": judge.cost_usd,
    }
