"""Pixel Serpent Coil: a snake game in neon light

Made by the offline designer (no model) from the prompt:
    a snake game in neon colours
understood: snake, theme 'neon'

Controls:
    Arrows or WASD          steer
    Click                   turn towards it
    Enter / Space / click   start; play again after game over
    Escape                  quit

Rules: score by eating food; no end: levels get faster; play for the best score; lose when the
    snake bites itself or the wall, out of lives or the time runs out.
"""

import functools
import math
import random

import pygame

# --- constants ---------------------------------------------------------------
SCREEN_W = 900
SCREEN_H = 660
FPS = 60
TITLE = "Pixel Serpent Coil"
TAGLINE = "a snake game in neon light"
BG_COLOUR = (10, 6, 20)
PANEL_COLOUR = (36, 20, 56)
GRID_COLOUR = (68, 55, 85)
TEXT_COLOUR = (235, 235, 240)
DIM_COLOUR = (150, 150, 165)
ACCENT_COLOUR = (244, 255, 102)
PLAYER_COLOUR = (143, 255, 140)
DANGER_COLOUR = (235, 70, 70)
PIECE_COLOURS = [
    (74, 61, 240),
    (229, 210, 59),
    (57, 222, 220),
    (216, 55, 202),
    (249, 64, 66),
    (65, 233, 60),
    (216, 59, 229),
]
LIVES = 3
TIME_LIMIT = 180
START_KEYS = (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE)
CONTROLS = [
    ("Arrows or WASD", "steer"),
    ("Click", "turn towards it"),
]
CONTROLS_LINE = "Arrows or WASD: steer   Click: turn towards it"
KEY_COLOUR = (254, 1, 253)  # the see-through colour of cached sprites
HUD_H = 40
FOOT_H = 26
FIELD = pygame.Rect(0, HUD_H, SCREEN_W, SCREEN_H - HUD_H - FOOT_H)
SCROLL_SPEED = 0  # pixels per second the world scrolls left (0: it does not)
SNAKE_CELL = 24
GRID_COLS = FIELD.width // SNAKE_CELL
GRID_ROWS = FIELD.height // SNAKE_CELL
GRID_X = FIELD.left + (FIELD.width - GRID_COLS * SNAKE_CELL) // 2
GRID_Y = FIELD.top + (FIELD.height - GRID_ROWS * SNAKE_CELL) // 2
STEP_TIME = 0.09  # seconds per step at level 1
WRAP = True  # True: leave one side, come back on the other
FOOD_COUNT = 2
FOOD_PER_LEVEL = 8


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
def grid_rect(col, row):
    return pygame.Rect(GRID_X + col * SNAKE_CELL, GRID_Y + row * SNAKE_CELL, SNAKE_CELL, SNAKE_CELL)


