"""Frog Crossing: a car reaches the frog within a second if it stays put; on a hit the game
holds the picture with time.sleep(1.5) (seconds, as meant) and starts over by itself.

Trait: ends fast, then a short blocking pause in a real unit (not a stall); Up/Down/Left/
Right hop, one hop per key press.
"""

import time

import pygame

WIDTH, HEIGHT, CELL = 400, 440, 40


def main():
    pygame.init()
    screen = pygame.display.set_mode((WIDTH, HEIGHT))
    clock = pygame.time.Clock()
    font = pygame.font.Font(None, 36)
    frog = [5, 9]
    cars = [[8.0, 9, 5], [0.0, 7, -4], [3.0, 5, 6], [6.0, 3, -3]]
    crossings = 0
    while True:
        for event in pygame.event.get():
            if event.type == pygame.QUIT:
                return
            if event.type == pygame.KEYDOWN:
                dx, dy = {pygame.K_UP: (0, -1), pygame.K_DOWN: (0, 1), pygame.K_LEFT: (-1, 0), pygame.K_RIGHT: (1, 0)}.get(event.key, (0, 0))
                frog = [max(0, min(9, frog[0] + dx)), max(0, min(10, frog[1] + dy))]
        for car in cars:
            car[0] = (car[0] + car[2] / CELL) % 10
        if frog[1] == 0:
            crossings += 1
            frog = [5, 9]
        screen.fill((30, 120, 40))
        for lane in range(1, 10):
            pygame.draw.rect(screen, (60, 60, 60), (0, lane * CELL, WIDTH, CELL - 2))
        for car in cars:
            pygame.draw.rect(screen, (220, 50, 50), (int(car[0] * CELL), car[1] * CELL + 5, 60, 30))
        pygame.draw.circle(screen, (120, 255, 120), (frog[0] * CELL + 20, frog[1] * CELL + 20), 15)
        screen.blit(font.render(str(crossings), True, (255, 255, 255)), (5, 5))
        hit = any(car[1] == frog[1] and abs(car[0] * CELL + 30 - (frog[0] * CELL + 20)) < 45 for car in cars)
        if hit:
            screen.blit(font.render("SPLAT", True, (255, 255, 0)), (160, 200))
        pygame.display.flip()
        if hit:
            time.sleep(1.5)
            frog = [5, 9]
        clock.tick(60)


if __name__ == "__main__":
    main()
