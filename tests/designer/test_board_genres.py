"""The board group's genres (tic-tac-toe, connect four, sokoban, sliding puzzle, solitaire):
their names map to them, their core rules hold when played headless through each game's own
``Game`` class, and the real verifier judges them playable with no flags over several seeds.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pygame
import pytest

import studio
from studio.designer import design_for, make_game, read_prompt

from . import test_drawing as drawing
from .catalogue import SHORT
from .conftest import write_games
from .test_contract import contract_problems

#: genre -> prompts that name it (common names, spellings and descriptions).
NAMES: dict[str, list[str]] = {
    "tictactoe": [
        "tic tac toe",
        "tic-tac-toe against the computer",
        "noughts and crosses",
        "a game of Xs and Os",
        "naughts and crosses on a 3x3 grid",
    ],
    "connect4": ["connect four", "Connect 4 in neon", "4 in a row", "a four-in-a-row game"],
    "sokoban": ["sokoban", "a box pushing puzzle", "push crates in a warehouse", "Soko-ban"],
    "fifteen": ["a sliding puzzle", "the 15 puzzle", "8-puzzle", "a sliding tile puzzle"],
    "solitaire": ["solitaire", "Klondike", "a game of patience", "drag and drop cards"],
}
#: genre -> the prompt its verifier and contract tests use.
PROMPTS: dict[str, str] = {
    "tictactoe": "noughts and crosses against the computer",
    "connect4": "connect four",
    "sokoban": "sokoban with several levels",
    "fifteen": "a sliding puzzle",
    "solitaire": "klondike solitaire",
}


@pytest.fixture
def display(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("SDL_VIDEODRIVER", "dummy")
    monkeypatch.setenv("SDL_AUDIODRIVER", "dummy")
    pygame.init()
    yield
    pygame.quit()


class Played:
    """One designer game, loaded (our own output) on the dummy display and started."""

    def __init__(self, prompt: str, seed: int) -> None:
        self.space: dict[str, Any] = {"__name__": "designer_game"}
        code = make_game(prompt, seed).code
        exec(compile(code, "<game>", "exec"), self.space)  # noqa: S102 - our own output
        self.screen = pygame.display.set_mode((self.space["SCREEN_W"], self.space["SCREEN_H"]))
        self.game = self.space["Game"]()
        self.game.start()
        random.seed(seed)

    def __getattr__(self, name: str) -> Any:
        return self.space[name]

    def run(self, seconds: float) -> None:
        for _ in range(round(seconds * 60)):
            self.game.update(1 / 60)
            self.game.draw(self.screen)

    def picture(self) -> bytes:
        return pygame.image.tobytes(self.screen, "RGB")


@pytest.mark.parametrize(("genre", "prompt"), [(g, p) for g, ps in NAMES.items() for p in ps])
def test_names_of_the_genre_map_to_it(genre: str, prompt: str) -> None:
    und = read_prompt(prompt)
    assert und.genres == [genre] and und.recognised, und.line()


@pytest.mark.parametrize("genre", sorted(PROMPTS))
def test_the_genre_follows_the_contract_over_many_seeds(genre: str) -> None:
    for seed in range(8):
        code = make_game(PROMPTS[genre], seed).code
        assert contract_problems(code) == [], (genre, seed)
        assert make_game(PROMPTS[genre], seed).code == code  # same prompt and seed, same game
    assert len({make_game(PROMPTS[genre], s).code for s in range(8)}) > 2  # seeds vary it


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


# --- sokoban -----------------------------------------------------------------------------------
def _solve(rows: list[str]) -> int | None:
    """The fewest pushes that put every box on a goal (breadth-first over pushes, the keeper
    anywhere in the floor it can walk to), or None when no pushes can."""
    cells = {(r, c): ch for r, row in enumerate(rows) for c, ch in enumerate(row)}
    walls = {cell for cell, ch in cells.items() if ch == "#"}
    goals = frozenset(cell for cell, ch in cells.items() if ch in ".*+")
    boxes = frozenset(cell for cell, ch in cells.items() if ch in "$*")
    keeper = next(cell for cell, ch in cells.items() if ch in "@+")
    assert len(goals) == len(boxes)

    def walkable(at: tuple[int, int], boxes: frozenset) -> set[tuple[int, int]]:
        seen, todo = {at}, [at]
        for r, c in todo:
            for nxt in ((r + 1, c), (r - 1, c), (r, c + 1), (r, c - 1)):
                if nxt not in seen and nxt not in walls and nxt not in boxes:
                    seen.add(nxt)
                    todo.append(nxt)
        return seen

    def cornered(r: int, c: int) -> bool:
        vertical = (r - 1, c) in walls or (r + 1, c) in walls
        return vertical and ((r, c - 1) in walls or (r, c + 1) in walls)

    # a box pushed into a corner off the goals never moves again: no need to look further
    dead = {cell for cell in cells if cell not in walls and cell not in goals and cornered(*cell)}
    start_reach = walkable(keeper, boxes)
    seen = {(min(start_reach), boxes)}
    todo = [(keeper, boxes, 0)]
    for at, now, pushes in todo:
        if now == goals:
            return pushes
        reach = walkable(at, now)
        for br, bc in now:
            for dr, dc in ((0, 1), (1, 0), (0, -1), (-1, 0)):
                behind, ahead = (br - dr, bc - dc), (br + dr, bc + dc)
                if behind not in reach or ahead in walls or ahead in now or ahead in dead:
                    continue
                after = (now - {(br, bc)}) | {ahead}
                key = (min(walkable((br, bc), after)), after)
                if key not in seen:
                    seen.add(key)
                    todo.append(((br, bc), after, pushes + 1))
    return None


def test_every_sokoban_level_can_be_solved() -> None:
    from studio.designer.params_board import SOKOBAN_LEVELS

    moves = [_solve(level) for level in SOKOBAN_LEVELS]
    assert None not in moves, moves
    assert moves[0] == 1  # the first level is the one-push lesson
    assert _solve(["#####", "#$ .#", "#  @#", "#####"]) is None  # a box in a corner
    for seed in range(6):
        levels = design_for(PROMPTS["sokoban"], seed).params["levels"]
        assert len(levels) == 4 and levels[0] == SOKOBAN_LEVELS[0]


def test_sokoban_boxes_stop_at_walls_and_boxes_undo_and_restart(display) -> None:
    g = Played("sokoban", 0)
    game = g.game
    store = g.Warehouse(["#######", "#  $$ #", "# #$@ #", "#   . #", "#######"])
    game.store = store
    start = (store.keeper, store.boxes)
    (kr, kc) = store.keeper
    # up: the box above the keeper is against the top wall: nothing moves
    game.handle_key(pygame.K_UP)
    assert (store.keeper, store.boxes) == start and store.moves == 0
    # left: the box on the left has a wall behind it: nothing moves
    game.handle_key(pygame.K_LEFT)
    assert (store.keeper, store.boxes) == start
    game.handle_key(pygame.K_RIGHT)  # a free step
    assert store.keeper == (kr, kc + 1) and store.boxes == start[1]
    game.handle_key(pygame.K_UP)
    game.handle_key(pygame.K_LEFT)  # pushes the top-right box into the other box: blocked
    assert store.keeper == (kr - 1, kc + 1) and store.boxes == start[1]
    game.handle_key(pygame.K_z)
    game.handle_key(pygame.K_u)
    assert (store.keeper, store.boxes) == start and store.moves == 0  # undo takes it all back
    game.handle_key(pygame.K_DOWN)
    game.handle_key(pygame.K_LEFT)
    game.handle_key(pygame.K_UP)  # pushes the middle box up into the box above: blocked
    assert store.boxes == start[1]


def test_sokoban_a_push_solves_the_first_level_and_the_next_one_follows(display) -> None:
    g = Played("sokoban", 1)
    game = g.game
    first = game.store
    g.run(0.1)
    before = g.picture()
    game.handle_key(pygame.K_RIGHT)
    g.run(0.05)
    assert g.picture() != before  # the keeper walked
    game.handle_key(pygame.K_r)  # restart: back where it began
    assert game.store.moves == 0 and game.store is not first
    game.handle_key(pygame.K_LEFT)  # the one push of the lesson level
    assert game.store.solved() and game.score > 0
    g.run(g.SOLVED_PAUSE + 0.1)
    assert game.level == 2 and not game.store.solved() and len(game.store.goals) >= 2
    # a click walks the keeper there step by step, around the boxes
    target = next(iter(game.store.floor - game.store.boxes - {game.store.keeper}))
    path = game.store.path(target)
    rect = game.board.cell_rect(*target)
    game.handle_click(rect.center, 1)
    g.run(g.STEP_TIME * (len(path) + 2))
    assert game.store.keeper == target


# --- sliding puzzle --------------------------------------------------------------------------
def _solvable(order: list[int], size: int) -> bool:
    """The classic test: count inversions; on even widths add the gap's row from the bottom."""
    tiles = [t for t in order if t]
    inversions = sum(a > b for i, a in enumerate(tiles) for b in tiles[i + 1 :])
    if size % 2:
        return inversions % 2 == 0
    from_bottom = size - order.index(0) // size
    return (inversions + from_bottom) % 2 == 1


