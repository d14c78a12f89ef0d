"""Prompts for every genre and the hybrids the designer is tested on."""

from __future__ import annotations

import itertools

#: genre key -> a prompt naming it.
GENRE_PROMPTS: dict[str, str] = {
    "tetris": "a tetris game",
    "match3": "a bejeweled style match-3",
    "snake": "classic snake",
    "breakout": "breakout, like arkanoid",
    "pong": "pong against the computer",
    "invaders": "space invaders",
    "asteroids": "asteroids",
    "flappy": "flappy bird",
    "runner": "an endless runner",
    "maze": "pac-man in a maze",
    "2048": "2048",
    "minesweeper": "minesweeper",
    "memory": "memory card matching",
    "arcade": "something fun with a cat",
    # -- arcade genres --
    "lander": "lunar lander",
    "frogger": "frogger",
    "missile": "missile command",
    "topdown": "top-down shooter",
    "tanks": "tank battle",
    # -- toys genres --
    "whackamole": "whack-a-mole",
    "typing": "a typing game",
    "rhythm": "a rhythm game",
    "clicker": "an idle clicker",
    "fishing": "a fishing game",
}
NAMED = {k: v for k, v in GENRE_PROMPTS.items() if k != "arcade"}
#: The short names used to build hybrid prompts.
SHORT: dict[str, str] = {
    "tetris": "tetris",
    "match3": "bejeweled",
    "snake": "snake",
    "breakout": "breakout",
    "pong": "pong",
    "invaders": "space invaders",
    "asteroids": "asteroids",
    "flappy": "flappy bird",
    "runner": "endless runner",
    "maze": "pac-man",
    "2048": "2048",
    "minesweeper": "minesweeper",
    "memory": "memory cards",
    # -- arcade genres --
    "lander": "lunar lander",
    "frogger": "frogger",
    "missile": "missile command",
    "topdown": "top-down shooter",
    "tanks": "tank battle",
}
#: Every ordered pair of two recognised genres.
ALL_PAIRS: list[tuple[str, str]] = list(itertools.permutations(SHORT, 2))
#: The hybrids that are played for real in the slower tests.
FEATURED_HYBRIDS: list[str] = [
    "a game that mixes Tetris and Bejeweled",
    "snake meets breakout",
    "tetris crossed with 2048",
    "pong with breakout bricks",
    "breakout versus pong",
    "asteroids meets space invaders",
    "flappy bird with asteroids",
    "endless runner with space invaders",
    "pac-man meets asteroids",
    "snake on a minesweeper field",
    "space invaders + tetris",
    "bejeweled snake",
    "2048 flappy bird",
    "memory cards and an endless runner",
    "minesweeper and memory",
    "pac-man with breakout",
    # -- arcade genres --
    "asteroids but you land on the moon",
    "tank battle meets top-down shooter",
    "frogger with asteroids",
]


def pair_prompt(a: str, b: str) -> str:
    return f"{SHORT[a]} meets {SHORT[b]}"


def all_prompts() -> list[str]:
    """Every genre and every ordered pair."""
    return list(GENRE_PROMPTS.values()) + [pair_prompt(a, b) for a, b in ALL_PAIRS]
