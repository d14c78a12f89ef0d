"""Pictures of subjects drawn with shapes: each builder returns a list of primitives that the
generated program's ``draw_sprite`` scales into any box.

A primitive is a tuple whose first two items are its kind and its colour, then its numbers in
the unit box (0..1 across and down):

- ``("e", colour, x, y, w, h)`` an ellipse, ``("r", colour, x, y, w, h)`` a rounded box;
- ``("c", colour, cx, cy, r)`` a circle (``r`` a share of the box's smaller side);
- ``("p", colour, ((x, y), ...))`` a polygon; ``("l", colour, (x, y), (x, y), w)`` a line.

A colour is ``"m"`` (the subject's own), ``"l"`` / ``"d"`` (lighter / darker of it), ``"w"``
(white), ``"k"`` (near black), or an RGB tuple.
"""

from __future__ import annotations

from typing import Any

Shape = tuple[Any, ...]
RGB = tuple[int, int, int]

PINK: RGB = (245, 150, 170)
YELLOW: RGB = (245, 210, 70)
ORANGE: RGB = (240, 140, 50)
GREEN: RGB = (80, 185, 90)
BROWN: RGB = (130, 90, 55)
RED: RGB = (220, 60, 60)
SKIN: RGB = (240, 200, 160)
GREY: RGB = (150, 155, 165)


def eyes(y: float = 0.32, apart: float = 0.14, size: float = 0.09) -> list[Shape]:
    return [
        ("c", "w", 0.5 - apart, y, size),
        ("c", "w", 0.5 + apart, y, size),
        ("c", "k", 0.5 - apart + 0.02, y + 0.01, size * 0.5),
        ("c", "k", 0.5 + apart + 0.02, y + 0.01, size * 0.5),
    ]


def critter(ears: str, snout: Any = None, tail: bool = True) -> list[Shape]:
    """A four-legged animal seen from the front: body, head, ears, eyes."""
    out: list[Shape] = []
    if tail:
        out.append(("l", "d", (0.8, 0.75), (0.97, 0.5), 0.08))
    out.append(("e", "m", 0.15, 0.45, 0.7, 0.5))
    if ears == "pointy":
        out += [("p", "m", ((0.2, 0.3), (0.25, 0.02), (0.42, 0.2))),
                ("p", "m", ((0.8, 0.3), (0.75, 0.02), (0.58, 0.2)))]  # fmt: skip
    elif ears == "round":
        out += [("c", "d", 0.27, 0.14, 0.12), ("c", "d", 0.73, 0.14, 0.12)]
    elif ears == "long":
        out += [("e", "m", 0.28, 0.0, 0.14, 0.35), ("e", "m", 0.58, 0.0, 0.14, 0.35)]
    elif ears == "floppy":
        out += [("e", "d", 0.14, 0.15, 0.16, 0.32), ("e", "d", 0.7, 0.15, 0.16, 0.32)]
    out.append(("c", "m", 0.5, 0.35, 0.28))
    out += eyes()
    if snout is not None:
        out.append(("e", snout, 0.38, 0.4, 0.24, 0.14))
    out.append(("c", "k", 0.5, 0.43, 0.04))
    return out


def frog() -> list[Shape]:
    return [
        ("e", "d", 0.05, 0.6, 0.3, 0.3),
        ("e", "d", 0.65, 0.6, 0.3, 0.3),
        ("e", "m", 0.1, 0.3, 0.8, 0.55),
        ("c", "m", 0.3, 0.28, 0.14),
        ("c", "m", 0.7, 0.28, 0.14),
        ("c", "w", 0.3, 0.26, 0.09),
        ("c", "w", 0.7, 0.26, 0.09),
        ("c", "k", 0.31, 0.27, 0.05),
        ("c", "k", 0.71, 0.27, 0.05),
        ("l", "k", (0.35, 0.62), (0.65, 0.62), 0.04),
    ]


def bird(beak: Any = ORANGE, crest: bool = False, belly: Any = "l") -> list[Shape]:
    out: list[Shape] = [("e", "m", 0.12, 0.25, 0.72, 0.65), ("e", belly, 0.3, 0.5, 0.4, 0.35)]
    out.append(("p", "d", ((0.1, 0.45), (0.4, 0.55), (0.15, 0.75))))
    if crest:
        out.append(("p", "d", ((0.45, 0.28), (0.5, 0.05), (0.6, 0.28))))
    out += [("c", "w", 0.62, 0.4, 0.1), ("c", "k", 0.64, 0.41, 0.05)]
    out.append(("p", beak, ((0.8, 0.45), (1.0, 0.52), (0.8, 0.6))))
    return out


