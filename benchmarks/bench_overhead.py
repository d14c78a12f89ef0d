"""What `studio bench` adds to its verdicts: its wall time against the sum of the same
verdicts run alone, one after another (target: the bench adds at most 10%).

A local fake OpenAI-compatible server (tests/fakeserver.py) answers at once with real
pygame programs, a known mix of playable ones and ones that crash (so repair rounds run
too); the real verifier judges every candidate. The bench runs with one verification slot
(``--slots``, default 1), so that its verdicts run one at a time, as they do alone, and the
difference is the bench's own work: requests, parsing, writing each sample, results.json
after every sample, the summary and report.html. Then every program the bench verified is
verified again alone, with the same game seconds and seed. Printed from one run:

* the bench's wall time, the sum of the verdicts alone, the ratio (target <= 1.10);
* the sum of the same verdicts' wall times inside the bench (how much slower a verdict
  is when model calls and writes happen beside it);
* the time to write report.html.

The machine is shared, so a round is a bench and then its verdicts alone, back to back, and
several rounds are run (``--rounds``): the median ratio and the ratio of the best times.

The defaults are `studio bench`'s own (5 samples, 30 game seconds a verdict): the bench's
fixed costs (the first reply before the first verdict, the report page) weigh more beside
shorter verdicts (``--seconds 10``), and the machine's noise more beside fewer.

    python benchmarks/bench_overhead.py [--prompts 3] [--samples 5] [--seconds 30] [--rounds 5]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import studio  # noqa: E402
from studio.bench import html  # noqa: E402
from studio.bench.authors import resolve_authors  # noqa: E402
from studio.bench.live import labels_of  # noqa: E402
from studio.bench.runner import Bench, BenchSettings, sample_seed  # noqa: E402
from studio.bench.store import BenchDir  # noqa: E402
from studio.bench.suite import from_file  # noqa: E402
from studio.bigbrain import cpu_slots  # noqa: E402
from tests.bigbrain.games import crashing_game, good_game  # noqa: E402
from tests.fakeserver import Answer, FakeServer, Recorded, fenced  # noqa: E402

PROMPTS = ["pong against the computer", "a snake game in neon colours", "breakout with bees"]
SEED = 21


def one_round(server: FakeServer, args: argparse.Namespace, work: Path) -> dict[str, float]:
    """A bench, then each program it verified verified again alone: their times."""
    work.mkdir(mode=0o755)  # the sandbox's uid must be able to enter the games' folders
    suite = work / "suite.txt"
    suite.write_text("\n".join(PROMPTS[: args.prompts]) + "\n")
    tasks = from_file(suite)
    seeds = {sample_seed(SEED, t.id, n): n for t in tasks for n in range(1, 100)}
    asked: dict[int, int] = {}

    def handler(rec: Recorded) -> Answer:
        seed = rec.body["seed"]
        n = seeds[seed]
        asked[seed] = asked.get(seed, 0) + 1
        # sample 2 of each prompt crashes first and is repaired; the others play at once
        crash = n == 2 and asked[seed] == 1
        return Answer(fenced(crashing_game() if crash else good_game(n)))

    server.handler = handler
    folder = BenchDir(work / "bench")
    settings = BenchSettings(
        suite=str(suite), samples=args.samples, repairs=1, seconds=args.seconds, seed=SEED
    )
    flags = {"base_url": server.url, "api_key": None, "preset": None}
    authors = resolve_authors(["fake-model"], flags, {}, concurrency=None, cpu_slots=cpu_slots())
    folder.settings = {"bench": settings.public(), "tasks": [t.to_dict() for t in tasks]}
    bench = Bench(folder, settings, authors, tasks, verify_slots=args.slots)
    start = time.perf_counter()
    records = bench.run()
    page_start = time.perf_counter()
    html.write_report(folder, labels_of(authors), args.samples)
    wall = time.perf_counter() - start
    page = time.perf_counter() - page_start
    games = sorted(folder.root.glob("samples/*/*/*/log/**/game.py"))
    inside = sum(json.loads((g.parent / "verdict.json").read_text())["wall_seconds"] for g in games)
    alone = 0.0
    for i, game in enumerate(games):
        copy = work / "alone" / str(i)
        copy.mkdir(parents=True, mode=0o755)
        (copy / "game.py").write_text(game.read_text())
        t0 = time.perf_counter()
        studio.verify(copy / "game.py", seconds=args.seconds, seed=SEED, out=copy / "artifacts")
        alone += time.perf_counter() - t0
    return {
        "wall": wall,
        "alone": alone,
        "inside": inside,
        "page": page,
        "samples": len(records),
        "playable": sum(1 for r in records if r["repaired"]["playable"]),
        "verdicts": len(games),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--prompts", type=int, default=3, choices=(1, 2, 3))
    parser.add_argument("--samples", type=int, default=5)
    parser.add_argument("--seconds", type=float, default=30.0, help="game seconds per verdict")
    parser.add_argument("--slots", type=int, default=1, help="verification slots of the bench")
    parser.add_argument("--rounds", type=int, default=5, help="bench-then-alone rounds")
    args = parser.parse_args()
    rounds = []
    with tempfile.TemporaryDirectory(prefix="bench-overhead-") as tmp, FakeServer() as server:
        Path(tmp).chmod(0o755)
        # One verdict first, not timed: the first in a process loads what every later one
        # reuses, and the bench (timed first in each round) would pay it alone.
        warm = Path(tmp) / "warm"
        warm.mkdir(mode=0o755)
        (warm / "game.py").write_text(good_game(1))
        studio.verify(warm / "game.py", seconds=args.seconds, seed=SEED, out=warm / "artifacts")
        for i in range(args.rounds):
            rounds.append(one_round(server, args, Path(tmp) / f"round-{i}"))
    first = rounds[0]
    print(f"machine: {cpu_slots()} CPU(s); bench with {args.slots} verification slot(s)")
    print(
        f"per round: {first['samples']} samples ({first['playable']} playable after repairs), "
        f"{first['verdicts']} verdicts of {args.seconds:g} game seconds"
    )
    print("round  bench wall  verdicts alone  ratio   verdict walls in bench  report.html")
    for i, r in enumerate(rounds, start=1):
        print(
            f"{i:5d}  {r['wall']:9.2f}s  {r['alone']:13.2f}s  {r['wall'] / r['alone']:5.3f}x"
            f"  {r['inside']:21.2f}s  {r['page']:10.2f}s"
        )
    ratios = sorted(r["wall"] / r["alone"] for r in rounds)
    own = sorted((r["wall"] - r["inside"]) / r["inside"] for r in rounds)
    print(f"median ratio bench / verdicts alone: {ratios[len(ratios) // 2]:.3f}x (target <= 1.10x)")
    print(
        "median share of the bench's own time (wall minus its verdicts' walls, over them): "
        f"{100 * own[len(own) // 2]:.1f}%"
    )


if __name__ == "__main__":
    main()
