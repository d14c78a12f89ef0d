"""Broken on purpose: after half a second it caches 256 MB per frame, up to 10 GB.

Controls: arrows move the square.
"""

import pygame

WIDTH, HEIGHT = 640, 480
CHUNK = 256 * 1024 * 1024
MAX_CHUNKS = 40  # 10 GB in all


def main():
    pygame.init()
    screen = pygame.display.set_mode((WIDTH, HEIGHT))
    clock = pygame.time.Clock()
    cache, x, frame = [], WIDTH // 2, 0
    while True:
        for event in pygame.event.get():
            if event.type == pygame.QUIT:
                return
            if event.type == pygame.KEYDOWN and event.key == pygame.K_RIGHT:
                x += 10
        frame += 1
        if frame > 30 and len(cache) < MAX_CHUNKS:
            cache.append(b"\x5a" * CHUNK)  # written, so the pages are really used
        screen.fill((50, 20, 70))
        pygame.draw.rect(screen, (255, 255, 255), (x % WIDTH, 200 + frame % 30, 40, 40))
        pygame.display.flip()
        clock.tick(60)


if __name__ == "__main__":
    main()
