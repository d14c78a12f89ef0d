"""Turning what the openai client raises into ``studio.errors``, with messages that name the fix.

Every message is scrubbed of the key (servers sometimes echo it back).
"""

from __future__ import annotations

import email.utils
import random
import re
import time
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import openai

from studio.errors import (
    AuthError,
    EndpointUnreachable,
    ModelError,
    ModelNotFoundError,
    ModelTimeout,
    NotOpenAICompatible,
    RateLimitError,
    ServerError,
)
from studio.models.endpoints import Endpoint, scrub
from studio.models.tuning import Timeouts

_UNKNOWN_MODEL_RE = re.compile(
    r"model.{0,80}(not found|does not exist|not a valid|unknown|no such|not available)|"
    r"(unknown|invalid|no such) model",
    re.IGNORECASE | re.DOTALL,
)


#: Optional request parameters dropped, in this order, when an endpoint rejects them (400).
_OPTIONAL = ("reasoning_effort", "stream_options", "seed", "temperature", "max_completion_tokens")


@dataclass
class RetryPolicy:
    """How 429 and 5xx answers are retried: exponential backoff, honouring Retry-After."""

    retries: int = 4  # tries after the first
    base: float = 1.0  # first delay in seconds; doubles each time
    max_delay: float = 30.0  # no single wait is longer (Retry-After included)
    jitter: float = 0.2  # up to this share added at random, so parallel attempts spread out

    def delay(self, tries: int, retry_after: float | None) -> float:
        if retry_after is not None:
            return max(0.0, min(retry_after, self.max_delay))
        delay: float = min(self.base * (2**tries), self.max_delay)
        return delay * (1 + self.jitter * random.random())


def retry_after(headers: Mapping[str, str]) -> float | None:
    """Seconds asked for by ``Retry-After`` / ``retry-after-ms`` (delta or HTTP date)."""
    value = headers.get("retry-after-ms")
    if value:
        try:
            return float(value) / 1000
        except ValueError:
            pass
    value = headers.get("retry-after")
    if not value:
        return None
    try:
        return float(value)
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def server_message(exc: openai.APIError, key: str | None) -> str:
    """The server's own words about the error, short and without the key."""
    body = exc.body
    message = ""
    if isinstance(body, dict):
        err = body.get("error", body)
        if isinstance(err, dict):
            message = str(err.get("message") or err.get("detail") or "")
        elif isinstance(err, str):
            message = err
        message = message or str(body.get("message") or body.get("detail") or "")
    elif isinstance(body, str):
        message = body
    message = " ".join((message or exc.message or "").split())
    if len(message) > 300:
        message = message[:297] + "..."
    return scrub(message, key)


def is_retryable(status: int) -> bool:
    return status in (408, 409, 429) or status >= 500


def is_unknown_model(exc: openai.APIStatusError, key: str | None) -> bool:
    if exc.status_code == 404:
        return True
    code = str(exc.code or "")
    return code == "model_not_found" or bool(_UNKNOWN_MODEL_RE.search(server_message(exc, key)))


def status_error(
    exc: openai.APIStatusError, endpoint: Endpoint, model: str, tries: int
) -> Exception:
    """The studio error for a final HTTP error status."""
    status = exc.status_code
    said = server_message(exc, endpoint.api_key)
    where = endpoint.base_url
    if status in (401, 403):
        sent = f"the key from {endpoint.key_source}" if endpoint.api_key else "no key (none found)"
        return AuthError(
            f"{where} refused the request with {status} ({said or 'unauthorized'}); {sent} was "
            f"sent. Store a valid key with `studio config set api_key --for "
            f"{endpoint.preset if endpoint.preset and not endpoint.custom else endpoint.base_url}`"
            f" (it asks for the key, which keeps it out of your shell history), or set "
            f"{endpoint.key_var}."
        )
    if status in (400, 404, 422) and is_unknown_model(exc, endpoint.api_key):
        spec = endpoint.spec
        fix = f"`ollama pull {model}`, or " if spec and spec.name == "ollama" else ""
        return ModelNotFoundError(
            f"{where} does not serve the model {model!r} ({status}: {said or 'not found'}). "
            f"Fix: {fix}pick a model it serves with --model or `studio config set model NAME` "
            f"(see {where}/models); check the base URL ends in /v1."
        )
    if status == 429:
        return RateLimitError(
            f"{where} still rate-limits after {tries} tries (429: {said or 'too many requests'})"
            ". Wait a minute, use fewer --attempts, or check your plan's limits."
        )
    if status >= 500 or status in (408, 409):
        return ServerError(
            f"{where} failed with {status} after {tries} tries ({said or 'server error'}). "
            "Try again later, or use another endpoint."
        )
    return ModelError(f"{where} rejected the request with {status}: {said or 'no detail'}")


