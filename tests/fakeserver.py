"""A real OpenAI-compatible HTTP server on 127.0.0.1 for tests and benchmarks, scripted per test.

Besides answers and HTTP errors it can misbehave the ways real endpoints do: a web page
instead of the API (``Page``), a reply withheld until an Event is set (``Answer.gate``: a hung
server), a stream that stalls part way (``Answer.stall_after`` / ``release``), a stream cut
(``cut_after``), a reply cut at the output limit (``finish_reason="length"``).

    with FakeServer() as server:
        server.script(Answer(fenced(GAME)), Fail(429, headers={"Retry-After": "2"}), Answer(...))
        endpoint = resolve(base_url=server.url, model="fake-model", api_key="k")
        ...
        assert server.requests[0].authorization == "Bearer k"

It speaks ``POST /v1/chat/completions`` (plain JSON, or SSE when ``stream`` is true: content
and ``reasoning_content`` deltas, a finish_reason, a usage chunk when ``stream_options``
asks for it, ``data: [DONE]``) and ``GET /v1/models``. Every request is recorded (headers
lower-cased, JSON body). Responses come from ``script()`` in order, else from ``handler``
(a callable of the recorded request), else ``default``.
"""

from __future__ import annotations

import json
import socket
import struct
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest


@dataclass
class Recorded:
    """One request the server received."""

    method: str
    path: str
    headers: dict[str, str]
    body: Any

    @property
    def authorization(self) -> str | None:
        return self.headers.get("authorization")

    @property
    def partial(self) -> str | None:
        """For a continuation request (the reply so far as the assistant turn, then a user
        turn asking for the rest): the reply so far; None for any other request."""
        messages = (self.body or {}).get("messages", []) if isinstance(self.body, dict) else []
        if len(messages) >= 2 and messages[-2].get("role") == "assistant":
            return str(messages[-2].get("content", ""))
        return None

    @property
    def text(self) -> str:
        """All message contents of a chat request, joined (for asserting on prompts)."""
        messages = (self.body or {}).get("messages", []) if isinstance(self.body, dict) else []
        return "\n".join(str(m.get("content", "")) for m in messages)


@dataclass
class Answer:
    """A chat reply. ``reasoning`` goes out in ``reasoning_field`` deltas before the text."""

    text: str = ""
    reasoning: str = ""
    reasoning_field: str = "reasoning_content"
    finish_reason: str | None = "stop"  # None: the stream ends without one
    usage: tuple[int, int] | None = None  # (prompt, completion); None: estimated
    send_usage: bool = True
    chunk_size: int = 24
    delay: float = 0.0  # seconds before answering (benchmarks; ends early on close)
    chunk_delay: float = 0.0  # seconds between streamed chunks
    gate: threading.Event | None = None  # answer only once this is set
    cut_after: int | None = None  # close the connection after this many characters
    cut_mode: str = "eof"  # "eof" (clean close) or "reset" (TCP reset)
    model: str | None = None
    #: Stall after this many characters of text (the stream stays open, silent) until
    #: ``release`` is set or the server closes: a server that hangs mid-reply.
    stall_after: int | None = None
    release: threading.Event | None = None


@dataclass
class Fail:
    """An HTTP error answer, shaped like OpenAI's."""

    status: int
    message: str = "scripted failure"
    headers: dict[str, str] = field(default_factory=dict)
    code: str | None = None
    body: Any = None  # raw JSON body instead of the OpenAI shape


@dataclass
class Page:
    """An answer that is no API's: a web page at a wrong base URL, a proxy's notice."""

    status: int = 200
    body: str = (
        "<!DOCTYPE html>\n<html><head><title>Open WebUI</title></head>"
        '<body><div id="app">Loading...</div></body></html>\n'
    )
    content_type: str = "text/html; charset=utf-8"


Response = Answer | Fail | Page


def fenced(
    code: str, lang: str = "python", before: str = "Here is the game.", after: str = ""
) -> str:
    """A typical model answer: prose, the code in a fence, more prose."""
    return f"{before}\n\n```{lang}\n{code.strip()}\n```\n\n{after}".strip() + "\n"


