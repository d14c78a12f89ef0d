"""The arcade-machine genres (issue 18, group `arcade`): lunar lander, frogger, missile
command, top-down shooter and tank battle.

A genre here that lends nothing to another field game (``mods`` empty) is the base of any
field hybrid it is in: ``recipes.compose`` turns the pair round, so "asteroids meets lunar
lander" is a lander among drifting rocks, as "lunar lander meets asteroids" is.
"""

from __future__ import annotations

from studio.designer.recipe_base import Recipe, _use

RECIPES_ARCADE: dict[str, Recipe] = {
    "lander": Recipe(
        "field",
        (_use("lander"),),
        description="a lunar lander",
    ),
    "frogger": Recipe(
        "field",
        (_use("frogger"),),
        description="a frogger road and river crossing",
    ),
    "missile": Recipe(
        "field",
        (_use("missiles"),),
        lives=0,
        description="a missile command defence",
    ),
    "topdown": Recipe(
        "field",
        (_use("gunner"), _use("shooter"), _use("horde")),
        mods=(_use("horde"), _use("shooter")),
        description="a top-down shooter with waves",
    ),
    "tanks": Recipe(
        "field",
        (_use("tanks"), _use("shooter", max_shots=3)),
        description="a tank battle",
    ),
}

#: The player parts of these genres (each defines ``self.player``).
PLAYERS_ARCADE: tuple[str, ...] = ("lander", "frogger", "missiles", "gunner", "tanks")
#: Parts a base of this group cannot take: they would not fit its arena. A lander and a
#: frog have nothing to shoot at, and missile command's player is a crosshair, which nothing
#: may hit (only things to collect and power-ups fit it).
UNFIT_ARCADE: dict[str, set[str]] = {
    "lander": {"gates", "bricks", "ball", "wave", "shooter"},
    "frogger": {"gates", "bricks", "ball", "wave", "tail", "shooter"},
    "tanks": {"gates", "bricks", "ball", "wave", "tail"},
    "missile": {
        "gates",
        "bricks",
        "ball",
        "wave",
        "tail",
        "rocks",
        "blockfall",
        "minefield",
        "chasers",
        "horde",
        "shooter",
    },
}
