"""Colour palettes: one family per theme, varied by the seed, bent by named colours."""

from __future__ import annotations

import colorsys
import random

from studio.designer.design import RGB, Palette
from studio.designer.lexicon import COLOURS

#: theme -> (background, panel, accent hue list). Pieces are spread around the hue list.
THEME_BASES: dict[str, tuple[RGB, RGB, list[float]]] = {
    "space": ((8, 10, 28), (24, 28, 60), [0.58, 0.75, 0.12, 0.95, 0.45, 0.3]),
    "ocean": ((6, 30, 48), (14, 54, 80), [0.5, 0.55, 0.42, 0.12, 0.95, 0.62]),
    "forest": ((14, 32, 18), (30, 58, 34), [0.3, 0.16, 0.08, 0.9, 0.55, 0.42]),
    "candy": ((44, 18, 42), (80, 40, 78), [0.92, 0.83, 0.12, 0.5, 0.3, 0.02]),
    "neon": ((10, 6, 20), (36, 20, 56), [0.85, 0.5, 0.15, 0.33, 0.0, 0.68]),
    "lava": ((30, 8, 6), (62, 20, 14), [0.02, 0.08, 0.14, 0.95, 0.6, 0.18]),
    "ice": ((18, 30, 46), (40, 60, 84), [0.55, 0.6, 0.5, 0.7, 0.85, 0.15]),
    "spooky": ((16, 10, 22), (40, 26, 48), [0.08, 0.78, 0.3, 0.0, 0.14, 0.6]),
    "desert": ((48, 34, 18), (84, 62, 34), [0.1, 0.06, 0.55, 0.02, 0.15, 0.35]),
    "classic": ((16, 18, 26), (36, 40, 56), [0.0, 0.08, 0.15, 0.33, 0.55, 0.75, 0.85]),
}


def _hsv(h: float, s: float, v: float) -> RGB:
    r, g, b = colorsys.hsv_to_rgb(h % 1.0, s, v)
    return (int(r * 255), int(g * 255), int(b * 255))


def _mix(a: RGB, b: RGB, t: float) -> RGB:
    return (
        int(a[0] + (b[0] - a[0]) * t),
        int(a[1] + (b[1] - a[1]) * t),
        int(a[2] + (b[2] - a[2]) * t),
    )


def make_palette(theme: str | None, colours: list[str], rng: random.Random, kinds: int) -> Palette:
    """A palette for ``theme`` with at least ``kinds`` piece colours."""
    background, panel, hues = THEME_BASES.get(theme or "classic", THEME_BASES["classic"])
    shift = rng.uniform(-0.04, 0.04)
    sat = rng.uniform(0.55, 0.8)
    hues = list(hues)
    rng.shuffle(hues)
    pieces = [_hsv(h + shift, sat, rng.uniform(0.85, 0.98)) for h in hues]
    # More kinds than hues: spread extra hues evenly.
    while len(pieces) < kinds:
        pieces.append(_hsv(len(pieces) * 0.137 + shift, sat, 0.9))
    named = [COLOURS[c] for c in colours]
    if named:
        # Named colours lead the pieces and tint the field.
        pieces = named + [p for p in pieces if p not in named]
        while len(pieces) < kinds:
            pieces.append(_hsv(len(pieces) * 0.211, sat, 0.9))
        background = _mix(background, named[0], 0.12)
        panel = _mix(panel, named[0], 0.25)
    accent = named[0] if named else _hsv(hues[0] + shift + 0.5, 0.6, 1.0)
    player = named[1] if len(named) > 1 else _hsv(hues[-1] + shift, 0.45, 1.0)
    # Keep foreground readable on dark backgrounds.
    if sum(background) > 360:
        background = _mix(background, (0, 0, 0), 0.7)
    return Palette(
        background=background,
        panel=panel,
        grid=_mix(panel, (255, 255, 255), 0.15),
        text=(235, 235, 240),
        dim=(150, 150, 165),
        accent=accent if sum(accent) > 200 else _mix(accent, (255, 255, 255), 0.5),
        player=player if sum(player) > 200 else _mix(player, (255, 255, 255), 0.5),
        danger=(235, 70, 70),
        pieces=pieces[: max(kinds, 6)],
    )
