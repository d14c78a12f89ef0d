"""Streamed chunks read as plain data (``studio.models.stream.chunks``), against a real HTTP
server on 127.0.0.1: what a server sends, including what it should not, becomes the same
reply as through the openai client's own models."""

from __future__ import annotations

import json

import pytest
from openai.types.chat import ChatCompletionChunk

from studio.errors import ModelError
from studio.models.reply import extract_code
from studio.models.stream import Accumulator, chunks

from .conftest import Page, fenced
from .test_client import GAME, model_for, request


def sse(*chunks: object, done: bool = True) -> Page:
    """A streamed reply written out by hand, chunk by chunk (a string: a raw line)."""
    lines = [c + "\n" if isinstance(c, str) else f"data: {json.dumps(c)}\n\n" for c in chunks]
    body = "".join(lines) + ("data: [DONE]\n\n" if done else "")
    return Page(body=body, content_type="text/event-stream")


def delta(content: object = None, finish: str | None = None, **more: object) -> dict:
    d = {"content": content, **more}
    return {"model": "m", "choices": [{"index": 0, "delta": d, "finish_reason": finish}]}


def test_a_client_without_an_event_reader_gives_its_models_as_data() -> None:
    """An openai client whose stream has no reader of events (not this one): its chunk
    models, iterated, become the same plain data and the same reply."""
    raw = [
        delta("```python\n", reasoning_content="think"),
        delta(GAME + "```\n", "stop"),
        {"model": "m", "choices": [], "usage": {"prompt_tokens": 3, "completion_tokens": 9}},
    ]
    models = [
        ChatCompletionChunk.construct(**c, id="c1", created=0, object="chat.completion.chunk")
        for c in raw
    ]

    class Iterated:  # a stream that only iterates its models
        def __iter__(self):
            return iter(models)

    data = list(chunks(Iterated()))
    assert [d["choices"] for d in data] == [c["choices"] for c in raw]
    acc = Accumulator(None)
    for d in data:
        acc.take(d)
    assert "".join(acc.content) == f"```python\n{GAME}```\n" and acc.finish == "stop"
    assert acc.spent([]).completion_tokens == 9


def test_an_error_sent_inside_the_stream_is_the_servers_message(fake_server):
    fake_server.script(
        sse(delta("Here "), {"error": {"message": "the model is overloaded, try later"}})
    )
    with pytest.raises(ModelError, match="overloaded, try later"):
        model_for(fake_server).execute(request())


def test_chunks_that_break_the_shape_are_skipped_not_fatal(fake_server):
    usage = {
        "prompt_tokens": 11,
        "completion_tokens": 22,
        "completion_tokens_details": {"reasoning_tokens": 5},
    }
    fake_server.script(
        sse(
            ": a comment line",
            [1, 2, 3],  # not an object
            {"model": "m", "choices": "nope"},
            {"model": "m", "choices": [None, "x"]},
            {"model": "m", "choices": [{"delta": None}]},
            delta(12345),  # content that is not text
            delta(fenced(GAME), reasoning_content="hm"),
            delta(None, "stop"),
            {"model": "m", "choices": [], "usage": usage},
        )
    )
    reply = model_for(fake_server).execute(request())
    assert extract_code(reply.text) == GAME and reply.thinking == "hm"
    assert (reply.usage.prompt_tokens, reply.usage.completion_tokens) == (11, 22)
    assert reply.usage.reasoning_tokens == 5 and reply.finish_reason == "stop"


def test_usage_counts_that_are_not_counts_are_zero() -> None:
    acc = Accumulator(None)
    acc.take({"usage": {"prompt_tokens": "many", "completion_tokens": -3}, "choices": []})
    spent = acc.spent([{"role": "user", "content": "x"}])
    assert (spent.prompt_tokens, spent.completion_tokens, spent.reasoning_tokens) == (0, 0, 0)
