"""OpenAIModel against a real HTTP server on 127.0.0.1 (tests/fakeserver.py)."""

from __future__ import annotations

import threading

import pytest

from studio.errors import (
    AuthError,
    EndpointUnreachable,
    ModelError,
    ModelNotFoundError,
    ModelTimeout,
    NoCodeInReply,
    RateLimitError,
    ServerError,
    TruncatedReply,
)
from studio.models.base import Event, Request
from studio.models.client import NO_KEY, OpenAIModel
from studio.models.endpoints import Endpoint, resolve
from studio.models.faults import RetryPolicy
from studio.models.reply import extract_code

from .conftest import Answer, Fail, FakeServer, closed_port_url, fenced

GAME = (
    "import pygame\n\n\ndef main():\n    pygame.init()\n\n\n"
    "if __name__ == '__main__':\n    main()\n"
)
KEY = "sk-test-0123456789abcdefXYZ"


def request(**kw) -> Request:
    return Request(prompt="a game", messages=[{"role": "user", "content": "make a game"}], **kw)


def model_for(server: FakeServer, waits: list[float] | None = None, **kw) -> OpenAIModel:
    endpoint = resolve(base_url=server.url, model="fake-model", api_key=KEY)
    retry = RetryPolicy(retries=3, base=0.5, max_delay=8.0, jitter=0.0)
    return OpenAIModel(
        endpoint, retry=retry, wait=(waits if waits is not None else []).append, **kw
    )


def test_plain_reply_with_usage(fake_server):
    fake_server.script(Answer(fenced(GAME), usage=(120, 45)))
    reply = model_for(fake_server, stream=False).execute(request())
    assert extract_code(reply.text) == GAME
    assert (reply.usage.prompt_tokens, reply.usage.completion_tokens) == (120, 45)
    assert reply.finish_reason == "stop" and reply.model == "fake-model"
    body = fake_server.chat_requests[0].body
    assert "stream" not in body and body["messages"][0]["content"] == "make a game"


def test_streaming_reply_events_and_usage(fake_server):
    fake_server.script(Answer(fenced(GAME), usage=(300, 77), chunk_size=8))
    events: list[Event] = []
    reply = model_for(fake_server).execute(request(), events.append)
    assert extract_code(reply.text) == GAME
    texts = [e for e in events if e.kind == "text"]
    assert "".join(e.text for e in texts) == reply.extra["raw"]
    counts = [e.tokens for e in texts]
    assert counts == sorted(counts) and counts[-1] > counts[0]
    assert events[-1].kind == "usage" and events[-1].detail["completion_tokens"] == 77
    assert reply.usage.completion_tokens == 77 and not reply.extra["usage_estimated"]
    body = fake_server.chat_requests[0].body
    assert body["stream"] is True and body["stream_options"] == {"include_usage": True}


def test_usage_is_estimated_when_the_server_sends_none(fake_server):
    fake_server.script(Answer(fenced(GAME), send_usage=False))
    reply = model_for(fake_server).execute(request())
    assert reply.extra["usage_estimated"] and reply.usage.completion_tokens > 0


@pytest.mark.parametrize("field", ["reasoning_content", "reasoning"])
def test_reasoning_fields_and_think_tags_are_thinking(fake_server, field):
    text = "<think>tags thinking</think>" + fenced(GAME)
    fake_server.script(Answer(text, reasoning="field thinking", reasoning_field=field))
    events: list[Event] = []
    reply = model_for(fake_server).execute(request(), events.append)
    assert "field thinking" in reply.thinking and "tags thinking" in reply.thinking
    assert "<think>" not in reply.text and "thinking" not in reply.text
    thought = "".join(e.text for e in events if e.kind == "thinking")
    assert "field thinking" in thought and "tags thinking" in thought
    assert extract_code(reply.text) == GAME


def test_plain_reply_reasoning_field(fake_server):
    fake_server.script(Answer(fenced(GAME), reasoning="deep thoughts"))
    reply = model_for(fake_server, stream=False).execute(request())
    assert reply.thinking == "deep thoughts"


