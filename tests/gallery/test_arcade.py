"""The arcade launcher: driven headless in-process, and judged by the verifier."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pygame
import pytest
from typer.testing import CliRunner

from studio.cli import app
from studio.gallery import arcade
from studio.gallery.store import Gallery

from .helpers import GAME, make_meta


@pytest.fixture
def quit_pygame():
    yield
    pygame.quit()


def frame(game: arcade.Arcade) -> bytes:
    game.update()
    game.draw()
    return pygame.image.tobytes(game.screen, "RGB")


def key(game: arcade.Arcade, k: int) -> None:
    assert game.handle(pygame.event.Event(pygame.KEYDOWN, key=k, mod=0, unicode="", scancode=0))


def click(game: arcade.Arcade, pos: tuple[int, int]) -> None:
    event = pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1)
    assert game.handle(event)


def test_load_cards_reads_complete_entries(filled: Gallery) -> None:
    (filled.root / "broken").mkdir()
    (filled.root / "broken" / "meta.json").write_text("{")
    cards = arcade.load_cards(str(filled.root))
    assert [c["slug"] for c in cards] == ["astro-rocks", "gem-fall", "neon-snake"]
    by_slug = {c["slug"]: c for c in cards}
    assert by_slug["gem-fall"]["thumb"].endswith("gem-fall/thumb.png")
    assert by_slug["astro-rocks"]["thumb"] is None
    assert by_slug["gem-fall"]["score"] == 91
    assert arcade.load_cards(str(filled.root / "absent")) == []


def test_arrows_and_mouse_choose_and_the_picture_follows(filled: Gallery, quit_pygame) -> None:
    game = arcade.Arcade(arcade.load_cards(str(filled.root)), launch=None)
    assert len(game.grid.cards) == 3 and not game.demo
    before = frame(game)
    key(game, pygame.K_RIGHT)
    assert game.grid.selected == 1
    after = frame(game)
    assert after != before
    key(game, pygame.K_DOWN)  # no row below: stays on the last card
    key(game, pygame.K_RIGHT)
    assert game.grid.selected == 2
    key(game, pygame.K_a)
    key(game, pygame.K_LEFT)
    assert game.grid.selected == 0
    target = game.grid.rect(2).center
    assert game.handle(pygame.event.Event(pygame.MOUSEMOTION, pos=target, rel=(0, 0), buttons=()))
    assert game.grid.selected == 2
    assert game.grid.card_at((2, 2)) is None
    assert not game.handle(pygame.event.Event(pygame.QUIT))


def test_enter_without_a_launcher_says_which_command_plays(filled: Gallery, quit_pygame) -> None:
    game = arcade.Arcade(arcade.load_cards(str(filled.root)), launch=None)
    key(game, pygame.K_RIGHT)
    quiet = frame(game)
    key(game, pygame.K_RETURN)
    assert game.message == "to play it: studio play gem-fall" and game.playing is None
    assert frame(game) != quiet  # the banner is drawn


def test_click_launches_through_the_injected_function_and_comes_back(
    filled: Gallery, quit_pygame
) -> None:
    calls: list[dict[str, Any]] = []
    release = threading.Event()

    def launch(card: dict[str, Any]) -> str | None:
        calls.append(card)
        release.wait(30)
        return None

    game = arcade.Arcade(arcade.load_cards(str(filled.root)), launch=launch)
    click(game, game.grid.rect(1).center)
    assert game.playing is not None
    key(game, pygame.K_RIGHT)  # while the game runs the grid ignores input
    assert game.grid.selected == 1
    frame(game)
    release.set()
    game.playing.join(30)
    frame(game)
    assert game.playing is None
    assert [c["slug"] for c in calls] == ["gem-fall"]
    assert calls[0]["code"].endswith("gem-fall/game.py")
    assert game.message == "back from Gem Fall"


def test_a_failing_launch_is_shown_not_raised(filled: Gallery, quit_pygame) -> None:
    def launch(card: dict[str, Any]) -> str | None:
        return "cannot open a game window: no display"

    game = arcade.Arcade(arcade.load_cards(str(filled.root)), launch=launch)
    key(game, pygame.K_SPACE)
    game.playing.join(30)
    frame(game)
    assert game.message == "cannot open a game window: no display"


def test_no_gallery_shows_a_demo_grid_that_reacts(quit_pygame) -> None:
    game = arcade.Arcade([], launch=None)
    assert game.demo and len(game.grid.cards) == 8
    first = frame(game)
    assert frame(game) != first  # the background drifts even with no input
    key(game, pygame.K_DOWN)
    assert game.grid.selected == arcade.COLUMNS
    key(game, pygame.K_RETURN)
    assert "demo card" in game.message


def test_cli_arcade_without_display(filled: Gallery) -> None:
    result = CliRunner().invoke(app, ["arcade", "--gallery", str(filled.root)])
    assert result.exit_code == 1
    assert "cannot open the arcade window" in result.stderr and "studio gallery" in result.stderr


@pytest.mark.slow
def test_arcade_passes_the_verifier(tmp_path: Path) -> None:
    api = pytest.importorskip(
        "studio.verdicts.api", reason="the verifier (studio.verify) has not landed yet"
    )
    verdict = api.verify(Path(arcade.__file__), seconds=10.0, out=tmp_path / "verdict")
    assert verdict.playable, f"{verdict.summary()}: {verdict.reasons()}"
    assert "forbidden" not in verdict.flags and "ignores_input" not in verdict.flags


def test_load_cards_shows_each_games_newest_readable_version(filled: Gallery, pictures) -> None:
    v1 = filled.get("gem-fall")
    v2 = filled.add_version(v1, "# v2\n" + GAME, make_meta("Gem Fall", score=95))
    v3 = filled.add_version(v2, "# v3\n" + GAME, make_meta("Gem Fall"), thumbnail=pictures["thumb"])
    v3.meta_path.write_text("{")  # the newest is unreadable: the one before it is shown
    by_slug = {c["slug"]: c for c in arcade.load_cards(str(filled.root))}
    assert by_slug["gem-fall"]["code"] == str(v2.code_path)
    assert by_slug["gem-fall"]["score"] == 95 and by_slug["gem-fall"]["thumb"] is None
    assert len(by_slug) == 3
