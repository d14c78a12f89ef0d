"""The physics genres' core rules, played headless through each game's own ``Game``: golf
friction, walls and par; bubble bounces, pops and falls; towers, money and lives; flippers,
bumpers, plunger and drains; laps in order, grass and walls."""

from __future__ import annotations

import math
from collections.abc import Iterator
from typing import Any

import pygame
import pytest

from studio.designer import design_for, make_game

from .physics_play import run, start


@pytest.fixture
def display() -> Iterator[None]:
    pygame.init()
    yield
    pygame.quit()


# --- mini golf ------------------------------------------------------------------------------
def open_course(space: dict[str, Any], game: Any) -> Any:
    """The current hole with no walls, sand, water or bar in the way."""
    course = game.course
    course.walls, course.sand, course.water, course.bar = [], [], [], None
    return course


def test_golf_ball_loses_speed_to_friction_and_stops(display: None) -> None:
    space, game = start("mini golf", 3)
    open_course(space, game)
    ball = game.player
    ball.x, ball.y = float(space["COURSE"].centerx), float(space["COURSE"].centery)
    ball.angle, ball.power = 0.0, 0.3
    game.course.cup = (space["COURSE"].left + 20, space["COURSE"].top + 20)
    assert game.strokes == 0
    game.handle_key(pygame.K_SPACE)
    assert game.strokes == 1
    speeds = []
    for _ in range(240):
        game.update(1 / 60)
        speeds.append(math.hypot(ball.vx, ball.vy))
    assert speeds[0] > speeds[30] > speeds[60] > 0
    assert ball.resting() and ball.x > space["COURSE"].centerx + 40
    game.handle_key(pygame.K_SPACE)
    assert game.strokes == 2  # at rest it can be putted again


def test_golf_walls_reflect_the_ball(display: None) -> None:
    space, game = start("mini golf", 4)
    course = open_course(space, game)
    wall = space["pygame"].Rect(0, 0, 24, 200)
    wall.center = (space["COURSE"].centerx + 80, space["COURSE"].centery)
    course.walls = [wall]
    course.cup = (space["COURSE"].left + 20, space["COURSE"].top + 20)
    ball = game.player
    ball.x, ball.y = float(space["COURSE"].centerx), float(space["COURSE"].centery)
    ball.angle, ball.power = 0.0, 0.6
    game.putt()
    run(game, 0.4)
    assert ball.vx < 0 and ball.x < wall.left  # it came back off the wall
    ball.vx, ball.vy = 0.0, -500.0  # and off the course edge
    run(game, 1.0)
    assert ball.y > space["COURSE"].top


def test_golf_holing_out_records_strokes_against_par(display: None) -> None:
    space, game = start("mini golf", 5)
    course = open_course(space, game)
    par = course.par
    course.cup = space["COURSE"].center
    ball = game.player
    ball.x, ball.y = course.cup[0] - 60.0, float(course.cup[1])
    ball.angle, ball.power = 0.0, 0.45
    game.putt()
    game.putt()  # still rolling: no second stroke
    run(game, 2.0)
    assert game.card == [(par, 1)]
    assert game.level == 2 and game.strokes == 0 and game.course is not course
    assert game.score == (par - 1 + 3) * 100 + 500  # a hole in one
    assert game.to_par() == 1 - par


def test_golf_a_fast_ball_rolls_over_the_hole(display: None) -> None:
    space, game = start("mini golf", 5)
    course = open_course(space, game)
    course.cup = space["COURSE"].center
    ball = game.player
    ball.x, ball.y = course.cup[0] - 40.0, float(course.cup[1])
    ball.vx, ball.vy = 900.0, 0.0
    run(game, 0.1)
    assert game.card == []


def test_golf_the_round_ends_after_its_holes(display: None) -> None:
    space, game = start("mini golf", 6)
    for _ in range(space["HOLES"]):
        assert game.state == "play"
        game.strokes = game.course.par
        game.hole_out()
    assert game.state == "over" and "par" in game.over_reason


