"""Reading a change request for a designer game, and applying it to its stored design.

``read_changes(text)`` finds what the offline designer can do to a game: faster / slower,
harder / easier, a bigger / smaller board, more / fewer enemies, another colour scheme or
theme (or named colours), power-ups added or removed, more / fewer lives (or a number), a
timer added or removed, and "mix it with <genre>". ``remix_record(record, changes)`` gives
the new design record (``studio.designer.stored``) and one line per change saying what it
did, or why it could not apply to this game. Nothing here knows one genre from another.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from studio.designer.builder import PACE
from studio.designer.design import Design
from studio.designer.lexicon import GENRES
from studio.designer.palettes import THEME_BASES
from studio.designer.reading import read_prompt
from studio.designer.recipes import RECIPES
from studio.designer.stored import design_of, enemy_parts

#: What a person can ask, with examples (the refusal lists them).
EXAMPLES = (
    '"faster" / "slower"',
    '"harder" / "easier"',
    '"a bigger board" / "smaller"',
    '"more enemies" / "fewer enemies"',
    '"another colour scheme", "make it red", "underwater theme"',
    '"add power-ups" / "no power-ups"',
    '"more lives" / "3 lives"',
    '"add a 90 second timer" / "no timer"',
    '"mix it with snake"',
)

_NO = r"(?:no|without|remove|drop|take out|get rid of|fewer|less|lose)"


@dataclass(frozen=True)
class Change:
    """One thing the request asks: ``kind`` and its value (a step, a number, a name)."""

    kind: str  # pace, difficulty, size, enemies, theme, colours, powerups, lives, timer, mix
    value: Any
    said: str  # the words it was read from


def _has(text: str, pattern: str) -> re.Match[str] | None:
    return re.search(rf"(?<![a-z0-9]){pattern}(?![a-z0-9])", text)


def _normal(text: str) -> str:
    text = text.lower().replace("\u2019", "'").replace("colour", "color")
    return " " + re.sub(r"[^a-z0-9+' -]+", " ", text) + " "


def read_changes(request: str) -> list[Change]:
    """Every change ``request`` asks for that the designer knows, in a fixed order."""
    text = _normal(request)
    found: list[Change] = []

    def add(kind: str, value: Any, match: re.Match[str] | None) -> None:
        if match is not None and all(c.kind != kind for c in found):
            found.append(Change(kind, value, match.group(0).strip()))

    add("pace", 1.25, _has(text, r"(?:faster|quicker|speed (?:it )?up|more speed|speedier)"))
    add("pace", 0.8, _has(text, r"(?:slower|slow (?:it )?down|less speed|calmer|more relaxed)"))
    add("difficulty", 1, _has(text, r"(?:harder|more difficult|more challenging|tougher)"))
    add("difficulty", -1, _has(text, r"(?:easier|less difficult|simpler|gentler|more forgiving)"))
    add("size", 1, _has(text, r"(?:bigger|larger|wider|more space|huge)"))
    add("size", -1, _has(text, r"(?:smaller|tinier|narrower|less space|compact)"))
    enemy = r"(?:enemies|enemy|monsters|ghosts|aliens|invaders|rocks|asteroids|chasers|mines)"
    add("enemies", -1, _has(text, rf"{_NO} {enemy}"))
    add("enemies", 1, _has(text, rf"(?:more|extra|add(?: more)?|lots of|double the) {enemy}"))
    power = r"(?:power ?-?ups?|bonus(?:es)?)"
    add("powerups", False, _has(text, rf"{_NO} (?:the )?{power}"))
    add("powerups", True, _has(text, rf"(?:add|with|more|some|give it) (?:some )?{power}"))
    lives = _has(text, r"(\d+|one|two|three|four|five|six|seven|eight|nine|ten) (?:lives|life)")
    if lives is not None:
        add("lives", ("set", _count(lives.group(1))), lives)
    add("lives", ("add", 2), _has(text, r"(?:more|extra|an extra) (?:lives|life)"))
    add("lives", ("add", -1), _has(text, r"(?:fewer|less) lives"))
    add("timer", 0, _has(text, rf"{_NO} (?:the )?(?:timer|time limit|clock)"))
    timer = _has(
        text, r"(?:add|with|a|an|put in) (?:(\d+) (second|minute)s? )?(?:timer|time limit)"
    )
    if timer is not None:
        amount = (
            int(timer.group(1)) * (60 if timer.group(2) == "minute" else 1)
            if timer.group(1)
            else 90
        )
        add("timer", min(600, max(15, amount)), timer)
    mix = _has(text, r"(?:mix(?:ed)?|combine[sd]?|cross|blend|merge|hybrid|meets|with some|add)")
    if mix is not None:
        genres = [g for g in read_prompt(request).genres if g in RECIPES]
        if genres and read_prompt(request).recognised:
            add("mix", genres[0], mix)
    reading = read_prompt(request)
    theme = _has(
        text,
        r"(?:another|other|different|new|change the|swap the) "
        r"(?:color|theme|look|palette)s?(?: scheme)?",
    )
    if reading.theme_word:
        add("theme", reading.theme, _has(text, re.escape(reading.theme_word)))
    elif reading.colours:
        add("colours", list(reading.colours), _has(text, re.escape(reading.colours[0])))
    else:
        add("theme", None, theme)
    return found


_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5}
_WORDS |= {"six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}


def _count(word: str) -> int:
    return int(word) if word.isdigit() else _WORDS[word]


#: Words a request wraps its changes in: what is left after them was asked for and not read.
FILLER = frozenset(
    (
        "a",
        "an",
        "the",
        "it",
        "its",
        "make",
        "made",
        "please",
        "and",
        "also",
        "but",
        "then",
        "so",
        "too",
        "very",
        "much",
        "more",
        "bit",
        "little",
        "lot",
        "way",
        "just",
        "of",
        "in",
        "on",
        "to",
        "for",
        "with",
        "add",
        "put",
        "give",
        "i",
        "want",
        "would",
        "could",
        "can",
        "you",
        "me",
        "we",
        "us",
        "let",
        "game",
        "this",
        "that",
        "be",
        "is",
        "are",
        "some",
        "scheme",
        "theme",
        "color",
        "colors",
        "look",
        "palette",
        "board",
        "field",
        "grid",
        "arena",
        "screen",
        "map",
        "window",
    )
)


def unread(request: str, changes: list[Change]) -> str:
    """What ``request`` asks for beyond ``changes`` (the words no change read), or ''."""
    text = _normal(request)
    for change in changes:
        text = text.replace(f" {change.said} ", " ")
        if change.kind == "mix":  # the genre it names was read too
            for phrase in (*GENRES[change.value][1], change.value):
                text = re.sub(rf" {re.escape(phrase)}(?=[ ])", " ", text)
    words = [w for w in text.split() if w not in FILLER and not w.isdigit()]
    return " ".join(words)


@dataclass
class Outcome:
    """The new record, and one line per change: what it did or why it could not; and what
    the request asked for that the designer could not read."""

    record: dict[str, Any]
    done: list[str]
    skipped: list[str]
    unread: str = ""

    @property
    def line(self) -> str:
        parts = list(self.done) + [f"not done: {s}" for s in self.skipped]
        if self.unread:
            parts.append(f"not understood: '{self.unread}'")
        return "understood: " + "; ".join(parts)


def remix_record(record: dict[str, Any], changes: list[Change]) -> Outcome:
    """``record`` with ``changes`` applied (a new dict; ``record`` is left as it was)."""
    new = {**record, "tweaks": dict(record["tweaks"])}
    new["genres"], new["colours"] = list(record["genres"]), list(record["colours"])
    new["mechanics"] = list(record["mechanics"])
    design = design_of(record)
    field = design.arena.kind == "field"
    out = Outcome(new, [], [])
    tweaks = new["tweaks"]
    for change in changes:
        _apply(change, new, tweaks, design, field, out)
    return out


def _apply(
    change: Change,
    new: dict[str, Any],
    tweaks: dict[str, Any],
    design: Design,
    field: bool,
    out: Outcome,
) -> None:
    kind, value = change.kind, change.value
    if kind == "pace":
        tweaks["pace"] = round(float(tweaks.get("pace", 1.0)) * value, 4)
        out.done.append(f"{'faster' if value > 1 else 'slower'} (pace x{tweaks['pace']:g})")
    elif kind == "difficulty":
        levels = list(PACE)
        at = levels.index(new["difficulty"]) + value
        if 0 <= at < len(levels):
            new["difficulty"] = levels[at]
            out.done.append(f"difficulty {levels[at]}")
        else:  # already at the end: the pace says it instead
            tweaks["pace"] = round(float(tweaks.get("pace", 1.0)) * (1.2 if value > 0 else 0.85), 4)
            out.done.append(f"already {new['difficulty']}: pace x{tweaks['pace']:g} instead")
    elif kind == "size":
        tweaks["size"] = int(tweaks.get("size", 0)) + value
        what = "board" if not field else "field"
        out.done.append(f"{'bigger' if value > 0 else 'smaller'} {what}")
    elif kind == "enemies":
        if enemy_parts(design):
            tweaks["enemies"] = int(tweaks.get("enemies", 0)) + value
            out.done.append(f"{'more' if value > 0 else 'fewer'} enemies")
        elif value > 0 and field and design.genres[0] not in ("snake", "pong"):
            new["mechanics"].append("enemies")
            out.done.append("enemies added (ghosts that chase you)")
        else:
            out.skipped.append(f"{change.said} (this game has no enemies)")
    elif kind == "powerups":
        if value and field:
            tweaks.pop("no_powerups", None)
            if "powerups" not in new["mechanics"]:
                new["mechanics"].append("powerups")
            out.done.append("power-ups added")
        elif not value and "powerups" in design.parts:
            tweaks["no_powerups"] = True
            out.done.append("power-ups removed")
        else:
            why = "a board game has no power-ups" if value else "it has no power-ups"
            out.skipped.append(f"{change.said} ({why})")
    elif kind == "lives":
        if not design.rules.lives:
            out.skipped.append(f"{change.said} (this game has no lives)")
            return
        how, n = value
        lives = n if how == "set" else design.rules.lives + n
        tweaks["lives"] = max(1, lives)
        out.done.append(f"lives {design.rules.lives} -> {tweaks['lives']}")
    elif kind == "timer":
        tweaks["time_limit"] = value
        out.done.append(f"a {value} s timer" if value else "no timer")
    elif kind == "mix":
        if value in new["genres"]:
            out.skipped.append(f"{change.said} {value} (it is already {GENRES[value][0]})")
            return
        new["genres"] = [new["genres"][0], value]
        out.done.append(f"mixed with {GENRES[value][0]}")
    elif kind == "theme":
        themes = list(THEME_BASES)
        now = new["theme"] or "classic"
        theme = value or themes[(themes.index(now) + 1) % len(themes)]
        new["theme"], new["colours"] = theme, []
        out.done.append(f"theme {theme}")
    elif kind == "colours":
        new["colours"] = value
        out.done.append("colours " + ", ".join(value))
