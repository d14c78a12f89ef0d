"""Command: arena (blind pairwise votes), its leaderboard, vote imports and judge votes."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.table import Table

from studio.commands.common import err_console, fail, handles_errors, open_gallery
from studio.commands.gallery import GalleryOpt
from studio.errors import UsageError
from studio.textsafe import clean, dumps, markup

if TYPE_CHECKING:
    from studio.arena.board import Board
    from studio.arena.pairs import Drawer
    from studio.arena.ratings import Rating

DEFAULT_PAIRS = 10
EPILOG = (
    "Examples:  studio arena  |  studio arena --bench bench-out  |  studio arena --leaderboard"
    "  |  studio arena --import other-votes.jsonl  |  studio arena --judge gpt-4o --pairs 20"
)


def _warn(message: str) -> None:
    err_console.print(f"[yellow]warning:[/] {markup(message)}", soft_wrap=True)


@handles_errors
def arena_cmd(
    gallery: GalleryOpt = None,
    bench: Annotated[
        list[Path] | None,
        typer.Option(
            "--bench",
            metavar="DIR",
            help="A `studio bench` output folder to draw games from (repeatable).",
        ),
    ] = None,
    leaderboard: Annotated[
        bool, typer.Option("--leaderboard", help="Print the ratings per source.")
    ] = False,
    as_json: Annotated[
        bool, typer.Option("--json", help="The leaderboard as JSON (with --leaderboard).")
    ] = False,
    import_file: Annotated[
        Path | None,
        typer.Option("--import", metavar="FILE", help="Merge another machine's vote file."),
    ] = None,
    judge: Annotated[
        str | None,
        typer.Option(
            "--judge",
            metavar="MODEL",
            help="A vision model votes instead of you: MODEL, MODEL@PRESET or MODEL@BASE_URL.",
        ),
    ] = None,
    pairs: Annotated[
        int | None, typer.Option("--pairs", help="How many pairs the judge votes on (10).")
    ] = None,
    seed: Annotated[
        int | None, typer.Option("--seed", help="Draw the same pairs as a run with this seed.")
    ] = None,
) -> None:
    """Play two anonymous games made for the same prompt by two sources, vote for the better.

    Votes go to arena-votes.jsonl in the user data dir; --leaderboard ranks the sources
    (Bradley-Terry ratings with 95% intervals). A judge's votes are kept apart from yours.
    """
    from studio.arena import board
    from studio.arena.votes import import_votes, read_votes, votes_path

    if import_file is not None:
        added, known = import_votes(import_file, on_warning=_warn)
        typer.echo(
            f"imported {added} votes ({known} already here) from {clean(import_file)} "
            f"into {clean(votes_path())}"
        )
        return
    if leaderboard:
        result = board.build(read_votes(on_warning=_warn))
        if as_json:
            typer.echo(dumps(result.to_dict()))
        elif not result.rows:
            typer.echo("No votes yet: vote with `studio arena` (or `studio arena --judge MODEL`).")
        else:
            Console(soft_wrap=False).print(_table(result))
        return
    if as_json:
        raise UsageError("--json goes with --leaderboard: studio arena --leaderboard --json")
    if pairs is not None and judge is None:
        raise UsageError("--pairs goes with --judge: studio arena --judge MODEL --pairs N")
    if pairs is not None and pairs < 1:
        raise UsageError("--pairs must be 1 or more")
    store = open_gallery(gallery)
    from studio.arena import session

    games = session.games(store, bench or [], _warn)
    votes = read_votes(on_warning=_warn)
    draw = session.drawer(games, votes, judge=judge is not None, seed=seed)
    if not draw.pairs:
        from studio.arena.pairs import NO_TWO_SOURCES

        raise fail(NO_TWO_SOURCES)
    if judge is not None:
        _judge(judge, draw, pairs or DEFAULT_PAIRS)
        return
    _screen(draw, store.root.name)


def _screen(draw: Drawer, name: str) -> None:
    from studio.arena import session
    from studio.arena.screen import ArenaScreen
    from studio.errors import StudioError
    from studio.gallery.play import display_problem, play

    problem = display_problem()
    if problem:
        raise fail(
            f"cannot open the arena window: {problem}. Run it on a machine with a screen; "
            "`studio arena --judge MODEL` votes without one."
        )

    def launch(code: Path) -> str | None:
        try:
            exit_code = play(code)
        except StudioError as exc:
            return str(exc)
        return None if exit_code == 0 else f"the game ended with exit code {exit_code}"

    ArenaScreen(draw.draw, launch, session.recorder(draw), title=f"Arena - {name}").run()


def _judge(model: str, draw: Drawer, pairs: int) -> None:
    from studio.arena.judge import run_judge

    report = run_judge(model, draw, pairs, say=lambda line: err_console.print(markup(line)))
    typer.echo(report)


def _table(result: Board) -> Table:
    table = Table(
        title=f"Arena leaderboard: {result.people_votes} votes by people, "
        f"{result.judge_votes} by a judge"
    )
    for name in (
        "#",
        "source",
        "rating",
        "95% interval",
        "votes",
        "win rate",
        "judge rating",
        "judge votes",
    ):
        table.add_column(name, justify="left" if name == "source" else "right")

    def cells(r: Rating | None) -> tuple[str, str, str, str]:
        if r is None:
            return "-", "-", "-", "-"
        return (
            f"{r.rating:.0f}",
            f"{r.low:.0f} to {r.high:.0f}",
            str(r.games),
            f"{r.win_rate * 100:.0f}%",
        )

    for i, row in enumerate(result.rows, 1):
        rating, interval, votes, win = cells(row.people)
        judged = cells(row.judge)
        table.add_row(
            str(i),
            clean(row.source),
            rating,
            interval,
            votes,
            win,
            judged[0] if row.judge is None else f"{judged[0]} ({judged[1]})",
            judged[2],
        )
    share = result.agreement.rate
    if share is not None:
        table.caption = (
            f"the judge agreed with people on {result.agreement.agreed} of "
            f"{result.agreement.pairs} pairs both voted on ({share * 100:.0f}%)"
        )
    return table


def register(app: typer.Typer) -> None:
    """Add this module's command to ``app``."""
    app.command("arena", epilog=EPILOG)(arena_cmd)