def bug(wings: Any = "w", stripes: bool = False, legs: bool = False) -> list[Shape]:
    out: list[Shape] = []
    if legs:
        for y in (0.45, 0.6, 0.75):
            out += [("l", "k", (0.5, y), (0.02, y - 0.15), 0.05),
                    ("l", "k", (0.5, y), (0.98, y - 0.15), 0.05)]  # fmt: skip
    if wings is not None:
        out += [("e", wings, 0.05, 0.1, 0.42, 0.45), ("e", wings, 0.53, 0.1, 0.42, 0.45)]
    out.append(("e", "m", 0.28, 0.35, 0.44, 0.6))
    if stripes:
        out += [("r", "k", 0.3, 0.55, 0.4, 0.08), ("r", "k", 0.3, 0.72, 0.4, 0.08)]
    out += [("c", "d", 0.5, 0.32, 0.16), ("c", "w", 0.45, 0.3, 0.05), ("c", "w", 0.55, 0.3, 0.05)]
    return out


def fish(fin: bool = False, teeth: bool = False, spout: bool = False) -> list[Shape]:
    out: list[Shape] = [("p", "d", ((0.0, 0.25), (0.25, 0.5), (0.0, 0.75)))]
    out.append(("e", "m", 0.15, 0.25, 0.8, 0.5))
    out.append(("e", "l", 0.35, 0.5, 0.5, 0.2))
    if fin:
        out.append(("p", "d", ((0.4, 0.28), (0.55, 0.0), (0.65, 0.28))))
    if spout:
        out += [("l", (180, 220, 255), (0.6, 0.25), (0.55, 0.02), 0.05),
                ("l", (180, 220, 255), (0.6, 0.25), (0.68, 0.04), 0.05)]  # fmt: skip
    out += [("c", "w", 0.78, 0.42, 0.08), ("c", "k", 0.8, 0.42, 0.04)]
    if teeth:
        out.append(("p", "w", ((0.72, 0.6), (0.76, 0.66), (0.8, 0.6), (0.84, 0.66), (0.88, 0.6))))
    return out


def tentacles(count: int = 4, wavy: bool = True) -> list[Shape]:
    out: list[Shape] = []
    for i in range(count):
        x = 0.2 + i * 0.6 / max(1, count - 1)
        out.append(("l", "d", (x, 0.55), (x + (0.08 if wavy and i % 2 else -0.08), 0.98), 0.07))
    out.append(("e", "m", 0.15, 0.05, 0.7, 0.6))
    out += eyes(0.35, 0.13, 0.08)
    return out


def crab() -> list[Shape]:
    return [
        ("c", "m", 0.12, 0.3, 0.14),
        ("c", "m", 0.88, 0.3, 0.14),
        ("l", "d", (0.2, 0.45), (0.12, 0.35), 0.06),
        ("l", "d", (0.8, 0.45), (0.88, 0.35), 0.06),
        ("l", "d", (0.3, 0.7), (0.1, 0.95), 0.05),
        ("l", "d", (0.7, 0.7), (0.9, 0.95), 0.05),
        ("e", "m", 0.2, 0.4, 0.6, 0.42),
        *eyes(0.42, 0.1, 0.07),
    ]


def shell_critter(shell: Any, head: Any = "m") -> list[Shape]:
    """A snail or a turtle: a low body and a shell on its back."""
    return [
        ("e", head, 0.05, 0.6, 0.9, 0.3),
        ("c", shell, 0.45, 0.45, 0.3),
        ("c", "d", 0.45, 0.45, 0.14),
        ("c", head, 0.85, 0.55, 0.12),
        ("c", "k", 0.88, 0.52, 0.04),
    ]


