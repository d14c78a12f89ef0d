"""Breaker Smash: a brick breaker

Made by the offline designer (no model) from the prompt:
    breakout with power-ups
understood: breakout, mechanics powerups

Controls:
    Left/Right, A/D or mousemove the paddle
    Space or click          launch the ball
    Enter / Space / click   start; play again after game over
    Escape                  quit

Rules: score by breaking bricks, keeping the ball in play, stars: shield, extra life or bonus;
    clears: break every brick for the next level; no end: levels get faster; play for
    the best score; lose when out of lives.
"""

import functools
import math
import random

import pygame

# --- constants ---------------------------------------------------------------
SCREEN_W = 800
SCREEN_H = 600
FPS = 60
TITLE = "Breaker Smash"
TAGLINE = "a brick breaker"
BG_COLOUR = (16, 18, 26)
PANEL_COLOUR = (36, 40, 56)
GRID_COLOUR = (68, 72, 85)
TEXT_COLOUR = (235, 235, 240)
DIM_COLOUR = (150, 150, 165)
ACCENT_COLOUR = (102, 137, 255)
PLAYER_COLOUR = (251, 140, 255)
DANGER_COLOUR = (235, 70, 70)
PIECE_COLOURS = [
    (243, 205, 80),
    (74, 199, 225),
    (128, 73, 224),
    (102, 238, 78),
    (229, 75, 95),
    (233, 131, 76),
    (217, 73, 221),
]
LIVES = 3
TIME_LIMIT = 0
START_KEYS = (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE)
CONTROLS = [
    ("Left/Right, A/D or mouse", "move the paddle"),
    ("Space or click", "launch the ball"),
]
CONTROLS_LINE = "Left/Right, A/D or mouse: move the paddle   Space or click: launch the ball"
KEY_COLOUR = (254, 1, 253)  # the see-through colour of cached sprites
HUD_H = 40
FOOT_H = 26
FIELD = pygame.Rect(0, HUD_H, SCREEN_W, SCREEN_H - HUD_H - FOOT_H)
SCROLL_SPEED = 0  # pixels per second the world scrolls left (0: it does not)
PADDLE_SIDE = "bottom"  # "bottom" or "left"
PADDLE_LENGTH = 120
PADDLE_THICKNESS = 14
PADDLE_SPEED = 580
BRICK_LAYOUT = "top"  # "top", "middle" or "shields"
BRICK_ROWS = 4
BRICK_COLS = 10
BRICK_H = 20
TOUGH_ROWS = 0  # the first rows take two hits
PLAYER_BREAKS_BRICKS = False
BALL_SPEED = 400
BALL_RADIUS = 8
# what each edge of the field does to the ball: "bounce", "lose" (a life),
# "score" (a point for the player) or "concede" (a point for the opponent)
EDGES = {"left": "bounce", "right": "bounce", "top": "bounce", "bottom": "lose"}
WIN_POINTS = 7
POWER_EVERY = 11.74
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
class Paddle:
    """The player's paddle: arrows/WASD or the mouse move it along its side."""

    def __init__(self):
        self.vertical = PADDLE_SIDE == "left"
        if self.vertical:
            self.rect = pygame.Rect(FIELD.left + 24, 0, PADDLE_THICKNESS, PADDLE_LENGTH)
            self.rect.centery = FIELD.centery
        else:
            self.rect = pygame.Rect(0, FIELD.bottom - 34, PADDLE_LENGTH, PADDLE_THICKNESS)
            self.rect.centerx = FIELD.centerx
        self.target = None

    def update(self, dt, keys):
        if self.vertical:
            direction = int(keys[pygame.K_DOWN] or keys[pygame.K_s]) - int(keys[pygame.K_UP] or keys[pygame.K_w])
        else:
            direction = int(keys[pygame.K_RIGHT] or keys[pygame.K_d]) - int(keys[pygame.K_LEFT] or keys[pygame.K_a])
        step = PADDLE_SPEED * dt
        if direction:
            self.target = None
            delta = direction * step
        elif self.target is not None:
            here = self.rect.centery if self.vertical else self.rect.centerx
            delta = max(-2 * step, min(2 * step, self.target - here))
        else:
            delta = 0
        if self.vertical:
            self.rect.y += int(round(delta))
        else:
            self.rect.x += int(round(delta))
        self.rect.clamp_ip(FIELD)

    def on_key(self, key):
        pass

    def on_click(self, pos, button):
        self.on_motion(pos)

    def on_motion(self, pos):
        self.target = pos[1] if self.vertical else pos[0]

    def hit_rects(self):
        return [self.rect]

    def muzzle(self):
        return (self.rect.right, self.rect.centery) if self.vertical else (self.rect.centerx, self.rect.top)

    def aim(self):
        return (1.0, 0.0) if self.vertical else (0.0, -1.0)

    def grow(self, amount):
        pass

    def draw(self, screen, blink):
        if blink:
            return
        pygame.draw.rect(screen, PLAYER_COLOUR, self.rect, border_radius=7)
        pygame.draw.rect(screen, lighter(PLAYER_COLOUR), self.rect.inflate(-6, -6), 2, border_radius=5)


