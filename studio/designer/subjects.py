"""The subjects the offline designer can draw: animals, plants, vehicles, people, monsters,
food, space and sea things. A subject named in a prompt becomes the player, the enemies or
the things to collect, and brings its backdrop (a theme) when the prompt names none.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from studio.designer import sprites as s

KINDS = ("animal", "sea", "plant", "vehicle", "person", "monster", "food", "space")
ROLES = ("player", "enemy", "pickup")


@dataclass(frozen=True)
class Subject:
    name: str
    kind: str  # one of KINDS
    role: str  # the role it prefers: one of ROLES
    colour: tuple[int, int, int]
    draw: Callable[[], list[s.Shape]]
    theme: str  # the backdrop that goes with it (a palette theme)
    words: tuple[str, ...] = ()  # other names and plurals ("mice", "kitten")
    friends: str = ""  # what it collects, when the prompt names nothing to collect
    foes: str = ""  # what it avoids, when the prompt names nothing to avoid
    hero: str = ""  # who plays against it, when it is an enemy or a pickup

    @property
    def picture(self) -> tuple[tuple[int, int, int], list[s.Shape]]:
        return self.colour, self.draw()


#: How each subject is drawn (``studio.designer.sprites``).
DRAWINGS: dict[str, Callable[[], list[s.Shape]]] = {
    "cat": lambda: s.critter("pointy"),
    "dog": lambda: s.critter("floppy", s.BROWN),
    "rabbit": lambda: s.critter("long", s.PINK, False),
    "mouse": lambda: s.critter("round", s.PINK),
    "frog": s.frog,
    "fox": lambda: s.critter("pointy", "w"),
    "bear": lambda: s.critter("round", (200, 160, 110), False),
    "panda": lambda: s.critter("round", "k", False),
    "pig": lambda: s.critter("floppy", (255, 190, 200)),
    "wolf": lambda: s.critter("pointy", "l"),
    "monkey": lambda: s.critter("round", (230, 190, 150)),
    "bird": s.bird,
    "chicken": lambda: s.bird(s.ORANGE, True),
    "duck": lambda: s.bird(s.ORANGE, False, "m"),
    "penguin": lambda: s.bird(s.ORANGE, False, "w"),
    "owl": lambda: s.bird(s.YELLOW, True),
    "bee": lambda: s.bug("w", True),
    "wasp": lambda: s.bug((220, 220, 230), True),
    "butterfly": lambda: s.bug((235, 140, 240)),
    "ladybug": lambda: s.bug(None),
    "spider": lambda: s.bug(None, False, True),
    "snail": lambda: s.shell_critter((190, 120, 70)),
    "slug": lambda: s.shell_critter("m"),
    "turtle": lambda: s.shell_critter((110, 90, 60)),
    "dinosaur": s.reptile,
    "fish": s.fish,
    "shark": lambda: s.fish(True, True),
    "whale": lambda: s.fish(False, False, True),
    "dolphin": lambda: s.fish(True),
    "octopus": lambda: s.tentacles(4),
    "jellyfish": lambda: s.tentacles(5),
    "crab": s.crab,
    "starfish": s.star,
    "submarine": s.submarine,
    "flower": lambda: s.flower((235, 90, 140)),
    "tree": s.tree,
    "mushroom": s.mushroom,
    "cactus": s.cactus,
    "carrot": s.carrot,
    "lily pad": s.pad,
    "leaf": s.leaf,
    "apple": s.round_fruit,
    "cherry": lambda: s.round_fruit(False),
    "cheese": s.wedge,
    "pizza": lambda: s.wedge(False),
    "cake": s.cake,
    "donut": s.ring,
    "cookie": lambda: s.ring("d", False),
    "honey": lambda: s.round_fruit(False),
    "bone": s.leaf,
    "car": s.car,
    "truck": lambda: s.car(True, True),
    "boat": s.boat,
    "plane": s.plane,
    "gardener": lambda: s.person("m", "cap"),
    "knight": lambda: s.person("m", "helmet"),
    "wizard": lambda: s.person("m", "pointy"),
    "ninja": lambda: s.person("m", "band"),
    "astronaut": lambda: s.person("m", "bubble"),
    "princess": lambda: s.person("m", "crown"),
    "chef": lambda: s.person("m", "cap"),
    "ghost": s.ghost,
    "zombie": lambda: s.person((90, 110, 140), "", "m"),
    "slime": s.blob,
    "bat": s.bat,
    "dragon": lambda: s.reptile(True, s.YELLOW),
    "robot": s.robot,
    "monster": s.blob,
    "star": s.star,
    "planet": s.planet,
    "moon": s.moon,
    "rocket": s.rocket,
    "ufo": s.saucer,
    "meteor": s.meteor,
    "coin": s.planet,
    "corn": s.carrot,
    "seal": lambda: s.fish(False),
    "tiger": lambda: s.critter("round", "w"),
}

#: name|kind|role it prefers|colour|backdrop|friends|foes|hero|other names (plurals are added)
TABLE = """
cat|animal|player|f0a046|forest|fish|dog||kitten, kitty
dog|animal|player|aa7850|forest|bone|cat||puppy, doggo
rabbit|animal|player|ebebf0|forest|carrot|fox||bunny, hare
mouse|animal|pickup|aaaab4|forest|cheese|cat|cat|mice, rat, hamster
frog|animal|player|5abe50|ocean|ladybug|bird||toad
fox|animal|enemy|eb7828|forest|chicken|dog|rabbit|
bear|animal|player|8c5f3c|forest|honey|bee||teddy
panda|animal|player|f0f0f0|forest|leaf|tiger||
pig|animal|player|f5a0aa|forest|apple|wolf||piglet, piggy
wolf|animal|enemy|787d8c|ice|||pig|wolves
monkey|animal|player|96643c|forest|apple|tiger||ape, chimp
bird|animal|player|50a0e6|forest|cherry|cat||sparrow, parrot
chicken|animal|player|f5f0e6|forest|corn|fox||hen, chick
duck|animal|player|f5d73c|ocean|leaf|crab||duckling
penguin|animal|player|282d3c|ice|fish|seal||
owl|animal|player|966e46|spooky|mouse|bat||
bee|animal|player|f5c828|forest|flower|wasp||bumblebee, honeybee
wasp|monster|enemy|f0b41e|forest|||bee|hornet
butterfly|animal|pickup|c86ee6|forest|||bird|moth
ladybug|animal|player|dc3232|forest|leaf|spider||ladybird, beetle, bug
spider|monster|enemy|3c3246|spooky|||ladybug|
snail|animal|player|c8be96|forest|leaf|bird||
slug|monster|enemy|96a050|forest|||gardener|
turtle|animal|player|5aa05a|ocean|starfish|shark||tortoise
dinosaur|animal|player|6eb45a|lava|meteor|meteor||dino, t-rex, trex, raptor
fish|sea|pickup|fa963c|ocean|starfish|shark|cat|goldfish, clownfish
shark|sea|enemy|788ca0|ocean|||submarine|
whale|sea|player|466ebe|ocean|fish|shark||
dolphin|sea|player|6ea0d2|ocean|fish|shark||
octopus|sea|enemy|c85aa0|ocean|||submarine|octopi, squid
jellyfish|sea|enemy|e696e6|ocean|||fish|jelly
crab|sea|enemy|e1503c|ocean|||turtle|lobster
starfish|sea|pickup|f58c5a|ocean|||turtle|seastar
submarine|vehicle|player|f5d23c|ocean|starfish|shark||sub, diver, scuba
flower|plant|pickup|eb5a8c|forest||slug|gardener|rose, tulip, daisy, blossom, plant
tree|plant|enemy|3c9646|forest|||bird|
mushroom|plant|pickup|d23c32|forest|||snail|toadstool, fungi
cactus|plant|enemy|46a050|desert|||dinosaur|cacti
carrot|food|pickup|f08228|forest|||rabbit|vegetable, veggies
lily pad|plant|pickup|46aa5a|ocean|||frog|lilypad, lily
leaf|plant|pickup|6ebe50|forest|||snail|leaves
apple|food|pickup|dc3232|forest|||pig|fruit
cherry|food|pickup|c81e3c|candy|||bird|berry, strawberry
cheese|food|pickup|f5cd46|candy|||mouse|
pizza|food|pickup|f0b450|candy|||chef|
cake|food|pickup|f5aac8|candy|||chef|cupcake, birthday
donut|food|pickup|f078aa|candy|||chef|doughnut
cookie|food|pickup|cd965a|candy|||mouse|biscuit
honey|food|pickup|f5b428|forest|||bear|honeypot, honey pot
bone|food|pickup|f0ebdc|forest|||dog|
car|vehicle|player|dc3c3c|desert|coin|truck||racing, racer, race car, taxi
truck|vehicle|enemy|4678d2|desert|||car|lorry, bus, tractor
boat|vehicle|player|aa6e3c|ocean|starfish|shark||ship, sailboat, pirate ship
plane|vehicle|player|dce1eb|space|star|bird||airplane, aeroplane, jet
gardener|person|player|509646|forest|flower|slug||gardening, farmer, farming
knight|person|player|aaafbe|lava|coin|dragon||hero, warrior, soldier
wizard|person|player|6e46be|spooky|star|ghost||witch, mage, magic
ninja|person|player|32323c|neon|coin|robot||samurai
astronaut|person|player|ebebf0|space|star|meteor||spaceman, cosmonaut
princess|person|player|f082be|candy|cake|dragon||prince, king, queen
chef|person|player|f0f0f0|candy|cake|mouse||cook, cooking, baker, baking
ghost|monster|enemy|e1e6fa|spooky|||wizard|spirit, phantom
zombie|monster|enemy|78aa5a|spooky|||knight|undead
slime|monster|enemy|6ed26e|lava|||knight|blob, goo
bat|monster|enemy|5a466e|spooky|||owl|vampire
dragon|monster|enemy|c83c32|lava|||knight|
robot|monster|enemy|a0aab9|neon|||ninja|droid, android
monster|monster|enemy|9650c8|spooky|||knight|beast, creature
star|space|pickup|fadc50|space|||astronaut|
planet|space|pickup|78aaf0|space|||rocket|
moon|space|pickup|dcdcc8|space|||astronaut|
rocket|vehicle|player|ebebf0|space|star|ufo||spaceship, space ship
ufo|space|enemy|96a0b4|space|||rocket|flying saucer, saucer
meteor|space|enemy|966e5a|space|||rocket|comet, meteorite
coin|food|pickup|f5c83c|desert|||knight|
corn|food|pickup|f5d750|forest|||chicken|seeds, grain
seal|sea|enemy|828296|ice|||penguin|
tiger|animal|enemy|f09628|forest|||panda|lion
"""


def plural(word: str) -> str:
    """``cat`` -> ``cats``, ``fox`` -> ``foxes``, ``puppy`` -> ``puppies``."""
    if word.endswith(("s", "sh", "ch", "x")):
        return word + "es"
    if word.endswith("y") and word[-2:-1] not in ("a", "e", "i", "o", "u"):
        return word[:-1] + "ies"
    return word + "s"


def _load(table: str) -> tuple[Subject, ...]:
    out = []
    for row in table.strip().splitlines():
        name, kind, role, colour, theme, friends, foes, hero, words = (
            cell.strip() for cell in row.split("|")
        )
        rgb = (int(colour[0:2], 16), int(colour[2:4], 16), int(colour[4:6], 16))
        names = [name, *(w.strip() for w in words.split(",") if w.strip())]
        others = tuple(dict.fromkeys([*names[1:], *(plural(n) for n in names)]))
        out.append(
            Subject(name, kind, role, rgb, DRAWINGS[name], theme, others, friends, foes, hero)
        )
    return tuple(out)


LIBRARY: tuple[Subject, ...] = _load(TABLE)
SUBJECTS: dict[str, Subject] = {subject.name: subject for subject in LIBRARY}
#: word or phrase -> subject name (plurals and other names included).
WORDS: dict[str, str] = {}
for _subject in LIBRARY:
    for _word in (_subject.name, *_subject.words):
        WORDS.setdefault(_word, _subject.name)


#: Where each role is drawn: the parts that draw a player, an enemy or a thing to collect.
PLAYER_DRAWN = (
    "walker",
    "runner",
    "flapper",
    "ship",
    "rocket",
    "lander",
    "frogger",
    "gunner",
    "tanks",
    "racing",
)
ENEMY_DRAWN = (
    "chasers",
    "rocks",
    "wave",
    "obstacles",
    "horde",
    "tanks",
    "missiles",
    "moles",
    "towers",
)
PICKUP_DRAWN = ("pickups", "fishing", "clicker")
ROLE_WORDS = {"player": "you", "enemy": "to avoid", "pickup": "to collect"}


@dataclass
class Cast:
    """Who is who: the subject of each role, those the prompt named first."""

    named: list[str]  # subject names in the prompt, in order
    roles: dict[str, Subject]  # role -> subject

    def line(self, drawn: set[str] | None = None) -> str:
        """``subjects: frog (you), lily pad (to collect), bird (to avoid; added)``: the
        named subjects, and the added ones in the ``drawn`` roles (all when None)."""
        parts = []
        for role in ROLES:
            subject = self.roles.get(role)
            if subject is None:
                continue
            if subject.name in self.named or drawn is None or role in drawn:
                added = "" if subject.name in self.named else "; added"
                if drawn is not None and role not in drawn:  # named, but not in this game
                    parts.append(subject.name)
                else:
                    parts.append(f"{subject.name} ({ROLE_WORDS[role]}{added})")
        return "subjects: " + ", ".join(parts) if parts else ""


_PATTERN = re.compile(
    r"(?<![a-z0-9])("
    + "|".join(re.escape(word) for word in sorted(WORDS, key=len, reverse=True))
    + r")(?![a-z0-9])"
)


def find(text: str) -> list[str]:
    """The subjects ``text`` names (normalised: lower case, single spaces), in order; the
    longest name wins ("lily pads" is not also "lily")."""
    names: list[str] = []
    for match in _PATTERN.finditer(text):
        name = WORDS[match.group(1)]
        if name not in names:
            names.append(name)
    return names


def cast(named: list[str]) -> Cast:
    """Give each named subject the role it prefers (the next free one when that is taken),
    then fill the empty roles with the companions of the player."""
    roles: dict[str, Subject] = {}
    for name in named:
        subject = SUBJECTS[name]
        order = [subject.role, *(r for r in ROLES if r != subject.role)]
        free = next((r for r in order if r not in roles), None)
        if free is not None:
            roles[free] = subject
    if not roles:
        return Cast(named=named, roles={})
    if "player" not in roles:
        first = roles.get("enemy") or roles["pickup"]
        if first.hero in SUBJECTS:
            roles["player"] = SUBJECTS[first.hero]
    player = roles.get("player")
    if player is not None:
        for role, other in (("pickup", player.friends), ("enemy", player.foes)):
            if role not in roles and other in SUBJECTS:
                roles[role] = SUBJECTS[other]
    return Cast(named=named, roles=roles)


def pictures(roles: dict[str, Subject], parts: list[str]) -> tuple[dict[str, Any], list[str]]:
    """The template parameters (``player_picture``...) for the roles these parts can draw,
    and the named roles they cannot (``["player"]``)."""
    params: dict[str, Any] = {}
    missing: list[str] = []
    for role, drawn in (("player", PLAYER_DRAWN), ("enemy", ENEMY_DRAWN), ("pickup", PICKUP_DRAWN)):
        subject = roles.get(role)
        if subject is None:
            continue
        if any(part in parts for part in drawn):
            params[f"{role}_picture"] = subject.picture
            if role == "enemy":  # the score line counts sharks, not rocks
                params["enemy_label"] = plural(subject.name).title()
        else:
            missing.append(role)
    return params, missing
