"""How fast is a verdict? Figures measured in one run, printed as ratios.

1. A bare ``python -c "import pygame; pygame.init()"`` (headless), the floor of any verdict.
2. A full verdict of a typical designer game (30 s of game time, the runs with and without
   input and the short determinism check, thumbnail and preview).
   Target: at most 4x the bare start.
3. The control that matters to users: games written the way models and people write them
   (the corpus's real-game shapes, not the designer's), each verdict against the same game
   played bare: the game's own code for the same frames as the verdict's run with input
   (its frame count), keys pressed now and then, no sandbox, no virtual clock (the clocks
   are real; only the waits are skipped, so that the frames come as fast as the machine
   draws them). Target: the verdicts summed at most 1.3x the bare plays summed. Beside it,
   the floor of any proof by comparison: the same games played bare twice at once.
4. N of those games verified in parallel (``verify_many``) against each verified alone,
   pinned to one core (the studio's own work on it too). Parallel efficiency = sum of the
   times alone / (cores * t_N), reported against the same figure for the same games played
   bare, in the same rounds (what this machine's cores give pygame games drawing at once).
   Target: within 5 points of that control.

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


#: Model-style games (tests/verify/games): they play their whole game time, by kinds of
#: loop, input and drawing that real games use.
MODEL_STYLE = [
    "good_breakout_fast_over.py",  # top-level loop, get_pressed, game over waiting for R
    "good_snake_tutorial.py",  # tutorial snake: nested loops, recursion, display.update
    "good_flappy_drop.py",  # main(), gravity, pipes, 30 frames a second
    "good_seed_noarg.py",  # random.seed() with no argument, a starfield, shots
    "good_keyname_jl.py",  # key.name() comparisons, a lane racer
    "good_players_1_2.py",  # a still title waiting for 1 or 2, then pong
]
GAMES_DIR = ROOT / "tests" / "verify" / "games"

#: Any game played bare: its own file run as a script, for ``frames`` display updates, with
#: an arrow key or Space pressed and released every 20 frames; the waits (Clock.tick,
#: time.sleep, pygame.time.wait) are skipped so that frames come as fast as they are drawn.
BARE_PLAY = """
import os, runpy, sys, time
import pygame
path, frames = sys.argv[1], int(sys.argv[2])
keys = [pygame.K_LEFT, pygame.K_RIGHT, pygame.K_UP, pygame.K_DOWN, pygame.K_SPACE]
drawn = [0]
class Done(BaseException):
    pass