def test_no_code_reply_is_returned_and_extraction_says_why(fake_server):
    fake_server.script(Answer("I cannot write games, sorry."))
    reply = model_for(fake_server).execute(request())
    with pytest.raises(NoCodeInReply, match="no Python program"):
        extract_code(reply.text)


def test_401_names_the_key_variable_and_never_echoes_the_key(fake_server):
    fake_server.script(Fail(401, f"Incorrect API key provided: {KEY}", code="invalid_api_key"))
    with pytest.raises(AuthError) as info:
        model_for(fake_server).execute(request())
    message = str(info.value)
    assert "STUDIO_API_KEY" in message and "401" in message and KEY not in message
    # the suggested fix asks for the key rather than taking it on the command line
    assert "studio config set api_key --for http://127.0.0.1" in message
    assert "shell history" in message and "api_key KEY" not in message


def test_403_for_a_preset_names_its_variable(fake_server):
    endpoint = Endpoint(
        fake_server.url, "fake-model", KEY, preset="xai", custom=False, key_var="XAI_API_KEY"
    )
    fake_server.script(Fail(403, "forbidden"))
    with pytest.raises(AuthError, match="XAI_API_KEY"):
        OpenAIModel(endpoint).execute(request())


def test_missing_key_for_a_keyed_preset_fails_before_any_request(fake_server):
    endpoint = Endpoint(fake_server.url, "fake-model", None, "openai", False, "OPENAI_API_KEY")
    with pytest.raises(AuthError, match="OPENAI_API_KEY"):
        OpenAIModel(endpoint).execute(request())
    assert fake_server.requests == []


def test_unknown_model_404(fake_server):
    endpoint = resolve(base_url=fake_server.url, model="gpt-9-ultra", api_key=KEY)
    with pytest.raises(ModelNotFoundError, match="gpt-9-ultra.*--model"):
        OpenAIModel(endpoint).execute(request())


def test_unknown_model_400_wording(fake_server):
    fake_server.script(Fail(400, "fake-model is not a valid model ID"))
    with pytest.raises(ModelNotFoundError, match="fake-model"):
        model_for(fake_server).execute(request(reasoning_effort="high"))
    assert len(fake_server.chat_requests) == 1  # not retried without the optional parameters


def test_default_model_is_the_first_the_server_lists(fake_server):
    endpoint = resolve(base_url=fake_server.url, api_key=KEY)
    assert endpoint is not None and endpoint.model == ""
    fake_server.script(Answer(fenced(GAME)))
    model = OpenAIModel(endpoint)
    model.execute(request())
    assert fake_server.chat_requests[0].body["model"] == "fake-model"
    assert model.label.startswith("fake-model via 127.0.0.1:")


@pytest.mark.slow
def test_429_honours_retry_after_then_succeeds(fake_server):
    fake_server.script(Fail(429, "slow down", headers={"Retry-After": "3"}), Answer(fenced(GAME)))
    waits: list[float] = []
    events: list[Event] = []
    reply = model_for(fake_server, waits).execute(request(), events.append)
    assert waits == [3.0]
    assert extract_code(reply.text) == GAME and reply.extra["tries"] == 2
    retry = [e for e in events if e.kind == "retry"]
    assert len(retry) == 1 and retry[0].detail == {"status": 429, "delay": 3.0}


def test_retry_after_is_bounded_by_the_policy(fake_server):
    fake_server.script(Fail(429, headers={"retry-after-ms": "60000"}), Answer(fenced(GAME)))
    waits: list[float] = []
    model_for(fake_server, waits).execute(request())
    assert waits == [8.0]


def test_429_every_time_gives_rate_limit_error_after_backoff(fake_server):
    fake_server.default = Fail(429, "quota")
    waits: list[float] = []
    with pytest.raises(RateLimitError, match="4 tries"):
        model_for(fake_server, waits).execute(request())
    assert waits == [0.5, 1.0, 2.0]
    assert len(fake_server.chat_requests) == 4


