"""Jewel Stack: a falling-block puzzle crossed with a match-3 gem swapper

Made by the offline designer (no model) from the prompt:
    a game that mixes Tetris and Bejeweled
understood: falling-block puzzle + match-3 hybrid; falling gem pieces: full rows and
    colour runs of 3+ both clear, then cascade

Controls:
    Left/Right or A/D       move the piece
    Up or W                 rotate
    Down or S               soft drop
    Space                   hard drop
    Click / right click     move or rotate / drop
    Enter / Space / click   start; play again after game over
    Escape                  quit

Rules: score by dropping pieces, clearing rows, runs and chains; clears: full rows, runs of 3+
    of one colour, across or down, then the cells above fall and may clear again
    (cascades); no end: levels get faster; play for the best score; lose when the stack
    reaches the top.
"""

import functools
import math
import random

import pygame

# --- constants ---------------------------------------------------------------
SCREEN_W = 688
SCREEN_H = 656
FPS = 60
TITLE = "Jewel Stack"
TAGLINE = "a falling-block puzzle crossed with a match-3 gem swapper"
BG_COLOUR = (16, 18, 26)
PANEL_COLOUR = (36, 40, 56)
GRID_COLOUR = (68, 72, 85)
TEXT_COLOUR = (235, 235, 240)
DIM_COLOUR = (150, 150, 165)
ACCENT_COLOUR = (102, 255, 223)
PLAYER_COLOUR = (242, 140, 255)
DANGER_COLOUR = (235, 70, 70)
PIECE_COLOURS = [
    (245, 99, 129),
    (126, 233, 94),
    (138, 96, 237),
    (98, 229, 243),
    (241, 137, 98),
    (228, 186, 92),
]
LIVES = 0
TIME_LIMIT = 0
START_KEYS = (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE)
CONTROLS = [
    ("Left/Right or A/D", "move the piece"),
    ("Up or W", "rotate"),
    ("Down or S", "soft drop"),
    ("Space", "hard drop"),
    ("Click / right click", "move or rotate / drop"),
]
CONTROLS_LINE = "Left/Right or A/D: move the piece   Up or W: rotate   Down or S: soft drop   Space: hard drop"
KEY_COLOUR = (254, 1, 253)  # the see-through colour of cached sprites
COLS = 8
ROWS = 16
CELL = 36
BOARD_X = 40
BOARD_Y = 40
PANEL_X = BOARD_X + COLS * CELL + 30
CELL_STYLE = "gem"
RESOLVE_DELAY = 0.32
SETTLE = "cells"  # "rows": cleared rows vanish; "cells": every cell falls (cascades)
REFILL = False  # refill empty cells from the top after settling
KINDS = 4
SHAPES = [
    [(-1, 0), (0, 0), (1, 0)],
    [(0, -1), (0, 0), (0, 1)],
    [(0, 0), (1, 0), (1, 1)],
    [(0, 0), (0, 1), (1, 0), (1, 1)],
]
PIECE_COLOURING = "mixed"  # "solid": one kind per piece; "mixed": per cell
DROP_TIME = 0.81  # seconds per row at level 1
SOFT_DROP_FACTOR = 12
GHOST = True
LINES_PER_LEVEL = 10
MIN_RUN = 3
UPGRADE_RUNS = False  # a cleared run leaves one cell of the next value
POINTS_PER_LEVEL = 1000


@functools.cache
def lighter(colour, amount=60):
    """The colour brightened by ``amount``."""
    return tuple(min(255, v + amount) for v in colour)


@functools.cache
def darker(colour, amount=60):
    """The colour darkened by ``amount``."""
    return tuple(max(0, v - amount) for v in colour)


def new_picture(width, height):
    """A blank picture for drawing once and blitting every frame.

    It is cut one pixel into a wider surface: SDL then copies it with ordinary cached
    stores instead of streaming ones, which is several times faster for big pictures.
    """
    return pygame.Surface((width + 1, height)).subsurface((1, 0, width, height))


def copy_picture(surface):
    """A copy of ``surface`` made with ``new_picture``."""
    picture = new_picture(*surface.get_size())
    picture.blit(surface, (0, 0))
    return picture


