"""``studio remix GAME "change"``: a new version of a game, made like ``studio make``."""

from __future__ import annotations

import sys
from typing import Annotated, Any

import typer
from rich.console import Console

from studio.commands import change
from studio.commands import change_options as o
from studio.commands.common import (
    check_folder_option,
    handles_errors,
    only_json_on_stdout,
    open_gallery,
)
from studio.gallery.location import gallery_dir
from studio.remix import Review, load_parent, parent_seed, remix_plan
from studio.remix_prompts import RemixBrief, remix_prompts
from studio.run import RunResult
from studio.textsafe import clean


def register(app: typer.Typer) -> None:
    """Add ``studio remix`` to ``app``."""
    app.command("remix")(remix)


@handles_errors
def remix(
    ctx: typer.Context,
    game: Annotated[
        str,
        typer.Argument(
            metavar="GAME", help="SLUG, SLUG@N, a gallery folder or a .py file to change."
        ),
    ],
    request: Annotated[
        str, typer.Argument(metavar="REQUEST", help="What to change, in a sentence.")
    ],
    attempts: o.Attempts = None,
    big_brain: o.BigBrainFlag = False,
    repairs: o.Repairs = 2,
    first: o.First = False,
    show_thinking: o.ShowThinking = False,
    offline: o.Offline = False,
    model: o.ModelName = None,
    base_url: o.BaseUrl = None,
    api_key: o.ApiKey = None,
    preset: o.Preset = None,
    timeout: o.Timeout = None,
    idle_timeout: o.IdleTimeout = None,
    max_tokens: o.MaxTokens = None,
    seconds: o.Seconds = 30.0,
    seed: o.Seed = None,
    gallery: o.GalleryDir = None,
    quiet: o.Quiet = False,
    as_json: o.AsJson = False,
) -> None:
    """Remix a game: a new version with the change asked for, verified to still play and to
    differ from its parent. The parent is never touched.

    A file outside the gallery is imported: the gallery gains it as version 1 and the remix
    as version 2. With no model (or --offline) the designer changes a designer game's design:
    faster, harder, a bigger board, more enemies, another theme, power-ups, lives, a timer,
    "mix it with snake".

    Examples:  studio remix gem-fall "make the gems fall faster"  |  studio remix
    gem-fall@1 "add a bomb gem" --attempts 5  |  studio remix ./pong.py "two balls"
    """
    if quiet or as_json:
        with only_json_on_stdout() as out:
            console = Console(stderr=True, highlight=False, quiet=quiet)
            change.finish(out, _remix(ctx, console, locals()), as_json)
        return
    console = Console(highlight=False)
    change.finish(sys.stdout, _remix(ctx, console, locals()), False)


def _remix(ctx: typer.Context, console: Console, args: dict[str, Any]) -> RunResult:
    request = change.check_request(args["request"])
    check_folder_option(gallery_dir(args["gallery"]), "--gallery", "STUDIO_GALLERY")
    store = open_gallery(args["gallery"])
    parent = load_parent(store, args["game"])
    author, endpoint, secrets = change.author_for(ctx, args, request)
    offline = author.source == "offline"
    prompts = None
    extra = None
    if offline:
        from studio.remix_offline import DesignRemixer, plan_offline

        planned = plan_offline(parent, request)  # refuses (exit 1) before anything runs
        author = DesignRemixer(planned)
        args = {**args, "attempts": 1}  # the design change is deterministic: one is enough
        why = "--offline" if args["offline"] else "no model is configured, see `studio models`"
        console.print(f"Author: offline designer (no model), because {why}", markup=False)
        console.print(clean(planned.outcome.line), markup=False)
    else:
        console.print(f"Author: {clean(author.label, newlines=False)}", markup=False)
    settings = change.settings_for(args, request, endpoint)
    review = Review(
        parent,
        _verifier(),
        seed=parent_seed(parent),
        seconds=settings.seconds,
    )
    plan = remix_plan(store, parent, request, review, extra)
    if not offline:
        brief = RemixBrief(
            request=request,
            parent_code=parent.code,
            parent_prompt=parent.prompt,
            parent_flags=tuple(_flags(parent.meta)),
        )
        prompts = remix_prompts(brief)
    console.print(
        f"Remixing {clean(parent.label)}: {settings.attempts} attempt(s), up to "
        f"{settings.repairs} repair round(s) each, run seed {settings.seed} (the same "
        f"attempts again: --seed {settings.seed}); candidates played with the parent's "
        f"seed {review.seed}",
        markup=False,
    )
    review.prefetch()
    title = clean(f"{parent.label}: {request}", newlines=False)
    result, _brain = change.run(console, settings, author, plan, prompts, secrets, title)
    change.report(console, result, secrets, offline=offline, parent_label=parent.label)
    return result


def _flags(meta: dict[str, Any]) -> list[str]:
    verdict = meta.get("verdict")
    flags = verdict.get("flags") if isinstance(verdict, dict) else None
    return [str(f) for f in flags] if isinstance(flags, list) else []


def _verifier() -> Any:
    from studio.collaborators import default_verifier

    return default_verifier()