class Brick:
    """One brick: breaks after its hits run out."""

    def __init__(self, rect, hits, colour):
        self.rect = rect
        self.hits = hits
        self.colour = colour

    def draw(self, screen):
        colour = self.colour if self.hits == 1 else lighter(self.colour, 50)
        pygame.draw.rect(screen, colour, self.rect, border_radius=3)
        pygame.draw.line(screen, lighter(colour), self.rect.topleft, self.rect.topright, 2)
        if self.hits > 1:
            pygame.draw.rect(screen, TEXT_COLOUR, self.rect.inflate(-6, -6), 1)


class Ball:
    """A ball: moves in a straight line, bounces off rectangles."""

    def __init__(self):
        self.x, self.y = float(FIELD.centerx), float(FIELD.centery)
        self.vx, self.vy = 0.0, 0.0
        self.held = 1.2  # seconds the ball waits on the player before it launches
        self.rect = pygame.Rect(0, 0, BALL_RADIUS * 2, BALL_RADIUS * 2)

    def launch(self, aim, speed):
        angle = random.uniform(-0.5, 0.5)
        dx, dy = aim
        self.vx = (dx * math.cos(angle) - dy * math.sin(angle)) * speed
        self.vy = (dx * math.sin(angle) + dy * math.cos(angle)) * speed
        self.held = 0.0

    def move(self, dt):
        self.x += self.vx * dt
        self.y += self.vy * dt
        self.rect.center = (int(self.x), int(self.y))

    def speed(self):
        return math.hypot(self.vx, self.vy)

    def bounce_off(self, rect):
        """Reflect off ``rect`` on the side it hit; the hit point adds some spin."""
        overlap_x = min(self.rect.right - rect.left, rect.right - self.rect.left)
        overlap_y = min(self.rect.bottom - rect.top, rect.bottom - self.rect.top)
        speed = self.speed()
        if overlap_x < overlap_y:
            self.vx = abs(self.vx) if self.x > rect.centerx else -abs(self.vx)
            self.vy += (self.y - rect.centery) / max(1, rect.height) * speed * 0.8
        else:
            self.vy = abs(self.vy) if self.y > rect.centery else -abs(self.vy)
            self.vx += (self.x - rect.centerx) / max(1, rect.width) * speed * 0.8
        self.fix_speed(speed)

    def fix_speed(self, speed):
        """Keep the speed, and keep the ball from going too flat to either axis."""
        length = math.hypot(self.vx, self.vy) or 1.0
        self.vx, self.vy = self.vx / length * speed, self.vy / length * speed
        if abs(self.vy) < speed * 0.25:
            self.vy = math.copysign(speed * 0.25, self.vy or 1.0)
        if abs(self.vx) < speed * 0.15:
            self.vx = math.copysign(speed * 0.15, self.vx or 1.0)

    def draw(self, screen):
        pygame.draw.circle(screen, TEXT_COLOUR, self.rect.center, BALL_RADIUS)
        pygame.draw.circle(screen, ACCENT_COLOUR, self.rect.center, BALL_RADIUS - 3)


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
        pygame.draw.polygon(screen, colour, points)
        pygame.draw.polygon(screen, TEXT_COLOUR, points, 1)


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
        self.player = Paddle()
        self.bricks_picture = copy_picture(self.backdrop)
        self.bricks_drawn = None
        self.bricks = self.build_bricks()
        self.bricks_broken = 0
        self.ball = Ball()
        self.points = 0
        self.opponent_points = 0
        self.rally = 0
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
        self.bricks = self.build_bricks()

    def ball_hits(self, ball):
        """Check the ball against everything it can break; True when it bounced."""
        for brick in self.bricks:
            if ball.rect.colliderect(brick.rect):
                ball.bounce_off(brick.rect)
                self.damage_brick(brick)
                return True
        return False
    def build_bricks(self):
        bricks = []
        if BRICK_LAYOUT == "middle":
            width = 26
            left = FIELD.centerx - BRICK_ROWS * (width + 4) // 2
            for col in range(BRICK_ROWS):
                for row in range(BRICK_COLS):
                    height = (FIELD.height - 40) // BRICK_COLS
                    rect = pygame.Rect(left + col * (width + 4), FIELD.top + 20 + row * height, width, height - 4)
                    bricks.append(Brick(rect, 1, PIECE_COLOURS[(row + col) % len(PIECE_COLOURS)]))
            return bricks
        if BRICK_LAYOUT == "shields":
            top = FIELD.bottom - 130
            for group in range(4):
                centre = FIELD.left + FIELD.width * (group * 2 + 1) // 8
                for row in range(3):
                    for col in range(5):
                        rect = pygame.Rect(centre - 40 + col * 16, top + row * 12, 15, 11)
                        bricks.append(Brick(rect, 1, PIECE_COLOURS[group % len(PIECE_COLOURS)]))
            return bricks
        width = (FIELD.width - 40) // BRICK_COLS
        for row in range(BRICK_ROWS):
            for col in range(BRICK_COLS):
                rect = pygame.Rect(FIELD.left + 20 + col * width, FIELD.top + 50 + row * (BRICK_H + 4), width - 4, BRICK_H)
                hits = 2 if row < TOUGH_ROWS + (self.level - 1) // 2 else 1
                bricks.append(Brick(rect, hits, PIECE_COLOURS[row % len(PIECE_COLOURS)]))
        return bricks

    def damage_brick(self, brick):
        brick.hits -= 1
        if brick.hits <= 0 and brick in self.bricks:
            self.bricks.remove(brick)
            self.bricks_broken += 1
            self.add_score(10 * self.level)
            self.burst(brick.rect.centerx, brick.rect.centery, brick.colour, 8)
            if not self.bricks:
                self.add_score(200 * self.level)
                self.level_up()

    def serve(self):
        self.ball = Ball()

    def ball_edge(self, edge):
        """The ball reached an edge: bounce it, or score, or lose a life."""
        ball = self.ball
        rule = EDGES[edge]
        if rule == "bounce":
            speed = ball.speed()
            if edge == "left":
                ball.vx = abs(ball.vx)
            elif edge == "right":
                ball.vx = -abs(ball.vx)
            elif edge == "top":
                ball.vy = abs(ball.vy)
            else:
                ball.vy = -abs(ball.vy)
                self.rally = 0
            ball.fix_speed(speed)
            return
        if rule == "lose":
            self.say("ball lost!")
            self.player_hit()
        elif rule == "score":
            self.points += 1
            self.add_score(100 * self.level)
            self.say("point!", 0.8)
            if self.points >= WIN_POINTS:
                self.say("you won the match!", 2.0)
                self.points = self.opponent_points = 0
                self.level_up()
        elif rule == "concede":
            self.opponent_points += 1
            self.say("point to the computer", 0.8)
            if self.opponent_points >= WIN_POINTS:
                self.game_over("the computer won the match")
        self.serve()

    # --- events ---------------------------------------------------------------
    def handle_key(self, key):
        if self.state != "play":
            if key in START_KEYS and (self.state == "title" or self.over_timer > 0.8):
                self.start()
            return
        if key == pygame.K_SPACE and self.ball.held > 0:
            self.ball.held = 0.001

    def handle_click(self, pos, button):
        if self.state != "play":
            if self.state == "title" or self.over_timer > 0.8:
                self.start()
            return
        self.player.on_click(pos, button)
        if self.ball.held > 0:
            self.ball.held = 0.001

    def handle_motion(self, pos):
        if self.state != "play":
            return
        self.player.on_motion(pos)

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
        self.player.update(dt, keys)
        if PLAYER_BREAKS_BRICKS:
            head = self.player.rect
            for brick in self.bricks:
                if head.colliderect(brick.rect):
                    brick.hits = 1
                    self.damage_brick(brick)
                    self.player.grow(1)
                    break
        ball = self.ball
        if ball.held > 0:
            ball.held -= dt
            mx, my = self.player.muzzle()
            ax, ay = self.player.aim()
            ball.x, ball.y = mx + ax * (BALL_RADIUS + 2), my + ay * (BALL_RADIUS + 2)
            ball.rect.center = (int(ball.x), int(ball.y))
            if ball.held <= 0:
                ball.launch(self.player.aim(), BALL_SPEED * self.pace)
        else:
            ball.move(dt)
            if ball.rect.left < FIELD.left:
                self.ball_edge("left")
            elif ball.rect.right > FIELD.right:
                self.ball_edge("right")
            elif ball.rect.top < FIELD.top:
                self.ball_edge("top")
            elif ball.rect.bottom > FIELD.bottom:
                self.ball_edge("bottom")
            ball = self.ball
            if ball.held <= 0:
                for rect in self.player.hit_rects():
                    if ball.rect.colliderect(rect):
                        ball.bounce_off(rect)
                        self.rally += 1
                        if EDGES["bottom"] == "bounce" and EDGES["left"] != "concede":
                            self.add_score(5 * self.rally)
                        break
                else:
                    self.ball_hits(ball)
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
        key = (id(self.bricks), len(self.bricks), sum(brick.hits for brick in self.bricks))
        if key != self.bricks_drawn:
            self.bricks_drawn = key
            self.bricks_picture.blit(self.backdrop, (0, 0))
            for brick in self.bricks:
                brick.draw(self.bricks_picture)
        return self.bricks_picture
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
        self.player.draw(screen, self.invulnerable > 0 and int(self.anim * 12) % 2 == 0)
        self.ball.draw(screen)
        for power in self.powerups:
            power.draw(screen, self.anim)
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
        lines.append(f"Bricks {len(self.bricks)}")
        if "score" in EDGES.values():
            lines.append(f"Points {self.points}:{self.opponent_points}")
        elif EDGES["bottom"] == "bounce":
            lines.append(f"Rally {self.rally}")
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
