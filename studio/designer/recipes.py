"""Which parts make each genre, and how two genres combine into one design."""

from __future__ import annotations

from dataclasses import dataclass

from studio.designer.recipe_base import PartUse, Recipe, _use
from studio.designer.recipes_board import RECIPES_BOARD, board_hybrid

GEM = {"pickup_style": "gem", "pickup_kinds": 4, "combo_len": 3}
NUMBER = {"pickup_style": "number", "pickup_kinds": 3, "combo_len": 2}
PAIR = {"pickup_style": "gem", "pickup_kinds": 5, "combo_len": 2}

RECIPES: dict[str, Recipe] = {
    "tetris": Recipe(
        "board",
        (_use("board"), _use("resolve"), _use("falling"), _use("line_clear")),
        mods=(_use("blockfall"),),
        rule="line_clear",
        lives=0,
        description="a falling-block puzzle",
    ),
    "match3": Recipe(
        "board",
        (
            _use("board", cell_style="gem"),
            _use("resolve", settle="cells", refill=True),
            _use("match_clear"),
            _use("swap"),
        ),
        mods=(_use("pickups", **GEM),),
        rule="match_clear",
        lives=0,
        description="a match-3 gem swapper",
    ),
    "2048": Recipe(
        "board",
        (_use("board", cell_style="number"), _use("slide")),
        mods=(_use("pickups", **NUMBER),),
        rule="merge",
        lives=0,
        description="a sliding-tile number merger",
    ),
    "minesweeper": Recipe(
        "board",
        (_use("board"), _use("mines")),
        mods=(_use("minefield"),),
        rule="bombs",
        lives=0,
        description="a minesweeper field",
    ),
    "memory": Recipe(
        "board",
        (_use("board"), _use("cards")),
        mods=(_use("pickups", **PAIR),),
        lives=0,
        description="a memory card game",
    ),
    "snake": Recipe("field", (_use("snake"),), mods=(_use("tail"),), description="a snake game"),
    "breakout": Recipe(
        "field",
        (_use("paddle"), _use("bricks"), _use("ball")),
        mods=(_use("bricks"), _use("ball")),
        description="a brick breaker",
    ),
    "pong": Recipe(
        "field",
        (_use("paddle"), _use("ball"), _use("opponent")),
        mods=(_use("ball"),),
        lives=0,
        description="a pong match against the computer",
    ),
    "invaders": Recipe(
        "field",
        (_use("ship"), _use("shooter"), _use("wave")),
        mods=(_use("wave"), _use("shooter")),
        description="an invaders-style shooter",
    ),
    "asteroids": Recipe(
        "field",
        (_use("rocket"), _use("shooter"), _use("rocks")),
        mods=(_use("rocks"),),
        description="an asteroids-style space shooter",
    ),
    "flappy": Recipe(
        "field",
        (_use("flapper"), _use("gates")),
        mods=(_use("gates"),),
        description="a flappy-style flyer",
    ),
    "runner": Recipe(
        "field",
        (_use("runner"), _use("obstacles"), _use("pickups")),
        mods=(_use("pickups"),),
        scrolls=True,
        description="an endless runner",
    ),
    "maze": Recipe(
        "field",
        (_use("maze"),),
        mods=(_use("chasers"),),
        description="a maze collector",
    ),
    "arcade": Recipe(
        "field",
        (_use("walker"), _use("pickups"), _use("chasers")),
        mods=(_use("pickups"),),
        description="an arcade collect-and-dodge game",
    ),
}

# -- board genres --
RECIPES.update(RECIPES_BOARD)

PLAYER_PARTS: tuple[str, ...] = (
    "paddle",
    "ship",
    "rocket",
    "flapper",
    "runner",
    "snake",
    "walker",
    "maze",
)
#: Parts a base cannot take: they would not fit its arena.
UNFIT: dict[str, set[str]] = {
    "maze": {"bricks", "ball", "gates"},
    "runner": {"wave"},
    "pong": {"wave"},
}


@dataclass(frozen=True)
class Pair:
    """A hybrid of two genres whose rules meet inside one part (e.g. bricks on a pinball
    table): the parts it is made of, and the note that says how."""

    base: str
    parts: tuple[PartUse, ...]
    lives: int
    note: str


#: Hybrids made their own way (key: the two genres); the genre groups add theirs below.
PAIRS: dict[frozenset[str], Pair] = {}


@dataclass
class Composition:
    base: str
    parts: list[PartUse]
    lives: int
    scrolls: bool
    notes: list[str]


