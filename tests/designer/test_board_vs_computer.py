"""Tic-tac-toe and connect four against the computer: it wins when it can, blocks when it
must, and the rules of N in a row hold, played through each game's own ``Game`` class."""

from __future__ import annotations

from typing import Any

import pygame
import pytest

from .board_play import Played, display_fixture  # noqa: F401 - the display fixture


# --- tic-tac-toe and connect four -------------------------------------------------------------
def _grid(g: Played, rows: list[str]) -> Any:
    """A grid from text: "x" the player, "o" the computer, "." empty."""
    grid = g.Grid(len(rows[0]), len(rows))
    for r, row in enumerate(rows):
        for c, ch in enumerate(row):
            grid.cells[r][c] = {"x": g.YOU, "o": g.CPU, ".": None}[ch]
    return grid


@pytest.mark.parametrize("seed", range(4))
def test_tictactoe_computer_wins_when_it_can_and_blocks_when_it_must(display, seed) -> None:
    g = Played("tic tac toe", seed)
    for skill in (0.0, 1.0):  # the rule holds however careless the computer is otherwise
        # it can win along the diagonal, and the player threatens the top row: it wins
        assert g.game.computer.choose(_grid(g, ["xx.", ".o.", "x.o"]), skill) == (0, 2)
        # only the player threatens (the middle column): it must block
        assert g.game.computer.choose(_grid(g, [".x.", ".x.", "o.."]), skill) == (2, 1)
        # a diagonal threat is blocked too
        assert g.game.computer.choose(_grid(g, ["x..", ".x.", "o.."]), skill) == (2, 2)


def test_tictactoe_at_full_skill_the_computer_never_loses_whatever_the_player_does(
    display,
) -> None:
    g = Played("tic tac toe", 1)
    computer = g.game.computer
    lines = 0

    def play(grid: Any, who: int) -> None:
        """Every line of play from here: each player move, the computer's answer to it."""
        nonlocal lines
        moves = grid.moves()
        if not moves:
            lines += 1
            return
        options = [computer.choose(grid, 1.0)] if who == g.CPU else moves
        for r, c in options:
            won = grid.wins(r, c, who)
            assert not (won and who == g.YOU), grid.cells  # the player never gets three
            grid.cells[r][c] = who
            if won:
                lines += 1
            else:
                play(grid, 1 - who)
            grid.cells[r][c] = None

    play(g.Grid(3, 3), g.YOU)  # the player starts
    play(g.Grid(3, 3), g.CPU)  # the computer starts
    assert lines > 500


def test_tictactoe_played_by_clicks_the_computer_answers_and_a_line_wins(display) -> None:
    g = Played("tic tac toe", 2)
    game, cell = g.game, g.CELL
    game.turn, game.rounds = g.YOU, 1
    before = g.picture()
    centre = (g.BOARD_X + cell + cell // 2, g.BOARD_Y + cell + cell // 2)
    game.handle_click(centre, 1)
    g.run(0.05)
    assert game.grid.cells[1][1] == g.YOU and g.picture() != before  # the mark shows at once
    assert game.turn == g.CPU
    g.run(g.THINK_TIME + 0.1)  # the computer answers quickly
    assert sum(cell is not None for row in game.grid.cells for cell in row) == 2
    assert game.turn == g.YOU
    # a full row of the player's marks ends the round as a win
    game.grid = _grid(g, ["xx.", "oo.", "..."])
    game.turn = g.YOU
    game.handle_click((g.BOARD_X + 2 * cell + 5, g.BOARD_Y + 5), 1)
    assert game.tally[g.YOU] == 1 and game.score > 0 and len(game.win_cells) == 3


def test_connect_four_discs_fall_and_a_diagonal_wins(display) -> None:
    g = Played("connect four", 3)
    game = g.game
    assert (g.COLS, g.ROWS, g.WIN_LEN, g.GRAVITY) == (7, 6, 4, True)
    game.turn = g.YOU
    game.handle_key(pygame.K_4)  # the digit keys drop into a column
    g.run(1.0)
    assert game.grid.cells[5][3] == g.YOU  # it fell to the bottom row
    # a rising diagonal: (5,0) (4,1) (3,2) and the player drops the fourth at column 3
    game.grid = _grid(
        g,
        [
            ".......",
            ".......",
            ".......",
            "..xo...",
            ".xoo...",
            "xoxo...",
        ],
    )
    game.turn = g.YOU
    game.player_plays(0, 3)
    g.run(1.0)
    assert game.tally[g.YOU] == 1, game.grid.cells
    assert sorted(game.win_cells) == [(2, 3), (3, 2), (4, 1), (5, 0)]


@pytest.mark.parametrize("seed", range(4))
def test_connect_four_computer_wins_when_it_can_and_blocks_when_it_must(display, seed) -> None:
    g = Played("connect four", seed)
    empty = "......."
    for skill in (0.0, 1.0):
        # three of its own up column 6 and three of the player's across: it wins
        wins = _grid(g, [empty, empty, empty, "......o", "......o", "xxx...o"])
        assert g.game.computer.choose(wins, skill) == (2, 6)
        # the player has three across the bottom: it blocks the open end
        blocks = _grid(g, [empty, empty, empty, empty, "o......", "oxxx..."])
        assert g.game.computer.choose(blocks, skill) == (5, 4)
        # a diagonal threat that needs a disc under it first is not helped along
        # the player's rising diagonal needs (2, 3): the computer does not fill (3, 3) under it
        trap = _grid(g, [empty, empty, empty, "..x....", ".xoo...", "xoox..."])
        assert g.game.computer.choose(trap, skill) != (3, 3)
