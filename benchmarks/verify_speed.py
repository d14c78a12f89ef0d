"""How fast is a verdict? Figures measured in one run, printed as ratios.

1. A bare ``python -c "import pygame; pygame.init()"`` (headless), the floor of any verdict.
2. A full verdict of a typical game (30 s of game time, the runs with and without input
   and the short determinism check, thumbnail and preview).
   Target: at most 4x the bare start.
3. N candidates verified in parallel (``verify_many``) against each verified alone, pinned
   to one core (the studio's own work on it too). Parallel efficiency = sum of the times
   alone / (cores * t_N); target at least 85% on 2 cores.

   For scale, the same figure, in the same rounds, for the same games played bare (no
   sandbox, no verifier): what this machine's cores give pygame games drawing at once.

The jobs of a figure are timed in turn, round after round (bare, verdict, bare, ...), and a
figure is the median over the rounds of what each round gives, so that it compares jobs run
moments apart: this machine's speed drifts by a third within minutes.

Usage: python benchmarks/verify_speed.py [--game PATH] [--n N] [--repeat R] [--more]
"""

from __future__ import annotations

import argparse
import contextlib
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

PROMPTS = ["a game that mixes Tetris and Bejeweled", "snake", "breakout", "space invaders"]


def typical_games(n: int, folder: Path) -> list[Path]:
    """Games the offline designer writes for a few prompts (the studio's typical output)."""
    from studio.designer import make_game

    paths = []
    for i in range(n):
        prompt = PROMPTS[i % len(PROMPTS)]
        path = folder / f"game{i}.py"
        path.write_text(make_game(prompt, seed=i).code)
        paths.append(path)
    return paths


def rounds(fns: list, repeat: int) -> list[list[float]]:
    """The times of several jobs run in turn, ``repeat`` rounds of all of them: a figure
    made of one round's times compares jobs that ran moments apart, on the same machine
    (a shared virtual machine speeds up and slows down during a run)."""
    out = []
    for _ in range(repeat):
        times = []
        for fn in fns:
            start = time.perf_counter()
            fn()
            times.append(time.perf_counter() - start)
        out.append(times)
    return out


def medians(table: list[list[float]]) -> list[float]:
    return [statistics.median(column) for column in zip(*table, strict=True)]


@contextlib.contextmanager
def one_core():
    """Run what is inside (and every process it starts) on a single core."""
    before = os.sched_getaffinity(0)
    os.sched_setaffinity(0, {min(before)})
    try:
        yield
    finally:
        os.sched_setaffinity(0, before)


def _on_one_core(job) -> None:
    with one_core():
        job()


#: A designer game played bare: its own ``Game`` driven for 30 s at 60 frames a second with
#: a key every third of a second, no sandbox, no virtual clock, nothing recorded.
BARE_PLAY = """
import random, runpy, sys
import pygame
game = runpy.run_path(sys.argv[1], run_name="bare")
pygame.init()
screen = pygame.display.set_mode((game["SCREEN_W"], game["SCREEN_H"]))
keys = [pygame.K_LEFT, pygame.K_RIGHT, pygame.K_UP, pygame.K_DOWN, pygame.K_SPACE]
random.seed(0)
play = game["Game"]()
play.start()
for frame in range(1800):
    if frame % 20 == 0:
        play.handle_key(random.choice(keys))
    play.update(1 / 60)
    play.draw(screen)
    pygame.display.flip()
"""


def at_most(commands: list[list[str]], at_once: int, env: dict[str, str]) -> None:
    """Run the commands, ``at_once`` at a time: the next starts when any one ends."""
    waiting, running = list(commands), {}
    while waiting or running:
        while waiting and len(running) < at_once:
            proc = subprocess.Popen(waiting.pop(0), env=env)
            running[proc.pid] = proc
        pid, status = os.wait()
        if pid in running:
            running.pop(pid).returncode = os.waitstatus_to_exitcode(status)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--game", type=Path, help="game to verify (default: a designer game)")
    parser.add_argument("--n", type=int, default=4, help="candidates for the parallel figure")
    parser.add_argument("--repeat", type=int, default=15, help="rounds per figure (median)")
    parser.add_argument(
        "--more", action="store_true", help="also the ratio for other designer games"
    )
    args = parser.parse_args()
    cores = len(os.sched_getaffinity(0))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        games = typical_games(max(args.n, 1), folder)
        game = args.game or games[0]
        env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")
        env["PYGAME_HIDE_SUPPORT_PROMPT"] = "1"
        bare_cmd = [sys.executable, "-c", "import pygame; pygame.init()"]

        def bare_start() -> None:
            subprocess.run(bare_cmd, env=env, check=True)

        def verdict_of(path: Path):
            return lambda: studio.verify(path, out=folder / "out")

        verdict = studio.verify(game, out=folder / "out")
        print(f"game: {game.name}: {verdict.summary()}")
        table = rounds([bare_start, verdict_of(game)], args.repeat)
        bare, full = medians(table)
        ratio = statistics.median(f / b for b, f in table)
        plays = [r.wall_seconds for r in verdict.runs]
        print(f"bare pygame start:        {bare:.3f} s")
        print(f"full verdict (30 s game): {full:.3f} s")
        print(f"  its plays (with input, without, short check; two at a time): {plays} s")
        print("  the rest: sandbox start-up, judging, the end of the preview's encoding")
        print(f"ratio verdict / bare:     {ratio:.2f}x  (target <= 4x; median over the rounds)")
        if args.more:
            for other in games[1:]:
                table = rounds([bare_start, verdict_of(other)], args.repeat)
                f = medians(table)[1]
                r = statistics.median(f / b for b, f in table)
                name = PROMPTS[games.index(other) % len(PROMPTS)]
                print(f"  {other.name} ({name}): {f:.3f} s, {r:.2f}x")

        # each of the N alone (they are not equally heavy), pinned to one core, and the N
        # together on all cores, measured in turn like the ratio above; in the same rounds,
        # the same games played bare, alone and together, as the machine's own figure
        n = args.n
        jobs = [lambda g=g: studio.verify(g, parallel=False) for g in games[:n]]
        with one_core():
            studio.verify(games[0], parallel=False)
        pinned = [lambda job=job: _on_one_core(job) for job in jobs]
        verdicts = [*pinned, lambda: studio.verify_many(games[:n])]
        plays = [[sys.executable, "-c", BARE_PLAY, str(g)] for g in games[:n]]
        played = [lambda c=c: _on_one_core(lambda: at_most([c], 1, env)) for c in plays]
        played.append(lambda: at_most(plays, cores, env))
        control = args.game is None  # bare play needs a designer game's Game class
        table = rounds(verdicts + (played if control else []), args.repeat)
        *alone, many = medians([row[: n + 1] for row in table])
        effs = [sum(row[:n]) / (cores * row[n]) for row in table]
        print(f"each verdict alone on one core: {', '.join(f'{t:.3f}' for t in alone)} s")
        print(f"{n} verdicts in parallel:  {many:.3f} s on {cores} cores")
        print(f"parallel efficiency:      {statistics.median(effs):.0%}  (target >= 85%; median)")
        if control:
            bare = [sum(row[n + 1 : -1]) / (cores * row[-1]) for row in table]
            print(
                f"  the same games played bare (no sandbox, no verifier), same rounds: "
                f"{statistics.median(bare):.0%}"
            )
            print(
                f"  single rounds: verifier {min(effs):.0%}-{max(effs):.0%}, "
                f"bare {min(bare):.0%}-{max(bare):.0%}"
            )


if __name__ == "__main__":
    main()
