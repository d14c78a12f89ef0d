"""Helpers for the board group's tests: the prompts that name each genre, and a designer
game loaded on the dummy display to be played through its own ``Game`` class."""

from __future__ import annotations

import random
from collections.abc import Iterator
from typing import Any

import pygame
import pytest

from studio.designer import make_game

#: genre -> prompts that name it (common names, spellings and descriptions).
NAMES: dict[str, list[str]] = {
    "tictactoe": [
        "tic tac toe",
        "tic-tac-toe against the computer",
        "noughts and crosses",
        "a game of Xs and Os",
        "naughts and crosses on a 3x3 grid",
    ],
    "connect4": ["connect four", "Connect 4 in neon", "4 in a row", "a four-in-a-row game"],
    "sokoban": ["sokoban", "a box pushing puzzle", "push crates in a warehouse", "Soko-ban"],
    "fifteen": ["a sliding puzzle", "the 15 puzzle", "8-puzzle", "a sliding tile puzzle"],
    "solitaire": ["solitaire", "Klondike", "a game of patience", "drag and drop cards"],
}
#: genre -> the prompt its verifier and contract tests use.
PROMPTS: dict[str, str] = {
    "tictactoe": "noughts and crosses against the computer",
    "connect4": "connect four",
    "sokoban": "sokoban with several levels",
    "fifteen": "a sliding puzzle",
    "solitaire": "klondike solitaire",
}

#: The real hybrid of the group: sokoban with the maze's ghosts.
HYBRID = "pac-man meets sokoban"


@pytest.fixture(name="display")
def display_fixture(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """pygame on the dummy display (tests import this and ask for ``display``)."""
    monkeypatch.setenv("SDL_VIDEODRIVER", "dummy")
    monkeypatch.setenv("SDL_AUDIODRIVER", "dummy")
    pygame.init()
    yield
    pygame.quit()


class Played:
    """One designer game, loaded (our own output) on the dummy display and started."""

    def __init__(self, prompt: str, seed: int) -> None:
        self.space: dict[str, Any] = {"__name__": "designer_game"}
        code = make_game(prompt, seed).code
        exec(compile(code, "<game>", "exec"), self.space)  # noqa: S102 - our own output
        self.screen = pygame.display.set_mode((self.space["SCREEN_W"], self.space["SCREEN_H"]))
        self.game = self.space["Game"]()
        self.game.start()
        random.seed(seed)

    def __getattr__(self, name: str) -> Any:
        return self.space[name]

    def run(self, seconds: float) -> None:
        for _ in range(round(seconds * 60)):
            self.game.update(1 / 60)
            self.game.draw(self.screen)

    def picture(self) -> bytes:
        return pygame.image.tobytes(self.screen, "RGB")
