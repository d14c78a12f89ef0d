"""One sample's record (a line of ``results.json``) and its folder's files (game.py,
meta.json as a gallery entry, thumbnail.png, preview), from the attempt that made it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from studio.attempts import AttemptResult
from studio.bench.authors import Author
from studio.bench.store import keep_artifacts, write_atomic
from studio.bench.suite import Task
from studio.lifecycle import AttemptState, RunStatus
from studio.record import gallery_meta
from studio.run import RunResult, Settings
from studio.verdicts.report import Verdict

#: Failures of the endpoint, not of the model's game: the sample is "not run" (left out of
#: playable@k, counted apart, run again by --resume). A reply with no program in it or one
#: cut at the output limit is the model's own failure: not playable.
ENDPOINT_ERRORS = frozenset(
    {
        "ModelError",
        "ModelTimeout",
        "ServerError",
        "EndpointUnreachable",
        "RateLimitError",
        "TruncatedReply",  # the stream was cut (OutputLimitReached is the model's)
        "AuthError",
        "ModelNotFoundError",
        "NotOpenAICompatible",
    }
)
#: The bench's own mark for a reply that held no program (not a verifier flag).
NO_PROGRAM = "no_program"


def _judged(verdict: Verdict | None, error: str | None = None) -> dict[str, Any]:
    if verdict is None:
        return {"playable": False, "score": 0, "flags": [NO_PROGRAM], "summary": error or ""}
    return {
        "playable": verdict.playable,
        "score": verdict.score,
        "flags": list(verdict.flags),
        "summary": verdict.summary(),
    }


def not_run_reason(res: AttemptResult) -> str | None:
    """Why the sample did not run (the endpoint failed, or the studio did), or None."""
    if res.error_kind in ENDPOINT_ERRORS:
        return res.reason
    if res.status == AttemptState.FAILED and res.error_kind is None and res.verdict is None:
        return res.reason  # the verifier itself failed (a sandbox error): not the game's fault
    return None


def record(
    author: Author,
    task: Task,
    n: int,
    res: AttemptResult,
    folder: Path,
    root: Path,
    extra_tokens: tuple[int, int] = (0, 0),
) -> dict[str, Any]:
    """The sample's line of ``results.json``; paths relative to the bench folder."""
    usage = res.usage
    tokens = {
        "prompt": usage.prompt_tokens + extra_tokens[0],
        "completion": usage.completion_tokens + extra_tokens[1],
    }
    why = not_run_reason(res)
    first = res.rounds[0] if res.rounds else None
    rel = folder.relative_to(root).as_posix()
    out: dict[str, Any] = {
        "model": author.label,
        "model_slug": author.slug,
        "prompt_id": task.id,
        "prompt": task.prompt,
        "genre": task.genre,
        "sample": n,
        "seed": res.seed,
        "status": "not_run" if why is not None else "done",
        "reason": why if why is not None else res.reason,
        "error_kind": res.error_kind,
        "first": _judged(first.verdict if first else None, first.error if first else None),
        "repaired": _judged(res.verdict, res.reason),
        "repairs": max((r.k for r in res.rounds), default=0),
        "tokens": tokens,
        "cost_usd": author.cost(tokens["prompt"], tokens["completion"]),
        "seconds": round(max(0.0, res.ended - res.started), 3),
        "folder": rel,
        "code": None,
        "thumbnail": None,
        "preview": None,
        "rounds": [
            {
                "round": r.k,
                "purpose": r.purpose,
                "playable": bool(r.verdict and r.verdict.playable),
                "score": r.verdict.score if r.verdict else None,
                "flags": list(r.verdict.flags) if r.verdict else [],
                "error": r.error,
                "dir": Path(r.dir).relative_to(root).as_posix(),
            }
            for r in res.rounds
        ],
    }
    return out


def write_files(
    rec: dict[str, Any],
    author: Author,
    task: Task,
    res: AttemptResult,
    folder: Path,
    seconds: float,
) -> None:
    """game.py, the artifacts and meta.json (last) into the sample's folder; ``rec`` learns
    their paths."""
    best = res.best
    if best is None or best.code is None or best.verdict is None:
        return
    (folder / "game.py").write_text(best.code, encoding="utf-8")
    rec["code"] = f"{rec['folder']}/game.py"
    kept = keep_artifacts(best.verdict.artifacts or {}, folder)
    for name, file in kept.items():
        rec[name] = f"{rec['folder']}/{file}"
    endpoint = author.endpoint
    settings = Settings(
        prompt=task.prompt,
        attempts=1,
        seconds=seconds,
        seed=res.seed,
        model=getattr(endpoint, "model", None),
        preset=getattr(endpoint, "preset", None),
        base_url=getattr(endpoint, "base_url", None),
    )
    result = RunResult(
        status=RunStatus.OK if res.playable else RunStatus.NONE_PLAYABLE,
        run_dir=folder / "log",
        attempts=[res],
        winner=res,
        seconds=rec["seconds"],
        cost_usd=rec["cost_usd"],
    )
    meta = gallery_meta(
        settings, author.model, result, res, best.code, best.verdict, folder / "log"
    )
    meta["tokens"] = dict(rec["tokens"])
    meta["bench"] = {
        "model_slug": author.slug,
        "prompt_id": task.id,
        "sample": rec["sample"],
        "first": rec["first"],
        "repaired": rec["repaired"],
    }
    write_atomic(folder / "meta.json", json.dumps(meta, indent=2, ensure_ascii=False) + "\n")
