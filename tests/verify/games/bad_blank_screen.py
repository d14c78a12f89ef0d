"""Broken on purpose: the loop runs and handles input but only ever fills black.

Controls: arrows move a player that is never drawn.
"""

import pygame

WIDTH, HEIGHT = 640, 480


def main():
    pygame.init()
    screen = pygame.display.set_mode((WIDTH, HEIGHT))
    clock = pygame.time.Clock()
    player = pygame.Rect(300, 220, 40, 40)
    while True:
        for event in pygame.event.get():
            if event.type == pygame.QUIT:
                return
            if event.type == pygame.KEYDOWN and event.key == pygame.K_LEFT:
                player.x -= 10
            if event.type == pygame.KEYDOWN and event.key == pygame.K_RIGHT:
                player.x += 10
        screen.fill((0, 0, 0))
        # bug: forgot to draw the player
        pygame.display.flip()
        clock.tick(60)


if __name__ == "__main__":
    main()
