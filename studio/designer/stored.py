"""A designer game's design as the gallery keeps it (``meta["design"]``), and the rebuild.

The record is small and plain JSON: what the designer read from the prompt (genres, theme,
colours, difficulty, mechanics), the seed, and the *tweaks* remixes applied on top of the
built design (pace, lives, timer, board size, enemies, power-ups). ``rebuild(record)``
reads the prompt again, puts the recorded reading in place of its own, builds the design
with the seed (the same prompt and seed draw the same numbers), applies the tweaks and
renders: the same record always gives the same program.

The tweaks work on a design's generic knobs, never on one genre's parameters by name:

- ``pace``: every parameter named ``*_speed`` (and ``gravity``, ``thrust``) is multiplied by
  it, every interval (``*_time``, ``*_every``, ``*_delay``, ``*_back``) divided, the safety
  times (``safe_time``, ``start_safe``, ``grace_time``, ``power_time``) kept;
- ``lives``, ``time_limit``: the rules' own numbers;
- ``size``: steps of the board (its columns and rows) or of the field (the window);
- ``enemies``: steps of the counts of every part whose entities are enemies (parameters
  named ``*count``, ``*_max``, ``*_rows``, ``*_cols``, ``ghosts``), and their spawn
  intervals (``*_every``);
- ``no_powerups``: the power-up part taken out.

So a genre added to the designer is remixable without code here when its parameters follow
those names.
"""

from __future__ import annotations

import math
import random
from typing import Any

from studio.designer import Game, catalogue
from studio.designer.builder import PACE, _collect, _losing, build_design
from studio.designer.design import Arena, Design, Spawner
from studio.designer.lexicon import COLOURS
from studio.designer.palettes import THEME_BASES
from studio.designer.params import PART_PARAMS, Context
from studio.designer.reading import Understanding, read_prompt
from studio.designer.recipes import RECIPES
from studio.designer.render import render
from studio.errors import DesignError

FORMAT = 1
SAFETY_TIMES = frozenset({"safe_time", "start_safe", "grace_time", "power_time"})
INTERVALS = ("_time", "_every", "_delay", "_back")
COUNTS = ("count", "_max", "_rows", "_cols", "ghosts")
MAX_W, MAX_H, MIN_W, MIN_H = 1024, 768, 640, 480


def record_for(prompt: str, seed: int) -> dict[str, Any]:
    """The record of the game ``make_game(prompt, seed)`` makes."""
    return record_of(read_prompt(prompt), seed)


def record_of(
    und: Understanding, seed: int, tweaks: dict[str, Any] | None = None
) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "prompt": und.prompt,
        "seed": seed,
        "genres": list(und.genres),
        "theme": und.theme,
        "colours": list(und.colours),
        "difficulty": und.difficulty,
        "mechanics": list(und.mechanics),
        "tweaks": dict(tweaks or {}),
    }


def check(record: Any) -> dict[str, Any]:
    """``record`` if the designer can rebuild a game from it; else ``DesignError`` naming
    what is wrong (a hand-edited or damaged meta.json)."""
    if not isinstance(record, dict) or record.get("format") != FORMAT:
        raise DesignError("the stored design is not one this designer reads (format 1)")
    problems = []
    if not isinstance(record.get("prompt"), str):
        problems.append("no prompt")
    if not isinstance(record.get("seed"), int):
        problems.append("no seed")
    genres = record.get("genres")
    if not isinstance(genres, list) or not 1 <= len(genres) <= 2:
        problems.append("genres must be a list of one or two")
    elif any(g not in RECIPES for g in genres):
        problems.append(f"unknown genre among {genres}")
    if record.get("difficulty") not in PACE:
        problems.append(f"difficulty must be one of {', '.join(PACE)}")
    theme = record.get("theme")
    if theme is not None and theme not in THEME_BASES:
        problems.append(f"unknown theme {theme!r}")
    if not isinstance(record.get("colours"), list) or any(
        c not in COLOURS for c in record["colours"]
    ):
        problems.append("unknown colours")
    if not isinstance(record.get("mechanics"), list) or not isinstance(record.get("tweaks"), dict):
        problems.append("mechanics and tweaks must be a list and an object")
    if problems:
        raise DesignError("the stored design cannot be rebuilt: " + "; ".join(problems))
    return record


def understanding(record: dict[str, Any]) -> Understanding:
    """The reading of the record's prompt, with the recorded choices in place."""
    und = read_prompt(record["prompt"])
    und.genres = list(record["genres"])
    und.theme = record["theme"]
    und.colours = list(record["colours"])
    und.difficulty = record["difficulty"]
    und.mechanics = list(record["mechanics"])
    return und


