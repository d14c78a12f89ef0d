"""Where a model lives, as data: named presets and the resolution of the settings in use.

Settings come, highest first, from flags (``--preset``, ``--base-url``, ``--model``,
``--api-key``), the environment (``STUDIO_PRESET``, ``STUDIO_BASE_URL``, ``OPENAI_BASE_URL``,
``STUDIO_MODEL``) and ``config.json`` in the user dir. The endpoint's location (preset or base
URL) is taken from the highest layer that names one; with none named, a key found for a
preset (stored or in its conventional variable) selects that preset.

The key is looked up flag -> stored (``keys.json``) -> environment. A preset's conventional
variable (``OPENAI_API_KEY``, ``XAI_API_KEY``, ``OPENROUTER_API_KEY``) and its stored key are
only used when the base URL is that preset's own: a custom base URL never receives the OpenAI
key; it gets the flag, the key stored for that URL, or ``STUDIO_API_KEY``.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from studio.errors import ConfigError
from studio.models import config as store

#: Variable for a key meant for whatever endpoint is configured (custom base URLs included).
STUDIO_KEY_VAR = "STUDIO_API_KEY"


@dataclass(frozen=True)
class Preset:
    name: str
    base_url: str
    key_var: str | None  # conventional variable holding its key; None: no key needed
    default_model: str  # "" = ask the server (GET /models) and use the first model it serves
    #: US dollars per million tokens, (prompt, completion), for models whose price is known.
    prices: Mapping[str, tuple[float, float]] = field(default_factory=dict)
    local: bool = False  # runs on this machine: no key, costs nothing
    hint: str = ""  # how to start it, for "connection refused"


PRESETS: dict[str, Preset] = {
    p.name: p
    for p in (
        Preset(
            "openai",
            "https://api.openai.com/v1",
            "OPENAI_API_KEY",
            "gpt-4o-mini",
            {
                "gpt-4o-mini": (0.15, 0.60),
                "gpt-4o": (2.50, 10.00),
                "gpt-4.1": (2.00, 8.00),
                "gpt-4.1-mini": (0.40, 1.60),
                "gpt-4.1-nano": (0.10, 0.40),
                "o3-mini": (1.10, 4.40),
                "o4-mini": (1.10, 4.40),
            },
        ),
        Preset(
            "xai",
            "https://api.x.ai/v1",
            "XAI_API_KEY",
            "grok-3-mini",
            {"grok-3-mini": (0.30, 0.50), "grok-3": (3.00, 15.00), "grok-4": (3.00, 15.00)},
        ),
        Preset(
            "openrouter",
            "https://openrouter.ai/api/v1",
            "OPENROUTER_API_KEY",
            "openai/gpt-4o-mini",
            {"openai/gpt-4o-mini": (0.15, 0.60), "openai/gpt-4o": (2.50, 10.00)},
        ),
        Preset(
            "ollama",
            "http://localhost:11434/v1",
            None,
            "qwen2.5-coder:7b",
            local=True,
            hint="start it with `ollama serve` and fetch the model with `ollama pull MODEL`",
        ),
        Preset(
            "vllm",
            "http://localhost:8000/v1",
            None,
            "",
            local=True,
            hint="start it with `vllm serve MODEL`",
        ),
        Preset(
            "llamacpp",
            "http://localhost:8080/v1",
            None,
            "",
            local=True,
            hint="start it with `llama-server -m MODEL.gguf`",
        ),
        Preset(
            "lmstudio",
            "http://localhost:1234/v1",
            None,
            "",
            local=True,
            hint="start LM Studio's local server (Developer tab, or `lms server start`)",
        ),
    )
}

#: Presets whose key, when found, selects them if nothing else names an endpoint.
KEYED_PRESETS = ("openai", "xai", "openrouter")


def normalize_url(url: str) -> str:
    return url.strip().rstrip("/")


def mask_key(key: str | None) -> str:
    """A key as it may be shown: at most its first 3 and last 4 characters."""
    if not key:
        return "(none)"
    if len(key) < 16:
        return "*" * 8
    return f"{key[:3]}...{key[-4:]}"


def scrub(text: str, key: str | None) -> str:
    """``text`` with every occurrence of ``key`` masked (servers sometimes echo keys)."""
    return text.replace(key, mask_key(key)) if key and len(key) >= 4 else text


def preset_for_url(url: str) -> Preset | None:
    norm = normalize_url(url)
    return next((p for p in PRESETS.values() if p.base_url == norm), None)


def get_preset(name: str, where: str = "--preset") -> Preset:
    try:
        return PRESETS[name.strip().lower()]
    except KeyError:
        raise ConfigError(
            f"unknown preset {name!r} (from {where}); choose one of: {', '.join(PRESETS)}"
        ) from None


def check_url(url: str, where: str = "--base-url") -> str:
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ConfigError(
            f"{where} {url!r} is not an http(s) URL; use e.g. http://localhost:11434/v1"
        )
    return normalize_url(url)


@dataclass(frozen=True)
class Endpoint:
    """One model at one OpenAI-compatible endpoint, with its key (never shown)."""

    base_url: str
    model: str  # "" = use the first model the server lists
    api_key: str | None = field(default=None, repr=False)
    preset: str | None = None  # the preset named or matched; None for a plain base URL
    custom: bool = True  # the base URL is not the preset's own
    key_var: str = STUDIO_KEY_VAR  # the variable to set when the key is missing or refused
    key_source: str = ""  # where the key came from: "--api-key", "keys.json", a variable
    origin: str = ""  # where the location came from, for `studio models`

    @property
    def spec(self) -> Preset | None:
        return PRESETS.get(self.preset) if self.preset else None

    @property
    def host(self) -> str:
        return urlsplit(self.base_url).netloc or self.base_url

    @property
    def needs_key(self) -> bool:
        spec = self.spec
        return bool(spec and spec.key_var and not self.custom)

    @property
    def label(self) -> str:
        where = self.preset if self.preset and not self.custom else self.host
        return f"{self.model or 'default model'} via {where}"

    def cost_usd(self, prompt_tokens: int, completion_tokens: int) -> float | None:
        """The price of a reply where the preset knows it; 0.0 on local servers."""
        spec = self.spec
        if spec is None or self.custom:
            return None
        if spec.local:
            return 0.0
        price = spec.prices.get(self.model)
        if price is None:
            return None
        return round((prompt_tokens * price[0] + completion_tokens * price[1]) / 1e6, 6)

    def describe(self) -> dict[str, Any]:
        """What may be shown, logged or stored: everything but the key (not even masked)."""
        return {
            "label": self.label,
            "model": self.model,
            "base_url": self.base_url,
            "preset": self.preset,
            "custom_base_url": self.custom,
            "key_set": bool(self.api_key),
            "key_source": self.key_source or None,
            "key_var": self.key_var,
            "origin": self.origin,
        }


def key_target(preset: Preset | None, base_url: str) -> str:
    """The name a key is stored under: the preset at its own URL, else the base URL."""
    if preset is not None and normalize_url(base_url) == preset.base_url:
        return preset.name
    return normalize_url(base_url)


def find_key(
    preset: Preset | None,
    base_url: str,
    *,
    env: Mapping[str, str],
    keys: Mapping[str, str],
    generic: bool = True,
) -> tuple[str | None, str]:
    """The stored or environment key for this endpoint and where it came from
    (``generic``: also accept ``STUDIO_API_KEY``)."""
    target = key_target(preset, base_url)
    own = preset is not None and target == preset.name
    if keys.get(target):
        return keys[target], f"keys.json ({target})"
    candidates = [preset.key_var] if own and preset and preset.key_var else []
    if generic:
        candidates.append(STUDIO_KEY_VAR)
    for var in candidates:
        if var and env.get(var):
            return env[var], var
    return None, ""


@dataclass
class _Layer:
    """One source of settings; ``*_src`` name where each value came from, for messages."""

    preset: str | None
    base_url: str | None
    model: str | None
    preset_src: str
    url_src: str

    @property
    def name(self) -> str:
        parts = [self.preset_src if self.preset else "", self.url_src if self.base_url else ""]
        return " and ".join(p for p in parts if p) or self.url_src

    def location(self) -> tuple[Preset | None, str] | None:
        if not (self.preset or self.base_url):
            return None
        spec = get_preset(self.preset, self.preset_src) if self.preset else None
        if self.base_url:
            url = check_url(self.base_url, self.url_src)
            return spec or preset_for_url(url), url
        assert spec is not None
        return spec, spec.base_url


#: Where each setting is looked up, first found wins: the order of ``_layers``.
SETTINGS_ORDER = ("flags", "the environment", "the config file")
#: Where a key is looked up, first found wins: ``--api-key``, then ``find_key``'s order.
KEY_ORDER = ("the flag", "stored keys", "the environment")


def lookup_order() -> str:
    """The lookup order in one sentence, as ``studio models`` prints it (and the README)."""
    settings, keys = ", then ".join(SETTINGS_ORDER), ", then ".join(KEY_ORDER)
    return f"Settings come from {settings}; keys from {keys}."


def _layers(
    flags: dict[str, str | None], env: Mapping[str, str], cfg: Mapping[str, str]
) -> list[_Layer]:
    env_url_var = "STUDIO_BASE_URL" if env.get("STUDIO_BASE_URL") else "OPENAI_BASE_URL"
    cfg_name = f"config file {store.config_path()}"
    return [
        _Layer(flags["preset"], flags["base_url"], flags["model"], "--preset", "--base-url"),
        _Layer(
            env.get("STUDIO_PRESET") or None,
            env.get(env_url_var) or None,
            env.get("STUDIO_MODEL") or None,
            "STUDIO_PRESET",
            env_url_var,
        ),
        _Layer(
            cfg.get("preset") or None,
            cfg.get("base_url") or None,
            cfg.get("model") or None,
            f"{cfg_name} (preset)",
            f"{cfg_name} (base_url)",
        ),
    ]


def resolve(
    *,
    model: str | None = None,
    base_url: str | None = None,
    api_key: str | None = None,
    preset: str | None = None,
    env: Mapping[str, str] | None = None,
) -> Endpoint | None:
    """The endpoint the settings describe, or None when nothing is configured at all
    (then ``studio make`` uses the offline designer).

    Pass the values of ``studio make``'s flags as given on the command line (None when
    absent); the environment and the stored config are read here.
    """
    env = os.environ if env is None else env
    cfg = store.load_config()
    keys = store.load_keys()
    layers = _layers({"preset": preset, "base_url": base_url, "model": model}, env, cfg)

    chosen = next((i for i, layer in enumerate(layers) if layer.location()), None)
    if chosen is not None:
        spec, url = layers[chosen].location()  # type: ignore[misc]
        origin = layers[chosen].name
    else:
        spec, origin = _implied_preset(env, keys)
        has_any = api_key or env.get(STUDIO_KEY_VAR) or any(layer.model for layer in layers)
        if spec is None and not has_any:
            return None
        spec = spec or PRESETS["openai"]
        origin = origin or "default preset (a model or key was set without an endpoint)"
        url = spec.base_url
        chosen = len(layers)

    # A model from a lower layer only applies when that layer does not point elsewhere.
    name = ""
    for i, layer in enumerate(layers):
        loc = layer.location() if i > chosen else None
        if layer.model and (i <= chosen or loc is None or loc[1] == url):
            name = layer.model.strip()
            break
    custom = spec is None or url != spec.base_url
    if not name and spec is not None:
        name = spec.default_model

    key: str | None
    if api_key:
        key, source = api_key, "--api-key"
    else:
        key, source = find_key(spec, url, env=env, keys=keys)
    key_var = spec.key_var if spec and spec.key_var and not custom else STUDIO_KEY_VAR
    return Endpoint(
        base_url=url,
        model=name,
        api_key=key,
        preset=spec.name if spec else None,
        custom=custom,
        key_var=key_var,
        key_source=source,
        origin=origin,
    )


def _implied_preset(env: Mapping[str, str], keys: Mapping[str, str]) -> tuple[Preset | None, str]:
    for name in KEYED_PRESETS:
        spec = PRESETS[name]
        if keys.get(name):
            return spec, f"key stored for {name}"
        if spec.key_var and env.get(spec.key_var):
            return spec, f"{spec.key_var} is set"
    return None, ""


def preset_key_status(spec: Preset, env: Mapping[str, str] | None = None) -> tuple[str | None, str]:
    """For `studio models`: the masked key found for a preset at its own URL and its source."""
    env = os.environ if env is None else env
    if not spec.key_var:
        return None, "no key needed"
    key, source = find_key(spec, spec.base_url, env=env, keys=store.load_keys(), generic=False)
    return (mask_key(key), source) if key else (None, f"not found (set {spec.key_var})")
