"""The runner with injected collaborators: concurrency, repairs, faults, cancellation, logs."""

from __future__ import annotations

import _thread
import json
import threading
from pathlib import Path

import pytest

from studio.bigbrain import BigBrain, Settings, cpu_slots
from studio.errors import AuthError, ModelTimeout
from studio.gallery.store import Gallery
from studio.models.base import Event
from studio.progress import PlainProgress

from .fakes import FakeVerifier, ScriptedModel, program, reply, simple_prompts

KEY = "sk-test-SECRET-key-0123456789"


class Harness:
    def __init__(self, tmp_path: Path, script, *, verifier=None, source="model", **settings):
        self.lines: list[str] = []
        self.kills: list[int] = []
        self.model = ScriptedModel(script, source=source)
        self.verifier = verifier or FakeVerifier()
        self.gallery = Gallery(tmp_path / "games")
        slots = settings.pop("verify_slots", None)
        self.settings = Settings(
            prompt=settings.pop("prompt", "a snake game"), seconds=6, **settings
        )
        self.brain = BigBrain(
            self.settings,
            self.model,
            self.verifier,
            self.gallery,
            progress=PlainProgress(self.lines.append),
            prompts=simple_prompts(),
            kill=lambda: self.kills.append(1),
            runs_root=tmp_path / "runs",
            secrets=(KEY,),
            verify_slots=slots,
        )

    def run(self):
        return self.brain.run()

    def run_json(self) -> dict:
        return json.loads((self.brain.run_dir / "run.json").read_text())


def by_attempt(table: dict[int, str]):
    """A script answering each attempt (make and repair alike) with table[n]."""
    return lambda req, on_event: reply(table[req.attempt])


def test_best_playable_wins_and_goes_to_the_gallery_with_its_run_log(tmp_path):
    h = Harness(
        tmp_path,
        by_attempt(
            {
                1: program("playable 60", "0.1,0.1"),
                2: program("playable 90", "0.9,0.9"),
                3: program("crash", extra="# ERROR: boom"),
            }
        ),
        repairs=0,
    )
    result = h.run()
    assert result.status == "ok"
    assert result.winner.n == 2
    entry = h.gallery.get(result.entry.slug)
    assert "playable 90" in entry.code_path.read_text()
    meta = entry.meta
    assert meta["source"] == "model" and meta["author"] == "fake via test"
    assert meta["prompt"] == "a snake game" and meta["genre"] == "snake"
    assert meta["score"] == 90 and meta["verdict"]["playable"] is True
    assert [a["n"] for a in meta["attempts"]] == [1, 2, 3]
    assert meta["attempts"][2]["playable"] is False and "crash" in meta["attempts"][2]["reason"]
    assert meta["tokens"] == {"prompt": 15, "completion": 30}
    assert meta["run_log"] == str(result.run_dir)
    assert meta["controls"] == "arrows move."
    assert entry.thumbnail is not None
    # The run log keeps everything.
    for n in (1, 2, 3):
        folder = result.run_dir / f"attempt-{n}"
        for name in ("messages.json", "reply.txt", "thinking.txt", "game.py", "verdict.json"):
            assert (folder / name).is_file(), (n, name)
        assert (folder / "artifacts" / "thumb.png").is_file()
    run = h.run_json()
    assert run["status"] == "ok" and run["winner"]["attempt"] == 2
    assert run["winner"]["slug"] == result.entry.slug
    assert "api_key" not in json.dumps(run["settings"])


def test_a_candidate_is_verified_while_another_attempt_still_streams(tmp_path):
    verifier = FakeVerifier()

    def script(req, on_event):
        if req.attempt == 2:
            # Attempt 2 only answers once attempt 1's candidate has been verified.
            if not verifier.event_for("attempt-1").wait(timeout=20):
                raise ModelTimeout("attempt 1 was not verified while attempt 2 streamed")
            return reply(program("playable 70"))
        return reply(program("playable 80"))

    h = Harness(tmp_path, script, verifier=verifier, attempts=2)
    result = h.run()
    assert [a.status for a in result.attempts] == ["done", "done"]
    assert [p.parent.name for p in verifier.calls] == ["attempt-1", "attempt-2"]


def test_close_failure_is_repaired_with_the_traceback(tmp_path):
    def script(req, on_event):
        if req.purpose == "repair":
            assert req.previous_verdict is not None and "boom" in req.previous_code
            return reply(program("playable 75"))
        return reply(program("crash", extra="# ERROR: ZeroDivisionError boom"))

    h = Harness(tmp_path, script, attempts=1)
    result = h.run()
    assert result.status == "ok" and result.winner.best.k == 1
    repair = [r for r in h.model.requests if r.purpose == "repair"]
    assert len(repair) == 1
    assert "Traceback: ZeroDivisionError boom" in repair[0].messages[-1]["content"]
    folder = result.run_dir / "attempt-1" / "repair-1"
    assert "playable 75" in (folder / "game.py").read_text()
    assert json.loads((folder / "verdict.json").read_text())["playable"] is True
    assert any(line == "attempt 1: repairing 1" for line in h.lines)