def test_sliding_puzzle_shuffles_are_always_solvable(display) -> None:
    seen_sizes = set()
    for seed in range(6):
        g = Played(PROMPTS["fifteen"], seed)
        size = g.COLS
        seen_sizes.add(size)
        solved = list(range(1, size * size)) + [0]
        assert _solvable(solved, size)
        swapped = [solved[1], solved[0], *solved[2:]]
        assert not _solvable(swapped, size)  # the check can fail: one swap is unsolvable
        for _ in range(40):
            tiles = g.Tiles(size)
            tiles.shuffle(g.SHUFFLE_MOVES)
            assert sorted(tiles.order) == list(range(size * size))
            assert _solvable(tiles.order, size) and not tiles.solved()
    assert len(seen_sizes) >= 2  # seeds vary the size


def test_sliding_puzzle_slides_rows_by_click_and_keys_and_solving_scores(display) -> None:
    g = Played("the 15 puzzle", 0)
    game, size = g.game, g.COLS
    tiles = game.tiles
    tiles.order = list(range(1, size * size)) + [0]  # solved, gap bottom right
    game.handle_click(game.board.cell_rect(size - 1, 0).center, 1)  # the whole bottom row
    assert tiles.gap() == (size - 1, 0) and tiles.order[size * size - 1] == size * size - 1
    game.handle_click(game.board.cell_rect(0, 1).center, 1)  # not in the gap's line
    assert tiles.gap() == (size - 1, 0)
    game.handle_key(pygame.K_UP)  # the tile below the gap: there is none
    assert tiles.gap() == (size - 1, 0)
    game.handle_key(pygame.K_DOWN)  # the tile above the gap moves down
    assert tiles.gap() == (size - 2, 0)
    game.handle_key(pygame.K_UP)
    assert tiles.gap() == (size - 1, 0) and game.score == 0
    for _ in range(size - 1):
        game.handle_key(pygame.K_LEFT)  # tiles right of the gap move left: solved
    assert tiles.solved() and game.score > 0
    g.run(g.SOLVED_PAUSE + 0.1)
    assert game.level == 2 and not game.tiles.solved()


