"""The physics genres (mini golf, bubble shooter, tower defense, pinball, racing): prompts map
to them, their core rules hold when played headless through their own game class, they keep
the contract over many seeds and the real verifier finds them playable with no flags."""

from __future__ import annotations

import math
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pygame
import pytest

import studio
from studio.designer import design_for, make_game

from .conftest import write_games
from .test_contract import contract_problems

#: genre key -> prompts that name it (the first is the one played by the verifier).
PROMPTS: dict[str, list[str]] = {
    "golf": ["mini golf", "crazy golf with windmills", "a putt-putt game", "minigolf for kids"],
}
#: genre key -> its part.
PART: dict[str, str] = {"golf": "golf"}
#: Hybrids with the existing genres that are played for real.
HYBRIDS: list[str] = ["crazy golf with ghosts"]


@pytest.fixture
def display() -> Iterator[None]:
    pygame.init()
    yield
    pygame.quit()


def start(prompt: str, seed: int) -> tuple[dict[str, Any], Any]:
    """The game's module namespace and its ``Game``, started (on a dummy display)."""
    space: dict[str, Any] = {"__name__": "designer_game"}
    exec(compile(make_game(prompt, seed).code, "<game>", "exec"), space)  # noqa: S102 - our own output
    pygame.display.set_mode((space["SCREEN_W"], space["SCREEN_H"]))
    game = space["Game"]()
    game.start()
    game.invulnerable = 0.0
    return space, game


def run(game: Any, seconds: float) -> None:
    for _ in range(int(seconds * 60)):
        game.update(1 / 60)


@pytest.mark.parametrize(("genre", "prompt"), [(g, p) for g, ps in PROMPTS.items() for p in ps])
def test_prompts_naming_the_genre_map_to_it(genre: str, prompt: str) -> None:
    design = design_for(prompt, 0)
    assert design.genres[0] == genre
    assert PART[genre] in design.parts


# --- mini golf ------------------------------------------------------------------------------
def open_course(space: dict[str, Any], game: Any) -> Any:
    """The current hole with no walls, sand, water or bar in the way."""
    course = game.course
    course.walls, course.sand, course.water, course.bar = [], [], [], None
    return course


def test_golf_ball_loses_speed_to_friction_and_stops(display: None) -> None:
    space, game = start("mini golf", 3)
    open_course(space, game)
    ball = game.player
    ball.x, ball.y = float(space["COURSE"].centerx), float(space["COURSE"].centery)
    ball.angle, ball.power = 0.0, 0.3
    game.course.cup = (space["COURSE"].left + 20, space["COURSE"].top + 20)
    assert game.strokes == 0
    game.handle_key(pygame.K_SPACE)
    assert game.strokes == 1
    speeds = []
    for _ in range(240):
        game.update(1 / 60)
        speeds.append(math.hypot(ball.vx, ball.vy))
    assert speeds[0] > speeds[30] > speeds[60] > 0
    assert ball.resting() and ball.x > space["COURSE"].centerx + 40
    game.handle_key(pygame.K_SPACE)
    assert game.strokes == 2  # at rest it can be putted again


def test_golf_walls_reflect_the_ball(display: None) -> None:
    space, game = start("mini golf", 4)
    course = open_course(space, game)
    wall = space["pygame"].Rect(0, 0, 24, 200)
    wall.center = (space["COURSE"].centerx + 80, space["COURSE"].centery)
    course.walls = [wall]
    course.cup = (space["COURSE"].left + 20, space["COURSE"].top + 20)
    ball = game.player
    ball.x, ball.y = float(space["COURSE"].centerx), float(space["COURSE"].centery)
    ball.angle, ball.power = 0.0, 0.6
    game.putt()
    run(game, 0.4)
    assert ball.vx < 0 and ball.x < wall.left  # it came back off the wall
    ball.vx, ball.vy = 0.0, -500.0  # and off the course edge
    run(game, 1.0)
    assert ball.y > space["COURSE"].top


def test_golf_holing_out_records_strokes_against_par(display: None) -> None:
    space, game = start("mini golf", 5)
    course = open_course(space, game)
    par = course.par
    course.cup = space["COURSE"].center
    ball = game.player
    ball.x, ball.y = course.cup[0] - 60.0, float(course.cup[1])
    ball.angle, ball.power = 0.0, 0.45
    game.putt()
    game.putt()  # still rolling: no second stroke
    run(game, 2.0)
    assert game.card == [(par, 1)]
    assert game.level == 2 and game.strokes == 0 and game.course is not course
    assert game.score == (par - 1 + 3) * 100 + 500  # a hole in one
    assert game.to_par() == 1 - par


def test_golf_a_fast_ball_rolls_over_the_hole(display: None) -> None:
    space, game = start("mini golf", 5)
    course = open_course(space, game)
    course.cup = space["COURSE"].center
    ball = game.player
    ball.x, ball.y = course.cup[0] - 40.0, float(course.cup[1])
    ball.vx, ball.vy = 900.0, 0.0
    run(game, 0.1)
    assert game.card == []


def test_golf_the_round_ends_after_its_holes(display: None) -> None:
    space, game = start("mini golf", 6)
    for _ in range(space["HOLES"]):
        assert game.state == "play"
        game.strokes = game.course.par
        game.hole_out()
    assert game.state == "over" and "par" in game.over_reason


# --- every genre ----------------------------------------------------------------------------
@pytest.mark.parametrize("genre", sorted(PROMPTS))
def test_every_physics_genre_follows_the_contract_over_seeds(genre: str) -> None:
    for seed in range(6):
        code = make_game(PROMPTS[genre][seed % len(PROMPTS[genre])], seed).code
        assert contract_problems(code) == [], (genre, seed)
        assert code == make_game(PROMPTS[genre][seed % len(PROMPTS[genre])], seed).code


@pytest.mark.slow
def test_physics_genres_and_hybrids_pass_the_verifier_with_no_flags(games_dir: Path) -> None:
    games = write_games(games_dir, [ps[0] for ps in PROMPTS.values()], seeds=[1, 2, 3])
    hybrids = games_dir / "hybrids"
    hybrids.mkdir()
    games.update(write_games(hybrids, HYBRIDS, seeds=[4, 5]))
    paths = sorted(games)
    verdicts = studio.verify_many(paths, seconds=8.0, seed=1)
    failures = [
        f"{games[path][0]!r} seed {games[path][1]}: {verdict.summary()} {verdict.reasons()}"
        for path, verdict in zip(paths, verdicts, strict=True)
        if not verdict.playable or verdict.flags
    ]
    assert not failures, "\n".join(failures)
