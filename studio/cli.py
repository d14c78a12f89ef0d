"""The ``studio`` command: a thin shell over the pipeline. Each command lives in commands/."""

from __future__ import annotations

import typer

from studio.commands import config, gallery, make, test

app = typer.Typer(
    name="studio",
    help="Turn a sentence into a game you can play, and keep the best in a gallery.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_show_locals=False,  # never print local variables (keys) in tracebacks
)

for module in (make, test, config, gallery):
    module.register(app)


def main() -> None:
    app()