# --- solitaire (Klondike) -----------------------------------------------------------------------
SPADES, HEARTS, DIAMONDS, CLUBS = range(4)


def _card(g: Played, rank: int, suit: int, up: bool = True) -> Any:
    card = g.Card(rank, suit)
    card.up = up
    return card


def _empty_table(g: Played) -> Any:
    table = g.game.table
    table.tableau = [[] for _ in range(7)]
    table.stock, table.waste = [], []
    table.foundations = [[] for _ in range(4)]
    return table


def test_klondike_rules(display) -> None:
    g = Played("klondike solitaire", 0)
    table = _empty_table(g)
    table.tableau[0] = [_card(g, 7, SPADES)]
    table.tableau[1] = [_card(g, 9, CLUBS, up=False), _card(g, 6, HEARTS)]
    table.tableau[2] = [_card(g, 6, CLUBS)]
    table.tableau[3] = [_card(g, 5, CLUBS), _card(g, 4, HEARTS)]
    assert table.move(("tableau", 2), 0, ("tableau", 0)) is None  # black on black
    assert table.move(("tableau", 3), 0, ("tableau", 5)) is None  # only a king fills a gap
    assert table.move(("tableau", 1), 1, ("tableau", 0)) == 5  # red 6 on black 7...
    assert table.tableau[1][0].up  # ...and the card under it turns over
    assert table.move(("tableau", 3), 0, ("tableau", 0)) == 0  # a run moves together
    assert [c.rank for c in table.tableau[0]] == [7, 6, 5, 4]
    assert table.move(("tableau", 0), 1, ("foundation", 0)) is None  # one card at a time
    table.waste = [_card(g, 2, DIAMONDS), _card(g, 1, DIAMONDS)]
    assert table.move(("waste", 0), 0, ("foundation", 0)) is None  # not the waste's top card
    assert table.move(("waste", 0), 1, ("foundation", 0)) == 10  # an ace starts a foundation
    assert table.move(("waste", 0), 0, ("foundation", 1)) is None  # a two cannot
    assert table.move(("waste", 0), 0, ("foundation", 0)) == 10  # the two follows its ace
    table.tableau[6] = [_card(g, 13, HEARTS)]
    assert table.move(("tableau", 6), 0, ("tableau", 5)) == 0  # a king fills an empty pile
    # the stock deals DRAW_COUNT cards face up; an empty stock takes the waste back
    table.stock = [_card(g, r, SPADES, up=False) for r in (8, 9, 10)]
    table.waste = []
    assert table.draw() == "draw" and len(table.waste) == g.DRAW_COUNT and table.waste[-1].up
    while table.stock:
        table.draw()
    assert table.draw() == "redeal" and len(table.stock) == 3 and not table.stock[-1].up


