"""The offline designer: reads a sentence, composes a design, renders a pygame program.

>>> from studio.designer import make_game, describe
>>> game = make_game("a game that mixes tetris and bejeweled", seed=1)
>>> game.code  # one file of pygame, following the game contract
"""

from __future__ import annotations

from dataclasses import dataclass

from studio.designer.builder import build_design, understood_line
from studio.designer.design import Design
from studio.designer.reading import Understanding, read_prompt
from studio.designer.render import render

__all__ = ["Game", "Design", "Understanding", "describe", "design_for", "make_game", "read_prompt"]


@dataclass
class Game:
    """A designed and rendered game."""

    code: str
    design: Design

    @property
    def title(self) -> str:
        return self.design.title


def describe(prompt: str) -> str:
    """The "understood: ..." line for ``prompt``: genres, theme, colours, how they combine."""
    return understood_line(read_prompt(prompt))


def design_for(prompt: str, seed: int = 0) -> Design:
    """The design the designer makes for ``prompt`` with ``seed``."""
    return build_design(read_prompt(prompt), seed)


def make_game(prompt: str, seed: int = 0) -> Game:
    """Design and render a game; the same prompt and seed give the same code."""
    design = design_for(prompt, seed)
    return Game(code=render(design), design=design)
