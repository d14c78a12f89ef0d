"""Recipes of the physics group: mini golf, bubble shooter, tower defense, pinball, racing.

Each genre is one self-contained player part (it defines ``self.player`` with the common
player interface, so the field parts other genres lend can join it) that owns the scene.
"""

from __future__ import annotations

from studio.designer.catalogue import PARTS
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

#: The lent parts each base can take (a whitelist, so parts added to the designer later are
#: unfit until someone says they fit): a ball or a car that goes anywhere can collect, be
#: chased, hit by rocks or blown up by mines; a launcher, a table or a build cursor can only
#: take power-up stars, which they move where the player reaches them.
FITS_PHYSICS: dict[str, set[str]] = {
    "golf": {"pickups", "chasers", "rocks", "minefield", "powerups"},
    "racing": {"pickups", "chasers", "rocks", "minefield", "powerups"},
    "bubbles": {"powerups"},
    "towers": {"powerups"},
    "pinball": {"powerups"},
}

#: Parts these bases cannot take: every part of the designer but the ones that fit.
UNFIT_PHYSICS: dict[str, set[str]] = {
    base: set(PARTS) - fits - {base} for base, fits in FITS_PHYSICS.items()
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
