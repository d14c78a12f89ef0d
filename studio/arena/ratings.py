"""Bradley-Terry ratings on an Elo-like scale, with bootstrap intervals.

The model: source i beats source j with probability ``1 / (1 + 10 ** ((R_j - R_i) / 400))``.
A tie counts as half a win for each side (so does "both bad", as the public arenas count it).
The strengths maximise the likelihood, found by Newton's method on the win matrix (a few
steps; the log-likelihood is concave), vectorised over the bootstrap replicates at once.
A weak prior, a fraction of one tied game against a virtual source at the anchor, keeps an
unbeaten (or never-winning) source finite; the ratings are then shifted so that their mean is
``ANCHOR``.

The 95% intervals come from the percentile bootstrap: the votes are resampled with
replacement ``rounds`` times (seeded, so the same votes give the same intervals) and refitted.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

SCALE = 400.0
ANCHOR = 1000.0
PRIOR_GAMES = 0.1  # tied games each source plays against the virtual anchor source
ROUNDS = 1000
MAX_STEPS = 200
MAX_STEP = 3.0
TOLERANCE = 1e-9

Matrix = npt.NDArray[np.float64]


@dataclass(frozen=True)
class Outcome:
    """One game between two sources: ``score`` is what ``a`` got (1 win, 0.5 tie, 0 loss)."""

    a: str
    b: str
    score: float


@dataclass(frozen=True)
class Rating:
    source: str
    rating: float
    low: float  # the 95% interval
    high: float
    games: int
    wins: int
    ties: int
    losses: int

    @property
    def win_rate(self) -> float:
        """Wins plus half the ties, over games played (0 when none)."""
        return (self.wins + self.ties / 2) / self.games if self.games else 0.0


def win_matrix(outcomes: Iterable[Outcome], names: Sequence[str]) -> Matrix:
    """``W[i, j]``: what source i scored against source j (ties as halves)."""
    index = {name: i for i, name in enumerate(names)}
    wins = np.zeros((len(names), len(names)))
    for o in outcomes:
        i, j = index[o.a], index[o.b]
        wins[i, j] += o.score
        wins[j, i] += 1.0 - o.score
    return wins


def fit(wins: Matrix, prior: float = PRIOR_GAMES) -> Matrix:
    """Ratings (mean ``ANCHOR``) from win matrices: ``wins`` is (n, n) or (rounds, n, n);
    the result is (n,) or (rounds, n)."""
    stacked = wins[None] if wins.ndim == 2 else wins
    games = stacked + np.swapaxes(stacked, 1, 2)
    scored = stacked.sum(axis=2)
    eye = np.eye(stacked.shape[1])
    theta = np.zeros(stacked.shape[:2])  # natural-log strengths
    for _ in range(MAX_STEPS):
        p = _sigmoid(theta[:, :, None] - theta[:, None, :])  # P(i beats j)
        anchor = _sigmoid(theta)
        grad = scored - (games * p).sum(axis=2) + prior * (0.5 - anchor)
        weight = games * p * (1.0 - p)
        hessian = weight - eye * (weight.sum(axis=2) + prior * anchor * (1 - anchor))[:, :, None]
        step = np.linalg.solve(hessian, grad[:, :, None])[:, :, 0]
        step = np.clip(step, -MAX_STEP, MAX_STEP)  # far from the optimum: no wild jumps
        theta -= step
        if np.max(np.abs(step)) < TOLERANCE:
            break
    ratings = SCALE / math.log(10) * theta
    ratings += ANCHOR - ratings.mean(axis=1, keepdims=True)
    return ratings[0] if wins.ndim == 2 else ratings


def _sigmoid(x: Matrix) -> Matrix:
    return 0.5 * (1.0 + np.tanh(x / 2))


def rate(
    outcomes: Sequence[Outcome], *, rounds: int = ROUNDS, seed: int = 0, level: float = 0.95
) -> list[Rating]:
    """Every source's rating, interval and record, best first."""
    names = sorted({o.a for o in outcomes} | {o.b for o in outcomes})
    if not names:
        return []
    point = fit(win_matrix(outcomes, names))
    low, high = _bootstrap(outcomes, names, rounds, seed, level)
    ratings = []
    for i, name in enumerate(names):
        mine = [(o.score if o.a == name else 1.0 - o.score) for o in outcomes if name in (o.a, o.b)]
        ratings.append(
            Rating(
                source=name,
                rating=float(point[i]),
                low=float(low[i]),
                high=float(high[i]),
                games=len(mine),
                wins=sum(1 for s in mine if s == 1.0),
                ties=sum(1 for s in mine if s == 0.5),
                losses=sum(1 for s in mine if s == 0.0),
            )
        )
    return sorted(ratings, key=lambda r: (-r.rating, r.source))


def _bootstrap(
    outcomes: Sequence[Outcome], names: Sequence[str], rounds: int, seed: int, level: float
) -> tuple[Matrix, Matrix]:
    """The percentile interval of each rating over ``rounds`` resamples of the votes."""
    index = {name: i for i, name in enumerate(names)}
    n = len(names)
    # Votes with the same sources, order and outcome are interchangeable: resampling the
    # votes is resampling these kinds in proportion to their counts (a multinomial), so the
    # work grows with the number of sources, not of votes.
    kinds = Counter((index[o.a], index[o.b], o.score) for o in outcomes)
    keys = list(kinds)
    rows = np.array([k[0] for k in keys])
    cols = np.array([k[1] for k in keys])
    scores = np.array([k[2] for k in keys])
    share = np.array([kinds[k] for k in keys], dtype=float) / len(outcomes)
    rng = np.random.default_rng(seed)
    counts = rng.multinomial(len(outcomes), share, size=rounds)  # (rounds, kinds)
    # each kind's cell in the flattened win matrix, as one-hot rows: a product adds them up
    forward = np.zeros((len(keys), n * n))
    backward = np.zeros((len(keys), n * n))
    forward[np.arange(len(keys)), rows * n + cols] = 1.0
    backward[np.arange(len(keys)), cols * n + rows] = 1.0
    flat = (counts * scores) @ forward + (counts * (1.0 - scores)) @ backward
    fitted = fit(flat.reshape(rounds, n, n))
    tail = (1.0 - level) / 2 * 100
    low, high = np.percentile(fitted, [tail, 100 - tail], axis=0)
    return low, high


def expected(r_a: float, r_b: float) -> float:
    """The probability that a source rated ``r_a`` beats one rated ``r_b``."""
    return 1.0 / (1.0 + math.pow(10.0, (r_b - r_a) / SCALE))
