"""The model judge: its answers read robustly, against the real fake HTTP server."""

from __future__ import annotations

import base64
import io
import threading
from pathlib import Path

import pytest
from PIL import Image

from studio.adherence import check
from studio.judging import Finalist, Judge, Judgement, combine, judge_messages, parse_answer
from studio.models.client import OpenAIModel
from studio.models.endpoints import resolve
from studio.verdicts.report import Verdict

from .conftest import Answer, Fail, FakeServer, closed_port_url
from .drift_games import breakout, pong


@pytest.mark.parametrize(
    ("text", "score", "reason"),
    [
        ('{"score": 8, "reason": "bricks and a paddle"}', 8.0, "bricks and a paddle"),
        ('Sure!\n```json\n{"score": "3", "reason": "pong"}\n```', 3.0, "pong"),
        ("Score: 7/10\nReason: mostly breakout", 7.0, "mostly breakout"),
        ("I would give it 9 out of 10.", 9.0, "no reason given"),
        ('{"score": 85, "reason": "close"}', 8.5, "close"),
        ("<think>score: 1/10? no</think>SCORE = 6 / 10; reason: fine", 6.0, "fine"),
    ],
)
def test_answers_are_read_in_the_shapes_models_write(text, score, reason):
    assert parse_answer(text) == Judgement(score, reason)


@pytest.mark.parametrize(
    "text", ["", "It is a nice game.", '{"score": "high"}', "score: 11/10", '{"verdict": 7}']
)
def test_nonsense_is_no_answer(text):
    assert parse_answer(text) is None


def test_the_judge_decides_and_says_when_it_contradicts_the_free_signals():
    free = check("breakout", pong(1))
    agreed = combine(free, Judgement(2, "two paddles and no bricks"))
    assert not agreed.matches and agreed.by == "judge"
    assert agreed.reason == "judge 2/10: two paddles and no bricks"
    contrary = combine(free, Judgement(9, "a brick wall"))
    assert contrary.matches and contrary.coverage == 0.9
    assert contrary.reason.endswith(
        "(the free signals said: a pong game, not the breakout asked for)"
    )
    assert contrary.to_dict()["free"]["matches"] is False


def artifacts(folder: Path, colour: tuple[int, int, int]) -> dict[str, str]:
    folder.mkdir(parents=True, exist_ok=True)
    thumb = folder / "thumb.png"
    Image.new("RGB", (640, 480), colour).save(thumb)
    frames = [Image.new("RGB", (640, 480), (i * 40, 0, 0)) for i in range(6)]
    preview = folder / "preview.webp"
    frames[0].save(preview, save_all=True, append_images=frames[1:], duration=50)
    return {"thumbnail": str(thumb), "preview": str(preview)}


def finalist(tmp_path: Path, n: int, code: str) -> Finalist:
    verdict = Verdict(
        f"attempt-{n}/game.py", True, 90, [], artifacts=artifacts(tmp_path / str(n), (0, 0, 200))
    )
    return Finalist(n, code, verdict)


def judge_for(url: str, timeout: float = 30.0) -> Judge:
    endpoint = resolve(base_url=url, model="fake-model", api_key="judge-key")
    return Judge(OpenAIModel(endpoint, timeout=timeout), timeout=timeout)


def test_the_judge_sees_frames_as_image_inputs_and_counts_its_tokens(tmp_path):
    with FakeServer() as server:
        server.script(Answer('{"score": 9, "reason": "a wall of bricks"}', usage=(300, 12)))
        notes: list[str] = []
        judge = judge_for(server.url)
        answers = judge.judge_all("breakout", [finalist(tmp_path, 1, breakout())], notes.append)
    assert answers == {1: Judgement(9.0, "a wall of bricks")}
    assert notes == []
    assert (judge.usage.prompt_tokens, judge.usage.completion_tokens) == (300, 12)
    (request,) = server.chat_requests
    parts = request.body["messages"][1]["content"]
    assert "The request: breakout" in parts[0]["text"]
    assert 'It says of itself: title "Breakout"; "Breakout: clear the wall' in parts[0]["text"]
    images = [p["image_url"]["url"] for p in parts if p["type"] == "image_url"]
    assert len(images) == 4  # the thumbnail and three preview frames
    first = Image.open(io.BytesIO(base64.b64decode(images[0].split(",", 1)[1])))
    assert max(first.size) == 320 and first.getpixel((5, 5)) == (0, 0, 200)
    assert "<" in judge.log[1]["asked"][0][1]["content"][1]["image_url"]["url"]  # not logged


