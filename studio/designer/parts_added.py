"""The parts of the genres added after the first thirteen (board, arcade, toys, physics),
by group; ``catalogue.PARTS`` takes them after its own."""

from __future__ import annotations

from studio.designer.part_info import PartInfo

PARTS_ADDED: dict[str, PartInfo] = {
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
