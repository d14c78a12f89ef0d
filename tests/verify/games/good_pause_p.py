"""Falling Blocks with a pause key: P freezes the game on a still "PAUSED" screen until P is
pressed again. Left/Right move the block, Down drops it faster.

Trait: a key that stills the screen (the player must press it again to go on).
"""

import pygame

COLS, ROWS, CELL = 10, 16, 26


def main():
    pygame.init()
    screen = pygame.display.set_mode((COLS * CELL, ROWS * CELL))
    clock = pygame.time.Clock()
    font = pygame.font.Font(None, 40)
    board = [[0] * COLS for _ in range(ROWS)]
    bx, by, paused, fall = COLS // 2, 0, False, 0
    while True:
        for event in pygame.event.get():
            if event.type == pygame.QUIT:
                return
            if event.type == pygame.KEYDOWN:
                if event.key == pygame.K_p:
                    paused = not paused
                elif not paused and event.key == pygame.K_LEFT and bx > 0 and not board[by][bx - 1]:
                    bx -= 1
                elif not paused and event.key == pygame.K_RIGHT and bx < COLS - 1 and not board[by][bx + 1]:
                    bx += 1
        if not paused:
            fast = pygame.key.get_pressed()[pygame.K_DOWN]
            fall += 4 if fast else 1
            if fall >= 12:
                fall = 0
                if by + 1 < ROWS and not board[by + 1][bx]:
                    by += 1
                else:
                    board[by][bx] = 1
                    if by == 0:
                        board = [[0] * COLS for _ in range(ROWS)]
                    bx, by = COLS // 2, 0
        screen.fill((15, 15, 25))
        for y in range(ROWS):
            for x in range(COLS):
                if board[y][x]:
                    pygame.draw.rect(screen, (90, 160, 240), (x * CELL, y * CELL, CELL - 1, CELL - 1))
        pygame.draw.rect(screen, (240, 160, 60), (bx * CELL, by * CELL, CELL - 1, CELL - 1))
        if paused:
            screen.blit(font.render("PAUSED", True, (255, 255, 255)), (75, 190))
        pygame.display.flip()
        clock.tick(60)


if __name__ == "__main__":
    main()
