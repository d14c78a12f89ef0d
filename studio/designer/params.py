"""Parameters for each mechanic part, drawn from the seed and bent by difficulty and context.

``PART_PARAMS`` maps every part to the function that draws its template parameters; a part
with none maps to ``_none``. Each function draws from ``ctx.rng`` in a fixed order, so the
same seed always gives the same game.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from studio.designer import params_toys
from studio.designer.params_board import PARAMS_BOARD
from studio.errors import DesignError

TETROMINOES = [
    [(0, -1), (0, 0), (0, 1), (0, 2)],  # I
    [(0, 0), (0, 1), (1, 0), (1, 1)],  # O
    [(0, -1), (0, 0), (0, 1), (1, 0)],  # T
    [(0, 0), (0, 1), (1, -1), (1, 0)],  # S
    [(0, -1), (0, 0), (1, 0), (1, 1)],  # Z
    [(0, -1), (0, 0), (0, 1), (1, -1)],  # L
    [(0, -1), (0, 0), (0, 1), (1, 1)],  # J
]
GEM_PIECES = [
    [(-1, 0), (0, 0), (1, 0)],  # column of three (Columns style)
    [(0, -1), (0, 0), (0, 1)],  # row of three
    [(0, 0), (1, 0), (1, 1)],  # corner
    [(0, 0), (0, 1), (1, 0), (1, 1)],  # square of four
]
PAIR_PIECES = [[(0, 0), (1, 0)], [(0, 0), (0, 1)], [(0, -1), (0, 0), (0, 1)]]


@dataclass
class Context:
    """What a part's parameters may depend on."""

    rng: random.Random
    pace: float  # difficulty: 0.8 easy, 1.0 normal, 1.25 hard
    base: str  # the base genre
    player: str | None  # the player part of a field design
    parts: list[str]


def _pick(rng: random.Random, low: float, high: float, scale: float = 1.0) -> float:
    return round(rng.uniform(low, high) * scale, 2)


def _board(ctx: Context) -> dict[str, Any]:
    return {"cell_style": "block"}


def _resolve(ctx: Context) -> dict[str, Any]:
    rng = ctx.rng
    return {"resolve_delay": _pick(rng, 0.22, 0.32), "settle": "rows", "refill": False}


def _line_clear(ctx: Context) -> dict[str, Any]:
    rng = ctx.rng
    return {"lines_per_level": rng.choice([6, 8, 10])}


def _match_clear(ctx: Context) -> dict[str, Any]:
    rng = ctx.rng
    return {
        "min_run": 3,
        "points_per_level": rng.choice([600, 800, 1000]),
        "upgrade_runs": False,
    }


def _merge(ctx: Context) -> dict[str, Any]:
    return {"max_kind": 10}


def _bombs(ctx: Context) -> dict[str, Any]:
    rng = ctx.rng
    return {"bomb_chance": _pick(rng, 0.04, 0.08)}


def _falling(ctx: Context) -> dict[str, Any]:
    rng, pace = ctx.rng, ctx.pace
    return {
        "shapes": TETROMINOES,
        "piece_colouring": "solid",
        "drop_time": _pick(rng, 0.6, 0.85, 1 / pace),
        "ghost": rng.random() < 0.7,
    }


def _slide(ctx: Context) -> dict[str, Any]:
    rng = ctx.rng
    return {"target_kind": 10, "four_chance": _pick(rng, 0.08, 0.15)}


def _mines(ctx: Context) -> dict[str, Any]:
    rng, pace = ctx.rng, ctx.pace
    return {"mine_share": _pick(rng, 0.11, 0.15, pace)}


def _cards(ctx: Context) -> dict[str, Any]:
    rng, pace = ctx.rng, ctx.pace
    return {"flip_back": _pick(rng, 0.7, 1.0, 1 / pace)}


def _paddle(ctx: Context) -> dict[str, Any]:
    rng, pace = ctx.rng, ctx.pace
    return {
        "paddle_side": "left" if ctx.base == "pong" else "bottom",
        "paddle_length": int(rng.choice([90, 100, 110, 120]) / pace),
        "paddle_speed": rng.choice([460, 520, 580]),
    }


