"""Orbital Invader Attack: an invaders-style shooter in deep space

Made by the offline designer (no model) from the prompt:
    an invaders-style space shooter
understood: invaders-style shooter, theme 'space', mechanics shooting

Controls:
    Left/Right, A/D or mousemove the ship
    Space or click          fire
    Enter / Space / click   start; play again after game over
    Escape                  quit

Rules: score by shooting, shooting invaders; clears: clear a wave for a faster one; no end:
    levels get faster; play for the best score; lose when bombs hit you or the invaders
    land, out of lives.
"""

import functools
import math
import random

import pygame

# --- constants ---------------------------------------------------------------
SCREEN_W = 800
SCREEN_H = 600
FPS = 60
TITLE = "Orbital Invader Attack"
TAGLINE = "an invaders-style shooter in deep space"
BG_COLOUR = (8, 10, 28)
PANEL_COLOUR = (24, 28, 60)
GRID_COLOUR = (58, 62, 89)
TEXT_COLOUR = (235, 235, 240)
DIM_COLOUR = (150, 150, 165)
ACCENT_COLOUR = (102, 144, 255)
PLAYER_COLOUR = (140, 199, 255)
DANGER_COLOUR = (235, 70, 70)
PIECE_COLOURS = [
    (224, 181, 73),
    (79, 241, 192),
    (245, 80, 130),
    (161, 80, 242),
    (115, 248, 82),
    (76, 157, 231),
    (218, 75, 229),
]
LIVES = 3
TIME_LIMIT = 0
START_KEYS = (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE)
CONTROLS = [
    ("Left/Right, A/D or mouse", "move the ship"),
    ("Space or click", "fire"),
]
CONTROLS_LINE = "Left/Right, A/D or mouse: move the ship   Space or click: fire"
KEY_COLOUR = (254, 1, 253)  # the see-through colour of cached sprites
HUD_H = 40
FOOT_H = 26
FIELD = pygame.Rect(0, HUD_H, SCREEN_W, SCREEN_H - HUD_H - FOOT_H)
SCROLL_SPEED = 0  # pixels per second the world scrolls left (0: it does not)
SHIP_SPEED = 380
FIRE_KEYS = (pygame.K_SPACE,)
FIRE_COOLDOWN = 0.24
SHOT_SPEED = 680
MAX_SHOTS = 3
WAVE_COLS = 8
WAVE_ROWS = 4
ALIEN_SPEED = 50
ALIEN_DROP = 16
BOMB_EVERY = 1.33  # seconds between bombs at level 1
BOMB_SPEED = 220


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
class Ship:
    """The player's ship: slides left and right along the bottom."""

    def __init__(self):
        self.rect = pygame.Rect(0, FIELD.bottom - 46, 44, 26)
        self.rect.centerx = FIELD.centerx
        self.x = float(self.rect.x)
        self.target = None

    def update(self, dt, keys):
        direction = int(keys[pygame.K_RIGHT] or keys[pygame.K_d]) - int(keys[pygame.K_LEFT] or keys[pygame.K_a])
        if direction:
            self.target = None
            self.x += direction * SHIP_SPEED * dt
        elif self.target is not None:
            delta = self.target - (self.x + self.rect.width / 2)
            self.x += max(-SHIP_SPEED * dt, min(SHIP_SPEED * dt, delta))
        self.x = max(FIELD.left, min(FIELD.right - self.rect.width, self.x))
        self.rect.x = int(self.x)

    def on_key(self, key):
        pass

    def on_click(self, pos, button):
        self.target = pos[0]

    def on_motion(self, pos):
        self.target = pos[0]

    def hit_rects(self):
        return [self.rect.inflate(-8, -6)]

    def muzzle(self):
        return (self.rect.centerx, self.rect.top)

    def aim(self):
        return (0.0, -1.0)

    def grow(self, amount):
        pass

    def draw(self, screen, blink):
        if blink:
            return
        r = self.rect
        pygame.draw.polygon(screen, PLAYER_COLOUR, [(r.centerx, r.top), (r.right, r.bottom), (r.left, r.bottom)])
        pygame.draw.rect(screen, lighter(PLAYER_COLOUR), (r.centerx - 4, r.top + 6, 8, 12))


