"""The toys group of genres: whack-a-mole, typing, rhythm, idle clicker, fishing.

Each is one self-contained part on an open field (family "toy"): it draws its own world and
takes no lent parts (no player to collect power-ups or dodge chasers). Two genres of which
one is a toy make a real hybrid only where the rules meet (``TOY_HYBRIDS``); any other pair
plays the toy genre named first with a timer, and says so.
"""

from __future__ import annotations

from studio.designer.recipe_base import PartUse, Recipe, _use

RECIPES_TOYS: dict[str, Recipe] = {
    "whackamole": Recipe(
        "toy",
        (_use("moles"),),
        lives=5,
        description="a whack-a-mole game",
    ),
    "typing": Recipe(
        "toy",
        (_use("typing"),),
        description="a typing game of falling words",
    ),
    "rhythm": Recipe(
        "toy",
        (_use("rhythm"),),
        lives=5,
        description="a rhythm game of notes falling in lanes",
    ),
    "clicker": Recipe(
        "toy",
        (_use("clicker"),),
        lives=0,
        description="an idle clicker with upgrades",
    ),
    "fishing": Recipe(
        "toy",
        (_use("fishing"),),
        lives=3,
        description="a fishing game",
    ),
}

#: frozenset of two genre keys -> (base genre, parts, what the "understood" line says).
TOY_HYBRIDS: dict[frozenset[str], tuple[str, tuple[PartUse, ...], str]] = {
    frozenset(("typing", "invaders")): (
        "typing",
        (_use("typing", typing_cannon=True),),
        "the falling words are the invaders: a cannon shoots each letter you type at its word",
    ),
    frozenset(("whackamole", "minesweeper")): (
        "whackamole",
        (_use("moles", bomb_chance=0.2),),
        "mines pop up with the moles: whacking one blows up and costs a life",
    ),
}