def test_repairs_stop_when_the_same_error_comes_back(tmp_path):
    h = Harness(
        tmp_path,
        lambda req, ev: reply(program("crash", extra="# ERROR: same")),
        attempts=1,
        repairs=3,
    )
    result = h.run()
    assert result.status == "none_playable"
    assert [r.k for r in result.attempts[0].rounds] == [0, 1]
    assert "same error after repair 1" in result.attempts[0].reason


def test_repairs_go_on_while_the_error_changes_up_to_the_limit(tmp_path):
    count = iter(range(100))
    h = Harness(
        tmp_path,
        lambda req, ev: reply(program("crash", extra=f"# ERROR: e{next(count)}")),
        attempts=1,
        repairs=2,
    )
    result = h.run()
    assert [r.k for r in result.attempts[0].rounds] == [0, 1, 2]


def test_forbidden_candidates_are_never_repaired(tmp_path):
    h = Harness(tmp_path, lambda req, ev: reply(program("forbidden")), attempts=1)
    result = h.run()
    assert [r.k for r in result.attempts[0].rounds] == [0]
    assert not [r for r in h.model.requests if r.purpose == "repair"]


def test_a_failing_attempt_does_not_stop_the_others(tmp_path):
    def script(req, on_event):
        if req.attempt == 1:
            raise AuthError("refused with 401; set STUDIO_API_KEY")
        if req.attempt == 2:
            return reply("no code here, sorry")
        return reply(program("playable 66"))

    h = Harness(tmp_path, script)
    result = h.run()
    assert result.winner.n == 3
    a1, a2, _ = result.attempts
    assert a1.status == "failed" and a1.error_kind == "AuthError" and "401" in a1.reason
    assert a2.status == "failed" and a2.error_kind == "NoCodeInReply"
    assert "no code here" in (result.run_dir / "attempt-2" / "reply.txt").read_text()


def test_none_playable_keeps_the_log_and_adds_nothing(tmp_path):
    h = Harness(tmp_path, lambda req, ev: reply(program("frozen")), repairs=0)
    result = h.run()
    assert result.status == "none_playable" and result.entry is None
    assert h.gallery.entries() == []
    run = h.run_json()
    assert run["status"] == "none_playable" and run["winner"] is None
    assert [a["reason"] for a in run["attempts"]] == ["frozen; RuntimeError: frozen happened"] * 3


def test_first_stops_at_the_first_playable_and_cancels_the_rest(tmp_path):
    killed = threading.Event()

    def script(req, on_event):
        if req.attempt == 1:
            return reply(program("playable 50"))
        # The others stream until the run is cancelled (the kill comes with the cancel).
        assert killed.wait(timeout=20), "the run was never cancelled"
        on_event(Event("text", "more code", tokens=3))  # the stream notices the cancel here
        return reply(program("playable 99"))

    h = Harness(tmp_path, script, first=True)
    h.brain.kill = lambda: (h.kills.append(1), killed.set())
    result = h.run()
    assert result.winner.n == 1
    assert h.kills == [1]
    assert [a.status for a in result.attempts[1:]] == ["cancelled", "cancelled"]
    assert [p.parent.name for p in h.verifier.calls] == ["attempt-1"]


def test_first_stops_only_at_a_playable_game_that_matches_the_request(tmp_path):
    first_done = threading.Event()  # attempt 1 finished: before adherence, the run ended here

    def script(req, on_event):
        if req.attempt == 1:  # playable and first, but a pong game for "a snake game"
            return reply(program("playable 90", about="pong"))
        if not first_done.wait(timeout=20):
            raise ModelTimeout("attempt 1 never finished")
        return reply(program("playable 60"))

    h = Harness(tmp_path, script, first=True, attempts=2)

    def write(line: str) -> None:
        h.lines.append(line)
        if line.startswith("attempt 1: done"):
            first_done.set()

    h.brain.progress = PlainProgress(write)
    result = h.run()
    assert [a.status for a in result.attempts] == ["done", "done"]
    assert result.winner.n == 2 and h.kills == [1]
    assert result.attempts[0].adherence.reason == "a pong game, not the snake asked for"
    assert any("attempt 1: done: playable, score 90, no flags; not as asked" in x for x in h.lines)


def test_verification_is_bounded_by_the_slots(tmp_path):
    h = Harness(tmp_path, lambda req, ev: reply(program("playable 70")), attempts=4, verify_slots=1)
    h.run()
    assert len(h.verifier.calls) == 4 and h.verifier.peak == 1
    assert cpu_slots() >= 1


