"""``studio make`` end to end: the real CLI, the real fake HTTP server, the real verifier.

Each test scripts the server per attempt (attempt seeds are --seed 1 → 1, 2, 3, and the
client sends the seed), replies with small real pygame programs (tests/bigbrain/games.py),
and checks the chosen game, the repair prompt, the run log, the gallery and that the key
never leaks.
"""

from __future__ import annotations

import _thread
import threading
from collections import Counter
from pathlib import Path

import pytest

from .conftest import KEY, Answer, Fail, Recorded, closed_port_url, fenced
from .games import crashing_game, frozen_game, good_game

REPAIR_MARK = "Here is the program that failed"


def all_text(*roots: Path) -> str:
    out = []
    for root in roots:
        for path in root.rglob("*"):
            if path.is_file():
                out.append(path.read_text(errors="replace"))
    return "\n".join(out)


def seed_of(rec: Recorded) -> int:
    return int(rec.body.get("seed") or 0)


@pytest.mark.slow
def test_chooses_the_repaired_game_sends_the_traceback_and_leaks_no_key(make, server):
    tries: Counter[int] = Counter()

    def handler(rec: Recorded):
        seed = seed_of(rec)
        tries[seed] += 1
        repair = REPAIR_MARK in rec.text
        if seed == 1:  # crashes, then is repaired into the green variant
            code = good_game(2) if repair else crashing_game()
            return Answer(fenced(code), reasoning="Plan: a catch game.", usage=(50, 400))
        if seed == 2:  # frozen, and the repair changes nothing: same signature, stop
            return Answer(fenced(frozen_game()))
        if tries[seed] == 1:  # rate-limited once, then answers with prose only
            return Fail(429, "slow down", headers={"Retry-After": "0"})
        return Answer("Sorry, I cannot write games today.")

    server.handler = handler
    result = make("a catch game with falling dots", "--attempts", "3", "--seed", "1", server=server)
    assert result.exit_code == 0, result.output

    (entry,) = make.entries()
    assert entry.code_path.read_text().strip() == good_game(2).strip()
    assert entry.meta["source"] == "model" and entry.meta["model"] == "fake-model"
    assert entry.meta["tokens"]["completion"] >= 800
    assert entry.thumbnail is not None and entry.preview is not None
    assert entry.meta["title"] == "Catch" and "arrows or WASD" in entry.meta["controls"]
    assert f"studio play {entry.slug}" in result.output
    assert str(entry.path) in result.output.replace("\n", "")

    run = make.run_json()
    assert run["winner"]["attempt"] == 1 and run["winner"]["slug"] == entry.slug
    a1, a2, a3 = run["attempts"]
    assert a1["status"] == "done" and a1["repairs"] == 1
    assert a2["status"] == "failed" and a2["repairs"] == 1 and "same error" in a2["reason"]
    assert a3["error_kind"] == "NoCodeInReply"

    repairs = [r for r in server.chat_requests if REPAIR_MARK in r.text]
    crash_repair = next(r for r in repairs if seed_of(r) == 1)
    assert "Traceback" in crash_repair.text and "ZeroDivisionError" in crash_repair.text
    assert tries[3] == 2  # the 429 was retried

    run_dir = make.run_dirs()[0]
    for name in ("messages.json", "reply.txt", "thinking.txt", "game.py", "verdict.json"):
        assert (run_dir / "attempt-1" / name).is_file()
        assert (run_dir / "attempt-1" / "repair-1" / name).is_file()
    assert "Plan: a catch game." in (run_dir / "attempt-1" / "thinking.txt").read_text()
    assert not (run_dir / "attempt-2" / "repair-2").exists()

    # The key went to the server only.
    assert {r.authorization for r in server.chat_requests} == {f"Bearer {KEY}"}
    assert KEY not in result.output
    assert KEY not in all_text(make.home, make.gallery)


