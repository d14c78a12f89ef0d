"""Issue 14, items 12 and 13: an endpoint that is no API, and one that hangs or stalls.

Against the real fake server: a web page is reported as such (status, content type), not as
"the stream was cut"; a server that never answers, or goes silent mid-reply, is given up on
after the configured first-token / idle timeouts, while a slow stream is never cut. The
settings come from the flag, the environment or the config file, in that order.
"""

from __future__ import annotations

import threading
import time

import pytest
from typer.testing import CliRunner

from studio.cli import app
from studio.errors import ConfigError, ModelNotFoundError, ModelTimeout, NotOpenAICompatible
from studio.models import config as store
from studio.models.base import Request
from studio.models.client import OpenAIModel
from studio.models.endpoints import resolve
from studio.models.reply import extract_code
from studio.models.tuning import Timeouts, resolve_tuning

from .conftest import Answer, Fail, FakeServer, Page, fenced

GAME = (
    "import pygame\n\n\ndef main():\n    pygame.init()\n\n\n"
    "if __name__ == '__main__':\n    main()\n"
)


def request() -> Request:
    return Request(prompt="a game", messages=[{"role": "user", "content": "make a game"}])


def model_for(server: FakeServer, **kw) -> OpenAIModel:
    endpoint = resolve(base_url=server.url, model="fake-model", api_key="k")
    assert endpoint is not None
    return OpenAIModel(endpoint, **kw)


# -- item 12: a web page instead of the API --------------------------------------------------


@pytest.mark.parametrize("stream", [True, False])
def test_a_web_page_is_not_an_openai_api(fake_server, stream):
    fake_server.script(Page())
    with pytest.raises(NotOpenAICompatible) as info:
        model_for(fake_server, stream=stream).execute(request())
    message = str(info.value)
    assert "did not answer as an OpenAI-compatible API" in message
    assert "HTTP 200" in message and "text/html" in message
    assert "<!DOCTYPE html>" in message and "/v1" in message and "--base-url" in message
    assert "stream was cut" not in message


def test_a_web_page_with_an_error_status_is_not_a_missing_model(fake_server):
    fake_server.script(Page(status=404, body="<html><body><h1>Not Found</h1></body></html>"))
    with pytest.raises(NotOpenAICompatible, match="HTTP 404 with Content-Type text/html"):
        model_for(fake_server).execute(request())


@pytest.mark.parametrize("stream", [True, False])
def test_plain_text_at_a_wrong_path_is_not_an_openai_api(fake_server, stream):
    """Ollama's root without /v1: 404 text/plain; its banner: 200 text/plain."""
    fake_server.script(
        Page(status=404, content_type="text/plain", body="404 page not found"),
        Page(status=200, content_type="text/plain; charset=utf-8", body="Ollama is running"),
    )
    model = model_for(fake_server, stream=stream)
    with pytest.raises(NotOpenAICompatible, match="HTTP 404 with Content-Type text/plain"):
        model.execute(request())
    with pytest.raises(NotOpenAICompatible, match="HTTP 200 with Content-Type text/plain"):
        model.execute(request())


def test_a_json_404_is_still_a_missing_model(fake_server):
    with pytest.raises(ModelNotFoundError):
        OpenAIModel(resolve(base_url=fake_server.url, model="nope", api_key="k")).execute(request())


def test_a_server_that_ignores_stream_and_answers_json_is_read(fake_server):
    """Not a fault: some servers answer one JSON object even when asked to stream."""

    def plain_json(rec):
        rec.body.pop("stream")
        return Answer(fenced(GAME))

    fake_server.handler = plain_json
    reply = model_for(fake_server).execute(request())
    assert extract_code(reply.text) == GAME and reply.finish_reason == "stop"


# -- item 13: hung and stalled servers -------------------------------------------------------


def test_a_hung_server_is_given_up_after_the_first_token_timeout(fake_server):
    gate = threading.Event()
    fake_server.script(Answer(fenced(GAME), gate=gate))
    model = model_for(fake_server, timeouts=Timeouts(first_token=0.4, idle=5))
    started = time.monotonic()
    try:
        with pytest.raises(ModelTimeout) as info:
            model.execute(request())
    finally:
        gate.set()
    assert time.monotonic() - started < 4
    message = str(info.value)
    assert "within 0.4s" in message and "first token" in message
    assert "--timeout" in message and "studio config set timeout" in message
    assert "STUDIO_TIMEOUT" in message and "raise the timeout" not in message


@pytest.mark.slow
def test_a_stream_that_stalls_is_given_up_after_the_idle_timeout(fake_server):
    release = threading.Event()
    fake_server.script(Answer(fenced(GAME), chunk_size=10, stall_after=40, release=release))
    model = model_for(fake_server, timeouts=Timeouts(first_token=30, idle=0.4))
    started = time.monotonic()
    try:
        with pytest.raises(ModelTimeout) as info:
            model.execute(request())
    finally:
        release.set()
    assert time.monotonic() - started < 4  # not the 30 s first-token allowance
    message = str(info.value)
    assert "stopped sending for 0.4s" in message and "after 40 characters" in message
    assert "--idle-timeout" in message and "STUDIO_IDLE_TIMEOUT" in message


@pytest.mark.slow
def test_a_slow_stream_is_never_cut(fake_server):
    """Longer in all than both timeouts, but never silent for long: it finishes."""
    fake_server.script(Answer(fenced(GAME), chunk_size=4, chunk_delay=0.04))
    model = model_for(fake_server, timeouts=Timeouts(first_token=0.5, idle=0.5))
    started = time.monotonic()
    reply = model.execute(request())
    assert extract_code(reply.text) == GAME
    assert time.monotonic() - started > 0.5  # it took longer than either limit


