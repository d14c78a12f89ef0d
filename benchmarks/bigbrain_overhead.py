"""Big Brain's overhead over the model: parallel attempts should cost little more than one.

A local fake OpenAI-compatible server (tests/fakeserver.py) answers every request after a
fixed delay (``--delay``, like a model writing a game) with a real, distinct pygame program;
the real verifier judges every candidate. Measured in one run and printed:

* wall time of ``--attempts 8`` against ``--attempts 1`` (target: at most 1.3x);
* the time between the last reply and the saved winner (target: at most one verdict's time),
  next to the time of one verdict alone;
* with ``--stagger S``, replies end S seconds apart (attempt n after delay + (n-1)*S), as
  real streams do, instead of all at the same instant.

    python benchmarks/bigbrain_overhead.py [--delay 20] [--seconds 10] [--stagger 0]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from studio.bigbrain import BigBrain, Settings, cpu_slots  # noqa: E402
from studio.gallery.store import Gallery  # noqa: E402
from studio.models.client import OpenAIModel  # noqa: E402
from studio.models.endpoints import resolve  # noqa: E402
from studio.progress import NullProgress  # noqa: E402
from tests.bigbrain.games import good_game  # noqa: E402
from tests.fakeserver import Answer, FakeServer, Recorded, fenced  # noqa: E402


def distinct_game(n: int) -> str:
    """Attempt n's program: one of the good variants, made distinct by its pace."""
    return good_game(n).replace("SPEED = ", f"SPEED = {0.1 * n:.1f} + ", 1)


def one_run(server: FakeServer, attempts: int, args: argparse.Namespace, work: Path) -> dict:
    def handler(rec: Recorded) -> Answer:
        n = int(rec.body.get("seed") or 1)
        return Answer(fenced(distinct_game(n)), delay=args.delay + (n - 1) * args.stagger)

    server.handler = handler
    endpoint = resolve(base_url=server.url, model="fake-model", api_key="bench-key")
    assert endpoint is not None
    settings = Settings(
        prompt="a catch game with falling dots",
        attempts=attempts,
        repairs=0,
        seconds=args.seconds,
        seed=1,
    )
    brain = BigBrain(
        settings,
        OpenAIModel(endpoint),
        gallery=Gallery(work / f"games-{attempts}"),
        progress=NullProgress(),
        runs_root=work / "runs",
    )
    start = time.perf_counter()
    result = brain.run()
    wall = time.perf_counter() - start
    if result.status != "ok":
        raise SystemExit(f"the run with {attempts} attempt(s) found no playable game: {result}")
    verdict_walls = [a.verdict.wall_seconds for a in result.attempts if a.verdict]
    return {
        "wall": wall,
        "last_reply_to_saved": result.timings["last_reply_to_saved"],
        "verdict_mean": sum(verdict_walls) / len(verdict_walls),
    }


def one_verdict(args: argparse.Namespace, work: Path) -> float:
    import studio

    folder = work / "alone"
    folder.mkdir(mode=0o755)  # the sandbox's uid must be able to enter the game's folder
    game = folder / "game.py"
    game.write_text(distinct_game(1))
    start = time.perf_counter()
    verdict = studio.verify(game, seconds=args.seconds, seed=0, out=folder / "artifacts")
    if not verdict.playable:
        raise SystemExit(f"the reference game is not playable: {verdict.summary()}")
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--delay", type=float, default=20.0, help="seconds before each reply")
    parser.add_argument("--seconds", type=float, default=10.0, help="game seconds per verdict")
    parser.add_argument("--stagger", type=float, default=0.0, help="seconds between replies")
    parser.add_argument("--attempts", type=int, default=8)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bigbrain-bench-") as tmp, FakeServer() as server:
        work = Path(tmp)
        verdict = one_verdict(args, work)
        single = one_run(server, 1, args, work)
        many = one_run(server, args.attempts, args, work)
    ratio = many["wall"] / single["wall"]
    gap = many["last_reply_to_saved"]
    print(f"machine: {cpu_slots()} verification slot(s) (CPUs)")
    print(f"model delay {args.delay:.1f}s, stagger {args.stagger:.1f}s, game time {args.seconds}s")
    print(f"one verdict alone:                 {verdict:6.2f}s")
    print(f"--attempts 1 wall time:            {single['wall']:6.2f}s")
    print(f"--attempts {args.attempts} wall time:            {many['wall']:6.2f}s")
    print(f"ratio {args.attempts} / 1:                      {ratio:6.2f}x  (target <= 1.30x)")
    print(
        f"last reply -> saved winner ({args.attempts}):    {gap:6.2f}s"
        f"  ({gap / verdict:.2f} verdicts; target <= 1)"
    )
    print(f"last reply -> saved winner (1):    {single['last_reply_to_saved']:6.2f}s")
    print(f"mean verdict wall inside the run:  {many['verdict_mean']:6.2f}s")
    if not args.stagger:
        rounds = -(-args.attempts // cpu_slots())
        print(
            f"note: all {args.attempts} replies end at the same instant, so {args.attempts} "
            f"verdicts remain after the last one: at least {rounds} verdict rounds on "
            f"{cpu_slots()} CPU(s); with replies spread by about one verdict (--stagger), "
            "the gap is the last candidate's own verdict."
        )


if __name__ == "__main__":
    main()
