"""``OpenAIModel``: any OpenAI-compatible chat-completions endpoint as a studio ``Model``.

Streams by default (thinking and text reach ``on_event`` as they arrive, with a running token
count, usage at the end), falls back to a plain request where streaming or one of the optional
parameters is refused, retries 429/5xx with backoff honouring ``Retry-After`` and maps every
fault to ``studio.errors``. The key goes only into the client's Authorization header.

A call is watched (``studio.models.stream.Watch``): no first token within ``timeouts.first_token``
or silence longer than ``timeouts.idle`` once streaming gives it up with ``ModelTimeout``. A
reply cut at the output limit is continued (``studio.models.continuation``); an answer that is
not an API's (a web page) is ``NotOpenAICompatible``.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import threading
import time
from collections.abc import Callable
from typing import Any

import openai

from studio.errors import AuthError, ModelError, ModelNotFoundError, StudioError, TruncatedReply
from studio.models.base import Event, EventSink, Reply, Request, Usage
from studio.models.continuation import MAX_CONTINUATIONS, complete, cut_reason
from studio.models.endpoints import Endpoint, scrub
from studio.models.faults import (
    RetryPolicy,
    connection_error,
    fallback,
    html_error,
    is_retryable,
    is_unknown_model,
    not_openai,
    retry_after,
    server_message,
    status_error,
    timeout_error,
)
from studio.models.reply import reading_note
from studio.models.stream import (
    Accumulator,
    Watch,
    chunks,
    estimate_tokens,
    prompt_chars,
)
from studio.models.tuning import Timeouts, preset_max_tokens

#: Sent when the endpoint needs no key (the client insists on one); never a real key.
NO_KEY = "no-key"
__all__ = ["NO_KEY", "OpenAIModel", "estimate_tokens"]


class OpenAIModel:
    """A studio ``Model`` over the official ``openai`` client."""

    source = "model"

    def __init__(
        self,
        endpoint: Endpoint,
        *,
        timeouts: Timeouts | None = None,
        timeout: float | None = None,
        max_tokens: int | None = None,
        retry: RetryPolicy | None = None,
        stream: bool = True,
        continuations: int | None = None,
        wait: Callable[[float], Any] | None = None,
    ) -> None:
        """``timeout`` (seconds to the first token) overrides ``timeouts.first_token``;
        ``max_tokens`` (None: the preset's) is sent with requests that name none."""
        timeouts = timeouts or Timeouts()
        if timeout is not None:
            timeouts = dataclasses.replace(timeouts, first_token=timeout)
        self.endpoint = endpoint
        self.timeouts = timeouts
        self.max_tokens = max_tokens or preset_max_tokens(endpoint.preset)
        self.retry = retry or RetryPolicy()
        self.stream = stream
        self.continuations = MAX_CONTINUATIONS if continuations is None else continuations
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
            timeout=openai.Timeout(timeouts.backstop, connect=timeouts.connect),
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
        returns control at once even while a request waits on a silent server, and so that
        the call's ``Watch`` can give up on a server that hangs or stalls."""
        self._check_cancelled()
        box: dict[str, Any] = {}
        done = threading.Event()
        watch = Watch(self.timeouts)

        def sink(event: Any) -> None:
            if on_event is not None and not self._cancelled.is_set() and "timeout" not in box:
                try:
                    on_event(event)
                except BaseException as exc:
                    box["callback"] = exc  # the caller's own way out: re-raised as it is
                    raise

        def work() -> None:
            try:
                box["reply"] = self._execute(request, sink, watch)
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
        while not done.wait(watch.wait_time()):
            phase = watch.overdue()
            if phase is not None:
                error = timeout_error(self.endpoint, phase, self.timeouts, watch.chars)
                if watch.chars:  # what streamed before the stall was spent all the same
                    error.usage = Usage(
                        estimate_tokens("x" * prompt_chars(request.messages)),
                        estimate_tokens("x" * watch.chars),
                    )
                box["timeout"] = error
                watch.give_up()  # the helper thread ends; its error is moot
                break
        with self._lock:
            self._waiting.discard(done)
        if "reply" in box and not self._cancelled.is_set() and "timeout" not in box:
            reply: Reply = box["reply"]
            return reply
        self._check_cancelled()
        raise box.get("timeout") or box["error"]

    def _execute(self, request: Request, on_event: EventSink, watch: Watch) -> Reply:
        if self.endpoint.needs_key and not self.endpoint.api_key:
            raise AuthError(
                f"no API key for {self.endpoint.label}: set {self.endpoint.key_var} (or pass "
                "--api-key, or run `studio config set api_key KEY`)."
            )
        model = self.model_name()
        params: dict[str, Any] = {"model": model, "messages": request.messages}
        max_tokens = request.max_tokens or self.max_tokens
        optional = {
            "reasoning_effort": request.reasoning_effort,
            "max_tokens": max_tokens,
            "temperature": request.temperature,
            "seed": request.seed if request.seed else None,
        }
        params.update({k: v for k, v in optional.items() if v is not None})
        state = {"stream": self.stream, "dropped": []}
        if self.stream:
            params["stream_options"] = {"include_usage": True}

        def ask(messages: list[dict[str, str]], base: int) -> Reply:
            params["messages"] = messages
            return self._ask(params, state, model, on_event, watch, base)

        def status(text: str) -> None:
            on_event(Event(kind="status", text=text))

        first = ask(request.messages, 0)
        reply = complete(
            first,
            ask,
            request.messages,
            endpoint=self.endpoint,
            max_tokens=params.get("max_tokens") or params.get("max_completion_tokens"),
            limit=self.continuations,
            status=status,
        )
        note = reading_note(reply.text) if request.purpose != "design" else ""
        if note:  # kept with the attempt (extra.json in the run log) and shown as progress
            reply.extra["reader"] = note
            status(note)
        return reply

    def _ask(
        self,
        params: dict[str, Any],
        state: dict[str, Any],
        model: str,
        on_event: EventSink,
        watch: Watch,
        base: int,
    ) -> Reply:
        """One request of a call (the first, or a continuation) to its finished reply."""
        started = time.monotonic()
        acc, tries = self._call(params, state, model, on_event, watch, base)
        seconds = time.monotonic() - started
        reply = acc.reply(params["messages"], model, self.endpoint, seconds)
        reply.extra.update(tries=tries, dropped_params=list(state["dropped"]))
        if not acc.finish and cut_reason(reply.text, "") is None:
            raise self._truncated(acc, params["messages"])  # the stream ended outside code
        return reply

    def model_name(self) -> str:
        """The model to ask for; with none configured, the first one the server lists."""
        with self._model_lock:
            if self._model:
                return self._model
            try:
                served = [m.id for m in self.client.models.list()]
            except openai.APIStatusError as exc:
                page = html_error(exc)
                if page is not None:
                    raise not_openai(self.endpoint, exc.status_code, *page) from None
                raise status_error(exc, self.endpoint, "(default)", 1) from None
            except openai.APIConnectionError as exc:
                raise connection_error(exc, self.endpoint, self.timeouts) from None
            except AttributeError:  # a web page instead of a list of models
                raise not_openai(self.endpoint, 200, "not JSON", "") from None
            if not served:
                raise ModelNotFoundError(
                    f"{self.endpoint.base_url} serves no model; load one, or name one with "
                    "--model / `studio config set model NAME`."
                )
            self._model = served[0]
            return self._model

    # -- one call, with retries and parameter fallbacks ------------------------------------

    def _call(
        self,
        params: dict[str, Any],
        state: dict[str, Any],
        model: str,
        on_event: EventSink | None,
        watch: Watch,
        base: int,
    ) -> tuple[Accumulator, int]:
        dropped: list[str] = state["dropped"]
        tries = 0
        while True:
            self._check_cancelled()
            if watch.abandoned.is_set():
                raise ModelError("given up (timed out)")  # never reaches the caller
            stream = state["stream"]
            acc = Accumulator(on_event, watch, base)
            watch.start(plain=not stream)
            try:
                if stream:
                    self._stream(params, acc)
                else:
                    self._plain(params, acc)
                return acc, tries + 1
            except openai.APIStatusError as exc:
                self._check_cancelled()
                status, key = exc.status_code, self.endpoint.api_key
                if is_retryable(status) and tries < self.retry.retries:
                    delay = self.retry.delay(tries, retry_after(exc.response.headers))
                    tries += 1
                    said = server_message(exc, self.endpoint.api_key)
                    acc.emit("retry", f"{status} {said}"[:120], status=status, delay=delay)
                    watch.pause()
                    self._wait(delay)
                    continue
                page = html_error(exc)
                if page is not None:
                    raise not_openai(self.endpoint, status, *page) from None
                if status == 400 and len(dropped) < 4 and not is_unknown_model(exc, key):
                    fix = fallback(server_message(exc, key).lower(), params, stream)
                    if fix:
                        dropped.append(fix)
                        state["stream"] = stream and fix != "stream"
                        acc.emit("status", f"endpoint refused {fix}; retrying without it")
                        continue
                raise status_error(exc, self.endpoint, model, tries + 1) from None
            except openai.APIConnectionError as exc:
                self._check_cancelled()
                error = connection_error(exc, self.endpoint, self.timeouts)
                error.usage = acc.spent(params["messages"]) if acc.chunks else None
                raise error from None
            except openai.OpenAIError as exc:
                self._check_cancelled()
                said = (
                    server_message(exc, self.endpoint.api_key)
                    if isinstance(exc, openai.APIError)
                    else str(exc)
                )
                raise ModelError(f"{self.endpoint.base_url}: {said}") from None

    def _check_cancelled(self) -> None:
        if self._cancelled.is_set():
            raise ModelError("cancelled")

    def _stream(self, params: dict[str, Any], acc: Accumulator) -> None:
        response = self.client.chat.completions.create(**params, stream=True)
        watch = acc.watch
        with self._lock:
            self._responses.add(response)
        if watch is not None:
            watch.response = response
        try:
            http = response.response
            kind = http.headers.get("content-type", "").split(";")[0].strip().lower()
            if "html" in kind:  # a web page: the base URL is not the API's
                raise not_openai(self.endpoint, http.status_code, kind, _start(http))
            if kind.endswith("json"):  # the server ignored "stream": one JSON reply
                try:
                    data = json.loads(http.read() or b"null")
                except ValueError:
                    raise not_openai(self.endpoint, http.status_code, kind, "") from None
                acc.whole(data, self.endpoint)
                return
            for chunk in chunks(response):
                if self._cancelled.is_set():
                    break
                acc.take(chunk)
            if not acc.chunks and kind not in ("", "text/event-stream"):
                # Not a single event in a body that is neither SSE nor JSON: no API's answer.
                raise not_openai(self.endpoint, http.status_code, kind, "")
        except openai.APITimeoutError:
            raise
        except openai.APIConnectionError:
            self._check_cancelled()
            raise self._truncated(acc, params["messages"]) from None
        finally:
            with self._lock:
                self._responses.discard(response)
            response.close()
        self._check_cancelled()

    def _truncated(self, acc: Accumulator, messages: list[dict[str, Any]]) -> TruncatedReply:
        error = TruncatedReply(
            f"the reply from {self.endpoint.base_url} stopped after {acc.chars()} characters "
            "without finishing (the stream was cut); try again."
        )
        error.usage = acc.spent(messages)
        error.partial = "".join(acc.content)
        return error

    def _plain(self, params: dict[str, Any], acc: Accumulator) -> None:
        params = {k: v for k, v in params.items() if k != "stream_options"}
        # The whole reply comes at once: the HTTP read timeout is the plain request's limit.
        limit = openai.Timeout(self.timeouts.plain + 1.0, connect=self.timeouts.connect)
        raw = self.client.chat.completions.with_raw_response.create(**params, timeout=limit)
        completion = raw.parse()  # JSON whatever the content type says, else the body's text
        if isinstance(completion, str):
            kind = raw.http_response.headers.get("content-type", "")
            raise not_openai(self.endpoint, raw.http_response.status_code, kind, completion)
        acc.whole(completion, self.endpoint)


def _start(http: Any) -> str:
    """The first characters of a body that is not the API's (a web page)."""
    try:
        start: bytes = http.read()[:400]
        return start.decode("utf-8", "replace")
    except Exception:  # noqa: BLE001 - what it began with is only a hint
        return ""