# --- bubble shooter -------------------------------------------------------------------------
def test_bubble_shot_bounces_off_the_side_walls(display: None) -> None:
    space, game = start("bubble shooter", 1)
    game.bubbles.cells = {(0, 0): 0}
    game.player.angle = -math.pi + 0.3  # low, to the left
    game.fire()
    shot = game.shot
    area = space["BUBBLE_AREA"]
    assert shot.vx < 0
    bounced = False
    for _ in range(120):
        game.update(1 / 60)
        bounced = bounced or shot.vx > 0
        assert area.left <= shot.x <= area.right
        if game.shot is None:
            break
    assert bounced


def test_bubbles_three_of_a_colour_pop_and_cut_loose_ones_fall(display: None) -> None:
    space, game = start("bubble shooter", 2)
    bubbles = game.bubbles
    # row 0: a lone colour 1, two of colour 0; below them a colour-2 bubble hangs from the 0s
    bubbles.cells = {(0, 0): 1, (0, 1): 0, (0, 2): 0, (1, 1): 2, (0, 6): 3}
    shot = space["FlyingBubble"](0, -math.pi / 2)
    shot.x, shot.y = bubbles.centre(0, 3)
    game.stick(shot)
    assert set(bubbles.cells) == {(0, 0), (0, 6)}  # the three 0s popped, the 2 fell
    assert [f[3] for f in game.falling] == [2]
    assert game.score == (10 * 3 + 20 * 1) * game.level


def test_bubbles_two_of_a_colour_stay_and_the_ceiling_comes_down(display: None) -> None:
    space, game = start("bubble shooter", 3)
    bubbles = game.bubbles
    bubbles.cells = {(0, 0): 1, (0, 1): 0, (0, 5): 2}
    drop = bubbles.drop
    for i in range(space["SHOTS_PER_DROP"]):
        shot = space["FlyingBubble"](3 if i % 2 else 4, -math.pi / 2)
        shot.x, shot.y = bubbles.centre(0, 8 + i % 4)
        game.stick(shot)
    assert (0, 1) in bubbles.cells and game.score == 0
    assert bubbles.drop == drop + space["ROW_H"]


def test_bubbles_a_shot_sticks_where_it_touches(display: None) -> None:
    space, game = start("bubble shooter", 4)
    before = len(game.bubbles.cells)
    game.player.angle = -math.pi / 2
    game.handle_key(pygame.K_SPACE)
    run(game, 1.5)
    assert game.shot is None
    assert len(game.bubbles.cells) in (before + 1, before - 2) or game.score > 0


def test_bubbles_reaching_the_line_end_the_game(display: None) -> None:
    space, game = start("bubble shooter", 5)
    bubbles = game.bubbles
    assert game.state == "play"
    bubbles.cells = {(0, 0): 0, (1, 0): 1, (2, 0): 2}
    top = space["BUBBLE_AREA"].top + space["BUBBLE_R"] + 2 * space["ROW_H"]
    bubbles.drop = space["DEADLINE"] - top  # the third row sits on the line
    shot = space["FlyingBubble"](3, -math.pi / 2)
    shot.x, shot.y = bubbles.centre(0, 5)
    game.stick(shot)
    assert game.state == "over" and "bottom" in game.over_reason


def test_bubbles_meet_minesweeper_a_pop_next_to_a_mine_blows_up_around_it(display: None) -> None:
    for prompt in ("bubble shooter meets minesweeper", "minesweeper meets bubble shooter"):
        assert "mines hide in the bubbles" in design_for(prompt, 0).understood
    space, game = start("bubble shooter meets minesweeper", 2)
    bubbles = game.bubbles
    # two 0s at the ceiling; a mine (colour 1) beside them with colour-2 and -3 neighbours
    bubbles.cells = {(0, 0): 0, (0, 1): 0, (0, 2): 1, (0, 3): 2, (1, 2): 3, (0, 8): 4}
    bubbles.bombs = {(0, 2)}
    shot = space["FlyingBubble"](0, -math.pi / 2)
    shot.x, shot.y = bubbles.centre(1, 0)
    game.stick(shot)
    assert set(bubbles.cells) == {(0, 8)} and bubbles.bombs == set()
    plain = start("bubble shooter", 2)[1]
    assert plain.bubbles.bombs == set()  # a plain bubble shooter has no mines


