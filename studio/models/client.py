"""``OpenAIModel``: any OpenAI-compatible chat-completions endpoint as a studio ``Model``.

Streams by default (thinking and text reach ``on_event`` as they arrive, with a running token
count, usage at the end), falls back to a plain request where streaming or one of the optional
parameters is refused, retries 429/5xx with backoff honouring ``Retry-After`` and maps every
fault to ``studio.errors``. The key goes only into the client's Authorization header.
"""

from __future__ import annotations

import contextlib
import dataclasses
import threading
import time
from collections.abc import Callable
from typing import Any

import openai

from studio.errors import AuthError, ModelError, ModelNotFoundError, StudioError, TruncatedReply
from studio.models.base import Event, EventSink, Reply, Request, Usage
from studio.models.endpoints import Endpoint, scrub
from studio.models.faults import (
    RetryPolicy,
    connection_error,
    is_retryable,
    is_unknown_model,
    retry_after,
    server_message,
    status_error,
)
from studio.models.reply import ThinkSplitter, split_thinking

#: Sent when the endpoint needs no key (the client insists on one); never a real key.
NO_KEY = "no-key"
#: Optional request parameters dropped, in this order, when an endpoint rejects them (400).
_OPTIONAL = ("reasoning_effort", "stream_options", "seed", "temperature")


def estimate_tokens(text: str) -> int:
    return max(1, round(len(text) / 4)) if text else 0


class _Stream:
    """What one streamed (or plain) reply accumulates."""

    def __init__(self, on_event: EventSink | None) -> None:
        self.on_event = on_event
        self.content: list[str] = []
        self.reasoning: list[str] = []
        self.splitter = ThinkSplitter()
        self.tokens = 0
        self.finish = ""
        self.usage: Any = None
        self.model = ""

    def emit(self, kind: str, text: str = "", **detail: Any) -> None:
        if self.on_event is not None and (text or kind not in ("thinking", "text")):
            self.on_event(Event(kind=kind, text=text, tokens=self.tokens, detail=detail))

    def add(self, reasoning: str | None, content: str | None) -> None:
        if reasoning:
            self.reasoning.append(reasoning)
            self.tokens += estimate_tokens(reasoning)
            self.emit("thinking", reasoning)
        if content:
            self.content.append(content)
            self.tokens += estimate_tokens(content)
            for kind, piece in self.splitter.feed(content):
                self.emit(kind, piece)

    def chars(self) -> int:
        return sum(map(len, self.content)) + sum(map(len, self.reasoning))


def _reasoning(obj: Any) -> str | None:
    value = getattr(obj, "reasoning_content", None) or getattr(obj, "reasoning", None)
    return value if isinstance(value, str) else None


