"""Small real pygame programs used as model replies in the end-to-end tests.

``good_game(variant)`` is a playable keyboard/mouse game (variants differ in look and pace);
``crashing_game()`` raises after a second of play; ``frozen_game()`` draws one still picture
and ignores every input.
"""

from __future__ import annotations

GOOD = '''"""Catch: move the basket, catch the falling {name} dots.

Controls: arrows or WASD move, Space or a click drops a bonus, Escape quits.
"""

import random

import pygame

WIDTH, HEIGHT = 320, 240
FPS = 30
COLOUR = {colour}
SPEED = {speed}


class Basket:
    def __init__(self):
        self.rect = pygame.Rect(WIDTH // 2 - 20, HEIGHT - 30, 40, 12)

    def update(self, keys):
        if keys[pygame.K_LEFT] or keys[pygame.K_a]:
            self.rect.x -= 6
        if keys[pygame.K_RIGHT] or keys[pygame.K_d]:
            self.rect.x += 6
        if keys[pygame.K_UP] or keys[pygame.K_w]:
            self.rect.y = max(HEIGHT // 2, self.rect.y - 4)
        if keys[pygame.K_DOWN] or keys[pygame.K_s]:
            self.rect.y = min(HEIGHT - 12, self.rect.y + 4)
        self.rect.clamp_ip(pygame.Rect(0, 0, WIDTH, HEIGHT))

    def draw(self, screen):
        pygame.draw.rect(screen, (230, 230, 230), self.rect)


class Dot:
    def __init__(self):
        self.x = random.randint(10, WIDTH - 10)
        self.y = -5.0

    def update(self):
        self.y += SPEED

    def draw(self, screen):
        pygame.draw.circle(screen, COLOUR, (self.x, int(self.y)), 6)


def main():
    pygame.init()
    screen = pygame.display.set_mode((WIDTH, HEIGHT))
    pygame.display.set_caption("Catch")
    clock = pygame.time.Clock()
    font = pygame.font.Font(None, 20)
    basket = Basket()
    dots = [Dot()]
    score = 0
    frame = 0
    running = True
    while running:
        for event in pygame.event.get():
            if event.type == pygame.QUIT:
                running = False
            elif event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
                running = False
            elif event.type == pygame.KEYDOWN and event.key == pygame.K_SPACE:
                dots.append(Dot())
            elif event.type == pygame.MOUSEBUTTONDOWN:
                basket.rect.centerx = event.pos[0]
        frame += 1
        {hook}
        basket.update(pygame.key.get_pressed())
        if frame % 20 == 0:
            dots.append(Dot())
        for dot in dots:
            dot.update()
        caught = [d for d in dots if basket.rect.collidepoint(d.x, d.y)]
        score += len(caught)
        dots = [d for d in dots if d not in caught and d.y < HEIGHT + 10]
        screen.fill((15, 20, 40))
        for dot in dots:
            dot.draw(screen)
        basket.draw(screen)
        label = font.render(f"Score {{score}}  arrows/WASD move", True, (255, 255, 255))
        screen.blit(label, (6, 6))
        pygame.display.flip()
        clock.tick(FPS)
    pygame.quit()


if __name__ == "__main__":
    main()
'''

VARIANTS = {
    1: {"name": "red", "colour": (230, 60, 60), "speed": 2.0},
    2: {"name": "green", "colour": (60, 220, 90), "speed": 2.5},
    3: {"name": "blue", "colour": (80, 120, 250), "speed": 3.0},
}


def good_game(variant: int = 1, hook: str = "pass") -> str:
    v = VARIANTS[(variant - 1) % len(VARIANTS) + 1]
    return GOOD.format(hook=hook, **v)


def crashing_game() -> str:
    """Crashes with ZeroDivisionError after 40 frames of play."""
    return good_game(1, hook="speed = 1 / (40 - frame)  # divides by zero at frame 40")


FROZEN = '''"""Still: a picture that never changes.

Controls: none.
"""

import pygame


def main():
    pygame.init()
    screen = pygame.display.set_mode((200, 150))
    clock = pygame.time.Clock()
    while True:
        for event in pygame.event.get():
            if event.type == pygame.QUIT:
                return
        screen.fill((0, 0, 0))
        pygame.draw.rect(screen, (200, 0, 0), (20, 20, 60, 40))
        pygame.display.flip()
        clock.tick(30)


if __name__ == "__main__":
    main()
'''


def frozen_game() -> str:
    return FROZEN
