"""Commands: ``studio config set|unset|show`` and ``studio models``.

Keys are only ever shown masked. The endpoint options (``--preset``, ``--base-url``,
``--model``, ``--api-key``) are shared with ``studio make`` through the ``*Opt`` aliases
and ``endpoint_from_flags``.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated, TypedDict

import typer
from rich.console import Console
from rich.table import Table

from studio.commands.common import handles_errors, is_piped, writable_folder_problem
from studio.errors import ConfigError, UsageError
from studio.gallery.location import gallery_location
from studio.models import config as store
from studio.models import tuning
from studio.models.endpoints import (
    PRESETS,
    Endpoint,
    check_url,
    get_preset,
    key_target,
    lookup_order,
    mask_key,
    preset_for_url,
    preset_key_status,
    resolve,
)
from studio.textsafe import clean, dumps

PresetOpt = Annotated[
    str | None,
    typer.Option(
        "--preset",
        envvar="STUDIO_PRESET",
        help=f"Named endpoint: {', '.join(PRESETS)}.",
        show_default=False,
    ),
]
BaseUrlOpt = Annotated[
    str | None,
    typer.Option(
        "--base-url",
        envvar="STUDIO_BASE_URL",
        help="Any OpenAI-compatible endpoint, e.g. http://localhost:8000/v1.",
        show_default=False,
    ),
]
ModelOpt = Annotated[
    str | None,
    typer.Option("--model", "-m", envvar="STUDIO_MODEL", help="Model name.", show_default=False),
]
ApiKeyOpt = Annotated[
    str | None,
    typer.Option(
        "--api-key",
        envvar="STUDIO_API_KEY",
        help="API key for the endpoint (never printed).",
        show_default=False,
    ),
]

_SETTINGS_HELP = "model, base_url, preset, timeout, idle_timeout, max_tokens, gallery or api_key"


class EndpointFlags(TypedDict):
    """The endpoint options of a command, as ``resolve`` takes them."""

    model: str | None
    base_url: str | None
    api_key: str | None
    preset: str | None


def explicit_flags(
    ctx: typer.Context | None,
    *,
    model: str | None,
    base_url: str | None,
    api_key: str | None,
    preset: str | None,
) -> EndpointFlags:
    """The command's option values, with those typer filled in from an environment variable
    (the options' ``envvar``) passed on as absent, so that ``resolve`` applies its own order
    (flag -> stored key -> environment) to them."""
    values = EndpointFlags(model=model, base_url=base_url, api_key=api_key, preset=preset)
    if ctx is not None:
        for name in ("model", "base_url", "api_key", "preset"):
            source = ctx.get_parameter_source(name)
            if getattr(source, "name", "") == "ENVIRONMENT":
                values[name] = None
    return values


def endpoint_from_flags(
    ctx: typer.Context | None = None,
    *,
    model: str | None = None,
    base_url: str | None = None,
    api_key: str | None = None,
    preset: str | None = None,
) -> Endpoint | None:
    """The endpoint for a command's ``--model/--base-url/--api-key/--preset`` values."""
    flags = explicit_flags(ctx, model=model, base_url=base_url, api_key=api_key, preset=preset)
    return resolve(**flags)


def _normal(name: str) -> str:
    return name.strip().lower().replace("-", "_")


def _key_target(target: str | None) -> str:
    """Where a key is stored: ``--for`` (a preset or URL), else the endpoint in use."""
    if target:
        if "://" in target:
            url = check_url(target, "--for")
            return key_target(preset_for_url(url), url)
        return get_preset(target, "--for").name
    endpoint = resolve()
    if endpoint is None:
        raise UsageError(
            "no endpoint is configured, so say which one the key is for: "
            f"--for PRESET ({', '.join(PRESETS)}) or --for BASE_URL"
        )
    return key_target(None if endpoint.custom else endpoint.spec, endpoint.base_url)


config_app = typer.Typer(
    help="Show and change the stored model settings (config.json, keys.json).",
    no_args_is_help=True,
)


KeyTargetOpt = Annotated[
    str | None,
    typer.Option("--for", help="api_key only: the preset or base URL the key is for."),
]


@config_app.command("set")
@handles_errors
def config_set(
    name: Annotated[str, typer.Argument(help=_SETTINGS_HELP)],
    value: Annotated[
        str | None, typer.Argument(help="The value (api_key: asked for, hidden, if left out).")
    ] = None,
    target: KeyTargetOpt = None,
) -> None:
    """Store a setting; api_key goes to keys.json, readable by you only."""
    name = _normal(name)
    if name == "api_key":
        where = _key_target(target)
        key = value if value is not None else _read_key()
        if not key.strip():
            raise UsageError("the key is empty; pass the key or type it when asked")
        store.set_key(where, key.strip())
        typer.echo(f"Stored the key for {where} in {store.keys_path()}: {mask_key(key.strip())}")
        return
    if value is None or not value.strip():
        raise UsageError(f"give a value: studio config set {name} VALUE")
    value = value.strip()
    if name == "preset":
        value = get_preset(value, "studio config set preset").name
    elif name == "base_url":
        value = check_url(value, "studio config set base_url")
    elif name in tuning.NAMES:
        value = tuning.check(name, value, f"studio config set {name}")
    elif name == "gallery":
        value = _gallery_folder(value)
    elif name not in store.SETTINGS:
        raise ConfigError(f"unknown setting {name!r}; known: {_SETTINGS_HELP}")
    store.set_setting(name, value)
    typer.echo(f"Set {name} = {clean(value)} in {store.config_path()}")


@config_app.command("unset")
@handles_errors
def config_unset(
    name: Annotated[str, typer.Argument(help=_SETTINGS_HELP)],
    target: KeyTargetOpt = None,
) -> None:
    """Remove a stored setting or key."""
    name = _normal(name)
    if name == "api_key":
        where = _key_target(target)
        found = store.unset_key(where)
        typer.echo(f"Removed the key for {where}." if found else f"No key stored for {where}.")
        return
    found = store.unset_setting(name)
    typer.echo(f"Removed {name}." if found else f"{name} was not set.")


def _read_key() -> str:
    """The key typed (hidden) at a terminal, or the first line piped in (no prompt then, and
    no warning about echo: nothing is echoed)."""
    if not sys.stdin.isatty():
        return sys.stdin.readline().strip()
    key: str = typer.prompt("API key (hidden)", hide_input=True, prompt_suffix=": ")
    return key


def _gallery_folder(value: str) -> str:
    """An absolute folder the gallery can be written in (checked now, not at the next make)."""
    path = Path(value).expanduser().absolute()
    problem = writable_folder_problem(path)
    if problem:
        raise UsageError(f"studio config set gallery: {problem}. Give a folder you can write to.")
    return str(path)


def _describe(endpoint: Endpoint | None) -> list[str]:
    if endpoint is None:
        return [
            "Nothing is configured: `studio make` uses the offline designer (no model).",
            "Configure a model with e.g. `studio config set preset ollama`, or set "
            "OPENAI_API_KEY / XAI_API_KEY / OPENROUTER_API_KEY.",
        ]
    key = (
        f"{mask_key(endpoint.api_key)} (from {endpoint.key_source})"
        if endpoint.api_key
        else ("missing: set " + endpoint.key_var if endpoint.needs_key else "none (not needed)")
    )
    lines = [
        f"In use: {endpoint.label}",
        f"  base URL: {endpoint.base_url}" + ("  (custom)" if endpoint.custom else ""),
        f"  model:    {endpoint.model or '(the first model the server lists)'}",
        f"  key:      {key}",
        f"  chosen by: {endpoint.origin}",
        _tuning_line(endpoint),
    ]
    if endpoint.custom and os.environ.get("OPENAI_API_KEY"):
        lines.append("  (OPENAI_API_KEY is never sent to a custom base URL; use STUDIO_API_KEY)")
    return lines


def _tuning_line(endpoint: Endpoint) -> str:
    tuned = tuning.resolve_tuning()
    limit = tuned.max_tokens or tuning.preset_max_tokens(endpoint.preset)
    return (
        f"  waits:    {tuned.timeouts.first_token:g}s for the first token "
        f"({tuned.source('timeout')}), {tuned.timeouts.idle:g}s of silence mid-reply "
        f"({tuned.source('idle_timeout')}); max_tokens {limit} "
        f"({tuned.source('max_tokens') if tuned.max_tokens else 'the preset default'})"
    )


@config_app.command("show")
@handles_errors
def config_show(
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the settings as JSON (keys masked).")
    ] = False,
) -> None:
    """Print the stored settings, the stored keys (masked), the gallery and the endpoint in use.

    Example: studio config show --json
    """
    cfg = store.load_config()
    keys = store.load_keys()
    gallery, chosen = gallery_location()
    if as_json:
        endpoint = resolve()
        typer.echo(
            dumps(
                {
                    "config_file": str(store.config_path()),
                    "settings": {name: cfg.get(name) for name in store.SETTINGS},
                    "keys_file": str(store.keys_path()),
                    "keys": {target: mask_key(key) for target, key in sorted(keys.items())},
                    "gallery": {"path": str(gallery), "chosen_by": chosen},
                    "endpoint": _endpoint_json(endpoint),
                }
            )
        )
        return
    out = _console()
    out.print(f"Config file: {store.config_path()}", markup=False)
    for name in store.SETTINGS:
        out.print(f"  {name}: {clean(cfg.get(name, '(not set)'))}", markup=False)
    out.print(f"Keys file: {store.keys_path()}", markup=False)
    if not keys:
        out.print("  (no keys stored)", markup=False)
    for target, key in sorted(keys.items()):
        out.print(f"  {target}: {mask_key(key)}", markup=False)
    out.print(f"Gallery: {clean(gallery)} ({chosen})", markup=False)
    for line in _describe(resolve()):
        out.print(clean(line), markup=False)