def _merge(parts: list[PartUse], use: PartUse) -> None:
    """Add ``use``; when the part is already there, its overrides win."""
    for i, (name, over) in enumerate(parts):
        if name == use[0]:
            parts[i] = (name, {**over, **use[1]})
            return
    parts.append(use)


def compose(genres: list[str]) -> Composition:
    """The parts of one genre, or of a hybrid of two."""
    first = RECIPES[genres[0]]
    if len(genres) == 1:
        return Composition(genres[0], list(first.parts), first.lives, first.scrolls, [])
    a, b = genres[0], genres[1]
    ra, rb = RECIPES[a], RECIPES[b]
    paired = PAIRS.get(frozenset((a, b)))
    if paired is not None:  # a hybrid with rules of its own, whichever genre was named first
        return Composition(paired.base, list(paired.parts), paired.lives, False, [paired.note])
    # -- board genres --
    special = board_hybrid(a, b)
    if special is not None:
        return Composition(*special)
    if "toy" in (ra.family, rb.family):
        return _toy_pair(a, b)
    if ra.family == "board" and rb.family == "board":
        return _board_pair(a, b)
    if ra.family != rb.family:
        base, other = (a, b) if ra.family == "field" else (b, a)
        return _field_with(
            base, other, f"{base} game with {_names(RECIPES[other].mods)} from {other}"
        )
    if {a, b} == {"snake", "breakout"}:
        parts = [
            _use("snake"),
            _use("bricks", player_breaks=True),
            _use("ball", edges=_edges("rally")),
        ]
        note = "the snake eats bricks and bats a ball that breaks them"
        return Composition("snake", parts, 3, False, [note])
    if {a, b} == {"breakout", "pong"}:
        if a == "pong":
            return Composition(
                "pong",
                [*RECIPES["pong"].parts, _use("bricks", brick_layout="middle")],
                0,
                False,
                ["bricks stand in the middle of the court"],
            )
        parts = list(RECIPES["breakout"].parts)
        _merge(parts, _use("opponent", opponent_side="top"))
        _merge(parts, _use("ball", edges=_edges("versus")))
        return Composition("breakout", parts, 3, False, ["a computer paddle guards the top"])
    if not rb.mods and ra.mods:  # b lends nothing to another game: it is the base
        a, b, ra, rb = b, a, rb, ra
    if not rb.mods:  # neither lends anything: the first is the base, with power-ups
        parts = [*ra.parts, _use("powerups")]
        note = f"{b} has nothing to lend a {a} game: power-ups instead"
        return Composition(a, parts, ra.lives, ra.scrolls, [note])
    return _field_with(a, b, f"{a} game with {_names(rb.mods)} from {b}")


#: How a lent part reads in the "understood" line.
LENT: dict[str, str] = {
    "blockfall": "falling blocks to dodge or shoot",
    "pickups": "things to collect",
    "minefield": "hidden mines that show up close",
    "tail": "food that grows a tail",
    "bricks": "bricks to break",
    "ball": "a ball to keep in play",
    "wave": "an invader wave",
    "shooter": "shooting",
    "rocks": "drifting rocks",
    "gates": "walls with gaps to pass",
    "chasers": "ghosts that chase you",
    # -- arcade genres --
    "horde": "waves of enemies that run at you",
}


def _names(uses: tuple[PartUse, ...]) -> str:
    lent = []
    for name, over in uses:
        text = LENT.get(name, name)
        if name == "pickups" and over.get("combo_len", 1) > 1:
            what = "numbers" if over.get("pickup_style") == "number" else "gems"
            text = f"{what} to collect ({over['combo_len']} alike in a row pay a bonus)"
        lent.append(text)
    return " and ".join(lent)


def _field_with(base: str, other: str, note: str) -> Composition:
    recipe = RECIPES[base]
    parts = list(recipe.parts)
    notes = [note]
    present = {name for name, _ in parts}
    for name, over in RECIPES[other].mods:
        if name in UNFIT.get(base, set()):
            notes.append(f"{name} does not fit a {base} game: power-ups instead")
            _merge(parts, _use("powerups"))
            continue
        if name == "ball" and "ball" in present:
            continue
        if name == "bricks" and base == "invaders":
            over = {**over, "brick_layout": "shields"}
        if name == "bricks" and "ball" not in present and base not in ("invaders", "asteroids"):
            _merge(parts, _use("ball", edges=_edges("rally")))
        if name == "bricks" and base in ("snake", "walker"):
            over = {**over, "player_breaks": True}
        _merge(parts, (name, over))
    lives = max(recipe.lives, RECIPES[other].lives, 3)
    if base == "pong":
        lives = 0
    if not recipe.lives:  # a base without lives keeps none (missile command: its cities)
        lives = 0
    return Composition(base, parts, lives, recipe.scrolls, notes)


