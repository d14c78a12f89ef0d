"""``studio fix GAME``: a new version that repairs a game.

What to fix: the last crash recorded while a person played the game (``studio play``), or,
when there is none, what the verifier finds when it plays the game first. A game with
nothing to fix is said to be so (exit 0). The run is a remix's (``studio.remix``): the
attempts start from the game, the winner must be playable, differ from it in code and have
no flag it did not have, and it becomes the game's next version.
"""

from __future__ import annotations

import sys
from typing import Annotated, Any

import typer
from rich.console import Console

from studio import prompt as p
from studio.commands import change
from studio.commands import change_options as o
from studio.commands.common import (
    check_folder_option,
    handles_errors,
    only_json_on_stdout,
    open_gallery,
)
from studio.errors import UsageError
from studio.gallery.location import gallery_dir
from studio.remix import Parent, Review, load_parent, parent_seed, remix_plan
from studio.remix_prompts import RemixBrief, remix_prompts
from studio.run import RunResult
from studio.textsafe import clean
from studio.verdicts.report import Verdict

#: Lines of a recorded traceback sent to the model (its end, where the error is).
TRACEBACK_LINES = 40


def register(app: typer.Typer) -> None:
    """Add ``studio fix`` to ``app``."""
    app.command("fix")(fix)


@handles_errors
def fix(
    ctx: typer.Context,
    game: Annotated[
        str, typer.Argument(metavar="GAME", help="SLUG, SLUG@N, a gallery folder or a .py file.")
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
    """Fix a game: a new version repairing the last crash seen while it was played, or what
    the verifier finds. Nothing to fix: says so and exits 0.

    Examples:  studio fix gem-fall  |  studio fix gem-fall@2 --attempts 5
    """
    if quiet or as_json:
        with only_json_on_stdout() as out:
            console = Console(stderr=True, highlight=False, quiet=quiet)
            result = _fix(ctx, console, locals())
            if result is not None:
                change.finish(out, result, as_json)
        return
    console = Console(highlight=False)
    result = _fix(ctx, console, locals())
    if result is not None:
        change.finish(sys.stdout, result, False)


def _fix(ctx: typer.Context, console: Console, args: dict[str, Any]) -> RunResult | None:
    check_folder_option(gallery_dir(args["gallery"]), "--gallery", "STUDIO_GALLERY")
    store = open_gallery(args["gallery"])
    parent = load_parent(store, args["game"])
    review = Review(parent, _verifier(), seed=parent_seed(parent), seconds=args["seconds"])
    review.frames = False  # a fixed game may well look the same
    crash = store.last_crash(parent.entry) if parent.entry is not None else None
    verdict: Verdict | None = None
    if crash is not None:
        what = _crash_line(crash["traceback"])
        request = f"fix: it crashed while being played ({what})"
        console.print(f"{clean(parent.label)} crashed while being played: {clean(what)}")
    else:
        console.print(f"No crash recorded for {clean(parent.label)}: playing it first")
        verdict = _verifier()(parent.path, seconds=args["seconds"], seed=review.seed)
        if verdict.playable and not verdict.flags:
            console.print(
                f"Nothing to fix: {clean(parent.label)} is playable ({verdict.summary()}) and "
                "no crash was recorded while it was played."
            )
            return None
        review.know(verdict)
        request = f"fix: {verdict.reasons()}"
        console.print(f"The verifier found: {clean(verdict.summary())}", markup=False)
    author, endpoint, secrets = change.author_for(ctx, args, request, "fix")
    if author.source == "offline":
        raise UsageError(
            "the offline designer cannot fix a game (it only rebuilds its own games from their "
            "design): configure a model (`studio models`, or --base-url and --model)"
        )
    console.print(f"Author: {clean(author.label, newlines=False)}", markup=False)
    settings = change.settings_for(args, request, endpoint)
    prompts = remix_prompts(_brief(parent, crash, request))
    if verdict is not None:  # the first request is the usual repair prompt, with the verdict
        found = verdict
        prompts.make = lambda prompt, design: p.repair_messages(
            parent.prompt or "a pygame game", parent.code, found
        )
    plan = remix_plan(store, parent, request, review)
    title = clean(f"fix {parent.label}", newlines=False)
    result, _brain = change.run(console, settings, author, plan, prompts, secrets, title)
    change.report(console, result, secrets, offline=False, parent_label=parent.label, kept="fix")
    return result


def _brief(parent: Parent, crash: dict[str, Any] | None, request: str) -> RemixBrief:
    if crash is not None:
        lines = str(crash.get("traceback", "")).rstrip().splitlines()[-TRACEBACK_LINES:]
        change_text = (
            "It crashed while a person played it (version "
            f"{crash.get('version', '?')}, {crash.get('time', 'time unknown')}). Fix the cause "
            "so it cannot crash that way again; change nothing else.\n\nTraceback:\n```\n"
            + "\n".join(lines)
            + "\n```"
        )
    else:
        change_text = f"Fix what the automatic tester found ({request[5:]}); change nothing else."
    return RemixBrief(request=change_text, parent_code=parent.code, parent_prompt=parent.prompt)


def _crash_line(traceback: str) -> str:
    """The traceback's last line (``ZeroDivisionError: division by zero``)."""
    lines = [line.strip() for line in traceback.strip().splitlines() if line.strip()]
    return lines[-1][:200] if lines else "no traceback"


def _verifier() -> Any:
    from studio.collaborators import default_verifier

    return default_verifier()
