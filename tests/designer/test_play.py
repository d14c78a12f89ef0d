"""Generated games run headless under scripted play without crashing and keep changing."""

from __future__ import annotations

from pathlib import Path

import pytest

from .catalogue import FEATURED_HYBRIDS, GENRE_PROMPTS
from .conftest import smoke_play, write_games

FRAMES = 480  # eight seconds of game time at 60 frames per second


@pytest.mark.slow
def test_every_genre_and_featured_hybrid_survives_scripted_play(games_dir: Path) -> None:
    prompts = list(GENRE_PROMPTS.values()) + FEATURED_HYBRIDS
    games = write_games(games_dir, prompts, seeds=[11])
    results = smoke_play(sorted(games), FRAMES)
    failures = []
    for result in results:
        prompt, seed = games[Path(result["path"])]
        if result["error"]:
            failures.append(f"{prompt!r} seed {seed}: {result['error']}")
        elif result["frames"] < FRAMES:
            failures.append(f"{prompt!r} seed {seed}: stopped after {result['frames']} frames")
        elif result["distinct"] < 10:
            failures.append(f"{prompt!r} seed {seed}: only {result['distinct']} distinct pictures")
        elif result["non_blank"] < result["samples"]:
            failures.append(f"{prompt!r} seed {seed}: blank pictures")
    assert not failures, "\n".join(failures)


def test_the_smoke_runner_catches_a_crashing_game(games_dir: Path) -> None:
    good = games_dir / "good.py"
    good.write_text(
        "import pygame\n"
        "def main():\n"
        "    pygame.init()\n"
        "    screen = pygame.display.set_mode((200, 100))\n"
        "    clock = pygame.time.Clock()\n"
        "    x = 0\n"
        "    while True:\n"
        "        for event in pygame.event.get():\n"
        "            if event.type == pygame.KEYDOWN:\n"
        "                x = (x + 10) % 200\n"
        "            if event.type == pygame.MOUSEBUTTONDOWN and x > 150:\n"
        "                raise RuntimeError('boom')\n"
        "        screen.fill((0, 0, 0))\n"
        "        screen.fill((255, 0, 0), (x, 0, 10, 10))\n"
        "        pygame.display.flip()\n"
        "        clock.tick(60)\n"
        "main()\n",
        encoding="utf-8",
    )
    (result,) = smoke_play([good], FRAMES, chunks=1)
    assert result["error"] and "boom" in result["error"]
