"""Parameters of the toys group's parts (whack-a-mole, typing, rhythm, clicker, fishing),
drawn from the seed in a fixed order and bent by the pace (difficulty), as in ``params``."""

from __future__ import annotations

import random
from typing import Any, Protocol

from studio.designer.wordlist import words_between


class Drawing(Protocol):
    """What these parameters depend on (``params.Context`` has it)."""

    rng: random.Random
    pace: float


def _pick(rng: random.Random, low: float, high: float, scale: float = 1.0) -> float:
    return round(rng.uniform(low, high) * scale, 2)


def moles(ctx: Drawing) -> dict[str, Any]:
    rng, pace = ctx.rng, ctx.pace
    cols, rows = rng.choice([(3, 3), (3, 3), (4, 3), (3, 2)])
    return {
        "hole_cols": cols,
        "hole_rows": rows,
        "pop_every": _pick(rng, 0.8, 1.1, 1 / pace),
        "mole_time": _pick(rng, 1.0, 1.4, 1 / pace),
        "bomb_chance": rng.choice([0.0, 0.0, 0.08, 0.12]) if pace >= 1 else 0.0,
        "gold_chance": rng.choice([0.06, 0.1]),
        "hits_per_level": rng.choice([10, 12, 15]),
    }


def typing(ctx: Drawing) -> dict[str, Any]:
    rng, pace = ctx.rng, ctx.pace
    shortest, longest = rng.choice([(3, 5), (4, 6), (3, 7)]) if pace >= 1 else (3, 4)
    return {
        "word_list": sorted(rng.sample(words_between(shortest, longest), 40)),
        "word_every": _pick(rng, 2.0, 2.6, 1 / pace),
        "word_speed": int(rng.choice([28, 34, 40]) * pace),
        "words_per_level": rng.choice([8, 10, 12]),
        "word_max": rng.choice([6, 7, 8]),
        "typing_cannon": False,
    }


def rhythm(ctx: Drawing) -> dict[str, Any]:
    rng, pace = ctx.rng, ctx.pace
    bpm = rng.choice([90, 100, 110, 120]) * pace
    return {
        "beat_time": round(60 / bpm, 3),
        "note_speed": int(rng.choice([300, 340, 380]) * pace),
        "density": _pick(rng, 0.45, 0.65, pace),
        "chord_chance": rng.choice([0.0, 0.1, 0.2]),
        "perfect_window": 0.05,
        "good_window": round(0.12 / pace, 3),
        "notes_per_level": rng.choice([24, 32, 40]),
    }


#: The clicker's shop: name choices, first price, income per second, extra coins per click.
CLICKER_SHOP = (
    (("Helper", "Apprentice", "Gnome"), 15, 0.5, 0),
    (("Better clicks", "Golden touch", "Strong finger"), 40, 0, 1),
    (("Machine", "Mine", "Farm"), 120, 4, 0),
    (("Factory", "Workshop", "Bank"), 700, 20, 0),
)


def clicker(ctx: Drawing) -> dict[str, Any]:
    rng, pace = ctx.rng, ctx.pace
    scale = rng.choice([0.8, 1.0, 1.2])
    return {
        "upgrades": [
            (rng.choice(names), max(5, int(price * scale)), income, per_click)
            for names, price, income, per_click in CLICKER_SHOP
        ],
        "price_growth": rng.choice([1.12, 1.15, 1.2]),
        "per_click": 1,
        "first_goal": rng.choice([80, 100, 120]),
        "goal_growth": rng.choice([3, 4]),
        "goal_time": _pick(rng, 50.0, 70.0, 1 / pace),
    }


def fishing(ctx: Drawing) -> dict[str, Any]:
    rng, pace = ctx.rng, ctx.pace
    return {
        "fish_count": rng.choice([4, 5, 6]),
        "fish_speed": int(rng.choice([50, 65, 80]) * pace),
        "sink_speed": rng.choice([220, 260, 300]),
        "reel_time": _pick(rng, 0.8, 1.1, 1 / pace),
        "notice": rng.choice([110, 130, 150]),
        "catches_per_level": rng.choice([4, 5, 6]),
    }
