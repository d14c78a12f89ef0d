"""The numbers of a bench: playable@k and the rest, from the samples' records alone.

playable@k is the chance that at least one of k samples is playable, estimated without bias
from n samples of which c were playable (Chen et al. 2021, "pass@k"):
``1 - C(n-c, k) / C(n, k)``. A prompt is averaged in for a k only when it has at least k
samples that ran; samples the endpoint never answered ("not run") are left out of n.
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Iterable, Sequence
from math import comb
from typing import Any

#: The two moments a sample is judged at: its first verdict, and its verdict after repairs.
STAGES = ("first", "repaired")


def playable_at_k(n: int, c: int, k: int) -> float:
    """The unbiased estimate of playable@k from ``n`` samples, ``c`` of them playable."""
    if not 0 <= c <= n or not 1 <= k <= n:
        raise ValueError(f"need 0 <= c <= n and 1 <= k <= n, not n={n}, c={c}, k={k}")
    if n - c < k:
        return 1.0
    return 1.0 - comb(n - c, k) / comb(n, k)


def curve(groups: Iterable[tuple[int, int]], samples: int) -> list[float | None]:
    """playable@k for k = 1..samples, averaged over ``groups`` of (n, c), one per prompt;
    None for a k that no prompt has enough samples for."""
    groups = list(groups)
    out: list[float | None] = []
    for k in range(1, samples + 1):
        values = [playable_at_k(n, c, k) for n, c in groups if n >= k]
        out.append(round(sum(values) / len(values), 6) if values else None)
    return out


def ran(records: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """The samples that ran: a verdict came back (the endpoint answered)."""
    return [r for r in records if r.get("status") == "done"]


def _groups(records: Sequence[dict[str, Any]], stage: str) -> list[tuple[int, int]]:
    by_prompt: dict[str, list[bool]] = {}
    for r in ran(records):
        by_prompt.setdefault(r["prompt_id"], []).append(bool(r[stage]["playable"]))
    return [(len(v), sum(v)) for v in by_prompt.values()]


def summarise(records: Sequence[dict[str, Any]], samples: int) -> dict[str, Any]:
    """What a set of samples (one model's, or one model's in one genre) comes to."""
    done = ran(records)
    flags: Counter[str] = Counter()
    for r in done:
        flags.update(r["repaired"]["flags"])
    scores = [r["repaired"]["score"] for r in done if r["repaired"]["score"] is not None]
    to_playable = [r["seconds"] for r in done if r["repaired"]["playable"]]
    costs = [r.get("cost_usd") for r in records]
    known = [c for c in costs if c is not None]
    return {
        "samples": len(records),
        "ran": len(done),
        "not_run": sum(1 for r in records if r.get("status") == "not_run"),
        "prompts": len({r["prompt_id"] for r in records}),
        "playable": {s: sum(1 for r in done if r[s]["playable"]) for s in STAGES},
        "playable_at_k": {s: curve(_groups(records, s), samples) for s in STAGES},
        "mean_score": round(statistics.fmean(scores), 2) if scores else None,
        "flags": dict(sorted(flags.items(), key=lambda kv: (-kv[1], kv[0]))),
        "tokens": {
            "prompt": sum(r["tokens"]["prompt"] for r in records),
            "completion": sum(r["tokens"]["completion"] for r in records),
        },
        "cost_usd": round(sum(known), 6) if len(known) == len(costs) else None,
        "median_seconds_to_playable": round(statistics.median(to_playable), 3)
        if to_playable
        else None,
    }


def report(
    records: Sequence[dict[str, Any]], models: Sequence[str], samples: int
) -> dict[str, Any]:
    """Per model: the summary overall and per genre."""
    out: dict[str, Any] = {}
    for slug in models:
        mine = [r for r in records if r["model_slug"] == slug]
        genres = sorted({r["genre"] for r in mine})
        out[slug] = {
            "overall": summarise(mine, samples),
            "genres": {g: summarise([r for r in mine if r["genre"] == g], samples) for g in genres},
        }
    return out
