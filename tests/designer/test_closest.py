"""A prompt that names no genre gets the closest real genre by its words (lexicon.CUES), and
the "understood" line says which it chose and for which words."""

from __future__ import annotations

import re

import pytest

from studio.designer import describe, read_prompt
from studio.designer import reading as reading_module
from studio.designer.cues import CUES
from studio.designer.lexicon import GENRES
from studio.designer.recipes import RECIPES

#: prompts that name no genre -> the genre their words point to. Genres of the other groups
#: are skipped by the reader until they are registered; then these prompts must reach them.
SAMPLE: list[tuple[str, str]] = [
    ("a game where you catch fish", "fishing"),
    ("sit by the lake with a rod and wait for a bite", "fishing"),
    ("use bait to catch a big one", "fishing"),
    ("type the letters before they hit the ground", "typing"),
    ("practise spelling words as they drop", "typing"),
    ("tap along to the beat of the music", "rhythm"),
    ("dance to the drums", "rhythm"),
    ("bonk the moles with a hammer", "whackamole"),
    ("moles pop up out of holes", "whackamole"),
    ("click the cookie and buy upgrades", "clicker"),
    ("earn money while you are idle", "clicker"),
    ("land on the moon", "lander"),
    ("guard the castle from waves of monsters", "towers"),
    ("help the frog cross the road", "frogger"),
    ("place xs and os on a grid of nine", "tictactoe"),
    ("drop discs into columns", "connect4"),
    ("push crates around a warehouse", "sokoban"),
    ("slide the scrambled tiles back into place", "fifteen"),
    ("deal a deck of cards and sort the suits", "solitaire"),
    ("defend the cities from incoming missiles", "missile"),
    ("a duel where each tank fires its cannon", "tanks"),
    ("survive the zombie horde", "topdown"),
    ("hit the ball with flippers and bumpers", "pinball"),
    ("pop the bubbles", "bubbles"),
    ("drive a car around the track for three laps", "racing"),
    ("putt the ball into the holes", "golf"),
]


@pytest.mark.parametrize(("prompt", "genre"), SAMPLE)
def test_a_prompt_naming_no_genre_gets_the_closest_by_its_words(prompt: str, genre: str) -> None:
    und = read_prompt(prompt)
    if genre not in GENRES or genre not in RECIPES:  # another group's genre, not merged yet
        assert genre not in und.genres
        return
    assert und.genres == [genre], prompt
    if und.recognised:  # its group names it with a phrase of its own: fine
        return
    line = describe(prompt)
    assert line.startswith(f"understood: {GENRES[genre][0]} (no genre named; chosen for the word")
    words = re.findall(r"'([^']+)'", line.split("; see")[0])
    assert len(words) >= 2 or any(" " in w for w in words)
    for word in words:  # every word it gives as the reason is in the prompt and a cue
        assert word in prompt and word in CUES[genre]


def test_the_sample_covers_every_genre_with_cues() -> None:
    assert {genre for _prompt, genre in SAMPLE} == set(CUES)
    assert len(CUES) == 20


def test_one_stray_word_decides_nothing() -> None:
    und = read_prompt("a shark chases fish")
    assert und.genres == ["arcade"] and und.reason is None
    assert "chose arcade collector; see" in und.line()


def test_a_cue_whose_genre_is_not_registered_is_skipped(monkeypatch: pytest.MonkeyPatch) -> None:
    assert "lander" not in RECIPES or "lander" in GENRES
    monkeypatch.delitem(reading_module.GENRES, "lander", raising=False)
    assert read_prompt("land on the moon").genres != ["lander"]
    # once a group registers the genre (a GENRES entry and a recipe), the same words reach it
    monkeypatch.setitem(reading_module.GENRES, "lander", ("lunar lander", ("lunar lander",)))
    monkeypatch.setitem(RECIPES, "lander", RECIPES["asteroids"])
    und = read_prompt("land on the moon")
    assert und.genres == ["lander"] and not und.recognised
    assert und.line().startswith(
        "understood: lunar lander (no genre named; chosen for the words "
        "'land', 'moon'; see `studio genres`)"
    )


def test_the_old_hints_say_why_too() -> None:
    assert "invaders-style shooter (no genre named; chosen for the word 'shoot'" in describe(
        "shoot everything"
    )
    assert "asteroids-style (no genre named; chosen for the space theme" in describe("a space game")


def test_the_words_that_chose_the_genre_are_not_reported_as_lost() -> None:
    line = describe("a game where you catch fish")
    assert "not kept" not in line and "fish (to collect)" in line


def test_with_every_cue_genre_registered_the_whole_sample_reaches_its_genre(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """What the reader does once the four groups are merged: every genre registered."""
    for key in CUES:
        if key not in GENRES:
            monkeypatch.setitem(reading_module.GENRES, key, (f"{key} game", ()))
        if key not in RECIPES:
            monkeypatch.setitem(RECIPES, key, RECIPES["asteroids"])
    wrong = [
        (prompt, genre, read_prompt(prompt).genres)
        for prompt, genre in SAMPLE
        if read_prompt(prompt).genres != [genre]
    ]
    assert wrong == []
    assert read_prompt("something relaxing about a cat in a garden").genres == ["arcade"]
    assert read_prompt("a space game").genres == ["asteroids"]
