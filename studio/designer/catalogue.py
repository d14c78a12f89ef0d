"""The mechanic parts the designer composes: what each defines, its controls and rules.

Each part is a template ``templates/parts/<name>.py.j2``; this module says what it brings to a
design (entities, controls, rule text) and which parameters its template needs.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from studio.designer.design import Control, Entity
from studio.designer.part_info import PartInfo
from studio.designer.parts_added import PARTS_ADDED

PARTS: dict[str, PartInfo] = {
    # --- board parts ---
    "board": PartInfo(entities=(("Board", "board"),), family="board"),
    "resolve": PartInfo(
        clearing=("then the cells above fall and may clear again (cascades)",), family="board"
    ),
    "falling": PartInfo(
        entities=(("Piece", "player"),),
        controls=(
            ("Left/Right or A/D", "move the piece"),
            ("Up or W", "rotate"),
            ("Down or S", "soft drop"),
            ("Space", "hard drop"),
            ("Click / right click", "move or rotate / drop"),
        ),
        scoring=("dropping pieces",),
        losing="the stack reaches the top",
        family="board",
        spawns=(("Piece", "on landing"),),
    ),
    "line_clear": PartInfo(clearing=("full rows",), scoring=("clearing rows",), family="board"),
    "match_clear": PartInfo(
        clearing=("runs of 3+ of one colour, across or down",),
        scoring=("runs and chains",),
        family="board",
    ),
    "merge": PartInfo(
        clearing=("equal numbers stacked merge and double",), scoring=("merges",), family="board"
    ),
    "bombs": PartInfo(
        clearing=("a mine next to a clear blows up its 3x3 area",),
        scoring=("blasts",),
        family="board",
    ),
    "swap": PartInfo(
        controls=(
            ("Click two neighbours", "swap them"),
            ("Arrows/WASD + Space", "cursor, pick, swap"),
        ),
        family="board",
    ),
    "slide": PartInfo(
        controls=(("Arrows or WASD", "slide every tile"), ("Click a side", "slide that way")),
        scoring=("merging equal tiles",),
        losing="no move is left",
        family="board",
    ),
    "mines": PartInfo(
        controls=(
            ("Click / right click", "reveal / flag"),
            ("Arrows/WASD, Space, F", "cursor, reveal, flag"),
        ),
        scoring=("opening safe cells",),
        clearing=("open every safe cell to clear the field",),
        losing="you open a mine",
        family="board",
    ),
    "cards": PartInfo(
        entities=(("Card", "card"),),
        controls=(("Click a card", "turn it over"), ("Arrows/WASD + Space", "cursor, turn")),
        scoring=("finding pairs (streaks pay more)",),
        clearing=("matching pairs stay face up",),
        family="board",
    ),
    # --- players on a field ---
    "paddle": PartInfo(entities=(("Paddle", "player"),), player=True),
    "ship": PartInfo(
        entities=(("Ship", "player"),),
        controls=(("Left/Right, A/D or mouse", "move the ship"),),
        player=True,
    ),
    "rocket": PartInfo(
        entities=(("Rocket", "player"),),
        controls=(
            ("Left/Right or A/D", "turn"),
            ("Up or W", "thrust"),
            ("Down or S", "brake"),
            ("Click", "aim there"),
        ),
        player=True,
    ),
    "flapper": PartInfo(
        entities=(("Flapper", "player"),),
        controls=(("Space, Up, W or click", "flap"),),
        losing="you hit the ground or a wall too often",
        player=True,
    ),
    "runner": PartInfo(
        entities=(("Runner", "player"),),
        controls=(
            ("Space, Up, W or click", "jump (hold to go higher)"),
            ("Left/Right or A/D", "run ahead / fall back"),
        ),
        scoring=("distance",),
        player=True,
    ),
    "snake": PartInfo(
        entities=(("Snake", "player"),),
        controls=(("Arrows or WASD", "steer"), ("Click", "turn towards it")),
        scoring=("eating food",),
        losing="the snake bites itself or the wall, out of lives",
        player=True,
        spawns=(("food", "when eaten"),),
    ),
    "walker": PartInfo(
        entities=(("Walker", "player"),),
        controls=(("Arrows or WASD", "walk"), ("Click", "walk there")),
        player=True,
    ),
    "maze": PartInfo(
        entities=(("Maze", "arena"), ("Hero", "player"), ("Ghost", "enemy")),
        controls=(("Arrows or WASD", "choose the next turn"), ("Click", "turn towards it")),
        scoring=("pellets", "eating frightened ghosts"),
        clearing=("eat every pellet for a new maze",),
        losing="the ghosts catch you, out of lives",
        player=True,
    ),
    # --- field systems ---
    "ball": PartInfo(
        entities=(("Ball", "projectile"),),
        controls=(("Space or click", "launch the ball"),),
        scoring=("keeping the ball in play",),
    ),
    "opponent": PartInfo(
        entities=(("Opponent", "enemy"),),
        scoring=("points past the computer",),
        losing="the computer wins a match",
    ),
    "bricks": PartInfo(
        entities=(("Brick", "obstacle"),),
        scoring=("breaking bricks",),
        clearing=("break every brick for the next level",),
    ),
    "shooter": PartInfo(entities=(("Shot", "projectile"),), scoring=("shooting",)),
    "wave": PartInfo(
        entities=(("Alien", "enemy"), ("Bomb", "projectile")),
        scoring=("shooting invaders",),
        clearing=("clear a wave for a faster one",),
        losing="bombs hit you or the invaders land, out of lives",
        spawns=(("Alien wave", "when a wave is cleared"), ("Bomb", "bomb_every")),
    ),
    "rocks": PartInfo(
        entities=(("Rock", "enemy"),),
        scoring=("splitting rocks",),
        losing="rocks hit you, out of lives",
        spawns=(("Rock", "when the field is clear"),),
    ),
    "blockfall": PartInfo(
        entities=(("FallingBlock", "enemy"),),
        scoring=("dodging falling blocks",),
        spawns=(("FallingBlock", "block_every"),),
    ),
    "pickups": PartInfo(
        entities=(("Pickup", "pickup"),),
        scoring=("collecting (a row of equal ones pays a bonus)",),
        spawns=(("Pickup", "when collected"),),
    ),
    "minefield": PartInfo(
        entities=(("Mine", "enemy"),),
        losing="hidden mines hit you, out of lives",
        spawns=(("Mine", "when triggered"),),
    ),
    "gates": PartInfo(
        entities=(("Gate", "obstacle"),),
        scoring=("passing gaps",),
        spawns=(("Gate", "gate_spacing"),),
    ),
    "obstacles": PartInfo(
        entities=(("Obstacle", "obstacle"),),
        scoring=("jumping obstacles",),
        losing="you crash into obstacles, out of lives",
        spawns=(("Obstacle", "obstacle_gap"),),
    ),
    "chasers": PartInfo(
        entities=(("Chaser", "enemy"),),
        losing="the ghosts touch you, out of lives",
        spawns=(("Chaser", "chaser_every"),),
    ),
    "tail": PartInfo(
        entities=(("Tail", "player"),),
        scoring=("eating food grows a tail that multiplies points",),
    ),
    "powerups": PartInfo(
        entities=(("PowerUp", "pickup"),),
        scoring=("stars: shield, extra life or bonus",),
        spawns=(("PowerUp", "power_every"),),
    ),
    **PARTS_ADDED,
}


def entities(parts: list[str]) -> list[Entity]:
    found: list[Entity] = []
    for part in parts:
        for name, role in PARTS[part].entities:
            if all(e.name != name for e in found):
                found.append(Entity(name=name, role=role, part=part))
    return found


def controls(parts: list[str], params: dict[str, Any]) -> list[Control]:
    """The controls a person needs, in part order, without repeats."""
    found: list[Control] = []
    for part in parts:
        pairs = list(PARTS[part].controls)
        if part == "paddle":
            keys = "Up/Down, W/S or mouse" if params["paddle_side"] == "left" else None
            pairs = [(keys or "Left/Right, A/D or mouse", "move the paddle")]
        if part == "shooter":
            pairs = [(params["fire_label"], "fire")]
        if part in BOARD_CONTROLS:
            pairs = BOARD_CONTROLS[part](params)
        for keys, action in pairs:
            if all(c.keys != keys for c in found):
                found.append(Control(keys=keys, action=action))
    return found


# -- board genres --
def _inarow_controls(params: dict[str, Any]) -> list[tuple[str, str]]:
    if params["gravity"]:
        return [
            ("Click a column", "drop a disc there"),
            ("Left/Right or A/D, 1-7", "choose a column"),
            ("Space or Enter", "drop the disc"),
        ]
    return [("Click a square", "put your mark there"), ("Arrows/WASD + Space", "cursor, mark")]


#: Parts whose controls depend on their parameters.
BOARD_CONTROLS: dict[str, Callable[[dict[str, Any]], list[tuple[str, str]]]] = {
    "inarow": _inarow_controls,
}