def test_ctrl_c_cancels_every_attempt_and_keeps_the_log(tmp_path):
    killed = threading.Event()

    def script(req, on_event):
        if req.attempt == 1:
            _thread.interrupt_main()  # what Ctrl-C does to the main thread
        assert killed.wait(timeout=20)
        on_event(Event("text", "x", tokens=1))
        return reply(program("playable 70"))

    h = Harness(tmp_path, script)
    h.brain.kill = lambda: (h.kills.append(1), killed.set())
    with pytest.raises(KeyboardInterrupt):
        h.run()
    assert h.kills == [1]
    run = h.run_json()
    assert run["status"] == "cancelled"
    assert {a["status"] for a in run["attempts"]} == {"cancelled"}


def test_the_key_never_reaches_the_run_log_or_gallery_even_when_echoed(tmp_path):
    def script(req, on_event):
        code = program("playable 70", extra=f"# echoed {KEY}")
        return reply(code, thinking=f"the key is {KEY}")

    h = Harness(tmp_path, script, attempts=2)
    result = h.run()
    files = [p for p in result.run_dir.rglob("*") if p.is_file()]
    files += [p for p in h.gallery.root.rglob("*") if p.is_file()]
    assert result.entry is not None and files
    for path in files:
        assert KEY not in path.read_text(errors="replace"), path
    assert not any(KEY in line for line in h.lines)


def test_big_brain_designs_first_and_feeds_the_design_to_every_attempt(tmp_path):
    def script(req, on_event):
        if req.purpose == "design":
            return reply("", thinking="") if False else _design_reply()
        return reply(program("playable 70"))

    h = Harness(tmp_path, script, attempts=2, big_brain=True, reasoning_effort="high")
    result = h.run()
    assert result.design == "DESIGN DOC: snake on a grid"
    assert (result.run_dir / "design.md").read_text() == "DESIGN DOC: snake on a grid"
    makes = [r for r in h.model.requests if r.purpose == "make"]
    assert len(makes) == 2
    assert all("DESIGN DOC: snake on a grid" in r.messages[-1]["content"] for r in makes)
    assert all(r.reasoning_effort == "high" for r in h.model.requests)


def _design_reply():
    from studio.models.base import Reply

    return Reply(text="DESIGN DOC: snake on a grid")


def test_offline_source_and_designer_extras_reach_the_gallery(tmp_path):
    extra = {
        "title": "Gem Fall",
        "genre": "falling-block puzzle + match-3",
        "understood": "falling gem pieces; rows and colour runs clear",
    }
    h = Harness(
        tmp_path,
        lambda req, ev: reply(program("playable 88"), **extra),
        source="offline",
        attempts=2,
    )
    result = h.run()
    meta = result.entry.meta
    assert meta["source"] == "offline" and meta["title"] == "Gem Fall"
    assert meta["genre"] == "falling-block puzzle + match-3"
    assert meta["cost_usd"] == 0.0
    assert any(line.startswith("understood: falling gem pieces") for line in h.lines)


def test_attempt_seeds_differ_and_progress_reports_each_state(tmp_path):
    h = Harness(tmp_path, lambda req, ev: reply(program("playable 70")), seed=7)
    h.run()
    assert sorted(r.seed for r in h.model.requests) == [7, 8, 9]
    for state in ("thinking", "writing", "verifying", "done: playable, score 70, no flags"):
        assert f"attempt 2: {state}" in "\n".join(h.lines)


def test_big_brain_with_the_offline_designer_skips_the_model_design_step(tmp_path):
    h = Harness(
        tmp_path,
        lambda req, ev: reply(program("playable 70")),
        source="offline",
        attempts=2,
        big_brain=True,
    )
    result = h.run()
    assert result.status == "ok" and result.design is None
    assert {r.purpose for r in h.model.requests} == {"make"}


def test_error_signature_and_what_is_worth_a_repair():
    from studio.attempts import repairable, signature
    from studio.verdicts.report import ErrorInfo, Verdict

    def v(flags, message="", playable=False):
        err = ErrorInfo("ZeroDivisionError", message) if message else None
        return Verdict("g.py", playable, 10, flags, error=err)

    a = v(["ignores_input", "crash"], "division by zero\nmore detail")
    b = v(["crash", "ignores_input"], "division by zero\nother detail")
    assert signature(a) == signature(b) == "crash,ignores_input|ZeroDivisionError|division by zero"
    assert signature(a) != signature(v(["crash"], "division by zero"))
    assert repairable(v(["crash"])) and repairable(v(["syntax_error"]))
    assert not repairable(v(["crash", "forbidden"]))
    assert not repairable(v(["cpu_hog"]))  # a soft flag alone is nothing to repair
    assert not repairable(v([], playable=True))
