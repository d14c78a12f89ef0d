"""Real pygame programs in the shape model replies take, for the adherence tests.

Each is one file with a docstring at the top, a title in ``set_caption``, a ``Game`` class or
a main loop, and on-screen text: what a model writes when asked for a game. ``pong(v)`` and
``match3(v)`` come in variants (colours) that play alike, as two drifting attempts do.
"""

from __future__ import annotations

PONG = '''"""Pong: first to 7 wins.

Controls: Up/Down or W/S move your paddle; the computer plays the right paddle.
"""

import random

import pygame

W, H = 320, 240


class Game:
    def __init__(self):
        self.screen = pygame.display.set_mode((W, H))
        pygame.display.set_caption("Pong")
        self.clock = pygame.time.Clock()
        self.font = pygame.font.Font(None, 22)
        self.left = pygame.Rect(10, H // 2 - 25, 8, 50)
        self.right = pygame.Rect(W - 18, H // 2 - 25, 8, 50)
        self.scores = [0, 0]
        self.reset_ball()

    def reset_ball(self):
        self.ball = pygame.Rect(W // 2 - 4, H // 2 - 4, 8, 8)
        self.vx = random.choice((-3, 3))
        self.vy = random.choice((-2, -1, 1, 2))

    def update(self):
        keys = pygame.key.get_pressed()
        if keys[pygame.K_UP] or keys[pygame.K_w]:
            self.left.y -= 5
        if keys[pygame.K_DOWN] or keys[pygame.K_s]:
            self.left.y += 5
        self.left.clamp_ip(self.screen.get_rect())
        self.right.y += max(-3, min(3, self.ball.centery - self.right.centery))
        self.ball.x += self.vx
        self.ball.y += self.vy
        if self.ball.top <= 0 or self.ball.bottom >= H:
            self.vy = -self.vy
        if self.ball.colliderect(self.left) or self.ball.colliderect(self.right):
            self.vx = -self.vx
        if self.ball.left < 0:
            self.scores[1] += 1
            self.reset_ball()
        elif self.ball.right > W:
            self.scores[0] += 1
            self.reset_ball()

    def draw(self):
        self.screen.fill(BACKGROUND)
        pygame.draw.rect(self.screen, PADDLE, self.left)
        pygame.draw.rect(self.screen, PADDLE, self.right)
        pygame.draw.ellipse(self.screen, (250, 250, 250), self.ball)
        text = self.font.render(f"Player {{self.scores[0]}}  CPU {{self.scores[1]}}", True, PADDLE)
        self.screen.blit(text, (W // 2 - 50, 6))
        pygame.display.flip()

    def run(self):
        while True:
            for event in pygame.event.get():
                if event.type == pygame.QUIT:
                    return
                if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
                    return
                if event.type == pygame.MOUSEMOTION:
                    self.left.centery = event.pos[1]
            self.update()
            self.draw()
            self.clock.tick(60)


BACKGROUND = {background}
PADDLE = {paddle}

if __name__ == "__main__":
    pygame.init()
    Game().run()
    pygame.quit()
'''

BREAKOUT = '''"""Breakout: clear the wall of bricks with the ball.

Controls: Left/Right or A/D (or the mouse) move the paddle.
"""

import pygame

W, H = 320, 240


def main():
    pygame.init()
    screen = pygame.display.set_mode((W, H))
    pygame.display.set_caption("Breakout")
    clock = pygame.time.Clock()
    font = pygame.font.Font(None, 20)
    paddle = pygame.Rect(W // 2 - 30, H - 16, 60, 8)
    bricks = [pygame.Rect(8 + c * 38, 24 + r * 12, 34, 9) for r in range(5) for c in range(8)]
    ball = pygame.Rect(W // 2, H // 2, 7, 7)
    vx, vy = 2, -3
    score = 0
    while True:
        for event in pygame.event.get():
            if event.type == pygame.QUIT:
                return
            if event.type == pygame.MOUSEMOTION:
                paddle.centerx = event.pos[0]
        keys = pygame.key.get_pressed()
        if keys[pygame.K_LEFT] or keys[pygame.K_a]:
            paddle.x -= 6
        if keys[pygame.K_RIGHT] or keys[pygame.K_d]:
            paddle.x += 6
        paddle.clamp_ip(screen.get_rect())
        ball.x += vx
        ball.y += vy
        if ball.left <= 0 or ball.right >= W:
            vx = -vx
        if ball.top <= 0 or ball.colliderect(paddle):
            vy = -abs(vy) if ball.colliderect(paddle) else abs(vy)
        hit = ball.collidelist(bricks)
        if hit >= 0:
            bricks.pop(hit)
            vy = -vy
            score += 10
        if ball.top > H or not bricks:
            ball.center = (W // 2, H // 2)
            vy = -3
            if not bricks:
                bricks = [
                    pygame.Rect(8 + c * 38, 24 + r * 12, 34, 9) for r in range(5) for c in range(8)
                ]
        screen.fill((10, 10, 30))
        for i, brick in enumerate(bricks):
            pygame.draw.rect(screen, ((200 + i * 7) % 256, 90, 60 + i * 4), brick)
        pygame.draw.rect(screen, (220, 220, 220), paddle)
        pygame.draw.ellipse(screen, (255, 230, 120), ball)
        screen.blit(font.render(f"Score {score}", True, (255, 255, 255)), (4, 4))
        pygame.display.flip()
        clock.tick(60)


if __name__ == "__main__":
    main()
'''