def _board_pair(a: str, b: str) -> Composition:
    pair = {a, b}
    if "tetris" in pair:
        other = b if a == "tetris" else a
        parts = list(RECIPES["tetris"].parts)
        if other == "match3":
            parts = [
                _use("board", cell_style="gem"),
                _use("resolve", settle="cells"),
                _use("falling", piece_colouring="mixed", shapes="gems"),
                _use("line_clear"),
                _use("match_clear"),
            ]
            note = "falling gem pieces: full rows and colour runs of 3+ both clear, then cascade"
            return Composition("tetris", parts, 0, False, [note])
        if other == "2048":
            parts = [
                _use("board", cell_style="number"),
                _use("resolve", settle="cells"),
                _use("falling", piece_colouring="mixed", shapes="pairs"),
                _use("line_clear"),
                _use("merge"),
            ]
            note = "falling numbers: equal numbers stacked merge and double; full rows clear"
            return Composition("tetris", parts, 0, False, [note])
        if other == "minesweeper":
            parts.append(_use("bombs"))
            note = "mines hide in the pieces: a clear next to one blows up its 3x3 area"
            return Composition("tetris", parts, 0, False, [note])
        note = f"{other} has no rule for falling pieces: a timer instead"
        return Composition("tetris", parts, 0, False, [note, "timer"])
    if "match3" in pair:
        other = b if a == "match3" else a
        parts = list(RECIPES["match3"].parts)
        if other == "2048":
            _merge(parts, _use("board", cell_style="number"))
            _merge(parts, _use("match_clear", upgrade_runs=True))
            note = "numbers to swap: a run of 3 equal numbers merges into the next one"
            return Composition("match3", parts, 0, False, [note])
        if other == "minesweeper":
            parts.append(_use("bombs"))
            note = "mines drop in with the gems: a run next to one blows up its 3x3 area"
            return Composition("match3", parts, 0, False, [note])
        note = f"{other} has no rule for swapped gems: a timer instead"
        return Composition("match3", parts, 0, False, [note, "timer"])
    note = f"{b} has no rule for a {a} board: a timer instead"
    return Composition(a, list(RECIPES[a].parts), 0, False, [note, "timer"])


def _edges(kind: str) -> dict[str, str]:
    """What each edge of the field does to a ball."""
    if kind == "pong":
        return {"left": "concede", "right": "score", "top": "bounce", "bottom": "bounce"}
    if kind == "versus":
        return {"left": "bounce", "right": "bounce", "top": "score", "bottom": "lose"}
    if kind == "rally":
        return {"left": "bounce", "right": "bounce", "top": "bounce", "bottom": "bounce"}
    return {"left": "bounce", "right": "bounce", "top": "bounce", "bottom": "lose"}


def default_edges(base: str) -> dict[str, str]:
    return _edges({"pong": "pong", "breakout": "breakout"}.get(base, "rally"))


# -- arcade genres --
from studio.designer.recipes_arcade import (  # noqa: E402
    PLAYERS_ARCADE,
    RECIPES_ARCADE,
    UNFIT_ARCADE,
)

RECIPES.update(RECIPES_ARCADE)
PLAYER_PARTS += PLAYERS_ARCADE
UNFIT.update(UNFIT_ARCADE)
# -- toys genres --
from studio.designer.recipes_toys import RECIPES_TOYS, TOY_HYBRIDS  # noqa: E402

RECIPES.update(RECIPES_TOYS)


def _toy_pair(a: str, b: str) -> Composition:
    """A pair with a toy genre: a real hybrid where the rules meet, else the toy genre named
    first, with a timer."""
    found = TOY_HYBRIDS.get(frozenset((a, b)))
    if found:
        base, parts, note = found
        return Composition(base, list(parts), RECIPES[base].lives, False, [note])
    toy, other = (a, b) if RECIPES[a].family == "toy" else (b, a)
    note = f"{other} has no rule for {RECIPES[toy].description}: a timer instead"
    return Composition(toy, list(RECIPES[toy].parts), RECIPES[toy].lives, False, [note, "timer"])


# -- physics genres --
from studio.designer.recipes_physics import (  # noqa: E402
    PAIRS_PHYSICS,
    RECIPES_PHYSICS,
    UNFIT_PHYSICS,
)

RECIPES.update(RECIPES_PHYSICS)
UNFIT.update(UNFIT_PHYSICS)
PAIRS.update({frozenset(k): Pair(*v) for k, v in PAIRS_PHYSICS.items()})
