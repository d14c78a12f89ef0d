"""Model settings as in make (--big-brain's design step, --concurrency), and the throttle
that 429s lower."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from typer.testing import CliRunner

from studio.bench.authors import default_concurrency
from studio.bench.throttle import Throttle
from studio.cli import app
from studio.models.endpoints import resolve
from tests.fakeserver import FakeServer

from .helpers import Script, results

PONG = "pong against the computer"


@pytest.mark.slow
def test_big_brain_designs_each_sample_first_and_counts_its_tokens(tmp_path: Path) -> None:
    suite = tmp_path / "suite.txt"
    suite.write_text(PONG + "\n")
    out = tmp_path / "bench"
    with FakeServer(models=("model-a",)) as server:
        # round 0 of each sample is the design request; then the game, then a repair
        Script(server, suite, 2, {"model-a": {PONG: {1: "GG", 2: "GCG"}}})
        args = ["bench", "-m", "model-a", "--base-url", server.url, "--suite", str(suite)]
        args += ["--samples", "2", "--repairs", "1", "--seconds", "3", "--seed", "2"]
        result = CliRunner().invoke(app, [*args, "--big-brain", "--out", str(out)])
        requests = server.chat_requests
    assert result.exit_code == 0, result.output
    assert len(requests) == 5
    assert all(r.body.get("reasoning_effort") == "high" for r in requests)
    data = results(out)
    assert data["settings"]["bench"]["big_brain"] is True
    by_n = {r["sample"]: r for r in data["samples"]}
    assert by_n[2]["first"]["playable"] is False and by_n[2]["repaired"]["playable"] is True
    assert by_n[1]["tokens"] == {"prompt": 2000, "completion": 1000}  # design + game
    assert by_n[2]["tokens"] == {"prompt": 3000, "completion": 1500}
    assert (out / by_n[1]["folder"] / "log" / "design.md").is_file()


def test_default_concurrency_per_preset() -> None:
    def at(**kw: str) -> int:
        return default_concurrency(resolve(model="m", **kw), cpu_slots=3)

    assert at(preset="ollama") == 2 and at(preset="llamacpp") == 2
    assert at(preset="vllm") == 8 and at(preset="openai") == 8
    assert at(base_url="http://10.0.0.5:9000/v1") == 4
    assert default_concurrency(None, cpu_slots=3) == 3  # the designer: one per CPU


def test_the_throttle_halves_at_a_429_and_grows_back_one_at_a_time() -> None:
    throttle = Throttle(8)
    never = threading.Event()
    throttle.slow_down()
    throttle.slow_down()
    assert throttle.current == 2
    throttle.acquire(never)
    throttle.acquire(never)
    assert throttle.in_use == 2
    blocked = threading.Event()
    cancel = threading.Event()

    def third() -> None:
        try:
            throttle.acquire(cancel)
        except Exception:  # cancelled while waiting: what a Ctrl-C does
            blocked.set()

    waiter = threading.Thread(target=third)
    waiter.start()
    cancel.set()
    waiter.join(timeout=10)
    assert blocked.is_set() and throttle.in_use == 2  # the third never got in
    throttle.release()
    throttle.release()
    for _ in range(2):
        throttle.went_well()
    assert throttle.current == 3
    for _ in range(3 + 4 + 5 + 6 + 7 + 8):
        throttle.went_well()
    assert throttle.current == 8  # never past the limit


@pytest.mark.slow
def test_on_a_terminal_a_progress_bar_with_its_eta_and_the_table(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TTY_COMPATIBLE", "1")  # what a terminal is, for the studio and rich
    monkeypatch.setenv("COLUMNS", "160")
    suite = tmp_path / "suite.txt"
    suite.write_text(PONG + "\n")
    args = ["bench", "-m", "offline", "--suite", str(suite), "--samples", "1", "--repairs", "0"]
    result = CliRunner().invoke(app, [*args, "--seconds", "2", "--out", str(tmp_path / "b")])
    assert result.exit_code == 0, result.output
    assert "ETA" in result.output and "1/1" in result.output  # the bar, live
    assert "offline designer (no model)" in result.output and "p@1 fixed" in result.output
    assert "pong-against-the-computer #1" not in result.output  # no plain per-sample lines


def test_a_dead_server_is_said_once_before_any_sample(tmp_path: Path) -> None:
    from tests.fakeserver import closed_port_url

    out = tmp_path / "b"
    args = ["bench", "-m", "offline", "-m", "m", "--base-url", closed_port_url(), "--out", str(out)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 1, result.output
    assert "start the server there, or fix the base URL" in result.output
    assert not (out / "results.json").exists()


def test_help_names_the_flags_without_types_for_flags_and_gives_examples() -> None:
    env = {"COLUMNS": "120", "TTY_COMPATIBLE": "1", "TERM": "dumb"}
    result = CliRunner().invoke(app, ["bench", "-h"], env=env)
    assert result.exit_code == 0, result.output
    assert "<bool>" not in result.stdout and "list[str]" not in result.stdout
    for flag in ("--model", "--suite", "--samples", "--repairs", "--resume", "--cluster"):
        assert flag in result.stdout
    assert "studio bench -m offline --samples 3" in result.stdout
