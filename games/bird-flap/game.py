"""Bird Flap: a flappy-style flyer in the forest

Made by the offline designer (no model) from the prompt:
    a flappy bird style game with pipes
understood: flappy-style, subjects: bird (you), backdrop forest (for the bird)

Controls:
    Space, Up, W or click   flap
    Enter / Space / click   start; play again after game over
    Escape                  quit

Rules: score by passing gaps; no end: levels get faster; play for the best score; lose when you
    hit the ground or a wall too often.
"""

import functools
import math
import random

import pygame

# --- constants ---------------------------------------------------------------
SCREEN_W = 800
SCREEN_H = 600
FPS = 60
TITLE = "Bird Flap"
TAGLINE = "a flappy-style flyer in the forest"
BG_COLOUR = (14, 32, 18)
PANEL_COLOUR = (30, 58, 34)
GRID_COLOUR = (63, 87, 67)
TEXT_COLOUR = (235, 235, 240)
DIM_COLOUR = (150, 150, 165)
ACCENT_COLOUR = (206, 102, 255)
PLAYER_COLOUR = (255, 181, 140)
DANGER_COLOUR = (235, 70, 70)
PIECE_COLOURS = [
    (112, 229, 58),
    (59, 232, 129),
    (60, 203, 235),
    (233, 205, 59),
    (218, 55, 172),
    (239, 125, 61),
    (197, 58, 229),
]
LIVES = 3
TIME_LIMIT = 0
SAFE_TIME = 2.0  # seconds of safety after a hit
START_SAFE = 2.0  # seconds of safety when a game starts
GRACE_TIME = 12.0  # the last life cannot be lost before this much play
START_KEYS = (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE)
CONTROLS = [
    ("Space, Up, W or click", "flap"),
]
CONTROLS_LINE = "Space, Up, W or click: flap"
KEY_COLOUR = (254, 1, 253)  # the see-through colour of cached sprites
HUD_H = 40
FOOT_H = 26
FIELD = pygame.Rect(0, HUD_H, SCREEN_W, SCREEN_H - HUD_H - FOOT_H)
SCROLL_SPEED = 170  # pixels per second the world scrolls left (0: it does not)
PLAYER_PICTURE = ((80, 160, 230), [("e", "m", 0.12, 0.25, 0.72, 0.65), ("e", "l", 0.3, 0.5, 0.4, 0.35), ("p", "d", ((0.1, 0.45), (0.4, 0.55), (0.15, 0.75))), ("c", "w", 0.62, 0.4, 0.1), ("c", "k", 0.64, 0.41, 0.05), ("p", (240, 140, 50), ((0.8, 0.45), (1.0, 0.52), (0.8, 0.6)))])  # the prompt's subject, drawn with shapes
GRAVITY = 900
FLAP_SPEED = 340
GATE_AXIS = "x"  # "x": walls move left, gap up/down; "y": walls fall, gap sideways
GATE_SPEED = 170
GATE_GAP = 170
GATE_SPACING = 300
GATE_THICKNESS = 64
GATE_COLOUR = PIECE_COLOURS[1 % len(PIECE_COLOURS)]
GATE_EDGE = tuple(min(255, v + 60) for v in GATE_COLOUR)
GATE_GAP_RANGE = (0.15, 0.85)  # where the gap's centre may be, as shares of the field


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


SPRITES = {}  # (picture, width, height) -> its cached image


def draw_sprite(screen, picture, rect):
    """Blit a picture (a colour and shapes in a unit box) scaled to ``rect``; each size is
    painted once, the first time it is needed."""
    key = (id(picture), rect.width, rect.height)
    image = SPRITES.get(key)
    if image is None:
        image = pygame.Surface((max(1, rect.width), max(1, rect.height)))
        image.fill(KEY_COLOUR)
        paint_sprite(image, picture, image.get_rect())
        image.set_colorkey(KEY_COLOUR, pygame.RLEACCEL)
        SPRITES[key] = image
    return screen.blit(image, rect)


