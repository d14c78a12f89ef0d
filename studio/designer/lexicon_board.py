"""The names of the board group's genres: tic-tac-toe, connect four, sokoban, the sliding
puzzle and solitaire. ``lexicon.GENRES`` takes them in."""

from __future__ import annotations

#: genre key -> (human name, phrases that name it), as in ``lexicon.GENRES``.
GENRES_BOARD: dict[str, tuple[str, tuple[str, ...]]] = {
    "tictactoe": (
        "tic-tac-toe",
        (
            "tic-tac-toe",
            "tic tac toe",
            "tictactoe",
            "noughts and crosses",
            "naughts and crosses",
            "noughts & crosses",
            "xs and os",
            "x's and o's",
        ),
    ),
    "connect4": (
        "connect four",
        (
            "connect four",
            "connect 4",
            "connect-four",
            "connect-4",
            "four in a row",
            "4 in a row",
            "four-in-a-row",
            "drop discs",
            "dropping discs",
            "captain's mistress",
        ),
    ),
    "sokoban": (
        "sokoban",
        (
            "sokoban",
            "soko-ban",
            "box pushing",
            "box-pushing",
            "push boxes",
            "pushing boxes",
            "push the boxes",
            "push crates",
            "pushing crates",
            "crate pushing",
            "warehouse keeper",
        ),
    ),
    "fifteen": (
        "sliding puzzle",
        (
            "sliding puzzle",
            "slide puzzle",
            "sliding-tile puzzle",
            "sliding tile puzzle",
            "sliding block puzzle",
            "15 puzzle",
            "15-puzzle",
            "fifteen puzzle",
            "8 puzzle",
            "8-puzzle",
            "eight puzzle",
            "n-puzzle",
            "gem puzzle",
            "tile puzzle",
        ),
    ),
    "solitaire": (
        "solitaire",
        (
            "solitaire",
            "solitare",
            "klondike",
            "patience",
            "card solitaire",
            "solitaire card game",
            "drag and drop cards",
            "drag cards",
        ),
    ),
}
