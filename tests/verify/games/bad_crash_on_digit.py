"""Broken on purpose: Hot Seat Chess-clock asks "how many players? (1-4)" on a still screen
and indexes a three-name table with the digit: 4 raises IndexError, and 2 or 3 start the
clocks. Arrows and Enter do nothing at all.

Fault: a crash on a key only the game names (the digit 4), behind a still start screen.
"""

import pygame

NAMES = ["Red", "Green", "Blue"]


def main():
    pygame.init()
    screen = pygame.display.set_mode((400, 300))
    clock = pygame.time.Clock()
    font = pygame.font.Font(None, 36)
    players, turn, ticks = [], 0, 0
    while True:
        for event in pygame.event.get():
            if event.type == pygame.QUIT:
                return
            if event.type == pygame.KEYDOWN and event.key in (pygame.K_1, pygame.K_2, pygame.K_3, pygame.K_4):
                count = event.key - pygame.K_0
                players = [NAMES[i] for i in range(count)]
        screen.fill((20, 20, 20))
        if not players:
            screen.blit(font.render("How many players? (1-4)", True, (255, 255, 255)), (40, 130))
        else:
            ticks += 1
            if ticks % 120 == 0:
                turn = (turn + 1) % len(players)
            screen.blit(font.render(f"{players[turn]}: {ticks // 60}s", True, (255, 255, 0)), (120, 130))
        pygame.display.flip()
        clock.tick(60)


if __name__ == "__main__":
    main()
