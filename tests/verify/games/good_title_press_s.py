"""Asteroid Belt behind a still title that says "Press S to start" (Enter, Space and clicks do
nothing there). In the game, Left/Right turn the ship and Up thrusts.

Trait: a start key the old player never pressed; a still title screen.
"""

import math

import pygame

WIDTH, HEIGHT = 560, 420


def main():
    pygame.init()
    screen = pygame.display.set_mode((WIDTH, HEIGHT))
    clock = pygame.time.Clock()
    font = pygame.font.Font(None, 40)
    state = "title"
    x, y, vx, vy, angle = WIDTH / 2, HEIGHT / 2, 0.0, 0.0, 0.0
    rocks = [[80, 60, 1.2, 0.8], [460, 330, -0.9, -1.1], [300, 80, 0.6, 1.4]]
    while True:
        for event in pygame.event.get():
            if event.type == pygame.QUIT:
                return
            if state == "title" and event.type == pygame.KEYDOWN and event.key == pygame.K_s:
                state = "play"
        screen.fill((0, 0, 0))
        if state == "title":
            screen.blit(font.render("ASTEROID BELT", True, (255, 255, 255)), (165, 150))
            screen.blit(font.render("Press S to start", True, (160, 160, 160)), (170, 220))
        else:
            keys = pygame.key.get_pressed()
            angle += 0.08 * (keys[pygame.K_RIGHT] - keys[pygame.K_LEFT])
            if keys[pygame.K_UP]:
                vx += 0.2 * math.cos(angle)
                vy += 0.2 * math.sin(angle)
            x, y = (x + vx) % WIDTH, (y + vy) % HEIGHT
            vx, vy = vx * 0.99, vy * 0.99
            for rock in rocks:
                rock[0] = (rock[0] + rock[2]) % WIDTH
                rock[1] = (rock[1] + rock[3]) % HEIGHT
                pygame.draw.circle(screen, (150, 150, 150), (int(rock[0]), int(rock[1])), 26, 2)
            nose = (x + 14 * math.cos(angle), y + 14 * math.sin(angle))
            left = (x + 10 * math.cos(angle + 2.5), y + 10 * math.sin(angle + 2.5))
            right = (x + 10 * math.cos(angle - 2.5), y + 10 * math.sin(angle - 2.5))
            pygame.draw.polygon(screen, (255, 255, 255), [nose, left, right], 2)
        pygame.display.flip()
        clock.tick(60)


if __name__ == "__main__":
    main()
