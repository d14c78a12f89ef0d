"""The names people give the arcade-machine genres (issue 18, group `arcade`); merged into
``lexicon.GENRES`` (genre key -> (human name, phrases that name it))."""

from __future__ import annotations

GENRES_ARCADE: dict[str, tuple[str, tuple[str, ...]]] = {
    "lander": (
        "lunar lander",
        (
            "lunar lander",
            "lunar landing",
            "moon lander",
            "moon landing",
            "lander",
            "land on the moon",
            "land on the pad",
            "landing pad",
            "land the rocket",
            "land a rocket",
            "land the spaceship",
            "land a spaceship",
            "land the ship",
        ),
    ),
    "frogger": (
        "frogger",
        (
            "frogger",
            "frog crossing",
            "cross the road",
            "crossing the road",
            "road crossing",
            "crossy road",
            "cross the river",
            "hop across",
            "crossy",
        ),
    ),
    "missile": (
        "missile command",
        (
            "missile command",
            "missile defence",
            "missile defense",
            "anti-missile",
            "defend the cities",
            "defend your cities",
            "defend the city",
            "incoming missiles",
            "nukes",
        ),
    ),
    "topdown": (
        "top-down shooter",
        (
            "top-down shooter",
            "top down shooter",
            "topdown shooter",
            "twin-stick shooter",
            "twin stick shooter",
            "twin-stick",
            "arena shooter",
            "zombie shooter",
            "survive the waves",
            "wave survival",
            "waves of zombies",
            "waves of enemies",
            "robotron",
            "smash tv",
        ),
    ),
    "tanks": (
        "tank battle",
        (
            "tank battle",
            "tank game",
            "tank war",
            "tank duel",
            "battle city",
            "tanks",
            "tank combat",
        ),
    ),
}
