"""``studio make PROMPT``: the thin command over Big Brain (studio.bigbrain)."""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from studio.bigbrain import BigBrain
from studio.commands.common import (
    check_folder_option,
    err_console,
    fail,
    handles_errors,
    only_json_on_stdout,
    open_gallery,
)
from studio.commands.config import EndpointFlags, explicit_flags
from studio.commands.make_report import finish, report, unreachable
from studio.errors import GalleryError, StudioError, UsageError
from studio.gallery.location import gallery_dir
from studio.progress import make_progress
from studio.run import BIG_BRAIN_ATTEMPTS, DEFAULT_ATTEMPTS, MAX_ATTEMPTS, RunResult, Settings
from studio.runlog import scrub
from studio.textsafe import CleanProgress, clean


def register(app: typer.Typer) -> None:
    """Add ``studio make`` to ``app``."""
    app.command("make")(make)


@handles_errors
def make(
    ctx: typer.Context,
    prompt: Annotated[
        str, typer.Argument(metavar="PROMPT", help="The game you want, in a sentence.")
    ],
    attempts: Annotated[
        int | None,
        typer.Option(
            "--attempts", "-n", help="Attempts in parallel (default 3, 5 with --big-brain)."
        ),
    ] = None,
    big_brain: Annotated[
        bool,
        typer.Option(
            "--big-brain", help="More attempts, a design step first, higher reasoning effort."
        ),
    ] = False,
    repairs: Annotated[
        int, typer.Option("--repairs", "-r", help="Repair rounds for a close failure.")
    ] = 2,
    first: Annotated[
        bool, typer.Option("--first", help="Stop at the first playable game.")
    ] = False,
    show_thinking: Annotated[
        bool, typer.Option("--show-thinking", help="Stream the model's thinking.")
    ] = False,
    offline: Annotated[
        bool, typer.Option("--offline", help="Use the offline designer, not a model.")
    ] = False,
    model: Annotated[
        str | None, typer.Option("--model", "-m", envvar="STUDIO_MODEL", help="Model name.")
    ] = None,
    base_url: Annotated[
        str | None,
        typer.Option("--base-url", envvar="STUDIO_BASE_URL", help="OpenAI-compatible endpoint."),
    ] = None,
    api_key: Annotated[
        str | None,
        typer.Option(
            "--api-key",
            envvar="STUDIO_API_KEY",
            help="API key (never printed).",
            show_default=False,
        ),
    ] = None,
    preset: Annotated[
        str | None,
        typer.Option("--preset", envvar="STUDIO_PRESET", help="openai, xai, ollama, ..."),
    ] = None,
    timeout: Annotated[
        float | None,
        typer.Option(
            "--timeout",
            help="Seconds to wait for the model's first token (env STUDIO_TIMEOUT; default 45).",
            show_default=False,
        ),
    ] = None,
    idle_timeout: Annotated[
        float | None,
        typer.Option(
            "--idle-timeout",
            help="Seconds of silence mid-reply before giving up (env STUDIO_IDLE_TIMEOUT; 20).",
            show_default=False,
        ),
    ] = None,
    max_tokens: Annotated[
        int | None,
        typer.Option(
            "--max-tokens",
            help="Output limit sent to the model (env STUDIO_MAX_TOKENS; default per preset).",
            show_default=False,
        ),
    ] = None,
    seconds: Annotated[
        float, typer.Option("--seconds", help="Game seconds the verifier plays each candidate.")
    ] = 30.0,
    seed: Annotated[
        int | None,
        typer.Option("--seed", help="Base seed of the attempts (default: a new one each time)."),
    ] = None,
    gallery: Annotated[
        str | None,
        typer.Option(
            "--gallery",
            envvar="STUDIO_GALLERY",
            help="Gallery folder (default: your user gallery; see `studio gallery`).",
        ),
    ] = None,
    judge: Annotated[
        bool | None,
        typer.Option(
            "--judge/--no-judge",
            help="A model judges whether the finalists are the game asked for "
            "(default: on with --big-brain when a model is configured).",
        ),
    ] = None,
    judge_model: Annotated[
        str | None,
        typer.Option(
            "--judge-model",
            help="The judge: MODEL (same endpoint), MODEL@PRESET or MODEL@BASE_URL.",
        ),
    ] = None,
    quiet: Annotated[
        bool,
        typer.Option(
            "--quiet",
            "-q",
            help="Print only the last line: the slug and the folder, tab-separated.",
        ),
    ] = False,
    as_json: Annotated[
        bool,
        typer.Option("--json", help="Print the result as JSON on stdout (progress on stderr)."),
    ] = False,
) -> None:
    """Make a game from a sentence: parallel attempts, verified, the best kept in the gallery.

    The last line printed is the new game's slug and folder, tab-separated, for scripts.

    Examples:  studio make "snake meets breakout"  |  studio make "a cosy game about cats"
    --seed 272580  |  studio make "asteroids" --preset ollama -q
    """
    if quiet or as_json:
        with only_json_on_stdout() as out:
            console = Console(stderr=True, highlight=False, quiet=quiet)
            result = _make(ctx, console, locals())
            finish(out, result, as_json)
        return
    console = Console(highlight=False)
    finish(sys.stdout, _make(ctx, console, locals()), False)


