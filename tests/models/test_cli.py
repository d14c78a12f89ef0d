"""`studio config` and `studio models`: settings round-trip, keys only ever shown masked."""

from __future__ import annotations

import json
import re
from importlib import metadata
from pathlib import Path

from typer.testing import CliRunner

from studio.cli import app
from studio.models import config as store
from studio.models.endpoints import SETTINGS_ORDER, lookup_order, resolve

OPENAI_KEY = "sk-openai-ABCDEFGHIJKLMNOP1111"
XAI_KEY = "xai-key-ABCDEFGHIJKLMNOP2222"
STORED_KEY = "sk-stored-ABCDEFGHIJKLMNOP3333"
STUDIO_KEY = "studio-ABCDEFGHIJKLMNOP4444"
FLAG_KEY = "flag-ABCDEFGHIJKLMNOPQRS5555"
ALL_KEYS = (OPENAI_KEY, XAI_KEY, STORED_KEY, STUDIO_KEY, FLAG_KEY)


#: As on a terminal (piped, `studio models` prints plain tab-separated lines instead).
TERMINAL = {"TTY_COMPATIBLE": "1", "TERM": "dumb"}


def run(*args: str, env: dict[str, str] | None = None, input: str | None = None):
    result = CliRunner().invoke(app, list(args), env={**TERMINAL, **(env or {})}, input=input)
    output = result.stdout + (result.stderr or "")
    for key in ALL_KEYS:
        assert key not in output, f"a key leaked into the output of {args}"
    return result, output


def test_models_lists_presets_and_masks_found_keys():
    store.set_key("openrouter", STORED_KEY)
    env = {"OPENAI_API_KEY": OPENAI_KEY, "XAI_API_KEY": XAI_KEY, "STUDIO_API_KEY": STUDIO_KEY}
    result, out = run("models", env=env)
    assert result.exit_code == 0, out
    for name in ("openai", "xai", "ollama", "vllm", "llamacpp", "lmstudio", "openrouter"):
        assert name in out
    assert "https://api.x.ai/v1" in out and "http://localhost:11434/v1" in out
    assert "sk-...1111 from OPENAI_API_KEY" in out and "xai...2222 from XAI_API_KEY" in out
    assert "sk-...3333 from keys.json" in out
    assert "In use: gpt-4o-mini via openai" in out


def test_models_with_nothing_configured_mentions_the_offline_designer():
    result, out = run("models")
    assert result.exit_code == 0 and "offline designer" in out


def test_models_flags_show_what_make_would_use():
    result, out = run(
        "models", "--base-url", "http://127.0.0.1:8000/v1", "--api-key", FLAG_KEY, "-m", "qwen"
    )
    assert result.exit_code == 0, out
    assert "qwen via 127.0.0.1:8000" in out and "fla...5555 (from --api-key)" in out


def test_models_treats_an_environment_key_as_environment_not_flag():
    store.set_key("http://127.0.0.1:8000/v1", STORED_KEY)
    env = {"STUDIO_API_KEY": STUDIO_KEY, "STUDIO_BASE_URL": "http://127.0.0.1:8000/v1"}
    result, out = run("models", env=env)
    # Order flag -> stored -> environment: the stored key wins over STUDIO_API_KEY.
    assert result.exit_code == 0 and "sk-...3333 (from keys.json" in out


def test_config_set_show_unset_round_trip():
    assert run("config", "set", "preset", "ollama")[0].exit_code == 0
    assert run("config", "set", "model", "qwen2.5-coder:14b")[0].exit_code == 0
    result, out = run("config", "set", "api_key", STORED_KEY, "--for", "openai")
    assert result.exit_code == 0 and "sk-...3333" in out
    result, out = run("config", "show")
    assert result.exit_code == 0
    assert "preset: ollama" in out and "openai: sk-...3333" in out
    assert "In use: qwen2.5-coder:14b via ollama" in out
    assert json.loads(store.keys_path().read_text()) == {"openai": STORED_KEY}
    assert run("config", "unset", "model")[0].exit_code == 0
    assert run("config", "unset", "api_key", "--for", "openai")[0].exit_code == 0
    assert store.load_config() == {"preset": "ollama"} and store.load_keys() == {}


def test_config_set_api_key_asks_hidden_and_stores_for_the_endpoint_in_use():
    run("config", "set", "base_url", "http://127.0.0.1:8000/v1")
    result, out = run("config", "set", "api_key", input=STUDIO_KEY + "\n")
    assert result.exit_code == 0, out
    assert store.load_keys() == {"http://127.0.0.1:8000/v1": STUDIO_KEY}


def test_config_set_api_key_without_an_endpoint_asks_which():
    result, out = run("config", "set", "api_key", STORED_KEY)
    assert result.exit_code == 2 and "--for" in out
    assert store.load_keys() == {}


def test_config_rejects_bad_values_with_the_fix():
    result, out = run("config", "set", "preset", "olama")
    assert result.exit_code == 2 and "ollama" in out
    result, out = run("config", "set", "base_url", "localhost:11434")
    assert result.exit_code == 2 and "http://localhost:11434/v1" in out
    result, out = run("config", "set", "colour", "red")
    assert result.exit_code == 2 and "unknown setting" in out


def test_corrupt_config_file_message():
    store.config_path().write_text("{not json")
    result, out = run("config", "show")
    assert result.exit_code == 2
    assert str(store.config_path()) in out and "delete it" in out


def test_models_with_a_bad_preset_in_the_environment_fails_cleanly():
    result, out = run("models", env={"STUDIO_PRESET": "olama"})
    assert result.exit_code == 2
    assert "unknown preset 'olama' (from STUDIO_PRESET)" in out and "Traceback" not in out


README = Path(__file__).resolve().parents[2] / "README.md"


def _readme_order() -> str:
    """The README's sentence on the lookup order, without its parenthesised examples."""
    text = " ".join(README.read_text(encoding="utf-8").split())
    start = text.index("Settings come from")
    sentence = text[start : text.index(".", text.index("; keys from", start)) + 1]
    return " ".join(re.sub(r"\s*\([^)]*\)", "", sentence).split())


def test_the_readme_states_the_lookup_order_studio_models_prints():
    result, out = run("models")
    assert result.exit_code == 0, out
    assert lookup_order() in out
    assert _readme_order() == lookup_order()


def test_the_stated_settings_order_is_the_order_resolve_applies():
    sources = {  # each source points at its own preset; the first in the order must win
        "flags": ("preset", "ollama"),
        "the environment": ("STUDIO_PRESET", "vllm"),
        "the config file": ("stored", "lmstudio"),
    }
    assert set(SETTINGS_ORDER) == set(sources)
    for i, name in enumerate(SETTINGS_ORDER):
        present = SETTINGS_ORDER[i:]
        flags = {"preset": sources["flags"][1]} if "flags" in present else {}
        env = {"STUDIO_PRESET": "vllm"} if "the environment" in present else {}
        if "the config file" in present:
            store.set_setting("preset", "lmstudio")
        endpoint = resolve(env=env, **flags)
        assert endpoint is not None and endpoint.preset == sources[name][1], name


def test_version_comes_from_the_package_metadata():
    result, out = run("--version")
    assert result.exit_code == 0
    assert out.strip() == f"studio {metadata.version('bigbrain-studio')}"
