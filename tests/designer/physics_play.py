"""What the physics genres' tests share: prompts naming each genre, the hybrids played for
real, and starting a game's own ``Game`` headless."""

from __future__ import annotations

import random
from typing import Any

import pygame

from studio.designer import make_game

PROMPTS: dict[str, list[str]] = {
    "golf": ["mini golf", "crazy golf with windmills", "a putt-putt game", "a hole in one game"],
    "bubbles": ["bubble shooter", "a puzzle bobble clone", "pop bubbles in space", "bust-a-move"],
    "towers": ["tower defense", "a tower defence game with zombies", "bloons", "defend the castle"],
    "pinball": ["pinball", "a pin-ball table with bumpers", "space cadet pinball", "a pin ball"],
    "racing": ["a top-down racing game", "go-kart racing", "micro machines", "a driving game"],
}
#: Hybrids with the existing genres that are played for real.
HYBRIDS: list[str] = [
    "crazy golf with ghosts",
    "bubble shooter with power-ups",
    "tower defense meets pac-man",
    "pinball with power-ups",
    "racing meets pac-man",
    "pinball meets breakout",
    "a racing game with coins",
    "bubble shooter meets minesweeper",
]


def start(prompt: str, seed: int) -> tuple[dict[str, Any], Any]:
    """The game's module namespace and its ``Game``, started (on a dummy display)."""
    space: dict[str, Any] = {"__name__": "designer_game"}
    exec(compile(make_game(prompt, seed).code, "<game>", "exec"), space)  # noqa: S102 - our own output
    pygame.display.set_mode((space["SCREEN_W"], space["SCREEN_H"]))
    random.seed(seed)  # the game's own randomness (courses, boards, tracks), the same each run
    game = space["Game"]()
    game.start()
    game.invulnerable = 0.0
    return space, game


def run(game: Any, seconds: float) -> None:
    for _ in range(int(seconds * 60)):
        game.update(1 / 60)