def _make(ctx: typer.Context, console: Console, args: dict[str, Any]) -> RunResult:
    """The run behind ``studio make``; ``args`` its options. Raises ``typer.Exit`` when no
    game was kept, after saying why on stderr."""
    prompt, attempts, big_brain = args["prompt"], args["attempts"], args["big_brain"]
    repairs, first, show_thinking = args["repairs"], args["first"], args["show_thinking"]
    offline, model, base_url = args["offline"], args["model"], args["base_url"]
    api_key, preset, timeout = args["api_key"], args["preset"], args["timeout"]
    idle_timeout, max_tokens, seconds = args["idle_timeout"], args["max_tokens"], args["seconds"]
    seed, gallery, judge, judge_model = (
        args["seed"],
        args["gallery"],
        args["judge"],
        args["judge_model"],
    )
    if attempts is not None and not 1 <= attempts <= MAX_ATTEMPTS:  # 0 is not "the default"
        raise UsageError(
            f"--attempts must be between 1 and {MAX_ATTEMPTS}, not {attempts}: leave it out "
            f"for the default ({DEFAULT_ATTEMPTS}, or {BIG_BRAIN_ATTEMPTS} with --big-brain)"
        )
    if seed is None:  # a new game each time; the seed is printed and kept to make it again
        seed = random.SystemRandom().randrange(1_000_000)
    settings = Settings(
        prompt=prompt,
        attempts=attempts
        if attempts is not None
        else (BIG_BRAIN_ATTEMPTS if big_brain else DEFAULT_ATTEMPTS),
        big_brain=big_brain,
        repairs=repairs,
        first=first,
        show_thinking=show_thinking,
        seconds=seconds,
        seed=seed,
        gallery=gallery,
        reasoning_effort="high" if big_brain else None,
    )
    settings.check()  # bad input fails before any model is contacted
    # ... and so does a gallery the winner could not be saved in (a file, a read-only place)
    check_folder_option(gallery_dir(gallery), "--gallery", "STUDIO_GALLERY")
    open_gallery(gallery)  # a first use of the user's gallery brings the showcase in
    # Values typer read from STUDIO_* variables go back to the resolver as unset: it reads the
    # environment itself, in its own order, and names the right source in its messages.
    flags = explicit_flags(ctx, model=model, base_url=base_url, api_key=api_key, preset=preset)
    tuned = {"timeout": timeout, "idle_timeout": idle_timeout, "max_tokens": max_tokens}
    author, endpoint = _author(offline, tuned, flags)
    if endpoint is not None:  # a dead server is said once, before any attempt starts
        problem = unreachable(endpoint, prompt)
        if problem:
            raise fail(scrub(problem, (api_key, endpoint.api_key)))
    secrets: tuple[str | None, ...] = (api_key, getattr(endpoint, "api_key", None))
    settings.model = getattr(endpoint, "model", None)
    settings.preset = getattr(endpoint, "preset", None)
    settings.base_url = getattr(endpoint, "base_url", None)
    if author.source == "offline":
        why = "--offline" if offline else "no model is configured, see `studio models`"
        console.print(f"Author: offline designer (no model), because {why}", markup=False)
    else:
        console.print(f"Author: {clean(author.label, newlines=False)}", markup=False)
    mode = ""
    if big_brain:
        mode = "Big Brain: " if author.source == "offline" else "Big Brain: a design step, "
    console.print(
        f"{mode}{settings.attempts} attempt(s), up to {settings.repairs} repair round(s) each, "
        f"run seed {settings.seed} (make the same attempts again: --seed {settings.seed})"
        + (", stopping at the first playable game" if first else "")
    )
    the_judge = _judge(console, settings, author, endpoint, judge, judge_model)
    if the_judge is not None:
        secrets = (*secrets, the_judge.model.endpoint.api_key)
    title = clean(prompt, newlines=False)
    progress = CleanProgress(make_progress(console, title=title, show_thinking=show_thinking))
    brain = BigBrain(
        settings, author, progress=progress, secrets=secrets, kill=_kill_all(), judge=the_judge
    )
    try:
        result = brain.run()
    except KeyboardInterrupt:
        err_console.print(f"cancelled; the run log is kept in {brain.run_dir}", markup=False)
        raise typer.Exit(130) from None
    except GalleryError as exc:  # the winner could not be saved: say where it is kept
        if brain.run_dir is None:
            raise
        kept = _kept_winner(brain.run_dir)
        where = (
            f"The winning game is kept in the run log: {kept}"
            if kept is not None
            else f"The run log is kept in {brain.run_dir}"
        )
        raise fail(f"{scrub(str(exc), secrets)}\n{where}", exc.exit_code) from None
    report(console, result, secrets, offline=author.source == "offline")
    if result.entry is not None:  # the seed that makes these attempts again, labelled so
        from studio.gallery.store import Gallery

        result.entry = Gallery(result.entry.path.parent).update_meta(
            result.entry.slug, {"run_seed": settings.seed}
        )
    if result.entry is not None and (result.entry.path.parent / "index.html").exists():
        from studio.gallery.html import build_site
        from studio.gallery.store import Gallery

        try:  # keep the gallery's web page current; the game is saved either way
            build_site(Gallery(result.entry.path.parent))
        except (OSError, StudioError) as exc:
            err_console.print(f"warning: the gallery page was not updated: {clean(exc)}")
        else:
            console.print("Gallery page updated: " + str(result.entry.path.parent / "index.html"))
    return result


