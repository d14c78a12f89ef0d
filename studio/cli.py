"""The ``studio`` command: a thin shell over the pipeline. Each command lives in commands/."""

from __future__ import annotations

import os
from typing import Annotated

import typer

from studio.commands import (
    arena,
    bench,
    config,
    fix,
    gallery,
    genres,
    history,
    make,
    remix,
    test,
)
from studio.commands.common import HELP, hide_flag_types
from studio.version import studio_version

app = typer.Typer(
    name="studio",
    help="Turn a sentence into a game you can play, and keep the best in a gallery.",
    no_args_is_help=True,
    context_settings=HELP,  # -h as well as --help, in every command
    add_completion=False,
    pretty_exceptions_show_locals=False,  # never print local variables (keys) in tracebacks
)


def _print_version(value: bool) -> None:
    if value:
        typer.echo(f"studio {studio_version()}")
        raise typer.Exit()


@app.callback()
def _options(
    show_version: Annotated[
        bool,
        typer.Option(
            "--version",
            callback=_print_version,
            is_eager=True,
            help="Print the version and exit.",
        ),
    ] = False,
) -> None:
    """Turn a sentence into a game you can play, and keep the best in a gallery."""


for module in (make, remix, fix, test, config, gallery, history, genres, bench, arena):
    module.register(app)
hide_flag_types()


def main() -> None:
    # pygame prints a banner on stdout when first imported, and the studio imports it to
    # check a game's `from pygame.locals import *`: not on the studio's output.
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    app()