def test_a_fresh_klondike_deal(display) -> None:
    g = Played("klondike solitaire", 2)
    table = g.game.table
    assert [len(p) for p in table.tableau] == [1, 2, 3, 4, 5, 6, 7] and len(table.stock) == 24
    assert all(p[-1].up and not any(c.up for c in p[:-1]) for p in table.tableau)
    cards = {(c.rank, c.suit) for p in [*table.tableau, table.stock] for c in p}
    assert len(cards) == 52


def test_solitaire_drag_and_drop_with_the_mouse(display, monkeypatch) -> None:
    g = Played("klondike solitaire", 1)
    game = g.game
    table = _empty_table(g)
    table.tableau[0] = [_card(g, 7, SPADES)]
    table.tableau[3] = [_card(g, 9, CLUBS, up=False), _card(g, 6, DIAMONDS)]
    buttons = [True, False, False]
    monkeypatch.setattr(pygame.mouse, "get_pressed", lambda *a, **k: tuple(buttons))
    g.run(0.05)
    before = g.picture()
    start = game.card_rects(("tableau", 3))[1].center
    game.handle_click(start, 1)
    end = game.card_rects(("tableau", 0))[0].move(0, g.FAN_UP).center
    for t in (0.25, 0.5, 0.75, 1.0):  # the card follows the mouse while the button is down
        game.handle_motion(
            (int(start[0] + (end[0] - start[0]) * t), int(start[1] + (end[1] - start[1]) * t))
        )
        g.run(1 / 60)
    assert game.held is not None and game.dragged and g.picture() != before
    assert len(table.tableau[3]) == 2  # nothing moves before the drop
    buttons[0] = False
    g.run(1 / 60)
    assert game.held is None
    assert [c.rank for c in table.tableau[0]] == [7, 6] and table.tableau[3][0].up
    assert game.score == 5 and game.moves_made == 1
    # a drag that breaks the rules puts the cards back
    table.tableau[5] = [_card(g, 5, SPADES)]
    buttons[0] = True
    start = game.card_rects(("tableau", 5))[0].center
    game.handle_click(start, 1)
    game.handle_motion(game.card_rects(("tableau", 3))[0].center)  # onto the 9 of clubs
    buttons[0] = False
    g.run(1 / 60)
    assert len(table.tableau[5]) == 1 and len(table.tableau[3]) == 1


