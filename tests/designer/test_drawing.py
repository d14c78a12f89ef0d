"""Designer games draw cheaply: static layers and settled pieces are cached, not redrawn."""

from __future__ import annotations

import dataclasses
import random
from collections.abc import Iterator
from typing import Any

import pygame
import pytest

from studio.designer import design_for, make_game
from studio.designer.render import render
from studio.errors import DesignError

from .catalogue import FEATURED_HYBRIDS, GENRE_PROMPTS

#: Most primitives a steady frame of play may draw: the moving objects only (before caching,
#: match-3, minesweeper, invaders and pac-man drew 200-400 a frame).
MAX_DRAWS_PER_FRAME = 40
FRAMES = 60
DRAW_FUNCTIONS = ("rect", "line", "lines", "polygon", "circle", "ellipse", "arc", "aaline")


@pytest.fixture
def display(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("SDL_VIDEODRIVER", "dummy")
    monkeypatch.setenv("SDL_AUDIODRIVER", "dummy")
    pygame.init()
    yield
    pygame.quit()


def load_game(prompt: str, seed: int) -> tuple[Any, pygame.Surface]:
    """The game's ``Game`` object on a dummy display, started and played a little."""
    space: dict[str, Any] = {"__name__": "designer_game"}
    exec(compile(make_game(prompt, seed).code, "<game>", "exec"), space)  # noqa: S102 - our own output
    screen = pygame.display.set_mode((space["SCREEN_W"], space["SCREEN_H"]))
    game = space["Game"]()
    game.start()
    for _ in range(5):
        game.update(1 / 60)
        game.draw(screen)
    return game, screen


@pytest.mark.slow
@pytest.mark.parametrize(
    "prompt",
    [
        "a game that mixes Tetris and Bejeweled",
        "a bejeweled style match-3",
        "minesweeper",
        "memory card matching",
        "breakout, like arkanoid",
        "space invaders",
        "pac-man in a maze",
        "2048",
        "something with cats",
        "asteroids but underwater with sharks",
        "space invaders with ghosts",
    ],
)
def test_a_frame_of_play_draws_only_what_moves(
    prompt: str, display: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    game, screen = load_game(prompt, 1)
    calls = {"n": 0}
    for name in DRAW_FUNCTIONS:
        real = getattr(pygame.draw, name)

        def counted(*args: Any, _real: Any = real, **kwargs: Any) -> Any:
            calls["n"] += 1
            return _real(*args, **kwargs)

        monkeypatch.setattr(pygame.draw, name, counted)
    for _ in range(FRAMES):
        game.update(1 / 60)
        game.draw(screen)
    assert game.state == "play"
    assert calls["n"] / FRAMES <= MAX_DRAWS_PER_FRAME, f"{calls['n'] / FRAMES:.1f} draws a frame"


def test_the_settled_board_is_one_cached_picture(display: None) -> None:
    game, screen = load_game("a game that mixes Tetris and Bejeweled", 1)
    first = game.scene()
    game.draw(screen)
    assert game.scene() is first
    before = game.board.drawn
    game.board.cells[-1][0] = 0 if game.board.cells[-1][0] is None else None
    game.draw(screen)
    assert game.board.drawn != before


def test_two_parts_cannot_both_own_the_scene_picture() -> None:
    maze = design_for("pac-man in a maze", 0)
    bricks = design_for("breakout, like arkanoid", 0)
    both = dataclasses.replace(
        maze, parts=[*maze.parts, "bricks"], params={**bricks.params, **maze.params}
    )
    with pytest.raises(DesignError, match="maze and bricks"):
        render(both)


def full_redraw(game: Any, screen: pygame.Surface, dirty: str, draw: Any) -> pygame.Surface:
    """What ``draw`` paints on a fresh screen when told that all of it is out of date."""
    fresh = pygame.Surface(screen.get_size(), 0, screen)
    fresh.fill((255, 0, 255))
    kept = getattr(game, dirty)
    setattr(game, dirty, [fresh.get_rect()])
    draw(fresh)
    setattr(game, dirty, kept)
    return fresh


@pytest.mark.slow
@pytest.mark.parametrize(
    "prompt", ["a game that mixes Tetris and Bejeweled", "space invaders", "snake"]
)
def test_title_and_game_over_paint_only_what_changes_yet_match_a_full_redraw(
    prompt: str, display: None
) -> None:
    space: dict[str, Any] = {"__name__": "designer_game"}
    exec(compile(make_game(prompt, 2).code, "<game>", "exec"), space)  # noqa: S102
    screen = pygame.display.set_mode((space["SCREEN_W"], space["SCREEN_H"]))
    game = space["Game"]()
    assert game.state == "title"
    for _ in range(90):  # tiles drift, the prompt blinks
        game.update(1 / 60)
        game.draw(screen)
        expected = full_redraw(game, screen, "title_dirty", game.draw_title)
        assert pygame.image.tobytes(screen, "RGB") == pygame.image.tobytes(expected, "RGB")
    game.start()
    for _ in range(10):
        game.update(1 / 60)
        game.draw(screen)
    game.game_over("test over")
    painted = []
    for _ in range(90):  # the "play again" line comes after 0.8 s
        game.update(1 / 60)
        game.draw(screen)
        painted.append(sum(r.width * r.height for r in game.over_dirty))
        expected = full_redraw(game, screen, "over_dirty", game.draw_over)
        assert pygame.image.tobytes(screen, "RGB") == pygame.image.tobytes(expected, "RGB")
    assert game.state == "over"
    assert max(painted) < screen.get_width() * screen.get_height() / 4


PLAYED = [*GENRE_PROMPTS.values(), *FEATURED_HYBRIDS[:8]]


class HeldKeys(dict):
    """What ``pygame.key.get_pressed`` gives the game: the keys held now, False for others."""

    def __missing__(self, key: int) -> bool:
        return False


@pytest.mark.slow
@pytest.mark.parametrize("prompt", PLAYED)
def test_play_paints_only_what_changed_yet_matches_a_full_redraw(
    prompt: str, display: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    space: dict[str, Any] = {"__name__": "designer_game"}
    exec(compile(make_game(prompt, 3).code, "<game>", "exec"), space)  # noqa: S102
    screen = pygame.display.set_mode((space["SCREEN_W"], space["SCREEN_H"]))
    held = HeldKeys()
    monkeypatch.setattr(pygame.key, "get_pressed", lambda: held)
    random.seed(95)  # the game's own randomness, fixed whatever ran before (95: a rock
    # clipped by the window's edge, where a polygon's outline does not bound its fill)
    game = space["Game"]()
    game.start()
    rng = random.Random(3)
    keys = [pygame.K_LEFT, pygame.K_RIGHT, pygame.K_UP, pygame.K_DOWN, pygame.K_SPACE]
    width, height = screen.get_size()
    painted, frames = 0, 0
    for frame in range(360):
        if frame % 5 == 0:
            game.handle_key(rng.choice(keys))
        if frame % 20 == 0:
            held.clear()
            held[rng.choice(keys)] = True
        if frame % 9 == 0:
            pos = (rng.randrange(width), rng.randrange(height))
            game.handle_motion(pos)
            game.handle_click(pos, 1)
        game.update(1 / 60)
        if game.state != "play":
            game.start()  # the game over screen has a test of its own
            continue
        restored = game.play_dirty  # what this frame paints again (None: everything)
        field = hasattr(game, "scene_paints")
        stamp = game.scene_paints if field else game.board.painted
        game.draw(screen)
        if game.state != "play":
            continue
        if restored is not None:
            frames += 1
            painted += sum(r.width * r.height for r in restored)
            if (game.scene_paints if field else game.board.painted) != stamp:
                outer = None if field else game.board.outer
                painted += width * height if field else outer.width * outer.height
        kept = game.play_dirty
        game.play_dirty = None
        fresh = pygame.Surface(screen.get_size(), 0, screen)
        fresh.fill((255, 0, 255))
        game.draw(fresh)
        game.play_dirty = kept
        assert pygame.image.tobytes(screen, "RGB") == pygame.image.tobytes(fresh, "RGB"), frame
    assert frames > 200
    assert painted / frames < width * height * 0.5  # a full window each frame before
