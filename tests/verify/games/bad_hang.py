"""Broken on purpose: after 90 frames it enters an endless loop with no tick and no flip.

Controls: arrows move the square.
"""

import pygame

WIDTH, HEIGHT = 640, 480


def find_free_spot(occupied):
    # Bug: spins forever once the board is "full"; never draws, never ticks.
    while True:
        pass


def main():
    pygame.init()
    screen = pygame.display.set_mode((WIDTH, HEIGHT))
    clock = pygame.time.Clock()
    x, y, frame = WIDTH // 2, HEIGHT // 2, 0
    while True:
        for event in pygame.event.get():
            if event.type == pygame.QUIT:
                return
            if event.type == pygame.KEYDOWN:
                x += {pygame.K_LEFT: -10, pygame.K_RIGHT: 10}.get(event.key, 0)
                y += {pygame.K_UP: -10, pygame.K_DOWN: 10}.get(event.key, 0)
        frame += 1
        if frame == 90:
            find_free_spot([(x, y)])
        screen.fill((20, 60, 20))
        pygame.draw.rect(screen, (250, 250, 0), (x, y + frame % 20, 30, 30))
        pygame.display.flip()
        clock.tick(60)


if __name__ == "__main__":
    main()
