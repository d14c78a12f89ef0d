"""Two ``studio remix`` processes on one parent at once: both kept, distinct versions."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.bigbrain.games import good_game
from tests.fakeserver import Answer, Recorded, fenced

from .conftest import KEY, SECONDS


def test_two_remix_processes_get_distinct_versions_with_the_right_lineage(studio, server):
    parent = studio.add_parent()
    v2 = studio.store().add_version(parent, good_game(3), {"request": "blue", "changed": "blue"})

    def handler(rec: Recorded) -> Answer:
        return Answer(fenced(good_game(2) if "green dots" in rec.text else good_game(1)))

    server.handler = handler
    base = [sys.executable, "-c"]
    script = "from studio.cli import main; main()"
    procs = []
    for ref, request in ((f"{parent.slug}@1", "green dots"), (v2.ref, "red dots again")):
        argv = [*base, script, "remix", ref, request, "-n", "1", "--seconds", SECONDS]
        argv += ["--gallery", str(studio.gallery), "--base-url", server.url]
        argv += ["--model", "fake-model", "--api-key", KEY, "-q"]
        procs.append(
            subprocess.Popen(
                argv,
                env=dict(os.environ),
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
        )
    outs = [p.communicate(timeout=240) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outs

    versions = studio.store().versions(parent.slug)
    assert [v.version for v in versions] == [1, 2, 3, 4]
    made = {v.meta["request"]: v for v in versions[2:]}
    assert made["green dots"].meta["parent"] == f"{parent.slug}@1"
    assert made["green dots"].meta["lineage"] == [f"{parent.slug}@1"]
    assert made["red dots again"].meta["parent"] == f"{parent.slug}@2"
    assert made["red dots again"].meta["lineage"] == [f"{parent.slug}@1", f"{parent.slug}@2"]
    assert made["green dots"].code_path.read_text().strip() == good_game(2).strip()
    assert {o[0].strip().split("\t")[0] for o in outs} == {v.ref for v in versions[2:]}
