"""Broken on purpose: Block Stacker waits between levels with a home-made busy wait that
adds milliseconds to time.time()'s seconds, so "wait 1500 ms" spins for 25 minutes of
game time, reading the clock and drawing nothing. Before the first level ends (about one
second in, nobody playing) it reacts to Left/Right.

Fault: a stall in a loop that only reads the clock: hang, with the line of the loop.
"""

import time

import pygame

WIDTH, HEIGHT = 360, 480


def wait_ms(ms):
    end = time.time() + ms  # bug: milliseconds added to seconds
    while time.time() < end:
        pass


def main():
    pygame.init()
    screen = pygame.display.set_mode((WIDTH, HEIGHT))
    clock = pygame.time.Clock()
    x, y, level = 160, 0, 1
    while True:
        for event in pygame.event.get():
            if event.type == pygame.QUIT:
                return
            if event.type == pygame.KEYDOWN:
                x += {pygame.K_LEFT: -20, pygame.K_RIGHT: 20}.get(event.key, 0)
        y += 8
        if y > HEIGHT - 40:
            level += 1
            wait_ms(1500)
            y = 0
        screen.fill((20, 20, 40))
        pygame.draw.rect(screen, (200, 90, 40), (x, y, 40, 40))
        pygame.display.flip()
        clock.tick(60)


if __name__ == "__main__":
    main()
