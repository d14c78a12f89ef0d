"""A scripted model behind the fake server: per model, prompt and sample, what each round
answers: ``G`` a playable game, ``C`` a game that crashes, ``E`` a 503 (after the client's
retries: the endpoint failed, the sample is "not run")."""

from __future__ import annotations

import json
import threading
from math import comb
from pathlib import Path
from typing import Any

from studio.bench.runner import sample_seed
from studio.bench.suite import from_file
from tests.bigbrain.games import crashing_game, good_game
from tests.fakeserver import Answer, Fail, FakeServer, Recorded, Response, fenced


def expected_curve(groups: list[tuple[int, int]], samples: int) -> list[float | None]:
    """playable@k by the formula, averaged over prompts with at least k samples that ran."""
    out: list[float | None] = []
    for k in range(1, samples + 1):
        vals = [1.0 - comb(n - c, k) / comb(n, k) for n, c in groups if n >= k]
        out.append(sum(vals) / len(vals) if vals else None)
    return out


class Script:
    """``plan[model][prompt][n]``: the answers of sample ``n``'s rounds, in order.
    ``throttled``: (model, prompt, n) answered 429 this many times before anything else."""

    def __init__(
        self,
        server: FakeServer,
        suite: Path,
        seed: int,
        plan: dict[str, dict[str, dict[int, str]]],
        throttled: dict[tuple[str, str, int], int] | None = None,
    ) -> None:
        self.plan = plan
        self.tasks = from_file(suite)
        self.seeds = {
            sample_seed(seed, t.id, n): (t.prompt, n) for t in self.tasks for n in range(1, 100)
        }
        self.rounds: dict[tuple[str, str, int], int] = {}
        self.throttled = dict(throttled or {})
        self.rate_limited = 0
        self._lock = threading.Lock()
        server.handler = self

    def __call__(self, rec: Recorded) -> Response:
        body: dict[str, Any] = rec.body
        prompt, n = self.seeds[body["seed"]]
        model = body["model"]
        key = (model, prompt, n)
        with self._lock:
            if self.throttled.get(key, 0) > 0:
                self.throttled[key] -= 1
                self.rate_limited += 1
                return Fail(429, "slow down", headers={"Retry-After": "0"})
            r = self.rounds.get(key, 0)
            what = self.plan[model][prompt][n][r]
            if what == "E":  # every retry too: the round never gets an answer
                return Fail(503, "overloaded", headers={"Retry-After": "0"})
            self.rounds[key] = r + 1
        code = good_game(n) if what == "G" else crashing_game()
        return Answer(fenced(code), usage=(1000, 500))


def results(folder: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((folder / "results.json").read_text())
    return data
