"""The run log: one folder per ``studio make`` that keeps everything an attempt saw and made.

Layout under ``studio.paths.runs_dir()``::

    <UTC timestamp>-<slug>/
        run.json                    prompt, settings (never a key), attempts, winner
        design.md                   the design doc (Big Brain mode), when there is one
        attempt-N/
            messages.json           what was sent to the model
            reply.txt               the raw reply
            thinking.txt            the thinking kept apart from the reply
            game.py                 the program taken from the reply
            verdict.json            the verifier's report
            artifacts/              thumbnail, preview (verifier ``out=``)
            repair-K/...            the same for each repair round

Every write goes through :meth:`RunLog.scrub`, which blanks any secret the log was given
(the API key), so a key can never reach a file even if a reply or an error message echoes it.
"""

from __future__ import annotations

import ast
import json
import os
import re
import threading
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from studio.errors import StudioError

if TYPE_CHECKING:
    from studio.attempts import AttemptResult
    from studio.bigbrain import RunResult, Settings
    from studio.models.base import Model
    from studio.verdicts.report import Verdict

REDACTED = "***"


def slugify(text: str, limit: int = 40) -> str:
    """A short, file-system safe slug: "Tetris meets Bejeweled!" → "tetris-meets-bejeweled"."""
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    slug = slug[:limit].rstrip("-")
    return slug or "game"


def utc_stamp(now: datetime | None = None) -> str:
    """``20261130T004512Z``-style timestamp, sortable and safe in a folder name."""
    return (now or datetime.now(UTC)).strftime("%Y%m%dT%H%M%SZ")


class RunLog:
    """Writes one run's folder. Thread-safe: attempts write their own sub-folders concurrently."""

    def __init__(self, path: Path, secrets: Iterable[str | None] = ()) -> None:
        self.path = path
        # Only secrets long enough to be meaningful: blanking "a" would wreck every file.
        self._secrets = sorted({s for s in secrets if s and len(s) >= 4}, key=len, reverse=True)
        self._lock = threading.Lock()

    @classmethod
    def create(
        cls,
        root: Path,
        prompt: str,
        *,
        secrets: Iterable[str | None] = (),
        now: datetime | None = None,
    ) -> RunLog:
        """Make a fresh, unique folder ``<root>/<UTC timestamp>-<slug>``."""
        base = f"{utc_stamp(now)}-{slugify(prompt)}"
        try:
            root.mkdir(parents=True, exist_ok=True)
            for i in range(1, 1000):
                path = root / (base if i == 1 else f"{base}-{i}")
                try:
                    path.mkdir()
                except FileExistsError:
                    continue
                return cls(path, secrets)
        except OSError as exc:
            raise StudioError(
                f"cannot create the run log under {root}: {exc.strerror or exc}; "
                "set STUDIO_HOME to a writable folder"
            ) from exc
        raise StudioError(f"cannot create a unique run folder under {root}; clean up old runs")

    def scrub(self, text: str) -> str:
        """``text`` with every secret replaced by ``***``."""
        for secret in self._secrets:
            text = text.replace(secret, REDACTED)
        return text

    def scrub_data(self, data: Any) -> Any:
        """A JSON-able structure with every string scrubbed."""
        if isinstance(data, str):
            return self.scrub(data)
        if isinstance(data, dict):
            return {self.scrub(str(k)): self.scrub_data(v) for k, v in data.items()}
        if isinstance(data, list | tuple):
            return [self.scrub_data(v) for v in data]
        return data

    def attempt_dir(self, n: int, repair: int = 0) -> Path:
        """``attempt-N/`` or, for repair round K, ``attempt-N/repair-K/`` (created)."""
        path = self.path / f"attempt-{n}"
        if repair:
            path = path / f"repair-{repair}"
        path.mkdir(parents=True, exist_ok=True)
        return path

    def write_text(self, path: Path, text: str) -> Path:
        """Write ``text`` (scrubbed) atomically to ``path`` inside the run folder."""
        path = self._inside(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{threading.get_ident()}.tmp")
        tmp.write_text(self.scrub(text), encoding="utf-8")
        os.replace(tmp, path)
        return path

    def write_json(self, path: Path, data: Any) -> Path:
        """Write ``data`` (scrubbed) as indented JSON to ``path`` inside the run folder."""
        text = json.dumps(self.scrub_data(data), indent=2, default=str, ensure_ascii=False)
        return self.write_text(path, text + "\n")

    def write_run(self, data: dict[str, Any]) -> Path:
        """Write (or rewrite) ``run.json``; serialised so concurrent updates never interleave."""
        with self._lock:
            return self.write_json(self.path / "run.json", data)

    def _inside(self, path: Path) -> Path:
        path = path if path.is_absolute() else self.path / path
        if self.path not in path.parents:
            raise StudioError(f"refusing to write {path} outside the run folder {self.path}")
        return path


# -- the record of a run: what the gallery entry says about the winner -----------------------

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
        return ast.get_docstring(ast.parse(code)) or ""
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
    """The winner's gallery metadata (the brief's gallery entry contract)."""
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
