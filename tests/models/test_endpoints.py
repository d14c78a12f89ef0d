"""Resolving the endpoint from flags, environment and the stored config; keys stay private."""

from __future__ import annotations

import json
import stat

import pytest

from studio.errors import ConfigError
from studio.models import config as store
from studio.models.endpoints import PRESETS, Endpoint, mask_key, resolve, scrub

OPENAI_KEY = "sk-openai-ABCDEFGHIJKLMNOP1111"
XAI_KEY = "xai-key-ABCDEFGHIJKLMNOP2222"


def test_nothing_configured_means_no_endpoint():
    assert resolve() is None


def test_openai_key_alone_selects_openai():
    endpoint = resolve(env={"OPENAI_API_KEY": OPENAI_KEY})
    assert endpoint is not None
    assert (endpoint.preset, endpoint.base_url, endpoint.model) == (
        "openai",
        "https://api.openai.com/v1",
        "gpt-4o-mini",
    )
    assert endpoint.api_key == OPENAI_KEY and endpoint.key_source == "OPENAI_API_KEY"
    assert endpoint.label == "gpt-4o-mini via openai" and not endpoint.custom


def test_xai_key_alone_selects_xai():
    endpoint = resolve(env={"XAI_API_KEY": XAI_KEY})
    assert endpoint is not None and endpoint.preset == "xai"
    assert endpoint.base_url == "https://api.x.ai/v1" and endpoint.api_key == XAI_KEY


def test_model_alone_means_openai_and_names_its_variable():
    endpoint = resolve(model="gpt-4o")
    assert endpoint is not None and endpoint.preset == "openai" and endpoint.api_key is None
    assert endpoint.needs_key and endpoint.key_var == "OPENAI_API_KEY"


def test_every_preset_resolves_to_its_base_url():
    for name, spec in PRESETS.items():
        endpoint = resolve(preset=name)
        assert endpoint is not None and endpoint.base_url == spec.base_url
        assert endpoint.model == spec.default_model and not endpoint.custom


def test_flags_beat_environment_beat_config():
    store.set_setting("preset", "lmstudio")
    env = {"STUDIO_BASE_URL": "http://gpu-box:8000/v1", "STUDIO_MODEL": "env-model"}
    assert resolve(env={}).base_url == "http://localhost:1234/v1"  # type: ignore[union-attr]
    endpoint = resolve(env=env)
    assert endpoint is not None and endpoint.base_url == "http://gpu-box:8000/v1"
    assert endpoint.model == "env-model" and endpoint.custom
    endpoint = resolve(preset="ollama", model="llama3", env=env)
    assert endpoint is not None and endpoint.preset == "ollama" and endpoint.model == "llama3"


def test_a_model_stored_for_another_endpoint_is_not_carried_over():
    store.set_setting("preset", "openai")
    store.set_setting("model", "gpt-4o")
    endpoint = resolve(preset="ollama", env={})
    assert endpoint is not None and endpoint.model == PRESETS["ollama"].default_model
    # A model stored without an endpoint applies to whatever endpoint is chosen.
    store.unset_setting("preset")
    assert resolve(preset="ollama", env={}).model == "gpt-4o"  # type: ignore[union-attr]


def test_key_order_flag_then_stored_then_environment():
    env = {"OPENAI_API_KEY": OPENAI_KEY}
    assert resolve(preset="openai", env=env).key_source == "OPENAI_API_KEY"  # type: ignore[union-attr]
    store.set_key("openai", "sk-stored-ABCDEFGHIJKLMNOP3333")
    endpoint = resolve(preset="openai", env=env)
    assert endpoint is not None and endpoint.api_key == "sk-stored-ABCDEFGHIJKLMNOP3333"
    endpoint = resolve(preset="openai", api_key="sk-flag-ABCDEFGHIJKLMNOP4444", env=env)
    assert endpoint is not None and endpoint.key_source == "--api-key"


def test_custom_base_url_never_gets_the_openai_key():
    store.set_key("openai", "sk-stored-openai-ABCDEFGHIJ5555")
    env = {"OPENAI_API_KEY": OPENAI_KEY}
    for endpoint in (
        resolve(base_url="http://localhost:9999/v1", env=env),
        resolve(preset="openai", base_url="https://proxy.example/v1", env=env),
        resolve(env={**env, "OPENAI_BASE_URL": "http://127.0.0.1:5000/v1"}),
    ):
        assert endpoint is not None and endpoint.custom
        assert endpoint.api_key is None and endpoint.key_var == "STUDIO_API_KEY"


def test_custom_base_url_uses_studio_key_or_its_own_stored_key():
    url = "http://localhost:9999/v1"
    endpoint = resolve(base_url=url, env={"STUDIO_API_KEY": "studio-key-ABCDEFGHIJ6666"})
    assert endpoint is not None and endpoint.key_source == "STUDIO_API_KEY"
    store.set_key(url, "url-key-ABCDEFGHIJKLMN7777")
    endpoint = resolve(base_url=url + "/", env={})
    assert endpoint is not None and endpoint.api_key == "url-key-ABCDEFGHIJKLMN7777"


def test_bad_preset_and_bad_url_name_the_source_and_the_fix():
    with pytest.raises(ConfigError, match="unknown preset 'olama'.*--preset.*ollama"):
        resolve(preset="olama")
    with pytest.raises(ConfigError, match="STUDIO_BASE_URL.*not an http"):
        resolve(env={"STUDIO_BASE_URL": "localhost:8000"})


def test_keys_file_is_private_and_config_file_holds_no_key():
    store.set_key("openai", OPENAI_KEY)
    store.set_setting("model", "gpt-4o")
    assert stat.S_IMODE(store.keys_path().stat().st_mode) == 0o600
    assert OPENAI_KEY not in store.config_path().read_text()
    assert json.loads(store.keys_path().read_text()) == {"openai": OPENAI_KEY}


@pytest.mark.parametrize("which", ["config", "keys"])
def test_corrupt_file_names_the_file_and_the_fix(which):
    path = store.config_path() if which == "config" else store.keys_path()
    path.write_text('{"model": "gpt-4o",')
    with pytest.raises(ConfigError) as info:
        resolve()
    assert str(path) in str(info.value) and "delete it" in str(info.value)


def test_config_file_that_is_not_an_object():
    store.config_path().write_text('["model"]')
    with pytest.raises(ConfigError, match="not a JSON object"):
        store.load_config()


def test_mask_and_scrub():
    assert mask_key(OPENAI_KEY) == "sk-...1111"
    assert mask_key("short-key") == "********"
    assert mask_key(None) == "(none)"
    assert scrub(f"bad key {OPENAI_KEY}!", OPENAI_KEY) == "bad key sk-...1111!"


def test_endpoint_never_shows_its_key():
    endpoint = resolve(env={"OPENAI_API_KEY": OPENAI_KEY})
    assert endpoint is not None
    assert OPENAI_KEY not in repr(endpoint) and OPENAI_KEY not in json.dumps(endpoint.describe())


def test_cost_where_prices_are_known():
    paid = Endpoint("https://api.openai.com/v1", "gpt-4o-mini", preset="openai", custom=False)
    assert paid.cost_usd(1_000_000, 1_000_000) == pytest.approx(0.75)
    unknown = Endpoint("https://api.openai.com/v1", "gpt-99", preset="openai", custom=False)
    assert unknown.cost_usd(10, 10) is None
    local = Endpoint("http://localhost:11434/v1", "qwen", preset="ollama", custom=False)
    assert local.cost_usd(10, 10) == 0.0
    assert Endpoint("http://x:1/v1", "m").cost_usd(10, 10) is None