def reptile(wings: bool = False, spikes: Any = "d") -> list[Shape]:
    """A dinosaur or a dragon, side on."""
    out: list[Shape] = [("p", "m", ((0.0, 0.75), (0.3, 0.55), (0.35, 0.75)))]
    if wings:
        out.append(("p", "d", ((0.35, 0.45), (0.45, 0.0), (0.65, 0.45))))
    out += [
        ("e", "m", 0.25, 0.45, 0.5, 0.4),
        ("p", spikes, ((0.3, 0.5), (0.38, 0.35), (0.46, 0.48), (0.54, 0.33), (0.62, 0.48))),
        ("r", "m", 0.62, 0.2, 0.16, 0.4),
        ("e", "m", 0.62, 0.1, 0.36, 0.24),
        ("c", "w", 0.78, 0.18, 0.07),
        ("c", "k", 0.8, 0.18, 0.035),
        ("r", "d", 0.32, 0.8, 0.1, 0.18),
        ("r", "d", 0.55, 0.8, 0.1, 0.18),
    ]
    return out


def person(body: Any, hat: str = "", face: Any = SKIN) -> list[Shape]:
    out: list[Shape] = [
        ("r", "d", 0.33, 0.78, 0.12, 0.22),
        ("r", "d", 0.55, 0.78, 0.12, 0.22),
        ("r", body, 0.28, 0.4, 0.44, 0.42),
        ("l", body, (0.3, 0.45), (0.12, 0.68), 0.08),
        ("l", body, (0.7, 0.45), (0.88, 0.68), 0.08),
        ("c", face, 0.5, 0.26, 0.17),
        ("c", "k", 0.44, 0.25, 0.03),
        ("c", "k", 0.56, 0.25, 0.03),
    ]
    if hat == "pointy":
        out.append(("p", "d", ((0.3, 0.16), (0.5, -0.02), (0.7, 0.16))))
    elif hat == "helmet":
        out.append(("e", GREY, 0.3, 0.05, 0.4, 0.18))
    elif hat == "band":
        out.append(("r", "k", 0.32, 0.2, 0.36, 0.06))
    elif hat == "bubble":
        out.append(("c", (200, 230, 255), 0.5, 0.26, 0.22))
        out.append(("c", face, 0.5, 0.26, 0.14))
    elif hat == "crown":
        points = ((0.35, 0.14), (0.38, 0.02), (0.5, 0.1), (0.62, 0.02), (0.65, 0.14))
        out.append(("p", YELLOW, points))
    elif hat == "cap":
        out.append(("r", "d", 0.32, 0.08, 0.36, 0.08))
    return out


def ghost() -> list[Shape]:
    return [
        ("c", "m", 0.5, 0.38, 0.36),
        ("r", "m", 0.14, 0.38, 0.72, 0.45),
        ("c", "m", 0.24, 0.85, 0.1),
        ("c", "m", 0.5, 0.85, 0.1),
        ("c", "m", 0.76, 0.85, 0.1),
        ("e", "k", 0.32, 0.3, 0.12, 0.16),
        ("e", "k", 0.56, 0.3, 0.12, 0.16),
    ]


def blob() -> list[Shape]:
    return [("e", "m", 0.05, 0.3, 0.9, 0.68), ("e", "l", 0.2, 0.38, 0.25, 0.14), *eyes(0.55)]


def bat() -> list[Shape]:
    return [
        ("p", "d", ((0.5, 0.4), (0.0, 0.2), (0.12, 0.55), (0.25, 0.45), (0.35, 0.65))),
        ("p", "d", ((0.5, 0.4), (1.0, 0.2), (0.88, 0.55), (0.75, 0.45), (0.65, 0.65))),
        ("c", "m", 0.5, 0.5, 0.2),
        ("p", "m", ((0.38, 0.38), (0.4, 0.2), (0.47, 0.34))),
        ("p", "m", ((0.62, 0.38), (0.6, 0.2), (0.53, 0.34))),
        ("c", RED, 0.44, 0.48, 0.04),
        ("c", RED, 0.56, 0.48, 0.04),
    ]


def flower(petals: Any, centre: Any = YELLOW) -> list[Shape]:
    return [
        ("l", GREEN, (0.5, 0.55), (0.5, 1.0), 0.08),
        ("e", GREEN, 0.5, 0.72, 0.25, 0.12),
        ("c", petals, 0.5, 0.18, 0.16),
        ("c", petals, 0.3, 0.34, 0.16),
        ("c", petals, 0.7, 0.34, 0.16),
        ("c", petals, 0.38, 0.55, 0.16),
        ("c", petals, 0.62, 0.55, 0.16),
        ("c", centre, 0.5, 0.38, 0.13),
    ]


