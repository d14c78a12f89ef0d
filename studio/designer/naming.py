"""Titles and taglines for designs."""

from __future__ import annotations

import random

from studio.designer.recipes import RECIPES

#: Whole titles for pairs that deserve their own name (key: sorted genres).
PAIR_TITLES: dict[tuple[str, ...], list[str]] = {
    ("match3", "tetris"): ["Gem Fall", "Jewel Stack", "Crystal Cascade", "Gemfall Tower"],
    ("2048", "tetris"): ["Number Drop", "Double Stack", "Merge Fall"],
    ("breakout", "snake"): ["Brick Serpent", "Snake Breaker", "Viper Bricks"],
    ("breakout", "pong"): ["Brick Duel", "Paddle War", "Court Breaker"],
    ("minesweeper", "tetris"): ["Mine Drop", "Fuse Stack", "Blast Blocks"],
    ("match3", "minesweeper"): ["Gem Mines", "Jewel Fuse", "Blast Swap"],
    ("2048", "match3"): ["Number Swap", "Triple Merge", "Match Double"],
    # -- board genres --
    ("maze", "sokoban"): ["Haunted Warehouse", "Ghost Crates", "Spooky Shove"],
    # -- toys genres --
    ("invaders", "typing"): ["Word Invaders", "Letter Attack", "Type Defender"],
    ("minesweeper", "whackamole"): ["Mole Mines", "Whack Fuse", "Blast Burrow"],
    # -- physics genres --
    ("breakout", "pinball"): ["Brick Flipper", "Pinbreaker", "Bumper Bricks"],
    ("bubbles", "minesweeper"): ["Bubble Mines", "Fuse Pop", "Blast Bobble"],
}
PREFIX: dict[str, list[str]] = {
    "tetris": ["Block", "Stack", "Tetra"],
    "match3": ["Gem", "Jewel", "Crystal"],
    "2048": ["Number", "Double", "Merge"],
    "minesweeper": ["Mine", "Sweeper", "Fuse"],
    "memory": ["Memory", "Twin", "Recall"],
    "snake": ["Serpent", "Viper", "Slither"],
    "breakout": ["Brick", "Smash", "Breaker"],
    "pong": ["Paddle", "Rally", "Volley"],
    "invaders": ["Invader", "Star", "Laser"],
    "asteroids": ["Rock", "Meteor", "Astro"],
    "flappy": ["Flap", "Wing", "Glide"],
    "runner": ["Dash", "Sprint", "Leap"],
    "maze": ["Maze", "Ghost", "Pellet"],
    "arcade": ["Arcade", "Dodge", "Collect"],
    # -- board genres --
    "tictactoe": ["Noughts", "Cross", "Tic"],
    "connect4": ["Disc", "Drop", "Four"],
    "sokoban": ["Crate", "Box", "Warehouse"],
    "fifteen": ["Slide", "Fifteen", "Shift"],
    "solitaire": ["Klondike", "Patience", "Royal"],
    # -- arcade genres --
    "lander": ["Lunar", "Moon", "Touchdown"],
    "frogger": ["Hop", "Leap", "Lily"],
    "missile": ["Missile", "City", "Sky"],
    "topdown": ["Arena", "Horde", "Siege"],
    "tanks": ["Tank", "Armour", "Steel"],
    # -- toys genres --
    "whackamole": ["Mole", "Whack", "Bonk"],
    "typing": ["Word", "Letter", "Type"],
    "rhythm": ["Beat", "Groove", "Tempo"],
    "clicker": ["Coin", "Tap", "Idle"],
    "fishing": ["Reel", "Bait", "Hook"],
    # -- physics genres --
    "golf": ["Putt", "Fairway", "Birdie"],
    "bubbles": ["Bubble", "Fizz", "Bobble"],
    "towers": ["Tower", "Turret", "Bastion"],
    "pinball": ["Flipper", "Bumper", "Silver"],
    "racing": ["Turbo", "Circuit", "Nitro"],
}
SUFFIX: dict[str, list[str]] = {
    "tetris": ["Drop", "Stack", "Fall"],
    "match3": ["Swap", "Rush", "Match"],
    "2048": ["Merge", "Tiles", "Double"],
    "minesweeper": ["Sweep", "Field", "Mines"],
    "memory": ["Pairs", "Recall", "Twins"],
    "snake": ["Snake", "Trail", "Coil"],
    "breakout": ["Breaker", "Bricks", "Smash"],
    "pong": ["Pong", "Rally", "Volley"],
    "invaders": ["Invaders", "Attack", "Defender"],
    "asteroids": ["Storm", "Drift", "Belt"],
    "flappy": ["Flight", "Flap", "Wings"],
    "runner": ["Run", "Dash", "Rush"],
    "maze": ["Maze", "Chase", "Haunt"],
    "arcade": ["Frenzy", "Scramble", "Rush"],
    # -- board genres --
    "tictactoe": ["Tac Toe", "Crosses", "Grid"],
    "connect4": ["Connect", "Four", "Row"],
    "sokoban": ["Pusher", "Keeper", "Shove"],
    "fifteen": ["Puzzle", "Tiles", "Square"],
    "solitaire": ["Solitaire", "Deal", "Patience"],
    # -- arcade genres --
    "lander": ["Lander", "Landing", "Descent"],
    "frogger": ["Crossing", "Hopper", "Home"],
    "missile": ["Command", "Defence", "Shield"],
    "topdown": ["Survivor", "Waves", "Stand"],
    "tanks": ["Battle", "Siege", "Front"],
    # -- toys genres --
    "whackamole": ["Whacker", "Mayhem", "Panic"],
    "typing": ["Rain", "Storm", "Blitz"],
    "rhythm": ["Hero", "Fever", "Lanes"],
    "clicker": ["Empire", "Tycoon", "Clicker"],
    "fishing": ["Catch", "Angler", "Lake"],
    # -- physics genres --
    "golf": ["Golf", "Greens", "Links"],
    "bubbles": ["Pop", "Burst", "Blast"],
    "towers": ["Defense", "Siege", "Hold"],
    "pinball": ["Pinball", "Tilt", "Wizard"],
    "racing": ["Racer", "Rally", "Grand Prix"],
}
THEME_WORDS: dict[str, list[str]] = {
    "space": ["Cosmic", "Orbital", "Galactic"],
    "ocean": ["Deep Sea", "Coral", "Tidal"],
    "forest": ["Forest", "Wild", "Mossy"],
    "candy": ["Candy", "Sugar", "Sweet"],
    "neon": ["Neon", "Retro", "Pixel"],
    "lava": ["Lava", "Ember", "Inferno"],
    "ice": ["Frost", "Glacier", "Snowy"],
    "spooky": ["Haunted", "Spooky", "Midnight"],
    "desert": ["Desert", "Dune", "Sandy"],
}
THEME_PLACES: dict[str, str] = {
    "space": "in deep space",
    "ocean": "under the sea",
    "forest": "in the forest",
    "candy": "in a candy land",
    "neon": "in neon light",
    "lava": "over the lava",
    "ice": "on the ice",
    "spooky": "on a haunted night",
    "desert": "in the desert",
}