def closed_port_url() -> str:
    """A base URL on 127.0.0.1 where nothing listens (connection refused)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}/v1"


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A client that hung up (cancelled, timed out) is not the server's problem.
        if not isinstance(sys.exc_info()[1], ConnectionError | TimeoutError):
            super().handle_error(request, client_address)


class FakeServer:
    """The server; a context manager. ``url`` is the base URL (ends in /v1)."""

    def __init__(self, models: tuple[str, ...] = ("fake-model",), check_model: bool = True):
        self.models = list(models)
        self.check_model = check_model
        self.requests: list[Recorded] = []
        self.default: Response | None = None
        self.handler: Callable[[Recorded], Response] | None = None
        self.models_page: Page | None = None  # GET /models answers with this page instead
        self.closing = threading.Event()
        self._queue: deque[Response] = deque()
        self._cond = threading.Condition()
        self._httpd = _Server(("127.0.0.1", 0), _Handler)
        self._httpd.fake = self  # type: ignore[attr-defined]
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._httpd.server_address[1]}/v1"

    def start(self) -> FakeServer:
        self._thread.start()
        return self

    def close(self) -> None:
        self.closing.set()
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)

    def __enter__(self) -> FakeServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.close()

    def script(self, *responses: Response) -> FakeServer:
        """Queue responses for the next chat requests, in order."""
        with self._cond:
            self._queue.extend(responses)
        return self

    @property
    def chat_requests(self) -> list[Recorded]:
        return [r for r in self.requests if r.path.endswith("/chat/completions")]

    def wait_for_requests(self, count: int, timeout: float = 10.0) -> bool:
        """Block until ``count`` chat requests arrived (True) or ``timeout`` passed."""
        with self._cond:
            return self._cond.wait_for(lambda: len(self.chat_requests) >= count, timeout)

    def _record(self, rec: Recorded) -> Response | None:
        with self._cond:
            self.requests.append(rec)
            self._cond.notify_all()
            if not rec.path.endswith("/chat/completions"):
                return None
            if self._queue:
                return self._queue.popleft()
        if self.handler is not None:
            return self.handler(rec)
        return self.default


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.0"  # one request per connection; bodies end at close

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        pass

    @property
    def fake(self) -> FakeServer:
        return self.server.fake  # type: ignore[attr-defined]

    def _recorded(self, body: Any) -> Recorded:
        headers = {k.lower(): v for k, v in self.headers.items()}
        return Recorded(self.command, self.path, headers, body)

    def do_GET(self) -> None:  # noqa: N802
        self.fake._record(self._recorded(None))
        if self.path.rstrip("/").endswith("/models") and self.fake.models_page is not None:
            self._page(self.fake.models_page)
        elif self.path.rstrip("/").endswith("/models"):
            data = [{"id": m, "object": "model", "owned_by": "fake"} for m in self.fake.models]
            self._json(200, {"object": "list", "data": data})
        else:
            self._json(404, {"error": {"message": f"no route {self.path}"}})

    def do_POST(self) -> None:  # noqa: N802
        length = int(self.headers.get("content-length") or 0)
        raw = self.rfile.read(length) if length else b""
        try:
            body = json.loads(raw or b"null")
        except json.JSONDecodeError:
            body = raw.decode("utf-8", "replace")
        response = self.fake._record(self._recorded(body))
        if not self.path.endswith("/chat/completions"):
            self._json(404, {"error": {"message": f"no route {self.path}"}})
            return
        model = body.get("model") if isinstance(body, dict) else None
        if self.fake.check_model and model not in self.fake.models:
            msg = f"The model `{model}` does not exist or you do not have access to it."
            self._json(404, _error(msg, "model_not_found"))
            return
        if response is None:
            self._json(500, _error("fake server: no scripted response left", "script_empty"))
        elif isinstance(response, Page):
            self._page(response)
        elif isinstance(response, Fail):
            payload = (
                response.body
                if response.body is not None
                else _error(response.message, response.code)
            )
            self._json(response.status, payload, response.headers)
        else:
            self._wait(response)
            if isinstance(body, dict) and body.get("stream"):
                self._stream(response, body, model)
            else:
                self._plain(response, body, model)

    def _wait(self, answer: Answer) -> None:
        if answer.delay:
            self.fake.closing.wait(answer.delay)
        if answer.gate is not None:
            while not answer.gate.wait(0.05) and not self.fake.closing.is_set():
                pass

    def _page(self, page: Page) -> None:
        data = page.body.encode()
        self.send_response(page.status)
        self.send_header("Content-Type", page.content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _json(self, status: int, payload: Any, headers: dict[str, str] | None = None) -> None:
        data = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(data)

    def _plain(self, answer: Answer, body: dict[str, Any], model: str | None) -> None:
        message: dict[str, Any] = {"role": "assistant", "content": answer.text}
        if answer.reasoning:
            message[answer.reasoning_field] = answer.reasoning
        payload = {
            "id": "chatcmpl-fake",
            "object": "chat.completion",
            "created": int(time.time()),
            "model": answer.model or model,
            "choices": [
                {"index": 0, "message": message, "finish_reason": answer.finish_reason or "stop"}
            ],
            "usage": _usage(answer, body),
        }
        self._json(200, payload)

    def _stream(self, answer: Answer, body: dict[str, Any], model: str | None) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-cache")
        self.end_headers()
        base = {
            "id": "chatcmpl-fake",
            "object": "chat.completion.chunk",
            "created": int(time.time()),
            "model": answer.model or model,
        }
        sent = 0
        stalled = False
        pieces = [(answer.reasoning_field, p) for p in _chunks(answer.reasoning, answer)]
        pieces += [("content", p) for p in _chunks(answer.text, answer)]
        self._event({**base, "choices": [{"index": 0, "delta": {"role": "assistant"}}]})
        for name, piece in pieces:
            if answer.cut_after is not None and sent + len(piece) > answer.cut_after:
                self._event({**base, "choices": [{"index": 0, "delta": {name: piece[:1]}}]})
                self._cut(answer.cut_mode)
                return
            delta = {"index": 0, "delta": {name: piece}, "finish_reason": None}
            self._event({**base, "choices": [delta]})
            sent += len(piece)
            if answer.stall_after is not None and not stalled and sent >= answer.stall_after:
                stalled = True  # once: silent, the connection open, until released
                while not self.fake.closing.is_set():
                    if answer.release is not None and answer.release.wait(0.05):
                        break
                    if answer.release is None:
                        self.fake.closing.wait(0.05)
            if answer.chunk_delay:
                self.fake.closing.wait(answer.chunk_delay)
        if answer.finish_reason is None:
            self.wfile.flush()
            return  # the body ends at close: no finish_reason, no [DONE]
        end = {"index": 0, "delta": {}, "finish_reason": answer.finish_reason}
        self._event({**base, "choices": [end]})
        options = body.get("stream_options") or {}
        if answer.send_usage and options.get("include_usage"):
            self._event({**base, "choices": [], "usage": _usage(answer, body)})
        self.wfile.write(b"data: [DONE]\n\n")
        self.wfile.flush()

    def _event(self, payload: dict[str, Any]) -> None:
        self.wfile.write(b"data: " + json.dumps(payload).encode() + b"\n\n")
        self.wfile.flush()

    def _cut(self, mode: str) -> None:
        self.wfile.flush()
        if mode == "reset":
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.close_connection = True
        self.connection.close()


def _error(message: str, code: str | None) -> dict[str, Any]:
    return {"error": {"message": message, "type": "invalid_request_error", "code": code}}


def _chunks(text: str, answer: Answer) -> Iterator[str]:
    size = max(1, answer.chunk_size)
    for i in range(0, len(text), size):
        yield text[i : i + size]


def _usage(answer: Answer, body: dict[str, Any]) -> dict[str, int]:
    if answer.usage is not None:
        prompt, completion = answer.usage
    else:
        messages = body.get("messages", []) if isinstance(body, dict) else []
        prompt = sum(len(str(m.get("content", ""))) for m in messages) // 4
        completion = (len(answer.text) + len(answer.reasoning)) // 4
    return {
        "prompt_tokens": prompt,
        "completion_tokens": completion,
        "total_tokens": prompt + completion,
    }


@pytest.fixture
def fake_server() -> Iterator[FakeServer]:
    """A started ``FakeServer``, closed after the test."""
    with FakeServer() as server:
        yield server
