"""``studio test GAME.py``: the headless verdict, for people and for scripts."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from studio.commands.common import (
    check_folder_option,
    handles_errors,
    only_json_on_stdout,
    open_gallery,
)
from studio.errors import UsageError
from studio.textsafe import clean, markup, text
from studio.verdicts.report import Verdict


def _show(verdict: Verdict, console: Console) -> None:
    """The human report. Every text from the game (its path, errors, traceback, what it
    tried) is printed through ``studio.textsafe``: no control character, no markup."""
    colour = "green" if verdict.playable else "red"
    state = "PLAYABLE" if verdict.playable else "NOT PLAYABLE"
    console.print(f"[bold {colour}]{state}[/]  score {verdict.score}/100  {markup(verdict.path)}")
    if verdict.flags:
        console.print(f"flags: [yellow]{markup(', '.join(verdict.flags))}[/]")
    console.print(f"stopped: {markup(verdict.stop_reason)}; frames drawn: {verdict.frames}")
    if verdict.runs:
        table = Table(
            "run", "frames", "game s", "non-blank", "motion", "distinct", "events", "stop"
        )
        for r in verdict.runs:
            table.add_row(
                text(r.name),
                str(r.frames),
                f"{r.game_seconds:g}",
                f"{r.non_blank_share:.0%}",
                f"{r.motion:.4f}",
                str(r.distinct_frames),
                str(r.events_sent),
                text(r.stop_reason),
            )
        console.print(table)
        d = verdict.divergence
        if d.first_seconds is not None:
            console.print(
                f"reacts to input: the runs part at {d.first_seconds:g} s "
                f"({d.share:.0%} of {d.compared} compared frames differ)"
                + (f", proven {d.proof}" if d.proof else ", not proven")
            )
        else:
            console.print("reacts to input: [red]no[/] (the runs with and without input match)")
    for finding in verdict.static:
        if finding.blocking or finding.kind in ("hostile", "undefined_name"):
            console.print(
                f"static, line {finding.line}: {markup(finding.kind)}: {markup(finding.message)}"
            )
    for note in verdict.notes:
        console.print(f"[yellow]note:[/] {markup(note)}")
    for item in verdict.forbidden:
        console.print(f"[red]forbidden[/]: {markup(item)}")
    if verdict.error:
        console.print(f"[red]{markup(verdict.error.type)}[/]: {markup(verdict.error.message)}")
        if verdict.error.traceback:
            console.print(clean(verdict.error.traceback.rstrip()), markup=False, highlight=False)
    iso = verdict.isolation
    if iso:
        spaces = ", ".join(iso.get("namespaces", [])) or "none"
        walls = ", ".join(iso.get("run_walls", [])) or "none"
        console.print(
            f"isolation: {iso.get('mode')} (uid {iso.get('uid')}; namespaces: {spaces}; "
            f"walls in each run: {walls})",
            markup=False,
        )
        for note in iso.get("notes", []):
            console.print(f"  note: {clean(note)}", markup=False)
    for kind, path in verdict.artifacts.items():
        console.print(f"{clean(kind)}: {clean(path)}", markup=False)
    console.print(f"verdict in {verdict.wall_seconds:.2f} s of wall time")


def _check(seconds: float, out: Path | None) -> None:
    """Usage errors, before any work: exit 2 with the fix."""
    if not (math.isfinite(seconds) and 0 < seconds <= 600):
        raise UsageError(f"--seconds must be between 0 and 600, not {seconds:g}")
    if out is not None:
        check_folder_option(out, "--out")


def _game_file(game: Path, gallery: Path | None) -> Path:
    """``game`` itself when it is on disk; else the gallery game it names (``slug@N``)."""
    from studio.gallery.versions import looks_like_path

    if game.exists() or looks_like_path(str(game)):
        return game
    return open_gallery(gallery).resolve(str(game)).code_path


@handles_errors
def test(
    game: Annotated[
        Path,
        typer.Argument(help="The game's .py file, or a gallery slug (slug@N: that version)."),
    ],
    json_out: Annotated[
        bool, typer.Option("--json", help="Print only the verdict as JSON on stdout.")
    ] = False,
    seconds: Annotated[
        float, typer.Option(help="Game time to play, in virtual seconds.", envvar="STUDIO_SECONDS")
    ] = 30.0,
    seed: Annotated[int, typer.Option(help="Seed for the game's randomness and the player.")] = 0,
    out: Annotated[
        Path | None,
        typer.Option(help="Folder for thumb.png, the animated preview and verdict.json."),
    ] = None,
    gallery: Annotated[
        Path | None,
        typer.Option(
            "--gallery",
            envvar="STUDIO_GALLERY",
            help="The gallery a slug is looked up in (default: your user gallery).",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Play GAME.py (or a gallery game: SLUG, SLUG@N) headless in the sandbox and judge
    whether it is playable.

    Exit code 0: playable. 1: not playable. 2: usage error.
    """
    _check(seconds, out)
    game = _game_file(game, gallery)
    from studio.verdicts.api import verify

    if json_out:
        # Only the JSON on stdout: a game's `from pygame.locals import *` has the studio
        # import pygame, whose banner (and anything else printed) goes to stderr instead.
        with only_json_on_stdout() as stdout:
            verdict = verify(game, seconds=seconds, seed=seed, out=out)
            stdout.write(verdict.to_json() + "\n")
    else:
        verdict = verify(game, seconds=seconds, seed=seed, out=out)
        _show(verdict, Console(highlight=False))
    raise typer.Exit(0 if verdict.playable else 1)


def register(app: typer.Typer) -> None:
    app.command("test")(test)
