"""Broken on purpose: a syntax error (a missing closing parenthesis)."""

import pygame

WIDTH, HEIGHT = 640, 480


def main():
    pygame.init()
    screen = pygame.display.set_mode((WIDTH, HEIGHT)
    clock = pygame.time.Clock()
    while True:
        for event in pygame.event.get():
            if event.type == pygame.QUIT:
                return
        screen.fill((30, 30, 30))
        pygame.display.flip()
        clock.tick(60)


if __name__ == "__main__":
    main()
