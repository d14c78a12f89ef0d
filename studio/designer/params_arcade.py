"""Parameters of the arcade-machine parts (issue 18, group `arcade`), drawn from the seed and
bent by difficulty, like ``params.py``'s, in a fixed order: the same seed gives the same game.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any, Protocol


class DrawContext(Protocol):
    """What these parts' parameters depend on (``params.Context`` has it)."""

    rng: random.Random
    pace: float  # difficulty: 0.8 easy, 1.0 normal, 1.25 hard


def _pick(rng: random.Random, low: float, high: float, scale: float = 1.0) -> float:
    return round(rng.uniform(low, high) * scale, 2)


def _lander(ctx: DrawContext) -> dict[str, Any]:
    rng, pace = ctx.rng, ctx.pace
    gravity = int(rng.choice([40, 48, 56]) * pace)
    return {
        "lander_gravity": gravity,
        "lander_thrust": int(gravity * rng.choice([2.4, 2.7, 3.0])),
        "side_thrust": rng.choice([60, 75, 90]),
        "fuel": _pick(rng, 7.0, 10.0, 1 / pace),
        "safe_speed": int(rng.choice([60, 70, 80]) / pace),
        "pad_width": rng.choice([80, 96, 110]),
    }


def _frogger(ctx: DrawContext) -> dict[str, Any]:
    rng, pace = ctx.rng, ctx.pace
    return {
        "road_lanes": rng.choice([3, 4, 5]),
        "river_lanes": rng.choice([3, 4, 5]),
        "homes": rng.choice([4, 5, 5]),
        "lane_speed": int(rng.choice([50, 60, 70]) * pace),
        "log_cells": rng.choice([(2, 3, 4), (3, 4), (3, 4, 5)]) if pace <= 1 else (2, 3),
        "water_colour": rng.choice([(40, 90, 170), (30, 110, 160), (45, 75, 150)]),
        "road_colour": rng.choice([(45, 45, 52), (58, 55, 60), (40, 44, 50)]),
        "grass_colour": rng.choice([(60, 130, 70), (80, 140, 60), (70, 120, 90)]),
    }


def _missiles(ctx: DrawContext) -> dict[str, Any]:
    rng, pace = ctx.rng, ctx.pace
    return {
        "cities": rng.choice([4, 5, 6]),
        "bases": rng.choice([2, 3, 3]),
        "ammo": rng.choice([8, 10, 12]),
        "incoming_speed": int(rng.choice([45, 55, 65]) * pace),
        "counter_speed": rng.choice([380, 440, 500]),
        "blast_radius": int(rng.choice([40, 48, 56]) / pace),
        "wave_size": rng.choice([8, 10, 12]),
        "spawn_every": _pick(rng, 1.0, 1.6, 1 / pace),
    }


def _gunner(ctx: DrawContext) -> dict[str, Any]:
    rng = ctx.rng
    return {"gunner_speed": rng.choice([200, 230, 260])}


def _horde(ctx: DrawContext) -> dict[str, Any]:
    rng, pace = ctx.rng, ctx.pace
    return {
        "horde_first": rng.choice([6, 8, 10]),
        "horde_grow": rng.choice([3, 4, 5]),
        "horde_speed": int(rng.choice([60, 75, 90]) * pace),
        "horde_every": _pick(rng, 0.6, 1.0, 1 / pace),
        "big_share": rng.choice([0.0, 0.15, 0.25]),
    }


def _tanks(ctx: DrawContext) -> dict[str, Any]:
    rng, pace = ctx.rng, ctx.pace
    return {
        "tank_speed": rng.choice([130, 150, 170]),
        "tank_turn": _pick(rng, 2.6, 3.4),
        "enemy_tanks": rng.choice([2, 3, 3]) if pace <= 1 else 4,
        "enemy_speed": int(rng.choice([50, 65, 80]) * pace),
        "enemy_reload": _pick(rng, 1.6, 2.6, 1 / pace),
        "shell_speed": rng.choice([260, 300, 340]),
        "bounces": rng.choice([0, 1, 1, 2]),
        "wall_count": rng.choice([8, 10, 12]),
    }


#: Every arcade part -> the function drawing its template parameters.
PART_PARAMS_ARCADE: dict[str, Callable[[DrawContext], dict[str, Any]]] = {
    "lander": _lander,
    "frogger": _frogger,
    "missiles": _missiles,
    "gunner": _gunner,
    "horde": _horde,
    "tanks": _tanks,
}
