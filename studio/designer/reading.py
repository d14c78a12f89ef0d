"""Reading a person's sentence: which genres, mechanics, theme, colours, difficulty, controls."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from studio.designer import subjects as subject_library
from studio.designer.cues import CUES
from studio.designer.lexicon import (
    COLOURS,
    CONTROL_HINTS,
    DIFFICULTY,
    GENRES,
    HYBRID_WORDS,
    MECHANICS,
    NOT_SUBJECTS,
    PLAIN_WORDS,
    THEMES,
)
from studio.designer.recipes import RECIPES

#: When nothing names a genre, these words suggest one (first match wins).
FALLBACK_HINTS: tuple[tuple[str, str], ...] = (
    ("shooting", "invaders"),
    ("jumping", "runner"),
    ("puzzle", "match3"),
    ("cards", "memory"),
    ("ball", "breakout"),
    ("fly", "flappy"),
    ("bird", "flappy"),
    ("numbers", "2048"),
)


@dataclass
class Understanding:
    """What the designer took from the sentence."""

    prompt: str
    genres: list[str] = field(default_factory=list)  # genre keys, in the order named
    mechanics: list[str] = field(default_factory=list)
    theme: str | None = None
    theme_word: str | None = None
    colours: list[str] = field(default_factory=list)
    difficulty: str = "normal"
    controls: str | None = None  # "mouse" | "keyboard" | None
    recognised: bool = True  # False: no genre was named; the designer chose one
    subjects: list[str] = field(default_factory=list)  # subjects named, in order
    mood: str | None = None  # the mood word that set the difficulty ("relaxing", "frantic")
    unknown: list[str] = field(default_factory=list)  # things named that no vocabulary knows
    backdrop_for: str | None = None  # the subject whose backdrop was chosen (no theme named)
    reason: str | None = None  # why the designer chose the genre when none was named

    @property
    def cast(self) -> subject_library.Cast:
        return subject_library.cast(self.subjects)

    @property
    def hybrid(self) -> bool:
        return len(self.genres) >= 2

    def line(self, drawn: set[str] | None = None) -> str:
        """The one-line summary shown to the person ("understood: ..."); ``drawn``: the
        roles the game draws its subjects in (None: every role)."""
        names = [GENRES[g][0] for g in self.genres]
        if not self.recognised:
            if names and self.reason and self.genres[0] != "arcade":
                # the closest genre by the prompt's words: say what it is, then why
                what = f"{names[0]} (no genre named; chosen for {self.reason}; see `studio genres`)"
            else:
                what = "arcade game (no known genre named"
                what += f"; chose {names[0]}; see `studio genres`)" if names else ")"
        elif self.hybrid:
            what = " + ".join(names[:2]) + " hybrid"
        else:
            what = names[0]
        parts = [what]
        cast = self.cast.line(drawn)
        if cast:
            parts.append(cast)
        if self.theme_word:
            parts.append(f"theme '{self.theme_word}'")
        elif self.backdrop_for and self.theme:
            parts.append(f"backdrop {self.theme} (for the {self.backdrop_for})")
        if self.colours:
            parts.append("colours " + ", ".join(self.colours))
        if self.difficulty != "normal":
            why = f" ('{self.mood}')" if self.mood else ""
            parts.append(f"difficulty {self.difficulty}{why}")
        if self.mechanics:
            parts.append("mechanics " + ", ".join(self.mechanics))
        if self.controls:
            parts.append(f"controls {self.controls}")
        return "understood: " + ", ".join(parts)


def _normalise(prompt: str) -> str:
    text = prompt.lower().replace("\u2019", "'")
    text = re.sub(r"[^a-z0-9+'\- ]+", " ", text)
    return " " + re.sub(r"\s+", " ", text).strip() + " "


def _find(text: str, phrase: str) -> int:
    """Position of ``phrase`` in ``text`` on word boundaries, or -1."""
    match = re.search(r"(?<![a-z0-9])" + re.escape(phrase) + r"(?![a-z0-9])", text)
    return match.start() if match else -1


def _without(text: str, phrases: tuple[str, ...]) -> str:
    """``text`` with every one of ``phrases`` (on word boundaries) blanked out."""
    for phrase in phrases:
        text = re.sub(r"(?<![a-z0-9])" + re.escape(phrase) + r"(?![a-z0-9])", " ", text)
    return text


def _first(text: str, phrases: tuple[str, ...]) -> int:
    found = [pos for pos in (_find(text, p) for p in phrases) if pos >= 0]
    return min(found) if found else -1


def read_prompt(prompt: str) -> Understanding:
    """Read ``prompt`` into an ``Understanding``; never fails on odd text."""
    text = _normalise(prompt)
    seen: list[tuple[int, str]] = []
    for key, (_name, phrases) in GENRES.items():
        pos = _first(text, phrases)
        if pos >= 0:
            seen.append((pos, key))
    seen.sort()
    genres = [key for _pos, key in seen][:2]
    und = Understanding(prompt=prompt, genres=genres)
    for mech, phrases in MECHANICS.items():
        if _first(text, phrases) >= 0:
            und.mechanics.append(mech)
    themes = sorted((pos, word) for word in THEMES if (pos := _find(text, word)) >= 0)
    if themes:
        und.theme_word = themes[0][1]
        und.theme = THEMES[und.theme_word]
    colours = sorted((pos, word) for word in COLOURS if (pos := _find(text, word)) >= 0)
    und.colours = [word for _pos, word in colours][:3]
    moods = sorted(
        (pos, level, word)
        for level, phrases in DIFFICULTY.items()
        for word in phrases
        if (pos := _find(text, word)) >= 0
    )
    if moods:
        _pos, und.difficulty, und.mood = moods[0]
    und.subjects = subject_library.find(_without(text, NOT_SUBJECTS))
    if und.theme is None and und.subjects:
        first = subject_library.SUBJECTS[und.subjects[0]]
        und.theme, und.backdrop_for = first.theme, first.name
    und.unknown = unknown_things(text)
    hints = sorted(
        (pos, kind) for kind, ph in CONTROL_HINTS.items() if (pos := _first(text, ph)) >= 0
    )
    if hints:
        und.controls = hints[0][1]
    if not und.genres:
        und.recognised = False
        und.genres = [_fallback_genre(text, und)]
    return und


#: Words after which a prompt usually names a thing ("a game about gardening").
THING_CUES = ("about", "with", "where", "featuring", "starring", "of", "where a", "where an")


def unknown_things(text: str) -> list[str]:
    """Things the prompt names (the word after "about", "with", "where a"...) that no
    vocabulary of the designer knows: what it could not keep."""
    words = text.split()
    found: list[str] = []
    for i, word in enumerate(words[:-1]):
        if word not in THING_CUES:
            continue
        for nxt in words[i + 1 : i + 4]:
            if nxt in PLAIN_WORDS or nxt in HYBRID_WORDS:
                continue
            if not _known(nxt) and nxt not in found:
                found.append(nxt)
            break
    return found


@functools.cache
def _vocabulary() -> frozenset[str]:
    """Every word of every phrase the designer knows."""
    phrases = [p for _name, ph in GENRES.values() for p in ph]
    for table in (MECHANICS, DIFFICULTY, CONTROL_HINTS):
        phrases += [p for ph in table.values() for p in ph]
    phrases += [*subject_library.WORDS, *THEMES, *COLOURS]
    return frozenset(word for phrase in phrases for word in phrase.split())


def _known(word: str) -> bool:
    return word in _vocabulary() or word.isdigit()


def closest_genre(text: str) -> tuple[str, list[str]] | None:
    """The registered genre whose cue words (``lexicon.CUES``) weigh most in ``text`` (a
    normalised prompt), with the cues found; None when no genre reaches two (a phrase
    counts two, a word one). Ties go to the genre whose first cue comes first."""
    best: tuple[tuple[int, int], str, list[str]] | None = None
    for key, cues in CUES.items():
        if key not in GENRES or key not in RECIPES:  # not a genre (yet) on this install
            continue
        found = sorted((pos, cue) for cue in cues if (pos := _find(text, cue)) >= 0)
        weight = sum(2 if " " in cue else 1 for _pos, cue in found)
        if weight < 2:
            continue
        rank = (weight, -found[0][0])
        if best is None or rank > best[0]:
            best = (rank, key, [cue for _pos, cue in found])
    return (best[1], best[2]) if best else None


def _fallback_genre(text: str, und: Understanding) -> str:
    closest = closest_genre(text)
    if closest:
        genre, cues = closest
        und.reason = "the words " + ", ".join(f"'{cue}'" for cue in cues)
        used = {word for cue in cues for word in cue.split()}
        und.unknown = [word for word in und.unknown if word not in used]  # the game keeps them
        return genre
    words = set(text.split())
    for hint, genre in FALLBACK_HINTS:
        if hint in words:
            und.reason = f"the word '{hint}'"
            return genre
        if hint in und.mechanics:
            said = min((pos, word) for word in MECHANICS[hint] if (pos := _find(text, word)) >= 0)
            und.reason = f"the word '{said[1]}'"
            return genre
    if und.theme == "space" and not und.subjects:
        und.reason = f"the {und.theme} theme"
        return "asteroids"
    if "enemies" in und.mechanics and not und.subjects:  # a maze draws its own hero
        und.reason = "the enemies it names (a maze draws its own hero)"
        return "maze"
    return "arcade"
