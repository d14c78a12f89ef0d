"""The verifier's command line: exit codes, pure JSON on stdout, readable reports."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest


def _studio(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    beside = Path(sys.executable).parent / "studio"  # this environment's, not PATH's first
    exe = str(beside) if beside.is_file() else shutil.which("studio")
    cmd = [exe] if exe else [sys.executable, "-c", "from studio.cli import main; main()"]
    return subprocess.run(
        [*cmd, *args], capture_output=True, text=True, timeout=120, cwd=cwd, check=False
    )


JSON_KEYS = {
    "playable",
    "score",
    "flags",
    "frames",
    "error",
    "stop_reason",
    "runs",
    "isolation",
    "wall_seconds",
    "artifacts",
}


@pytest.mark.slow
def test_cli_playable_game_exits_0_with_pure_json(verify_env, games_dir, tmp_path) -> None:
    out = tmp_path / "out"
    game = str(games_dir / "good_keyboard.py")
    proc = _studio("test", game, "--json", "--seconds", "4", "--out", str(out))
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    data = json.loads(proc.stdout)  # only the JSON on stdout
    assert set(data) >= JSON_KEYS, sorted(data)
    assert data["playable"] is True and data["flags"] == []
    assert Path(data["artifacts"]["thumbnail"]).is_file()
    assert Path(data["artifacts"]["preview"]).is_file()


@pytest.mark.slow
def test_cli_unplayable_game_exits_1(verify_env, games_dir) -> None:
    proc = _studio("test", str(games_dir / "bad_syntax_error.py"), "--json", "--seconds", "3")
    assert proc.returncode == 1, proc.stdout[-2000:] + proc.stderr[-2000:]
    data = json.loads(proc.stdout)
    assert set(data) >= JSON_KEYS, sorted(data)
    assert data["playable"] is False
    assert "syntax_error" in data["flags"]


@pytest.mark.slow
def test_cli_human_report_names_the_flag(verify_env, games_dir) -> None:
    proc = _studio("test", str(games_dir / "bad_import_missing.py"))
    assert proc.returncode == 1
    assert "import_error" in proc.stdout
    assert "pygame_turbo_physics" in proc.stdout + proc.stderr


@pytest.mark.slow
def test_cli_missing_file_is_a_usage_error(verify_env, tmp_path) -> None:
    missing = tmp_path / "no_such_game.py"
    proc = _studio("test", str(missing), "--json")
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert proc.stdout.strip() == ""  # nothing that a script could mistake for a verdict
    assert "no_such_game.py" in proc.stderr


@pytest.mark.slow
def test_cli_bad_seconds_is_a_usage_error(verify_env, games_dir) -> None:
    proc = _studio("test", str(games_dir / "good_keyboard.py"), "--seconds", "-1")
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert "seconds" in proc.stderr
