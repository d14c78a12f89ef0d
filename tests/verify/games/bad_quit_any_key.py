"""Broken on purpose: Balloon Ride ends the program on ANY key press (the author meant to
quit on Escape and tested the event type only), and on any click.

Fault: the first input ends the game before it could be played (exits early).
"""

import pygame

WIDTH, HEIGHT = 400, 400


def main():
    pygame.init()
    screen = pygame.display.set_mode((WIDTH, HEIGHT))
    clock = pygame.time.Clock()
    running, t = True, 0
    while running:
        for event in pygame.event.get():
            if event.type in (pygame.QUIT, pygame.KEYDOWN, pygame.MOUSEBUTTONDOWN):
                running = False
        t += 1
        screen.fill((140, 200, 255))
        pygame.draw.circle(screen, (230, 50, 80), (200 + t % 60 - 30, 300 - t % 200), 24)
        pygame.display.flip()
        clock.tick(60)
    pygame.quit()


if __name__ == "__main__":
    main()
