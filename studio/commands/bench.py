"""``studio bench``: which model, and how many attempts, make playable games
(``studio.bench``)."""

from __future__ import annotations

import json
import random
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from studio.commands.common import (
    check_folder_option,
    err_console,
    fail,
    handles_errors,
    is_piped,
    only_json_on_stdout,
)
from studio.commands.config import explicit_flags
from studio.commands.make_report import unreachable
from studio.errors import UsageError
from studio.runlog import scrub


def register(app: typer.Typer) -> None:
    """Add ``studio bench`` to ``app``."""
    app.command("bench")(bench)


@handles_errors
def bench(
    ctx: typer.Context,
    model: Annotated[
        list[str] | None,
        typer.Option(
            "--model",
            "-m",
            metavar="MODEL",
            help="A model to bench; repeat for several. `offline` is the offline designer; "
            "MODEL@PRESET or MODEL@BASE_URL name another endpoint.",
        ),
    ] = None,
    preset: Annotated[
        str | None,
        typer.Option("--preset", envvar="STUDIO_PRESET", help="openai, xai, ollama, ..."),
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
    suite: Annotated[
        str,
        typer.Option("--suite", help="`builtin` (30 prompts), or a file of one prompt a line."),
    ] = "builtin",
    samples: Annotated[
        int, typer.Option("--samples", "-n", help="Independent samples per model and prompt.")
    ] = 5,
    repairs: Annotated[
        int, typer.Option("--repairs", "-r", help="Repair rounds for a close failure.")
    ] = 2,
    big_brain: Annotated[
        bool,
        typer.Option("--big-brain", help="A design step before each sample, higher effort."),
    ] = False,
    seconds: Annotated[
        float, typer.Option("--seconds", help="Game seconds the verifier plays each candidate.")
    ] = 30.0,
    seed: Annotated[
        int | None, typer.Option("--seed", help="Base seed (default: a new one, printed).")
    ] = None,
    concurrency: Annotated[
        int | None,
        typer.Option(
            "--concurrency",
            help="Requests in flight per model (default per preset: 2 local, 8 hosted).",
            show_default=False,
        ),
    ] = None,
    timeout: Annotated[
        float | None,
        typer.Option(
            "--timeout", help="Seconds to the first token (as for make).", show_default=False
        ),
    ] = None,
    idle_timeout: Annotated[
        float | None,
        typer.Option("--idle-timeout", help="Seconds of silence mid-reply.", show_default=False),
    ] = None,
    max_tokens: Annotated[
        int | None,
        typer.Option("--max-tokens", help="Output limit sent to the model.", show_default=False),
    ] = None,
    out: Annotated[
        Path | None,
        typer.Option("--out", help="The bench's folder (default: ./bench-<UTC time>)."),
    ] = None,
    resume: Annotated[
        Path | None,
        typer.Option("--resume", help="Continue an interrupted bench in this folder."),
    ] = None,
    cluster: Annotated[
        str | None,
        typer.Option("--cluster", help="Dask scheduler address: verdicts run on its workers."),
    ] = None,
    as_json: Annotated[
        bool,
        typer.Option("--json", help="Print the summary as JSON on stdout (progress on stderr)."),
    ] = False,
) -> None:
    """Bench models: N samples per prompt, each verified and repaired; playable@k per model.

    Writes DIR/results.json and DIR/report.html (the test-time-compute curve).

    Examples:  studio bench -m offline --samples 3  |  studio bench --resume DIR
    |  studio bench -m gpt-4o-mini -m qwen2.5-coder:7b@ollama -m offline
    """
    args = dict(locals())
    args.pop("ctx")
    if as_json:
        with only_json_on_stdout() as stdout:
            console = Console(stderr=True, highlight=False)
            summary = _bench(ctx, console, args)
            stdout.write(json.dumps(summary, indent=2) + "\n")
        return
    _bench(ctx, Console(highlight=False), args)


def _bench(ctx: typer.Context, console: Console, a: dict[str, Any]) -> dict[str, Any]:
    from studio.bench import html
    from studio.bench.authors import resolve_authors
    from studio.bench.live import Display, labels_of
    from studio.bench.runner import MAX_SAMPLES, Bench, BenchSettings
    from studio.bench.store import BenchDir
    from studio.bench.suite import Task, load
    from studio.bigbrain import cpu_slots
    from studio.version import studio_version

    flags = dict(
        explicit_flags(
            ctx, model=None, base_url=a["base_url"], api_key=a["api_key"], preset=a["preset"]
        )
    )
    tuned = {
        "timeout": a["timeout"],
        "idle_timeout": a["idle_timeout"],
        "max_tokens": a["max_tokens"],
    }
    if a["resume"] is not None:
        if a["out"] is not None:
            raise UsageError("--resume continues the folder it names; leave out --out")
        folder = BenchDir.open_existing(a["resume"])
        stored = folder.settings
        settings = BenchSettings(**stored["bench"])
        tasks = [Task(**t) for t in stored["tasks"]]
        names = [_name_of(m) for m in stored["models"]]
        console.print(f"Resuming {folder.root}: {len(folder.records)} sample(s) done", markup=False)
    else:
        if not 1 <= a["samples"] <= MAX_SAMPLES:
            raise UsageError(f"--samples must be between 1 and {MAX_SAMPLES}, not {a['samples']}")
        if a["repairs"] < 0:
            raise UsageError("--repairs must be 0 or more")
        if not 0 < a["seconds"] <= 600:
            raise UsageError(f"--seconds must be between 0 and 600, not {a['seconds']:g}")
        seed = a["seed"] if a["seed"] is not None else random.SystemRandom().randrange(1_000_000)
        settings = BenchSettings(
            suite=a["suite"],
            samples=a["samples"],
            repairs=a["repairs"],
            seconds=a["seconds"],
            seed=seed,
            big_brain=a["big_brain"],
        )
        tasks = load(a["suite"])
        root = a["out"] or Path(f"bench-{datetime.now(UTC).strftime('%Y%m%dT%H%M%SZ')}")
        if root.is_dir() and any(root.iterdir()):
            raise UsageError(
                f"--out: {root} is not empty; give a new folder, or continue it with "
                f"--resume {root}"
            )
        check_folder_option(root, "--out")
        folder = BenchDir(root)
        names = list(a["model"] or [])
    settings.cluster = a["cluster"]
    slots = cpu_slots()
    verifier = None
    if settings.cluster:
        from studio.bench.remote import cluster_verifier
        from studio.verdicts.cluster import slots as cluster_slots

        verifier = cluster_verifier(settings.cluster)
        slots = cluster_slots(settings.cluster)
    authors = resolve_authors(
        names, flags, tuned, concurrency=a["concurrency"], cpu_slots=cpu_slots()
    )
    secrets = (a["api_key"], *(getattr(x.endpoint, "api_key", None) for x in authors))
    for author in authors:  # a dead server is said once, before any sample starts
        if author.endpoint is not None:
            problem = unreachable(author.endpoint, tasks[0].prompt)
            if problem:
                raise fail(scrub(problem, secrets))
    folder.settings = {
        "bench": settings.public(),
        "studio_version": studio_version(),
        "started": folder.settings.get("started")
        or datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "models": [x.public() for x in authors],
        "tasks": [t.to_dict() for t in tasks],
        "verify_slots": slots,
    }
    folder.root.mkdir(parents=True, exist_ok=True)
    runner = Bench(
        folder, settings, authors, tasks, verifier=verifier, verify_slots=slots, secrets=secrets
    )
    folder.write(runner.summary())
    jobs = runner.jobs()
    console.print(
        f"Bench of {len(authors)} model(s) × {len(tasks)} prompt(s) × {settings.samples} "
        f"sample(s), up to {settings.repairs} repair round(s), {settings.seconds:g} game "
        f"seconds, seed {settings.seed}: {len(jobs)} sample(s) to run in {folder.root}",
        markup=False,
    )
    labels = labels_of(authors)
    live = not is_piped(sys.stdout) and not a["as_json"]
    display = Display(console, len(jobs), labels, settings.samples, live)
    runner.on_sample = lambda record: display.sample(record, folder.summary)
    try:
        with display:
            runner.run()
    except KeyboardInterrupt:
        kept = folder.close()
        err_console.print(
            f"interrupted: {kept} finished sample(s) kept in {folder.root}; "
            f"continue with: studio bench --resume {folder.root}",
            markup=False,
            soft_wrap=True,  # the command to copy on one line
        )
        raise typer.Exit(130) from None
    summary = runner.summary()
    folder.write(summary)
    page = html.write_report(folder, labels, settings.samples)
    display.final(summary)
    not_run = sum(r["overall"]["not_run"] for r in summary.values())
    if not_run:
        console.print(
            f"{not_run} sample(s) not run (the endpoint failed); run them again with: "
            f"studio bench --resume {folder.root}",
            markup=False,
            soft_wrap=True,
        )
    console.print(f"Results: {folder.results}\nReport: {page}", markup=False, soft_wrap=True)
    return {"folder": str(folder.root), "settings": folder.settings, "summary": summary}


def _name_of(model: dict[str, Any]) -> str:
    """How to name a stored model again on --resume: offline, MODEL@PRESET, MODEL@BASE_URL."""
    if model.get("model") == "offline":
        return "offline"
    where = model.get("preset") or model.get("base_url")
    return f"{model.get('model') or ''}@{where}"
