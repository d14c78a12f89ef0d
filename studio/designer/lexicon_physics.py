"""The names and phrases of the physics group's genres (merged into ``lexicon.GENRES``).

Phrases are matched on word boundaries. Words that often name something else ("bubbles" of a
fish, a seal's "flippers", castle "towers", asteroids "drifting") are left out: a prompt with
them keeps its own genre instead of turning into a hybrid.
"""

from __future__ import annotations

#: genre key -> (human name, phrases that name it).
GENRES_PHYSICS: dict[str, tuple[str, tuple[str, ...]]] = {
    "golf": (
        "mini golf",
        (
            "mini golf",
            "minigolf",
            "mini-golf",
            "crazy golf",
            "putt putt",
            "putt-putt",
            "hole in one",
            "golf",
        ),
    ),
    "bubbles": (
        "bubble shooter",
        (
            "bubble shooter",
            "bubble shooting",
            "bubble popper",
            "bubble pop",
            "pop bubbles",
            "popping bubbles",
            "puzzle bobble",
            "bust-a-move",
            "bust a move",
            "bubble witch",
            "shoot bubbles",
        ),
    ),
    "towers": (
        "tower defense",
        (
            "tower defense",
            "tower defence",
            "tower-defense",
            "tower-defence",
            "td game",
            "bloons",
            "kingdom rush",
            "defend the base",
            "defend your base",
            "defend the castle",
            "castle defense",
            "castle defence",
            "place towers",
            "build towers",
            "tower game",
        ),
    ),
    "pinball": (
        "pinball",
        (
            "pinball",
            "pin ball",
            "pin-ball",
            "pinball machine",
            "space cadet",
        ),
    ),
    "racing": (
        "top-down racing",
        (
            "racing",
            "racer",
            "race car",
            "race cars",
            "racecar",
            "car race",
            "car racing",
            "kart",
            "karts",
            "go-kart",
            "micro machines",
            "grand prix",
            "formula 1",
            "race track",
            "racetrack",
            "driving game",
            "car game",
        ),
    ),
}
