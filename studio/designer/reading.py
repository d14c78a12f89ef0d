"""Reading a person's sentence: which genres, mechanics, theme, colours, difficulty, controls."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from studio.designer.lexicon import (
    COLOURS,
    CONTROL_HINTS,
    DIFFICULTY,
    GENRES,
    MECHANICS,
    THEMES,
)

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

    @property
    def hybrid(self) -> bool:
        return len(self.genres) >= 2

    def line(self) -> str:
        """The one-line summary shown to the person ("understood: ...")."""
        names = [GENRES[g][0] for g in self.genres]
        if not self.recognised:
            what = "arcade game (no known genre named"
            what += f"; chose {names[0]})" if names else ")"
        elif self.hybrid:
            what = " + ".join(names[:2]) + " hybrid"
        else:
            what = names[0]
        parts = [what]
        if self.theme_word:
            parts.append(f"theme '{self.theme_word}'")
        if self.colours:
            parts.append("colours " + ", ".join(self.colours))
        if self.difficulty != "normal":
            parts.append(f"difficulty {self.difficulty}")
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
    for level, phrases in DIFFICULTY.items():
        if _first(text, phrases) >= 0:
            und.difficulty = level
            break
    hints = sorted(
        (pos, kind) for kind, ph in CONTROL_HINTS.items() if (pos := _first(text, ph)) >= 0
    )
    if hints:
        und.controls = hints[0][1]
    if not und.genres:
        und.recognised = False
        und.genres = [_fallback_genre(text, und)]
    return und


def _fallback_genre(text: str, und: Understanding) -> str:
    words = set(text.split()) | set(und.mechanics)
    for hint, genre in FALLBACK_HINTS:
        if hint in words:
            return genre
    if und.theme == "space":
        return "asteroids"
    if "enemies" in und.mechanics:
        return "maze"
    return "arcade"
