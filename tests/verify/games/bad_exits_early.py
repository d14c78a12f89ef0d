"""Broken on purpose: draws one frame, then calls sys.exit()."""

import sys

import pygame

WIDTH, HEIGHT = 640, 480


def main():
    pygame.init()
    screen = pygame.display.set_mode((WIDTH, HEIGHT))
    font = pygame.font.Font(None, 48)
    screen.fill((30, 60, 90))
    screen.blit(font.render("Hello!", True, (255, 255, 255)), (260, 220))
    pygame.display.flip()
    sys.exit()


if __name__ == "__main__":
    main()
