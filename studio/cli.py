"""The ``studio`` command: a thin shell over the pipeline. Each command lives in commands/."""

from __future__ import annotations

import os

import typer

from studio.commands import config, gallery, genres, make, test

app = typer.Typer(
    name="studio",
    help="Turn a sentence into a game you can play, and keep the best in a gallery.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_show_locals=False,  # never print local variables (keys) in tracebacks
)

for module in (make, test, config, gallery, genres):
    module.register(app)


def main() -> None:
    # pygame prints a banner on stdout when first imported, and the studio imports it to
    # check a game's `from pygame.locals import *`: not on the studio's output.
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    app()