def test_none_playable_exits_1_with_each_reason_and_keeps_the_log(make, server):
    def handler(rec: Recorded):
        seed = seed_of(rec)
        if seed == 1:
            return Fail(401, "invalid api key")
        if seed == 2:
            return Fail(503, "overloaded", headers={"Retry-After": "0"})
        return Answer(fenced(good_game(1)), cut_after=300)  # the stream is cut

    server.handler = handler
    result = make("a catch game", "--seed", "1", server=server)
    assert result.exit_code == 1
    assert "no playable game" in result.stderr
    assert "AuthError" in result.output and "STUDIO_API_KEY" in result.output
    assert "ServerError" in result.output and "503" in result.output
    assert "TruncatedReply" in result.output
    run = make.run_json()
    assert run["status"] == "none_playable" and run["winner"] is None
    assert [a["status"] for a in run["attempts"]] == ["failed"] * 3
    assert make.entries() == []
    assert str(make.run_dirs()[0]) in result.stderr.replace("\n", "")
    assert KEY not in result.output and KEY not in all_text(make.home)


@pytest.mark.slow
def test_first_stops_at_the_first_playable_game(make, server):
    never = threading.Event()  # the slow attempts would answer only when this is set

    def handler(rec: Recorded):
        if seed_of(rec) == 1:
            return Answer(fenced(good_game(1)))
        return Answer(fenced(good_game(3)), gate=never)

    server.handler = handler
    result = make("a catch game", "--first", "--seed", "1", server=server)
    assert result.exit_code == 0, result.output
    assert not never.is_set()
    run = make.run_json()
    assert run["winner"]["attempt"] == 1
    assert [a["status"] for a in run["attempts"]] == ["done", "cancelled", "cancelled"]
    run_dir = make.run_dirs()[0]
    assert not (run_dir / "attempt-2" / "game.py").exists()


def test_ctrl_c_cancels_exits_130_and_keeps_the_log(make, server):
    pressed = threading.Lock()

    def handler(rec: Recorded):
        if pressed.acquire(blocking=False):  # one Ctrl-C, while the attempts are streaming
            _thread.interrupt_main()
        return Answer(fenced(good_game(1)), gate=threading.Event())

    server.handler = handler
    result = make("a catch game", "--attempts", "2", server=server)
    assert result.exit_code == 130
    assert "cancelled" in result.stderr
    run = make.run_json()
    assert run["status"] == "cancelled"
    assert {a["status"] for a in run["attempts"]} == {"cancelled"}
    assert make.entries() == []


@pytest.mark.slow
def test_big_brain_designs_first_with_high_effort_and_shows_thinking(make, server):
    design = "- Title: Dot Catcher\n- Genre: arcade\n- Controls: arrows move"

    def handler(rec: Recorded):
        if "short design document" in rec.text:
            return Answer(design, reasoning="Thinking about the design.\n")
        if rec.body.get("stream"):  # this endpoint only answers plain JSON
            return Fail(400, "streaming is not supported by this server")
        thought = "Writing the catch loop now.\n"
        return Answer(fenced(good_game(1)), reasoning=thought, reasoning_field="reasoning")

    server.handler = handler
    result = make(
        "a catch game", "--big-brain", "--attempts", "1", "--show-thinking", server=server
    )
    assert result.exit_code == 0, result.output
    chats = server.chat_requests
    assert "short design document" in chats[0].text
    assert design in chats[1].text
    assert chats[1].body.get("stream") and not chats[2].body.get("stream")
    assert all(r.body.get("reasoning_effort") == "high" for r in chats)
    assert "attempt 1 thinks: Writing the catch loop now." in result.output
    run_dir = make.run_dirs()[0]
    assert (run_dir / "design.md").read_text().strip() == design
    assert "Thinking about the design." in (run_dir / "design-thinking.txt").read_text()
    assert "catch loop" in (run_dir / "attempt-1" / "thinking.txt").read_text()


