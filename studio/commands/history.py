"""Commands: history (a game's versions as a tree) and diff (two versions' code)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console, RenderableType
from rich.syntax import Syntax
from rich.table import Table

from studio.commands.common import handles_errors, is_piped, open_gallery
from studio.errors import UsageError
from studio.gallery.diffs import unified
from studio.gallery.lineage import Row, history
from studio.gallery.listing import short_date
from studio.gallery.versions import parse_ref, version_of
from studio.textsafe import dumps, markup, text

GalleryOpt = Annotated[
    Path | None,
    typer.Option(
        "--gallery",
        envvar="STUDIO_GALLERY",
        help="The gallery folder (default: your user gallery; see `studio gallery`).",
        show_default=False,
    ),
]


@handles_errors
def history_cmd(
    slug: Annotated[str, typer.Argument(metavar="SLUG", help="The game (see `studio gallery`).")],
    gallery: GalleryOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the versions as JSON.")] = False,
) -> None:
    """A game's versions: request, score, flags, model, date and what changed, as a tree
    (a remix of an older version is a branch).

    Example: studio history gem-fall  |  studio diff gem-fall@1 gem-fall@3
    """
    ref = parse_ref(slug)
    store = open_gallery(gallery)
    rows = history(store, ref.slug)
    if as_json:
        typer.echo(dumps([row.as_json() for row in rows]))
        return
    out = Console(soft_wrap=False)
    out.print(_table(ref.slug, rows, width=out.width))
    gaps = [row for row in rows if row.gap]
    for row in gaps:
        Console(stderr=True).print(
            f"[yellow]warning:[/] {markup(row.ref)} cannot be read: {markup(row.problem)}",
            soft_wrap=True,
        )


def _table(slug: str, rows: list[Row], width: int) -> Table:
    out = Table(title=text(f"{slug}: {len(rows)} version(s)", newlines=False), title_justify="left")
    out.add_column("version", no_wrap=True, style="cyan")
    out.add_column("request", overflow="fold", min_width=12)
    out.add_column("score", justify="right", no_wrap=True)
    out.add_column("flags", overflow="fold")
    if width >= 100:
        out.add_column("by", overflow="fold")
        out.add_column("date", no_wrap=True)
    out.add_column("changed", overflow="fold", min_width=12)
    for row in rows:
        name = f"{row.tree}@{row.version}"
        if row.gap:
            cells: list[RenderableType] = [text(name, "red"), text("(gap)", "red"), "-", "-"]
            if width >= 100:
                cells += ["-", "-"]
            out.add_row(*cells, text(row.problem, "red"))
            continue
        score = "-" if row.score is None else f"{row.score:g}"
        flags = ", ".join(row.flags) or ("no flags" if row.playable else "-")
        if row.crashes:
            flags += f"; crashed {row.crashes}x while played"
        cells = [
            text(name),
            text(row.request),
            score,
            text(flags, "" if not row.flags else "yellow"),
        ]
        if width >= 100:
            cells += [text(row.by), text(short_date(row.date))]
        out.add_row(*cells, text(row.changed))
    return out


@handles_errors
def diff_cmd(
    old: Annotated[str, typer.Argument(metavar="OLD", help="A version: slug@N.")],
    new: Annotated[
        str | None,
        typer.Argument(
            metavar="NEW", help="Another version (default: OLD is compared with its parent)."
        ),
    ] = None,
    gallery: GalleryOpt = None,
    context: Annotated[int, typer.Option("--context", "-U", help="Lines of context.")] = 3,
) -> None:
    """The unified diff of two versions' code, coloured in a terminal, plain when piped.

    Example: studio diff gem-fall@1 gem-fall@3  |  studio diff gem-fall@3 (against its parent)
    """
    if context < 0:
        raise UsageError(f"--context must be 0 or more, not {context}")
    store = open_gallery(gallery)
    if new is None:
        newer = store.resolve(old)
        parent = newer.meta.get("parent")
        if version_of(parent) is None:
            raise UsageError(
                f"{newer.ref} has no parent to compare with: give two versions, "
                f"e.g. studio diff {newer.slug}@1 {newer.ref}"
            )
        older = store.resolve(f"{newer.slug}@{version_of(parent)}")
    else:
        older, newer = store.resolve(old), store.resolve(new)
    try:
        before = older.code_path.read_text(encoding="utf-8", errors="replace")
        after = newer.code_path.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise UsageError(f"cannot read a version's game.py: {exc}") from exc
    diff = unified(before, after, older.ref, newer.ref, context=context)
    if not diff:
        typer.echo(f"{older.ref} and {newer.ref} have the same code.")
        return
    if is_piped(sys.stdout):
        sys.stdout.write(diff)
        return
    Console().print(Syntax(diff, "diff", theme="monokai", background_color="default"))


def register(app: typer.Typer) -> None:
    """Add this module's commands to ``app``."""
    app.command("history")(history_cmd)
    app.command("diff")(diff_cmd)