# --- tower defense --------------------------------------------------------------------------
def free_tile(space: dict[str, Any], game: Any) -> tuple[int, int]:
    """A tile beside the path (touching its side), where a tower may stand."""
    for col in range(space["GRID_COLS"]):
        for row in range(space["GRID_ROWS"]):
            rect = space["pygame"].Rect(
                space["GRID_LEFT"] + col * space["TILE"],
                space["GRID_TOP"] + row * space["TILE"],
                space["TILE"],
                space["TILE"],
            )
            near = rect.inflate(space["TILE"], space["TILE"])
            if not game.path.blocks(rect.inflate(-8, -8)) and game.path.blocks(near):
                return col, row
    raise AssertionError("no free tile beside the path")


def test_towers_enemies_follow_the_path(display: None) -> None:
    space, game = start("tower defense", 1)
    enemy = space["Enemy"](game.path, 1)
    seen = []
    while not enemy.arrived():
        enemy.move(0.2)
        seen.append(enemy.rect.center)
        assert game.path.blocks(enemy.rect) or not space["FIELD"].collidepoint(enemy.rect.center)
    assert len({y for _x, y in seen}) > 2  # it turned the corners
    assert seen[-1][0] > space["FIELD"].right - space["TILE"]


def test_towers_shoot_an_enemy_in_range_and_not_one_out_of_range(display: None) -> None:
    space, game = start("tower defense", 2)
    col, row = free_tile(space, game)
    game.money = 1000
    assert game.build(col, row)
    tower = game.towers[(col, row)]
    near, far = space["Enemy"](game.path, 1), space["Enemy"](game.path, 1)
    along = range(0, int(game.path.total), 4)
    near.distance = next(d for d in along if tower_sees(tower, game.path.at(d)))
    far.distance = next(d for d in along if not tower_sees(tower, game.path.at(d)))
    for enemy in (near, far):
        enemy.speed = 0.0
        enemy.move(0.0)
    assert tower.in_range(near) and not tower.in_range(far)
    game.enemies = [near, far]
    game.to_spawn, game.wave_timer = 0, 99.0
    game.update(1 / 60)
    assert near.hp < near.max_hp and far.hp == far.max_hp
    assert game.beams  # the shot is drawn


def tower_sees(tower: Any, point: tuple[float, float]) -> bool:
    return math.hypot(point[0] - tower.rect.centerx, point[1] - tower.rect.centery) <= tower.range()


def test_towers_money_buys_towers_and_upgrades(display: None) -> None:
    space, game = start("tower defense", 3)
    col, row = free_tile(space, game)
    cost, upgrade = space["TOWER_COST"], space["UPGRADE_COST"]
    game.money = cost - 1
    assert not game.build(col, row) and not game.towers  # too poor
    game.money = cost + upgrade
    game.handle_click(_centre(space, col, row), 1)  # a click builds on the tile
    assert game.towers[(col, row)].level == 1 and game.money == upgrade
    before = game.towers[(col, row)].range()
    game.handle_key(pygame.K_SPACE)  # the cursor is on it: Space upgrades
    assert game.towers[(col, row)].level == 2 and game.money == 0
    assert game.towers[(col, row)].range() > before
    assert not game.build(col, row)  # no money for the next upgrade
    on_path = game.path.points[1]
    tile = (
        (on_path[0] - space["GRID_LEFT"]) // space["TILE"],
        (on_path[1] - space["GRID_TOP"]) // space["TILE"],
    )
    game.money = 1000
    assert not game.build(*tile)  # never on the path


