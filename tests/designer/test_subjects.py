"""The offline designer keeps what the person asked for: the prompt's subjects drawn as the
player, the enemies and the things to collect, their backdrop, mood words, and plain words
about what could not be kept."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pygame
import pytest

from studio.designer import design_for, make_game
from studio.designer.reading import read_prompt
from studio.designer.subjects import KINDS, LIBRARY, ROLES, SUBJECTS, WORDS, cast, find

PRIMITIVES = {"e": 6, "r": 6, "c": 5, "p": 3, "l": 5}


@pytest.fixture
def display(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("SDL_VIDEODRIVER", "dummy")
    pygame.init()
    yield
    pygame.quit()


def load(prompt: str, seed: int = 1) -> tuple[Any, dict[str, Any]]:
    space: dict[str, Any] = {"__name__": "designer_game"}
    exec(compile(make_game(prompt, seed).code, "<game>", "exec"), space)  # noqa: S102 - our own output
    pygame.display.set_mode((space["SCREEN_W"], space["SCREEN_H"]))
    return space["Game"](), space


def test_the_library_has_forty_subjects_of_every_kind_each_drawable() -> None:
    assert len(LIBRARY) >= 40
    assert {s.kind for s in LIBRARY} == set(KINDS)
    assert {s.role for s in LIBRARY} == set(ROLES)
    for subject in LIBRARY:
        colour, shapes = subject.picture
        assert len(colour) == 3 and shapes, subject.name
        for shape in shapes:
            assert len(shape) == PRIMITIVES[shape[0]], (subject.name, shape)
        for other in (subject.friends, subject.foes, subject.hero):
            assert other == "" or other in SUBJECTS, (subject.name, other)
    assert WORDS["mice"] == "mouse" and WORDS["puppies"] == "dog" and WORDS["foxes"] == "fox"


@pytest.mark.parametrize(
    ("prompt", "named", "roles"),
    [
        ("a relaxing game about gardening", ["gardener"], {"player": "gardener"}),
        ("something with cats", ["cat"], {"player": "cat"}),
        (
            "a platformer where a frog jumps between lily pads",
            ["frog", "lily pad"],
            {"player": "frog", "pickup": "lily pad"},
        ),
        ("asteroids but underwater with sharks", ["shark"], {"enemy": "shark"}),
        ("a cat chasing mice", ["cat", "mouse"], {"player": "cat", "pickup": "mouse"}),
    ],
)
def test_the_issue_prompts_keep_their_subjects(
    prompt: str, named: list[str], roles: dict[str, str]
) -> None:
    und = read_prompt(prompt)
    assert und.subjects == named
    assert {r: s.name for r, s in und.cast.roles.items() if r in roles} == roles
    design = design_for(prompt, 3)
    game = make_game(prompt, 3)
    assert named[0].split()[0].title() in design.title
    for name in named:
        assert name in design.understood
    for role in roles:
        assert f"{role.upper()}_PICTURE = " in game.code
    assert "not kept" not in design.understood


def test_the_score_line_counts_the_subject_not_rocks() -> None:
    code = make_game("asteroids but underwater with sharks", 1).code
    assert 'f"Sharks {len(self.rocks)}"' in code and 'f"Rocks {' not in code
    assert 'f"Rocks {len(self.rocks)}"' in make_game("asteroids", 1).code


def test_a_subject_brings_its_backdrop_unless_a_theme_is_named() -> None:
    assert read_prompt("asteroids with sharks").theme == "ocean"
    assert "backdrop ocean (for the shark)" in design_for("asteroids with sharks", 1).understood
    assert read_prompt("sharks in space").theme == "space"


def test_what_cannot_be_kept_is_said_plainly() -> None:
    understood = design_for("tetris with cats", 2).understood
    assert "not kept: cat (a falling-block puzzle has no place to draw it" in understood
    assert "CAT" not in design_for("tetris with cats", 2).title.upper()
    understood = design_for("a game about taxes", 2).understood
    assert "not kept: taxes" in understood and "studio genres" in understood


def test_roles_fill_in_the_order_named_and_companions_complete_the_cast() -> None:
    both = cast(find(" cats and dogs "))
    assert both.roles["player"].name == "cat" and both.roles["enemy"].name == "dog"
    lone = cast(find(" sharks "))
    assert lone.roles["player"].name == "submarine" and lone.roles["enemy"].name == "shark"
    assert "submarine (you; added)" in lone.line()
    assert find(" lily pads ") == ["lily pad"]  # the longest name wins, once


def test_a_named_thing_to_collect_gets_something_to_be() -> None:
    design = design_for("an asteroids game with cherries to collect", 4)
    assert "pickups" in design.parts and "cherry (to collect)" in design.understood


@pytest.mark.parametrize(
    ("prompt", "difficulty"),
    [
        ("a relaxing snake game", "easy"),
        ("a cosy breakout", "easy"),
        ("a cozy game about bees", "easy"),
        ("a space shooter for kids", "easy"),
        ("a frantic snake game", "hard"),
        ("a hard breakout", "hard"),
    ],
)
def test_mood_words_set_the_difficulty(prompt: str, difficulty: str) -> None:
    assert read_prompt(prompt).difficulty == difficulty


def test_relaxing_games_are_slower_and_more_forgiving_than_frantic_ones() -> None:
    calm = design_for("a relaxing snake game", 5)
    wild = design_for("a frantic snake game", 5)
    assert calm.params["step_time"] > wild.params["step_time"]
    assert calm.rules.lives > wild.rules.lives
    assert calm.params["safe_time"] > wild.params["safe_time"]
    assert "difficulty easy ('relaxing')" in calm.understood


FIELD_PROMPTS = [
    "snake",
    "breakout",
    "space invaders",
    "asteroids",
    "flappy bird",
    "an endless runner",
    "pac-man in a maze",
    "something with cats",
    "snake meets breakout",
]


@pytest.mark.parametrize("prompt", FIELD_PROMPTS)
def test_a_newcomer_who_does_nothing_still_plays_after_ten_seconds(
    prompt: str, display: None
) -> None:
    for seed in (1, 2):
        game, _space = load(prompt, seed)
        game.start()
        for _ in range(60 * 10):
            game.update(1 / 60)
        assert game.state == "play", (prompt, seed, game.over_reason)


def test_a_hit_gives_a_moment_of_safety_and_no_banner(display: None) -> None:
    game, space = load("something with cats", 1)
    game.start()
    for _ in range(int(60 * space["START_SAFE"]) + 2):
        game.update(1 / 60)
    lives = game.lives
    assert game.player_hit() is True
    assert game.player_hit() is False  # the second hit, a moment later, is forgiven
    assert game.lives == lives - 1
    assert game.banner == ""  # no "ouch! lives left" over the picture


def test_the_snake_does_not_start_facing_a_wall(display: None) -> None:
    for seed in range(4):
        game, space = load("snake", seed)
        game.start()
        col, _row = game.player.body[0]
        assert game.player.direction == (1, 0)
        assert space["GRID_COLS"] - col >= space["GRID_COLS"] // 2


def test_subject_sprites_are_painted_once_and_blitted(display: None) -> None:
    game, space = load("something with cats", 1)
    screen = pygame.display.get_surface()
    game.start()
    for _ in range(30):
        game.update(1 / 60)
        game.draw(screen)
    assert space["SPRITES"]  # cached pictures of the cat, the dogs and the fish
    sizes = len(space["SPRITES"])
    for _ in range(30):
        game.update(1 / 60)
        game.draw(screen)
    assert len(space["SPRITES"]) == sizes


def test_ctrl_c_ends_a_designer_game_without_a_traceback(tmp_path: Path) -> None:
    game = tmp_path / "game.py"
    game.write_text(make_game("snake", 1).code)
    interrupt = (
        "import runpy, sys, pygame\n"
        "def stop():\n"
        "    raise KeyboardInterrupt\n"
        "pygame.event.get = stop\n"
        "runpy.run_path(sys.argv[1], run_name='__main__')\n"
    )
    env = {**os.environ, "SDL_VIDEODRIVER": "dummy", "PYGAME_HIDE_SUPPORT_PROMPT": "1"}
    done = subprocess.run(
        [sys.executable, "-c", interrupt, str(game)],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