def test_a_text_only_model_gets_what_the_verifier_saw_and_the_code(tmp_path):
    with FakeServer() as server:
        server.script(
            Fail(400, "this model does not support image input"),
            Answer("Score: 3/10\nReason: it is Pong"),
        )
        judge = judge_for(server.url)
        answers = judge.judge_all("breakout", [finalist(tmp_path, 2, pong(1))], lambda s: None)
    assert answers == {2: Judgement(3.0, "it is Pong")}
    assert judge.images is False
    text = server.chat_requests[-1].text
    assert "verifier: playable, score 90" in text and 'set_caption("Pong")' in text


def test_a_malformed_answer_is_asked_again_once_then_ignored(tmp_path):
    with FakeServer() as server:
        server.script(Answer("A fine game!"), Answer('{"score": 4, "reason": "half of it"}'))
        server.default = Answer("Really fine.")
        notes: list[str] = []
        judge = judge_for(server.url)
        first = judge.judge_all("breakout", [finalist(tmp_path, 1, breakout())], notes.append)
        assert first == {1: Judgement(4.0, "half of it")} and notes == []
        assert "could not be read" in server.chat_requests[1].text
        second = judge.judge_all("breakout", [finalist(tmp_path, 2, breakout())], notes.append)
    assert second == {}
    assert len(server.chat_requests) == 4  # once, once again, and no more
    assert notes == [
        "the judge gave no readable answer for 1 finalist(s); those finalists are picked on "
        "the free signals alone"
    ]


@pytest.mark.slow
def test_a_judge_that_is_down_is_said_once(tmp_path):
    notes: list[str] = []
    judge = judge_for(closed_port_url())
    group = [finalist(tmp_path, n, breakout()) for n in (1, 2, 3)]
    assert judge.judge_all("breakout", group, notes.append) == {}
    assert judge.judge_all("breakout", group, notes.append) == {}
    assert len(notes) == 1 and "is unavailable (EndpointUnreachable" in notes[0]


@pytest.mark.slow
def test_a_slow_judge_is_given_up_on(tmp_path):
    never = threading.Event()
    with FakeServer() as server:
        server.default = Answer('{"score": 9, "reason": "late"}', gate=never)
        notes: list[str] = []
        judge = judge_for(server.url, timeout=1.0)
        assert judge.judge_all("breakout", [finalist(tmp_path, 1, breakout())], notes.append) == {}
        asked = len(server.chat_requests)
        # A later finalist (a repair round's) is not made to wait for it again.
        assert judge.judge_all("breakout", [finalist(tmp_path, 2, breakout())], notes.append) == {}
        assert len(server.chat_requests) == asked and judge.down
    assert notes == [
        "the judge (fake-model via 127.0.0.1:"
        + server.url.split(":")[2].split("/")[0]
        + ") did not answer within 1s; those finalists are picked on the free signals alone"
    ]


def test_without_frames_the_judge_gets_the_description(tmp_path):
    bare = Finalist(1, breakout(), Verdict("g.py", True, 80, []))
    (_, user) = judge_messages("breakout", bare, images=True)
    assert isinstance(user["content"], str) and "The game's code" in user["content"]


def test_the_judge_model_is_a_model_there_or_at_another_endpoint():
    from studio.judging import judge_endpoint

    main = resolve(base_url="http://127.0.0.1:9/v1", model="coder", api_key="k")
    assert judge_endpoint(main, None) is main
    same = judge_endpoint(main, "vision-7b")
    assert (same.base_url, same.model, same.api_key) == (main.base_url, "vision-7b", "k")
    local = judge_endpoint(main, "llava@ollama")
    assert (local.preset, local.base_url, local.model) == (
        "ollama",
        "http://localhost:11434/v1",
        "llava",
    )
    other = judge_endpoint(None, "judge@http://127.0.0.1:8/v1")
    assert (other.base_url, other.model, other.api_key) == ("http://127.0.0.1:8/v1", "judge", None)