def _centre(space: dict[str, Any], col: int, row: int) -> tuple[int, int]:
    tile = space["TILE"]
    return (space["GRID_LEFT"] + col * tile + tile // 2, space["GRID_TOP"] + row * tile + tile // 2)


def test_towers_an_enemy_reaching_the_end_costs_a_life(display: None) -> None:
    space, game = start("tower defense", 4)
    lives = game.lives
    enemy = space["Enemy"](game.path, 1)
    enemy.distance = game.path.total - 1
    game.enemies = [enemy]
    game.to_spawn, game.wave_timer = 0, 99.0
    game.update(1 / 20)
    assert game.lives == lives - 1 and game.enemies == []
    game.lives = 1
    enemy.distance = game.path.total - 1
    game.enemies = [enemy]
    game.update(1 / 20)
    assert game.state == "over"


def test_towers_a_kill_pays_money_and_waves_grow(display: None) -> None:
    space, game = start("tower defense", 5)
    game.wave_timer = 0.0
    game.update(1 / 60)
    assert game.wave == 1 and game.to_spawn == space["WAVE_SIZE"] - 1
    money = game.money
    game.enemies[0].hp = 0
    game.update(1 / 60)
    assert game.money > money and game.score > 0


# --- pinball --------------------------------------------------------------------------------
def in_play(ball: Any, x: float, y: float, vx: float = 0.0, vy: float = 0.0) -> None:
    ball.on_plunger = False
    ball.x, ball.y, ball.vx, ball.vy = x, y, vx, vy


def on_flipper(space: dict[str, Any], game: Any) -> Any:
    """The ball resting on the middle of the left flipper (at rest)."""
    flipper = game.flippers[0]
    (px, py), (tx, ty) = flipper.pivot, flipper.tip()
    length = math.hypot(tx - px, ty - py)
    normal = ((ty - py) / length, -(tx - px) / length)  # pointing up, away from the table
    reach = space["PIN_R"] + 7
    in_play(game.player, (px + tx) / 2 + normal[0] * reach, (py + ty) / 2 + normal[1] * reach)
    return game.player


def test_pinball_a_flipper_hit_sends_the_ball_up(display: None) -> None:
    space, game = start("pinball", 1)
    ball = on_flipper(space, game)
    run(game, 0.1)
    assert ball.vy > -100  # left alone it rolls down the flipper
    ball = on_flipper(space, game)
    game.handle_key(pygame.K_LEFT)
    run(game, 0.1)
    assert ball.vy < -500 and ball.y < game.flippers[0].pivot[1] - 20


def test_pinball_bumpers_score_and_repel(display: None) -> None:
    space, game = start("pinball", 2)
    x, y, radius = game.bumpers[0]
    in_play(game.player, x - radius - 30, y, vx=300.0)
    score = game.score
    run(game, 0.15)
    ball = game.player
    assert game.score == score + 100 * game.level
    away = (ball.x - x) * ball.vx + (ball.y - y) * ball.vy
    assert away > 0 and ball.vx < 0  # thrown back the way it came


def test_pinball_the_plunger_launches_the_ball_into_the_table(display: None) -> None:
    space, game = start("pinball", 3)
    ball = game.player
    run(game, 1.0)
    assert ball.on_plunger and ball.x > space["LANE_X"]  # it waits for the player
    game.handle_key(pygame.K_SPACE)
    run(game, 1 / 60)
    assert not ball.on_plunger and ball.vy < -900
    run(game, 1.2)
    assert ball.x < space["LANE_X"]  # out of the lane, round the top, onto the table


def test_pinball_a_drained_ball_costs_a_ball(display: None) -> None:
    space, game = start("pinball", 4)
    lives = game.lives
    in_play(game.player, float(space["PLAY_X"]), space["FLIP_Y"] + 10.0, vy=200.0)
    run(game, 1.0)
    assert game.lives == lives - 1
    assert game.player.on_plunger  # a new ball waits on the plunger
    for _ in range(lives - 1):
        in_play(game.player, float(space["PLAY_X"]), space["FLIP_Y"] + 10.0, vy=200.0)
        run(game, 1.0)
    assert game.state == "over"


def test_pinball_meets_breakout_the_ball_breaks_bricks_on_the_table(display: None) -> None:
    for prompt in ("pinball meets breakout", "breakout with pinball flippers"):
        design = design_for(prompt, 0)
        assert "pinball" in design.parts and "bricks" not in design.parts
        assert "bricks line the top of the table" in design.understood
    space, game = start("pinball meets breakout", 5)
    game.targets = []  # nothing else in the way
    brick = max(game.bricks, key=lambda b: (b.y, -abs(b.centerx - space["PLAY_X"])))  # lowest row
    count, score = len(game.bricks), game.score
    in_play(game.player, float(brick.centerx), brick.bottom + space["PIN_R"] + 20.0, vy=-600.0)
    run(game, 0.1)
    assert len(game.bricks) == count - 1 and brick not in game.bricks
    assert game.score == score + 50 * game.level
    assert game.player.vy > 0  # it bounced off the brick
    assert "PIN_BRICKS = 0" in make_game("pinball", 0).code  # a plain table has none


# --- racing ---------------------------------------------------------------------------------
class Held:
    """Keys held down, as ``pygame.key.get_pressed()`` reports them."""

    def __init__(self, *keys: int) -> None:
        self.keys = set(keys)

    def __getitem__(self, key: int) -> bool:
        return key in self.keys


def test_racing_laps_count_only_through_the_checkpoints_in_order(display: None) -> None:
    space, game = start("a top-down racing game", 1)
    game.rivals = []
    car, points = game.player, game.track.points

    def visit(index: int) -> None:
        car.x, car.y = float(points[index][0]), float(points[index][1])
        car.speed = 0.0
        game.update(1 / 60)

    visit(len(points) // 2)  # a short cut across the middle
    visit(0)  # straight back over the line
    assert car.laps == 0 and car.next == 1
    for index in [*range(1, len(points)), 0]:
        visit(index)
    assert car.laps == 1 and car.next == 1
    assert game.score > 0


def test_racing_going_off_the_track_slows_you(display: None) -> None:
    space, game = start("a top-down racing game", 2)
    game.track.barriers = []
    car, gas = game.player, Held(pygame.K_UP)
    for _ in range(36):
        car.update(1 / 60, gas)
    assert not game.track.off_road((car.x, car.y))
    assert car.speed > space["GRASS_TOP"] + 20
    arena = space["ARENA"]
    grass = [
        (float(x), float(y))
        for x in range(arena.left + 40, arena.right - 40, 10)
        for y in range(arena.top + 40, arena.bottom - 40, 10)
        if game.track.off_road((x, y), space["TRACK_HALF"] + space["GRASS_TOP"] + 30)
    ]
    car.x, car.y = max(grass, key=lambda p: game.track.distance(p))  # deep in the grass
    for _ in range(60):
        car.update(1 / 60, gas)
    assert game.track.off_road((car.x, car.y))
    assert car.speed <= space["GRASS_TOP"] + 1


def test_racing_a_collision_with_a_wall_stops_you(display: None) -> None:
    space, game = start("a top-down racing game", 3)
    car = game.player
    car.heading, car.speed = 0.0, float(space["CAR_TOP"])
    wall = space["pygame"].Rect(int(car.x) + 30, int(car.y) - 40, 20, 80)
    game.track.barriers = [wall]
    game.rivals = []
    for _ in range(30):
        car.update(1 / 60, Held(pygame.K_UP))
        assert not car.rect.colliderect(wall)
    assert car.speed < space["CAR_ACCEL"] / 60 + 1 and car.crashed  # it stands at the wall
    car.x, car.y, car.heading = float(space["ARENA"].right - space["CAR_R"] - 2), car.y, 0.0
    car.speed = float(space["CAR_TOP"])
    car.update(1 / 60, Held())
    assert car.speed == 0.0 and car.rect.right <= space["ARENA"].right  # the edge stops it too


def test_racing_a_rival_finishing_first_ends_the_race(display: None) -> None:
    space, game = start("a top-down racing game", 4)
    rival = game.rivals[0]
    game.rivals = [rival]
    game.player.next = 3
    rival.next = 0  # past its last checkpoint, heading for the line: ahead of the player
    assert game.place() == 2
    game.player.laps = 1
    assert game.place() == 1
    rival.laps = space["LAPS"]
    game.update(1 / 60)
    assert game.state == "over" and "rival" in game.over_reason
