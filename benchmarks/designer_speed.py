"""How long the offline designer takes to produce one game (design + render).

    python benchmarks/designer_speed.py [--seeds N]

Prints, measured in this run: the first game (templates loaded and compiled), the mean and
the slowest per-game time over every genre and the featured hybrids, each genre's mean, and
the ratio of the mean to the 0.2 s target.
"""

from __future__ import annotations

import argparse
import statistics
import time

TARGET_SECONDS = 0.2
GENRES = {
    "tetris": "a tetris game",
    "match3": "a bejeweled style match-3",
    "snake": "classic snake",
    "breakout": "breakout",
    "pong": "pong against the computer",
    "invaders": "space invaders",
    "asteroids": "asteroids",
    "flappy": "flappy bird",
    "runner": "an endless runner",
    "maze": "pac-man in a maze",
    "2048": "2048",
    "minesweeper": "minesweeper",
    "memory": "memory card matching",
    "unrecognised": "something fun with a cat",
    "tetris+bejeweled": "a game that mixes Tetris and Bejeweled",
    "snake+breakout": "snake meets breakout",
    "invaders+tetris": "space invaders + tetris",
    "pong+breakout": "pong with breakout bricks",
    # -- board genres --
    "tictactoe": "noughts and crosses against the computer",
    "connect4": "connect four",
    "sokoban": "sokoban with several levels",
    "fifteen": "a sliding puzzle",
    "solitaire": "klondike solitaire",
    "sokoban+maze": "pac-man meets sokoban",
    # -- arcade genres --
    "lander": "lunar lander",
    "frogger": "frogger",
    "missile": "missile command",
    "topdown": "top-down shooter",
    "tanks": "tank battle",
    "lander+asteroids": "asteroids but you land on the moon",
    "tanks+topdown": "tank battle meets top-down shooter",
    # -- toys genres --
    "whackamole": "whack-a-mole",
    "typing": "a typing game",
    "rhythm": "a rhythm game",
    "clicker": "an idle clicker",
    "fishing": "a fishing game",
    # -- physics genres --
    "golf": "mini golf",
    "bubbles": "bubble shooter",
    "towers": "tower defense",
    "pinball": "pinball",
    "racing": "a top-down racing game",
    "pinball+breakout": "pinball meets breakout",
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=10, help="seeds per prompt (default 10)")
    args = parser.parse_args()

    start = time.perf_counter()
    from studio.designer import make_game

    make_game("a tetris game", 0)
    first = time.perf_counter() - start

    per_genre: dict[str, list[float]] = {}
    for name, prompt in GENRES.items():
        for seed in range(args.seeds):
            t0 = time.perf_counter()
            make_game(prompt, seed)
            per_genre.setdefault(name, []).append(time.perf_counter() - t0)
    times = [t for ts in per_genre.values() for t in ts]
    mean = statistics.mean(times)

    print(f"offline designer: {len(times)} games ({len(GENRES)} prompts x {args.seeds} seeds)")
    print(f"  first game, incl. import and template compile: {first * 1000:8.1f} ms")
    for name, ts in per_genre.items():
        print(f"  {name:<22} mean {statistics.mean(ts) * 1000:6.2f} ms")
    print(f"  mean per game:    {mean * 1000:8.2f} ms")
    print(f"  median per game:  {statistics.median(times) * 1000:8.2f} ms")
    print(f"  slowest game:     {max(times) * 1000:8.2f} ms")
    print(f"  target:           {TARGET_SECONDS * 1000:8.0f} ms per game")
    print(f"  ratio mean/target: {mean / TARGET_SECONDS:.3f} (at most 1.0 meets the target)")


if __name__ == "__main__":
    main()