def test_5xx_retried_then_success(fake_server):
    fake_server.script(Fail(503, "overloaded"), Fail(500, "oops"), Answer(fenced(GAME)))
    waits: list[float] = []
    reply = model_for(fake_server, waits).execute(request())
    assert waits == [0.5, 1.0] and extract_code(reply.text) == GAME


def test_5xx_every_time_gives_server_error(fake_server):
    fake_server.default = Fail(502, "bad gateway")
    with pytest.raises(ServerError, match="502"):
        model_for(fake_server).execute(request())


def test_connection_refused_names_the_endpoint():
    url = closed_port_url()
    endpoint = resolve(base_url=url, model="m")
    with pytest.raises(EndpointUnreachable) as info:
        OpenAIModel(endpoint).execute(request())
    assert url in str(info.value) and "--base-url" in str(info.value)


def test_connection_refused_on_a_local_preset_says_how_to_start_it():
    endpoint = Endpoint(closed_port_url(), "qwen", preset="ollama", custom=True)
    with pytest.raises(EndpointUnreachable, match="ollama serve"):
        OpenAIModel(endpoint).execute(request())


@pytest.mark.slow
def test_timeout(fake_server):
    gate = threading.Event()
    fake_server.script(Answer(fenced(GAME), gate=gate))
    try:
        with pytest.raises(ModelTimeout, match="no answer within 0.3s"):
            model_for(fake_server, timeout=0.3).execute(request())
    finally:
        gate.set()


def test_stream_reset_midway_is_truncated_with_its_tokens(fake_server):
    fake_server.script(Answer(fenced(GAME), cut_after=40, cut_mode="reset", chunk_size=10))
    with pytest.raises(TruncatedReply, match="stopped after") as info:
        model_for(fake_server).execute(request())
    assert info.value.usage.completion_tokens > 0 and "```python" in info.value.partial


def test_stream_closed_in_the_prose_before_the_code_is_truncated(fake_server):
    fake_server.script(Answer(fenced(GAME), cut_after=8, cut_mode="eof", chunk_size=4))
    with pytest.raises(TruncatedReply, match="the stream was cut"):
        model_for(fake_server).execute(request())


def test_stream_closed_inside_the_code_is_continued(fake_server):
    cut = fenced(GAME).index("pygame.init")
    fake_server.script(
        Answer(fenced(GAME), cut_after=cut, cut_mode="eof", chunk_size=1),
        Answer(fenced(GAME)[cut + 1 :]),
    )
    reply = model_for(fake_server).execute(request())
    assert extract_code(reply.text) == GAME and reply.extra["continuations"] == 1


def test_reasoning_effort_sent_and_dropped_when_refused(fake_server):
    fake_server.script(
        Fail(400, "Unrecognized request argument supplied: reasoning_effort"),
        Answer(fenced(GAME)),
    )
    reply = model_for(fake_server).execute(request(reasoning_effort="high"))
    first, second = fake_server.chat_requests
    assert first.body["reasoning_effort"] == "high" and "reasoning_effort" not in second.body
    assert reply.extra["dropped_params"] == ["reasoning_effort"]


def test_streaming_refused_falls_back_to_a_plain_request(fake_server):
    fake_server.script(Fail(400, "stream is not supported"), Answer(fenced(GAME)))
    reply = model_for(fake_server).execute(request())
    assert fake_server.chat_requests[1].body.get("stream") is None
    assert extract_code(reply.text) == GAME


def test_max_tokens_renamed_when_refused(fake_server):
    fake_server.script(
        Fail(400, "Unsupported parameter: 'max_tokens'; use 'max_completion_tokens'"),
        Answer(fenced(GAME)),
    )
    model_for(fake_server).execute(request(max_tokens=4000))
    assert fake_server.chat_requests[1].body["max_completion_tokens"] == 4000


def test_max_tokens_too_large_for_the_model_is_left_to_the_server(fake_server):
    too_large = (
        "'max_tokens' or 'max_completion_tokens' is too large: 16384. This model's maximum "
        "context length is 8192 tokens and your request has 900 input tokens"
    )
    fake_server.script(Fail(400, too_large), Fail(400, too_large), Answer(fenced(GAME)))
    reply = model_for(fake_server).execute(request(max_tokens=16384))
    last = fake_server.chat_requests[-1].body
    assert "max_tokens" not in last and "max_completion_tokens" not in last
    assert extract_code(reply.text) == GAME and len(fake_server.chat_requests) == 3


