"""The mechanic parts the designer composes: what each defines, its controls and rules.

Each part is a template ``templates/parts/<name>.py.j2``; this module says what it brings to a
design (entities, controls, rule text) and which parameters its template needs.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from studio.designer.design import Control, Entity


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
    # -- board genres --
    "inarow": PartInfo(
        entities=(("Grid", "board"), ("Computer", "enemy")),
        scoring=("winning rounds against the computer (a draw pays a little)",),
        losing="the computer wins rounds, out of lives",
        family="board",
    ),
    "sokoban": PartInfo(
        entities=(("Warehouse", "board"),),
        controls=(
            ("Arrows or WASD", "walk and push a box"),
            ("Click a cell", "walk there (next to a box: push)"),
            ("U, Z or Backspace", "undo a move"),
            ("R", "restart the level"),
        ),
        scoring=("solving levels in few moves",),
        clearing=("push every box onto a goal for the next level",),
        family="board",
    ),
    "fifteen": PartInfo(
        entities=(("Tiles", "board"),),
        controls=(
            ("Click a tile", "slide it into the gap"),
            ("Arrows or WASD", "slide the tile beside the gap that way"),
        ),
        scoring=("solving puzzles in few slides",),
        clearing=("put the tiles in order for a new, longer shuffle",),
        family="board",
    ),
    "solitaire": PartInfo(
        entities=(("Card", "card"), ("Klondike", "board")),
        controls=(
            ("Drag cards with the mouse", "move them onto a pile"),
            ("Click a card / the stock", "send it where it fits / deal"),
            ("Arrows or WASD", "choose a pile (Up/Down: how many)"),
            ("Space or Enter", "move them where they fit"),
            ("R", "a new deal"),
        ),
        scoring=("building the foundations, turning cards over",),
        clearing=("build all four foundations, ace to king, for a new deal",),
        family="board",
    ),
    # -- arcade genres --
    "lander": PartInfo(
        entities=(("Lander", "player"),),
        controls=(
            ("Up, W or Space", "main engine (burns fuel)"),
            ("Left/Right or A/D", "side jets"),
            ("Click", "a burst of the engine"),
        ),
        scoring=("landing on the pad (fuel left pays a bonus)",),
        clearing=("land to reach the next pad",),
        losing="you crash (too fast, or off the pad), out of lives",
        player=True,
    ),
    "frogger": PartInfo(
        entities=(("Frog", "player"), ("Lane", "obstacle")),
        controls=(("Arrows or WASD", "hop"), ("Click", "hop towards it")),
        scoring=("hopping forward", "filling a home (all homes: next level)"),
        clearing=("fill every home for faster lanes",),
        losing="cars hit you, you fall in the water or a taken home, out of lives",
        player=True,
    ),
    "missiles": PartInfo(
        entities=(("Crosshair", "player"), ("Missile", "enemy"), ("Blast", "projectile")),
        controls=(
            ("Click", "launch a counter-missile there"),
            ("Arrows/WASD + Space", "aim, launch"),
        ),
        scoring=("missiles caught in a blast", "cities and missiles left after a wave"),
        clearing=("survive a wave for a bigger one",),
        losing="every city is lost",
        player=True,
        spawns=(("Missile", "spawn_every"),),
    ),
    "gunner": PartInfo(
        entities=(("Gunner", "player"),),
        controls=(
            ("WASD", "walk"),
            ("Arrows (held)", "aim and fire"),
            ("Mouse", "aim"),
        ),
        player=True,
    ),
    "horde": PartInfo(
        entities=(("Grunt", "enemy"),),
        scoring=("shooting the horde (big ones take two shots)",),
        clearing=("clear a wave for a bigger one",),
        losing="the horde reaches you, out of lives",
        spawns=(("Grunt", "horde_every"),),
    ),
    "tanks": PartInfo(
        entities=(("Tank", "player"), ("EnemyTank", "enemy"), ("Shell", "projectile")),
        controls=(
            ("Up/Down or W/S", "drive, back up"),
            ("Left/Right or A/D", "turn"),
            ("Click", "turn that way and fire"),
        ),
        scoring=("destroying enemy tanks (one hit each)",),
        clearing=("destroy every enemy tank for a bigger squad",),
        losing="enemy shells hit you, out of lives",
        player=True,
    ),
    # -- toys genres --
    "moles": PartInfo(
        entities=(("Hole", "enemy"),),
        controls=(
            ("Click a hole", "whack it"),
            ("1-9", "whack that hole"),
            ("Arrows/WASD + Space", "aim, whack"),
        ),
        scoring=("whacking moles while they are up (golden ones pay five times)",),
        losing="moles get away (or you whack a bomb), out of lives",
        spawns=(("mole", "pop_every"),),
    ),
    "typing": PartInfo(
        entities=(("Word", "enemy"),),
        controls=(
            ("Letters", "type the falling words"),
            ("Backspace", "let go of the word"),
            ("Click a word", "type its first letter"),
        ),
        scoring=("typing whole words (longer words pay more)",),
        losing="words reach the ground, out of lives",
        spawns=(("Word", "word_every"),),
    ),
    "rhythm": PartInfo(
        entities=(("Note", "enemy"),),
        controls=(("D F J K or arrows", "hit the note in that lane"), ("Click a lane", "hit it")),
        scoring=("notes hit on the beat (perfect 300, good 100; a combo multiplies)",),
        losing="misses break the combo and cost a life, out of lives",
        spawns=(("Note", "beat_time"),),
    ),
    "clicker": PartInfo(
        entities=(("Upgrade", "pickup"),),
        controls=(
            ("Click the coin / Space", "earn coins"),
            ("Click an upgrade / 1-4", "buy it"),
        ),
        scoring=("coins earned by clicks and by upgrades every second",),
        clearing=("earn each level's goal for a bigger one; every purchase raises that price",),
        losing="a goal is not reached before its clock runs out",
    ),
    "fishing": PartInfo(
        entities=(("Fish", "pickup"),),
        controls=(
            ("Space / click water", "cast, strike on a bite"),
            ("Left/Right, A/D", "move the boat"),
            ("Up/Down, W/S", "bait depth"),
        ),
        scoring=("fish reeled in (bigger fish pay more)",),
        losing="fish bite and escape because you struck too late, out of bait",
    ),
    # -- physics genres --
    "golf": PartInfo(
        entities=(("Course", "arena"), ("GolfBall", "player")),
        controls=(
            ("Left/Right or mouse", "aim"),
            ("Up/Down or mouse distance", "power"),
            ("Space or click", "putt"),
        ),
        scoring=("holing out under par (a hole in one pays most)",),
        clearing=("hole out for the next hole; a round has several holes",),
        losing="the round is over",
        player=True,
    ),
    "bubbles": PartInfo(
        entities=(("Bubbles", "arena"), ("FlyingBubble", "projectile"), ("Launcher", "player")),
        controls=(("Left/Right or mouse", "aim"), ("Space, Up or click", "shoot a bubble")),
        scoring=("popping 3+ of one colour", "dropping bubbles cut loose"),
        clearing=("clear every bubble for the next board",),
        losing="the bubbles reach the bottom line",
        player=True,
    ),
    "towers": PartInfo(
        entities=(
            ("Path", "arena"),
            ("Enemy", "enemy"),
            ("Tower", "obstacle"),
            ("Cursor", "player"),
        ),
        controls=(
            ("Click a tile", "build / upgrade a tower"),
            ("Arrows/WASD + Space", "the same with a cursor"),
        ),
        scoring=("enemies the towers stop (they pay money for towers and upgrades)",),
        clearing=("stop a wave for a bigger one",),
        losing="enemies reach the end of the path, out of lives",
        player=True,
        spawns=(("Enemy", "spawn_every"),),
    ),
    "pinball": PartInfo(
        entities=(("Pinball", "player"), ("Flipper", "obstacle"), ("DropTarget", "obstacle")),
        controls=(
            ("Left/Right or Z/M", "flippers"),
            ("Space/Down", "plunger (hold)"),
            ("Click a side", "flip / launch"),
        ),
        scoring=("bumpers", "drop targets (all down pays a bonus)"),
        clearing=("knock down every drop target for the next level",),
        losing="the last ball drains",
        player=True,
    ),
    "racing": PartInfo(
        entities=(("Track", "arena"), ("PlayerCar", "player"), ("Rival", "enemy")),
        controls=(
            ("Up/W, Down/S", "drive, brake / reverse"),
            ("Left/Right or A/D", "steer"),
            ("Click", "drive there"),
        ),
        scoring=("checkpoints passed in order", "finishing a race (winning pays most)"),
        clearing=("finish the laps for the next race",),
        losing="a rival finishes first",
        player=True,
    ),
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
