"""A bench killed part way (a real process, SIGKILL or Ctrl-C) keeps every finished sample;
``--resume`` runs only the rest."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from studio.cli import app

PROMPTS = "pong against the computer\nsnake in a garden\nbreakout with power-ups\n"
RUN = "from studio.cli import main; main()"


def wait_for(condition: Callable[[], object], seconds: float = 180.0) -> object:
    """Poll ``condition`` until it is true or ``seconds`` have passed; its last value."""
    deadline = time.monotonic() + seconds
    while True:
        value = condition()
        if value or time.monotonic() > deadline:
            return value
        time.sleep(0.05)


def done_samples(out: Path) -> list[dict]:
    try:
        data = json.loads((out / "results.json").read_text())
    except (OSError, ValueError):
        return []
    return [r for r in data["samples"] if r["status"] == "done"]


def start(tmp_path: Path, out: Path) -> tuple[subprocess.Popen[bytes], Path]:
    suite = tmp_path / "suite.txt"
    suite.write_text(PROMPTS)
    args = ["bench", "-m", "offline", "--suite", str(suite), "--samples", "3", "--repairs", "0"]
    args += ["--seconds", "2", "--seed", "5", "--out", str(out)]
    err = tmp_path / "stderr"
    with open(err, "wb") as fh:
        proc = subprocess.Popen(
            [sys.executable, "-c", RUN, *args],
            stdout=subprocess.DEVNULL,
            stderr=fh,
            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
        )
    return proc, err


@pytest.mark.slow
def test_a_killed_bench_resumes_without_running_a_finished_sample_again(tmp_path: Path) -> None:
    out = tmp_path / "bench"
    proc, err = start(tmp_path, out)
    try:
        assert wait_for(lambda: len(done_samples(out)) >= 2), err.read_text()
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait(timeout=60)
    before = {(r["prompt_id"], r["sample"]): r for r in done_samples(out)}
    assert 2 <= len(before) < 9  # killed part way
    stamps = {k: (out / r["folder"] / "meta.json").stat().st_mtime_ns for k, r in before.items()}
    result = CliRunner().invoke(app, ["bench", "--resume", str(out)])
    assert result.exit_code == 0, result.output
    assert f"{len(before)} sample(s) done" in result.output
    assert f"{9 - len(before)} sample(s) to run" in result.output
    after = {(r["prompt_id"], r["sample"]): r for r in done_samples(out)}
    assert len(after) == 9
    for k, record in before.items():  # the same record, the same files: never run again
        assert after[k] == record
        assert (out / record["folder"] / "meta.json").stat().st_mtime_ns == stamps[k]
    data = json.loads((out / "results.json").read_text())
    assert data["summary"]["offline"]["overall"]["ran"] == 9
    assert data["settings"]["bench"]["seed"] == 5  # the stored settings, not new ones
    assert (out / "report.html").is_file()


@pytest.mark.slow
def test_ctrl_c_keeps_what_is_done_and_says_how_to_resume(tmp_path: Path) -> None:
    out = tmp_path / "bench"
    proc, err = start(tmp_path, out)
    try:
        assert wait_for(lambda: len(done_samples(out)) >= 1), err.read_text()
        proc.send_signal(signal.SIGINT)
        code = proc.wait(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    said = err.read_text()
    assert code == 130, said
    assert f"continue with: studio bench --resume {out}" in said
    kept = done_samples(out)
    assert kept and f"{len(kept)} finished sample(s) kept" in said
    for record in kept:
        assert (out / record["folder"] / "meta.json").is_file()
