"""Commands: gallery (table, --html site, rm, rename), show, play, arcade."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from studio.commands.common import (
    HELP,
    check_folder_option,
    err_console,
    fail,
    handles_errors,
    is_piped,
    open_gallery,
)
from studio.errors import StudioError, UsageError
from studio.gallery import listing
from studio.gallery.location import gallery_location
from studio.gallery.store import Entry, Gallery
from studio.textsafe import clean, dumps, markup, text

GalleryOpt = Annotated[
    Path | None,
    typer.Option(
        "--gallery",
        envvar="STUDIO_GALLERY",
        help="The gallery folder (default: your user gallery; see `studio gallery`).",
        show_default=False,
    ),
]
YesOpt = Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")]

gallery_app = typer.Typer(
    help="List the games in the gallery, build its web page, remove or rename a game.",
    context_settings=HELP,
    invoke_without_command=True,
    epilog=(
        "Examples:  studio gallery --sort score  |  studio gallery rm snake-breaker  |  "
        "studio gallery rename snake-breaker 'Snake Bricks'  |  studio gallery --html --open"
    ),
)


def _warn(message: str) -> None:
    err_console.print(f"[yellow]warning:[/] {markup(message)}", soft_wrap=True)


def where_line(store: Gallery, override: Path | str | None) -> str:
    """One line saying which folder the gallery is and what chose it."""
    root, chosen = gallery_location(override)
    how = (
        "change it with --gallery, STUDIO_GALLERY or `studio config set gallery`"
        if chosen == "default"
        else f"chosen by {chosen}"
    )
    return f"Gallery: {clean(store.root)} ({how})"


@gallery_app.callback()
@handles_errors
def gallery_cmd(
    ctx: typer.Context,
    gallery: GalleryOpt = None,
    sort: Annotated[str, typer.Option(help="Order: score, date (newest first) or title.")] = "date",
    genre: Annotated[str | None, typer.Option(help="Only games of this genre.")] = None,
    source: Annotated[
        str | None, typer.Option(help="Only games made by a 'model' or 'offline' designer.")
    ] = None,
    min_score: Annotated[
        float | None, typer.Option(help="Only games scoring at least this.")
    ] = None,
    search: Annotated[
        str | None, typer.Option(help="Only games whose title, prompt or slug contain this text.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the entries as JSON.")] = False,
    html: Annotated[
        bool, typer.Option("--html", help="Write a web page of the gallery (index.html).")
    ] = False,
    open_: Annotated[bool, typer.Option("--open", help="Open the web page (with --html).")] = False,
    all_versions: Annotated[
        bool,
        typer.Option("--all-versions", help="List every version (slug@N), not only the latest."),
    ] = False,
) -> None:
    """List the games in the gallery (each game's latest version), or build its web page.

    Piped, the list is plain tab-separated text: slug, title, genre, source, score, date.
    """
    ctx.obj = gallery
    if ctx.invoked_subcommand is not None:
        return
    store = open_gallery(gallery)
    if html or open_:  # the site is written into the gallery folder: one it can be
        check_folder_option(store.root, "--gallery", "STUDIO_GALLERY")
    elif store.root.exists() and not store.root.is_dir():  # not "no games yet"
        raise UsageError(
            f"--gallery (or STUDIO_GALLERY): {store.root} is a file, not a folder. "
            "Give --gallery the gallery's folder."
        )
    found = store.games(on_warning=_warn, all_versions=all_versions and not (html or open_))
    chosen = listing.select(
        found, sort=sort, genre=genre, source=source, min_score=min_score, search=search
    )
    counts = store.version_counts()
    if html or open_:
        from studio.gallery.html import build_site, open_in_browser

        index = build_site(store, chosen)
        typer.echo(f"wrote {clean(index)} ({len(chosen)} games)")
        typer.echo(f"open it: {clean(index.resolve().as_uri())}")
        if open_ and not open_in_browser(index):
            err_console.print("warning: no web browser could be started; open the file above")
        return
    if as_json:
        typer.echo(dumps([listing.as_row(e, counts.get(e.slug, 1)) for e in chosen]))
        return
    if not chosen:
        where = clean(store.root)
        filtered = any(v is not None for v in (genre, source, min_score, search))
        typer.echo(
            f"No games match those filters in {where}."
            if filtered
            else f'No games in {where} yet. Make one: studio make "a snake game in neon colours"'
        )
        return
    if is_piped(sys.stdout):
        sys.stdout.write(listing.tsv(chosen, refs=all_versions))
        return
    out = Console(soft_wrap=False)
    heading = text(where_line(store, gallery), newlines=False)  # a folder name is not markup
    out.print(
        listing.table(
            chosen,
            title=heading,
            width=out.width,
            counts=None if all_versions else counts,
            refs=all_versions,
        )
    )


@gallery_app.command("rm")
@handles_errors
def gallery_rm(
    ctx: typer.Context,
    slug: Annotated[str, typer.Argument(metavar="SLUG", help="The game to remove.")],
    gallery: GalleryOpt = None,
    yes: YesOpt = False,
) -> None:
    """Remove a game from the gallery (asks first, unless --yes).

    Example: studio gallery rm snake-breaker --yes
    """
    store = open_gallery(gallery or ctx.obj)
    entry = store.get_own(slug)
    if not yes:
        typer.confirm(f"Remove {entry.title!r} ({entry.slug}) from {store.root}?", abort=True)
    store.remove(slug)
    typer.echo(f"Removed {clean(entry.slug)} ({clean(entry.title)}) from {clean(store.root)}")
    _refresh_site(store)


@gallery_app.command("rename")
@handles_errors
def gallery_rename(
    ctx: typer.Context,
    slug: Annotated[str, typer.Argument(metavar="SLUG", help="The game to rename.")],
    title: Annotated[str, typer.Argument(metavar="TITLE", help="Its new title.")],
    gallery: GalleryOpt = None,
) -> None:
    """Give a game a new title (and the slug that goes with it, when free).

    Example: studio gallery rename snake-breaker "Snake Bricks"
    """
    store = open_gallery(gallery or ctx.obj)
    entry = store.rename(slug, title)
    typer.echo(f"Renamed {clean(slug)} to {clean(entry.title)!r}: slug {clean(entry.slug)}")
    _refresh_site(store)


def _refresh_site(store: Gallery) -> None:
    if not (store.root / "index.html").exists():
        return
    from studio.gallery.html import build_site

    try:
        build_site(store)
    except (OSError, StudioError) as exc:
        err_console.print(f"warning: the gallery page was not updated: {clean(exc)}")


@handles_errors
def show_cmd(
    slug: Annotated[
        str,
        typer.Argument(help="The game's slug (see `studio gallery`; slug@N: a version) or folder."),
    ],
    gallery: GalleryOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the entry as JSON.")] = False,
) -> None:
    """Show one game: its metadata, verdict, attempts, where its code is, how to play it."""
    entry = open_gallery(gallery).resolve(slug)
    if as_json:
        typer.echo(dumps(listing.as_row(entry)))
        return
    out = Console()
    out.print(listing.show(entry))
    for line in listing.where(entry):  # whole, not wrapped into the box: copy them as they are
        out.print(line, soft_wrap=True)


@handles_errors
def play_cmd(
    game: Annotated[
        str, typer.Argument(help="A slug (slug@N: that version) from the gallery, a folder or .py.")
    ],
    gallery: GalleryOpt = None,
) -> None:
    """Play a game in a window (it runs as your own program, outside the sandbox).

    A crash is recorded with the game's version; `studio fix SLUG@N` then repairs it.
    """
    from studio.gallery.play import find_game, record_if_crashed, run_game

    def announce(path: Path) -> None:
        label = f"{entry.ref} ({markup(path)})" if entry is not None else markup(path)
        err_console.print(f"playing {label} (close its window to stop)")

    store = open_gallery(gallery)
    path, entry = find_game(game, store)
    try:
        played = run_game(path, announce=announce)
    except KeyboardInterrupt:  # the game was stopped too
        raise typer.Exit(130) from None
    if played.crashed:
        recorded = record_if_crashed(played, entry, store)
        for line in crash_lines(played.error_line, entry if recorded else None, path):
            err_console.print(line, soft_wrap=True)
    code = played.code
    if code != 0:  # a game killed by signal N (code -N) ends the studio as a shell would
        raise typer.Exit(128 - code if code < 0 else code)


def crash_lines(error: str, entry: Entry | None, path: Path) -> list[str]:
    """What to tell a person whose game crashed (its traceback is already on their screen)."""
    name = entry.ref if entry is not None else str(path)
    lines = [f"[red]the game crashed:[/] {markup(error or 'see the traceback above')}"]
    if entry is not None:
        lines.append(
            f"recorded with {markup(entry.ref)} (`studio history {markup(entry.slug)}` lists "
            f"its versions). Fix it: [bold]studio fix {markup(entry.ref)}[/]"
        )
    else:
        lines.append(f"{markup(name)} is not in the gallery, so the crash was not recorded.")
    return lines


@handles_errors
def arcade_cmd(gallery: GalleryOpt = None) -> None:
    """Browse the gallery in a window and play games from it (each game's latest version)."""
    from studio.gallery import arcade
    from studio.gallery.play import display_problem

    store = open_gallery(gallery)
    problem = display_problem()
    if problem:
        raise fail(
            f"cannot open the arcade window: {problem}. Run it on a machine with a screen; "
            "`studio gallery` lists the games in a terminal."
        )
    chosen = listing.select(store.games(on_warning=_warn), sort="score")
    names = listing.labels(chosen)
    cards = [_card(e, names[listing.name_of(e)]) for e in chosen]
    arcade.run(cards, launch=launcher(store, chosen), title=f"Arcade - {store.root.name}")


def launcher(store: Gallery, entries: list[Entry]) -> Callable[[dict[str, Any]], str | None]:
    """The arcade's ``launch(card)``: plays the card's game as ``studio play`` does (its own
    process), records a crash with its version; returns what to tell the player, or None."""
    from studio.gallery.play import record_if_crashed, run_game

    by_ref = {e.ref: e for e in entries}

    def launch(card: dict[str, Any]) -> str | None:
        try:
            played = run_game(Path(card["code"]))
            entry = by_ref.get(card["ref"])
            if played.crashed and record_if_crashed(played, entry, store) and entry is not None:
                return (
                    f"{card['title']} crashed ({played.error_line}); recorded. "
                    f"Fix it: studio fix {entry.ref}"
                )
        except StudioError as exc:
            return str(exc)
        return None if played.code == 0 else f"{card['title']} ended with exit code {played.code}"

    return launch


def _card(entry: Entry, label: str) -> dict[str, Any]:
    return {
        "slug": entry.slug,
        "ref": entry.ref,
        "title": label,
        "prompt": entry.prompt,
        "score": listing.format_score(entry),
        "thumb": str(entry.thumbnail) if entry.thumbnail else None,
        "code": str(entry.code_path),
    }


def register(app: typer.Typer) -> None:
    """Add this module's commands to ``app``."""
    app.add_typer(gallery_app, name="gallery")
    app.command("show")(show_cmd)
    app.command("play")(play_cmd)
    app.command("arcade")(arcade_cmd)
