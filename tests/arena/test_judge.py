"""Judge votes against the local fake OpenAI-compatible server: both games' frames go out as
OpenAI image parts, the reply is parsed, a malformed reply is asked again once then skipped."""

from __future__ import annotations

import base64
import io
from pathlib import Path

import pytest
from PIL import Image
from typer.testing import CliRunner

from studio.arena.board import build
from studio.arena.judge import RETRY, parse_vote
from studio.arena.votes import read_votes, record
from studio.cli import app
from studio.gallery.store import Gallery
from tests.fakeserver import Answer, Fail, FakeServer

from .conftest import SNAKE, add


@pytest.fixture
def three_sources(tmp_path: Path, pictures: dict[str, Path]) -> Gallery:
    gallery = Gallery(tmp_path / "games")
    art = {"thumb": pictures["thumb"], "preview": pictures["webp"]}
    add(gallery, "Neon Snake", SNAKE, None, pictures=art)
    add(gallery, "Snake GPT", SNAKE, "gpt-4o", pictures=art)
    add(gallery, "Snake Qwen", SNAKE, "qwen", pictures=art)
    return gallery


def test_replies_are_read_as_models_write_them() -> None:
    assert parse_vote('{"vote": "B", "reason": "B is a snake game"}') == ("B", "B is a snake game")
    assert parse_vote('<think>hmm {"vote": "A"}</think>\nSure: {"vote": "tie"}') == (
        "tie",
        "no reason given",
    )
    assert parse_vote("Vote: both bad\nReason: neither moves") == ("both_bad", "neither moves")
    assert parse_vote('{"vote": "Game A", "reason": "x"}') == ("A", "x")
    assert parse_vote("I like both of them.") is None
    assert parse_vote('{"vote": "C"}') is None


def images_of(request) -> list[bytes]:
    parts = request.body["messages"][1]["content"]
    out = []
    for part in parts:
        if part["type"] == "image_url":
            url = part["image_url"]["url"]
            assert url.startswith("data:image/png;base64,")
            out.append(base64.b64decode(url.split(",", 1)[1]))
    return out


def test_judge_votes_are_sent_with_frames_parsed_retried_and_kept_apart(
    three_sources: Gallery,
) -> None:
    with FakeServer(models=("vision-model",)) as server:
        server.script(
            Answer('{"vote": "B", "reason": "B plays like a snake game"}'),
            Answer("Both look fine to me."),  # unreadable: asked again
            Answer('Sorry. {"vote": "tie", "reason": "the same game twice"}'),
            Answer("Hmm."),  # unreadable twice: the pair is skipped
            Answer("Still thinking."),
        )
        result = CliRunner().invoke(
            app,
            [
                "arena",
                "--gallery",
                str(three_sources.root),
                "--judge",
                f"vision-model@{server.url}",
                "--pairs",
                "3",
                "--seed",
                "4",
            ],
        )
        requests = server.chat_requests
    assert result.exit_code == 0, result.output
    assert len(requests) == 5
    first = requests[0].body
    assert first["model"] == "vision-model"
    texts = [p["text"] for p in first["messages"][1]["content"] if p["type"] == "text"]
    assert texts[0].startswith(f"The request: {SNAKE}") and "Game A (4 frames)" in texts[0]
    assert texts[1] == "Game B (4 frames):"
    pictures = images_of(requests[0])
    assert len(pictures) == 8  # per game: the thumbnail and three preview frames
    for png in pictures:
        with Image.open(io.BytesIO(png)) as img:
            assert img.format == "PNG" and img.size == (160, 120)
    retry = requests[2].body["messages"]
    assert retry[-2] == {"role": "assistant", "content": "Both look fine to me."}
    assert retry[-1] == {"role": "user", "content": RETRY}
    assert len(images_of(requests[2])) == 8  # the pictures go again with the question

    votes = read_votes()
    assert [v.vote for v in votes] == ["B", "tie"]
    assert all(v.judge and v.judge_model == "vision-model" for v in votes)
    assert votes[0].reason == "B plays like a snake game"
    assert "the judge (vision-model) voted on 2 pair(s)" in result.stdout
    assert "no readable vote after asking twice" in result.stdout
    assert "no pair has votes from both people and the judge yet" in result.stdout
    board = build(votes, rounds=50)
    assert board.people_votes == 0 and board.judge_votes == 2
    assert all(r.people is None and r.judge is not None for r in board.rows)