def _endpoint_json(endpoint: Endpoint | None) -> dict[str, object] | None:
    """The endpoint in use for --json: no key, only whether there is one and where from."""
    if endpoint is None:
        return None
    return {
        "label": endpoint.label,
        "base_url": endpoint.base_url,
        "model": endpoint.model or None,
        "preset": endpoint.preset,
        "custom": endpoint.custom,
        "key": mask_key(endpoint.api_key) if endpoint.api_key else None,
        "key_source": endpoint.key_source or None,
        "chosen_by": endpoint.origin,
    }


def _console() -> Console:
    """stdout; wide enough for the tables when it is not a terminal (pipes, tests)."""
    return Console(highlight=False, soft_wrap=True, width=None if sys.stdout.isatty() else 160)


@handles_errors
def models(
    ctx: typer.Context,
    preset: PresetOpt = None,
    base_url: BaseUrlOpt = None,
    model: ModelOpt = None,
    api_key: ApiKeyOpt = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the presets and the endpoint as JSON.")
    ] = False,
) -> None:
    """List the endpoint presets, the keys found (masked), and the endpoint in use.

    Piped, the presets are plain tab-separated lines: preset, base URL, default model, key
    variable, key found.

    Examples: studio models  |  studio models --preset ollama  |  studio models --json
    """
    rows = []
    for spec in PRESETS.values():
        masked, source = preset_key_status(spec)
        found = (
            f"{masked} from {source.split(' ')[0]}"
            if masked
            else ("-" if not spec.key_var else "no")
        )
        rows.append((spec.name, spec.base_url, spec.default_model or "", spec.key_var or "", found))
    endpoint = endpoint_from_flags(
        ctx, model=model, base_url=base_url, api_key=api_key, preset=preset
    )
    if as_json:
        presets = [
            dict(zip(("preset", "base_url", "default_model", "key_var", "key"), r, strict=True))
            for r in rows
        ]
        typer.echo(dumps({"presets": presets, "endpoint": _endpoint_json(endpoint)}))
        return
    if is_piped(sys.stdout):
        for row in rows:
            typer.echo("\t".join(clean(cell) for cell in row))
        return
    out = _console()
    table = Table(title="Model endpoints (presets)", title_justify="left", box=None)
    for column in ("preset", "base URL", "default model", "key variable", "key found"):
        table.add_column(column, overflow="fold", no_wrap=column == "preset")
    for name, url, default, var, found in rows:
        table.add_row(name, url, default or "(server's first)", var or "-", found)
    out.print(table)
    for line in _describe(endpoint):
        out.print(clean(line), markup=False)
    out.print(lookup_order(), markup=False, soft_wrap=True)


def register(app: typer.Typer) -> None:
    """Add this module's commands to ``app``."""
    app.add_typer(config_app, name="config")
    app.command("models")(models)