def test_the_preset_output_limit_is_sent_when_the_request_names_none(fake_server):
    fake_server.default = Answer(fenced(GAME))
    model_for(fake_server).execute(request())
    model_for(fake_server, max_tokens=3000).execute(request())
    hosted = Endpoint(fake_server.url, "fake-model", KEY, preset="openai", custom=True)
    OpenAIModel(hosted).execute(request())
    OpenAIModel(hosted).execute(request(max_tokens=1000))  # the request's own wins
    sent = [r.body["max_tokens"] for r in fake_server.chat_requests]
    assert sent == [8192, 3000, 16384, 1000]


def test_other_400_is_a_model_error_with_the_server_message(fake_server):
    fake_server.default = Fail(400, "messages too long for context")
    with pytest.raises(ModelError, match="messages too long"):
        model_for(fake_server).execute(request())


def test_cancel_returns_at_once_while_the_server_is_silent(fake_server):
    gate = threading.Event()
    fake_server.script(Answer(fenced(GAME), gate=gate))
    model = model_for(fake_server)
    outcome: dict[str, BaseException] = {}

    def run() -> None:
        try:
            model.execute(request())
        except ModelError as exc:
            outcome["error"] = exc

    thread = threading.Thread(target=run)
    thread.start()
    try:
        assert fake_server.wait_for_requests(1)
        model.cancel()
        thread.join(timeout=5)
        assert not thread.is_alive()
        assert str(outcome["error"]) == "cancelled"
        with pytest.raises(ModelError, match="cancelled"):
            model.execute(request())
    finally:
        gate.set()


def test_openai_key_never_sent_to_a_custom_base_url(fake_server, monkeypatch):
    monkeypatch.setenv("OPENAI_API_KEY", KEY)
    fake_server.default = Answer(fenced(GAME))
    endpoint = resolve(base_url=fake_server.url, model="fake-model")
    assert endpoint is not None and endpoint.api_key is None
    OpenAIModel(endpoint).execute(request())
    # The same through the conventional OPENAI_BASE_URL.
    monkeypatch.setenv("OPENAI_BASE_URL", fake_server.url)
    endpoint = resolve(model="fake-model")
    assert endpoint is not None and endpoint.base_url == fake_server.url
    OpenAIModel(endpoint).execute(request())
    for rec in fake_server.chat_requests:
        assert rec.authorization == f"Bearer {NO_KEY}"
        assert KEY not in str(rec.headers) and KEY not in str(rec.body)


def test_studio_key_is_sent_to_a_custom_base_url(fake_server, monkeypatch):
    monkeypatch.setenv("OPENAI_API_KEY", "sk-openai-must-not-leave-0000")
    monkeypatch.setenv("STUDIO_API_KEY", KEY)
    fake_server.default = Answer(fenced(GAME))
    OpenAIModel(resolve(base_url=fake_server.url, model="fake-model")).execute(request())
    assert fake_server.chat_requests[0].authorization == f"Bearer {KEY}"


def test_reply_extra_never_holds_the_key(fake_server):
    fake_server.script(Answer(fenced(GAME)))
    model = model_for(fake_server)
    reply = model.execute(request())
    assert KEY not in repr(reply) and KEY not in repr(model) and KEY not in repr(model.endpoint)


def test_an_exception_from_on_event_reaches_the_caller_as_it_is(fake_server):
    class Stop(Exception):
        pass

    fake_server.script(Answer(fenced(GAME), chunk_size=4))
    seen: list[Event] = []

    def on_event(event: Event) -> None:
        seen.append(event)
        if len(seen) == 3:
            raise Stop("the caller's cancel")

    with pytest.raises(Stop, match="the caller's cancel"):
        model_for(fake_server).execute(request(), on_event)
    assert len(seen) == 3