def counting(real):
    def frame(*args, **kwargs):
        result = real(*args, **kwargs)
        drawn[0] += 1
        n = drawn[0]
        if n % 20 in (0, 10):
            kind = pygame.KEYDOWN if n % 20 == 0 else pygame.KEYUP
            key = keys[n // 20 % len(keys)]
            pygame.event.post(pygame.event.Event(kind, key=key, mod=0, unicode="", scancode=0))
        if n >= frames:
            raise Done
        return result
    return frame
class Clock:
    def __init__(self):
        self.ms = 16
    def tick(self, framerate=0):
        self.ms = int(1000 / framerate) if framerate else 16
        return self.ms
    tick_busy_loop = tick
    def get_time(self):
        return self.ms
    get_rawtime = get_time
    def get_fps(self):
        return 1000 / self.ms
pygame.display.flip = counting(pygame.display.flip)
pygame.display.update = counting(pygame.display.update)
pygame.time.Clock = pygame.Clock = Clock
pygame.time.wait = pygame.time.delay = lambda ms: int(ms)
time.sleep = lambda seconds: None
os.chdir(os.path.dirname(path))
sys.argv = [path]
try:
    runpy.run_path(path, run_name="__main__")
except (Done, SystemExit):
    pass
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
    parser.add_argument("--n", type=int, default=4, help="games for the parallel figure")
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

        # the control that matters to users: model-style games, verdict against bare play
        model = [GAMES_DIR / name for name in MODEL_STYLE]
        frames = {}
        for path in model:
            v = studio.verify(path, out=folder / "out")
            frames[path] = max(1, v.frames)
            if not v.playable:
                print(f"  note: {path.name}: {v.summary()}")

        def bare_cmd_of(path: Path) -> list[str]:
            return [sys.executable, "-c", BARE_PLAY, str(path), str(frames[path])]

        def bare_of(path: Path):
            return lambda: subprocess.run(bare_cmd_of(path), env=env, check=True)

        def pair_of(path: Path):  # the floor of a proof: the game played twice, at once
            return lambda: at_most([bare_cmd_of(path)] * 2, 2, env)

        def judged_of(path: Path):  # the verdict alone, as `studio test` without --out
            return lambda: studio.verify(path)

        kinds = (bare_of, pair_of, judged_of, verdict_of)
        jobs = [kind(path) for path in model for kind in kinds]
        table = rounds(jobs, args.repeat)
        w = len(kinds)
        sums = [tuple(sum(row[i::w]) for i in range(w)) for row in table]
        bare_sum, pair_sum, judged_sum, verdict_sum = medians([list(x) for x in sums])
        control = statistics.median(v / b for b, _, _, v in sums)
        print(f"model-style games ({len(model)}), 30 s each: verdict against bare play")
        for k, path in enumerate(model):
            b, p2, j, v = medians([list(row[w * k : w * k + w]) for row in table])
            print(
                f"  {path.name}: {frames[path]} frames, bare {b:.3f} s, twice at once "
                f"{p2:.3f} s, verdict {j:.3f} s, with its thumbnail and preview {v:.3f} s"
            )
        print(
            f"  summed: bare {bare_sum:.3f} s, twice at once {pair_sum:.3f} s, "
            f"verdicts {judged_sum:.3f} s, with artifacts {verdict_sum:.3f} s"
        )
        judged = statistics.median(j / b for b, _, j, _ in sums)
        print(f"ratio verdicts / bare play: {judged:.2f}x  (target <= 1.3x; median over rounds)")
        print(f"  with the thumbnail and preview too (as studio make does): {control:.2f}x")
        ratios = [j / b for b, _, j, _ in sums]
        print(f"  single rounds: {min(ratios):.2f}x-{max(ratios):.2f}x")
        floor = statistics.median(p / b for b, p, _, _ in sums)
        print(
            f"  the floor of a proof (the same games played bare twice at once, as a verdict's "
            f"runs with and without input play): {floor:.2f}x bare; verdicts "
            f"{statistics.median(j / p for _, p, j, _ in sums):.2f}x that floor"
        )

        # each of the N alone (they are not equally heavy), pinned to one core, and the N
        # together on all cores, measured in turn like the ratio above; in the same rounds,
        # the same games played bare, alone and together, as the machine's own figure
        n = min(args.n, len(model))
        chosen = model[:n]
        jobs = [lambda g=g: studio.verify(g, parallel=False) for g in chosen]
        with one_core():
            studio.verify(chosen[0], parallel=False)
        pinned = [lambda job=job: _on_one_core(job) for job in jobs]
        verdicts = [*pinned, lambda: studio.verify_many(chosen)]
        plays = [bare_cmd_of(g) for g in chosen]
        played = [lambda c=c: _on_one_core(lambda: at_most([c], 1, env)) for c in plays]
        played.append(lambda: at_most(plays, cores, env))
        table = rounds(verdicts + played, args.repeat)
        *alone, many = medians([row[: n + 1] for row in table])
        effs = [sum(row[:n]) / (cores * row[n]) for row in table]
        bare = [sum(row[n + 1 : -1]) / (cores * row[-1]) for row in table]
        eff, bare_eff = statistics.median(effs), statistics.median(bare)
        print(f"each verdict alone on one core: {', '.join(f'{t:.3f}' for t in alone)} s")
        print(f"{n} verdicts in parallel:  {many:.3f} s on {cores} cores")
        print(f"parallel efficiency:      {eff:.0%}  (median)")
        print(f"  the same games played bare (no sandbox, no verifier): {bare_eff:.0%}")
        gap = (eff - bare_eff) * 100
        print(f"  verifier against bare: {gap:+.0f} points  (target: no more than 5 points below)")
        print(
            f"  single rounds: verifier {min(effs):.0%}-{max(effs):.0%}, "
            f"bare {min(bare):.0%}-{max(bare):.0%}"
        )


if __name__ == "__main__":
    main()
