"""The Bradley-Terry fit against votes drawn from known strengths."""

from __future__ import annotations

import random

import numpy as np
import pytest

from studio.arena.ratings import ANCHOR, Outcome, expected, fit, rate, win_matrix

TRUTH = {"big": 1200.0, "mid": 1080.0, "small": 1000.0, "tiny": 900.0, "designer": 820.0}


def centred(truth: dict[str, float]) -> dict[str, float]:
    shift = ANCHOR - sum(truth.values()) / len(truth)
    return {k: v + shift for k, v in truth.items()}


def draw(truth: dict[str, float], count: int, rng: random.Random) -> list[Outcome]:
    """Votes from the model itself: a tie keeps the expected score (ties as halves)."""
    names = sorted(truth)
    out = []
    for _ in range(count):
        a, b = rng.sample(names, 2)
        p = expected(truth[a], truth[b])
        tie = 0.3 * min(p, 1 - p)  # P(win) = p - tie/2 keeps E[score] = p
        u = rng.random()
        score = 1.0 if u < p - tie / 2 else (0.5 if u < p + tie / 2 else 0.0)
        out.append(Outcome(a, b, score))
    return out


def test_the_order_of_known_strengths_is_recovered() -> None:
    votes = draw(TRUTH, 3000, random.Random(1))
    ratings = rate(votes, rounds=200, seed=1)
    assert [r.source for r in ratings] == ["big", "mid", "small", "tiny", "designer"]
    truth = centred(TRUTH)
    for r in ratings:
        assert abs(r.rating - truth[r.source]) < 30, (r.source, r.rating, truth[r.source])
        assert r.low < r.rating < r.high
    assert abs(sum(r.rating for r in ratings) / len(ratings) - ANCHOR) < 1e-6
    assert sum(r.games for r in ratings) == 2 * len(votes)
    assert all(r.wins + r.ties + r.losses == r.games for r in ratings)


def test_the_95_percent_intervals_cover_the_truth_at_about_that_rate() -> None:
    rng = random.Random(7)
    truth = centred(TRUTH)
    covered = total = 0
    widths = []
    for trial in range(60):
        ratings = rate(draw(TRUTH, 400, rng), rounds=300, seed=trial)
        for r in ratings:
            covered += r.low <= truth[r.source] <= r.high
            total += 1
            widths.append(r.high - r.low)
    share = covered / total
    print(f"coverage {share:.3f} over {total} intervals, median width {np.median(widths):.0f}")
    assert 0.89 <= share <= 0.99, share


def test_the_intervals_are_seeded_and_shrink_with_more_votes() -> None:
    votes = draw(TRUTH, 300, random.Random(3))
    assert rate(votes, rounds=100, seed=5) == rate(votes, rounds=100, seed=5)
    more = draw(TRUTH, 3000, random.Random(3))
    few = {r.source: r.high - r.low for r in rate(votes, rounds=100)}
    many = {r.source: r.high - r.low for r in rate(more, rounds=100)}
    assert all(many[s] < few[s] for s in TRUTH)


def test_ties_count_as_half_and_an_unbeaten_source_stays_finite() -> None:
    even = fit(win_matrix([Outcome("a", "b", 0.5)] * 10, ["a", "b"]))
    assert even[0] == pytest.approx(even[1])
    swept = rate([Outcome("a", "b", 1.0)] * 5, rounds=50)
    assert swept[0].source == "a" and np.isfinite(swept[0].rating)
    assert swept[0].rating - swept[1].rating > 400
    assert swept[0].win_rate == 1.0 and swept[1].win_rate == 0.0
    half = rate([Outcome("a", "b", 1.0), Outcome("a", "b", 0.0), Outcome("a", "b", 0.5)])
    assert half[0].win_rate == pytest.approx(0.5) and half[0].ties == 1
    assert rate([]) == []
