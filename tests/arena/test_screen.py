"""The arena screen driven headless by scripted events, through the event loop a person uses:
real games in child processes, a virtual clock for the seconds played (no sleeps)."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pygame
import pytest
from typer.testing import CliRunner

from studio.arena import session
from studio.arena.pool import collect
from studio.arena.screen import ArenaScreen
from studio.arena.votes import read_votes
from studio.cli import app
from studio.gallery.store import Gallery

from .conftest import PONG, SNAKE, add

#: A real pygame game that runs until its stdin closes (the test's "window closed").
GATED = '''"""Gated: a red screen until stdin closes."""
import sys

import pygame

pygame.display.init()
screen = pygame.display.set_mode((64, 48))
screen.fill((200, 0, 0))
pygame.display.flip()
print("running", flush=True)
sys.stdin.read()
pygame.quit()
'''


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


class ChildLauncher:
    """Runs each game as its own process, as `studio play` does; the test ends it."""

    def __init__(self) -> None:
        self.procs: list[tuple[Path, subprocess.Popen[bytes]]] = []
        self.running = threading.Event()

    def __call__(self, code: Path) -> str | None:
        proc = subprocess.Popen(
            [sys.executable, code.name],
            cwd=code.parent,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            env=dict(os.environ),
        )
        assert proc.stdout is not None
        line = proc.stdout.readline()
        self.procs.append((code, proc))
        self.running.set()
        proc.wait()
        proc.stdout.close()
        return None if line == b"running\n" and proc.returncode == 0 else "the game failed"

    def close_window(self, screen: ArenaScreen) -> None:
        assert self.running.wait(60), "the game never started"
        self.running.clear()
        code, proc = self.procs[-1]
        assert proc.poll() is None  # still playing
        assert proc.stdin is not None
        proc.stdin.close()
        assert screen.playing is not None
        screen.playing.join(60)
        screen.step()


def key(k: int) -> None:
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=k, mod=0, unicode="", scancode=0))


def click(pos: tuple[int, int]) -> None:
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1))


@pytest.fixture
def two_sources(tmp_path: Path) -> Gallery:
    gallery = Gallery(tmp_path / "games")
    add(gallery, "Neon Snake", SNAKE, None, code=GATED)
    add(gallery, "Snake GPT", SNAKE, "gpt-4o-mini", code=GATED)
    add(gallery, "Paddles", PONG, None, code=GATED)
    return gallery


def test_play_both_then_vote_then_the_sources_are_revealed(two_sources: Gallery) -> None:
    games = collect(two_sources, [], lambda m: None)
    draw = session.drawer(games, [], judge=False, seed=1)
    clock, launcher = Clock(), ChildLauncher()
    screen = ArenaScreen(draw.draw, launcher, session.recorder(draw), clock=clock, min_seconds=5)
    try:
        assert screen.pair is not None
        pair = screen.pair
        assert {pair.a.key, pair.b.key} == {"neon-snake", "snake-gpt"}
        assert screen.panel_label("A") == "Play A" and screen.panel_label("B") == "Play B"
        screen.step()
        blind = pygame.image.tobytes(screen.screen, "RGB")

        key(pygame.K_a)  # play A for 3 s
        assert screen.step()
        assert screen.playing is not None
        launcher.running.wait(60)
        key(pygame.K_1)  # keys while a game plays are not for the arena
        screen.step()
        clock.now += 3
        launcher.close_window(screen)
        assert screen.playing is None and screen.played == {"A": 3.0, "B": 0.0}

        key(pygame.K_1)  # refused: B not played, A too short
        screen.step()
        assert "play A and B for at least 5 s before voting (A: 3 s, B: 0 s)" in screen.message
        assert screen.voted is None and read_votes() == []

        click(screen.panel("B").center)  # play B for 7 s, by a click
        screen.step()
        clock.now += 7
        launcher.close_window(screen)
        click(screen.vote_buttons()["B"].center)  # refused still: A 3 s
        screen.step()
        assert "play A for at least 5 s" in screen.message and read_votes() == []

        key(pygame.K_a)  # A again: 3 + 2.5 s
        screen.step()
        clock.now += 2.5
        launcher.close_window(screen)
        assert screen.played == {"A": 5.5, "B": 7.0}
        key(pygame.K_2)  # B is better
        screen.step()

        assert screen.voted == "B"
        [vote] = read_votes()
        assert (vote.a, vote.b, vote.vote) == (pair.a.key, pair.b.key, "B")
        assert (vote.source_a, vote.source_b) == (pair.a.source, pair.b.source)
        assert {vote.source_a, vote.source_b} == {"offline designer", "gpt-4o-mini"}
        assert (vote.seconds_a, vote.seconds_b) == (5.5, 7.0) and not vote.judge
        assert vote.prompt == SNAKE
        # revealed: each panel names its source, and the picture says so
        assert screen.panel_label("A") == f"A: {pair.a.source}"
        assert screen.panel_label("B") == f"B: {pair.b.source}"
        assert pygame.image.tobytes(screen.screen, "RGB") != blind

        # three child processes, one per play, each a real game that ran and ended cleanly
        assert [code.parent.name for code, _ in launcher.procs] == [
            pair.a.key,
            pair.b.key,
            pair.a.key,
        ]
        assert len({p.pid for _, p in launcher.procs}) == 3
        assert all(p.returncode == 0 for _, p in launcher.procs)

        key(pygame.K_RETURN)  # the next pair: none left for this prompt in this session
        screen.step()
        assert screen.pair is None and "every pair has been shown" in screen.done
        key(pygame.K_ESCAPE)
        assert not screen.step()
    finally:
        for _, proc in launcher.procs:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
        pygame.quit()


def test_cli_arena_without_display(two_sources: Gallery) -> None:
    result = CliRunner().invoke(app, ["arena", "--gallery", str(two_sources.root)])
    assert result.exit_code == 1
    assert "cannot open the arena window" in result.stderr and "--judge" in result.stderr