def connection_error(
    exc: openai.APIConnectionError, endpoint: Endpoint, timeouts: Timeouts
) -> ModelError:
    """The studio error for a request that got no HTTP answer at all."""
    if isinstance(exc, openai.APITimeoutError):
        return timeout_error(endpoint, "first token", timeouts, 0)
    cause = exc.__cause__ or exc.__context__
    detail = scrub(str(cause or exc.message), endpoint.api_key)
    spec = endpoint.spec
    start = f"If it is {spec.name}, {spec.hint}; " if spec and spec.hint else "Start the server, "
    return EndpointUnreachable(
        f"cannot reach the model endpoint {endpoint.base_url} ({detail}). {start}or check "
        "--base-url / STUDIO_BASE_URL (`studio models` shows what is configured)."
    )


def not_openai(endpoint: Endpoint, status: int, content_type: str, body: str) -> ModelError:
    """The studio error for an answer that is no API's: a web page, a proxy's notice."""
    start = " ".join(scrub(body, endpoint.api_key).split())[:80]
    kind = content_type.split(";")[0].strip() or "none"
    return NotOpenAICompatible(
        f"{endpoint.base_url} did not answer as an OpenAI-compatible API: HTTP {status} with "
        f"Content-Type {kind}" + (f", beginning {start!r}" if start else "") + ". The base URL "
        "is probably wrong: it must be the API's root, which usually ends in /v1 (e.g. "
        "http://localhost:11434/v1 for Ollama), not a web page. Fix it with --base-url or "
        "`studio config set base_url URL` (`studio models` shows what is configured)."
    )


def html_error(exc: openai.APIStatusError) -> tuple[str, str] | None:
    """``(content type, body)`` of an error answer that is no API's, else None: a web page,
    or a 404/405 that is not JSON (``404 page not found`` where the path is wrong)."""
    response = getattr(exc, "response", None)
    content_type = response.headers.get("content-type", "") if response is not None else ""
    kind = content_type.split(";")[0].strip().lower()
    if "html" not in kind and not (exc.status_code in (404, 405) and not kind.endswith("json")):
        return None
    try:
        body = response.text  # type: ignore[union-attr]
    except Exception:  # noqa: BLE001 - a body that cannot be read is still no API's
        body = ""
    return content_type, body


def timeout_error(endpoint: Endpoint, phase: str, timeouts: Timeouts, chars: int) -> ModelTimeout:
    """The studio error for a call given up by its watch (``studio.models.stream.Watch``)."""
    where = endpoint.base_url
    if phase == "idle":
        return ModelTimeout(
            f"{where} stopped sending for {timeouts.idle:g}s in the middle of its reply (after "
            f"{chars} characters): the server stalled. Try again; for a server that pauses "
            "that long on purpose, raise --idle-timeout SECONDS (or `studio config set "
            "idle_timeout SECONDS`, or STUDIO_IDLE_TIMEOUT)."
        )
    if phase == "plain":
        return ModelTimeout(
            f"{where} did not finish its reply within {timeouts.plain:g}s (it refused to stream, "
            "so the whole reply had to come at once). Use a smaller model or another endpoint."
        )
    spec = endpoint.spec
    local = (spec is not None and spec.local) or endpoint.host.split(":")[0] in (
        "localhost",
        "127.0.0.1",
    )
    queue = (
        "A local server that answers one request at a time keeps the other attempts waiting: "
        "use fewer --attempts, or let it serve in parallel (OLLAMA_NUM_PARALLEL, llama-server "
        "-np). "
        if local
        else ""
    )
    return ModelTimeout(
        f"{where} sent no answer within {timeouts.first_token:g}s (not even a first token). The "
        f"model may be loading, busy or thinking at length, or the server hangs. {queue}To wait "
        "longer for the first token, raise --timeout SECONDS (or `studio config set timeout "
        "SECONDS`, or STUDIO_TIMEOUT)."
    )


def fallback(said: str, params: dict[str, Any], stream: bool) -> str:
    """Adjust ``params`` after a 400 whose message (lower case) ``said`` names an optional
    parameter; returns what was dropped or renamed, '' if nothing fits."""
    if "max_tokens" in params and "max_completion_tokens" in said:
        params["max_completion_tokens"] = params.pop("max_tokens")
        return "max_tokens"
    if "max_tokens" in params and "max_tokens" in said:
        del params["max_tokens"]  # too large for this model: let the server decide
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
