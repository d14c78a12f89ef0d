"""Verdicts on a Dask cluster of two separate worker processes, started by the test: the
same verdicts as on this machine, and the same bench."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

import studio
from studio.cli import app
from studio.verdicts import cluster
from tests.bigbrain.games import crashing_game, frozen_game, good_game

distributed = pytest.importorskip("distributed")

SAME = ("playable", "score", "flags", "frames", "stop_reason", "behaviour", "seed", "game_seconds")


@pytest.fixture
def address() -> Iterator[str]:
    with distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address=":0",  # never 8787: another cluster on this machine may hold it
    ) as local:
        try:
            yield local.scheduler_address
        finally:
            cluster.close(local.scheduler_address)


def _same(verdict: studio.Verdict) -> dict:
    data = verdict.to_dict()
    return {k: data[k] for k in SAME} | {"error": (verdict.error.type if verdict.error else None)}


@pytest.mark.slow
def test_verify_many_on_a_cluster_gives_the_local_verdicts(tmp_path: Path, address: str) -> None:
    pids = cluster.client(address).run(os.getpid)
    assert len(set(pids.values())) == 2 and os.getpid() not in pids.values()  # two processes
    paths = []
    for name, code in [
        ("good", good_game(1)),
        ("crash", crashing_game()),
        ("still", frozen_game()),
    ]:
        path = tmp_path / f"{name}.py"
        path.write_text(code)
        paths.append(path)
    paths.append(tmp_path / "missing.py")
    local = studio.verify_many(paths, seconds=3, seed=4, out_root=tmp_path / "local")
    remote = studio.verify_many(
        paths, seconds=3, seed=4, out_root=tmp_path / "remote", cluster=address
    )
    assert [_same(v) for v in remote] == [_same(v) for v in local]
    assert [v.playable for v in remote] == [True, False, False, False]
    assert remote[0].path == str(paths[0].resolve())
    thumb = Path(remote[0].artifacts["thumbnail"])  # the artifacts come back, where asked
    assert thumb.parent == tmp_path / "remote" / "000-good" and thumb.stat().st_size > 0
    assert json.loads(Path(remote[0].artifacts["verdict"]).read_text())["playable"] is True


@pytest.mark.slow
def test_a_bench_on_a_cluster_is_the_bench_on_this_machine(tmp_path: Path, address: str) -> None:
    suite = tmp_path / "suite.txt"
    suite.write_text("pong against the computer\na game that mixes Tetris and Bejeweled\n")
    common = ["bench", "-m", "offline", "--suite", str(suite), "--samples", "2"]
    common += ["--repairs", "1", "--seconds", "2", "--seed", "9"]
    runner = CliRunner()
    here = runner.invoke(app, [*common, "--out", str(tmp_path / "here")])
    assert here.exit_code == 0, here.output
    there = runner.invoke(app, [*common, "--out", str(tmp_path / "there"), "--cluster", address])
    assert there.exit_code == 0, there.output

    def samples(folder: Path) -> list[dict]:
        data = json.loads((folder / "results.json").read_text())
        keep = ("prompt_id", "sample", "seed", "status", "first", "repaired", "repairs")
        return [{k: r[k] for k in keep} for r in data["samples"]]

    assert samples(tmp_path / "there") == samples(tmp_path / "here")
    data = json.loads((tmp_path / "there" / "results.json").read_text())
    assert data["settings"]["bench"]["cluster"] == address
    assert data["settings"]["verify_slots"] == 2
    for r in data["samples"]:  # the artifacts came back into the sample folders
        assert (tmp_path / "there" / r["thumbnail"]).stat().st_size > 0
        here_code = (tmp_path / "here" / r["code"]).read_text()
        assert (tmp_path / "there" / r["code"]).read_text() == here_code


def test_no_scheduler_at_the_address_says_how_to_start_one(tmp_path: Path) -> None:
    from tests.fakeserver import closed_port_url

    port = closed_port_url().split(":")[2].split("/")[0]
    result = CliRunner().invoke(
        app,
        [
            "bench",
            "-m",
            "offline",
            "--out",
            str(tmp_path / "b"),
            "--cluster",
            f"tcp://127.0.0.1:{port}",
        ],
    )
    assert result.exit_code == 2, result.output
    assert "no Dask scheduler answers" in result.output and "dask worker" in result.output
