"""The user's stored model settings: ``config.json`` (model, base_url, preset, and the
timeouts and output limit of ``studio.models.tuning``) and
``keys.json`` (API keys, one per preset or base URL, written readable by the owner only).

Both live in ``studio.paths.config_dir()`` (the user config dir). A file that cannot be
read raises ``ConfigError``
naming the file and the fix; nothing here ever prints or logs a key.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

from studio.errors import ConfigError
from studio.paths import config_dir

#: The settings ``config.json`` may hold (``api_key`` goes to ``keys.json`` instead).
SETTINGS: tuple[str, ...] = (
    "model",
    "base_url",
    "preset",
    "timeout",
    "idle_timeout",
    "max_tokens",
    "gallery",
)


def config_path() -> Path:
    return config_dir() / "config.json"


def keys_path() -> Path:
    return config_dir() / "keys.json"


def _read(path: Path, what: str) -> dict[str, Any]:
    if not path.exists():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8") or "{}")
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ConfigError(
            f"cannot read {what} {path}: {exc}. Fix the file by hand or delete it "
            f"and set it again with `studio config set`."
        ) from None
    if not isinstance(data, dict) or not all(isinstance(v, str) for v in data.values()):
        raise ConfigError(
            f"{what} {path} is not a JSON object of strings. Fix the file by hand or delete "
            f"it and set it again with `studio config set`."
        )
    return data


def _write(path: Path, data: dict[str, Any], mode: int) -> None:
    """Write atomically (temp file + rename) with ``mode`` set before any byte is written."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        os.fchmod(fd, mode)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh, indent=2, sort_keys=True)
            fh.write("\n")
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def load_config() -> dict[str, str]:
    """The stored settings (empty when there is no file)."""
    data = _read(config_path(), "config file")
    unknown = sorted(set(data) - set(SETTINGS))
    if unknown:
        raise ConfigError(
            f"config file {config_path()} has unknown setting(s) {', '.join(unknown)}; "
            f"known: {', '.join(SETTINGS)}. Remove them with `studio config unset NAME`."
        )
    return data


def save_config(data: dict[str, str]) -> None:
    _write(config_path(), {k: v for k, v in data.items() if v}, 0o644)


def load_keys() -> dict[str, str]:
    """Stored keys: ``{preset name or base URL: key}``. Never print the values."""
    return _read(keys_path(), "keys file")


def save_keys(data: dict[str, str]) -> None:
    _write(keys_path(), {k: v for k, v in data.items() if v}, 0o600)


def set_setting(name: str, value: str) -> None:
    if name not in SETTINGS:
        raise ConfigError(f"unknown setting {name!r}; known: {', '.join(SETTINGS)}, api_key")
    data = load_config()
    data[name] = value
    save_config(data)


def unset_setting(name: str) -> bool:
    """Remove a setting; True when it was there."""
    if name not in SETTINGS:
        raise ConfigError(f"unknown setting {name!r}; known: {', '.join(SETTINGS)}, api_key")
    data = load_config()
    found = data.pop(name, None) is not None
    if found:
        save_config(data)
    return found


def set_key(target: str, key: str) -> None:
    """Store ``key`` for ``target`` (a preset name or a base URL)."""
    data = load_keys()
    data[target] = key
    save_keys(data)


def unset_key(target: str) -> bool:
    data = load_keys()
    found = data.pop(target, None) is not None
    if found:
        save_keys(data)
    return found
