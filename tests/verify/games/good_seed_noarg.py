"""Starfield Shooter that reseeds from the OS: random.seed() with no argument at start, and
a private random.Random() (no seed) for the stars.

Trait: randomness from the OS; the sandbox must make it repeatable. Arrows move the ship,
Space fires at the asteroids.
"""

import random

import pygame

WIDTH, HEIGHT = 480, 480
random.seed()
star_rng = random.Random()


def main():
    pygame.init()
    screen = pygame.display.set_mode((WIDTH, HEIGHT))
    clock = pygame.time.Clock()
    stars = [[star_rng.randrange(WIDTH), star_rng.randrange(HEIGHT)] for _ in range(60)]
    rocks = [[random.randrange(20, WIDTH - 20), random.randrange(-400, 0)] for _ in range(5)]
    ship, shots, score = [WIDTH // 2, HEIGHT - 40], [], 0
    while True:
        for event in pygame.event.get():
            if event.type == pygame.QUIT:
                return
            if event.type == pygame.KEYDOWN and event.key == pygame.K_SPACE:
                shots.append([ship[0], ship[1] - 10])
        keys = pygame.key.get_pressed()
        ship[0] += 5 * (keys[pygame.K_RIGHT] - keys[pygame.K_LEFT])
        ship[1] += 5 * (keys[pygame.K_DOWN] - keys[pygame.K_UP])
        for star in stars:
            star[1] = (star[1] + 2) % HEIGHT
        for rock in rocks:
            rock[1] += 3
            if rock[1] > HEIGHT:
                rock[:] = [random.randrange(20, WIDTH - 20), -20]
        for shot in shots:
            shot[1] -= 9
        for rock in rocks:
            for shot in shots:
                if abs(rock[0] - shot[0]) < 18 and abs(rock[1] - shot[1]) < 18:
                    rock[:] = [random.randrange(20, WIDTH - 20), -20]
                    shot[1] = -100
                    score += 1
        shots = [s for s in shots if s[1] > -50]
        screen.fill((0, 0, 15))
        for x, y in stars:
            screen.set_at((x, y), (200, 200, 200))
        for x, y in rocks:
            pygame.draw.circle(screen, (140, 110, 90), (x, y), 16)
        for x, y in shots:
            pygame.draw.line(screen, (255, 255, 0), (x, y), (x, y - 8), 2)
        pygame.draw.polygon(screen, (0, 200, 255), [(ship[0], ship[1] - 14), (ship[0] - 10, ship[1] + 10), (ship[0] + 10, ship[1] + 10)])
        pygame.display.set_caption(f"Score {score}")
        pygame.display.flip()
        clock.tick(60)


if __name__ == "__main__":
    main()