MATCH3 = '''"""{title}: swap neighbouring gems to line up three of a colour.

Controls: arrows or WASD move the cursor, Space or Enter swaps it with the gem to the
right, a click selects a gem.
"""

import random

import pygame

COLS, ROWS, CELL = 8, 8, 26
COLOURS = {colours}


class Board:
    def __init__(self):
        self.gems = [[random.randrange(len(COLOURS)) for _ in range(COLS)] for _ in range(ROWS)]
        self.score = 0

    def swap(self, r, c):
        if c + 1 < COLS:
            row = self.gems[r]
            row[c], row[c + 1] = row[c + 1], row[c]
            self.clear_matches()

    def clear_matches(self):
        found = set()
        for r in range(ROWS):
            for c in range(COLS - 2):
                if self.gems[r][c] == self.gems[r][c + 1] == self.gems[r][c + 2]:
                    found |= {{(r, c), (r, c + 1), (r, c + 2)}}
        for c in range(COLS):
            for r in range(ROWS - 2):
                if self.gems[r][c] == self.gems[r + 1][c] == self.gems[r + 2][c]:
                    found |= {{(r, c), (r + 1, c), (r + 2, c)}}
        for r, c in found:
            self.gems[r][c] = random.randrange(len(COLOURS))
        self.score += 10 * len(found)


def main():
    pygame.init()
    screen = pygame.display.set_mode((COLS * CELL + 20, ROWS * CELL + 40))
    pygame.display.set_caption("{title}")
    clock = pygame.time.Clock()
    font = pygame.font.Font(None, 20)
    board = Board()
    cur = [0, 0]
    frame = 0
    while True:
        for event in pygame.event.get():
            if event.type == pygame.QUIT:
                return
            if event.type == pygame.KEYDOWN:
                if event.key in (pygame.K_LEFT, pygame.K_a):
                    cur[1] = max(0, cur[1] - 1)
                elif event.key in (pygame.K_RIGHT, pygame.K_d):
                    cur[1] = min(COLS - 1, cur[1] + 1)
                elif event.key in (pygame.K_UP, pygame.K_w):
                    cur[0] = max(0, cur[0] - 1)
                elif event.key in (pygame.K_DOWN, pygame.K_s):
                    cur[0] = min(ROWS - 1, cur[0] + 1)
                elif event.key in (pygame.K_SPACE, pygame.K_RETURN):
                    board.swap(*cur)
            if event.type == pygame.MOUSEBUTTONDOWN:
                c, r = (event.pos[0] - 10) // CELL, (event.pos[1] - 30) // CELL
                if 0 <= r < ROWS and 0 <= c < COLS:
                    cur = [r, c]
                    board.swap(r, c)
        frame += 1
        screen.fill((20, 16, 30))
        for r in range(ROWS):
            for c in range(COLS):
                glow = 20 if (r + c + frame // 10) % 7 == 0 else 0
                colour = tuple(min(255, v + glow) for v in COLOURS[board.gems[r][c]])
                pygame.draw.circle(screen, colour, (10 + c * CELL + 13, 30 + r * CELL + 13), 10)
        rect = pygame.Rect(10 + cur[1] * CELL, 30 + cur[0] * CELL, CELL, CELL)
        pygame.draw.rect(screen, (255, 255, 255), rect, 2)
        screen.blit(font.render(f"Score {{board.score}}", True, (240, 240, 240)), (10, 8))
        pygame.display.flip()
        clock.tick(30)


if __name__ == "__main__":
    main()
'''

