"""Reading prompts: genres, hybrids, themes, colours, difficulty, controls, the summary line."""

from __future__ import annotations

import pytest

from studio.designer import describe, read_prompt
from studio.designer.lexicon import GENRES

from .catalogue import GENRE_PROMPTS, SHORT, pair_prompt

PHRASINGS = {
    "tetris": ["Tetris!", "a falling blocks puzzle", "stack tetrominoes"],
    "match3": ["like Bejeweled", "a match 3 with jewels", "candy crush clone"],
    "snake": ["the snake game", "a hungry worm"],
    "breakout": ["Arkanoid", "a brick breaker"],
    "pong": ["Pong", "ping pong for one"],
    "invaders": ["Galaga", "a shoot 'em up with aliens"],
    "asteroids": ["Asteroids", "dodge meteors"],
    "flappy": ["Flappy Bird", "flap through pipes"],
    "runner": ["a platformer", "an endless runner like the dino game"],
    "maze": ["Pac-Man", "a labyrinth"],
    "2048": ["2048", "merge tiles"],
    "minesweeper": ["Minesweeper", "a minefield puzzle"],
    "memory": ["memory", "a concentration card matching game"],
}


@pytest.mark.parametrize("genre", sorted(PHRASINGS))
def test_every_genre_is_recognised_from_several_phrasings(genre: str) -> None:
    for prompt in PHRASINGS[genre]:
        und = read_prompt(prompt)
        assert und.recognised, prompt
        assert und.genres == [genre], prompt


@pytest.mark.parametrize("a", sorted(SHORT))
def test_every_pair_is_read_as_a_hybrid_in_the_order_named(a: str) -> None:
    for b in SHORT:
        if b == a:
            continue
        und = read_prompt(pair_prompt(a, b))
        assert und.genres == [a, b]
        assert und.hybrid
        assert " + ".join([GENRES[a][0], GENRES[b][0]]) in und.line()


def test_tetris_and_bejeweled_is_the_first_class_hybrid() -> None:
    und = read_prompt("a game that mixes Tetris and Bejeweled")
    assert und.genres == ["tetris", "match3"]
    assert describe("a game that mixes Tetris and Bejeweled").startswith(
        "understood: falling-block puzzle + match-3 hybrid"
    )


def test_theme_colours_difficulty_controls_and_mechanics() -> None:
    und = read_prompt(
        "A HARD space shooter in blue and gold with power-ups and a timer, mouse only"
    )
    assert und.theme == "space"
    assert und.colours == ["blue", "gold"]
    assert und.difficulty == "hard"
    assert und.controls == "mouse"
    assert {"powerups", "timer", "shooting"} <= set(und.mechanics)
    line = und.line()
    for part in ("theme 'space'", "colours blue, gold", "difficulty hard", "controls mouse"):
        assert part in line


def test_unrecognised_prompt_gets_a_sensible_game_and_says_what_it_understood() -> None:
    und = read_prompt("something relaxing about a cat in a garden, green")
    assert not und.recognised
    assert und.genres == ["arcade"]
    assert und.line() == (
        "understood: arcade game (no known genre named; chose arcade collector; see "
        "`studio genres`), subjects: cat (you), dog (to avoid; added), fish (to collect; "
        "added), theme 'garden', colours green, difficulty easy ('relaxing')"
    )


@pytest.mark.parametrize(
    ("prompt", "genre"),
    [
        ("a space game", "asteroids"),
        ("shoot everything", "invaders"),
        ("jump over stuff", "runner"),
    ],
)
def test_unrecognised_prompts_lean_on_their_words(prompt: str, genre: str) -> None:
    und = read_prompt(prompt)
    assert not und.recognised
    assert und.genres == [genre]
    name = GENRES[genre][0]
    assert und.line().startswith(f"understood: {name} (no genre named; chosen for ")


@pytest.mark.parametrize("prompt", ["", "   ", "!!!", '"""', "\\x00 weird \n text"])
def test_odd_text_never_fails(prompt: str) -> None:
    assert describe(prompt).startswith("understood: arcade game")


def test_words_inside_other_words_do_not_count() -> None:
    # "pong" in "sponge", "maze" in "amazed", "snake" in "snakeskin" are not genres.
    und = read_prompt("an amazed sponge with snakeskin boots")
    assert not und.recognised


@pytest.mark.parametrize("genre", sorted(GENRE_PROMPTS))
def test_catalogue_prompts_read_as_their_genre(genre: str) -> None:
    und = read_prompt(GENRE_PROMPTS[genre])
    assert und.genres == [genre]