def paint_sprite(screen, picture, rect):
    """Paint a picture's shapes into ``rect`` (numbers in the unit box)."""
    colour, shapes = picture
    x, y, w, h = rect.x, rect.y, rect.width, rect.height
    side = min(w, h)
    named = {"m": colour, "l": lighter(colour), "d": darker(colour), "w": (250, 250, 250), "k": (25, 25, 35)}
    for shape in shapes:
        kind, paint = shape[0], named.get(shape[1], shape[1])
        if kind == "e":
            box = (x + shape[2] * w, y + shape[3] * h, max(1, shape[4] * w), max(1, shape[5] * h))
            pygame.draw.ellipse(screen, paint, box)
        elif kind == "r":
            box = (x + shape[2] * w, y + shape[3] * h, max(1, shape[4] * w), max(1, shape[5] * h))
            pygame.draw.rect(screen, paint, box, border_radius=max(1, side // 12))
        elif kind == "c":
            pygame.draw.circle(screen, paint, (x + shape[2] * w, y + shape[3] * h), max(1, shape[4] * side))
        elif kind == "p":
            pygame.draw.polygon(screen, paint, [(x + px * w, y + py * h) for px, py in shape[2]])
        else:
            start, end = shape[2], shape[3]
            pygame.draw.line(screen, paint, (x + start[0] * w, y + start[1] * h), (x + end[0] * w, y + end[1] * h), max(1, int(shape[4] * side)))


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
class Flapper:
    """The player's flyer: gravity pulls it down, a flap lifts it."""

    def __init__(self):
        self.x = FIELD.left + FIELD.width // 4
        self.y = float(FIELD.centery)
        self.vy = 0.0
        self.grounded = False
        self.rect = pygame.Rect(0, 0, 30, 24)
        self.rect.center = (self.x, int(self.y))

    def flap(self):
        self.vy = -FLAP_SPEED

    def update(self, dt, keys):
        self.vy = min(self.vy + GRAVITY * dt, 900)
        self.y += self.vy * dt
        self.grounded = False
        if self.y < FIELD.top + 12:
            self.y, self.vy = FIELD.top + 12, 0.0
        if self.y > FIELD.bottom - 12:
            self.y, self.vy = FIELD.bottom - 12, 0.0
            self.grounded = True
        self.rect.center = (self.x, int(self.y))

    def on_key(self, key):
        if key in (pygame.K_SPACE, pygame.K_UP, pygame.K_w):
            self.flap()

    def on_click(self, pos, button):
        self.flap()

    def on_motion(self, pos):
        pass

    def hit_rects(self):
        return [self.rect.inflate(-6, -6)]

    def muzzle(self):
        return (self.rect.right, self.rect.centery)

    def aim(self):
        return (1.0, 0.0)

    def grow(self, amount):
        pass

    def draw(self, screen, blink):
        if blink:
            return
        return draw_sprite(screen, PLAYER_PICTURE, self.rect.inflate(8, 8))
        cx, cy = self.rect.center
        drawn = [pygame.draw.ellipse(screen, PLAYER_COLOUR, self.rect)]
        wing = -8 if self.vy < 0 else 6
        drawn.append(pygame.draw.polygon(screen, lighter(PLAYER_COLOUR), [(cx - 8, cy), (cx + 4, cy), (cx - 4, cy + wing)]))
        drawn.append(pygame.draw.circle(screen, (255, 255, 255), (cx + 7, cy - 5), 5))
        pygame.draw.circle(screen, (0, 0, 0), (cx + 8, cy - 5), 2)
        drawn.append(pygame.draw.polygon(screen, ACCENT_COLOUR, [(cx + 13, cy - 1), (cx + 22, cy + 2), (cx + 13, cy + 5)]))
        return bounds(drawn)


class Gate:
    """A wall across the field with one gap in it."""

    def __init__(self, gap_centre):
        self.gap = gap_centre
        self.pos = float(FIELD.right if GATE_AXIS == "x" else FIELD.top - GATE_THICKNESS)
        self.passed = False

    def rects(self):
        p = int(self.pos)
        half = GATE_GAP // 2
        if GATE_AXIS == "x":
            return [pygame.Rect(p, FIELD.top, GATE_THICKNESS, self.gap - half - FIELD.top), pygame.Rect(p, self.gap + half, GATE_THICKNESS, FIELD.bottom - self.gap - half)]
        return [pygame.Rect(FIELD.left, p, self.gap - half - FIELD.left, GATE_THICKNESS), pygame.Rect(self.gap + half, p, FIELD.right - self.gap - half, GATE_THICKNESS)]

    def update(self, dt, speed):
        self.pos += -speed * dt if GATE_AXIS == "x" else speed * dt

    def gone(self):
        return self.pos < FIELD.left - GATE_THICKNESS if GATE_AXIS == "x" else self.pos > FIELD.bottom

    pictures = {}

    def draw(self, screen):
        drawn = []
        for rect in self.rects():
            if rect.width > 0 and rect.height > 0:
                drawn.append(screen.blit(Gate.picture(rect.size), rect))
        return bounds(drawn)

    @staticmethod
    def picture(size):
        """A wall of this size, painted once (blitting it is much cheaper than drawing it)."""
        image = Gate.pictures.get(size)
        if image is None:
            if len(Gate.pictures) > 64:
                Gate.pictures.clear()
            image = new_picture(*size)
            pygame.draw.rect(image, GATE_COLOUR, image.get_rect())
            pygame.draw.rect(image, GATE_EDGE, image.get_rect(), 3)
            Gate.pictures[size] = image
        return image


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
        self.player = Flapper()
        self.gates = []
        self.gates_passed = 0

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

    def new_gate(self):
        if GATE_AXIS == "x":
            low, high = FIELD.top + FIELD.height * GATE_GAP_RANGE[0], FIELD.top + FIELD.height * GATE_GAP_RANGE[1]
        else:
            low, high = FIELD.left + FIELD.width * GATE_GAP_RANGE[0], FIELD.left + FIELD.width * GATE_GAP_RANGE[1]
        low, high = low + GATE_GAP // 2, high - GATE_GAP // 2
        self.gates.append(Gate(int(random.uniform(low, max(low + 1, high)))))

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
        if self.player.grounded and self.player_hit():
            self.player.flap()
        speed = GATE_SPEED * self.pace
        if not self.gates or (GATE_AXIS == "x" and self.gates[-1].pos < FIELD.right - GATE_SPACING) or (GATE_AXIS == "y" and self.gates[-1].pos > FIELD.top + GATE_SPACING):
            self.new_gate()
        targets = self.player.hit_rects()
        player = self.player.rect
        for gate in self.gates:
            gate.update(dt, speed)
            if any(rect.collidelist(targets) >= 0 for rect in gate.rects()):
                self.player_hit()
            ahead = gate.pos + GATE_THICKNESS < player.left if GATE_AXIS == "x" else gate.pos > player.bottom
            if ahead and not gate.passed:
                gate.passed = True
                self.gates_passed += 1
                self.add_score(10 * self.level)
                if self.gates_passed % 10 == 0:
                    self.level_up()
        self.gates = [gate for gate in self.gates if not gate.gone()]
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
            self.draw_over(screen)
            return
        self.paint_scene(screen)
        self.mark(self.player.draw(screen, self.invulnerable > 0 and int(self.anim * 12) % 2 == 0))
        for gate in self.gates:
            self.mark(gate.draw(screen))
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
        lines.append(f"Gates {self.gates_passed}")
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