class Text:
    """Draws text with one cached font, keeping rendered lines for reuse."""

    def __init__(self, size):
        self.font = pygame.font.Font(None, size)
        self.cache = {}

    def image(self, text, colour):
        """The rendered line, made once and reused."""
        key = (text, colour)
        surface = self.cache.get(key)
        if surface is None:
            if len(self.cache) > 300:
                self.cache.clear()
            surface = self.font.render(text, True, colour)
            self.cache[key] = surface
        return surface

    def draw(self, screen, text, colour, pos, anchor="topleft"):
        surface = self.image(text, colour)
        rect = surface.get_rect(**{anchor: pos})
        screen.blit(surface, rect)
        return rect


class Particle:
    """A spark thrown out when something breaks, clears or is collected."""

    def __init__(self, x, y, colour):
        angle = random.uniform(0, math.tau)
        speed = random.uniform(60, 240)
        self.x, self.y = x, y
        self.vx, self.vy = math.cos(angle) * speed, math.sin(angle) * speed
        self.colour = colour
        self.life = random.uniform(0.3, 0.7)

    def update(self, dt):
        self.x += self.vx * dt
        self.y += self.vy * dt
        self.vy += 300 * dt
        self.life -= dt
        return self.life > 0

    def draw(self, screen):
        size = 2 + int(self.life * 6)
        screen.fill(self.colour, (int(self.x), int(self.y), size, size))
