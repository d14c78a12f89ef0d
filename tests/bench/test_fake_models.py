"""A bench of two models over the fake server, scripted with a known mix of playable and
crashing replies (and endpoint failures) per prompt: exact playable@k before and after
repairs, "not run" counted apart, 429s slowed down, never failed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from studio.bench.runner import sample_seed
from studio.cli import app
from tests.fakeserver import FakeServer

from .helpers import Script, expected_curve, results

PONG, SNAKE = "pong against the computer", "a snake game in neon colours"
PLAN = {
    "model-a": {
        PONG: {1: "G", 2: "CG", 3: "CC", 4: "G", 5: "CG"},
        SNAKE: {1: "CC", 2: "CC", 3: "CC", 4: "CC", 5: "G"},
    },
    "model-b": {
        PONG: {1: "CG", 2: "E", 3: "G", 4: "CC", 5: "CC"},
        SNAKE: {1: "G", 2: "G", 3: "G", 4: "CG", 5: "CE"},
    },
}
#: (ran, playable first, playable after repairs) per model and prompt, from PLAN by hand.
COUNTS = {
    "model-a": {PONG: (5, 2, 4), SNAKE: (5, 1, 1)},
    "model-b": {PONG: (4, 1, 2), SNAKE: (4, 3, 4)},
}


@pytest.mark.slow
def test_two_models_exact_playable_at_k_and_not_run(tmp_path: Path) -> None:
    suite = tmp_path / "suite.txt"
    suite.write_text(f"{PONG}\n\n# a comment\n{SNAKE}\n")
    out = tmp_path / "bench"
    with FakeServer(models=("model-a", "model-b")) as server:
        script = Script(server, suite, 11, PLAN, throttled={("model-a", PONG, 1): 6})
        args = ["bench", "-m", "model-a", "-m", "model-b", "--base-url", server.url]
        args += ["--suite", str(suite), "--samples", "5", "--repairs", "2", "--seconds", "3"]
        args += ["--seed", "11", "--out", str(out), "--json"]
        result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert script.rate_limited == 6  # past the client's 4 retries: waited, then answered
    data = results(out)
    summary = data["summary"]
    slugs = {m["model"]: m["slug"] for m in data["settings"]["models"]}
    for model, prompts in COUNTS.items():
        overall = summary[slugs[model]]["overall"]
        for i, stage in enumerate(("first", "repaired"), start=1):
            groups = [(c[0], c[i]) for c in prompts.values()]
            assert overall["playable_at_k"][stage] == pytest.approx(expected_curve(groups, 5))
        assert overall["ran"] == sum(c[0] for c in prompts.values())
        assert overall["not_run"] == 10 - overall["ran"]
    # model-b: 1 of pong's samples never answered, 1 of snake's failed in its repair round
    b = [r for r in data["samples"] if r["model"].startswith("model-b")]
    not_run = sorted((r["prompt"], r["sample"]) for r in b if r["status"] == "not_run")
    assert not_run == sorted([(PONG, 2), (SNAKE, 5)])
    assert [r["error_kind"] for r in b if r["status"] == "not_run"] == ["ServerError"] * 2, b
    # the curve is exact: model-a's pong, 2 of 5 playable at first: p@1 0.4, p@2 0.7
    a = summary[slugs["model-a"]]["genres"]["pong"]["playable_at_k"]
    assert a["first"][:2] == pytest.approx([0.4, 0.7])
    assert a["repaired"][:2] == pytest.approx([0.8, 1.0])
    # every sample is in results.json with its verdicts, tokens, time and code
    assert len(data["samples"]) == 20
    one = next(
        r
        for r in data["samples"]
        if r["model"].startswith("model-a") and r["prompt"] == PONG and r["sample"] == 2
    )
    assert (one["first"]["playable"], one["repaired"]["playable"], one["repairs"]) == (
        False,
        True,
        1,
    )
    assert one["first"]["flags"] == ["crash"]
    assert one["tokens"] == {"prompt": 2000, "completion": 1000}
    assert one["seed"] == sample_seed(11, one["prompt_id"], 2)
    folder = out / one["folder"]
    assert (out / one["code"]).read_text().startswith('"""Catch')
    meta = json.loads((folder / "meta.json").read_text())
    assert meta["verdict"]["playable"] and meta["prompt"] == PONG and meta["source"] == "model"
    assert meta["model"] == "model-a" and meta["seed"] == one["seed"]
    assert (folder / "thumbnail.png").is_file() and (
        folder / one["preview"].split("/")[-1]
    ).is_file()
    # the JSON on stdout is the summary, the settings stated
    printed = json.loads(result.stdout)
    assert printed["summary"] == summary
    assert printed["settings"]["bench"]["samples"] == 5
    assert printed["settings"]["bench"]["seed"] == 11
    page = (out / "report.html").read_text()
    flagged = {f for row in summary.values() for f in row["overall"]["flags"]}
    assert flagged and "No sample ended with a flag." not in page
    assert all(f'"{flag}"' in page for flag in flagged)  # the flags chart's bars
