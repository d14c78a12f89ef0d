"""Issue 17 end to end: replies as local models write them, through `studio make`.

One attempt, no repairs, the real fake server and the real verifier: the game kept in the
gallery must be the whole program, whether the model split it over blocks, wrapped it in
fences with attributes, added a fragment after it, or was cut at its output limit and
continued. A reply cut every time ends with the clear message, and every part's tokens
reach the run's totals.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from studio.cli import app
from studio.gallery.store import Gallery
from studio.models.continuation import CONTINUE

from .conftest import Answer, FakeServer
from .replies import GAME, TOP_LEVEL, cut_parts, fragment_reply, split_reply


class Made:
    def __init__(self, result, home: Path, gallery: Path) -> None:
        self.result = result
        self.output = " ".join(result.output.split())
        self.entries = Gallery(gallery).entries() if gallery.is_dir() else []
        (self.run,) = sorted(p for p in (home / "runs").iterdir() if p.is_dir())
        self.record = json.loads((self.run / "run.json").read_text())


@pytest.fixture
def make(isolated_user: Path, tmp_path: Path):
    def run(server: FakeServer, *extra: str) -> Made:
        argv = [
            "make", "a game where you dodge falling rocks", "--attempts", "1",
            "--repairs", "0", "--seconds", "4", "--seed", "7",
            "--gallery", str(tmp_path / "games"), "--base-url", server.url,
            "--model", "fake-model", *extra,
        ]  # fmt: skip
        result = CliRunner().invoke(app, argv, catch_exceptions=False)
        return Made(result, isolated_user, tmp_path / "games")

    return run


def kept(made: Made) -> str:
    assert made.result.exit_code == 0, made.output
    (entry,) = made.entries
    return entry.code_path.read_text()


@pytest.mark.slow
@pytest.mark.parametrize(
    "fences",
    [
        ("python", "python", "python"),
        ('Python title="dodge.py"', "PYTHON", "python:dodge.py"),
    ],
    ids=["plain-fences", "fences-with-attributes-and-capitals"],
)
def test_a_program_split_over_blocks_is_joined(make, fences):
    with FakeServer() as server:
        server.script(Answer(split_reply(fences)))
        made = make(server)
    assert kept(made) == GAME
    extra = json.loads((made.run / "attempt-1" / "extra.json").read_text())
    assert extra["reader"].startswith("joined fenced blocks 1, 2 and 3 of 4 into one program")


@pytest.mark.slow
def test_a_last_block_that_is_a_fragment_does_not_replace_the_program(make):
    with FakeServer() as server:
        server.script(Answer(fragment_reply()))
        made = make(server)
    assert kept(made) == TOP_LEVEL
    assert not (made.run / "attempt-1" / "extra.json").read_text().count('"reader"')


@pytest.mark.slow
def test_a_reply_cut_twice_is_completed_by_two_continuations(make):
    part1, part2, part3 = cut_parts()
    with FakeServer() as server:
        server.script(
            Answer(part1, finish_reason="length", usage=(900, 1000)),
            Answer(part2, finish_reason="length", usage=(1950, 1000)),
            Answer(part3, usage=(2900, 400)),
        )
        made = make(server, "--max-tokens", "1000")
        requests = server.chat_requests
    assert kept(made) == GAME
    assert len(requests) == 3
    assert all(r.body["max_tokens"] == 1000 for r in requests)
    first, second, third = (r.body["messages"] for r in requests)
    assert second[:-2] == first and third[:-2] == first
    assert second[-2] == {"role": "assistant", "content": part1}
    assert second[-1] == {"role": "user", "content": CONTINUE}
    # The second continuation sends the reply so far, joined: the repeated line once.
    assert third[-2]["role"] == "assistant" and third[-2]["content"].count("self.dash = 0") == 1
    tokens = made.record["attempts"][0]["tokens"]
    assert tokens == {"prompt": 900 + 1950 + 2900, "completion": 2400}
    assert made.record["tokens"] == tokens
    extra = json.loads((made.run / "attempt-1" / "extra.json").read_text())
    assert extra["continuations"] == 2
    raw = (made.run / "attempt-1" / "reply.txt").read_text()
    assert raw.count("continuation") == 2 and part1 in raw and part3 in raw


def test_a_reply_cut_every_time_names_the_setting_to_raise(make):
    cut = GAME[:1500]
    with FakeServer() as server:
        server.default = Answer("```python\n" + cut, finish_reason="length", usage=(800, 512))
        made = make(server, "--preset", "ollama", "--base-url", server.url)
        partials = [r.partial for r in server.chat_requests]
    assert made.result.exit_code == 1
    assert len(partials) == 4 and partials[0] is None  # the reply and three continuations
    assert all(p is not None and p.startswith("```python\n" + cut[:200]) for p in partials[1:])
    assert "the model's output limit is too small for this game" in made.output
    assert "OutputLimitReached" in made.output and "num_predict" in made.output
    assert "OLLAMA_CONTEXT_LENGTH" in made.output and "--max-tokens (now 8192" in made.output
    tokens = made.record["attempts"][0]["tokens"]
    assert tokens == {"prompt": 4 * 800, "completion": 4 * 512}  # no part's tokens lost
    assert made.record["tokens"] == tokens
    assert made.entries == []
    raw = (made.run / "attempt-1" / "reply.txt").read_text()
    assert raw.count("continuation") == 3


@pytest.mark.slow
def test_each_preset_sends_a_sensible_max_tokens(make):
    with FakeServer() as server:
        server.script(Answer(split_reply()))
        made = make(server, "--preset", "llamacpp", "--base-url", server.url)
        body = server.chat_requests[0].body
    assert made.result.exit_code == 0, made.output
    assert body["max_tokens"] == 8192
