"""One arena session: the games, the pair drawer over them, and how a vote is kept."""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from pathlib import Path

from studio.arena.board import outcomes
from studio.arena.pairs import Drawer, Pair
from studio.arena.pool import Game, Warn, collect
from studio.arena.ratings import fit, win_matrix
from studio.arena.votes import Vote, record
from studio.gallery.store import Gallery


def games(gallery: Gallery | None, benches: Sequence[Path], warn: Warn) -> list[Game]:
    return collect(gallery, benches, warn)


def point_ratings(votes: Sequence[Vote]) -> dict[str, float]:
    """Each source's rating from ``votes`` (no intervals: the drawer needs only closeness)."""
    found = outcomes(votes)
    names = sorted({o.a for o in found} | {o.b for o in found})
    if not names:
        return {}
    return dict(zip(names, (float(r) for r in fit(win_matrix(found, names))), strict=True))


def drawer(games: list[Game], votes: Sequence[Vote], *, judge: bool, seed: int | None) -> Drawer:
    """A drawer weighed by the people's votes, or by the judge's (never both)."""
    counted = [v for v in votes if v.judge == judge]
    return Drawer(
        games=games,
        votes=counted,
        ratings=point_ratings(counted),
        rng=random.Random(seed),
    )


def vote_for(
    pair: Pair,
    choice: str,
    seconds_a: float = 0.0,
    seconds_b: float = 0.0,
    *,
    judge_model: str | None = None,
    reason: str = "",
) -> Vote:
    return Vote(
        prompt=pair.prompt,
        a=pair.a.key,
        b=pair.b.key,
        source_a=pair.a.source,
        source_b=pair.b.source,
        vote=choice,
        seconds_a=round(seconds_a, 2),
        seconds_b=round(seconds_b, 2),
        judge=judge_model is not None,
        judge_model=judge_model,
        reason=reason,
    )


def recorder(draw: Drawer, path: Path | None = None) -> Callable[[Pair, str, float, float], Vote]:
    """What the screen calls with a person's vote: it is appended to the vote file and
    weighs on the next draws."""

    def keep(pair: Pair, choice: str, seconds_a: float, seconds_b: float) -> Vote:
        kept = record(vote_for(pair, choice, seconds_a, seconds_b), path)
        draw.counted(kept)
        return kept

    return keep