class Board:
    """The grid of cells: None is empty, a number is a kind of piece."""

    def __init__(self, cols, rows):
        self.cols = cols
        self.rows = rows
        self.cells = [[None] * cols for _ in range(rows)]
        self.flash = set()
        self.upgrades = {}
        self.labels = Text(max(18, CELL // 2 + 6))
        self.outer = pygame.Rect(BOARD_X - 4, BOARD_Y - 4, cols * CELL + 8, rows * CELL + 8)
        self.sprites = {}
        self.picture = None
        self.drawn = None

    def inside(self, r, c):
        return 0 <= r < self.rows and 0 <= c < self.cols

    def empty(self, r, c):
        return self.inside(r, c) and self.cells[r][c] is None

    def cell_rect(self, r, c):
        return pygame.Rect(BOARD_X + c * CELL, BOARD_Y + r * CELL, CELL, CELL)

    def cell_at(self, pos):
        c = (pos[0] - BOARD_X) // CELL
        r = (pos[1] - BOARD_Y) // CELL
        return (r, c) if self.inside(r, c) else None

    def remove(self, cells):
        for r, c in cells:
            self.cells[r][c] = None
        for (r, c), kind in self.upgrades.items():
            self.cells[r][c] = kind
        self.upgrades = {}

    def drop_rows(self, rows):
        """Classic line clear: the cleared rows vanish and the rows above move down."""
        kept = [row for r, row in enumerate(self.cells) if r not in rows]
        self.cells = [[None] * self.cols for _ in range(self.rows - len(kept))] + kept

    def drop_cells(self):
        """Gravity on every cell: each column falls to close its gaps."""
        for c in range(self.cols):
            column = [self.cells[r][c] for r in range(self.rows) if self.cells[r][c] is not None]
            column = [None] * (self.rows - len(column)) + column
            for r in range(self.rows):
                self.cells[r][c] = column[r]

    def refill(self, kinds):
        for r in range(self.rows):
            for c in range(self.cols):
                if self.cells[r][c] is None:
                    self.cells[r][c] = random.randrange(kinds)

    def scene(self, backdrop, anim):
        """The backdrop with the settled cells on it, drawn again only when a cell changes."""
        glow = int(anim * 12) % 2 == 0
        key = (tuple(map(tuple, self.cells)), frozenset(self.flash) if glow else frozenset())
        if self.picture is None:
            self.picture = copy_picture(backdrop)
        elif key == self.drawn:
            return self.picture
        self.drawn = key
        self.picture.blit(backdrop, self.outer, self.outer)
        for r, row in enumerate(self.cells):
            for c, kind in enumerate(row):
                if kind is not None:
                    self.draw_cell(self.picture, self.cell_rect(r, c), kind, glow and (r, c) in self.flash)
        return self.picture

    def draw_cell(self, screen, rect, kind, highlight=False):
        """Blit the cell's picture, painted once per kind, highlight and size."""
        key = (kind, highlight, rect.width)
        image = self.sprites.get(key)
        if image is None:
            image = pygame.Surface(rect.size)
            image.fill(KEY_COLOUR)
            self.paint_cell(image, image.get_rect(), kind, highlight)
            image.set_colorkey(KEY_COLOUR, pygame.RLEACCEL)
            self.sprites[key] = image
        screen.blit(image, rect)

    def paint_cell(self, screen, rect, kind, highlight=False):
        inner = rect.inflate(-2, -2)
        if kind < 0:
            # a mine: a dark ball with spikes and a glint on a warning-red tile
            pygame.draw.rect(screen, (255, 255, 255) if highlight else DANGER_COLOUR, inner, border_radius=5)
            pygame.draw.circle(screen, (30, 30, 36), inner.center, inner.width // 3)
            for a in range(8):
                angle = a * math.pi / 4
                end = (inner.centerx + math.cos(angle) * inner.width * 0.45, inner.centery + math.sin(angle) * inner.width * 0.45)
                pygame.draw.line(screen, (30, 30, 36), inner.center, end, 2)
            pygame.draw.circle(screen, (220, 220, 230), (inner.centerx - 3, inner.centery - 3), 2)
            return
        colour = (255, 255, 255) if highlight else PIECE_COLOURS[kind % len(PIECE_COLOURS)]
        if CELL_STYLE == "gem":
            cx, cy, half = inner.centerx, inner.centery, inner.width // 2 - 1
            shape = kind % 4
            if shape == 0:
                points = [(cx, cy - half), (cx + half, cy), (cx, cy + half), (cx - half, cy)]
            elif shape == 1:
                points = [(cx + half * math.cos(a * math.pi / 3), cy + half * math.sin(a * math.pi / 3)) for a in range(6)]
            elif shape == 2:
                points = [(cx, cy - half), (cx + half, cy + half - 2), (cx - half, cy + half - 2)]
            else:
                points = [(cx - half + 3, cy - half + 3), (cx + half - 3, cy - half + 3), (cx + half - 3, cy + half - 3), (cx - half + 3, cy + half - 3)]
            pygame.draw.polygon(screen, colour, points)
            pygame.draw.polygon(screen, lighter(colour), points, 2)
            pygame.draw.circle(screen, lighter(colour, 110), (cx - half // 3, cy - half // 3), max(2, half // 5))
        elif CELL_STYLE == "number":
            pygame.draw.rect(screen, colour, inner, border_radius=6)
            self.labels.draw(screen, str(2 ** (kind + 1)), BG_COLOUR, inner.center, "center")
        else:
            pygame.draw.rect(screen, colour, inner)
            pygame.draw.line(screen, lighter(colour), inner.topleft, inner.topright, 3)
            pygame.draw.line(screen, lighter(colour), inner.topleft, inner.bottomleft, 3)
            pygame.draw.line(screen, darker(colour), inner.bottomleft, inner.bottomright, 3)


class Piece:
    """The falling piece: cell offsets around its pivot and a kind for every cell."""

    def __init__(self):
        index = random.randrange(len(SHAPES))
        self.cells = [tuple(cell) for cell in SHAPES[index]]
        if PIECE_COLOURING == "mixed":
            self.kinds = [random.randrange(KINDS) for _ in self.cells]
        else:
            self.kinds = [index % KINDS] * len(self.cells)
        self.row = -min(r for r, _ in self.cells)
        self.col = COLS // 2 - 1

    def rotated(self):
        return [(c, -r) for r, c in self.cells]

    def squares(self, row=None):
        row = self.row if row is None else row
        return [(row + dr, self.col + dc, kind) for (dr, dc), kind in zip(self.cells, self.kinds)]


class Game:
    """The whole game: its state, the rules that join the objects, and the drawing."""

    def __init__(self):
        self.small = Text(22)
        self.text = Text(30)
        self.big = Text(72 if len(TITLE) < 20 else 56)
        self.state = "title"
        self.anim = 0.0
        self.best = 0
        self.shade = pygame.Surface((SCREEN_W, SCREEN_H), pygame.SRCALPHA)
        self.shade.fill((0, 0, 0, 160))
        self.backdrop = self.paint_backdrop()
        self.title_picture = None
        self.title_tiles = []
        self.hud_key = None
        self.hud_image = None
        self.reset()

    def reset(self):
        """Everything a new game starts from."""
        self.score = 0
        self.lives = LIVES
        self.level = 1
        self.time_left = float(TIME_LIMIT)
        self.over_timer = 0.0
        self.over_reason = ""
        self.over_picture = None
        self.invulnerable = 0.0
        self.banner = ""
        self.banner_timer = 0.0
        self.particles = []
        self.board = Board(COLS, ROWS)
        self.resolving = False
        self.resolve_timer = 0.0
        self.chain = 0
        self.cleared_rows = []
        self.cleared_total = 0
        self.piece = None
        self.next_piece = Piece()
        self.drop_timer = 0.0
        self.held_dir = 0
        self.repeat_timer = 0.0
        self.pieces_dropped = 0
        self.spawn_piece()
        self.lines = 0
        self.runs_cleared = 0

    def start(self):
        self.reset()
        self.state = "play"

    def add_score(self, points):
        self.score += int(points)
        self.best = max(self.best, self.score)

    def say(self, text, seconds=1.6):
        self.banner = text
        self.banner_timer = seconds

    def burst(self, x, y, colour, count=10):
        if len(self.particles) < 240:
            self.particles.extend(Particle(x, y, colour) for _ in range(count))

    def player_hit(self):
        """The player was hurt: lose a life, or the game."""
        if self.invulnerable > 0 or self.state != "play":
            return False
        self.invulnerable = 1.5

        if not LIVES:
            self.add_score(-min(self.score, 50))
            self.say("hit! -50")
            return True
        self.lives -= 1
        if self.lives <= 0:
            self.game_over("out of lives")
        else:
            self.say(f"ouch! lives left: {self.lives}")
        return True

    def game_over(self, reason):
        if self.state == "play":
            self.state = "over"
            self.over_reason = reason
            self.over_timer = 0.0

    def level_up(self):
        self.level += 1
        self.say(f"level {self.level}!")


    def find_clears(self):
        """Every cell the clearing rules remove now, and the full rows among them."""
        found = set()
        rows = []
        for r in range(ROWS):
            if all(kind is not None for kind in self.board.cells[r]):
                rows.append(r)
                found.update((r, c) for c in range(COLS))
        if rows:
            self.lines += len(rows)
            if self.lines >= self.level * LINES_PER_LEVEL:
                self.level_up()
        runs = self.find_runs()
        for run in runs:
            found.update(run)
            if UPGRADE_RUNS:
                keep = run[len(run) // 2]
                self.board.upgrades[keep] = self.board.cells[keep[0]][keep[1]] + 1
        if runs:
            self.runs_cleared += len(runs)
            if self.score >= self.level * POINTS_PER_LEVEL:
                self.level_up()
        return found, rows

    def after_resolve(self):
        """The board has settled: what comes next."""
        if self.piece is None and self.state == "play":
            self.spawn_piece()
        return None
    def start_resolve(self):
        """Something changed on the board: look for clears, one visible step at a time."""
        self.resolving = True
        self.resolve_timer = 0.0
        self.chain = 0

    def resolve_step(self, dt):
        self.resolve_timer -= dt
        if self.resolve_timer > 0:
            return
        board = self.board
        if board.flash:
            cells = board.flash
            for r, c in cells:
                rect = board.cell_rect(r, c)
                kind = board.cells[r][c]
                if kind is not None:
                    self.burst(rect.centerx, rect.centery, PIECE_COLOURS[kind % len(PIECE_COLOURS)], 3)
            board.remove(cells)
            self.cleared_total += len(cells)
            self.add_score(len(cells) * 10 * self.chain + 100 * len(self.cleared_rows) * self.chain)
            if SETTLE == "rows":
                board.drop_rows(self.cleared_rows)
            else:
                board.drop_cells()
            if REFILL:
                board.refill(KINDS)
            board.flash = set()
            self.cleared_rows = []
            self.resolve_timer = RESOLVE_DELAY * 0.6
            return
        found, rows = self.find_clears()
        if not found:
            self.resolving = False
            self.after_resolve()
            return
        self.chain += 1
        if self.chain > 1:
            self.say(f"cascade x{self.chain}!", 1.0)
        board.flash = found
        self.cleared_rows = rows
        self.resolve_timer = RESOLVE_DELAY

    def spawn_piece(self):
        self.piece = self.next_piece
        self.next_piece = Piece()
        self.drop_timer = 0.0
        if not self.fits(self.piece.cells, self.piece.row, self.piece.col):
            self.game_over("the stack reached the top")

    def fits(self, cells, row, col):
        for dr, dc in cells:
            r, c = row + dr, col + dc
            if c < 0 or c >= COLS or r >= ROWS:
                return False
            if r >= 0 and self.board.cells[r][c] is not None:
                return False
        return True

    def move_piece(self, dc, dr=0):
        piece = self.piece
        if piece is None or self.resolving:
            return False
        if self.fits(piece.cells, piece.row + dr, piece.col + dc):
            piece.row += dr
            piece.col += dc
            return True
        return False

    def rotate_piece(self):
        piece = self.piece
        if piece is None or self.resolving:
            return
        turned = piece.rotated()
        for kick in (0, -1, 1, -2, 2):
            if self.fits(turned, piece.row, piece.col + kick):
                piece.cells = turned
                piece.col += kick
                if PIECE_COLOURING == "mixed":
                    piece.kinds = piece.kinds[-1:] + piece.kinds[:-1]
                return

    def landing_row(self):
        row = self.piece.row
        while self.fits(self.piece.cells, row + 1, self.piece.col):
            row += 1
        return row

    def hard_drop(self):
        if self.piece is None or self.resolving:
            return
        while self.move_piece(0, 1):
            self.add_score(2)
        self.lock_piece()

    def lock_piece(self):
        piece = self.piece
        self.piece = None
        for r, c, kind in piece.squares():
            if r < 0:
                self.game_over("the stack reached the top")
                return
            self.board.cells[r][c] = kind
        self.pieces_dropped += 1
        self.start_resolve()

    def find_runs(self):
        """Runs (lists of cells) of MIN_RUN or more of one kind, horizontal or vertical."""
        cells = self.board.cells
        found = []
        for r in range(ROWS):
            for c in range(COLS):
                kind = cells[r][c]
                if kind is None:
                    continue
                for dr, dc in ((0, 1), (1, 0)):
                    if self.board.inside(r - dr, c - dc) and cells[r - dr][c - dc] == kind:
                        continue
                    length = 1
                    while self.board.inside(r + dr * length, c + dc * length) and cells[r + dr * length][c + dc * length] == kind:
                        length += 1
                    if length >= MIN_RUN:
                        found.append([(r + dr * i, c + dc * i) for i in range(length)])
        return found

    # --- events ---------------------------------------------------------------
    def handle_key(self, key):
        if self.state != "play":
            if key in START_KEYS and (self.state == "title" or self.over_timer > 0.8):
                self.start()
            return
        if key in (pygame.K_LEFT, pygame.K_a):
            self.move_piece(-1)
        elif key in (pygame.K_RIGHT, pygame.K_d):
            self.move_piece(1)
        elif key in (pygame.K_UP, pygame.K_w):
            self.rotate_piece()
        elif key in (pygame.K_DOWN, pygame.K_s):
            if self.move_piece(0, 1):
                self.add_score(1)
        elif key == pygame.K_SPACE:
            self.hard_drop()

    def handle_click(self, pos, button):
        if self.state != "play":
            if self.state == "title" or self.over_timer > 0.8:
                self.start()
            return
        if button == 3:
            self.hard_drop()
        elif self.piece is not None and not self.resolving:
            column = (pos[0] - BOARD_X) // CELL
            if column < self.piece.col:
                self.move_piece(-1)
            elif column > self.piece.col + 1:
                self.move_piece(1)
            else:
                self.rotate_piece()

    def handle_motion(self, pos):
        if self.state != "play":
            return


    # --- update ---------------------------------------------------------------
    def update(self, dt):
        self.anim += dt
        self.particles = [p for p in self.particles if p.update(dt)]
        if self.state == "over":
            self.over_timer += dt
        if self.state != "play":
            return
        self.banner_timer = max(0.0, self.banner_timer - dt)
        self.invulnerable = max(0.0, self.invulnerable - dt)
        keys = pygame.key.get_pressed()
        if self.resolving:
            self.resolve_step(dt)
        if self.piece is not None and not self.resolving:
            direction = int(keys[pygame.K_RIGHT] or keys[pygame.K_d]) - int(keys[pygame.K_LEFT] or keys[pygame.K_a])
            if direction != self.held_dir:
                self.held_dir = direction
                self.repeat_timer = 0.2
            elif direction:
                self.repeat_timer -= dt
                if self.repeat_timer <= 0:
                    self.move_piece(direction)
                    self.repeat_timer = 0.06
            soft = keys[pygame.K_DOWN] or keys[pygame.K_s]
            self.drop_timer += dt * (SOFT_DROP_FACTOR if soft else 1)
            interval = max(0.07, DROP_TIME * 0.85 ** (self.level - 1))
            if self.drop_timer >= interval:
                self.drop_timer = 0.0
                if not self.move_piece(0, 1):
                    self.lock_piece()
        if TIME_LIMIT and self.state == "play":
            self.time_left -= dt
            if self.time_left <= 0:
                self.time_left = 0.0
                self.game_over("time is up")

    # --- drawing --------------------------------------------------------------
    def paint_backdrop(self):
        """Everything that never changes, drawn once: the background, panels and controls."""
        surface = new_picture(SCREEN_W, SCREEN_H)
        surface.fill(BG_COLOUR)
        self.text.draw(surface, TITLE, ACCENT_COLOUR, (PANEL_X, BOARD_Y))
        y = SCREEN_H - 16 - 36 * len(CONTROLS)
        for keys, action in CONTROLS:
            self.small.draw(surface, keys, TEXT_COLOUR, (PANEL_X, y))
            self.small.draw(surface, action, DIM_COLOUR, (PANEL_X + 16, y + 16))
            y += 36
        pygame.draw.rect(surface, PANEL_COLOUR, (BOARD_X - 4, BOARD_Y - 4, COLS * CELL + 8, ROWS * CELL + 8), border_radius=6)
        for c in range(1, COLS):
            x = BOARD_X + c * CELL
            pygame.draw.line(surface, GRID_COLOUR, (x, BOARD_Y), (x, BOARD_Y + ROWS * CELL))
        for r in range(1, ROWS):
            y = BOARD_Y + r * CELL
            pygame.draw.line(surface, GRID_COLOUR, (BOARD_X, y), (BOARD_X + COLS * CELL, y))
        return surface

    def scene(self):
        """The picture under everything that moves; parts redraw theirs only when it changes."""
        return self.board.scene(self.backdrop, self.anim)
        return self.backdrop

    def draw(self, screen):
        if self.state == "title":
            self.draw_title(screen)
            return
        if self.state == "over" and self.over_picture is not None:
            screen.blit(self.over_picture, (0, 0))
            self.draw_over(screen)
            return
        screen.blit(self.scene(), (0, 0))
        if self.piece is not None:
            if GHOST:
                ghost_row = self.landing_row()
                for r, c, _kind in self.piece.squares(ghost_row):
                    if r >= 0:
                        pygame.draw.rect(screen, GRID_COLOUR, self.board.cell_rect(r, c).inflate(-4, -4), 2)
            for r, c, kind in self.piece.squares():
                if r >= 0:
                    self.board.draw_cell(screen, self.board.cell_rect(r, c), kind)
        self.text.draw(screen, "Next", DIM_COLOUR, (PANEL_X + 190, BOARD_Y + 44))
        for (dr, dc), kind in zip(self.next_piece.cells, self.next_piece.kinds):
            rect = pygame.Rect(PANEL_X + 215 + dc * 26, BOARD_Y + 110 + dr * 26, 26, 26)
            self.board.draw_cell(screen, rect, kind)
        self.draw_hud(screen)
        for particle in self.particles:
            particle.draw(screen)
        if self.banner_timer > 0:
            self.text.draw(screen, self.banner, ACCENT_COLOUR, (SCREEN_W // 2, SCREEN_H // 2 - 80), "center")
        if self.state == "over":
            self.draw_over(screen)

    def hud_lines(self):
        lines = [f"Score {self.score}", f"Best {self.best}"]
        if LIVES:
            lines.append(f"Lives {self.lives}")
        lines.append(f"Level {self.level}")
        if TIME_LIMIT:
            lines.append(f"Time {int(math.ceil(self.time_left))}")
        lines.append(f"Cleared {self.cleared_total}")
        if self.chain > 1:
            lines.append(f"Chain x{self.chain}")
        lines.append(f"Lines {self.lines}")
        lines.append(f"Runs {self.runs_cleared}")
        return lines

    def draw_hud(self, screen):
        lines = self.hud_lines()
        if lines != self.hud_key:
            self.hud_key = lines
            self.hud_image = self.paint_hud(lines)
        screen.blit(self.hud_image, (PANEL_X, BOARD_Y + 44))

    def paint_hud(self, lines):
        """The score lines drawn into one picture, made again only when a line changes."""
        images = [self.text.image(line, TEXT_COLOUR) for line in lines]
        size = (max(image.get_width() for image in images), 30 * len(images))
        surface = self.hud_image
        if surface is None or surface.get_size() != size:
            surface = new_picture(*size)
        surface.fill(BG_COLOUR)
        for i, image in enumerate(images):
            surface.blit(image, (0, 30 * i))
        return surface

    def paint_title(self):
        """The still part of the title screen: the name, the tagline and the controls."""
        surface = new_picture(SCREEN_W, SCREEN_H)
        surface.fill(BG_COLOUR)
        self.big.draw(surface, TITLE, ACCENT_COLOUR, (SCREEN_W // 2, SCREEN_H // 3), "center")
        self.text.draw(surface, TAGLINE, TEXT_COLOUR, (SCREEN_W // 2, SCREEN_H // 3 + 56), "center")
        y = SCREEN_H // 2 + 10
        for keys, action in CONTROLS:
            self.small.draw(surface, f"{keys}  -  {action}", DIM_COLOUR, (SCREEN_W // 2, y), "center")
            y += 22
        for colour in PIECE_COLOURS:
            tile = pygame.Surface((28, 28))
            tile.fill(KEY_COLOUR)
            pygame.draw.rect(tile, colour, (0, 0, 28, 28), border_radius=6)
            tile.set_colorkey(KEY_COLOUR, pygame.RLEACCEL)
            self.title_tiles.append(tile)
        return surface

    def draw_title(self, screen):
        if self.title_picture is None:
            self.title_picture = self.paint_title()
        screen.blit(self.title_picture, (0, 0))
        for i, tile in enumerate(self.title_tiles):
            x = SCREEN_W // 2 + int(math.sin(self.anim * 1.3 + i) * SCREEN_W * 0.35)
            y = 60 + int(math.cos(self.anim * 0.9 + i * 1.7) * 30) + i * 8
            screen.blit(tile, (x - 14, y - 14))
        if int(self.anim * 2) % 2 == 0:
            self.text.draw(screen, "Press Enter, Space or click to start", TEXT_COLOUR, (SCREEN_W // 2, SCREEN_H - 70), "center")

    def draw_over(self, screen):
        if self.over_picture is None:
            # the last moment of play, shaded once and kept while the game-over text shows
            screen.blit(self.shade, (0, 0))
            self.over_picture = copy_picture(screen)
        self.big.draw(screen, "GAME OVER", DANGER_COLOUR, (SCREEN_W // 2, SCREEN_H // 2 - 50), "center")
        self.text.draw(screen, f"{self.over_reason} - score {self.score} (best {self.best})", TEXT_COLOUR, (SCREEN_W // 2, SCREEN_H // 2 + 10), "center")
        if self.over_timer > 0.8:
            self.text.draw(screen, "Enter, Space or click to play again", ACCENT_COLOUR, (SCREEN_W // 2, SCREEN_H // 2 + 50), "center")


def main():
    pygame.init()
    screen = pygame.display.set_mode((SCREEN_W, SCREEN_H))
    pygame.display.set_caption(TITLE)
    clock = pygame.time.Clock()
    game = Game()
    dt = 0.0
    running = True
    while running:
        for event in pygame.event.get():
            if event.type == pygame.QUIT:
                running = False
            elif event.type == pygame.KEYDOWN:
                if event.key == pygame.K_ESCAPE:
                    running = False
                else:
                    game.handle_key(event.key)
            elif event.type == pygame.MOUSEBUTTONDOWN:
                game.handle_click(event.pos, event.button)
            elif event.type == pygame.MOUSEMOTION:
                game.handle_motion(event.pos)
        game.update(dt)
        game.draw(screen)
        pygame.display.flip()
        dt = min(clock.tick(FPS) / 1000.0, 0.05)
    pygame.quit()


if __name__ == "__main__":
    main()
