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

import openai

from studio.errors import (
    AuthError,
    EndpointUnreachable,
    ModelError,
    ModelNotFoundError,
    ModelTimeout,
    RateLimitError,
    ServerError,
)
from studio.models.endpoints import Endpoint, scrub

_UNKNOWN_MODEL_RE = re.compile(
    r"model.{0,80}(not found|does not exist|not a valid|unknown|no such|not available)|"
    r"(unknown|invalid|no such) model",
    re.IGNORECASE | re.DOTALL,
)


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
        delay = min(self.base * (2**tries), self.max_delay)
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
            f"sent. Set {endpoint.key_var} to a valid key (or pass --api-key, or run "
            f"`studio config set api_key KEY`)."
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
    exc: openai.APIConnectionError, endpoint: Endpoint, timeout: float
) -> Exception:
    """The studio error for a request that got no HTTP answer at all."""
    if isinstance(exc, openai.APITimeoutError):
        return ModelTimeout(
            f"{endpoint.base_url} sent no answer within {timeout:g}s. The model may be slow or "
            "overloaded: try again, raise the timeout, or use a smaller model."
        )
    cause = exc.__cause__ or exc.__context__
    detail = scrub(str(cause or exc.message), endpoint.api_key)
    spec = endpoint.spec
    start = f"If it is {spec.name}, {spec.hint}; " if spec and spec.hint else "Start the server, "
    return EndpointUnreachable(
        f"cannot reach the model endpoint {endpoint.base_url} ({detail}). {start}or check "
        "--base-url / STUDIO_BASE_URL (`studio models` shows what is configured)."
    )
