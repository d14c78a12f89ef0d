"""The cost of the free adherence signals per candidate, next to the cost of its verdict.

Every playable candidate is checked against the request (``studio.adherence.check``) in its
attempt's thread right after its verdict; the target is under 5% of that verdict's time.
Candidates: the model-shaped games of the adherence tests (Pong, Breakout, match-3, the
Tetris + Bejeweled hybrid) and offline designer games (large files: ~1000 lines each).
Each candidate is verified once (``--seconds`` of game time, the ``studio make`` default
30) and checked ``--repeat`` times; the median check is compared with the verdict.

    python benchmarks/adherence_cost.py [--seconds 30] [--repeat 20]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import studio  # noqa: E402
from studio.adherence import check  # noqa: E402
from studio.designer import make_game  # noqa: E402
from tests.bigbrain.drift_games import breakout, hybrid, match3, pong  # noqa: E402

HYBRID = "a game that mixes Tetris and Bejeweled"


def candidates() -> list[tuple[str, str, str]]:
    """(name, prompt, code) for every benchmarked candidate."""
    out = [
        ("pong (model-shaped)", "breakout", pong(1)),
        ("breakout (model-shaped)", "breakout", breakout()),
        ("match-3 (model-shaped)", HYBRID, match3(1)),
        ("hybrid (model-shaped)", HYBRID, hybrid()),
    ]
    for prompt in (HYBRID, "snake meets breakout", "space invaders", "pac-man in a maze"):
        out.append((f"designer: {prompt}", prompt, make_game(prompt, 7).code))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=30.0, help="game seconds per verdict")
    parser.add_argument("--repeat", type=int, default=20, help="checks per candidate")
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for i, (name, prompt, code) in enumerate(candidates()):
            path = Path(tmp) / f"game{i}.py"
            path.write_text(code)
            start = time.perf_counter()
            verdict = studio.verify(path, seconds=args.seconds, seed=1)
            verify_s = time.perf_counter() - start
            check(prompt, code)  # warm: the lexicon's patterns are compiled once per process
            times = []
            for _ in range(args.repeat):
                start = time.perf_counter()
                adherence = check(prompt, code)
                times.append(time.perf_counter() - start)
            check_s = statistics.median(times)
            rows.append(
                (
                    name,
                    len(code.splitlines()),
                    verdict.playable,
                    adherence.matches,
                    verify_s,
                    check_s,
                    max(times),
                )
            )
    head = ("candidate", "lines", "verdict", "check", "max", "share")
    print("{:44} {:>5} {:>8} {:>8} {:>8} {:>7}  matches".format(*head))
    for name, lines, playable, matches, verify_s, check_s, worst in rows:
        share = check_s / verify_s
        print(
            f"{name[:44]:44} {lines:5d} {verify_s:7.2f}s {check_s * 1000:6.1f}ms "
            f"{worst * 1000:6.1f}ms {share:7.2%}  {matches}"
            + ("" if playable else "  (not playable)")
        )
    shares = [r[5] / r[4] for r in rows]
    median_ms = statistics.median(r[5] for r in rows) * 1000
    print(
        f"\nfree signals per candidate: median {median_ms:.1f} ms; share of a verdict "
        f"({args.seconds:g} s of game time): median {statistics.median(shares):.2%}, "
        f"worst {max(shares):.2%} (target: under 5%)"
    )


if __name__ == "__main__":
    main()
