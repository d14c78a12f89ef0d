"""The steps of ``judge`` alone, on made-up reports and runs: the static findings, each
run's faults, the game's behaviour."""

from __future__ import annotations

from studio.verdicts.judge import (
    OUTPUT_CAP,
    SIGSYS,
    behaviour_faults,
    run_faults,
    static_findings,
)
from studio.verdicts.readback import RawRun
from studio.verdicts.report import Divergence, ErrorInfo, Finding, RunMetrics
from studio.verdicts.static import StaticReport


def metrics(name: str = "input", **kw: object) -> RunMetrics:
    """A run that looked fine: frames, a picture that changes, a clock that ticks."""
    base: dict[str, object] = {
        "frames": 100,
        "samples": 50,
        "game_seconds": 10.0,
        "stop_reason": "time_up",
        "non_blank_share": 1.0,
        "distinct_frames": 40,
        "ticks": 100,
    }
    m = RunMetrics(name=name, with_input=name == "input")
    for key, value in {**base, **kw}.items():
        setattr(m, key, value)
    return m


def proven(first_seconds: float = 0.4, proof: str = "same-seed", **kw: float) -> Divergence:
    """The run with input parted from the idle one, proven."""
    return Divergence(first_seconds=first_seconds, share=0.5, proof=proof, **kw)


# -- static findings ---------------------------------------------------------------------


def test_static_findings_flag_syntax_imports_and_hostile_lines():
    report = StaticReport(
        findings=[
            Finding("hostile", "opens a socket", line=3, blocking=True),
            Finding("syntax", "'(' was never closed", line=10, blocking=True),
            Finding("import", "no module named numpy", line=1, blocking=True),
            Finding("undefined_name", "maybe undefined: foo", line=7),
        ]
    )
    found = static_findings(report)
    assert found.flags == {"syntax_error", "import_error", "forbidden"}
    assert found.forbidden == ["static (line 3): opens a socket"]
    # the first blocking finding that is not hostile is the error
    assert found.error == ErrorInfo("syntax", "'(' was never closed", "line 10")


def test_static_findings_of_a_clean_source_are_empty():
    found = static_findings(StaticReport(findings=[Finding("undefined_name", "x", line=2)]))
    assert (found.flags, found.forbidden, found.error) == (set(), [], None)


# -- per-run faults ----------------------------------------------------------------------


def test_run_faults_hang_crash_kind_flood_and_forbidden_attempts():
    raws = [
        RawRun("input", {"error": {"kind": "missing_asset"}}),
        RawRun("idle", {}),
        RawRun("idle-check", None, exit={"signal": 9}),
    ]
    runs = [
        metrics("input", stop_reason="crash", error=ErrorInfo("FileNotFoundError", "x.png")),
        metrics("idle", output_bytes=OUTPUT_CAP + 1, forbidden=["opening a socket"]),
        metrics("idle-check", stop_reason="killed by signal 9"),
    ]
    found = run_faults(raws, runs, ["spawning a process"])
    assert found.flags == {"missing_asset", "output_flood", "hang", "forbidden"}
    assert found.forbidden == ["idle run: opening a socket", "setup: spawning a process"]
    assert not found.walled


def test_run_faults_a_crash_of_an_unknown_kind_is_a_crash():
    raws = [RawRun("input", {"error": {"kind": "made-up"}})]
    runs = [metrics(stop_reason="crash", error=ErrorInfo("ValueError", "bad"))]
    assert run_faults(raws, runs, []).flags == {"crash"}


def test_run_faults_a_run_the_walls_ended_is_forbidden_and_not_a_hang():
    raws = [RawRun("input", None, exit={"signal": SIGSYS})]
    runs = [metrics(stop_reason=f"killed by signal {SIGSYS}")]
    found = run_faults(raws, runs, [])
    assert found.walled and found.flags == {"forbidden"}
    assert runs[0].stop_reason == "ended by the sandbox"
    assert found.forbidden[0].startswith("input run: starting or tracing a process")


# -- behaviour ---------------------------------------------------------------------------


def test_behaviour_of_a_game_that_reacts_raises_nothing():
    found = behaviour_faults(metrics(), metrics("idle"), proven(), 0, set(), False)
    assert (found.flags, found.notes) == (set(), [])


def test_behaviour_blank_frozen_and_busy():
    blank = metrics(non_blank_share=0.0)
    assert behaviour_faults(blank, None, Divergence(), 0, set(), False).flags == {"blank_screen"}
    # a crash explains the blank screen: not flagged twice
    assert behaviour_faults(blank, None, Divergence(), 0, {"crash"}, False).flags == set()
    # the walls ended it: what it showed proves nothing more
    assert behaviour_faults(blank, None, Divergence(), 0, set(), True).flags == set()
    frozen = metrics(distinct_frames=1)
    assert behaviour_faults(frozen, None, Divergence(), 0, set(), False).flags == {"frozen"}
    busy = behaviour_faults(metrics(ticks=0), None, Divergence(), 5, set(), False)
    assert busy.flags == {"cpu_hog"}


def test_behaviour_exits_early_unless_input_changed_the_game_first():
    quick = metrics(stop_reason="game_exit", game_seconds=0.2)
    found = behaviour_faults(quick, metrics("idle"), proven(first_seconds=0.1), 0, set(), False)
    assert found.flags == {"exits_early"}
    after_play = metrics(stop_reason="game_exit", game_seconds=3.0)
    found = behaviour_faults(after_play, metrics("idle"), proven(), 0, set(), False)
    assert found.flags == set()


def test_behaviour_ignores_input_with_a_note_when_the_game_is_not_reproducible():
    idle = metrics("idle")
    assert behaviour_faults(metrics(), idle, Divergence(), 0, set(), False).flags == {
        "ignores_input"
    }
    noisy = Divergence(first_seconds=0.2, share=0.3, deterministic=False, reaction=0.01, noise=0.02)
    found = behaviour_faults(metrics(), idle, noisy, 0, set(), False)
    assert found.flags == {"ignores_input"}
    assert "cannot be proven" in found.notes[0]
    beyond = proven(proof="beyond-noise", reaction=0.2, noise=0.01)
    found = behaviour_faults(metrics(), idle, beyond, 0, set(), False)
    assert found.flags == set() and "proven beyond that noise" in found.notes[0]
    # a hang already explains it: not also "ignores input"
    assert behaviour_faults(metrics(), idle, Divergence(), 0, {"hang"}, False).flags == set()


def test_behaviour_returns_only_its_own_flags():
    found = behaviour_faults(metrics(), None, Divergence(), 0, {"output_flood"}, False)
    assert found.flags == set()
