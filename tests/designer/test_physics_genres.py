"""The physics genres (mini golf, bubble shooter, tower defense, pinball, racing): prompts map
to them, they keep the contract over many seeds and in every hybrid, draw only what moves,
bend to the remix's knobs, and the real verifier finds them playable with no flags (their
rules: test_physics_rules.py)."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pygame
import pytest

import studio
from studio.designer import design_for, make_game
from studio.designer.design import Arena
from studio.designer.render import render

from .catalogue import SHORT
from .conftest import write_games
from .physics_play import HYBRIDS, PROMPTS, run
from .test_contract import contract_problems
from .test_drawing import test_a_frame_of_play_draws_only_what_moves as draws_only_what_moves
from .test_drawing import (
    test_play_paints_only_what_changed_yet_matches_a_full_redraw as matches_a_full_redraw,
)


@pytest.fixture
def display() -> Iterator[None]:
    pygame.init()
    yield
    pygame.quit()


#: Prompts that use a physics genre's words for something else: they keep their own genre.
NOT_PHYSICS = {
    "asteroids drifting through space": ["asteroids"],
    "a snake with flippers and bumpers": ["snake"],
    "an underwater maze with bubbles": ["maze"],
    "a knight guarding castle towers in a maze": ["maze"],
}


@pytest.mark.parametrize(("prompt", "genres"), list(NOT_PHYSICS.items()))
def test_other_uses_of_physics_words_keep_their_genre(prompt: str, genres: list[str]) -> None:
    assert design_for(prompt, 0).genres == genres


@pytest.mark.parametrize(("genre", "prompt"), [(g, p) for g, ps in PROMPTS.items() for p in ps])
def test_prompts_naming_the_genre_map_to_it(genre: str, prompt: str) -> None:
    design = design_for(prompt, 0)
    assert design.genres[0] == genre
    assert genre in design.parts  # each genre is one part of the same name


def test_subjects_are_drawn_where_the_genre_has_a_place_and_said_lost_where_not() -> None:
    zombies = make_game("a tower defense with zombies", 0)
    assert "ENEMY_PICTURE" in zombies.code and "chasers" not in zombies.design.parts
    assert "zombie (to avoid)" in zombies.design.understood  # they walk the path
    frogs = make_game("a racing game with frogs", 0)  # "racing" names the car: the player
    assert (
        "PLAYER_PICTURE" in frogs.code and "car (you), frog (to avoid)" in frogs.design.understood
    )
    assert "chasers" in frogs.design.parts  # frogs chase the car over the track
    sharks = design_for("a bubble shooter with sharks", 0)
    assert "not kept: shark" in sharks.understood and "chasers" not in sharks.parts


# --- remixing --------------------------------------------------------------------------------
@pytest.mark.parametrize("genre", sorted(PROMPTS))
@pytest.mark.parametrize(("size", "pace"), [((640, 480), 1.6), ((1024, 768), 0.6)])
def test_physics_genres_bend_to_the_remix_knobs(
    genre: str, size: tuple[int, int], pace: float, display: None
) -> None:
    """What the offline remix changes by name (``*_speed`` and ``gravity`` with the pace,
    ``*_time``/``*_every`` against it, the window's size) keeps each game whole and playable:
    the pinball still climbs the lane, the course, table, track and map fit the window."""
    design = design_for(PROMPTS[genre][0], 7)
    speeds = [k for k in design.params if k.endswith("_speed") or k == "gravity"]
    assert speeds, genre  # something the pace can scale
    for key, value in list(design.params.items()):
        if key in speeds:
            design.params[key] = round(value * pace)
        elif key.endswith(("_time", "_every")) and key not in ("safe_time", "grace_time"):
            design.params[key] = round(value / pace, 3)
    design.arena = Arena("field", *size)
    space: dict[str, Any] = {"__name__": "designer_game"}
    exec(compile(render(design), "<game>", "exec"), space)  # noqa: S102 - our own output
    screen = pygame.display.set_mode(size)
    game = space["Game"]()
    game.start()
    if genre == "pinball":
        game.handle_key(pygame.K_SPACE)
        run(game, 1.2)
        assert game.player.x < space["LANE_X"]  # a tap of the plunger reaches the table
    pictures = set()
    keys = [pygame.K_LEFT, pygame.K_RIGHT, pygame.K_UP, pygame.K_DOWN, pygame.K_SPACE]
    for frame in range(600):
        if frame % 30 == 0:
            game.handle_key(keys[frame // 30 % len(keys)])
        if frame % 45 == 0:
            pos = (size[0] * (frame % 7 + 1) // 9, size[1] * (frame % 5 + 2) // 8)
            game.handle_motion(pos)
            game.handle_click(pos, 1)
        game.update(1 / 60)
        if game.state == "over":
            game.start()
        game.draw(screen)
        if frame % 60 == 0:
            pictures.add(pygame.image.tobytes(screen, "RGB"))
    assert len(pictures) > 5


# --- every genre ----------------------------------------------------------------------------
@pytest.mark.parametrize("genre", sorted(PROMPTS))
def test_every_physics_genre_follows_the_contract_over_seeds(genre: str) -> None:
    for seed in range(6):
        code = make_game(PROMPTS[genre][seed % len(PROMPTS[genre])], seed).code
        assert contract_problems(code) == [], (genre, seed)
        assert code == make_game(PROMPTS[genre][seed % len(PROMPTS[genre])], seed).code


#: A short name for each physics genre, to build hybrid prompts with the existing genres.
PHYSICS_SHORT = {"golf": "mini golf", "bubbles": "bubble shooter", "towers": "tower defense"}
PHYSICS_SHORT |= {"pinball": "pinball", "racing": "racing"}


def hybrid_prompts() -> list[tuple[str, str, str]]:
    """(genre, genre, prompt) for every physics genre with every other genre, once, which of
    the two is named first alternating."""
    names = {**SHORT, **PHYSICS_SHORT}
    keys = list(names)
    pairs = [
        (a, b) for i, a in enumerate(keys) for b in keys[i + 1 :] if {a, b} & set(PHYSICS_SHORT)
    ]
    ordered = [(a, b) if i % 2 else (b, a) for i, (a, b) in enumerate(pairs)]
    return [(a, b, f"{names[a]} meets {names[b]}") for a, b in ordered]


@pytest.mark.slow
def test_every_hybrid_with_a_physics_genre_follows_the_contract() -> None:
    """Property-style: each pair, a different seed for each."""
    pairs = hybrid_prompts()
    assert len(pairs) == 5 * len(SHORT) + 10  # with each of the other genres, and each other
    for index, (a, b, prompt) in enumerate(pairs):
        game = make_game(prompt, 50 + index)
        assert game.design.genres == [a, b], prompt
        assert contract_problems(game.code) == [], (prompt, index)


DRAWN = [ps[0] for ps in PROMPTS.values()]


@pytest.mark.parametrize("prompt", [*DRAWN, "pinball meets breakout"])
def test_a_frame_of_physics_play_draws_only_what_moves(
    prompt: str, display: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    draws_only_what_moves(prompt, display, monkeypatch)


@pytest.mark.slow
@pytest.mark.parametrize("prompt", DRAWN)
def test_physics_play_paints_only_what_changed_yet_matches_a_full_redraw(
    prompt: str, display: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    matches_a_full_redraw(prompt, display, monkeypatch)


@pytest.mark.slow
def test_a_fixed_wide_sample_of_physics_hybrids_passes_the_verifier(games_dir: Path) -> None:
    rng = random.Random(20261202)
    sample = [
        (prompt, rng.randrange(1_000_000)) for _a, _b, prompt in rng.sample(hybrid_prompts(), 8)
    ]
    paths = []
    for i, (prompt, seed) in enumerate(sample):
        path = games_dir / f"sample{i:02d}.py"
        path.write_text(make_game(prompt, seed).code, encoding="utf-8")
        paths.append(path)
    verdicts = studio.verify_many(paths, seconds=8.0, seed=5)
    failures = [
        f"{prompt!r} seed {seed}: {verdict.summary()} {verdict.reasons()}"
        for (prompt, seed), verdict in zip(sample, verdicts, strict=True)
        if not verdict.playable or verdict.flags
    ]
    assert not failures, "\n".join(failures)


@pytest.mark.slow
def test_physics_genres_and_hybrids_pass_the_verifier_with_no_flags(games_dir: Path) -> None:
    games = write_games(games_dir, [ps[0] for ps in PROMPTS.values()], seeds=[1, 2, 3])
    hybrids = games_dir / "hybrids"
    hybrids.mkdir()
    games.update(write_games(hybrids, HYBRIDS, seeds=[4]))
    paths = sorted(games)
    verdicts = studio.verify_many(paths, seconds=8.0, seed=1)
    failures = [
        f"{games[path][0]!r} seed {games[path][1]}: {verdict.summary()} {verdict.reasons()}"
        for path, verdict in zip(paths, verdicts, strict=True)
        if not verdict.playable or verdict.flags
    ]
    assert not failures, "\n".join(failures)
