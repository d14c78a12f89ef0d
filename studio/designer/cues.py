"""Cue words: what suggests a genre when a prompt names none ("a game where you catch fish"
is a fishing game). Read by ``reading.closest_genre``."""

from __future__ import annotations

#: genre key -> words that suggest it when a prompt names no genre ("a game where you catch
#: fish" -> fishing): its theme, verbs and objects. A phrase of two or more words counts
#: twice; a genre needs two to be chosen, so one stray word ("fish") decides nothing. A key
#: that is not a registered genre at run time is skipped: add a line per genre.
CUES: dict[str, tuple[str, ...]] = {
    "tictactoe": ("noughts", "crosses", "x and o", "xs and os", "three in a row", "grid of nine"),
    "connect4": ("discs", "disc", "drop discs", "four in a row", "connect", "columns", "tokens"),
    "sokoban": (
        "push",
        "pushing",
        "boxes",
        "crates",
        "crate",
        "warehouse",
        "push boxes",
        "storage",
    ),
    "fifteen": ("sliding", "slide", "tiles", "scrambled", "shuffled", "fifteen", "picture puzzle"),
    "solitaire": ("cards", "deck", "patience", "klondike", "suits", "aces", "deal", "pile"),
    "frogger": ("cross the road", "road", "traffic", "cars", "logs", "river", "frog", "hop"),
    "missile": (
        "missiles",
        "missile",
        "cities",
        "city",
        "incoming",
        "intercept",
        "nukes",
        "defend",
    ),
    "lander": ("land", "landing", "moon", "lunar", "touch down", "thrust", "fuel", "gently"),
    "tanks": ("tank", "tanks", "artillery", "cannon", "turret", "battlefield", "army", "shells"),
    "topdown": (
        "zombies",
        "horde",
        "survive",
        "top-down",
        "top down",
        "twin stick",
        "waves",
        "gun",
    ),
    "pinball": ("flippers", "flipper", "bumpers", "bumper", "plunger", "ball", "tilt", "table"),
    "bubbles": ("bubbles", "bubble", "pop", "popping", "aim", "colours", "colors", "cluster"),
    "racing": ("race", "racing", "car", "cars", "laps", "lap", "track", "drive", "driving", "kart"),
    "golf": ("golf", "putt", "putting", "hole in one", "par", "club", "course", "holes"),
    "towers": ("towers", "tower", "defend", "guard", "castle", "waves", "path", "protect"),
    # -- toys genres --
    "whackamole": ("mole", "moles", "whack", "hammer", "bonk", "holes", "pop up", "bop"),
    "rhythm": ("music", "beat", "beats", "notes", "song", "dance", "drums", "guitar", "tempo"),
    "typing": ("type", "typing", "keyboard", "letters", "words", "spell", "spelling", "letter"),
    "clicker": (
        "click",
        "clicking",
        "tap",
        "upgrades",
        "upgrade",
        "idle",
        "money",
        "earn",
        "cookie",
    ),
    "fishing": ("fish", "catch", "catching", "rod", "reel", "bait", "hook", "lake", "pond", "cast"),
}
