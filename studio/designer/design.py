"""A game design: the small data structure the templates turn into a program."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

RGB = tuple[int, int, int]


@dataclass
class Palette:
    background: RGB
    panel: RGB
    grid: RGB
    text: RGB
    dim: RGB
    accent: RGB
    player: RGB
    danger: RGB
    pieces: list[RGB]


@dataclass
class Arena:
    """Where the game happens: a board of cells or an open field, inside the window."""

    kind: str  # "board" | "field"
    width: int  # window size
    height: int
    cols: int = 0  # board only
    rows: int = 0
    cell: int = 0


@dataclass
class Entity:
    """One kind of game object: it becomes one class in the program."""

    name: str  # the class name
    role: str  # "player" | "enemy" | "pickup" | "projectile" | "board" | "obstacle" | ...
    part: str  # the mechanic part that defines it


@dataclass
class Spawner:
    what: str
    every: float  # seconds between spawns (0: on demand, e.g. a new wave)
    limit: int = 0


@dataclass
class Control:
    keys: str
    action: str


@dataclass
class Rules:
    scoring: list[str] = field(default_factory=list)
    clearing: list[str] = field(default_factory=list)
    winning: str = ""
    losing: str = ""
    lives: int = 0  # 0: the game does not use lives
    time_limit: int = 0  # seconds, 0: no timer
    levels: bool = True


@dataclass
class Design:
    """Everything the renderer needs; ``summary()`` is the JSON-able view kept with a reply."""

    title: str
    tagline: str
    prompt: str
    seed: int
    genres: list[str]
    understood: str
    arena: Arena
    palette: Palette
    parts: list[str]  # mechanic parts, in composition order
    entities: list[Entity] = field(default_factory=list)
    spawners: list[Spawner] = field(default_factory=list)
    controls: list[Control] = field(default_factory=list)
    rules: Rules = field(default_factory=Rules)
    params: dict[str, Any] = field(default_factory=dict)
    extras: list[str] = field(default_factory=list)  # optional mechanics this seed added

    @property
    def genre(self) -> str:
        return "+".join(self.genres)

    def has(self, part: str) -> bool:
        return part in self.parts

    def summary(self) -> dict[str, Any]:
        data = asdict(self)
        data["genre"] = self.genre
        return data
