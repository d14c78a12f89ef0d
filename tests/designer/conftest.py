"""Helpers for the designer's tests: write games to files and play them headless."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from studio.designer import make_game

RUNNER = Path(__file__).with_name("smoke_runner.py")


def write_games(folder: Path, prompts: list[str], seeds: list[int]) -> dict[Path, tuple[str, int]]:
    """Render every (prompt, seed) into ``folder``; returns path -> (prompt, seed)."""
    games: dict[Path, tuple[str, int]] = {}
    for i, prompt in enumerate(prompts):
        for seed in seeds:
            path = folder / f"game_{i}_{seed}.py"
            path.write_text(make_game(prompt, seed).code, encoding="utf-8")
            games[path] = (prompt, seed)
    return games


def smoke_play(paths: list[Path], frames: int, seed: int = 3, chunks: int = 2) -> list[dict]:
    """Play ``paths`` headless in ``chunks`` child processes; one result dict per game."""
    env = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"}
    groups = [paths[i::chunks] for i in range(chunks) if paths[i::chunks]]

    def play(group: list[Path]) -> list[dict]:
        cmd = [sys.executable, str(RUNNER), str(frames), str(seed), *map(str, group)]
        done = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=300)
        results = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
        assert len(results) == len(group), f"the runner stopped early:\n{done.stderr[-2000:]}"
        return results

    with ThreadPoolExecutor(max_workers=chunks) as pool:
        return [r for results in pool.map(play, groups) for r in results]


@pytest.fixture
def games_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "games"
    folder.mkdir()
    return folder
