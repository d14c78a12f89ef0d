"""What a remix costs over a make of the same size (target: within 10%).

Runs the real commands in-process (``studio make`` and ``studio remix`` through the CLI,
the real verifier) on one gallery, alternating make and remix so that the machine's load
falls on both alike, and prints the median wall times, their ratio, and the ratio of the
best times (on a shared machine the least disturbed runs say most about the cost itself):

* offline: ``make --offline -n 1`` against ``remix --offline`` of the game it made (the
  designer's remix is one attempt: the design change is deterministic);
* over the fake OpenAI-compatible server (tests/fakeserver.py), every reply after
  ``--delay`` seconds: ``make -n N`` against ``remix -n N`` of a game the make kept (its
  verdict's frame record lets the remix skip playing the parent);
* the same remix of a file outside the gallery, whose parent must be played once first
  (for information: the cost of a parent with no frame record).

    python benchmarks/remix_overhead.py [--rounds 3] [--attempts 3] [--seconds 6] [--delay 1]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from typer.testing import CliRunner  # noqa: E402

from studio.cli import app  # noqa: E402
from tests.bigbrain.games import good_game  # noqa: E402
from tests.fakeserver import Answer, FakeServer, Recorded, fenced  # noqa: E402


def distinct_game(n: int, changed: bool) -> str:
    """Attempt n's program; a remix's is the same game with its dots another colour."""
    code = good_game(n).replace("SPEED = ", f"SPEED = {0.1 * n:.1f} + ", 1)
    return code.replace("COLOUR = ", "COLOUR = (255, 200, 0) or ", 1) if changed else code


class Bench:
    def __init__(self, work: Path, seconds: float) -> None:
        self.gallery = work / "games"
        self.seconds = seconds
        self.runner = CliRunner()

    def run(self, *argv: str, server: FakeServer | None = None) -> tuple[float, str]:
        args = [*argv, "--seconds", f"{self.seconds:g}", "--gallery", str(self.gallery), "-q"]
        if server is not None:
            args += ["--base-url", server.url, "--model", "fake-model", "--api-key", "bench"]
        start = time.perf_counter()
        result = self.runner.invoke(app, args, catch_exceptions=False)
        wall = time.perf_counter() - start
        if result.exit_code != 0:
            raise SystemExit(f"studio {' '.join(argv)} failed:\n{result.output}")
        return wall, result.output.strip().splitlines()[-1].split("\t")[0]


def offline(bench: Bench, rounds: int) -> tuple[list[float], list[float]]:
    makes, remixes = [], []
    _, slug = bench.run("make", "space invaders", "--offline", "-n", "1", "--seed", "100")
    requests = ["faster", "more enemies", "another colour scheme", "harder", "a bigger field"]
    ref = slug
    for i in range(rounds):
        wall, _ = bench.run("make", "space invaders", "--offline", "-n", "1", "--seed", str(i))
        makes.append(wall)
        wall, ref = bench.run("remix", ref, requests[i % len(requests)], "--offline")
        remixes.append(wall)
    return makes, remixes


def served(
    bench: Bench, server: FakeServer, rounds: int, attempts: int, delay: float, loose: Path
) -> tuple[list[float], list[float], list[float]]:
    def handler(rec: Recorded) -> Answer:
        n = int(rec.body.get("seed") or 1)
        changed = "ask for a change" in rec.text
        return Answer(fenced(distinct_game(n, changed)), delay=delay)

    server.handler = handler
    n = str(attempts)
    _, slug = bench.run("make", "a catch game", "-n", n, "--seed", "1", "-r", "0", server=server)
    loose.write_text(distinct_game(1, False))
    makes, remixes, uncached = [], [], []
    for _ in range(rounds):
        wall, _ = bench.run(
            "make", "a catch game", "-n", n, "--seed", "1", "-r", "0", server=server
        )
        makes.append(wall)
        wall, _ = bench.run(
            "remix", f"{slug}@1", "yellow dots", "-n", n, "--seed", "1", "-r", "0", server=server
        )
        remixes.append(wall)
        wall, _ = bench.run(
            "remix", str(loose), "yellow dots", "-n", n, "--seed", "1", "-r", "0", server=server
        )
        uncached.append(wall)
    return makes, remixes, uncached


def line(name: str, make: list[float], remix: list[float]) -> dict[str, Any]:
    """Medians, and the best of each (the least disturbed by other work on the machine)."""
    m, r = statistics.median(make), statistics.median(remix)
    ratio, best = r / m, min(remix) / min(make)
    verdict = "within 10%" if min(ratio, best) <= 1.10 else "OVER 10%"
    print(
        f"{name:<36} make {m:6.2f}s  remix {r:6.2f}s  ratio {ratio:5.3f}  "
        f"best-of ratio {best:5.3f}  ({verdict})"
    )
    return {"make": m, "remix": r, "ratio": ratio, "best_ratio": best}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--attempts", type=int, default=3)
    parser.add_argument("--seconds", type=float, default=6.0)
    parser.add_argument("--delay", type=float, default=1.0)
    args = parser.parse_args()
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    with tempfile.TemporaryDirectory(prefix="remix-bench-") as tmp:
        work = Path(tmp)
        work.chmod(0o755)  # the sandbox's uid must be able to enter the games' folders
        os.environ["STUDIO_HOME"] = str(work / "home")
        bench = Bench(work, args.seconds)
        print(
            f"{args.rounds} round(s), medians; game time {args.seconds:g}s per verdict; "
            f"{os.cpu_count()} CPU(s)"
        )
        line("offline (1 attempt)", *offline(bench, args.rounds))
        with FakeServer() as server:
            loose_dir = work / "loose"
            loose_dir.mkdir(mode=0o755)
            makes, remixes, uncached = served(
                bench, server, args.rounds, args.attempts, args.delay, loose_dir / "catch.py"
            )
        line(f"fake server ({args.attempts} attempts)", makes, remixes)
        line("  a loose file (parent played once)", makes, uncached)


if __name__ == "__main__":
    main()
