"""The shape of a recipe: the parts that make a genre, shared by every recipes table."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

#: A part with parameter overrides, e.g. ("pickups", {"pickup_style": "gem"}).
PartUse = tuple[str, dict[str, Any]]


@dataclass(frozen=True)
class Recipe:
    family: str  # "board" | "field"
    parts: tuple[PartUse, ...]  # the genre on its own
    mods: tuple[PartUse, ...] = ()  # what it lends to a field game it is mixed into
    rule: str | None = None  # the clearing rule it lends to a board game with falling pieces
    lives: int = 3
    scrolls: bool = False
    description: str = ""
    overrides: dict[str, Any] = field(default_factory=dict)


def _use(name: str, **over: Any) -> PartUse:
    return (name, over)
