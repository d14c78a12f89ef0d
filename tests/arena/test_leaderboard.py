"""`studio arena --leaderboard`: people's ratings, the judge's apart, and their agreement."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from studio.arena.board import build
from studio.arena.votes import Vote, append_votes
from studio.cli import app


def v(a: str, b: str, choice: str, *, judge: bool = False, n: int = 0) -> Vote:
    sources = {"snake-1": "gpt-4o", "snake-2": "offline designer", "snake-3": "qwen"}
    return Vote(
        prompt="snake",
        a=a,
        b=b,
        source_a=sources[a],
        source_b=sources[b],
        vote=choice,
        seconds_a=10,
        seconds_b=10,
        judge=judge,
        judge_model="gpt-4o-vision" if judge else None,
        reason="looks more like snake" if judge else "",
    )


def votes() -> list[Vote]:
    people = [v("snake-1", "snake-2", "A")] * 6 + [v("snake-2", "snake-1", "A")] * 2
    people += [v("snake-1", "snake-2", "tie")] * 2
    people += [v("snake-3", "snake-2", "both_bad")] * 2 + [v("snake-3", "snake-2", "B")] * 2
    judge = [v("snake-2", "snake-1", "B", judge=True)] * 3  # agrees: gpt-4o better
    judge += [v("snake-3", "snake-2", "A", judge=True)] * 2  # disagrees: people said designer
    return [*people, *judge]


def test_the_numbers_per_source_and_the_judge_apart() -> None:
    board = build(votes(), rounds=200)
    order = [r.source for r in board.rows]
    assert order == ["gpt-4o", "offline designer", "qwen"]
    gpt = board.rows[0].people
    assert gpt is not None and gpt.games == 10 and (gpt.wins, gpt.ties, gpt.losses) == (6, 2, 2)
    assert gpt.win_rate == 0.7  # (6 + 2/2) / 10
    assert gpt.low < gpt.rating < gpt.high
    designer = board.rows[1].people
    assert designer is not None and designer.games == 14
    judged = {r.source: r.judge for r in board.rows}
    assert judged["gpt-4o"] is not None and judged["gpt-4o"].games == 3
    assert judged["qwen"] is not None and judged["qwen"].wins == 2
    assert (board.people_votes, board.judge_votes) == (14, 5)
    assert (board.agreement.pairs, board.agreement.agreed) == (2, 1)


def test_cli_leaderboard_json_and_table() -> None:
    runner = CliRunner()
    result = runner.invoke(app, ["arena", "--leaderboard"])
    assert result.exit_code == 0 and "No votes yet" in result.stdout
    append_votes(votes())
    result = runner.invoke(app, ["arena", "--leaderboard", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [s["source"] for s in data["sources"]] == ["gpt-4o", "offline designer", "qwen"]
    gpt = data["sources"][0]
    assert gpt["people"]["votes"] == 10 and gpt["people"]["win_rate"] == 0.7
    assert gpt["people"]["low"] < gpt["people"]["rating"] < gpt["people"]["high"]
    assert gpt["judge"]["votes"] == 3
    assert data["agreement"] == {"pairs": 2, "agreed": 1, "rate": 0.5}
    assert json.loads(runner.invoke(app, ["arena", "--leaderboard", "--json"]).stdout) == data
    result = runner.invoke(app, ["arena", "--leaderboard"], env={"COLUMNS": "160"})
    assert result.exit_code == 0, result.output
    assert "14 votes by people, 5 by a judge" in result.stdout
    assert "gpt-4o" in result.stdout and "70%" in result.stdout
    assert "agreed with people on 1 of 2 pairs" in result.stdout
    result = runner.invoke(app, ["arena", "--json"])
    assert result.exit_code == 2 and "--leaderboard" in result.stderr
