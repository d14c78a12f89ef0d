"""Sokoban (boxes stop at walls and boxes, undo, restart, solvable levels, the ghosts of the
maze hybrid) and the sliding puzzle (always solvable shuffles), played through each game's
own ``Game`` class."""

from __future__ import annotations

import pygame

from studio.designer import design_for

from .board_play import HYBRID, PROMPTS, Played, display_fixture  # noqa: F401 - the display fixture


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


# --- the hybrid: sokoban with the maze's ghosts ---------------------------------------------
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
