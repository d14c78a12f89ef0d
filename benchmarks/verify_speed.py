"""How fast is a verdict? Figures measured in one run, printed as ratios.

1. A bare ``python -c "import pygame; pygame.init()"`` (headless), the floor of any verdict.
2. A full verdict of a typical game (30 s of game time, the runs with and without input
   and the short determinism check, thumbnail and preview).
   Target: at most 4x the bare start.
3. N candidates verified in parallel (``verify_many``) against one verified alone on one
   core. Parallel efficiency = N * t_one / (cores * t_N); target at least 85% on 2 cores.

Usage: python benchmarks/verify_speed.py [--game PATH] [--n N] [--repeat R]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import studio  # noqa: E402


def typical_games(n: int, folder: Path) -> list[Path]:
    """Games the offline designer writes for a few prompts (the studio's typical output)."""
    from studio.designer import make_game

    prompts = ["a game that mixes Tetris and Bejeweled", "snake", "breakout", "space invaders"]
    paths = []
    for i in range(n):
        prompt = prompts[i % len(prompts)]
        path = folder / f"game{i}.py"
        path.write_text(make_game(prompt, seed=i).code)
        paths.append(path)
    return paths


def timed(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--game", type=Path, help="game to verify (default: a designer game)")
    parser.add_argument("--n", type=int, default=4, help="candidates for the parallel figure")
    parser.add_argument("--repeat", type=int, default=5, help="runs per figure (median)")
    args = parser.parse_args()
    cores = os.cpu_count() or 1
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        games = typical_games(max(args.n, 1), folder)
        game = args.game or games[0]
        env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")
        env["PYGAME_HIDE_SUPPORT_PROMPT"] = "1"
        bare_cmd = [sys.executable, "-c", "import pygame; pygame.init()"]
        bare = timed(lambda: subprocess.run(bare_cmd, env=env, check=True), args.repeat + 2)

        verdict = studio.verify(game, out=folder / "out")
        print(f"game: {game.name}: {verdict.summary()}")
        full = timed(lambda: studio.verify(game, out=folder / "out"), args.repeat)
        bare_runs = [r.wall_seconds for r in verdict.runs]
        print(f"bare pygame start:        {bare:.3f} s")
        print(f"full verdict (30 s game): {full:.3f} s")
        print(f"  its plays (with input, without, short check; two at a time): {bare_runs} s")
        print("  the rest: sandbox start-up, reading results, judging, encoding the preview")
        print(f"ratio verdict / bare:     {full / bare:.2f}x  (target <= 4x)")

        one = timed(lambda: studio.verify(games[0], parallel=False), args.repeat)
        many = timed(lambda: studio.verify_many(games[: args.n]), args.repeat)
        eff = args.n * one / (cores * many)
        print(f"one verdict on one core:  {one:.3f} s")
        print(f"{args.n} verdicts in parallel:  {many:.3f} s on {cores} cores")
        print(f"parallel efficiency:      {eff:.0%}  (target >= 85%)")


if __name__ == "__main__":
    main()
