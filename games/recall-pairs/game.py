"""Recall Pairs: a memory card game

Made by the offline designer (no model) from the prompt:
    memory cards matching game
understood: memory cards

Controls:
    Click a card            turn it over
    Arrows/WASD + Space     cursor, turn
    Enter / Space / click   start; play again after game over
    Escape                  quit

Rules: score by finding pairs (streaks pay more); clears: matching pairs stay face up; no end:
    levels get faster; play for the best score; lose when never: play as long as you
    like.
"""

import functools
import math
import random

import pygame

# --- constants ---------------------------------------------------------------
SCREEN_W = 950
SCREEN_H = 600
FPS = 60
TITLE = "Recall Pairs"
TAGLINE = "a memory card game"
BG_COLOUR = (16, 18, 26)
PANEL_COLOUR = (36, 40, 56)
GRID_COLOUR = (68, 72, 85)
TEXT_COLOUR = (235, 235, 240)
DIM_COLOUR = (150, 150, 165)
ACCENT_COLOUR = (102, 198, 255)
PLAYER_COLOUR = (253, 140, 255)
DANGER_COLOUR = (235, 70, 70)
PIECE_COLOURS = [
    (227, 124, 64),
    (138, 69, 245),
    (90, 240, 68),
    (221, 62, 80),
    (70, 214, 248),
    (236, 201, 67),
    (220, 63, 222),
]
LIVES = 0
TIME_LIMIT = 0
START_KEYS = (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE)
CONTROLS = [
    ("Click a card", "turn it over"),
    ("Arrows/WASD + Space", "cursor, turn"),
]
CONTROLS_LINE = "Click a card: turn it over   Arrows/WASD + Space: cursor, turn"
KEY_COLOUR = (254, 1, 253)  # the see-through colour of cached sprites
COLS = 5
ROWS = 4
CELL = 110
BOARD_X = 40
BOARD_Y = 80
PANEL_X = BOARD_X + COLS * CELL + 30
CELL_STYLE = "block"
FLIP_BACK = 0.72  # seconds a wrong pair stays visible
CARD_SHAPES = ("circle", "square", "triangle", "diamond", "ring", "cross")


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


