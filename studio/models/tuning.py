"""How long to wait for a model and how much it may write: timeouts and the output limit.

Three settings, each looked up in the same order as the endpoint settings: the ``studio make``
flag, then the environment, then ``config.json`` (``studio config set``), then the default.

- ``timeout`` (``--timeout``, ``STUDIO_TIMEOUT``; 45 s): connecting and the first token;
- ``idle_timeout`` (``--idle-timeout``, ``STUDIO_IDLE_TIMEOUT``; 20 s): silence between
  chunks once the reply streams;
- ``max_tokens`` (``--max-tokens``, ``STUDIO_MAX_TOKENS``; the preset's, below): the output
  limit sent with every request.

The first two are separate on purpose: a model that is loading or thinking before it writes
needs a while for its first token, but a server that has started streaming and then goes
silent has stalled, and is noticed after ``idle_timeout`` (well under a minute), while a slow
model that keeps streaming is never cut, however long its reply takes.
"""

from __future__ import annotations

import math
import os
from collections.abc import Mapping
from dataclasses import dataclass

from studio.errors import ConfigError
from studio.models import config as store

DEFAULT_TIMEOUT = 45.0
DEFAULT_IDLE_TIMEOUT = 20.0
#: Connecting never takes longer than this (a refused or unroutable address fails fast).
MAX_CONNECT = 10.0
#: A request that cannot stream (the endpoint refused it) gets the whole reply in this long.
PLAIN_TIMEOUT = 600.0

#: Output limit sent as ``max_tokens`` per preset (a game is 3-6k tokens; thinking adds more).
#: Hosted models: their usual completion cap (gpt-4o-mini's is 16384). Local servers: within
#: a 16k context with the prompt. A custom base URL gets the local value: some servers
#: (llama-cpp-python) default to a few dozen tokens when none is sent.
PRESET_MAX_TOKENS: dict[str, int] = {
    "openai": 16384,
    "xai": 16384,
    "openrouter": 16384,
    "ollama": 8192,
    "vllm": 8192,
    "llamacpp": 8192,
    "lmstudio": 8192,
}
DEFAULT_MAX_TOKENS = 8192

#: setting -> (flag, environment variable)
NAMES: dict[str, tuple[str, str]] = {
    "timeout": ("--timeout", "STUDIO_TIMEOUT"),
    "idle_timeout": ("--idle-timeout", "STUDIO_IDLE_TIMEOUT"),
    "max_tokens": ("--max-tokens", "STUDIO_MAX_TOKENS"),
}


@dataclass(frozen=True)
class Timeouts:
    """Seconds: ``first_token`` from the request to the first token of the reply (the
    connection included, itself bounded by ``connect``); ``idle`` between chunks after it."""

    first_token: float = DEFAULT_TIMEOUT
    idle: float = DEFAULT_IDLE_TIMEOUT

    @property
    def connect(self) -> float:
        return min(MAX_CONNECT, self.first_token)

    @property
    def backstop(self) -> float:
        """The HTTP read timeout of a streamed request: only ends a helper thread the watch
        has already given up on."""
        return max(self.first_token, self.idle) + 1.0

    @property
    def plain(self) -> float:
        """How long a request that cannot stream may take for its whole reply."""
        return max(PLAIN_TIMEOUT, self.first_token)


@dataclass(frozen=True)
class Tuning:
    """The resolved settings, and where each came from (for messages)."""

    timeouts: Timeouts = Timeouts()
    max_tokens: int | None = None  # None: the preset's default
    sources: tuple[tuple[str, str], ...] = ()

    def source(self, name: str) -> str:
        return dict(self.sources).get(name, "default")


def parse_seconds(value: str | float, where: str) -> float:
    """A positive number of seconds, or ``ConfigError`` naming ``where`` and the fix."""
    try:
        seconds = float(value)
    except (TypeError, ValueError):
        seconds = math.nan
    if not math.isfinite(seconds) or seconds <= 0:
        raise ConfigError(f"{where} must be a number of seconds above 0, not {value!r}")
    return seconds


def parse_tokens(value: str | int, where: str) -> int:
    """A whole number of tokens from 256 up, or ``ConfigError`` naming ``where``."""
    try:
        tokens = int(str(value).strip())
    except (TypeError, ValueError):
        tokens = 0
    if tokens < 256:
        raise ConfigError(f"{where} must be a whole number of tokens, 256 or more, not {value!r}")
    return tokens


def check(name: str, value: str, where: str) -> str:
    """``value`` checked for setting ``name`` (``studio config set``), as it is stored."""
    if name == "max_tokens":
        return str(parse_tokens(value, where))
    return f"{parse_seconds(value, where):g}"


def resolve_tuning(
    *,
    timeout: float | None = None,
    idle_timeout: float | None = None,
    max_tokens: int | None = None,
    env: Mapping[str, str] | None = None,
) -> Tuning:
    """The settings from the flags given (None when absent), the environment, the config."""
    env = os.environ if env is None else env
    cfg = store.load_config()
    flags = {"timeout": timeout, "idle_timeout": idle_timeout, "max_tokens": max_tokens}
    found: dict[str, float | int] = {}
    sources: list[tuple[str, str]] = []
    for name, (flag, var) in NAMES.items():
        layers = (
            (flag, flags[name]),
            (var, env.get(var) or None),
            (f"config file {store.config_path()} ({name})", cfg.get(name) or None),
        )
        for where, value in layers:
            if value is None:
                continue
            parse = parse_tokens if name == "max_tokens" else parse_seconds
            found[name] = parse(value, where)  # type: ignore[arg-type]
            sources.append((name, where))
            break
    timeouts = Timeouts(
        first_token=float(found.get("timeout", DEFAULT_TIMEOUT)),
        idle=float(found.get("idle_timeout", DEFAULT_IDLE_TIMEOUT)),
    )
    tokens = found.get("max_tokens")
    return Tuning(timeouts, int(tokens) if tokens else None, tuple(sources))


def preset_max_tokens(preset: str | None) -> int:
    return PRESET_MAX_TOKENS.get(preset or "", DEFAULT_MAX_TOKENS)
