"""What a mechanic part brings to a design: its entities, controls and rule text."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class PartInfo:
    entities: tuple[tuple[str, str], ...] = ()  # (class name, role)
    controls: tuple[tuple[str, str], ...] = ()  # (keys, action)
    scoring: tuple[str, ...] = ()
    clearing: tuple[str, ...] = ()
    losing: str = ""
    player: bool = False  # defines self.player (one per field design)
    family: str = "field"  # "board" | "field"
    spawns: tuple[tuple[str, str], ...] = field(default_factory=tuple)  # (what, every param)
