"""Broken on purpose: Orbit shows a help panel listing its controls (a dict from K_LEFT,
K_RIGHT, K_r, K_SPACE, K_1 to their meanings) and animates a planet, but its event loop
never looks at a key: the controls exist only as text.

Fault: animates but ignores every input, although its source names many keys.
"""

import math

import pygame

WIDTH, HEIGHT = 480, 360
HELP = {
    pygame.K_LEFT: "slow down",
    pygame.K_RIGHT: "speed up",
    pygame.K_r: "reset",
    pygame.K_SPACE: "boost",
    pygame.K_1: "one moon",
}


def main():
    pygame.init()
    screen = pygame.display.set_mode((WIDTH, HEIGHT))
    clock = pygame.time.Clock()
    font = pygame.font.Font(None, 22)
    angle = 0.0
    while True:
        for event in pygame.event.get():
            if event.type == pygame.QUIT:
                return
        angle += 0.03
        screen.fill((0, 0, 20))
        pygame.draw.circle(screen, (255, 200, 0), (240, 180), 30)
        pygame.draw.circle(screen, (80, 140, 255), (int(240 + 120 * math.cos(angle)), int(180 + 120 * math.sin(angle))), 12)
        for i, (key, text) in enumerate(HELP.items()):
            screen.blit(font.render(f"{pygame.key.name(key)}: {text}", True, (150, 150, 150)), (8, 8 + 18 * i))
        pygame.display.flip()
        clock.tick(60)


if __name__ == "__main__":
    main()
