"""``studio make`` keeps the game that was asked for: the real CLI, the fake HTTP server, the
real verifier, and replies that drift the way real models do (tests/bigbrain/drift_games.py).

Before adherence, each of these runs kept a drifting candidate: the two Pongs share their
behaviour and score higher than the Breakout, and the two match-3 games share theirs and
score higher than the one real Tetris + Bejeweled hybrid.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable

import pytest

from .conftest import Answer, Recorded, closed_port_url, fenced
from .drift_games import breakout, hybrid, match3, pong, tetris

HYBRID_PROMPT = "a game that mixes Tetris and Bejeweled"
JUDGE_MARK = "You check whether a small video game"
AMEND_MARK = "it is not the game that was asked for"
HALF_MISSING = "a match-3 game; the falling-block puzzle half of the request is missing"
BREAKOUT_REPLIES = {1: pong(1), 2: pong(2), 3: breakout()}
HYBRID_REPLIES = {1: match3(1), 2: match3(2), 3: hybrid()}


def serve(
    server,
    games: dict[int, str],
    judge: Callable[[int], str] | None = None,
    amend: Callable[[int], str] | None = None,
) -> None:
    """Attempt n (seed n) answers ``games[n]``; the judge and the amend rounds as given."""

    def handler(rec: Recorded):
        if JUDGE_MARK in rec.text:
            assert judge is not None, "nobody asked for a judge"
            n = int(re.search(r"candidate (\d+)", rec.text).group(1))
            return Answer(judge(n), usage=(1000, 10))
        if "short design document" in rec.text:
            return Answer("- Title: as asked", usage=(20, 5))
        seed = int(rec.body.get("seed") or 0)
        if AMEND_MARK in rec.text:
            assert amend is not None, "nobody asked for an amend round"
            return Answer(fenced(amend(seed)), usage=(60, 500))
        return Answer(fenced(games[seed]), usage=(50, 400))

    server.handler = handler


def judge_requests(server) -> list[Recorded]:
    return [r for r in server.chat_requests if JUDGE_MARK in r.text]


@pytest.mark.slow
def test_breakout_is_kept_over_two_pongs_by_the_free_signals(make, server):
    serve(server, BREAKOUT_REPLIES)
    result = make("breakout", "--big-brain", "--no-judge", "-n", "3", "--seed", "1", server=server)
    assert result.exit_code == 0, result.output
    run = make.run_json()
    assert run["winner"]["attempt"] == 3
    assert run["winner"]["why"].startswith("1 of 3 playable candidates match the request")
    assert run["judge"] is None and judge_requests(server) == []
    a1, a2, a3 = run["attempts"]
    assert a1["playable"] and a2["playable"] and a3["playable"]
    assert a1["adherence"]["matches"] is False
    assert a1["adherence"]["reason"] == "a pong game, not the breakout asked for"
    assert a3["adherence"]["matches"] is True and a3["adherence"]["by"] == "free signals"
    (entry,) = make.entries()
    assert entry.meta["title"] == "Breakout"
    assert entry.meta["adherence"]["matches"] is True
    assert entry.meta["attempts"][1]["adherence"]["matches"] is False
    assert "as asked" in result.output and "breakout asked for" in result.output  # the table


@pytest.mark.slow
def test_without_adherence_the_same_replies_keep_the_drifting_games(make, server, monkeypatch):
    """The old pick (no adherence): the larger behaviour cluster and the best score win."""
    import studio.pick

    monkeypatch.setattr(studio.pick, "adherent", lambda playable: (list(playable), None))
    for prompt, replies in (("breakout", BREAKOUT_REPLIES), (HYBRID_PROMPT, HYBRID_REPLIES)):
        serve(server, replies)
        result = make(prompt, "--repairs", "0", "--seed", "1", server=server)
        assert result.exit_code == 0, result.output
        runs = [json.loads((d / "run.json").read_text()) for d in make.run_dirs()]
        (run,) = [r for r in runs if r["prompt"] == prompt]
        assert run["winner"]["attempt"] == 1, run["winner"]


@pytest.mark.slow
def test_the_one_real_hybrid_is_kept_over_two_plain_match3_games(make, server):
    serve(server, HYBRID_REPLIES)
    result = make(HYBRID_PROMPT, "--seed", "1", server=server)
    assert result.exit_code == 0, result.output
    run = make.run_json()
    assert run["winner"]["attempt"] == 3 and run["winner"]["lacks"] is None
    assert [a["adherence"]["reason"] for a in run["attempts"][:2]] == [HALF_MISSING] * 2
    (entry,) = make.entries()
    assert entry.meta["title"] == "Gem Drop"


@pytest.mark.slow
def test_each_half_alone_loses_to_the_candidate_with_both(make, server):
    serve(server, {1: tetris(), 2: match3(1), 3: hybrid()})
    result = make(HYBRID_PROMPT, "--seed", "1", server=server)
    assert result.exit_code == 0, result.output
    run = make.run_json()
    assert run["winner"]["attempt"] == 3
    assert [a["adherence"]["reason"] for a in run["attempts"][:2]] == [
        "a falling-block puzzle game; the match-3 half of the request is missing",
        HALF_MISSING,
    ]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("prompt", "replies", "good"),
    [
        ("breakout", BREAKOUT_REPLIES, "a wall of bricks, a paddle and a ball"),
        (HYBRID_PROMPT, HYBRID_REPLIES, "falling gem pieces that clear in rows and runs"),
    ],
)
def test_a_scripted_judge_on_by_default_with_big_brain(make, server, prompt, replies, good):
    serve(
        server,
        replies,
        judge=lambda n: (
            f'{{"score": 9, "reason": "{good}"}}'
            if n == 3
            else '{"score": 3, "reason": "another game"}'
        ),
    )
    result = make(prompt, "--big-brain", "-n", "3", "--seed", "1", server=server)
    assert result.exit_code == 0, result.output
    assert "Judge: fake-model via 127.0.0.1" in result.output
    run = make.run_json()
    assert run["winner"]["attempt"] == 3
    assert run["winner"]["adherence"] == {
        "matches": True,
        "by": "judge",
        "reason": f"judge 9/10: {good}",
    }
    asked = judge_requests(server)
    assert len(asked) == 3
    parts = asked[0].body["messages"][1]["content"]
    assert [p["type"] for p in parts][:2] == ["text", "image_url"]  # the verifier's frames
    # The judge's tokens are the run's: 3 attempts and 3 judge calls.
    assert run["judge"]["tokens"] == {"prompt": 3000, "completion": 30}
    assert run["tokens"] == {"prompt": 3 * 50 + 3000, "completion": 3 * 400 + 30}
    (entry,) = make.entries()
    assert entry.meta["tokens"] == run["tokens"]
    judge_log = json.loads((make.run_dirs()[0] / "judge.json").read_text())
    assert sorted(judge_log["finalists"]) == ["1", "2", "3"]


@pytest.mark.slow
def test_a_judge_that_contradicts_the_free_signals_decides_and_it_is_said(make, server):
    serve(
        server,
        BREAKOUT_REPLIES,
        judge=lambda n: (
            '{"score": 2, "reason": "no paddle"}'
            if n == 3
            else '{"score": 8, "reason": "a paddle and a ball: breakout"}'
        ),
    )
    result = make("breakout", "--judge", "--seed", "1", server=server)
    assert result.exit_code == 0, result.output
    run = make.run_json()
    assert run["winner"]["attempt"] in (1, 2)
    a3 = run["attempts"][2]["adherence"]
    assert a3["matches"] is False and a3["by"] == "judge"
    assert a3["reason"] == (
        "judge 2/10: no paddle (the free signals said: matches the request: breakout "
        "('breakout' in the title))"
    )
    winner = run["attempts"][run["winner"]["attempt"] - 1]["adherence"]
    assert winner["reason"].endswith(
        "(the free signals said: a pong game, not the breakout asked for)"
    )


@pytest.mark.slow
def test_a_judge_that_is_down_leaves_the_pick_to_the_free_signals_and_is_said_once(make, server):
    serve(server, BREAKOUT_REPLIES)
    down = closed_port_url()
    result = make("breakout", "--judge-model", f"fake-model@{down}", "--seed", "1", server=server)
    assert result.exit_code == 0, result.output
    assert result.output.count("is unavailable (EndpointUnreachable") == 1
    assert "picked on the free signals alone" in result.output
    run = make.run_json()
    assert run["winner"]["attempt"] == 3
    assert run["judge"]["notes"] and run["winner"]["adherence"]["by"] == "free signals"


@pytest.mark.slow
def test_with_no_match_a_repair_round_asks_for_the_missing_half(make, server):
    serve(server, {1: match3(1), 2: match3(2), 3: match3(1)}, amend=lambda seed: hybrid())
    result = make(HYBRID_PROMPT, "--repairs", "1", "--seed", "1", server=server)
    assert result.exit_code == 0, result.output
    assert f"no candidate matches the request ({HALF_MISSING})" in result.output.replace("\n", " ")
    (amend,) = [r for r in server.chat_requests if AMEND_MARK in r.text]
    assert HALF_MISSING in amend.text and "class Board" in amend.text
    run = make.run_json()
    winner = run["attempts"][run["winner"]["attempt"] - 1]
    assert winner["rounds"][-1]["purpose"] == "adhere"
    assert winner["adherence"]["matches"] is True and run["winner"]["lacks"] is None
    (entry,) = make.entries()
    assert entry.meta["title"] == "Gem Drop"


@pytest.mark.slow
def test_when_nothing_matches_the_closest_is_kept_saying_what_it_lacks(make, server):
    serve(server, {1: match3(1), 2: pong(1), 3: match3(2)}, amend=lambda seed: match3(2))
    result = make(HYBRID_PROMPT, "--repairs", "2", "--seed", "1", server=server)
    assert result.exit_code == 0, result.output
    said = result.output.replace("\n", " ")
    assert f"kept the closest playable game; it lacks: {HALF_MISSING}" in said
    run = make.run_json()
    assert run["winner"]["attempt"] in (1, 3)  # a match-3: half of the request, not the Pong
    assert run["winner"]["lacks"] == HALF_MISSING
    assert len([r for r in server.chat_requests if AMEND_MARK in r.text]) == 2
    (entry,) = make.entries()
    assert entry.meta["adherence"]["matches"] is False
