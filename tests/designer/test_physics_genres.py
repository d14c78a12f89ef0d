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
    "bubbles": ["bubble shooter", "a puzzle bobble clone", "pop bubbles in space", "bust-a-move"],
}
#: genre key -> its part.
PART: dict[str, str] = {"golf": "golf", "bubbles": "bubbles"}
#: Hybrids with the existing genres that are played for real.
HYBRIDS: list[str] = ["crazy golf with ghosts", "bubble shooter with power-ups"]


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


# --- bubble shooter -------------------------------------------------------------------------
def test_bubble_shot_bounces_off_the_side_walls(display: None) -> None:
    space, game = start("bubble shooter", 1)
    game.bubbles.cells = {(0, 0): 0}
    game.player.angle = -math.pi + 0.3  # low, to the left
    game.fire()
    shot = game.shot
    area = space["BUBBLE_AREA"]
    assert shot.vx < 0
    bounced = False
    for _ in range(120):
        game.update(1 / 60)
        bounced = bounced or shot.vx > 0
        assert area.left <= shot.x <= area.right
        if game.shot is None:
            break
    assert bounced


def test_bubbles_three_of_a_colour_pop_and_cut_loose_ones_fall(display: None) -> None:
    space, game = start("bubble shooter", 2)
    bubbles = game.bubbles
    # row 0: a lone colour 1, two of colour 0; below them a colour-2 bubble hangs from the 0s
    bubbles.cells = {(0, 0): 1, (0, 1): 0, (0, 2): 0, (1, 1): 2, (0, 6): 3}
    shot = space["FlyingBubble"](0, -math.pi / 2)
    shot.x, shot.y = bubbles.centre(0, 3)
    game.stick(shot)
    assert set(bubbles.cells) == {(0, 0), (0, 6)}  # the three 0s popped, the 2 fell
    assert [f[3] for f in game.falling] == [2]
    assert game.score == (10 * 3 + 20 * 1) * game.level


def test_bubbles_two_of_a_colour_stay_and_the_ceiling_comes_down(display: None) -> None:
    space, game = start("bubble shooter", 3)
    bubbles = game.bubbles
    bubbles.cells = {(0, 0): 1, (0, 1): 0, (0, 5): 2}
    drop = bubbles.drop
    for i in range(space["SHOTS_PER_DROP"]):
        shot = space["FlyingBubble"](3 if i % 2 else 4, -math.pi / 2)
        shot.x, shot.y = bubbles.centre(0, 8 + i % 4)
        game.stick(shot)
    assert (0, 1) in bubbles.cells and game.score == 0
    assert bubbles.drop == drop + space["ROW_H"]


def test_bubbles_a_shot_sticks_where_it_touches(display: None) -> None:
    space, game = start("bubble shooter", 4)
    before = len(game.bubbles.cells)
    game.player.angle = -math.pi / 2
    game.handle_key(pygame.K_SPACE)
    run(game, 1.5)
    assert game.shot is None
    assert len(game.bubbles.cells) in (before + 1, before - 2) or game.score > 0


def test_bubbles_reaching_the_line_end_the_game(display: None) -> None:
    space, game = start("bubble shooter", 5)
    bubbles = game.bubbles
    assert game.state == "play"
    bubbles.cells = {(0, 0): 0, (1, 0): 1, (2, 0): 2}
    top = space["BUBBLE_AREA"].top + space["BUBBLE_R"] + 2 * space["ROW_H"]
    bubbles.drop = space["DEADLINE"] - top  # the third row sits on the line
    shot = space["FlyingBubble"](3, -math.pi / 2)
    shot.x, shot.y = bubbles.centre(0, 5)
    game.stick(shot)
    assert game.state == "over" and "bottom" in game.over_reason


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
