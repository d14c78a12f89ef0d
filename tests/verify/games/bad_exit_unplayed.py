"""Broken on purpose: a ball drops from the top and, when it reaches the bottom about a
second later, the program ends (pygame.quit(); sys.exit()). Nothing the player does
changes anything before that: the file handles no key except Escape.

Fault: ends by itself before the player could change anything (exits early), however it
ends.
"""

import sys

import pygame

WIDTH, HEIGHT = 400, 300


def main():
    pygame.init()
    screen = pygame.display.set_mode((WIDTH, HEIGHT))
    clock = pygame.time.Clock()
    y = 0
    while True:
        for event in pygame.event.get():
            if event.type == pygame.QUIT or (event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE):
                pygame.quit()
                sys.exit()
        y += 5
        if y > HEIGHT:
            pygame.quit()
            sys.exit()
        screen.fill((30, 30, 30))
        pygame.draw.circle(screen, (255, 100, 100), (WIDTH // 2, y), 12)
        pygame.display.flip()
        clock.tick(60)


if __name__ == "__main__":
    main()
