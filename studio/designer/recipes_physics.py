"""Recipes of the physics group: mini golf, bubble shooter, tower defense, pinball, racing.

Each genre is one self-contained player part (it defines ``self.player`` with the common
player interface, so the field parts other genres lend can join it) that owns the scene.
"""

from __future__ import annotations

from studio.designer.recipe_base import PartUse, Recipe, _use

RECIPES_PHYSICS: dict[str, Recipe] = {
    "golf": Recipe(
        "field",
        (_use("golf"),),
        mods=(_use("pickups"),),
        lives=0,
        description="a mini golf course",
    ),
    "bubbles": Recipe(
        "field",
        (_use("bubbles"),),
        mods=(_use("pickups", pickup_style="gem", pickup_kinds=4, combo_len=3),),
        lives=0,
        description="a bubble shooter",
    ),
    "towers": Recipe(
        "field",
        (_use("towers"),),
        mods=(_use("chasers"),),
        lives=10,
        description="a tower defense",
    ),
    "pinball": Recipe(
        "field",
        (_use("pinball"),),
        mods=(_use("powerups"),),
        lives=3,
        description="a pinball table",
    ),
    "racing": Recipe(
        "field",
        (_use("racing"),),
        mods=(_use("pickups"),),
        lives=0,
        description="a top-down racing game",
    ),
}

#: What a table, a launcher or a build cursor cannot take: things that chase, fall on or
#: hit the player, or lie about the field where it cannot reach them.
_FIXED_PLAYER = {
    "bricks",
    "ball",
    "gates",
    "wave",
    "shooter",
    "tail",
    "blockfall",
    "pickups",
    "chasers",
    "rocks",
    "minefield",
    "obstacles",
}

#: Parts these bases cannot take: they would not fit the course, table or board.
UNFIT_PHYSICS: dict[str, set[str]] = {
    "golf": {"bricks", "ball", "gates", "wave", "shooter", "tail", "blockfall"},
    # a launcher that cannot move: only what its flying bubble can reach fits (power-ups)
    "bubbles": _FIXED_PLAYER,
    "towers": _FIXED_PLAYER,
    "pinball": _FIXED_PLAYER,
    # a car that drives anywhere: things to collect, ghosts and rocks fit; walls with gaps,
    # bricks, invaders and falling blocks do not
    "racing": {"bricks", "ball", "gates", "wave", "shooter", "tail", "blockfall", "obstacles"},
}

#: Hybrids whose rules meet inside one of these parts: (genre, genre) -> (base, parts,
#: lives, the note for the "understood" line).
PAIRS_PHYSICS: dict[tuple[str, str], tuple[str, tuple[PartUse, ...], int, str]] = {
    ("pinball", "breakout"): (
        "pinball",
        (_use("pinball", pin_bricks=3),),
        3,
        "bricks line the top of the table: the pinball breaks them, clear them all for a level",
    ),
    ("bubbles", "minesweeper"): (
        "bubbles",
        (_use("bubbles", bomb_bubbles=0.1),),
        0,
        "mines hide in the bubbles: a pop next to one blows up everything around it",
    ),
}
