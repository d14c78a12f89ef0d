"""Broken on purpose: needs numpy, a third-party package outside the game contract.

Controls: arrows move the glow.
"""

import numpy as np
import pygame

WIDTH, HEIGHT = 320, 240


def main():
    pygame.init()
    screen = pygame.display.set_mode((WIDTH, HEIGHT))
    clock = pygame.time.Clock()
    ys, xs = np.mgrid[0:HEIGHT, 0:WIDTH]
    cx, cy, frame = WIDTH // 2, HEIGHT // 2, 0
    while True:
        for event in pygame.event.get():
            if event.type == pygame.QUIT:
                return
            if event.type == pygame.KEYDOWN and event.key == pygame.K_LEFT:
                cx -= 10
            if event.type == pygame.KEYDOWN and event.key == pygame.K_RIGHT:
                cx += 10
        frame += 1
        glow = np.clip(255 - np.hypot(xs - cx, ys - cy) * (2 + frame % 30 / 10), 0, 255)
        rgb = np.stack([glow, glow * 0.6, glow * 0.2], axis=-1).astype(np.uint8)
        pygame.surfarray.blit_array(screen, rgb.swapaxes(0, 1))
        pygame.display.flip()
        clock.tick(60)


if __name__ == "__main__":
    main()