class Shot:
    """A projectile fired by the player."""

    def __init__(self, x, y, vx, vy):
        self.x, self.y = float(x), float(y)
        self.vx, self.vy = vx, vy
        self.dead = False
        self.life = 1.6
        self.rect = pygame.Rect(0, 0, 6, 6)
        self.rect.center = (int(x), int(y))

    def update(self, dt):
        self.x += self.vx * dt
        self.y += self.vy * dt
        self.life -= dt
        self.rect.center = (int(self.x), int(self.y))
        if self.life <= 0 or not FIELD.collidepoint(self.rect.center):
            self.dead = True

    def draw(self, screen):
        end = (self.x - self.vx * 0.02, self.y - self.vy * 0.02)
        pygame.draw.line(screen, ACCENT_COLOUR, (self.x, self.y), end, 4)


class Alien:
    """One invader: two-frame animation, worth more the higher its row."""

    def __init__(self, x, y, kind):
        self.x, self.y = float(x), float(y)
        self.kind = kind
        self.rect = pygame.Rect(int(x), int(y), 32, 22)

    def move(self, dx, dy):
        self.x += dx
        self.y += dy
        self.rect.topleft = (int(self.x), int(self.y))

    pictures = {}

    def draw(self, screen, frame, origin=(0, 0)):
        """Blit the picture for this kind and frame, painted the first time it is needed."""
        key = (self.kind, frame)
        image = Alien.pictures.get(key)
        if image is None:
            image = pygame.Surface((self.rect.width + 8, self.rect.height + 8))
            image.fill(KEY_COLOUR)
            self.paint(image, pygame.Rect(4, 4, self.rect.width, self.rect.height), frame)
            image.set_colorkey(KEY_COLOUR, pygame.RLEACCEL)
            Alien.pictures[key] = image
        screen.blit(image, (self.rect.x - 4 - origin[0], self.rect.y - 4 - origin[1]))

    def paint(self, screen, r, frame):
        colour = PIECE_COLOURS[self.kind % len(PIECE_COLOURS)]
        pygame.draw.rect(screen, colour, (r.x + 4, r.y + 4, r.width - 8, r.height - 10), border_radius=4)
        leg = 4 if frame else -2
        pygame.draw.line(screen, colour, (r.x + 6, r.bottom - 6), (r.x + 2 - leg, r.bottom), 3)
        pygame.draw.line(screen, colour, (r.right - 6, r.bottom - 6), (r.right - 2 + leg, r.bottom), 3)
        pygame.draw.circle(screen, BG_COLOUR, (r.x + 11, r.y + 10), 3)
        pygame.draw.circle(screen, BG_COLOUR, (r.right - 11, r.y + 10), 3)


