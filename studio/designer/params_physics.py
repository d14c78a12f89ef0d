"""Parameters of the physics group's parts (mini golf, bubble shooter, tower defense,
pinball, racing), drawn from the seed in a fixed order and bent by the difficulty.

Parameter names follow the designer's conventions so the offline remix can bend them:
``*_speed`` and ``gravity`` scale with the pace, ``*_time`` and ``*_every`` against it, and an
enemy part's ``*count`` parameters with "more enemies".

``params.py`` merges ``PHYSICS_PARAMS`` into ``PART_PARAMS``; this module does not import it
back (the context is described by a protocol), so there is no import cycle.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any, Protocol


class DrawContext(Protocol):
    """What a part's parameters may depend on (``params.Context``)."""

    rng: random.Random
    pace: float  # difficulty: 0.8 easy, 1.0 normal, 1.25 hard
    base: str


def _pick(rng: random.Random, low: float, high: float, scale: float = 1.0) -> float:
    return round(rng.uniform(low, high) * scale, 2)


def _golf(ctx: DrawContext) -> dict[str, Any]:
    rng, pace = ctx.rng, ctx.pace
    return {
        "hole_radius": 13 if pace < 1 else (11 if pace == 1 else 10),
        "golf_friction": rng.choice([150, 180, 210]),
        "putt_speed": rng.choice([820, 900, 980]),  # a full-power putt
        "holes": rng.choice([6, 9, 9]),
        "wall_blocks": rng.choice([2, 3, 4]) if pace >= 1 else 2,
        "sand": rng.random() < 0.7,
        "water": rng.random() < 0.5,
        "moving_bar": rng.random() < 0.5,
    }


def _bubbles(ctx: DrawContext) -> dict[str, Any]:
    rng, pace = ctx.rng, ctx.pace
    return {
        "bubble_radius": rng.choice([15, 16, 18]),
        "start_rows": rng.choice([4, 5, 6]),
        "bubble_colours": rng.choice([4, 5]) if pace >= 1 else 4,
        "shot_speed": int(rng.choice([720, 820, 920]) * pace),
        "shots_per_drop": max(3, int(rng.choice([6, 7, 8]) / pace)),
        "bomb_bubbles": 0.0,  # share of bubbles hiding a mine (the minesweeper hybrid)
    }


def _towers(ctx: DrawContext) -> dict[str, Any]:
    rng, pace = ctx.rng, ctx.pace
    return {
        "path_turns": rng.choice([2, 3, 3, 4]),
        "start_money": int(rng.choice([100, 120, 150]) / pace),
        "tower_cost": rng.choice([40, 50, 60]),
        "upgrade_cost": rng.choice([40, 50]),
        "tower_range": rng.choice([90, 100, 110]),
        "tower_damage": rng.choice([2, 3]),
        "reload_time": _pick(rng, 0.45, 0.6),
        "enemy_speed": int(rng.choice([45, 55, 65]) * pace),
        "enemy_hp": rng.choice([6, 8, 10]),
        "wave_count": rng.choice([6, 8]),  # enemies in the first wave
        "spawn_every": _pick(rng, 0.8, 1.1, 1 / pace),
    }


def _pinball(ctx: DrawContext) -> dict[str, Any]:
    rng, pace = ctx.rng, ctx.pace
    return {
        "gravity": int(rng.choice([850, 950, 1050]) * pace),
        "kick_speed": rng.choice([520, 580, 640]),  # off a bumper
        "bumpers": rng.choice([3, 3, 4]),
        "drop_targets": rng.choice([0, 3, 4]),
        "flip_len": rng.choice([72, 76, 80]),
        "table_w": rng.choice([420, 450, 480]),
        "pin_bricks": 0,  # rows of bricks at the top of the table (the breakout hybrid)
    }


def _racing(ctx: DrawContext) -> dict[str, Any]:
    rng, pace = ctx.rng, ctx.pace
    return {
        "track_half": rng.choice([40, 46, 52]),
        "track_points": rng.choice([7, 8, 9, 10]),
        "laps": rng.choice([3, 3, 5]),
        "car_accel": rng.choice([240, 280, 320]),
        "car_speed": rng.choice([260, 290, 320]),  # top speed on the road
        "car_turn": _pick(rng, 2.6, 3.2),
        "rival_count": rng.choice([1, 2, 3]),
        "rival_speed": int(rng.choice([170, 190, 210]) * pace),
        "barriers": rng.choice([3, 5, 7]),
    }


#: The physics group's parts -> the function drawing their template parameters.
PHYSICS_PARAMS: dict[str, Callable[[Any], dict[str, Any]]] = {
    "golf": _golf,
    "bubbles": _bubbles,
    "towers": _towers,
    "pinball": _pinball,
    "racing": _racing,
}
