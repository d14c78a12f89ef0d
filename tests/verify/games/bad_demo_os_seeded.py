"""Broken on purpose: a screensaver-like demo of bouncing balls, seeded from the OS
(random.seed() with no argument, uuid4 colours, datetime.now() in the corner), that never
reads the keyboard or the mouse.

Fault: animates but ignores every input (a self-playing demo), and would differ from run
to run if the sandbox did not control its randomness.
"""

import random
import uuid
from datetime import datetime

import pygame

WIDTH, HEIGHT = 480, 360
random.seed()


def main():
    pygame.init()
    screen = pygame.display.set_mode((WIDTH, HEIGHT))
    clock = pygame.time.Clock()
    font = pygame.font.Font(None, 24)
    balls = []
    for _ in range(8):
        colour = uuid.uuid4().bytes[:3]
        balls.append([random.uniform(20, WIDTH - 20), random.uniform(20, HEIGHT - 20), random.uniform(-4, 4), random.uniform(-4, 4), tuple(colour)])
    while True:
        for event in pygame.event.get():
            if event.type == pygame.QUIT:
                return
        screen.fill((0, 0, 0))
        for ball in balls:
            ball[0] += ball[2]
            ball[1] += ball[3]
            if not 10 < ball[0] < WIDTH - 10:
                ball[2] = -ball[2]
            if not 10 < ball[1] < HEIGHT - 10:
                ball[3] = -ball[3]
            pygame.draw.circle(screen, ball[4], (int(ball[0]), int(ball[1])), 10)
        screen.blit(font.render(datetime.now().strftime("%H:%M:%S.%f")[:-4], True, (90, 90, 90)), (5, 5))
        pygame.display.flip()
        clock.tick(60)


if __name__ == "__main__":
    main()
