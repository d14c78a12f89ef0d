"""Broken on purpose: loads player.png, a file that does not ship with the game.

Controls: arrows move the player.
"""

import pygame

WIDTH, HEIGHT = 640, 480


def main():
    pygame.init()
    screen = pygame.display.set_mode((WIDTH, HEIGHT))
    clock = pygame.time.Clock()
    player = pygame.image.load("player.png").convert_alpha()
    x, y = WIDTH // 2, HEIGHT // 2
    while True:
        for event in pygame.event.get():
            if event.type == pygame.QUIT:
                return
            if event.type == pygame.KEYDOWN:
                x += {pygame.K_LEFT: -10, pygame.K_RIGHT: 10}.get(event.key, 0)
        screen.fill((0, 80, 120))
        screen.blit(player, (x, y))
        pygame.display.flip()
        clock.tick(60)


if __name__ == "__main__":
    main()
