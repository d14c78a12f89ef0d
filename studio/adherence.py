"""Does a candidate match the request? The free signals: no model, a few milliseconds.

The prompt is read with the offline designer's own vocabulary (``studio.designer.lexicon``):
the genres it names, the mechanics it asks for (timer, power-ups, shooting, ...) and its
subjects (theme words: space, dragon, ocean, ...). The candidate is read from what it says
it is and does:

* its title (``pygame.display.set_caption`` and ``TITLE``-like constants),
* its module docstring (controls included) and the comments that open the file, with any
  verbatim copy of a prompt of three words or more taken out: a program that only repeats
  the request proves nothing,
* its class and function names (``TetrisBoard`` reads "tetris board"),
* its on-screen text: the string literals it passes to ``font.render`` (there is no OCR in
  the stack; what a game writes on screen is, in practice, in those literals).

The same lexicon plus the words programs use for the same things (``gem`` for a match-3,
``brick`` for breakout, ``bullet`` for shooting) finds what the candidate is. The rule:

* a prompt that names genres is matched when every genre it names is seen (for a hybrid,
  both halves); missing mechanics or subjects are reported but do not fail the match;
* a prompt that names no genre (a free-form idea) is matched when every mechanic and
  subject it asks for is seen; one that names none of those has nothing to check and every
  candidate matches (the free signals never reject everything for want of a genre).

``coverage`` (0..1, genres weighted 3 to 1) orders the candidates when none matches.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from studio.designer.lexicon import GENRES, MECHANICS, THEMES
from studio.designer.reading import read_prompt

#: Words programs use for a genre's parts, besides the lexicon's names for the genre.
GENRE_CODE_WORDS: dict[str, tuple[str, ...]] = {
    "tetris": (
        "tetrimino",
        "tetriminos",
        "falling piece",
        "rotate piece",
        "lock piece",
        "next piece",
        "spawn piece",
        "hard drop",
        "clear lines",
        "clear rows",
        "line clear",
        "lines cleared",
    ),
    "match3": ("gem", "gems", "swap", "swapped", "swapping", "match three", "find matches"),
    "snake": ("snake body", "segments"),
    "breakout": ("bricks left",),
    "pong": ("opponent paddle", "ai paddle", "cpu paddle", "left paddle", "right paddle", "rally"),
    "invaders": ("ufo",),
    "asteroids": ("rocks",),
    "flappy": ("pipe gap", "bird"),
    "runner": ("platforms", "platform", "obstacles", "obstacle"),
    "maze": ("pellet", "pellets", "ghost", "pac"),
    "2048": ("merge", "merged", "tiles merge"),
    "minesweeper": ("mine", "reveal cell", "flag cell"),
    "memory": ("cards", "card", "flip card"),
}

#: Words programs use for a mechanic, besides the lexicon's (``clock`` is left out: every
#: pygame program has one).
MECHANIC_CODE_WORDS: dict[str, tuple[str, ...]] = {
    "timer": ("time left", "remaining time", "seconds left", "time up"),
    "powerups": ("boost", "shield", "upgrade", "upgrades"),
    "shooting": ("bullet", "fire", "shot", "shots", "projectile", "projectiles", "missile"),
    "jumping": ("jumps", "jump speed", "jump velocity"),
    "collecting": ("collectible", "collectibles", "pickup", "collected"),
    "enemies": ("ghost", "ghosts", "alien", "aliens", "zombie", "chaser", "foe", "foes"),
    "gravity": ("drop", "falls", "fall speed"),
    "levels": ("stage", "wave", "waves"),
    "lives": ("life", "heart"),
}

#: Subjects whose plain word means something else in a program: "Space" is a key.
SUBJECT_WORDS: dict[str, tuple[str, ...]] = {
    "space": (
        "outer space",
        "in space",
        "space ship",
        "spaceship",
        "space station",
        "space game",
        "planet",
        "planets",
        "galaxy",
        "cosmic",
    ),
}

#: Theme words that name a style rather than something the game is about.
STYLE_WORDS = frozenset({"arcade", "retro", "neon"})

MECHANIC_NAMES = {
    "timer": "a timer",
    "powerups": "power-ups",
    "shooting": "shooting",
    "jumping": "jumping",
    "collecting": "collecting",
    "enemies": "enemies",
    "gravity": "falling/gravity",
    "levels": "levels",
    "lives": "lives",
}

GENRE_WEIGHT = 0.75  # coverage: genres count three times as much as mechanics and subjects
SOURCES = ("title", "screen", "docstring", "names")
ECHO_WORDS = 3  # a prompt this long or longer, copied verbatim, is an echo and not evidence


@dataclass
class Asked:
    """What a prompt asks for, in the designer's vocabulary."""

    prompt: str
    genres: list[str] = field(default_factory=list)  # genre keys, only when named
    mechanics: list[str] = field(default_factory=list)
    subjects: list[str] = field(default_factory=list)  # theme words, as written

    @property
    def items(self) -> int:
        return len(self.genres) + len(self.mechanics) + len(self.subjects)