def test_solitaire_a_click_sends_a_card_home_and_the_keyboard_plays_too(display) -> None:
    g = Played("klondike solitaire", 3)
    game = g.game
    table = _empty_table(g)
    table.tableau[2] = [_card(g, 1, CLUBS)]
    table.tableau[4] = [_card(g, 8, HEARTS)]
    table.waste = [_card(g, 7, CLUBS)]
    table.stock = [_card(g, 12, SPADES, up=False)]
    game.handle_click(game.card_rects(("tableau", 2))[0].center, 1)  # a click, no drag
    g.run(1 / 60)
    assert [c.rank for c in table.foundations[0]] == [1] and not table.tableau[2]
    game.handle_click(game.slot(("stock", 0)).center, 1)  # the stock deals onto the waste
    g.run(1 / 60)
    assert [c.rank for c in table.waste] == [7, 12] and not table.stock
    table.waste.pop()
    game.focus = 0
    game.handle_key(pygame.K_RIGHT)  # the keyboard's pile: the waste
    game.handle_key(pygame.K_SPACE)  # the 7 of clubs goes onto the 8 of hearts
    assert [c.rank for c in table.tableau[4]] == [8, 7] and not table.waste
    # the last king home wins the deal: a new one follows on the next level
    for suit in range(4):
        table.foundations[suit] = [_card(g, r, suit) for r in range(1, 14 if suit else 13)]
    table.tableau[0] = [_card(g, 13, SPADES)]
    game.focus = 2
    game.handle_key(pygame.K_RETURN)
    assert game.level == 2 and len(game.table.stock) == 24


# --- the hybrid: sokoban with the maze's ghosts ---------------------------------------------
HYBRID = "pac-man meets sokoban"


def test_sokoban_and_maze_make_a_real_hybrid_and_other_pairs_fall_back() -> None:
    design = design_for(HYBRID, 0)
    assert design.parts == ["board", "sokoban"] and design.params["ghosts"] == 2
    assert design.rules.lives >= 3 and "ghosts" in design.understood
    assert design_for("sokoban with ghosts", 1).params["ghosts"] == 2  # either order
    assert "timer" in design_for("tic tac toe and tetris", 0).extras  # a board pair: a timer
    snake = design_for("snake with solitaire", 0)  # a field pair: the field game collects
    assert snake.parts[0] == "snake" and "pickups" in snake.parts