@pytest.mark.slow
def test_offline_snake_goes_to_the_gallery_as_offline(make):
    result = make("--offline", "snake", "--attempts", "2")
    assert result.exit_code == 0, result.output
    assert "offline designer (no model)" in result.output
    assert "understood" in result.output.lower()
    (entry,) = make.entries()
    assert entry.meta["source"] == "offline"
    assert entry.meta["author"] == "offline designer (no model)"
    assert entry.meta["verdict"]["playable"] is True
    assert len(entry.meta["attempts"]) == 2
    assert f"studio play {entry.slug}" in result.output


@pytest.mark.slow
def test_a_gallery_with_a_web_page_gets_it_updated(make):
    make.gallery.mkdir(parents=True)
    stale = '<html><meta name="generator" content="Big Brain studio">stale</html>'
    (make.gallery / "index.html").write_text(stale)  # a page the studio made before
    result = make("--offline", "pong", "--attempts", "1")
    assert result.exit_code == 0, result.output
    (entry,) = make.entries()
    page = (make.gallery / "index.html").read_text()
    assert "stale" not in page and f'href="{entry.slug}/index.html"' in page
    assert "Gallery page updated" in result.output


@pytest.mark.slow
def test_no_model_configured_uses_the_offline_designer_and_says_so(make):
    result = make("a maze where you collect coins", "--attempts", "2")
    assert result.exit_code == 0, result.output
    assert "offline designer (no model)" in result.output
    assert "no model is configured" in result.output
    (entry,) = make.entries()
    assert entry.meta["source"] == "offline"


def test_an_unreachable_endpoint_is_reported_once_naming_it(make):
    url = closed_port_url()
    result = make("a catch game", "--base-url", url, "--model", "m", "--api-key", KEY)
    assert result.exit_code == 1
    err = " ".join(result.stderr.split())
    assert f"cannot reach the model server at {url}" in err
    assert "No attempt was started" in err and '"a catch game" --offline' in err
    # Checked once before the attempts: said once, not on progress lines, a table and a summary.
    assert result.output.count("cannot reach") == 1
    assert "Attempts" not in result.stdout and not make.entries()
    assert KEY not in result.output


@pytest.mark.parametrize(
    ("preset", "fix"),
    [
        ("ollama", "`ollama pull qwen2.5-coder:7b`"),
        ("openai", "check the network"),
        ("vllm", "`vllm serve"),
    ],
)
def test_an_unreachable_preset_gets_the_fix_that_fits_it(preset: str, fix: str) -> None:
    from studio.commands.make_report import unreachable
    from studio.models.endpoints import PRESETS, Endpoint

    spec = PRESETS[preset]
    endpoint = Endpoint(
        base_url=closed_port_url(), model=spec.default_model or "", preset=preset, custom=False
    )
    said = unreachable(endpoint, "pong")
    assert fix in said and f"cannot reach {preset} at" in said
    assert 'studio make "pong" --offline' in said


@pytest.mark.slow
def test_a_fast_candidate_is_verified_while_a_slow_attempt_still_streams(make, server, monkeypatch):
    import studio.verdicts.api as api

    real_verify = api.verify
    first_verified = threading.Event()

    def verify(path, **kwargs):
        verdict = real_verify(path, **kwargs)
        if Path(path).parent.name == "attempt-1":
            first_verified.set()
        return verdict

    monkeypatch.setattr(api, "verify", verify)

    def handler(rec: Recorded):
        if seed_of(rec) == 2:  # the slow attempt: answers only after attempt 1 was verified
            if not first_verified.wait(timeout=60):
                return Fail(500, "attempt 1 was not verified while attempt 2 was streaming")
            return Answer(fenced(good_game(3)))
        return Answer(fenced(good_game(1)))

    server.handler = handler
    result = make("a catch game", "--attempts", "2", "--seed", "1", "--repairs", "0", server=server)
    assert result.exit_code == 0, result.output
    run = make.run_json()
    assert [a["status"] for a in run["attempts"]] == ["done", "done"]