def tree() -> list[Shape]:
    trunk: Shape = ("r", BROWN, 0.4, 0.55, 0.2, 0.45)
    return [trunk, ("c", "m", 0.5, 0.35, 0.34), ("c", "l", 0.4, 0.28, 0.12)]


def mushroom() -> list[Shape]:
    return [
        ("r", (240, 230, 210), 0.35, 0.45, 0.3, 0.5),
        ("e", "m", 0.05, 0.1, 0.9, 0.5),
        ("c", "w", 0.3, 0.3, 0.08),
        ("c", "w", 0.62, 0.22, 0.1),
        ("c", "w", 0.72, 0.4, 0.06),
    ]


def round_fruit(leaf: bool = True, shine: bool = True) -> list[Shape]:
    out: list[Shape] = [("l", BROWN, (0.5, 0.25), (0.55, 0.05), 0.06)]
    if leaf:
        out.append(("e", GREEN, 0.55, 0.05, 0.3, 0.15))
    out.append(("c", "m", 0.5, 0.58, 0.4))
    if shine:
        out.append(("c", "l", 0.36, 0.45, 0.1))
    return out


def wedge(holes: bool = True) -> list[Shape]:
    out: list[Shape] = [("p", "m", ((0.05, 0.85), (0.95, 0.85), (0.95, 0.2)))]
    if holes:
        out += [("c", "d", 0.7, 0.65, 0.08), ("c", "d", 0.85, 0.45, 0.06)]
    return out


def cake() -> list[Shape]:
    return [
        ("r", (200, 150, 90), 0.1, 0.45, 0.8, 0.45),
        ("r", "m", 0.1, 0.4, 0.8, 0.15),
        ("l", "w", (0.5, 0.4), (0.5, 0.18), 0.06),
        ("c", YELLOW, 0.5, 0.12, 0.07),
    ]


def ring(hole: Any = "k", sprinkles: bool = True) -> list[Shape]:
    out: list[Shape] = [("c", (210, 160, 100), 0.5, 0.5, 0.45), ("c", "m", 0.5, 0.5, 0.38)]
    if sprinkles:
        out += [("r", "w", 0.3, 0.25, 0.08, 0.04), ("r", YELLOW, 0.65, 0.3, 0.08, 0.04)]
    out.append(("c", hole, 0.5, 0.5, 0.14))
    return out


def car(roof: bool = True, long: bool = False) -> list[Shape]:
    out: list[Shape] = []
    if roof:
        out.append(("r", "l", 0.25 if not long else 0.05, 0.2, 0.45 if not long else 0.3, 0.3))
    out += [
        ("r", "m", 0.02, 0.42, 0.96, 0.33),
        ("c", "k", 0.25, 0.78, 0.14),
        ("c", "k", 0.75, 0.78, 0.14),
        ("c", GREY, 0.25, 0.78, 0.06),
        ("c", GREY, 0.75, 0.78, 0.06),
        ("r", YELLOW, 0.9, 0.48, 0.08, 0.08),
    ]
    return out


def boat(sail: bool = True) -> list[Shape]:
    out: list[Shape] = [("p", "m", ((0.0, 0.6), (1.0, 0.6), (0.8, 0.9), (0.2, 0.9)))]
    if sail:
        out += [("l", BROWN, (0.5, 0.6), (0.5, 0.05), 0.05),
                ("p", "w", ((0.52, 0.08), (0.52, 0.55), (0.9, 0.55)))]  # fmt: skip
    return out


def plane() -> list[Shape]:
    return [
        ("p", "d", ((0.35, 0.5), (0.55, 0.05), (0.65, 0.5))),
        ("p", "d", ((0.0, 0.3), (0.12, 0.3), (0.2, 0.5), (0.0, 0.5))),
        ("e", "m", 0.0, 0.38, 1.0, 0.28),
        ("c", (180, 220, 255), 0.85, 0.48, 0.08),
        ("p", "d", ((0.35, 0.55), (0.55, 0.95), (0.65, 0.55))),
    ]


def submarine() -> list[Shape]:
    return [
        ("r", "d", 0.45, 0.15, 0.2, 0.25),
        ("l", "d", (0.55, 0.15), (0.55, 0.0), 0.05),
        ("e", "m", 0.05, 0.3, 0.9, 0.5),
        ("c", (180, 220, 255), 0.35, 0.55, 0.08),
        ("c", (180, 220, 255), 0.6, 0.55, 0.08),
        ("p", "d", ((0.0, 0.35), (0.1, 0.55), (0.0, 0.75))),
    ]