def _same_word(a: str, b: str) -> bool:
    """Do two title words share a stem ("Invader"/"Invaders", "Smash"/"Smash")?"""
    a, b = a.lower(), b.lower()
    return a.startswith(b[:5]) or b.startswith(a[:5])


def title_for(
    genres: list[str], theme: str | None, rng: random.Random, subject: str | None = None
) -> str:
    """A title for the genres; one that names the prompt's subject when there is one."""
    key = tuple(sorted(genres))
    if subject:
        suffix = SUFFIX[genres[-1]] if len(genres) >= 2 else SUFFIX[genres[0]]
        first = subject.title()
        second = rng.choice([w for w in suffix if not _same_word(first, w)] or suffix)
        return f"{first} {second}"
    if key in PAIR_TITLES:
        title = rng.choice(PAIR_TITLES[key])
    elif len(genres) >= 2:
        title = f"{rng.choice(PREFIX[genres[0]])} {rng.choice(SUFFIX[genres[1]])}"
    else:
        first, second = rng.choice(PREFIX[genres[0]]), rng.choice(SUFFIX[genres[0]])
        if _same_word(first, second):  # not "Invader Invaders" or "Stack Stack"
            second = next(w for w in SUFFIX[genres[0]] if not _same_word(first, w))
        title = f"{first} {second}"
    if theme in THEME_WORDS and rng.random() < 0.7:
        title = f"{rng.choice(THEME_WORDS[theme])} {title}"
    return title


def tagline_for(genres: list[str], theme: str | None) -> str:
    line = RECIPES[genres[0]].description
    if len(genres) >= 2:
        line += " crossed with " + RECIPES[genres[1]].description
    if theme in THEME_PLACES:
        line += " " + THEME_PLACES[theme]
    return line