@dataclass
class Adherence:
    """How one candidate matches the request, and why, in one line."""

    matches: bool
    coverage: float  # 0..1: the share of what was asked for that was seen
    reason: str
    by: str = "free signals"  # or "judge"
    seen: dict[str, str] = field(default_factory=dict)  # item -> where it was seen
    missing: list[str] = field(default_factory=list)  # items asked for and not seen
    is_: list[str] = field(default_factory=list)  # the genres the candidate shows
    free: dict[str, Any] | None = None  # the free signals' own answer, when the judge decided
    judge: dict[str, Any] | None = None  # the judge's answer (score, reason), when it gave one

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "matches": self.matches,
            "coverage": round(self.coverage, 3),
            "reason": self.reason,
            "by": self.by,
            "seen": dict(self.seen),
            "missing": list(self.missing),
            "is": list(self.is_),
        }
        if self.free is not None:
            data["free"] = self.free
        if self.judge is not None:
            data["judge"] = self.judge
        return data


def normalise(text: str) -> str:
    """Lower-case words separated by single spaces, padded: identifiers split into words."""
    text = re.sub(r"([a-z])([A-Z])", r"\1 \2", text)
    text = re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1 \2", text)
    text = re.sub(r"([A-Za-z])(\d)|(\d)([A-Za-z])", _space_digits, text)
    text = text.lower().replace("\u2019", "'").replace("_", " ")
    text = re.sub(r"[^a-z0-9+'\- ]+", " ", text)
    return " " + re.sub(r"\s+", " ", text).strip() + " "


def _space_digits(m: re.Match[str]) -> str:
    return f"{m.group(1)} {m.group(2)}" if m.group(1) else f"{m.group(3)} {m.group(4)}"


_WORD_CACHE: dict[str, re.Pattern[str]] = {}


def _has(text: str, phrase: str) -> bool:
    pattern = _WORD_CACHE.get(phrase)
    if pattern is None:
        body = r"[ \-]".join(re.escape(word) for word in re.split(r"[ \-]", phrase))
        pattern = _WORD_CACHE[phrase] = re.compile(r"(?<![a-z0-9])" + body + r"(?![a-z0-9])")
    return pattern.search(text) is not None


def asked(prompt: str) -> Asked:
    """Read ``prompt`` as the offline designer does: named genres, mechanics, subjects."""
    und = read_prompt(prompt)
    text = normalise(prompt)
    subjects = sorted(
        (text.find(f" {w} "), w) for w in THEMES if w not in STYLE_WORDS and _has(text, w)
    )
    return Asked(
        prompt=prompt,
        genres=list(und.genres) if und.recognised else [],
        mechanics=list(und.mechanics),
        subjects=[w for _pos, w in subjects],
    )


@dataclass
class Signals:
    """What a candidate says it is and does, by where it says it (normalised text)."""

    title: str = ""
    screen: str = ""
    docstring: str = ""
    names: str = ""

    def where(self, phrases: tuple[str, ...]) -> str | None:
        """``"'gem' in names"`` for the first source holding one of ``phrases``, else None."""
        for source in SOURCES:
            text = getattr(self, source)
            for phrase in phrases:
                if _has(text, phrase):
                    return f"'{phrase}' in {'the ' if source != 'names' else ''}{source}"
        return None


_DOCSTRING = re.compile(
    r"""\A(?:[ \t]*(?:#[^\n]*)?\n)*[ \t]*[rRuU]?(\"\"\"|\'\'\'|"|')(.*?)\1""", re.S
)
_HEADER = re.compile(r"\A(?:[ \t]*(?:#[^\n]*)?\n)+")  # comment lines before the first code
_NAME = re.compile(r"^[ \t]*(?:async[ \t]+)?(?:def|class)[ \t]+(\w+)", re.M)
_CAPTION = re.compile(r"\bset_caption\(([^\n]*)")
_RENDER = re.compile(r"\.render\(([^\n]*)")
_CONSTANT = re.compile(
    r"^[ \t]*\w*(?:TITLE|CAPTION|TAGLINE|GAME_NAME)\w*[ \t]*=[ \t]*([^\n]*)", re.M
)
_LITERAL = re.compile(r"""([fFrRuU]{0,2})(["'])((?:\\.|(?!\2)[^\\\n])*)\2""")


def signals(code: str, prompt: str = "") -> Signals:
    """Read ``code``: title, on-screen text, docstring (minus echoes of ``prompt``), names.

    Read with regular expressions, not ``ast``: a playable candidate compiles, and walking
    the tree of a 1000-line game costs more than the rest of the check together."""
    doc = _DOCSTRING.match(code)
    header = _HEADER.match(code)
    text = (header.group(0).replace("#", " ") if header else "") + (doc.group(2) if doc else "")
    titles = [t for m in _CAPTION.finditer(code) for t in _literals(m.group(1))]
    titles += [t for m in _CONSTANT.finditer(code) for t in _literals(m.group(1))]
    screen = [t for m in _RENDER.finditer(code) for t in _literals(m.group(1))]
    return Signals(
        title=_without(normalise(" . ".join(titles)), prompt),
        screen=_without(normalise(" . ".join(screen)), prompt),
        docstring=_without(normalise(text), prompt),
        names=normalise(" . ".join(_NAME.findall(code))),
    )