def star() -> list[Shape]:
    pts = ((0.5, 0.0), (0.62, 0.36), (1.0, 0.38), (0.7, 0.6), (0.8, 1.0), (0.5, 0.76),
           (0.2, 1.0), (0.3, 0.6), (0.0, 0.38), (0.38, 0.36))  # fmt: skip
    return [("p", "m", pts), ("c", "l", 0.5, 0.55, 0.1)]


def planet() -> list[Shape]:
    ring: Shape = ("e", "l", 0.0, 0.42, 1.0, 0.16)
    return [("c", "m", 0.5, 0.5, 0.34), ring, ("c", "d", 0.4, 0.4, 0.08)]


def moon() -> list[Shape]:
    return [("c", "m", 0.5, 0.5, 0.45), ("c", "d", 0.35, 0.4, 0.1), ("c", "d", 0.62, 0.65, 0.07)]


def rocket() -> list[Shape]:
    return [
        ("p", RED, ((0.3, 0.7), (0.1, 0.95), (0.35, 0.85))),
        ("p", RED, ((0.7, 0.7), (0.9, 0.95), (0.65, 0.85))),
        ("e", "m", 0.3, 0.1, 0.4, 0.8),
        ("p", RED, ((0.35, 0.2), (0.5, 0.0), (0.65, 0.2))),
        ("c", (180, 220, 255), 0.5, 0.4, 0.1),
        ("p", ORANGE, ((0.4, 0.9), (0.5, 1.0), (0.6, 0.9))),
    ]


def saucer() -> list[Shape]:
    return [
        ("e", (180, 230, 255), 0.3, 0.15, 0.4, 0.4),
        ("e", "m", 0.0, 0.4, 1.0, 0.3),
        ("c", YELLOW, 0.25, 0.55, 0.06),
        ("c", YELLOW, 0.5, 0.58, 0.06),
        ("c", YELLOW, 0.75, 0.55, 0.06),
    ]


def meteor() -> list[Shape]:
    return [
        ("p", ORANGE, ((0.5, 0.3), (1.0, 0.0), (0.7, 0.5))),
        ("c", "m", 0.4, 0.6, 0.36),
        ("c", "d", 0.3, 0.5, 0.1),
        ("c", "d", 0.5, 0.72, 0.07),
    ]


def pad() -> list[Shape]:
    return [("e", "m", 0.0, 0.35, 1.0, 0.5), ("p", "d", ((0.5, 0.6), (0.95, 0.45), (0.95, 0.7)))]


def robot() -> list[Shape]:
    return [
        ("l", "d", (0.5, 0.12), (0.5, 0.0), 0.05),
        ("r", "m", 0.3, 0.1, 0.4, 0.28),
        ("r", (120, 230, 255), 0.36, 0.18, 0.1, 0.08),
        ("r", (120, 230, 255), 0.54, 0.18, 0.1, 0.08),
        ("r", "d", 0.22, 0.42, 0.56, 0.36),
        ("r", "l", 0.38, 0.5, 0.24, 0.12),
        ("r", "d", 0.3, 0.8, 0.12, 0.2),
        ("r", "d", 0.58, 0.8, 0.12, 0.2),
    ]


def cactus() -> list[Shape]:
    return [
        ("r", "m", 0.38, 0.05, 0.24, 0.95),
        ("r", "m", 0.12, 0.35, 0.14, 0.3),
        ("r", "m", 0.12, 0.55, 0.3, 0.1),
        ("r", "m", 0.74, 0.2, 0.14, 0.3),
        ("r", "m", 0.58, 0.42, 0.3, 0.1),
    ]


def carrot() -> list[Shape]:
    return [
        ("p", GREEN, ((0.5, 0.25), (0.3, 0.0), (0.5, 0.1), (0.7, 0.0))),
        ("p", "m", ((0.3, 0.25), (0.7, 0.25), (0.5, 1.0))),
    ]


def leaf() -> list[Shape]:
    return [("e", "m", 0.1, 0.2, 0.8, 0.6), ("l", "d", (0.15, 0.5), (0.9, 0.5), 0.04)]
