"""Grid Painter played on the numeric keypad: a dict maps K_KP8/K_KP2/K_KP4/K_KP6 to moves,
K_KP5 paints the cell. No arrow key does anything.

Trait: a key-to-direction dict (KEYMAP.get(event.key)); keypad keys only.
"""

import pygame

SIZE, CELL = 12, 36
KEYMAP = {
    pygame.K_KP8: (0, -1),
    pygame.K_KP2: (0, 1),
    pygame.K_KP4: (-1, 0),
    pygame.K_KP6: (1, 0),
}
COLORS = [(30, 30, 30), (220, 80, 80), (80, 200, 90), (80, 120, 230)]


def main():
    pygame.init()
    screen = pygame.display.set_mode((SIZE * CELL, SIZE * CELL))
    clock = pygame.time.Clock()
    grid = [[0] * SIZE for _ in range(SIZE)]
    cx, cy = SIZE // 2, SIZE // 2
    while True:
        for event in pygame.event.get():
            if event.type == pygame.QUIT:
                return
            if event.type == pygame.KEYDOWN:
                move = KEYMAP.get(event.key)
                if move:
                    cx = (cx + move[0]) % SIZE
                    cy = (cy + move[1]) % SIZE
                elif event.key == pygame.K_KP5:
                    grid[cy][cx] = (grid[cy][cx] + 1) % len(COLORS)
        for y in range(SIZE):
            for x in range(SIZE):
                pygame.draw.rect(screen, COLORS[grid[y][x]], (x * CELL, y * CELL, CELL - 1, CELL - 1))
        pygame.draw.rect(screen, (255, 255, 255), (cx * CELL, cy * CELL, CELL, CELL), 3)
        pygame.display.flip()
        clock.tick(30)


if __name__ == "__main__":
    main()
