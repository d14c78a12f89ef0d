"""Which two games to show: the same prompt, two different sources.

Every pair of games made for the same prompt by two different sources can be drawn; a pair
is drawn with a weight that favours pairs few votes have compared (``1 / (1 + votes)``) and
sources whose ratings are close (``exp(-gap / CLOSENESS)``): those votes teach the most. A
pair shown once in a session is not shown again in it. Which game is "A" is a coin toss.
"""

from __future__ import annotations

import itertools
import math
import random
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from studio.arena.pool import Game, prompt_key
from studio.arena.ratings import ANCHOR
from studio.arena.votes import Vote
from studio.errors import StudioError

CLOSENESS = 200.0  # rating points: a gap this wide weighs 1/e of an even pair

NO_TWO_SOURCES = (
    "no prompt has games from two different sources yet, so there is nothing to compare. "
    'Make one: run `studio make "PROMPT"` again for a prompt already in the gallery with '
    "another model (--model, --preset), with --big-brain or with --attempts 1; or run "
    "`studio bench` and pass its folder with `studio arena --bench DIR`."
)


class NoPairs(StudioError):
    """There is no pair (left) to show."""


@dataclass(frozen=True)
class Pair:
    prompt: str
    a: Game
    b: Game

    @property
    def key(self) -> frozenset[str]:
        return frozenset((self.a.key, self.b.key))


def all_pairs(games: Iterable[Game]) -> list[tuple[Game, Game]]:
    """Every pair of games for one prompt from two different sources."""
    by_prompt: dict[str, list[Game]] = {}
    for game in games:
        by_prompt.setdefault(prompt_key(game.prompt), []).append(game)
    pairs = []
    for group in by_prompt.values():
        for x, y in itertools.combinations(sorted(group, key=lambda g: g.key), 2):
            if x.source != y.source:
                pairs.append((x, y))
    return pairs


@dataclass
class Drawer:
    """Draws pairs for one session (``shown`` remembers them)."""

    games: list[Game]
    votes: list[Vote] = field(default_factory=list)
    ratings: Mapping[str, float] = field(default_factory=dict)
    rng: random.Random = field(default_factory=random.Random)
    shown: set[frozenset[str]] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.pairs = all_pairs(self.games)
        self.counts: Counter[frozenset[str]] = Counter(v.pair for v in self.votes)

    def weight(self, x: Game, y: Game) -> float:
        gap = abs(self.ratings.get(x.source, ANCHOR) - self.ratings.get(y.source, ANCHOR))
        return math.exp(-gap / CLOSENESS) / (1 + self.counts[frozenset((x.key, y.key))])

    def draw(self) -> Pair:
        """The next pair; ``NoPairs`` (saying why and what to do) when there is none."""
        if not self.pairs:
            raise NoPairs(NO_TWO_SOURCES)
        left = [(x, y) for x, y in self.pairs if frozenset((x.key, y.key)) not in self.shown]
        if not left:
            raise NoPairs(
                f"every pair has been shown in this session ({len(self.pairs)}); "
                "make more games for the same prompts to compare more"
            )
        x, y = self.rng.choices(left, weights=[self.weight(x, y) for x, y in left])[0]
        if self.rng.random() < 0.5:
            x, y = y, x
        pair = Pair(prompt=x.prompt, a=x, b=y)
        self.shown.add(pair.key)
        return pair

    def counted(self, vote: Vote) -> None:
        """A vote made in this session weighs on the next draws."""
        self.counts[vote.pair] += 1
