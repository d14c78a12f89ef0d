"""The arcade-machine genres (lunar lander, frogger, missile command, top-down shooter, tank
battle): each played headless through its own ``Game`` class to check its core rules, read
from the common ways people name it, and judged playable by the real verifier."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pygame
import pytest

import studio
from studio.designer import design_for, make_game

from .conftest import write_games

#: genre -> prompts that name it (the first is the one the verifier plays).
ARCADE_PROMPTS: dict[str, list[str]] = {
    "lander": [
        "lunar lander",
        "a moon landing game",
        "land the rocket on the landing pad",
        "asteroids but you land on the moon",
    ],
}


class Keys:
    """Stands in for ``pygame.key.get_pressed()``: the keys held down."""

    def __init__(self) -> None:
        self.held: set[int] = set()

    def __getitem__(self, key: int) -> bool:
        return key in self.held


@pytest.fixture
def keys(monkeypatch: pytest.MonkeyPatch) -> Iterator[Keys]:
    monkeypatch.setenv("SDL_VIDEODRIVER", "dummy")
    monkeypatch.setenv("SDL_AUDIODRIVER", "dummy")
    pygame.init()
    held = Keys()
    monkeypatch.setattr(pygame.key, "get_pressed", lambda: held)
    yield held
    pygame.quit()


def play(prompt: str, seed: int) -> tuple[Any, dict[str, Any], pygame.Surface]:
    """The started ``Game`` of ``make_game(prompt, seed)``, its module and a screen."""
    space: dict[str, Any] = {"__name__": "arcade_game"}
    exec(compile(make_game(prompt, seed).code, "<game>", "exec"), space)  # noqa: S102 - our own output
    screen = pygame.display.set_mode((space["SCREEN_W"], space["SCREEN_H"]))
    game = space["Game"]()
    game.start()
    game.invulnerable = 0.0
    game.play_time = 1000.0  # past the newcomer's grace: a crash costs a life
    return game, space, screen


def steps(game: Any, screen: pygame.Surface, frames: int) -> None:
    for _ in range(frames):
        game.update(1 / 60)
        game.draw(screen)


@pytest.mark.parametrize("genre", sorted(ARCADE_PROMPTS))
def test_the_common_names_of_each_genre_map_to_it(genre: str) -> None:
    for prompt in ARCADE_PROMPTS[genre]:
        design = design_for(prompt, 0)
        assert genre in design.genres, prompt
        assert f"{genre}" in design.parts or genre in design.genres


# --- lunar lander -----------------------------------------------------------------------


def lander_over_pad(game: Any, space: dict[str, Any], speed: float) -> Any:
    """Put the lander just above the middle of the pad, falling at ``speed``."""
    lander = game.player
    lander.x, lander.vx, lander.vy = float(game.pad.centerx), 0.0, speed
    lander.y = float(game.pad.top - lander.rect.height // 2 - 2)
    lander.rect.center = (int(lander.x), int(lander.y))
    return lander


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_lander_gravity_pulls_and_thrust_spends_fuel(keys: Keys, seed: int) -> None:
    game, space, screen = play("lunar lander", seed)
    lander = game.player
    lander.y, lander.vy = float(space["FIELD"].top + 60), 0.0
    fuel = lander.fuel
    steps(game, screen, 30)
    assert lander.vy > 0 and lander.fuel == fuel  # falling, nothing burnt
    falling = lander.vy
    keys.held = {pygame.K_UP}
    steps(game, screen, 30)
    assert lander.vy < falling  # the engine pushes against gravity
    assert lander.fuel < fuel  # and burns fuel
    lander.fuel = 0.0
    slowest = lander.vy
    steps(game, screen, 10)
    assert lander.vy > slowest  # an empty tank pushes nothing


@pytest.mark.parametrize("seed", [0, 3])
def test_lander_lands_below_the_safe_speed_and_crashes_above_it(keys: Keys, seed: int) -> None:
    game, space, screen = play("lunar lander", seed)
    safe = space["SAFE_SPEED"]
    lander_over_pad(game, space, safe * 0.5)
    steps(game, screen, 10)
    assert (game.landings, game.level, game.lives) == (1, 2, space["LIVES"])
    assert game.score > 0
    game.invulnerable = 0.0
    lander_over_pad(game, space, safe * 1.3)
    steps(game, screen, 10)
    assert (game.landings, game.level, game.lives) == (1, 2, space["LIVES"] - 1)


def test_lander_crashes_beside_the_pad_however_slow(keys: Keys) -> None:
    game, space, screen = play("lunar lander", 5)
    lander = lander_over_pad(game, space, 5.0)
    field = space["FIELD"]
    lander.x = float(field.left + 20 if game.pad.centerx > field.centerx else field.right - 20)
    lander.y = float(game.ground_y(lander.x) - lander.rect.height // 2 - 1)
    steps(game, screen, 5)
    assert game.landings == 0 and game.lives == space["LIVES"] - 1


def test_lander_and_asteroids_is_a_real_hybrid_both_ways() -> None:
    for prompt in ("lunar lander meets asteroids", "asteroids meets lunar lander"):
        design = design_for(prompt, 0)
        assert {"lander", "rocks"} <= set(design.parts), prompt
        assert "rocket" not in design.parts
        assert "drifting rocks" in design.understood


# --- the verifier -------------------------------------------------------------------------


@pytest.mark.slow
def test_every_arcade_genre_is_playable_with_no_flags_over_several_seeds(
    games_dir: Path,
) -> None:
    prompts = [names[0] for names in ARCADE_PROMPTS.values()]
    games = write_games(games_dir, prompts, seeds=[1, 4, 9])
    paths = sorted(games)
    verdicts = studio.verify_many(paths, seconds=8.0, seed=2)
    failures = [
        f"{games[path][0]!r} seed {games[path][1]}: {verdict.summary()} {verdict.reasons()}"
        for path, verdict in zip(paths, verdicts, strict=True)
        if not verdict.playable or verdict.flags
    ]
    assert not failures, "\n".join(failures)