@pytest.mark.slow
def test_a_plain_request_may_take_longer_than_the_streaming_limits(fake_server):
    """A server that cannot stream sends the whole reply at once, after it is written."""
    fake_server.script(Fail(400, "stream is not supported"), Answer(fenced(GAME), delay=1.8))
    model = model_for(fake_server, timeouts=Timeouts(first_token=0.3, idle=0.3))
    reply = model.execute(request())
    assert extract_code(reply.text) == GAME and reply.extra["dropped_params"] == ["stream"]


@pytest.mark.slow
def test_thinking_counts_as_the_first_token(fake_server):
    fake_server.script(
        Answer(fenced(GAME), reasoning="plan " * 60, chunk_size=10, chunk_delay=0.02)
    )
    model = model_for(fake_server, timeouts=Timeouts(first_token=0.5, idle=0.5))
    assert extract_code(model.execute(request()).text) == GAME


def test_defaults_notice_a_stalled_server_well_under_a_minute():
    defaults = Timeouts()
    assert defaults.idle <= 30 and defaults.first_token < 60 and defaults.connect <= 10
    # The HTTP client's own read timeout is only a backstop behind the watch.
    assert defaults.backstop < 60


# -- the settings: flag, then environment, then config file ----------------------------------


def test_tuning_lookup_order_matches_the_endpoint_settings():
    store.set_setting("timeout", "90")
    store.set_setting("idle_timeout", "12")
    store.set_setting("max_tokens", "12000")
    tuning = resolve_tuning(env={})
    assert (tuning.timeouts.first_token, tuning.timeouts.idle, tuning.max_tokens) == (
        90,
        12,
        12000,
    )
    assert "config file" in tuning.source("timeout")
    env = {"STUDIO_TIMEOUT": "30", "STUDIO_IDLE_TIMEOUT": "8", "STUDIO_MAX_TOKENS": "9000"}
    tuning = resolve_tuning(env=env)
    assert (tuning.timeouts.first_token, tuning.timeouts.idle, tuning.max_tokens) == (30, 8, 9000)
    assert tuning.source("idle_timeout") == "STUDIO_IDLE_TIMEOUT"
    tuning = resolve_tuning(timeout=5, idle_timeout=3, max_tokens=4096, env=env)
    assert (tuning.timeouts.first_token, tuning.timeouts.idle, tuning.max_tokens) == (5, 3, 4096)
    assert tuning.source("max_tokens") == "--max-tokens"


def test_bad_values_name_their_source_and_the_fix():
    with pytest.raises(ConfigError, match="STUDIO_TIMEOUT must be a number of seconds"):
        resolve_tuning(env={"STUDIO_TIMEOUT": "soon"})
    with pytest.raises(ConfigError, match="--idle-timeout must be"):
        resolve_tuning(idle_timeout=0, env={})
    with pytest.raises(ConfigError, match="STUDIO_MAX_TOKENS must be a whole number"):
        resolve_tuning(env={"STUDIO_MAX_TOKENS": "12.5"})


def test_config_set_stores_checked_timeouts():
    runner = CliRunner()
    result = runner.invoke(app, ["config", "set", "timeout", "120"])
    assert result.exit_code == 0, result.output
    result = runner.invoke(app, ["config", "set", "idle_timeout", "15"])
    assert result.exit_code == 0, result.output
    assert store.load_config() == {"timeout": "120", "idle_timeout": "15"}
    result = runner.invoke(app, ["config", "set", "idle_timeout", "0"])
    assert result.exit_code == 2 and "above 0" in result.output
    result = runner.invoke(app, ["config", "show"])
    assert "timeout: 120" in result.output and "idle_timeout: 15" in result.output
    result = runner.invoke(
        app,
        ["models", "--preset", "ollama"],
        env={"STUDIO_TIMEOUT": "50", "TTY_COMPATIBLE": "1", "TERM": "dumb"},  # a terminal
    )
    out = " ".join(result.output.split())
    assert "50s for the first token (STUDIO_TIMEOUT)" in out
    assert "15s of silence mid-reply (config file" in out and "max_tokens 8192" in out


@pytest.mark.slow
def test_make_gives_up_on_a_hung_endpoint_with_the_timeout_flag(tmp_path):
    """Through `studio make`: a server that never answers fails the attempt in seconds."""
    gate = threading.Event()
    with FakeServer() as server:
        server.default = Answer(fenced(GAME), gate=gate)
        argv = [
            "make", "a game", "--attempts", "1", "--repairs", "0", "--seconds", "3",
            "--gallery", str(tmp_path / "games"), "--base-url", server.url,
            "--model", "fake-model", "--timeout", "0.5",
        ]  # fmt: skip
        started = time.monotonic()
        try:
            result = CliRunner().invoke(app, argv, catch_exceptions=False)
        finally:
            gate.set()
    assert time.monotonic() - started < 20
    assert result.exit_code == 1, result.output
    output = " ".join(result.output.split())
    assert "ModelTimeout" in output and "within 0.5s" in output


@pytest.mark.slow
def test_make_reads_the_timeout_from_the_environment(tmp_path, monkeypatch):
    gate = threading.Event()
    monkeypatch.setenv("STUDIO_TIMEOUT", "0.5")
    store.set_setting("timeout", "300")  # the environment comes before the config file
    with FakeServer() as server:
        server.default = Answer(fenced(GAME), gate=gate)
        argv = [
            "make", "a game", "--attempts", "1", "--repairs", "0", "--seconds", "3",
            "--gallery", str(tmp_path / "games"), "--base-url", server.url,
            "--model", "fake-model",
        ]  # fmt: skip
        try:
            result = CliRunner().invoke(app, argv, catch_exceptions=False)
        finally:
            gate.set()
    assert result.exit_code == 1 and "within 0.5s" in " ".join(result.output.split())