class OpenAIModel:
    """A studio ``Model`` over the official ``openai`` client."""

    source = "model"

    def __init__(
        self,
        endpoint: Endpoint,
        *,
        timeout: float = 300.0,
        connect_timeout: float = 10.0,
        retry: RetryPolicy | None = None,
        stream: bool = True,
        wait: Callable[[float], Any] | None = None,
    ) -> None:
        self.endpoint = endpoint
        self.timeout = timeout
        self.retry = retry or RetryPolicy()
        self.stream = stream
        self._cancelled = threading.Event()
        self._wait = wait or self._cancelled.wait
        self._model = endpoint.model
        self._lock = threading.Lock()
        self._model_lock = threading.Lock()
        self._waiting: set[threading.Event] = set()
        self._responses: set[Any] = set()
        self.client = openai.OpenAI(
            base_url=endpoint.base_url,
            # Always explicit: with None the client would read OPENAI_API_KEY itself.
            api_key=endpoint.api_key or NO_KEY,
            max_retries=0,
            timeout=openai.Timeout(timeout, connect=connect_timeout),
        )

    @property
    def label(self) -> str:
        return dataclasses.replace(self.endpoint, model=self._model).label

    def __repr__(self) -> str:
        return f"OpenAIModel({self.label!r}, base_url={self.endpoint.base_url!r})"

    def cancel(self) -> None:
        """Stop every call in flight and every later one (Ctrl-C, ``--first``): each raises
        ``ModelError("cancelled")`` at once; open streams are closed."""
        self._cancelled.set()
        with self._lock:
            waiting, self._waiting = list(self._waiting), set()
            responses = list(self._responses)
        for done in waiting:
            done.set()
        for response in responses:
            with contextlib.suppress(Exception):
                response.close()

    # -- the Model interface -------------------------------------------------------------

    def execute(self, request: Request, on_event: EventSink | None = None) -> Reply:
        """Answer ``request``; the HTTP work runs in a helper thread so that ``cancel()``
        returns control at once even while a request waits on a silent server."""
        self._check_cancelled()
        box: dict[str, Any] = {}
        done = threading.Event()

        def sink(event: Event) -> None:
            if on_event is not None and not self._cancelled.is_set():
                try:
                    on_event(event)
                except BaseException as exc:
                    box["callback"] = exc  # the caller's own way out: re-raised as it is
                    raise

        def work() -> None:
            try:
                box["reply"] = self._execute(request, sink)
            except BaseException as exc:
                box["error"] = exc
                if exc is box.get("callback") or isinstance(exc, StudioError):
                    return
                if not isinstance(exc, Exception):
                    return  # SystemExit and friends: re-raised in the caller's thread
                # The client raised something it does not wrap.
                said = scrub(f"{type(exc).__name__}: {exc}", self.endpoint.api_key)
                box["error"] = ModelError(f"{self.endpoint.base_url}: {said}")
            finally:
                done.set()

        with self._lock:
            self._waiting.add(done)
        threading.Thread(target=work, name=f"model-attempt-{request.attempt}", daemon=True).start()
        done.wait()
        with self._lock:
            self._waiting.discard(done)
        if "reply" in box and not self._cancelled.is_set():
            return box["reply"]
        self._check_cancelled()
        raise box["error"]

    def _execute(self, request: Request, on_event: EventSink) -> Reply:
        started = time.monotonic()
        if self.endpoint.needs_key and not self.endpoint.api_key:
            raise AuthError(
                f"no API key for {self.endpoint.label}: set {self.endpoint.key_var} (or pass "
                "--api-key, or run `studio config set api_key KEY`)."
            )
        model = self.model_name()
        params: dict[str, Any] = {"model": model, "messages": request.messages}
        optional = {
            "reasoning_effort": request.reasoning_effort,
            "max_tokens": request.max_tokens,
            "temperature": request.temperature,
            "seed": request.seed if request.seed else None,
        }
        params.update({k: v for k, v in optional.items() if v is not None})
        stream = self.stream
        if stream:
            params["stream_options"] = {"include_usage": True}
        acc, dropped, tries = self._call(params, stream, model, on_event)
        return self._reply(acc, request, model, dropped, tries, time.monotonic() - started)

    def model_name(self) -> str:
        """The model to ask for; with none configured, the first one the server lists."""
        with self._model_lock:
            if self._model:
                return self._model
            try:
                served = [m.id for m in self.client.models.list()]
            except openai.APIStatusError as exc:
                raise status_error(exc, self.endpoint, "(default)", 1) from None
            except openai.APIConnectionError as exc:
                raise connection_error(exc, self.endpoint, self.timeout) from None
            if not served:
                raise ModelNotFoundError(
                    f"{self.endpoint.base_url} serves no model; load one, or name one with "
                    "--model / `studio config set model NAME`."
                )
            self._model = served[0]
            return self._model

    # -- one call, with retries and parameter fallbacks ------------------------------------

    def _call(
        self, params: dict[str, Any], stream: bool, model: str, on_event: EventSink | None
    ) -> tuple[_Stream, list[str], int]:
        dropped: list[str] = []
        tries = 0
        while True:
            self._check_cancelled()
            acc = _Stream(on_event)
            try:
                if stream:
                    self._stream(params, acc)
                else:
                    self._plain(params, acc)
                return acc, dropped, tries + 1
            except openai.APIStatusError as exc:
                self._check_cancelled()
                status, key = exc.status_code, self.endpoint.api_key
                if is_retryable(status) and tries < self.retry.retries:
                    delay = self.retry.delay(tries, retry_after(exc.response.headers))
                    tries += 1
                    said = server_message(exc, self.endpoint.api_key)
                    acc.emit("retry", f"{status} {said}"[:120], status=status, delay=delay)
                    self._wait(delay)
                    continue
                if status == 400 and len(dropped) < 4 and not is_unknown_model(exc, key):
                    fix = self._fallback(exc, params, stream)
                    if fix:
                        dropped.append(fix)
                        stream = stream and fix != "stream"
                        acc.emit("status", f"endpoint refused {fix}; retrying without it")
                        continue
                raise status_error(exc, self.endpoint, model, tries + 1) from None
            except openai.APIConnectionError as exc:
                self._check_cancelled()
                raise connection_error(exc, self.endpoint, self.timeout) from None
            except openai.OpenAIError as exc:
                self._check_cancelled()
                said = (
                    server_message(exc, self.endpoint.api_key)
                    if isinstance(exc, openai.APIError)
                    else str(exc)
                )
                raise ModelError(f"{self.endpoint.base_url}: {said}") from None

    def _fallback(self, exc: openai.APIStatusError, params: dict[str, Any], stream: bool) -> str:
        """Adjust ``params`` after a 400 that names an optional parameter; '' if none fits."""
        said = server_message(exc, self.endpoint.api_key).lower()
        if "max_tokens" in params and "max_tokens" in said:
            params["max_completion_tokens"] = params.pop("max_tokens")
            return "max_tokens"
        for name in _OPTIONAL:
            if name in params and name in said:
                del params[name]
                return name
        if stream and "stream" in said:
            params.pop("stream_options", None)
            return "stream"
        # Unnamed rejection: drop the reasoning effort (often refused without a clear name).
        if "reasoning_effort" in params:
            del params["reasoning_effort"]
            return "reasoning_effort"
        return ""

    def _check_cancelled(self) -> None:
        if self._cancelled.is_set():
            raise ModelError("cancelled")

    def _stream(self, params: dict[str, Any], acc: _Stream) -> None:
        response = self.client.chat.completions.create(**params, stream=True)
        with self._lock:
            self._responses.add(response)
        try:
            for chunk in response:
                if self._cancelled.is_set():
                    break
                acc.model = chunk.model or acc.model
                if chunk.usage is not None:
                    acc.usage = chunk.usage
                for choice in chunk.choices[:1]:
                    delta = choice.delta
                    acc.add(_reasoning(delta), delta.content if delta else None)
                    if choice.finish_reason:
                        acc.finish = choice.finish_reason
        except openai.APITimeoutError:
            raise
        except openai.APIConnectionError:
            self._check_cancelled()
            raise self._truncated(acc) from None
        finally:
            with self._lock:
                self._responses.discard(response)
            response.close()
        self._check_cancelled()
        if not acc.finish:
            raise self._truncated(acc)

    def _truncated(self, acc: _Stream) -> TruncatedReply:
        return TruncatedReply(
            f"the reply from {self.endpoint.base_url} stopped after {acc.chars()} characters "
            "without finishing (the stream was cut); try again."
        )

    def _plain(self, params: dict[str, Any], acc: _Stream) -> None:
        params = {k: v for k, v in params.items() if k != "stream_options"}
        completion = self.client.chat.completions.create(**params)
        if not completion.choices:
            raise ModelError(f"{self.endpoint.base_url} answered with no choices")
        choice = completion.choices[0]
        acc.model = completion.model or ""
        acc.usage = completion.usage
        acc.add(_reasoning(choice.message), choice.message.content)
        acc.finish = choice.finish_reason or "stop"

    # -- the finished reply ------------------------------------------------------------------

    def _reply(
        self,
        acc: _Stream,
        request: Request,
        model: str,
        dropped: list[str],
        tries: int,
        seconds: float,
    ) -> Reply:
        for kind, piece in acc.splitter.flush():
            acc.emit(kind, piece)
        raw = "".join(acc.content)
        tag_thinking, answer = split_thinking(raw)
        thinking = "\n".join(t for t in ("".join(acc.reasoning).strip(), tag_thinking) if t)
        usage = Usage()
        estimated = acc.usage is None
        if acc.usage is not None:
            details = getattr(acc.usage, "completion_tokens_details", None)
            usage = Usage(
                prompt_tokens=acc.usage.prompt_tokens or 0,
                completion_tokens=acc.usage.completion_tokens or 0,
                reasoning_tokens=getattr(details, "reasoning_tokens", 0) or 0,
            )
        else:
            chars = sum(len(str(m.get("content", ""))) for m in request.messages)
            usage = Usage(prompt_tokens=estimate_tokens("x" * chars), completion_tokens=acc.tokens)
        acc.tokens = usage.completion_tokens
        acc.emit(
            "usage",
            prompt_tokens=usage.prompt_tokens,
            completion_tokens=usage.completion_tokens,
            estimated=estimated,
        )
        return Reply(
            text=answer,
            thinking=thinking,
            usage=usage,
            finish_reason=acc.finish,
            model=acc.model or model,
            seconds=seconds,
            extra={
                "raw": raw,
                "endpoint": self.endpoint.describe(),
                "tries": tries,
                "dropped_params": dropped,
                "usage_estimated": estimated,
                "cost_usd": self.endpoint.cost_usd(usage.prompt_tokens, usage.completion_tokens),
            },
        )