def test_sokoban_ghosts_are_blocked_by_boxes_and_a_touch_costs_a_life(display) -> None:
    g = Played(HYBRID, 0)
    game = g.game
    game.store = g.Warehouse(["#######", "#@ $  #", "#     #", "#######"])
    game.ghosts = [list(cell) for cell in game.ghost_homes()]
    kr, kc = game.store.keeper
    box = (kr, kc + 2)
    assert box in game.store.boxes
    for _ in range(30):  # a ghost never enters a box's cell or a wall
        game.move_ghosts()
        for ghost in game.ghosts:
            assert tuple(ghost) in game.store.floor and tuple(ghost) not in game.store.boxes
    game.play_time = 100.0  # past the newcomer's grace
    game.invulnerable = 0.0
    lives = game.lives
    game.ghosts[0] = [kr + 1, kc]
    game.handle_key(pygame.K_DOWN)  # the keeper walks into the ghost
    assert game.lives == lives - 1
    assert all(abs(g0 - kr) + abs(g1 - kc) > 1 for g0, g1 in game.ghosts)  # sent home


# --- drawing ---------------------------------------------------------------------------------
@pytest.mark.slow
@pytest.mark.parametrize("prompt", [*PROMPTS.values(), HYBRID])
def test_a_frame_draws_only_what_changed_yet_matches_a_full_redraw(
    prompt: str, display: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    drawing.test_a_frame_of_play_draws_only_what_moves(prompt, display, monkeypatch)
    drawing.test_play_paints_only_what_changed_yet_matches_a_full_redraw(
        prompt, display, monkeypatch
    )


# --- pairs with every other genre ----------------------------------------------------------------
OURS = {
    "tictactoe": "tic tac toe",
    "connect4": "connect four",
    "sokoban": "sokoban",
    "fifteen": "sliding puzzle",
    "solitaire": "solitaire",
}
PAIRS = [(a, b) for a in OURS for b in [*SHORT, *OURS] if a != b] + [
    (b, a) for a in OURS for b in SHORT
]


def _pair_prompt(a: str, b: str) -> str:
    names = {**SHORT, **OURS}
    return f"{names[a]} meets {names[b]}"


@pytest.mark.slow
def test_every_pair_with_a_board_genre_follows_the_contract() -> None:
    for index, (a, b) in enumerate(PAIRS):
        game = make_game(_pair_prompt(a, b), index)
        assert game.design.genres == [a, b], (a, b, game.design.genres)
        assert contract_problems(game.code) == [], (a, b, index)


@pytest.mark.slow
def test_a_sample_of_pairs_and_seeds_passes_the_verifier(games_dir: Path) -> None:
    rng = random.Random(20261201)
    combos = [(_pair_prompt(*rng.choice(PAIRS)), rng.randrange(1_000_000)) for _ in range(10)]
    paths = []
    for i, (prompt, seed) in enumerate(combos):
        path = games_dir / f"pair{i:02d}.py"
        path.write_text(make_game(prompt, seed).code, encoding="utf-8")
        paths.append(path)
    verdicts = studio.verify_many(paths, seconds=8.0, seed=4)
    failures = [
        f"{prompt!r} seed {seed}: {verdict.summary()} {verdict.reasons()}"
        for (prompt, seed), verdict in zip(combos, verdicts, strict=True)
        if not verdict.playable or verdict.flags
    ]
    assert not failures, "\n".join(failures)


# --- the verifier ------------------------------------------------------------------------------
@pytest.mark.slow
def test_board_genres_pass_the_verifier_with_no_flags(games_dir: Path) -> None:
    games = write_games(games_dir, [*PROMPTS.values(), HYBRID], seeds=[0, 3, 11])
    paths = sorted(games)
    verdicts = studio.verify_many(paths, seconds=8.0, seed=1)
    failures = [
        f"{games[path][0]!r} seed {games[path][1]}: {verdict.summary()} {verdict.reasons()}"
        for path, verdict in zip(paths, verdicts, strict=True)
        if not verdict.playable or verdict.flags
    ]
    assert not failures, "\n".join(failures)


def test_the_understood_line_and_tagline_name_the_genre() -> None:
    for genre, prompt in PROMPTS.items():
        design = design_for(prompt, 0)
        assert design.genres == [genre]
        assert "collector" not in design.tagline