def raw_claims(code: str) -> tuple[str, str]:
    """``(caption, docstring)`` as the candidate wrote them (for the model judge)."""
    doc = _DOCSTRING.match(code)
    caption = next((t for m in _CAPTION.finditer(code) for t in _literals(m.group(1))), "")
    return caption.strip(), (doc.group(2).strip() if doc else "")


def _literals(text: str) -> list[str]:
    """The text of the string literals in ``text`` (an f-string without its fields)."""
    out = []
    for m in _LITERAL.finditer(text):
        body = m.group(3)
        if "f" in m.group(1).lower():
            body = re.sub(r"\{[^{}]*\}", " ", body)
        out.append(body)
    return out


def _without(text: str, prompt: str) -> str:
    """``text`` with every verbatim copy of ``prompt`` (normalised) taken out."""
    echo = normalise(prompt).strip() if prompt else ""
    if len(echo.split()) < ECHO_WORDS:  # "Breakout" titling a breakout is a claim, not an echo
        return text
    return text.replace(f" {echo} ", " . ")


def genre_phrases(key: str) -> tuple[str, ...]:
    return GENRES[key][1] + GENRE_CODE_WORDS.get(key, ())


def mechanic_phrases(key: str) -> tuple[str, ...]:
    return MECHANICS[key] + MECHANIC_CODE_WORDS.get(key, ())


def subject_phrases(word: str) -> tuple[str, ...]:
    if word in SUBJECT_WORDS:
        return SUBJECT_WORDS[word]
    return (word[:-1], word) if word.endswith("s") and len(word) > 3 else (word, word + "s")


def genre_name(key: str) -> str:
    return GENRES[key][0] if key in GENRES else key


def _a(name: str) -> str:
    return ("an " if name[:1] in "aeiou" else "a ") + name


def check(prompt: str | Asked, code: str) -> Adherence:
    """The free signals' judgement of ``code`` against ``prompt``."""
    want = prompt if isinstance(prompt, Asked) else asked(prompt)
    sig = signals(code, want.prompt)
    is_ = [g for g in GENRES if GENRES[g][1] and sig.where(genre_phrases(g))]
    seen: dict[str, str] = {}
    missing: list[str] = []
    items = (
        [(genre_name(g), genre_phrases(g)) for g in want.genres]
        + [(MECHANIC_NAMES.get(m, m), mechanic_phrases(m)) for m in want.mechanics]
        + [(s, subject_phrases(s)) for s in want.subjects]
    )
    for name, phrases in items:
        where = sig.where(phrases)
        if where:
            seen[name] = where
        else:
            missing.append(name)
    genres = [genre_name(g) for g in want.genres]
    others = [name for name, _ in items[len(genres) :]]
    got_genres = [g for g in genres if g in seen]
    got_others = [o for o in others if o in seen]
    if genres and others:
        coverage = GENRE_WEIGHT * len(got_genres) / len(genres)
        coverage += (1 - GENRE_WEIGHT) * len(got_others) / len(others)
    elif items:
        coverage = len(seen) / len(items)
    else:
        coverage = 1.0
    matches = len(got_genres) == len(genres) if genres else len(got_others) == len(others)
    reason = _reason(want, genres, others, seen, missing, [genre_name(g) for g in is_], matches)
    return Adherence(matches, coverage, reason, seen=seen, missing=missing, is_=is_)


def _reason(
    want: Asked,
    genres: list[str],
    others: list[str],
    seen: dict[str, str],
    missing: list[str],
    shows: list[str],
    matches: bool,
) -> str:
    if not want.items:
        return "the request names no genre, subject or mechanic the studio knows; nothing to check"
    lacking_others = [o for o in others if o not in seen]
    extra = f"; no sign of {', '.join(lacking_others)}" if lacking_others else ""
    if matches:
        shown = [f"{n} ({seen[n]})" for n in (genres or others)]
        return "matches the request: " + ", ".join(shown) + (extra if genres else "")
    if genres:
        lacking = [g for g in genres if g not in seen]
        what = " + ".join(shows or [g for g in genres if g in seen])
        if len(genres) > 1 and len(lacking) < len(genres):
            half = " and ".join(lacking)
            part = "half" if len(genres) == 2 else "part"
            body = f"the {half} {part} of the request is missing"
            return (f"{_a(what)} game; " if what else "") + body + extra
        asked_for = " + ".join(genres)
        if what:
            return f"{_a(what)} game, not the {asked_for} asked for{extra}"
        return f"no sign of the {asked_for} asked for{extra}"
    return "no sign of " + ", ".join(lacking_others) + " (asked for)"
