"""Broken on purpose: a "snow" demo whose every flake comes from /dev/urandom (randomness no
sandbox can make repeatable) and which reads no key and no click.

Fault: ignores every input, and no two runs look alike: the run with input differs from
the runs without no more than they differ from each other, so nothing proves a reaction.
"""

import pygame

WIDTH, HEIGHT = 320, 240


def main():
    pygame.init()
    screen = pygame.display.set_mode((WIDTH, HEIGHT))
    clock = pygame.time.Clock()
    source = open("/dev/urandom", "rb")  # noqa: SIM115
    flakes = []
    while True:
        for event in pygame.event.get():
            if event.type == pygame.QUIT:
                return
        data = source.read(8)
        for i in range(0, 8, 2):
            flakes.append([data[i] * WIDTH // 256, 0, 1 + data[i + 1] % 3])
        for flake in flakes:
            flake[1] += flake[2]
        flakes = [f for f in flakes if f[1] < HEIGHT]
        screen.fill((10, 20, 50))
        for x, y, _ in flakes:
            pygame.draw.circle(screen, (240, 240, 255), (x, y), 2)
        pygame.display.flip()
        clock.tick(30)


if __name__ == "__main__":
    main()