class Card:
    """One card: a symbol (shape and colour) on its face, turned with a little animation."""

    def __init__(self, r, c, symbol):
        self.r, self.c = r, c
        self.symbol = symbol
        self.face_up = False
        self.matched = False
        self.turn = 0.0  # 0 face down .. 1 face up

    def update(self, dt):
        goal = 1.0 if self.face_up else 0.0
        step = dt * 6
        self.turn = min(goal, self.turn + step) if self.turn < goal else max(goal, self.turn - step)

    def draw(self, screen, rect):
        width = max(2, int(rect.width * abs(1 - 2 * self.turn)))
        card = pygame.Rect(0, 0, width, rect.height)
        card.center = rect.center
        if self.turn < 0.5:
            pygame.draw.rect(screen, ACCENT_COLOUR, card, border_radius=6)
            pygame.draw.rect(screen, lighter(ACCENT_COLOUR), card.inflate(-8, -8), 2, border_radius=4)
            return
        pygame.draw.rect(screen, darker(TEXT_COLOUR, 20) if not self.matched else PANEL_COLOUR, card, border_radius=6)
        shape, colour_index = self.symbol
        colour = PIECE_COLOURS[colour_index % len(PIECE_COLOURS)]
        cx, cy, s = card.centerx, card.centery, min(card.width, card.height) // 3
        if s < 3:
            return
        if shape == "circle":
            pygame.draw.circle(screen, colour, (cx, cy), s)
        elif shape == "square":
            pygame.draw.rect(screen, colour, (cx - s, cy - s, 2 * s, 2 * s))
        elif shape == "triangle":
            pygame.draw.polygon(screen, colour, [(cx, cy - s), (cx + s, cy + s), (cx - s, cy + s)])
        elif shape == "diamond":
            pygame.draw.polygon(screen, colour, [(cx, cy - s), (cx + s, cy), (cx, cy + s), (cx - s, cy)])
        elif shape == "ring":
            pygame.draw.circle(screen, colour, (cx, cy), s, 5)
        else:
            pygame.draw.line(screen, colour, (cx - s, cy - s), (cx + s, cy + s), 7)
            pygame.draw.line(screen, colour, (cx + s, cy - s), (cx - s, cy + s), 7)


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
        self.cards_drawn = None
        self.cards_picture = None
        self.turns = 0
        self.streak = 0
        self.deal()

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
        self.deal()
        if TIME_LIMIT:
            self.time_left += 30

    def find_clears(self):
        """Every cell the clearing rules remove now, and the full rows among them."""
        found = set()
        rows = []

        return found, rows

    def after_resolve(self):
        """The board has settled: what comes next."""

        return None
    def deal(self):
        count = ROWS * COLS // 2
        symbols = [(CARD_SHAPES[i % len(CARD_SHAPES)], i // len(CARD_SHAPES)) for i in range(count)]
        deck = symbols + symbols
        random.shuffle(deck)
        self.cards = [Card(i // COLS, i % COLS, symbol) for i, symbol in enumerate(deck)]
        self.open_cards = []
        self.wait = 0.0
        self.cursor = [0, 0]

    def cards_scene(self):
        """The backdrop with the cards on it; only a card that turned or changed is drawn again."""
        looks = [(card.turn, card.matched) for card in self.cards]
        drawn = self.cards_drawn
        if drawn is not None and drawn[0] is self.cards and drawn[1] == looks:
            return self.cards_picture
        if self.cards_picture is None:
            self.cards_picture = copy_picture(self.backdrop)
        picture = self.cards_picture
        if drawn is None or drawn[0] is not self.cards:
            picture.blit(self.backdrop, self.board.outer, self.board.outer)
        for i, card in enumerate(self.cards):
            if drawn is None or drawn[0] is not self.cards or drawn[1][i] != looks[i]:
                cell = self.board.cell_rect(card.r, card.c)
                picture.blit(self.backdrop, cell, cell)
                card.draw(picture, cell.inflate(-8, -8))
        self.cards_drawn = (self.cards, looks)
        return picture

    def card_at(self, r, c):
        index = r * COLS + c
        return self.cards[index] if 0 <= r < ROWS and 0 <= c < COLS and index < len(self.cards) else None

    def pick(self, r, c):
        card = self.card_at(r, c)
        if card is None or card.face_up or self.wait > 0 or len(self.open_cards) >= 2:
            return
        card.face_up = True
        self.open_cards.append(card)
        if len(self.open_cards) < 2:
            return
        self.turns += 1
        first, second = self.open_cards
        if first.symbol == second.symbol:
            first.matched = second.matched = True
            self.streak += 1
            self.add_score(50 * self.streak * self.level)
            rect = self.board.cell_rect(second.r, second.c)
            self.burst(rect.centerx, rect.centery, ACCENT_COLOUR, 16)
            self.open_cards = []
            if all(card.matched for card in self.cards):
                self.level_up()
        else:
            self.streak = 0
            self.wait = FLIP_BACK

    # --- events ---------------------------------------------------------------
    def handle_key(self, key):
        if self.state != "play":
            if key in START_KEYS and (self.state == "title" or self.over_timer > 0.8):
                self.start()
            return
        steps = {pygame.K_LEFT: (0, -1), pygame.K_a: (0, -1), pygame.K_RIGHT: (0, 1), pygame.K_d: (0, 1), pygame.K_UP: (-1, 0), pygame.K_w: (-1, 0), pygame.K_DOWN: (1, 0), pygame.K_s: (1, 0)}
        if key in steps:
            r, c = self.cursor[0] + steps[key][0], self.cursor[1] + steps[key][1]
            if 0 <= r < ROWS and 0 <= c < COLS:
                self.cursor = [r, c]
        elif key == pygame.K_SPACE:
            self.pick(*self.cursor)

    def handle_click(self, pos, button):
        if self.state != "play":
            if self.state == "title" or self.over_timer > 0.8:
                self.start()
            return
        cell = self.board.cell_at(pos)
        if cell is not None:
            self.cursor = list(cell)
            self.pick(*cell)

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
        for card in self.cards:
            card.update(dt)
        if self.wait > 0:
            self.wait -= dt
            if self.wait <= 0:
                for card in self.open_cards:
                    card.face_up = False
                self.open_cards = []
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
        return self.cards_scene()
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
        pygame.draw.rect(screen, TEXT_COLOUR, self.board.cell_rect(*self.cursor), 2, border_radius=6)
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
        lines.append(f"Turns {self.turns}")
        lines.append(f"Pairs left {sum(1 for card in self.cards if not card.matched) // 2}")
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
