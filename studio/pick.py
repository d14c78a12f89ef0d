"""Choosing the winner among verified candidates.

The rule, in order:

1. Only playable candidates can win. With none, there is no winner.
1a. Adherence first (``Candidate.adherence``, from ``studio.adherence`` and the model judge):
   a candidate that does not match the request never beats one that does, whatever its
   score or its cluster. When none matches, only those closest to the request (the highest
   ``coverage``) stay in, and the reason says what the winner lacks. A candidate with no
   adherence judgement counts as matching. The rest of the rule runs among those left.
2. Candidates are clustered by their behaviour vectors (``Verdict.behaviour``, what the
   verifier saw the game draw and do). Two candidates are neighbours when the root mean
   square of the difference of their vectors is at most ``threshold`` (0.15 by default,
   for features the verifier scales to 0..1); clusters are the connected groups of
   neighbours (single linkage). A candidate with no vector, or one of another length,
   is alone.
3. The *top* candidate is the one with the best score. The *consensus* candidate is the
   best of the largest cluster that holds at least two candidates (the biggest cluster
   wins ties by its best score).
4. If the top candidate is in that cluster, or no cluster has two members, the top
   candidate wins. Otherwise the consensus candidate wins when its score is within
   ``margin`` points (10 by default) of the top score: behaviour that several independent
   attempts reproduced is more likely what the prompt asked for than a lone outlier that
   scored a little higher. A lone outlier that is clearly better (more than ``margin``
   points) still wins.
5. Ties on score go to the earlier attempt (stable and reproducible).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from studio.verdicts.report import Verdict

if TYPE_CHECKING:
    from studio.adherence import Adherence

DEFAULT_THRESHOLD = 0.15
DEFAULT_MARGIN = 10


@dataclass(eq=False)
class Candidate:
    """One verified program: which attempt (and repair round) made it, and its verdict."""

    n: int
    verdict: Verdict
    round: int = 0
    label: str = ""  # free text for reports ("attempt 2, repair 1")
    adherence: Adherence | None = None  # does it match the request; None: not judged

    @property
    def matches(self) -> bool:
        return self.adherence is None or self.adherence.matches


@dataclass
class Pick:
    """The choice and why."""

    winner: Candidate | None
    reason: str
    clusters: list[list[Candidate]] = field(default_factory=list)
    #: None when every finalist matches the request (or none was judged); else what the
    #: winner lacks, plainly ("a match-3 game; the falling-block puzzle half ... missing").
    lacks: str | None = None


def distance(a: Sequence[float], b: Sequence[float]) -> float:
    """Root mean square difference of two behaviour vectors; ``inf`` when not comparable."""
    if not a or len(a) != len(b):
        return math.inf
    return math.sqrt(sum((x - y) ** 2 for x, y in zip(a, b, strict=True)) / len(a))


def cluster(
    candidates: Sequence[Candidate], threshold: float = DEFAULT_THRESHOLD
) -> list[list[Candidate]]:
    """Single-linkage clusters of ``candidates`` by behaviour, in first-appearance order."""
    parent = list(range(len(candidates)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(candidates)):
        for j in range(i + 1, len(candidates)):
            d = distance(candidates[i].verdict.behaviour, candidates[j].verdict.behaviour)
            if d <= threshold:
                parent[root(j)] = root(i)
    groups: dict[int, list[Candidate]] = {}
    for i, cand in enumerate(candidates):
        groups.setdefault(root(i), []).append(cand)
    return list(groups.values())


def _best(cands: Sequence[Candidate]) -> Candidate:
    # Highest score; on equal scores the earlier attempt, then the earlier round.
    return min(cands, key=lambda c: (-c.verdict.score, c.n, c.round))


def pick(
    candidates: Sequence[Candidate],
    *,
    threshold: float = DEFAULT_THRESHOLD,
    margin: int = DEFAULT_MARGIN,
) -> Pick:
    """Choose the winner among ``candidates`` by the rule in this module's docstring."""
    playable = [c for c in candidates if c.verdict.playable]
    if not playable:
        return Pick(None, "no candidate is playable")
    pool, prefix = adherent(playable)
    chosen = _by_behaviour(pool, threshold, margin)
    if prefix is None:
        return chosen
    chosen.reason = f"{prefix}; {chosen.reason}"
    winner = chosen.winner
    if winner is not None and not winner.matches and winner.adherence is not None:
        chosen.lacks = winner.adherence.reason
        chosen.reason += f"; it lacks what was asked for: {chosen.lacks}"
    return chosen


def adherent(playable: Sequence[Candidate]) -> tuple[list[Candidate], str | None]:
    """The candidates the pick may choose from by adherence, and a prefix for its reason
    (None when adherence set nothing aside)."""
    judged = [c for c in playable if c.adherence is not None]
    if not judged:
        return list(playable), None
    matching = [c for c in playable if c.matches]
    if len(matching) == len(playable):
        return matching, f"all {len(playable)} playable candidate(s) match the request"
    if matching:
        others = ", ".join(str(c.n) for c in playable if not c.matches)
        return matching, (
            f"{len(matching)} of {len(playable)} playable candidates match the request "
            f"(set aside: attempt {others})"
        )
    best = max(c.adherence.coverage for c in judged)  # type: ignore[union-attr]
    closest = [c for c in judged if c.adherence.coverage >= best - 1e-9]  # type: ignore[union-attr]
    return closest, "no playable candidate matches the request; the closest kept"


def _by_behaviour(playable: Sequence[Candidate], threshold: float, margin: int) -> Pick:
    """The rule before adherence: best score, shared behaviour preferred when close."""
    clusters = cluster(playable, threshold)
    top = _best(playable)
    shared = [c for c in clusters if len(c) >= 2]
    if not shared:
        return Pick(top, f"best score ({top.verdict.score})", clusters)
    largest = max(shared, key=lambda c: (len(c), _best(c).verdict.score, -_best(c).n))
    consensus = _best(largest)
    if any(c is top for c in largest):
        return Pick(
            top,
            f"best score ({top.verdict.score}); {len(largest)} attempts played the same way, "
            "a sign the game works as meant",
            clusters,
        )
    if top.verdict.score - consensus.verdict.score <= margin:
        return Pick(
            consensus,
            f"{len(largest)} attempts played the same way (score {consensus.verdict.score}), "
            f"preferred over one that played differently (attempt {top.n}, score "
            f"{top.verdict.score})",
            clusters,
        )
    return Pick(
        top,
        f"best score ({top.verdict.score}), more than {margin} points above the "
        f"{len(largest)} attempts that played alike",
        clusters,
    )
