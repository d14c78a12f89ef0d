"""The verdict's JSON form reads back into the same verdict (for scripts using --out)."""

from __future__ import annotations

import json

from studio.verdicts.report import Divergence, ErrorInfo, Finding, RunMetrics, Verdict


def test_a_verdict_survives_its_json_round_trip():
    verdict = Verdict(
        path="game.py",
        playable=False,
        score=12,
        flags=["crash"],
        error=ErrorInfo("ZeroDivisionError", "division by zero", "Traceback ...", "input"),
        static=[Finding("undefined_name", "name 'x' is used but never defined", 3)],
        runs=[RunMetrics("input", True, frames=90, error=ErrorInfo("E", "m", "", "input"))],
        divergence=Divergence(first_seconds=1.2, share=0.5, compared=10, deterministic=True),
        notes=["a note"],
    )
    again = Verdict.from_dict(json.loads(verdict.to_json()))
    assert again == verdict
    assert again.reasons() == "crash; ZeroDivisionError: division by zero; a note"