HYBRID = '''"""Gem Drop: Tetris-style falling pieces made of gems.

Pieces fall; a full row clears, and so does a run of three gems of one colour. Controls:
Left/Right or A/D move the piece, Up or W rotates, Down or S drops faster, Space drops it.
"""

import random

import pygame

COLS, ROWS, CELL = 8, 14, 16
GEMS = [(230, 70, 90), (80, 200, 120), (90, 120, 240), (240, 200, 70)]
SHAPES = [[(0, 0), (1, 0), (2, 0)], [(0, 0), (0, 1), (1, 1)], [(0, 0), (1, 0), (0, 1), (1, 1)]]


class Game:
    def __init__(self):
        self.grid = [[None] * COLS for _ in range(ROWS)]
        self.score = 0
        self.timer = 0
        self.new_piece()

    def new_piece(self):
        shape = random.choice(SHAPES)
        self.piece = [(x + 3, y, random.randrange(len(GEMS))) for x, y in shape]

    def fits(self, cells):
        return all(
            0 <= x < COLS and y < ROWS and (y < 0 or self.grid[y][x] is None) for x, y, _ in cells
        )

    def move(self, dx, dy):
        moved = [(x + dx, y + dy, g) for x, y, g in self.piece]
        if self.fits(moved):
            self.piece = moved
            return True
        return False

    def rotate(self):
        cx, cy, _ = self.piece[0]
        turned = [(cx - (y - cy), cy + (x - cx), g) for x, y, g in self.piece]
        if self.fits(turned):
            self.piece = turned

    def lock_piece(self):
        for x, y, g in self.piece:
            if y >= 0:
                self.grid[y][x] = g
        self.clear_lines()
        self.clear_gem_runs()
        self.new_piece()
        if not self.fits(self.piece):
            self.grid = [[None] * COLS for _ in range(ROWS)]

    def clear_lines(self):
        full = [y for y in range(ROWS) if all(c is not None for c in self.grid[y])]
        for y in full:
            del self.grid[y]
            self.grid.insert(0, [None] * COLS)
        self.score += 100 * len(full)

    def clear_gem_runs(self):
        runs = set()
        for y in range(ROWS):
            for x in range(COLS - 2):
                g = self.grid[y][x]
                if g is not None and g == self.grid[y][x + 1] == self.grid[y][x + 2]:
                    runs |= {(x, y), (x + 1, y), (x + 2, y)}
        for x, y in runs:
            self.grid[y][x] = None
        self.score += 30 * len(runs)

    def update(self):
        self.timer += 1
        if self.timer % 15 == 0 and not self.move(0, 1):
            self.lock_piece()

    def key(self, k):
        if k in (pygame.K_LEFT, pygame.K_a):
            self.move(-1, 0)
        elif k in (pygame.K_RIGHT, pygame.K_d):
            self.move(1, 0)
        elif k in (pygame.K_UP, pygame.K_w):
            self.rotate()
        elif k in (pygame.K_DOWN, pygame.K_s):
            self.move(0, 1)
        elif k == pygame.K_SPACE:
            while self.move(0, 1):
                pass
            self.lock_piece()

    def draw(self, screen, font):
        screen.fill((14, 14, 24))
        pygame.draw.rect(screen, (60, 60, 80), (8, 8, COLS * CELL, ROWS * CELL), 1)
        cells = [
            (x, y, g) for y, row in enumerate(self.grid) for x, g in enumerate(row) if g is not None
        ]
        for x, y, g in cells + self.piece:
            if y >= 0:
                pygame.draw.circle(screen, GEMS[g], (8 + x * CELL + 8, 8 + y * CELL + 8), 7)
        screen.blit(font.render(f"Score {self.score}", True, (230, 230, 230)), (150, 10))


def main():
    pygame.init()
    screen = pygame.display.set_mode((240, 240))
    pygame.display.set_caption("Gem Drop")
    clock = pygame.time.Clock()
    font = pygame.font.Font(None, 20)
    game = Game()
    while True:
        for event in pygame.event.get():
            if event.type == pygame.QUIT:
                return
            if event.type == pygame.KEYDOWN:
                game.key(event.key)
            if event.type == pygame.MOUSEBUTTONDOWN:
                game.move(1 if event.pos[0] > 120 else -1, 0)
        game.update()
        game.draw(screen, font)
        pygame.display.flip()
        clock.tick(30)


if __name__ == "__main__":
    main()
'''

PONG_VARIANTS = {
    1: {"background": (0, 0, 0), "paddle": (240, 240, 240)},
    2: {"background": (5, 10, 5), "paddle": (235, 245, 235)},
}
MATCH3_VARIANTS = {
    1: {
        "title": "Gem Swap",
        "colours": [(230, 60, 60), (60, 200, 90), (70, 110, 240), (240, 210, 60)],
    },
    2: {
        "title": "Jewel Line",
        "colours": [(225, 65, 70), (65, 205, 95), (75, 115, 235), (235, 205, 65)],
    },
}


def pong(variant: int = 1) -> str:
    return PONG.format(**PONG_VARIANTS[variant])


def breakout() -> str:
    return BREAKOUT


def match3(variant: int = 1) -> str:
    return MATCH3.format(**MATCH3_VARIANTS[variant])


def hybrid() -> str:
    return HYBRID


def tetris() -> str:
    """The hybrid without its match-3 half: falling pieces, full rows clear, nothing else."""
    code = HYBRID.replace(
        '"""Gem Drop: Tetris-style falling pieces made of gems.\n\n'
        "Pieces fall; a full row clears, and so does a run of three gems of one colour.",
        '"""Block Fall: Tetris-style falling pieces.\n\nPieces fall; a full row clears.',
    )
    code = code.replace('set_caption("Gem Drop")', 'set_caption("Block Fall")')
    code = code.replace("        self.clear_gem_runs()\n", "")
    return code.replace("def clear_gem_runs(self):", "def unused_runs(self):")