class Snake:
    """The player's snake: steers with arrows/WASD or a click, grows when it eats."""

    def __init__(self):
        self.respawn()

    def respawn(self):
        col, row = GRID_COLS // 2, GRID_ROWS // 2
        self.body = [(col - i, row) for i in range(4)]
        self.direction = (1, 0)
        self.queue = []
        self.growing = 0
        self.timer = 0.0
        self.crashed = False
        self.rect = grid_rect(*self.body[0])

    def steer(self, direction):
        last = self.queue[-1] if self.queue else self.direction
        if direction != last and direction != (-last[0], -last[1]) and len(self.queue) < 3:
            self.queue.append(direction)

    def update(self, dt, keys, pace=1.0):
        self.timer += dt
        step = STEP_TIME / pace
        while self.timer >= step and not self.crashed:
            self.timer -= step
            self.advance()

    def advance(self):
        if self.queue:
            self.direction = self.queue.pop(0)
        col = self.body[0][0] + self.direction[0]
        row = self.body[0][1] + self.direction[1]
        if WRAP:
            col %= GRID_COLS
            row %= GRID_ROWS
        elif not (0 <= col < GRID_COLS and 0 <= row < GRID_ROWS):
            self.crashed = True
            return
        if (col, row) in self.body[:-1]:
            self.crashed = True
            return
        self.body.insert(0, (col, row))
        if self.growing > 0:
            self.growing -= 1
        else:
            self.body.pop()
        self.rect = grid_rect(col, row)

    def on_key(self, key):
        steps = {pygame.K_LEFT: (-1, 0), pygame.K_a: (-1, 0), pygame.K_RIGHT: (1, 0), pygame.K_d: (1, 0), pygame.K_UP: (0, -1), pygame.K_w: (0, -1), pygame.K_DOWN: (0, 1), pygame.K_s: (0, 1)}
        if key in steps:
            self.steer(steps[key])

    def on_click(self, pos, button):
        dx, dy = pos[0] - self.rect.centerx, pos[1] - self.rect.centery
        if self.direction[0]:
            self.steer((0, 1 if dy > 0 else -1))
        else:
            self.steer((1 if dx > 0 else -1, 0))

    def on_motion(self, pos):
        pass

    def hit_rects(self):
        return [grid_rect(col, row) for col, row in self.body]

    def muzzle(self):
        return self.rect.center

    def aim(self):
        return (float(self.direction[0]), float(self.direction[1]))

    def grow(self, amount):
        self.growing += amount

    def draw(self, screen, blink):
        if blink:
            return
        for i, (col, row) in enumerate(self.body):
            colour = PLAYER_COLOUR if i else lighter(PLAYER_COLOUR)
            pygame.draw.rect(screen, colour, grid_rect(col, row).inflate(-2, -2), border_radius=5)
        eye = self.rect.center
        pygame.draw.circle(screen, BG_COLOUR, (eye[0] + self.direction[0] * 4, eye[1] + self.direction[1] * 4), 3)


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
        self.pace = 1.0
        self.player = Snake()
        self.food = []
        self.eaten = 0
        for _ in range(FOOD_COUNT):
            self.place_food()

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
        self.pace = min(2.2, self.pace + 0.12)

    def place_food(self):
        taken = set(self.player.body) | set(self.food)
        for _ in range(200):
            cell = (random.randrange(GRID_COLS), random.randrange(GRID_ROWS))
            if cell not in taken:
                self.food.append(cell)
                return

    # --- events ---------------------------------------------------------------
    def handle_key(self, key):
        if self.state != "play":
            if key in START_KEYS and (self.state == "title" or self.over_timer > 0.8):
                self.start()
            return
        self.player.on_key(key)

    def handle_click(self, pos, button):
        if self.state != "play":
            if self.state == "title" or self.over_timer > 0.8:
                self.start()
            return
        self.player.on_click(pos, button)

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
        self.player.update(dt, keys, self.pace)
        if self.player.crashed:
            self.player_hit()
            self.player.respawn()
        head = self.player.body[0]
        if head in self.food:
            self.food.remove(head)
            self.eaten += 1
            self.player.grow(2)
            self.add_score(10 * self.level)
            rect = grid_rect(*head)
            self.burst(rect.centerx, rect.centery, ACCENT_COLOUR, 8)
            self.place_food()
            if self.eaten % FOOD_PER_LEVEL == 0:
                self.level_up()
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
        surface.fill(PANEL_COLOUR, (0, 0, SCREEN_W, HUD_H))
        surface.fill(PANEL_COLOUR, (0, SCREEN_H - FOOT_H, SCREEN_W, FOOT_H))
        self.small.draw(surface, CONTROLS_LINE, DIM_COLOUR, (SCREEN_W // 2, SCREEN_H - FOOT_H // 2), "center")

        return surface

    def scene(self):
        """The picture under everything that moves; parts redraw theirs only when it changes."""

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
        pygame.draw.rect(screen, PANEL_COLOUR, (GRID_X, GRID_Y, GRID_COLS * SNAKE_CELL, GRID_ROWS * SNAKE_CELL), 2)
        for col, row in self.food:
            rect = grid_rect(col, row)
            pygame.draw.circle(screen, ACCENT_COLOUR, rect.center, SNAKE_CELL // 2 - 3)
            pygame.draw.circle(screen, lighter(ACCENT_COLOUR), (rect.centerx - 3, rect.centery - 3), 3)
        self.player.draw(screen, self.invulnerable > 0 and int(self.anim * 12) % 2 == 0)
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
        lines.append(f"Length {len(self.player.body)}")
        return lines

    def draw_hud(self, screen):
        lines = self.hud_lines()
        if lines != self.hud_key:
            self.hud_key = lines
            self.hud_image = self.paint_hud(lines)
        screen.blit(self.hud_image, (0, 0))
        screen.blit(self.backdrop, (0, SCREEN_H - FOOT_H), (0, SCREEN_H - FOOT_H, SCREEN_W, FOOT_H))

    def paint_hud(self, lines):
        """The score lines drawn into one picture, made again only when a line changes."""
        surface = self.hud_image or new_picture(SCREEN_W, HUD_H)
        surface.fill(PANEL_COLOUR)
        x = 12
        for line in lines:
            x = self.text.draw(surface, line, TEXT_COLOUR, (x, 10)).right + 26
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