def _author(offline: bool, tuned: dict[str, Any], flags: EndpointFlags) -> tuple[Any, Any]:
    """The model (or the offline designer) and the endpoint it talks to (None offline);
    ``tuned``: the --timeout, --idle-timeout and --max-tokens flags (None when absent)."""
    if not offline:
        from studio.models.endpoints import resolve

        endpoint = resolve(**flags)
        if endpoint is not None:
            from studio.models.client import OpenAIModel
            from studio.models.tuning import resolve_tuning

            tuning = resolve_tuning(**tuned)
            model = OpenAIModel(endpoint, timeouts=tuning.timeouts, max_tokens=tuning.max_tokens)
            return model, endpoint
    from studio.models.offline import OfflineDesigner

    return OfflineDesigner(), None


def _kept_winner(run_dir: Path) -> Path | None:
    """The winning game's file in the run log, from its run.json; None when there is none."""
    try:
        run = json.loads((run_dir / "run.json").read_text(encoding="utf-8"))
        n = run["winner"]["attempt"]
        attempt = next(a for a in run["attempts"] if a["n"] == n)
        rounds = [r for r in attempt["rounds"] if r.get("playable")]
        best = max(rounds, key=lambda r: (r.get("score") or 0, -r["round"]))
    except (OSError, ValueError, KeyError, TypeError, StopIteration):
        return None
    game = Path(best["dir"]) / "game.py"
    return game if game.is_file() else None


def _judge(
    console: Console,
    settings: Settings,
    author: Any,
    endpoint: Any,
    judge: bool | None,
    judge_model: str | None,
) -> Any:
    """The model judge (``studio.judging``), or None: on with --judge or --judge-model, by
    default with --big-brain when a model is configured; never with --no-judge."""
    if judge is False or (judge is None and not judge_model and not settings.big_brain):
        return None
    from studio.judging import judge_endpoint, make_judge

    where = judge_endpoint(endpoint, judge_model)
    if where is None:
        if judge:
            console.print("Judge: none (no model is configured); the free signals decide")
        return None
    settings.judge, settings.judge_model = True, where.label
    console.print(f"Judge: {clean(where.label)}", markup=False)
    return make_judge(where, reasoning_effort=settings.reasoning_effort)


def _kill_all() -> Any:
    from studio.verdicts import sandbox

    return sandbox.kill_all
