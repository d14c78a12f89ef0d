"""From what was understood and a seed to a complete design."""

from __future__ import annotations

import random
from typing import Any

from studio.designer import catalogue, subjects
from studio.designer.design import Arena, Control, Design, Rules, Spawner
from studio.designer.naming import tagline_for, title_for
from studio.designer.palettes import make_palette
from studio.designer.params import GEM_PIECES, PAIR_PIECES, TETROMINOES, Context, part_params
from studio.designer.reading import Understanding
from studio.designer.recipes import PLAYER_PARTS, RECIPES, UNFIT, compose, default_edges
from studio.designer.recipes_board import board_size

PACE = {"easy": 0.8, "normal": 1.0, "hard": 1.25}
#: How forgiving each difficulty is: seconds of safety after a hit and when a game starts,
#: seconds of play before the last life can be lost, lives added.
FORGIVING: dict[str, dict[str, float]] = {
    "easy": {"safe_time": 3.0, "start_safe": 3.0, "grace_time": 30.0, "more_lives": 2},
    "normal": {"safe_time": 2.0, "start_safe": 2.0, "grace_time": 12.0, "more_lives": 0},
    "hard": {"safe_time": 1.2, "start_safe": 1.0, "grace_time": 10.0, "more_lives": 0},
}
SHAPES = {"tetrominoes": TETROMINOES, "gems": GEM_PIECES, "pairs": PAIR_PIECES}
ENEMY_PARTS = {"wave", "rocks", "chasers", "blockfall", "minefield", "opponent", "maze", "gates"}
ENEMY_PARTS |= {"horde", "missiles", "tanks"}  # -- arcade genres --


def build_design(und: Understanding, seed: int) -> Design:
    """The design for ``und``; the same understanding and seed give the same design."""
    rng = random.Random(f"{' '.join(und.prompt.lower().split())}|{seed}")
    comp = compose(und.genres)
    family = RECIPES[comp.base].family
    uses = list(comp.parts)
    extras = _extras(und, comp.notes, family, comp.base, [n for n, _ in uses], rng)
    extras += [e for e in subject_parts(und, comp.base, [n for n, _ in uses]) if e not in extras]
    extras = [e for e in extras if e not in UNFIT.get(comp.base, ())]  # what the arena cannot take
    for name in extras:
        if name in catalogue.PARTS and all(n != name for n, _ in uses):
            uses.append((name, {}))
    names = [name for name, _ in uses]
    player = next((n for n in names if n in PLAYER_PARTS), None)
    ctx = Context(rng=rng, pace=PACE[und.difficulty], base=comp.base, player=player, parts=names)
    params: dict[str, Any] = {}
    for name, over in uses:
        params.update(part_params(name, ctx))
        params.update(over)
    _context_params(params, comp.base, player, comp.scrolls, rng, ctx.pace)
    forgiving = FORGIVING[und.difficulty]
    params.update({k: v for k, v in forgiving.items() if k != "more_lives"})
    params.update(subjects.pictures(und.cast.roles, names)[0])
    kinds = _kinds(params, names, rng)
    params["kinds"] = kinds
    arena = _arena(comp.base, names, params, rng)
    palette = make_palette(und.theme, und.colours, rng, kinds)
    rules = Rules(
        scoring=_collect(names, "scoring"),
        clearing=_collect(names, "clearing"),
        winning="no end: levels get faster; play for the best score",
        losing=_losing(names, comp.lives, "timer" in extras),
        lives=comp.lives + int(forgiving["more_lives"]) if comp.lives else 0,
        time_limit=_time_limit(comp.base, rng) if "timer" in extras else 0,
        levels=True,
    )
    spawners = [
        Spawner(what=what, every=float(params.get(every, 0.0)) if every in params else 0.0)
        for name in names
        for what, every in catalogue.PARTS[name].spawns
    ]
    understood = understood_line(und)
    return Design(
        title=title_for(und.genres, und.theme, rng, _title_subject(und, names)),
        tagline=tagline_for(und.genres, und.theme),
        prompt=und.prompt,
        seed=seed,
        genres=list(und.genres),
        understood=understood,
        arena=arena,
        palette=palette,
        parts=names,
        entities=catalogue.entities(names),
        spawners=spawners,
        controls=_order_controls(catalogue.controls(names, params), und.controls),
        rules=rules,
        params=params,
        extras=[e for e in extras if e],
    )


