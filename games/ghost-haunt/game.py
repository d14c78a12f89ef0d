"""Ghost Haunt: a maze collector

Made by the offline designer (no model) from the prompt:
    a maze where you collect gems before the timer runs out
understood: maze collector, mechanics timer, collecting

Controls:
    Arrows or WASD          choose the next turn
    Click                   turn towards it
    Enter / Space / click   start; play again after game over
    Escape                  quit

Rules: score by pellets, eating frightened ghosts, stars: shield, extra life or bonus; clears:
    eat every pellet for a new maze; no end: levels get faster; play for the best score;
    lose when the ghosts catch you, out of lives or the time runs out.
"""

import functools
import math
import random

import pygame

# --- constants ---------------------------------------------------------------
SCREEN_W = 960
SCREEN_H = 700
FPS = 60
TITLE = "Ghost Haunt"
TAGLINE = "a maze collector"
BG_COLOUR = (16, 18, 26)
PANEL_COLOUR = (36, 40, 56)
GRID_COLOUR = (68, 72, 85)
TEXT_COLOUR = (235, 235, 240)
DIM_COLOUR = (150, 150, 165)
ACCENT_COLOUR = (102, 255, 134)
PLAYER_COLOUR = (210, 140, 255)
DANGER_COLOUR = (235, 70, 70)
PIECE_COLOURS = [
    (241, 90, 209),
    (230, 102, 86),
    (216, 217, 81),
    (85, 226, 97),
    (86, 170, 229),
    (243, 180, 91),
    (185, 92, 245),
]
LIVES = 3
TIME_LIMIT = 90
SAFE_TIME = 2.0  # seconds of safety after a hit
START_SAFE = 2.0  # seconds of safety when a game starts
GRACE_TIME = 12.0  # the last life cannot be lost before this much play
START_KEYS = (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE)
CONTROLS = [
    ("Arrows or WASD", "choose the next turn"),
    ("Click", "turn towards it"),
]
CONTROLS_LINE = "Arrows or WASD: choose the next turn   Click: turn towards it"
KEY_COLOUR = (254, 1, 253)  # the see-through colour of cached sprites
HUD_H = 40
FOOT_H = 26
FIELD = pygame.Rect(0, HUD_H, SCREEN_W, SCREEN_H - HUD_H - FOOT_H)
SCROLL_SPEED = 0  # pixels per second the world scrolls left (0: it does not)
MAZE_W = 13  # rooms across; the grid is 2 * MAZE_W + 1 cells wide
MAZE_H = 7
MAZE_CELL = min(FIELD.width // (2 * MAZE_W + 1), FIELD.height // (2 * MAZE_H + 1))
MAZE_X = FIELD.left + (FIELD.width - MAZE_CELL * (2 * MAZE_W + 1)) // 2
MAZE_Y = FIELD.top + (FIELD.height - MAZE_CELL * (2 * MAZE_H + 1)) // 2
LOOPS = 20  # extra openings so the maze has loops
HERO_SPEED = 6.07  # cells per second
GHOSTS = 4
GHOST_SPEED = 3.87
POWER_TIME = 6.0  # seconds ghosts stay frightened (0: no power pellets)
DIRECTIONS = {pygame.K_LEFT: (-1, 0), pygame.K_a: (-1, 0), pygame.K_RIGHT: (1, 0), pygame.K_d: (1, 0), pygame.K_UP: (0, -1), pygame.K_w: (0, -1), pygame.K_DOWN: (0, 1), pygame.K_s: (0, 1)}
POWER_EVERY = 8.76
POWER_KINDS = ("shield", "life", "bonus")
POWER_BAND = (0.05, 0.95)  # share of the field height where stars appear


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


def bounds(rects):
    """One rect around all of ``rects`` (where an object drew this frame), or None."""
    return rects[0].unionall(rects[1:]) if rects else None


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
        return screen.fill(self.colour, (int(self.x), int(self.y), size, size))
class Maze:
    """Corridors carved by a random depth-first walk, with a few extra openings."""

    def __init__(self):
        self.cols, self.rows = 2 * MAZE_W + 1, 2 * MAZE_H + 1
        self.walls = [[True] * self.cols for _ in range(self.rows)]
        stack = [(1, 1)]
        self.walls[1][1] = False
        while stack:
            col, row = stack[-1]
            options = [(dc, dr) for dc, dr in ((2, 0), (-2, 0), (0, 2), (0, -2)) if 0 < col + dc < self.cols - 1 and 0 < row + dr < self.rows - 1 and self.walls[row + dr][col + dc]]
            if not options:
                stack.pop()
                continue
            dc, dr = random.choice(options)
            self.walls[row + dr // 2][col + dc // 2] = False
            self.walls[row + dr][col + dc] = False
            stack.append((col + dc, row + dr))
        for _ in range(LOOPS):
            col, row = random.randrange(1, self.cols - 1), random.randrange(1, self.rows - 1)
            if (col + row) % 2 == 1:
                self.walls[row][col] = False
        self.surface = pygame.Surface((self.cols * MAZE_CELL, self.rows * MAZE_CELL))
        self.surface.fill(BG_COLOUR)
        for row in range(self.rows):
            for col in range(self.cols):
                if self.walls[row][col]:
                    rect = (col * MAZE_CELL, row * MAZE_CELL, MAZE_CELL, MAZE_CELL)
                    pygame.draw.rect(self.surface, PANEL_COLOUR, rect)
                    pygame.draw.rect(self.surface, GRID_COLOUR, rect, 1)

    def open(self, col, row):
        return 0 <= col < self.cols and 0 <= row < self.rows and not self.walls[row][col]

    def centre(self, col, row):
        return (MAZE_X + col * MAZE_CELL + MAZE_CELL / 2, MAZE_Y + row * MAZE_CELL + MAZE_CELL / 2)

    def open_cells(self):
        return [(c, r) for r in range(self.rows) for c in range(self.cols) if not self.walls[r][c]]


class Mover:
    """Something that moves from cell centre to cell centre through the maze."""

    def __init__(self, maze, cell, speed):
        self.maze = maze
        self.cell = cell
        self.goal = cell
        self.speed = speed
        self.x, self.y = maze.centre(*cell)
        self.direction = (0, 0)
        self.rect = pygame.Rect(0, 0, MAZE_CELL - 6, MAZE_CELL - 6)
        self.rect.center = (int(self.x), int(self.y))

    def step(self, dt):
        """Move towards the goal cell; True when it is reached."""
        gx, gy = self.maze.centre(*self.goal)
        dx, dy = gx - self.x, gy - self.y
        distance = math.hypot(dx, dy)
        move = self.speed * MAZE_CELL * dt
        if distance <= move:
            self.x, self.y = gx, gy
            self.cell = self.goal
            arrived = True
        else:
            self.x += dx / distance * move
            self.y += dy / distance * move
            arrived = False
        self.rect.center = (int(self.x), int(self.y))
        return arrived

    def try_turn(self, direction):
        col, row = self.cell[0] + direction[0], self.cell[1] + direction[1]
        if self.maze.open(col, row):
            self.direction = direction
            self.goal = (col, row)
            return True
        return False


class Hero(Mover):
    """The player: arrows/WASD or a click choose the next turn."""

    def __init__(self, maze, cell):
        super().__init__(maze, cell, HERO_SPEED)
        self.wanted = (1, 0)
        self.mouth = 0.0

    def update(self, dt, keys):
        for key, direction in DIRECTIONS.items():
            if keys[key]:
                self.wanted = direction
        self.mouth += dt * 10
        if self.goal == self.cell or self.step(dt):
            if not self.try_turn(self.wanted):
                self.try_turn(self.direction)

    def on_key(self, key):
        if key in DIRECTIONS:
            self.wanted = DIRECTIONS[key]

    def on_click(self, pos, button):
        dx, dy = pos[0] - self.x, pos[1] - self.y
        self.wanted = ((1 if dx > 0 else -1), 0) if abs(dx) > abs(dy) else (0, (1 if dy > 0 else -1))

    def on_motion(self, pos):
        pass

    def hit_rects(self):
        return [self.rect]

    def muzzle(self):
        return self.rect.center

    def aim(self):
        return (float(self.direction[0]), float(self.direction[1])) if self.direction != (0, 0) else (1.0, 0.0)

    def grow(self, amount):
        pass

    def draw(self, screen, blink):
        if blink:
            return
        radius = MAZE_CELL // 2 - 2
        drawn = pygame.draw.circle(screen, PLAYER_COLOUR, self.rect.center, radius)
        opening = abs(math.sin(self.mouth)) * 0.7
        angle = math.atan2(self.direction[1], self.direction[0]) if self.direction != (0, 0) else 0.0
        tip1 = (self.x + math.cos(angle - opening) * radius * 1.1, self.y + math.sin(angle - opening) * radius * 1.1)
        tip2 = (self.x + math.cos(angle + opening) * radius * 1.1, self.y + math.sin(angle + opening) * radius * 1.1)
        return drawn.union(pygame.draw.polygon(screen, BG_COLOUR, [self.rect.center, tip1, tip2]))


class Ghost(Mover):
    """A ghost: at each crossing it mostly turns towards the player (away when frightened)."""

    def __init__(self, maze, cell, colour):
        super().__init__(maze, cell, GHOST_SPEED)
        self.home = cell
        self.colour = colour

    def update(self, dt, target, frightened):
        self.speed = GHOST_SPEED * (0.6 if frightened else 1.0)
        if self.goal != self.cell and not self.step(dt):
            return
        back = (-self.direction[0], -self.direction[1])
        options = [d for d in ((1, 0), (-1, 0), (0, 1), (0, -1)) if self.maze.open(self.cell[0] + d[0], self.cell[1] + d[1])]
        if len(options) > 1 and back in options:
            options.remove(back)
        if random.random() < 0.75:
            def distance(d):
                return math.hypot(self.cell[0] + d[0] - target[0], self.cell[1] + d[1] - target[1])
            options.sort(key=distance, reverse=frightened)
            choice = options[0]
        else:
            choice = random.choice(options)
        self.try_turn(choice)

    def draw(self, screen, frightened, anim):
        colour = (70, 90, 230) if frightened and int(anim * 4) % 2 == 0 else (DIM_COLOUR if frightened else self.colour)
        r = self.rect
        drawn = pygame.draw.circle(screen, colour, (r.centerx, r.centery - 2), r.width // 2)
        drawn = drawn.union(pygame.draw.rect(screen, colour, (r.left, r.centery - 2, r.width, r.height // 2 + 2)))
        drawn = drawn.union(pygame.draw.circle(screen, (255, 255, 255), (r.centerx - 4, r.centery - 4), 3))
        return drawn.union(pygame.draw.circle(screen, (255, 255, 255), (r.centerx + 4, r.centery - 4), 3))


class PowerUp:
    """A short-lived star that helps the player."""

    def __init__(self, x, y):
        self.kind = random.choice(POWER_KINDS)
        self.rect = pygame.Rect(0, 0, 24, 24)
        self.rect.center = (int(x), int(y))
        self.life = 8.0

    def draw(self, screen, anim):
        cx, cy = self.rect.center
        size = 12 + int(math.sin(anim * 6) * 2)
        points = []
        for i in range(10):
            radius = size if i % 2 == 0 else size // 2
            angle = i * math.pi / 5 - math.pi / 2
            points.append((cx + math.cos(angle) * radius, cy + math.sin(angle) * radius))
        colour = {"shield": PLAYER_COLOUR, "life": DANGER_COLOUR, "bonus": ACCENT_COLOUR}[self.kind]
        drawn = pygame.draw.polygon(screen, colour, points)
        return drawn.union(pygame.draw.polygon(screen, TEXT_COLOUR, points, 1))


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
        self.title_dirty = []
        self.title_tiles = []
        self.hud_key = None
        self.hud_image = None
        self.scene_paints = 0  # how many times a part drew the scene picture anew
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
        self.over_dirty = []
        self.play_dirty = None  # None: the next frame of play paints the whole window
        self.invulnerable = START_SAFE  # a moment to find your feet
        self.play_time = 0.0
        self.banner = ""
        self.banner_timer = 0.0
        self.particles = []
        self.pace = 1.0
        self.maze_picture = copy_picture(self.backdrop)
        self.maze_drawn = None
        self.build_maze()
        self.powerups = []
        self.power_timer = POWER_EVERY

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
        """The player was hurt: a moment of safety, then a life (or points) lost. The blink
        and the lives on the score line say so; no banner covers the game."""
        if self.invulnerable > 0 or self.state != "play":
            return False
        self.invulnerable = SAFE_TIME

        if not LIVES:
            self.add_score(-min(self.score, 50))
            return True
        if self.lives <= 1 and self.play_time < GRACE_TIME:
            return True  # a newcomer keeps the last life through the first seconds
        self.lives -= 1
        if self.lives <= 0:
            self.game_over("out of lives")
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
        self.build_maze()
    def build_maze(self):
        self.maze = Maze()
        cells = self.maze.open_cells()
        start = (1, 1)
        self.player = Hero(self.maze, start)
        far = sorted(cells, key=lambda c: -abs(c[0] - start[0]) - abs(c[1] - start[1]))
        self.ghosts = [Ghost(self.maze, far[i * 3 % len(far)], PIECE_COLOURS[i % len(PIECE_COLOURS)]) for i in range(GHOSTS + self.level - 1)]
        self.pellets = set(cells) - {start}
        corners = [far[0], far[len(far) // 3], far[len(far) // 2], far[-2]] if POWER_TIME else []
        self.power_pellets = set(corners)
        self.frightened = 0.0

    def reset_positions(self):
        self.player = Hero(self.maze, (1, 1))
        for ghost in self.ghosts:
            ghost.cell = ghost.goal = ghost.home
            ghost.x, ghost.y = self.maze.centre(*ghost.home)

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
        self.play_time += dt
        keys = pygame.key.get_pressed()
        self.player.update(dt, keys)
        self.frightened = max(0.0, self.frightened - dt)
        cell = self.player.cell
        if cell in self.pellets:
            self.pellets.discard(cell)
            self.add_score(10)
            if cell in self.power_pellets:
                self.power_pellets.discard(cell)
                self.frightened = POWER_TIME
                self.say("power! eat the ghosts", 1.0)
            if not self.pellets:
                self.add_score(500 * self.level)
                self.level_up()
        for ghost in self.ghosts:
            ghost.update(dt, self.player.cell, self.frightened > 0)
            if ghost.rect.inflate(-6, -6).colliderect(self.player.rect):
                if self.frightened > 0:
                    self.add_score(200)
                    self.burst(ghost.x, ghost.y, ghost.colour, 14)
                    ghost.cell = ghost.goal = ghost.home
                    ghost.x, ghost.y = self.maze.centre(*ghost.home)
                elif self.player_hit():
                    self.reset_positions()
                    break
        self.power_timer -= dt
        if self.power_timer <= 0:
            self.power_timer = POWER_EVERY
            x = FIELD.right + 20 if SCROLL_SPEED else random.uniform(FIELD.left + 40, FIELD.right - 40)
            y = FIELD.top + FIELD.height * random.uniform(*POWER_BAND)
            self.powerups.append(PowerUp(x, y))
        for power in list(self.powerups):
            power.life -= dt
            if SCROLL_SPEED:
                power.rect.x -= max(1, int(SCROLL_SPEED * self.pace * dt))
            if power.rect.collidelist(self.player.hit_rects()) >= 0:
                self.powerups.remove(power)
                if power.kind == "shield":
                    self.invulnerable = 5.0
                    self.say("shield!", 1.0)
                elif power.kind == "life" and LIVES:
                    self.lives += 1
                    self.say("extra life!", 1.0)
                else:
                    self.add_score(100 * self.level)
                    self.say("bonus +" + str(100 * self.level), 1.0)
                self.burst(power.rect.centerx, power.rect.centery, ACCENT_COLOUR, 14)
            elif power.life <= 0:
                self.powerups.remove(power)
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
        key = (id(self.maze), len(self.pellets), len(self.power_pellets))
        if key != self.maze_drawn:
            self.maze_drawn = key
            self.scene_paints += 1
            screen = self.maze_picture
            screen.blit(self.maze.surface, (MAZE_X, MAZE_Y))
            for col, row in self.pellets:
                centre = (int(MAZE_X + col * MAZE_CELL + MAZE_CELL / 2), int(MAZE_Y + row * MAZE_CELL + MAZE_CELL / 2))
                if (col, row) in self.power_pellets:
                    pygame.draw.circle(screen, ACCENT_COLOUR, centre, MAZE_CELL // 3)
                else:
                    pygame.draw.circle(screen, TEXT_COLOUR, centre, max(2, MAZE_CELL // 9))
        return self.maze_picture
        return self.backdrop

    def draw(self, screen):
        if self.state == "title":
            self.draw_title(screen)
            return
        if self.state == "over" and self.over_picture is not None:
            self.draw_over(screen)
            return
        self.paint_scene(screen)
        for ghost in self.ghosts:
            self.mark(ghost.draw(screen, self.frightened > 0, self.anim))
        self.mark(self.player.draw(screen, self.invulnerable > 0 and int(self.anim * 12) % 2 == 0))
        for power in self.powerups:
            self.mark(power.draw(screen, self.anim))
        self.mark(self.draw_hud(screen))
        for particle in self.particles:
            self.mark(particle.draw(screen))
        if self.banner_timer > 0:
            self.mark(self.text.draw(screen, self.banner, ACCENT_COLOUR, (SCREEN_W // 2, SCREEN_H // 2 - 80), "center"))
        if self.state == "over":
            self.draw_over(screen)

    def paint_scene(self, screen):
        """The picture under everything that moves. After a game's first frame only what can
        have changed is painted again: all of it when a part drew the scene anew, else
        wherever something was drawn over the picture last frame (noted with ``mark``)."""
        scene = self.scene()
        if self.play_dirty is None or self.scene_paints != self.scene_painted:
            screen.blit(scene, (0, 0))
        else:
            for rect in self.play_dirty:
                screen.blit(scene, rect, rect)
        self.scene_painted = self.scene_paints
        self.play_dirty = []

    def mark(self, rect):
        """Note where something was drawn over the scene, to paint the scene there next frame."""
        if rect:  # nothing drawn: no rect, or an empty one
            self.play_dirty.append(rect)

    def hud_lines(self):
        lines = [f"Score {self.score}", f"Best {self.best}"]
        if LIVES:
            lines.append(f"Lives {self.lives}")
        lines.append(f"Level {self.level}")
        if TIME_LIMIT:
            lines.append(f"Time {int(math.ceil(self.time_left))}")
        lines.append(f"Pellets {len(self.pellets)}")
        return lines

    def draw_hud(self, screen):
        lines = self.hud_lines()
        if lines != self.hud_key:
            self.hud_key = lines
            self.hud_image = self.paint_hud(lines)
        screen.blit(self.backdrop, (0, SCREEN_H - FOOT_H), (0, SCREEN_H - FOOT_H, SCREEN_W, FOOT_H))
        return screen.blit(self.hud_image, (0, 0))

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
        """The title picture with tiles drifting over it. Only what changes is painted again:
        the title where the tiles and the blinking line were, then them where they are now."""
        if self.title_picture is None:
            self.title_picture = self.paint_title()
            self.title_dirty = [screen.get_rect()]
        for rect in self.title_dirty:
            screen.blit(self.title_picture, rect, rect)
        self.title_dirty = []
        for i, tile in enumerate(self.title_tiles):
            x = SCREEN_W // 2 + int(math.sin(self.anim * 1.3 + i) * SCREEN_W * 0.35)
            y = 60 + int(math.cos(self.anim * 0.9 + i * 1.7) * 30) + i * 8
            self.title_dirty.append(screen.blit(tile, (x - 14, y - 14)))
        if int(self.anim * 2) % 2 == 0:
            self.title_dirty.append(self.text.draw(screen, "Press Enter, Space or click to start", TEXT_COLOUR, (SCREEN_W // 2, SCREEN_H - 70), "center"))

    def draw_over(self, screen):
        """The last moment of play, shaded once and kept while the game-over text shows. Only
        the text is painted again: the kept picture where it was, then the text."""
        if self.over_picture is None:
            screen.blit(self.shade, (0, 0))
            self.over_picture = copy_picture(screen)
            self.over_dirty = []
        for rect in self.over_dirty:
            screen.blit(self.over_picture, rect, rect)
        self.over_dirty = [
            self.big.draw(screen, "GAME OVER", DANGER_COLOUR, (SCREEN_W // 2, SCREEN_H // 2 - 50), "center"),
            self.text.draw(screen, f"{self.over_reason} - score {self.score} (best {self.best})", TEXT_COLOUR, (SCREEN_W // 2, SCREEN_H // 2 + 10), "center"),
        ]
        if self.over_timer > 0.8:
            self.over_dirty.append(self.text.draw(screen, "Enter, Space or click to play again", ACCENT_COLOUR, (SCREEN_W // 2, SCREEN_H // 2 + 50), "center"))


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
    try:
        main()
    except KeyboardInterrupt:  # Ctrl-C in the terminal ends the game as closing it does
        pygame.quit()
