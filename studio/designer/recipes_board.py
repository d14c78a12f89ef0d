"""The board group's genres: tic-tac-toe, connect four, sokoban, a sliding puzzle and
solitaire. ``recipes.RECIPES`` takes them in; board games against the computer or a puzzle,
none has a rule for falling pieces or swapped gems, so a pair with another board genre
falls back to a timer as before.
"""

from __future__ import annotations

import random
from typing import Any

from studio.designer.recipe_base import PartUse, Recipe, _use

#: Pairs of the board group's genres with a field genre lend these to the field game.
_PAIRS_TO_COLLECT = {"pickup_style": "gem", "pickup_kinds": 2, "combo_len": 3}

RECIPES_BOARD: dict[str, Recipe] = {
    "tictactoe": Recipe(
        "board",
        (_use("board"), _use("inarow", gravity=False, win_len=3)),
        mods=(_use("pickups", **_PAIRS_TO_COLLECT),),
        lives=3,
        description="tic-tac-toe against the computer",
    ),
    "connect4": Recipe(
        "board",
        (_use("board"), _use("inarow", gravity=True, win_len=4)),
        mods=(_use("pickups", **_PAIRS_TO_COLLECT),),
        lives=3,
        description="connect four against the computer",
    ),
    "sokoban": Recipe(
        "board",
        (_use("board"), _use("sokoban")),
        mods=(_use("pickups"),),
        lives=0,
        description="a sokoban box-pushing puzzle",
    ),
    "fifteen": Recipe(
        "board",
        (_use("board"), _use("fifteen")),
        mods=(_use("pickups", pickup_style="number", pickup_kinds=3, combo_len=2),),
        lives=0,
        description="a sliding tile puzzle",
    ),
    "solitaire": Recipe(
        "board",
        (_use("board"), _use("solitaire")),
        mods=(_use("pickups", **_PAIRS_TO_COLLECT),),
        lives=0,
        description="Klondike solitaire",
    ),
}


def board_hybrid(a: str, b: str) -> tuple[str, list[PartUse], int, bool, list[str]] | None:
    """The real hybrids of the group's genres: (base, parts, lives, scrolls, notes), or None
    where the pair falls back as before (a timer with another board genre, the field game
    with things to collect from the board genre)."""
    if {a, b} == {"sokoban", "maze"}:
        parts = [_use("board"), _use("sokoban", ghosts=2)]
        note = "ghosts from the maze roam the warehouse: boxes block them, a touch costs a life"
        return "sokoban", parts, 3, False, [note]
    return None


def board_size(
    names: list[str], params: dict[str, Any], rng: random.Random
) -> tuple[int, int, int] | None:
    """(cols, rows, cell) of a board game of the group, or None for any other board."""
    if "inarow" in names:
        if params.get("gravity"):
            return 7, 6, rng.choice([70, 76, 80])
        return 3, 3, rng.choice([140, 150, 160])
    if "sokoban" in names:
        return 9, 7, rng.choice([60, 64, 68])
    if "fifteen" in names:
        size = rng.choice([3, 4, 4, 5])
        return size, size, {3: 150, 4: 120, 5: 100}[size]
    if "solitaire" in names:
        return 7, 8, 88
    return None