def design_of(record: dict[str, Any]) -> Design:
    """The design the record describes, tweaks applied."""
    check(record)
    design = build_design(understanding(record), record["seed"])
    apply_tweaks(design, record["tweaks"])
    return design


def rebuild(record: dict[str, Any]) -> Game:
    """The game the record describes: the same record, the same program."""
    design = design_of(record)
    return Game(code=render(design), design=design)


# -- the tweaks ------------------------------------------------------------------------------


def apply_tweaks(design: Design, tweaks: dict[str, Any]) -> None:
    pace = float(tweaks.get("pace", 1.0))
    if pace != 1.0:
        scale_pace(design.params, pace)
    if tweaks.get("no_powerups") and "powerups" in design.parts:
        design.parts.remove("powerups")
    steps = int(tweaks.get("enemies", 0))
    if steps:
        more_enemies(design, steps)
    size = int(tweaks.get("size", 0))
    if size:
        resize(design, size)
    if "lives" in tweaks and design.rules.lives:
        design.rules.lives = max(1, int(tweaks["lives"]))
    if "time_limit" in tweaks:
        design.rules.time_limit = max(0, int(tweaks["time_limit"]))
        if design.rules.time_limit and "timer" not in design.extras:
            design.extras.append("timer")
        if not design.rules.time_limit and "timer" in design.extras:
            design.extras.remove("timer")
    refresh(design)


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _scaled(value: int | float, factor: float) -> int | float:
    if isinstance(value, int):
        return max(1, round(value * factor))
    return round(value * factor, 3)


def scale_pace(params: dict[str, Any], pace: float) -> None:
    """Speeds up by ``pace``, intervals down by it (see the module docstring)."""
    for key, value in list(params.items()):
        if not _number(value) or key in SAFETY_TIMES:
            continue
        if key.endswith("_speed") or key in ("gravity", "thrust"):
            params[key] = _scaled(value, pace)
        elif key.endswith(INTERVALS):
            params[key] = _scaled(value, 1 / pace)


def enemy_parts(design: Design) -> list[str]:
    """The design's parts whose entities are enemies."""
    return [
        part
        for part in design.parts
        if any(role == "enemy" for _name, role in catalogue.PARTS[part].entities)
    ]


def part_keys(design: Design, part: str) -> set[str]:
    """The parameters ``part`` draws (asked of its own drawing function)."""
    ctx = Context(
        rng=random.Random(0),
        pace=1.0,
        base=design.genres[0],
        player=None,
        parts=list(design.parts),
    )
    return set(PART_PARAMS[part](ctx))


def more_enemies(design: Design, steps: int) -> None:
    """More (or, with negative ``steps``, fewer) of every enemy, arriving more often."""
    for part in enemy_parts(design):
        for key in part_keys(design, part):
            value = design.params.get(key)
            if not isinstance(value, int | float) or isinstance(value, bool):
                continue
            if isinstance(value, int) and any(word in key for word in COUNTS):
                design.params[key] = max(1, value + steps * max(1, math.ceil(value / 4)))
            elif key.endswith("_every"):
                design.params[key] = _scaled(value, 0.75**steps)


def resize(design: Design, steps: int) -> None:
    """A bigger (or smaller) board, or field, within the contract's window."""
    arena = design.arena
    if arena.kind == "board":
        cols = max(4, arena.cols + 2 * steps)
        rows = max(4, arena.rows + 2 * steps)
        if (cols * rows) % 2:  # pairs of cards need an even count
            rows += 1
        board_x = int(design.params.get("board_x", 40))
        cell = min(arena.cell, (MAX_H - 80) // rows, (MAX_W - board_x - 30 - 330) // cols)
        if cell < 12:
            raise DesignError("the board cannot grow any more inside the window")
        height = min(MAX_H, max(600, rows * cell + 80))
        width = min(MAX_W, board_x + cols * cell + 30 + 330)
        design.params["board_y"] = (height - rows * cell) // 2
        design.arena = Arena("board", width, height, cols, rows, cell)
        return
    factor = 1.2**steps
    width = min(MAX_W, max(MIN_W, round(arena.width * factor)))
    height = min(MAX_H, max(MIN_H, round(arena.height * factor)))
    design.arena = Arena("field", width, height)


def refresh(design: Design) -> None:
    """What follows from the parts: entities, spawners, rule lines."""
    names = design.parts
    design.entities = catalogue.entities(names)
    design.spawners = [
        Spawner(
            what=what, every=float(design.params.get(every, 0.0)) if every in design.params else 0.0
        )
        for name in names
        for what, every in catalogue.PARTS[name].spawns
    ]
    design.rules.scoring = _collect(names, "scoring")
    design.rules.clearing = _collect(names, "clearing")
    design.rules.losing = _losing(names, design.rules.lives, bool(design.rules.time_limit))