def understood_line(und: Understanding) -> str:
    """What was understood, with how the genres were combined and what of the prompt could
    not be kept (the same for every seed)."""
    comp = compose(und.genres)
    notes = [n for n in comp.notes if n != "timer"]
    names = [n for n, _ in comp.parts]
    names += subject_parts(und, comp.base, names)
    drawn = set(subjects.pictures(und.cast.roles, names)[0])
    line = und.line({key.removesuffix("_picture") for key in drawn if key.endswith("_picture")})
    return "; ".join([line, *notes, *not_kept(und, names)])


def _title_subject(und: Understanding, names: list[str]) -> str | None:
    """The first subject the prompt named that the game draws (the title names it)."""
    drawn = subjects.pictures(und.cast.roles, names)[0]
    shown = {
        und.cast.roles[key.removesuffix("_picture")].name
        for key in drawn
        if key.endswith("_picture")
    }
    return next((name for name in und.subjects if name in shown), None)


def subject_parts(und: Understanding, base: str, names: list[str]) -> list[str]:
    """Parts added so that the subjects the prompt named have something to be: things to
    collect, enemies to avoid (field games only; never in a maze or a snake game)."""
    if RECIPES[base].family != "field" or base in ("maze", "snake", "pong"):
        return []
    roles = und.cast.roles
    named = {role for role, subject in roles.items() if subject.name in und.subjects}
    extra = []
    if "pickup" in named and not set(subjects.PICKUP_DRAWN) & set(names):
        extra.append("pickups")
    if "enemy" in named and not set(subjects.ENEMY_DRAWN) & set(names):
        extra.append("chasers")
    return [part for part in extra if part not in UNFIT.get(base, ())]


def not_kept(und: Understanding, names: list[str]) -> list[str]:
    """Plain sentences about what the prompt named that the game cannot show."""
    notes = []
    roles = und.cast.roles
    _params, missing = subjects.pictures(roles, names)
    lost = [roles[r].name for r in missing if roles[r].name in und.subjects]
    if lost:
        what = RECIPES[compose(und.genres).base].description
        notes.append(
            f"not kept: {', '.join(lost)} ({what} has no place to draw "
            f"{'it' if len(lost) == 1 else 'them'}; it keeps its own pieces)"
        )
    if und.unknown:
        notes.append(
            f"not kept: {', '.join(und.unknown)} (not something the designer can draw; "
            "`studio genres` lists what it can)"
        )
    return notes


def _extras(
    und: Understanding,
    notes: list[str],
    family: str,
    base: str,
    names: list[str],
    rng: random.Random,
) -> list[str]:
    """Optional mechanics: asked for in the prompt, or chosen by the seed."""
    extras: list[str] = []
    wants = set(und.mechanics)
    if "timer" in notes or "timer" in wants:
        extras.append("timer")
    if family != "field":  # boards and self-contained toys take no lent parts
        chance = {"match3": 0.8, "memory": 0.4, "minesweeper": 0.3, "tetris": 0.2}.get(base, 0.0)
        if "timer" not in extras and rng.random() < chance:
            extras.append("timer")
        return extras
    if "powerups" in wants or rng.random() < 0.35:
        extras.append("powerups")
    if "shooting" in wants and "shooter" not in names and base not in ("maze", "snake"):
        extras.append("shooter")
    if "enemies" in wants and not ENEMY_PARTS & set(names):
        extras.append("chasers")
    if "collecting" in wants and "pickups" not in names and base not in ("maze", "snake"):
        extras.append("pickups")
    if "timer" not in extras and base != "pong" and rng.random() < 0.15:
        extras.append("timer")
    return extras


