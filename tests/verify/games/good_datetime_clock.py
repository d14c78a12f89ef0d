"""Bug Swatter that shows the time of day and seeds its randomness from it: random.seed()
with datetime.now()'s timestamp, a clock drawn from time.strftime(), and bugs spawned at
random places; click a bug to swat it.

Trait: wall-clock date and time read through datetime and time.strftime (not the clocks
pygame offers); mouse only, with a crosshair drawn where the pointer is.
"""

import random
import time
from datetime import datetime

import pygame

WIDTH, HEIGHT = 500, 400
random.seed(datetime.now().timestamp())


def spawn():
    return [random.randint(30, WIDTH - 30), random.randint(60, HEIGHT - 30), random.choice((-2, 2))]


def main():
    pygame.init()
    screen = pygame.display.set_mode((WIDTH, HEIGHT))
    clock = pygame.time.Clock()
    font = pygame.font.Font(None, 28)
    bugs, swatted = [spawn() for _ in range(6)], 0
    started = datetime.now()
    while True:
        for event in pygame.event.get():
            if event.type == pygame.QUIT:
                return
            if event.type == pygame.MOUSEBUTTONDOWN:
                for bug in bugs:
                    if abs(bug[0] - event.pos[0]) < 20 and abs(bug[1] - event.pos[1]) < 20:
                        bug[:] = spawn()
                        swatted += 1
        for bug in bugs:
            bug[0] += bug[2]
            if not 20 < bug[0] < WIDTH - 20:
                bug[2] = -bug[2]
        screen.fill((235, 225, 200))
        for x, y, _ in bugs:
            pygame.draw.ellipse(screen, (40, 30, 20), (x - 12, y - 8, 24, 16))
        mx, my = pygame.mouse.get_pos()
        pygame.draw.circle(screen, (200, 0, 0), (mx, my), 18, 2)
        elapsed = (datetime.now() - started).total_seconds()
        text = f"{time.strftime('%H:%M:%S')}  swatted {swatted}  {elapsed:.1f}s"
        screen.blit(font.render(text, True, (80, 0, 0)), (10, 10))
        pygame.display.flip()
        clock.tick(60)


if __name__ == "__main__":
    main()