def _ship(ctx: Context) -> dict[str, Any]:
    rng = ctx.rng
    return {"ship_speed": rng.choice([300, 340, 380])}


def _rocket(ctx: Context) -> dict[str, Any]:
    rng = ctx.rng
    return {"turn_speed": _pick(rng, 3.6, 4.6), "thrust": rng.choice([260, 300, 340])}


def _flapper(ctx: Context) -> dict[str, Any]:
    rng, pace = ctx.rng, ctx.pace
    return {"gravity": int(rng.choice([900, 1000, 1100]) * pace), "flap_speed": 340}


def _runner(ctx: Context) -> dict[str, Any]:
    rng = ctx.rng
    return {
        "gravity": rng.choice([1900, 2100, 2300]),
        "jump_speed": rng.choice([720, 760, 800]),
        "air_jumps": rng.choice([0, 1, 1]),
    }


def _snake(ctx: Context) -> dict[str, Any]:
    rng, pace = ctx.rng, ctx.pace
    return {
        "snake_cell": rng.choice([20, 24, 28]),
        "step_time": _pick(rng, 0.09, 0.13, 1 / pace),
        "wrap": rng.random() < 0.5,
        "food_count": rng.choice([1, 2, 3]),
        "food_per_level": rng.choice([5, 6, 8]),
    }


def _walker(ctx: Context) -> dict[str, Any]:
    rng = ctx.rng
    return {"walk_speed": rng.choice([220, 250, 280])}


def _ball(ctx: Context) -> dict[str, Any]:
    rng, pace = ctx.rng, ctx.pace
    return {"ball_speed": int(rng.choice([330, 360, 400]) * pace), "win_points": 7}


def _opponent(ctx: Context) -> dict[str, Any]:
    rng, pace = ctx.rng, ctx.pace
    return {"opponent_side": "right", "opponent_speed": int(rng.choice([260, 300, 330]) * pace)}


def _bricks(ctx: Context) -> dict[str, Any]:
    rng, pace = ctx.rng, ctx.pace
    return {
        "brick_layout": "top",
        "brick_rows": rng.choice([4, 5, 6]),
        "brick_cols": rng.choice([8, 10, 12]),
        "tough_rows": rng.choice([0, 1, 2]) if pace >= 1 else 0,
        "player_breaks": False,
    }


def _shooter(ctx: Context) -> dict[str, Any]:
    rng = ctx.rng
    return {
        "fire_cooldown": _pick(rng, 0.18, 0.28),
        "shot_speed": rng.choice([520, 600, 680]),
        "max_shots": rng.choice([3, 4, 6]),
    }


def _wave(ctx: Context) -> dict[str, Any]:
    rng, pace = ctx.rng, ctx.pace
    return {
        "wave_cols": rng.choice([7, 8, 9, 10]),
        "wave_rows": rng.choice([3, 4, 5]),
        "alien_speed": int(rng.choice([30, 40, 50]) * pace),
        "bomb_every": _pick(rng, 0.9, 1.5, 1 / pace),
    }


def _rocks(ctx: Context) -> dict[str, Any]:
    rng, pace = ctx.rng, ctx.pace
    return {
        "rock_count": rng.choice([3, 4, 5]),
        "rock_speed": int(rng.choice([50, 65, 80]) * pace),
    }


def _blockfall(ctx: Context) -> dict[str, Any]:
    rng, pace = ctx.rng, ctx.pace
    return {
        "block_every": _pick(rng, 1.2, 2.0, 1 / pace),
        "block_speed": int(rng.choice([110, 140, 170]) * pace),
    }


def _pickups(ctx: Context) -> dict[str, Any]:
    rng = ctx.rng
    return {
        "pickup_style": "coin",
        "pickup_count": rng.choice([3, 4, 5]),
        "pickup_kinds": 1,
        "combo_len": 1,
    }


def _minefield(ctx: Context) -> dict[str, Any]:
    rng = ctx.rng
    return {"mine_count": rng.choice([6, 8, 10]), "sense_radius": rng.choice([90, 110, 130])}