class Bomb:
    """Something an enemy drops on the player."""

    def __init__(self, x, y):
        self.rect = pygame.Rect(int(x) - 3, int(y), 6, 14)
        self.y = float(y)

    def update(self, dt):
        self.y += BOMB_SPEED * dt
        self.rect.y = int(self.y)

    def draw(self, screen):
        pygame.draw.rect(screen, DANGER_COLOUR, self.rect, border_radius=3)


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
        self.player = Ship()
        self.shots = []
        self.fire_timer = 0.0
        self.shots_fired = 0
        self.wave_drawn = None
        self.new_wave()

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
        self.new_wave()

    def bullet_hits(self, b):
        """Check one shot against everything it can hit; True when it hit something."""
        for alien in self.aliens:
            if b.rect.colliderect(alien.rect):
                self.aliens.remove(alien)
                self.add_score(10 * alien.kind * self.level)
                self.burst(alien.rect.centerx, alien.rect.centery, PIECE_COLOURS[alien.kind % len(PIECE_COLOURS)])
                return True
        return False
    def fire(self):
        if self.fire_timer > 0 or len(self.shots) >= MAX_SHOTS:
            return
        x, y = self.player.muzzle()
        dx, dy = self.player.aim()
        self.shots.append(Shot(x, y, dx * SHOT_SPEED, dy * SHOT_SPEED))
        self.fire_timer = FIRE_COOLDOWN
        self.shots_fired += 1

    def paint_wave(self, frame):
        """The whole formation in one picture: it marches as one, so it is redrawn only when an
        invader falls or the legs move."""
        left = min(a.rect.left for a in self.aliens) - 4
        top = min(a.rect.top for a in self.aliens) - 4
        width = max(a.rect.right for a in self.aliens) + 4 - left
        height = max(a.rect.bottom for a in self.aliens) + 4 - top
        picture = pygame.Surface((width, height))
        picture.fill(KEY_COLOUR)
        for alien in self.aliens:
            alien.draw(picture, frame, (left, top))
        picture.set_colorkey(KEY_COLOUR, pygame.RLEACCEL)
        x0, y0 = self.aliens[0].rect.topleft
        return picture, (left - x0, top - y0)

    def new_wave(self):
        width = WAVE_COLS * 46
        left = FIELD.centerx - width // 2
        top = FIELD.top + 30
        self.aliens = [Alien(left + c * 46, top + r * 34, WAVE_ROWS - r) for r in range(WAVE_ROWS) for c in range(WAVE_COLS)]
        self.wave_dir = 1
        self.bombs = []
        self.bomb_timer = BOMB_EVERY
        self.march = 0.0

    # --- events ---------------------------------------------------------------
    def handle_key(self, key):
        if self.state != "play":
            if key in START_KEYS and (self.state == "title" or self.over_timer > 0.8):
                self.start()
            return
        if key in FIRE_KEYS:
            self.fire()

    def handle_click(self, pos, button):
        if self.state != "play":
            if self.state == "title" or self.over_timer > 0.8:
                self.start()
            return
        self.player.on_click(pos, button)
        if button == 1:
            self.fire()

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
        self.fire_timer -= dt
        if any(keys[k] for k in FIRE_KEYS):
            self.fire()
        for shot in self.shots:
            shot.update(dt)
            if not shot.dead and self.bullet_hits(shot):
                shot.dead = True
        self.shots = [shot for shot in self.shots if not shot.dead]
        if self.aliens:
            speed = ALIEN_SPEED * self.pace * (1 + 2 * (1 - len(self.aliens) / (WAVE_COLS * WAVE_ROWS)))
            dx = self.wave_dir * speed * dt
            left = min(a.rect.left for a in self.aliens)
            right = max(a.rect.right for a in self.aliens)
            if (right + dx > FIELD.right - 10 and self.wave_dir > 0) or (left + dx < FIELD.left + 10 and self.wave_dir < 0):
                self.wave_dir = -self.wave_dir
                for alien in self.aliens:
                    alien.move(0, ALIEN_DROP)
            else:
                for alien in self.aliens:
                    alien.move(dx, 0)
            self.march += dt
            self.bomb_timer -= dt * self.pace
            if self.bomb_timer <= 0:
                self.bomb_timer = BOMB_EVERY * random.uniform(0.5, 1.5)
                shooter = random.choice(self.aliens)
                self.bombs.append(Bomb(shooter.rect.centerx, shooter.rect.bottom))
            if max(a.rect.bottom for a in self.aliens) > FIELD.bottom - 60:
                self.say("they landed!")
                self.player_hit()
                self.new_wave()
        else:
            self.add_score(100 * self.level)
            self.level_up()
        for bomb in self.bombs:
            bomb.update(dt)
            if any(bomb.rect.colliderect(r) for r in self.player.hit_rects()):
                bomb.y = FIELD.bottom + 100
                self.burst(bomb.rect.centerx, bomb.rect.centery, DANGER_COLOUR)
                self.player_hit()
        self.bombs = [bomb for bomb in self.bombs if bomb.y < FIELD.bottom]
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
        self.player.draw(screen, self.invulnerable > 0 and int(self.anim * 12) % 2 == 0)
        for shot in self.shots:
            shot.draw(screen)
        if self.aliens:
            frame = int(self.march * 3) % 2
            x0, y0 = self.aliens[0].rect.topleft
            key = (frame, id(self.aliens), tuple((a.rect.x - x0, a.rect.y - y0, a.kind) for a in self.aliens))
            if key != self.wave_drawn:
                self.wave_drawn = key
                self.wave_picture, self.wave_offset = self.paint_wave(frame)
            screen.blit(self.wave_picture, (x0 + self.wave_offset[0], y0 + self.wave_offset[1]))
        for bomb in self.bombs:
            bomb.draw(screen)
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
        lines.append(f"Invaders {len(self.aliens)}")
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
