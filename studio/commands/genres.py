"""``studio genres``: what the offline designer knows (genres, hybrids, subjects, moods),
with prompts to try."""

from __future__ import annotations

from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from studio.commands.common import HELP, handles_errors
from studio.designer.lexicon import GENRES, MOODS
from studio.designer.naming import PAIR_TITLES
from studio.designer.recipes import RECIPES
from studio.designer.subjects import KINDS, LIBRARY
from studio.textsafe import dumps

#: A prompt to try for each genre.
EXAMPLES: dict[str, str] = {
    "tetris": "tetris with a ghost piece",
    "match3": "a cosy match-3 with falling gems",
    "snake": "a snake game in neon colours",
    "breakout": "breakout with power-ups",
    "pong": "pong against the computer",
    "invaders": "space invaders with ghosts",
    "asteroids": "asteroids but underwater with sharks",
    "flappy": "a flappy bird game with bees",
    "runner": "a platformer where a frog jumps between lily pads",
    "maze": "a pac-man maze on a haunted night",
    "2048": "2048 with a timer",
    "minesweeper": "minesweeper in the desert",
    "memory": "memory cards for kids",
    "arcade": "something with cats",
    # -- board genres --
    "tictactoe": "noughts and crosses against the computer",
    "connect4": "connect four in neon colours",
    "sokoban": "a box pushing puzzle in a snowy warehouse",
    "fifteen": "a sliding puzzle with a picture",
    "solitaire": "klondike solitaire with drag and drop",
    # -- arcade genres --
    "lander": "asteroids but you land on the moon",
    "frogger": "a frog crossing the road and the river",
    "missile": "missile command: defend the cities",
    "topdown": "a top-down shooter against waves of zombies",
    "tanks": "a tank battle with bouncing shells",
    # -- toys genres --
    "whackamole": "whack-a-mole in the garden",
    "typing": "a typing game where words fall from the sky",
    "rhythm": "a game like Guitar Hero in neon colours",
    "clicker": "an idle clicker with upgrades",
    "fishing": "a relaxing fishing game on a lake",
    # -- physics genres --
    "golf": "a relaxing mini golf course",
    "bubbles": "a bubble shooter in candy colours",
    "towers": "a tower defense in the forest",
    "pinball": "a neon pinball table",
    "racing": "a top-down car racing game in the desert",
}
SUBJECT_EXAMPLES = (
    "something with cats",
    "a relaxing game about gardening",
    "a knight fighting dragons",
)


def catalogue() -> dict[str, Any]:
    """Everything ``studio genres`` shows, as data (``--json``)."""
    genres = [
        {
            "genre": key,
            "name": name,
            "words": list(phrases[:4]),
            "description": RECIPES[key].description,
            "example": EXAMPLES.get(key, ""),
        }
        for key, (name, phrases) in GENRES.items()
    ]
    hybrids = [
        {"genres": list(pair), "example": f"a game that mixes {pair[0]} and {pair[1]}"}
        for pair in PAIR_TITLES
    ]
    subjects = {kind: [s.name for s in LIBRARY if s.kind == kind] for kind in KINDS}
    return {
        "genres": genres,
        "hybrids": hybrids,
        "hybrid_rule": "any two genres mix: name both ('snake meets breakout')",
        "subjects": subjects,
        "subject_examples": list(SUBJECT_EXAMPLES),
        "moods": {level: list(words[:10]) for level, words in MOODS.items()},
    }


@handles_errors
def genres_cmd(
    as_json: Annotated[bool, typer.Option("--json", help="Print it all as JSON.")] = False,
) -> None:
    """What the offline designer can make: genres, hybrids, subjects and moods, with prompts
    to try.

    Examples: studio genres  |  studio genres --json  |  studio make "something with cats"
    """
    data = catalogue()
    if as_json:
        typer.echo(dumps(data))
        return
    out = Console(highlight=False)
    table = Table(title="Genres", title_justify="left", box=None, padding=(0, 1))
    table.add_column("genre", style="bold", no_wrap=True)
    table.add_column("also called", overflow="fold")
    table.add_column("try", style="cyan", overflow="fold")
    for genre in data["genres"]:
        if genre["genre"] == "arcade":
            continue
        table.add_row(genre["genre"], ", ".join(genre["words"]), f'"{genre["example"]}"')
    out.print(table)
    out.print(
        f"\n[bold]Hybrids[/]: {data['hybrid_rule']}; made with care: "
        + ", ".join(" + ".join(h["genres"]) for h in data["hybrids"])
        + '.  Try "a game that mixes Tetris and Bejeweled".',
    )
    out.print(
        "\n[bold]Subjects[/] (drawn as the player, the enemies or the things to collect; "
        "a prompt with no genre gets an arcade game around them):"
    )
    for kind, names in data["subjects"].items():
        out.print(f"  [bold]{kind}[/]: {', '.join(names)}", soft_wrap=False)
    out.print("  Try: " + "  ".join(f'"{e}"' for e in data["subject_examples"]))
    out.print(
        "\n[bold]Moods[/]: "
        + "; ".join(f"{level}: {', '.join(words)}" for level, words in data["moods"].items())
        + '.  Try "a relaxing snake game" or "a frantic breakout".'
    )


def register(app: typer.Typer) -> None:
    """Add ``studio genres`` to ``app``."""
    app.command("genres", context_settings=HELP)(genres_cmd)