def _gates(ctx: Context) -> dict[str, Any]:
    rng, pace = ctx.rng, ctx.pace
    return {
        "gate_speed": int(rng.choice([150, 170, 190]) * pace),
        "gate_gap": int(rng.choice([150, 170, 190]) / pace),
        "gate_spacing": rng.choice([260, 300, 340]),
    }


def _obstacles(ctx: Context) -> dict[str, Any]:
    rng, pace = ctx.rng, ctx.pace
    return {"obstacle_gap": _pick(rng, 0.8, 1.1, 1 / pace)}


def _chasers(ctx: Context) -> dict[str, Any]:
    rng, pace = ctx.rng, ctx.pace
    return {
        "chaser_max": rng.choice([2, 3, 4]),
        "chaser_speed": int(rng.choice([60, 75, 90]) * pace),
        "chaser_every": _pick(rng, 3.0, 5.0),
    }


def _tail(ctx: Context) -> dict[str, Any]:
    rng = ctx.rng
    return {"tail_food": rng.choice([3, 4, 5])}


def _powerups(ctx: Context) -> dict[str, Any]:
    rng = ctx.rng
    return {"power_every": _pick(rng, 8.0, 12.0)}


def _maze(ctx: Context) -> dict[str, Any]:
    rng, pace = ctx.rng, ctx.pace
    return {
        "maze_w": rng.choice([11, 12, 13]),
        "maze_h": rng.choice([7, 8]),
        "loops": rng.choice([20, 30, 40]),
        "hero_speed": _pick(rng, 5.5, 6.5),
        "ghosts": rng.choice([2, 3, 4]) if pace >= 1 else 2,
        "ghost_speed": _pick(rng, 3.8, 4.6, pace),
        "power_time": rng.choice([0.0, 5.0, 6.0, 7.0]),
    }


def _none(ctx: Context) -> dict[str, Any]:
    """A part whose template takes no parameters of its own."""
    return {}


#: Every part the designer knows -> the function drawing its template parameters.
PART_PARAMS: dict[str, Callable[[Context], dict[str, Any]]] = {
    "board": _board,
    "resolve": _resolve,
    "line_clear": _line_clear,
    "match_clear": _match_clear,
    "merge": _merge,
    "bombs": _bombs,
    "falling": _falling,
    "slide": _slide,
    "mines": _mines,
    "cards": _cards,
    "paddle": _paddle,
    "ship": _ship,
    "rocket": _rocket,
    "flapper": _flapper,
    "runner": _runner,
    "snake": _snake,
    "walker": _walker,
    "ball": _ball,
    "opponent": _opponent,
    "bricks": _bricks,
    "shooter": _shooter,
    "wave": _wave,
    "rocks": _rocks,
    "blockfall": _blockfall,
    "pickups": _pickups,
    "minefield": _minefield,
    "gates": _gates,
    "obstacles": _obstacles,
    "chasers": _chasers,
    "tail": _tail,
    "powerups": _powerups,
    "maze": _maze,
    "swap": _none,
    # -- board genres --
    **PARAMS_BOARD,
    # -- toys genres --
    "moles": params_toys.moles,
    "typing": params_toys.typing,
    "rhythm": params_toys.rhythm,
    "clicker": params_toys.clicker,
    "fishing": params_toys.fishing,
}


# -- arcade genres --
from studio.designer.params_arcade import PART_PARAMS_ARCADE  # noqa: E402

PART_PARAMS.update(PART_PARAMS_ARCADE)


def part_params(part: str, ctx: Context) -> dict[str, Any]:
    """The template parameters for ``part``; a part missing from ``PART_PARAMS`` is an error."""
    try:
        draw = PART_PARAMS[part]
    except KeyError:
        known = ", ".join(sorted(PART_PARAMS))
        raise DesignError(f"unknown part {part!r}: the known parts are {known}") from None
    return draw(ctx)


# -- physics genres --
from studio.designer.params_physics import PHYSICS_PARAMS  # noqa: E402

PART_PARAMS.update(PHYSICS_PARAMS)
