"""The options ``studio remix`` and ``studio fix`` share with ``studio make``, typed once."""

from __future__ import annotations

from typing import Annotated

import typer

Attempts = Annotated[
    int | None,
    typer.Option("--attempts", "-n", help="Attempts in parallel (default 3, 5 with --big-brain)."),
]
BigBrainFlag = Annotated[
    bool, typer.Option("--big-brain", help="More attempts, higher reasoning effort.")
]
Repairs = Annotated[int, typer.Option("--repairs", "-r", help="Repair rounds for a close failure.")]
First = Annotated[bool, typer.Option("--first", help="Stop at the first accepted version.")]
ShowThinking = Annotated[bool, typer.Option("--show-thinking", help="Stream the model's thinking.")]
Offline = Annotated[bool, typer.Option("--offline", help="Use the offline designer, not a model.")]
ModelName = Annotated[
    str | None, typer.Option("--model", "-m", envvar="STUDIO_MODEL", help="Model name.")
]
BaseUrl = Annotated[
    str | None,
    typer.Option("--base-url", envvar="STUDIO_BASE_URL", help="OpenAI-compatible endpoint."),
]
ApiKey = Annotated[
    str | None,
    typer.Option(
        "--api-key", envvar="STUDIO_API_KEY", help="API key (never printed).", show_default=False
    ),
]
Preset = Annotated[
    str | None, typer.Option("--preset", envvar="STUDIO_PRESET", help="openai, xai, ollama, ...")
]
Timeout = Annotated[
    float | None,
    typer.Option(
        "--timeout",
        help="Seconds to wait for the model's first token (env STUDIO_TIMEOUT; default 45).",
        show_default=False,
    ),
]
IdleTimeout = Annotated[
    float | None,
    typer.Option(
        "--idle-timeout",
        help="Seconds of silence mid-reply before giving up (env STUDIO_IDLE_TIMEOUT; 20).",
        show_default=False,
    ),
]
MaxTokens = Annotated[
    int | None,
    typer.Option(
        "--max-tokens",
        help="Output limit sent to the model (env STUDIO_MAX_TOKENS; default per preset).",
        show_default=False,
    ),
]
Seconds = Annotated[
    float, typer.Option("--seconds", help="Game seconds the verifier plays each candidate.")
]
Seed = Annotated[
    int | None,
    typer.Option("--seed", help="Base seed of the attempts (default: a new one each time)."),
]
GalleryDir = Annotated[
    str | None,
    typer.Option(
        "--gallery",
        envvar="STUDIO_GALLERY",
        help="Gallery folder (default: your user gallery; see `studio gallery`).",
    ),
]
Quiet = Annotated[
    bool,
    typer.Option(
        "--quiet", "-q", help="Print only the last line: the version's ref and its folder."
    ),
]
AsJson = Annotated[
    bool, typer.Option("--json", help="Print the result as JSON on stdout (progress on stderr).")
]
