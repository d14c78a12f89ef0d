"""Template parameters of the board group's parts (tic-tac-toe, connect four, sokoban,
sliding puzzle, solitaire), drawn from the seed in a fixed order and bent by difficulty.

``params.PART_PARAMS`` takes them in; this module needs nothing from it (a context is
anything with a seeded ``rng`` and a ``pace``).
"""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any, Protocol


class _Context(Protocol):
    rng: random.Random
    pace: float  # difficulty: 0.8 easy, 1.0 normal, 1.25 hard


def _inarow(ctx: _Context) -> dict[str, Any]:
    """Tic-tac-toe and connect four: the computer's manner (the rules come from the recipe)."""
    rng, pace = ctx.rng, ctx.pace
    return {
        "gravity": False,
        "win_len": 3,
        "think_time": round(rng.uniform(0.25, 0.45), 2),
        # after winning and blocking, how often the computer plays its best move
        "cpu_skill": round(min(0.95, rng.uniform(0.55, 0.75) * pace), 2),
        "player_starts": rng.choice(["player", "alternate", "alternate"]),
        "mark_style": rng.choice(["xo", "xo", "shapes"]),
    }


#: Sokoban levels, easiest first, each checked solvable by tests/designer/test_board_genres.py:
#: "#" wall, "." goal, "$" box, "*" box on a goal, "@" the keeper, " " floor.
SOKOBAN_LEVELS: list[list[str]] = [
    ["#######", "#     #", "# .$@ #", "#     #", "#######"],
    ["########", "#      #", "# $ $  #", "#  @   #", "# .  . #", "########"],
    ["#########", "###   ###", "#.  $   #", "#  ##$  #", "#.  @   #", "#########"],
    [" ########", " #  #   #", " # $  $ #", "##  ##  #", "#.   .  #", "#  @    #", "#########"],
    ["#########", "#   #   #", "# $ . $ #", "#  ###  #", "# .$@ . #", "#       #", "#########"],
    ["#########", "#.  #  .#", "# $   $ #", "## #@# ##", "# $   $ #", "#.  #  .#", "#########"],
]


def _sokoban(ctx: _Context) -> dict[str, Any]:
    """Four of the levels, in order of difficulty (the first is always the one-push lesson)."""
    rng = ctx.rng
    chosen = [0, *sorted(rng.sample(range(1, len(SOKOBAN_LEVELS)), 3))]
    return {
        "levels": [SOKOBAN_LEVELS[i] for i in chosen],
        "floor_style": rng.choice(["tiles", "plain"]),
        "ghosts": 0,  # the maze hybrid sets 2
        "ghost_step": round(rng.uniform(0.45, 0.6) / ctx.pace, 2),
    }


def _fifteen(ctx: _Context) -> dict[str, Any]:
    rng, pace = ctx.rng, ctx.pace
    return {
        "shuffle_moves": int(rng.choice([80, 120, 160]) * pace),
        "tile_style": rng.choice(["numbers", "numbers", "picture"]),
    }


def _solitaire(ctx: _Context) -> dict[str, Any]:
    rng, pace = ctx.rng, ctx.pace
    return {
        "draw_count": 3 if pace > 1.1 else 1,
        "card_back": rng.choice(["stripes", "dots", "plain"]),
    }


#: The board group's parts -> the function drawing their template parameters.
PARAMS_BOARD: dict[str, Callable[[Any], dict[str, Any]]] = {
    "inarow": _inarow,
    "sokoban": _sokoban,
    "fifteen": _fifteen,
    "solitaire": _solitaire,
}
