"""What ``studio remix`` and ``studio fix`` share: the author, the settings, the run and its
report. The run is ``studio make``'s (``studio.bigbrain``) with a ``Plan``."""

from __future__ import annotations

import random
from typing import Any

import typer
from rich.console import Console

from studio.attempts import Prompts
from studio.bigbrain import BigBrain
from studio.commands.common import err_console, fail
from studio.commands.config import explicit_flags
from studio.commands.make import _author, _kill_all
from studio.commands.make_report import attempts_table, unreachable
from studio.errors import UsageError
from studio.lifecycle import RunStatus
from studio.progress import make_progress
from studio.run import BIG_BRAIN_ATTEMPTS, DEFAULT_ATTEMPTS, MAX_ATTEMPTS, Plan, RunResult, Settings
from studio.runlog import scrub
from studio.textsafe import CleanProgress, clean, dumps, markup


def check_request(request: str, command: str = "remix") -> str:
    """The change request, or ``UsageError`` for an empty one or one with control
    characters (an escape sequence pasted from a terminal would reach the model and logs)."""
    if clean(request) != request:
        raise UsageError(
            f"the change request holds control characters ({clean(request)!r}): type it as "
            f'plain text, e.g. studio {command} gem-fall "make the pieces fall faster"'
        )
    if not request.strip():
        raise UsageError(
            f"the change request is empty: say what to change, e.g. studio {command} gem-fall "
            '"make the pieces fall faster"'
        )
    return " ".join(request.split()) if "\n" not in request else request.strip()


def author_for(
    ctx: typer.Context, args: dict[str, Any], what: str, command: str = "remix"
) -> tuple[Any, Any, tuple[str | None, ...]]:
    """The model (or the offline designer), its endpoint and the secrets to scrub; a dead
    server is said once, before anything starts."""
    flags = explicit_flags(
        ctx,
        model=args["model"],
        base_url=args["base_url"],
        api_key=args["api_key"],
        preset=args["preset"],
    )
    tuned = {k: args[k] for k in ("timeout", "idle_timeout", "max_tokens")}
    author, endpoint = _author(args["offline"], tuned, flags)
    if endpoint is not None:
        problem = unreachable(endpoint, what)
        said = f'Or make it with the offline designer: studio make "{clean(what)}" --offline'
        if command == "remix":  # make's advice, said for this command
            instead = f"Or let the offline designer remix it: studio remix {args['game']} "
            problem = problem.replace(said, instead + f'"{clean(what)}" --offline')
        else:
            problem = problem.replace(" " + said, "")
        if problem:
            raise fail(scrub(problem, (args["api_key"], endpoint.api_key)))
    return author, endpoint, (args["api_key"], getattr(endpoint, "api_key", None))


def settings_for(args: dict[str, Any], prompt: str, endpoint: Any) -> Settings:
    attempts, big_brain = args["attempts"], args["big_brain"]
    if attempts is not None and not 1 <= attempts <= MAX_ATTEMPTS:
        raise UsageError(
            f"--attempts must be between 1 and {MAX_ATTEMPTS}, not {attempts}: leave it out "
            f"for the default ({DEFAULT_ATTEMPTS}, or {BIG_BRAIN_ATTEMPTS} with --big-brain)"
        )
    seed = args["seed"]
    if seed is None:
        seed = random.SystemRandom().randrange(1_000_000)
    settings = Settings(
        prompt=prompt,
        attempts=attempts
        if attempts is not None
        else (BIG_BRAIN_ATTEMPTS if big_brain else DEFAULT_ATTEMPTS),
        big_brain=big_brain,
        repairs=args["repairs"],
        first=args["first"],
        show_thinking=args["show_thinking"],
        seconds=args["seconds"],
        seed=seed,
        gallery=args["gallery"],
        reasoning_effort="high" if big_brain else None,
        model=getattr(endpoint, "model", None),
        preset=getattr(endpoint, "preset", None),
        base_url=getattr(endpoint, "base_url", None),
    )
    settings.check()
    return settings


def run(
    console: Console,
    settings: Settings,
    author: Any,
    plan: Plan,
    prompts: Prompts | None,
    secrets: tuple[str | None, ...],
    title: str,
) -> tuple[RunResult, BigBrain]:
    """The Big Brain run of a remix or a fix; Ctrl-C exits 130 with the run log kept."""
    progress = CleanProgress(
        make_progress(console, title=title, show_thinking=settings.show_thinking)
    )
    brain = BigBrain(
        settings,
        author,
        progress=progress,
        secrets=secrets,
        kill=_kill_all(),
        prompts=prompts,
        plan=plan,
    )
    try:
        return brain.run(), brain
    except KeyboardInterrupt:
        err_console.print(f"cancelled; the run log is kept in {brain.run_dir}", markup=False)
        raise typer.Exit(130) from None


def report(
    console: Console,
    result: RunResult,
    secrets: tuple[str | None, ...],
    *,
    offline: bool,
    parent_label: str,
    kept: str = "remix",
) -> None:
    """The attempts table, then the new version, or one line per attempt and exit 1."""
    console.print(attempts_table(result, secrets, tokens=not offline))
    entry = result.entry
    if result.status == RunStatus.OK and entry is not None:
        meta = entry.meta
        console.print(
            f"\nWinner: attempt {result.winner.n} ({markup(result.pick.reason)})\n"  # type: ignore[union-attr]
            f"Saved {markup(entry.ref)}, version {entry.version} of "
            f"[bold]{markup(meta.get('title', entry.slug), newlines=False)}[/] "
            f"(from {markup(parent_label)}) in {markup(entry.path)}\n"
            f"Changed: {markup(scrub(str(meta.get('changed', '')), secrets))}\n"
            f"Play it: [bold]studio play {markup(entry.ref)}[/]\n"
            f"Run log: {markup(result.run_dir)}",
            soft_wrap=True,
        )
        return
    if result.status == RunStatus.CANCELLED:
        raise fail(f"cancelled. Run log: {result.run_dir}", 130)
    lines = [
        f"  attempt {a.n}: {scrub(a.reason or 'no reason recorded', secrets)}"
        for a in result.attempts
    ]
    raise fail(
        f"no playable, changed {kept} came out; {parent_label} is unchanged.\n"
        + "\n".join(lines)
        + f"\nThe run log is kept in {result.run_dir}",
        1,
    )


def finish(out: Any, result: RunResult, as_json: bool) -> None:
    """The last thing printed on stdout: the JSON, or the version's ref and folder."""
    entry = result.entry
    if as_json:
        meta = entry.meta if entry is not None else {}
        out.write(
            dumps(
                {
                    "status": result.status,
                    "ref": entry.ref if entry is not None else None,
                    "slug": entry.slug if entry is not None else None,
                    "version": entry.version if entry is not None else None,
                    "parent": meta.get("parent"),
                    "request": meta.get("request"),
                    "changed": meta.get("changed"),
                    "path": str(entry.path) if entry is not None else None,
                    "score": meta.get("score"),
                    "run_log": str(result.run_dir),
                    "attempts": [a.to_dict() for a in result.attempts],
                }
            )
            + "\n"
        )
    elif entry is not None:
        out.write(f"{entry.ref}\t{entry.path}\n")
    out.flush()
