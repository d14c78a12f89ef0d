"""Broken on purpose: imports a module that does not exist anywhere."""

import pygame
import pygame_turbo_physics as physics

WIDTH, HEIGHT = 640, 480


def main():
    pygame.init()
    screen = pygame.display.set_mode((WIDTH, HEIGHT))
    clock = pygame.time.Clock()
    world = physics.World(gravity=9.8)
    while True:
        for event in pygame.event.get():
            if event.type == pygame.QUIT:
                return
        world.step(1 / 60)
        screen.fill((30, 30, 30))
        pygame.display.flip()
        clock.tick(60)


if __name__ == "__main__":
    main()