def _context_params(
    params: dict[str, Any],
    base: str,
    player: str | None,
    scrolls: bool,
    rng: random.Random,
    pace: float,
) -> None:
    """Parameters that depend on how the parts sit together."""
    params.setdefault("edges", default_edges(base))
    if isinstance(params.get("shapes"), str):
        params["shapes"] = SHAPES[params["shapes"]]
    if base in ("flappy", "runner"):
        params["fire_keys"], params["fire_label"] = "(pygame.K_f, pygame.K_x)", "F, X or click"
    else:
        params["fire_keys"], params["fire_label"] = "(pygame.K_SPACE,)", "Space or click"
    bottom_bound = player == "ship" or (
        player == "paddle" and params.get("paddle_side") == "bottom"
    )
    params["gate_axis"] = "y" if bottom_bound else "x"
    params["gate_gap_range"] = {"runner": (0.6, 0.75), "flappy": (0.15, 0.85)}.get(base, (0.1, 0.9))
    if bottom_bound:
        params.setdefault("gate_gap", 170)
        params["gate_gap"] = max(params["gate_gap"], 200)
    params["pickup_band"] = (0.55, 0.92) if base == "runner" else (0.05, 0.95)
    if scrolls:
        params["scroll_speed"] = int(rng.choice([240, 270, 300]) * pace)
    elif base == "flappy":
        params["scroll_speed"] = params["gate_speed"]
    else:
        params["scroll_speed"] = 0


def _kinds(params: dict[str, Any], names: list[str], rng: random.Random) -> int:
    if "slide" in names:
        return 12
    if "merge" in names:
        return 4
    if "falling" in names and params.get("piece_colouring") == "mixed":
        return rng.choice([4, 5])
    if "swap" in names:
        return 4 if params.get("upgrade_runs") else rng.choice([5, 6, 6, 7])
    if "falling" in names:
        return len(params["shapes"])
    return 7


def _arena(base: str, names: list[str], params: dict[str, Any], rng: random.Random) -> Arena:
    if "board" not in names:
        size = (960, 700) if base == "maze" else rng.choice([(800, 600), (860, 640), (900, 660)])
        return Arena(kind="field", width=size[0], height=size[1])
    sized = board_size(names, params, rng)
    if sized is not None:
        cols, rows, cell = sized
    elif "falling" in names:
        mixed = params.get("piece_colouring") == "mixed"
        cols = rng.choice([8, 9, 10]) if mixed else rng.choice([10, 10, 12])
        rows = rng.choice([16, 18]) if mixed else 20
        cell = min(36, 660 // rows)
    elif "swap" in names:
        cols = rows = rng.choice([7, 8, 8, 9])
        cell = min(72, 600 // rows)
    elif "slide" in names:
        cols = rows = rng.choice([4, 4, 5])
        cell = 120 if cols == 4 else 100
    elif "mines" in names:
        cols, rows = rng.choice([(9, 9), (12, 10), (14, 11), (16, 12)])
        cell = min(44, 560 // rows, 580 // cols)
    else:
        cols, rows = rng.choice([(4, 4), (5, 4), (6, 4), (6, 5)])
        cell = 110 if rows == 4 else 100
    board_x = 40
    height = min(768, max(600, rows * cell + 80))
    width = min(1024, board_x + cols * cell + 30 + 330)
    params["board_x"] = board_x
    params["board_y"] = (height - rows * cell) // 2
    return Arena(kind="board", width=width, height=height, cols=cols, rows=rows, cell=cell)


def _order_controls(controls: list[Control], wanted: str | None) -> list[Control]:
    """Controls the person asked for ("mouse" or "keyboard") are listed first."""
    if wanted is None:
        return controls

    def uses_mouse(control: Control) -> bool:
        return "click" in control.keys.lower() or "mouse" in control.keys.lower()

    return sorted(controls, key=lambda c: uses_mouse(c) != (wanted == "mouse"))


def _collect(names: list[str], attr: str) -> list[str]:
    found: list[str] = []
    # The board's own settling reads best after the rules that clear cells.
    for name in sorted(names, key=lambda n: n == "resolve"):
        for text in getattr(catalogue.PARTS[name], attr):
            if text not in found:
                found.append(text)
    return found


def _losing(names: list[str], lives: int, timed: bool) -> str:
    reasons = [catalogue.PARTS[n].losing for n in names if catalogue.PARTS[n].losing]
    if timed:
        reasons.append("the time runs out")
    if not reasons and lives:
        reasons.append("out of lives")
    return " or ".join(dict.fromkeys(reasons)) or "never: play as long as you like"


def _time_limit(base: str, rng: random.Random) -> int:
    if base in ("match3", "memory", "minesweeper"):
        return rng.choice([90, 120, 150])
    return rng.choice([60, 90, 120, 180])