def test_agreement_with_people_is_reported(three_sources: Gallery) -> None:
    from studio.arena.pairs import all_pairs
    from studio.arena.pool import collect
    from studio.arena.session import vote_for

    games = collect(three_sources, [], lambda m: None)
    for x, y in all_pairs(games):  # people: the first game named of each pair is better
        record(vote_for(_pair(x, y), "A", 10, 10))
    with FakeServer(models=("vision-model",)) as server:
        server.default = Answer('{"vote": "tie", "reason": "no difference"}')
        result = CliRunner().invoke(
            app,
            [
                "arena",
                "--gallery",
                str(three_sources.root),
                "--judge",
                f"vision-model@{server.url}",
            ],
        )
    assert result.exit_code == 0, result.output
    assert "voted on 3 pair(s)" in result.stdout
    assert "every pair has been shown in this session" in result.stdout  # --pairs 10 > 3
    assert "agrees with people on 0 of 3 pairs both voted on (0%)" in result.stdout
    board = CliRunner().invoke(app, ["arena", "--leaderboard", "--json"])
    assert '"people_votes": 3' in board.stdout and '"judge_votes": 3' in board.stdout


def test_a_judge_that_is_down_is_an_error_naming_it(three_sources: Gallery) -> None:
    with FakeServer(models=("vision-model",)) as server:
        server.default = Fail(503, "overloaded")
        result = CliRunner().invoke(
            app,
            [
                "arena",
                "--gallery",
                str(three_sources.root),
                "--judge",
                f"vision-model@{server.url}",
            ],
        )
    assert result.exit_code == 1
    assert "503" in result.stderr or "overloaded" in result.stderr
    assert read_votes() == []


def _pair(x, y):
    from studio.arena.pairs import Pair

    return Pair(prompt=x.prompt, a=x, b=y)


def test_pairs_without_pictures_are_skipped_and_not_counted(three_sources: Gallery) -> None:
    add(three_sources, "Snake Bare", SNAKE, "llama")  # no thumbnail, no preview
    with FakeServer(models=("vision-model",)) as server:
        server.default = Answer('{"vote": "A", "reason": "brighter"}')
        result = CliRunner().invoke(
            app,
            [
                "arena",
                "--gallery",
                str(three_sources.root),
                "--judge",
                f"vision-model@{server.url}",
                "--pairs",
                "3",
                "--seed",
                "1",
            ],
        )
        asked = len(server.chat_requests)
    assert result.exit_code == 0, result.output
    assert asked == 3 and "voted on 3 pair(s)" in result.stdout
    votes = read_votes()
    assert len(votes) == 3 and all("snake-bare" not in v.pair for v in votes)
    skipped = [line for line in result.stdout.splitlines() if line.startswith("skipped:")]
    assert skipped and all("snake-bare" in s and "no thumbnail or preview" in s for s in skipped)


def test_pairs_without_judge_is_a_usage_error(three_sources: Gallery) -> None:
    result = CliRunner().invoke(
        app, ["arena", "--gallery", str(three_sources.root), "--pairs", "3"]
    )
    assert result.exit_code == 2 and "--pairs goes with --judge" in result.stderr


def test_the_judge_votes_on_bench_samples(tmp_path: Path, pictures: dict[str, Path]) -> None:
    import shutil

    from .conftest import bench_sample

    bench = tmp_path / "bench-out"
    for model in ("gpt-4o", "qwen"):
        folder = bench_sample(bench, model, "snake", 1, SNAKE, model)
        shutil.copyfile(pictures["thumb"], folder / "thumbnail.png")  # bench's own name
        shutil.copyfile(pictures["gif"], folder / "preview.gif")
    with FakeServer(models=("vision-model",)) as server:
        server.default = Answer('{"vote": "both_bad", "reason": "neither is snake"}')
        result = CliRunner().invoke(
            app, ["arena", "--bench", str(bench), "--judge", f"vision-model@{server.url}"]
        )
        pictured = len(images_of(server.chat_requests[0]))
    assert result.exit_code == 0, result.output
    assert pictured == 8
    [vote] = read_votes()
    assert vote.pair == {"bench:bench-out/gpt-4o/snake/1", "bench:bench-out/qwen/snake/1"}
    assert {vote.source_a, vote.source_b} == {"gpt-4o", "qwen"} and vote.vote == "both_bad"
