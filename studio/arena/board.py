"""The leaderboard: people's ratings per source, the judge's beside them, never mixed.

People's votes and a judge's votes are fitted apart (``studio.arena.ratings``); where both
voted on the same pair of games, how often the judge picked the side people picked is the
agreement.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from studio.arena.ratings import ROUNDS, Outcome, Rating, rate
from studio.arena.votes import SCORES, Vote


@dataclass(frozen=True)
class Agreement:
    pairs: int  # pairs of games both people and the judge voted on
    agreed: int  # of those, pairs where the judge's pick is people's pick

    @property
    def rate(self) -> float | None:
        return self.agreed / self.pairs if self.pairs else None


@dataclass(frozen=True)
class Row:
    source: str
    people: Rating | None
    judge: Rating | None


@dataclass(frozen=True)
class Board:
    rows: list[Row]
    people_votes: int
    judge_votes: int
    agreement: Agreement

    def to_dict(self) -> dict[str, Any]:
        return {
            "sources": [
                {"source": r.source, "people": _rating(r.people), "judge": _rating(r.judge)}
                for r in self.rows
            ],
            "people_votes": self.people_votes,
            "judge_votes": self.judge_votes,
            "agreement": {
                "pairs": self.agreement.pairs,
                "agreed": self.agreement.agreed,
                "rate": self.agreement.rate,
            },
        }


def _rating(r: Rating | None) -> dict[str, Any] | None:
    if r is None:
        return None
    return {
        "rating": round(r.rating, 1),
        "low": round(r.low, 1),
        "high": round(r.high, 1),
        "votes": r.games,
        "wins": r.wins,
        "ties": r.ties,
        "losses": r.losses,
        "win_rate": round(r.win_rate, 4),
    }


def outcomes(votes: Iterable[Vote]) -> list[Outcome]:
    """The votes as games between sources (a vote between two games of one source, which a
    hand-edited file could hold, says nothing about sources and is left out)."""
    return [
        Outcome(v.source_a, v.source_b, SCORES[v.vote]) for v in votes if v.source_a != v.source_b
    ]


def build(votes: Sequence[Vote], *, rounds: int = ROUNDS, seed: int = 0) -> Board:
    people = [v for v in votes if not v.judge]
    judged = [v for v in votes if v.judge]
    mine = {r.source: r for r in rate(outcomes(people), rounds=rounds, seed=seed)}
    theirs = {r.source: r for r in rate(outcomes(judged), rounds=rounds, seed=seed)}
    order = list(mine) + [s for s in theirs if s not in mine]
    rows = [Row(s, mine.get(s), theirs.get(s)) for s in order]
    return Board(rows, len(people), len(judged), agreement(people, judged))


def verdicts(votes: Iterable[Vote]) -> dict[frozenset[str], str | None]:
    """Per pair of games, the better one by its votes' mean (None: even)."""
    scored: dict[frozenset[str], list[float]] = defaultdict(list)
    first: dict[frozenset[str], str] = {}
    for v in votes:
        key = v.pair
        head = first.setdefault(key, min(v.a, v.b))
        score = SCORES[v.vote] if v.a == head else 1.0 - SCORES[v.vote]
        scored[key].append(score)
    out: dict[frozenset[str], str | None] = {}
    for key, scores in scored.items():
        mean = sum(scores) / len(scores)
        (other,) = key - {first[key]} or {first[key]}
        out[key] = first[key] if mean > 0.5 else (other if mean < 0.5 else None)
    return out


def agreement(people: Iterable[Vote], judged: Iterable[Vote]) -> Agreement:
    theirs = verdicts(people)
    judge = verdicts(judged)
    both = set(theirs) & set(judge)
    return Agreement(len(both), sum(1 for key in both if theirs[key] == judge[key]))


def entry_records(votes: Iterable[Vote]) -> dict[str, tuple[float, int]]:
    """Per game (its key): what it scored in people's votes and how many it was in."""
    record: dict[str, list[float]] = defaultdict(lambda: [0.0, 0])
    for v in votes:
        if v.judge:
            continue
        score = SCORES[v.vote]
        record[v.a][0] += score
        record[v.a][1] += 1
        record[v.b][0] += 1.0 - score
        record[v.b][1] += 1
    return {k: (s, int(n)) for k, (s, n) in record.items()}
