"""Maze Walker with IJKL controls dispatched by a match statement (case pygame.K_i: ...);
X is bound to quitting in the same match.

Trait: match/case key dispatch; movement keys the old player never pressed; a quit key the
player must leave alone.
"""

import pygame

CELL, COLS, ROWS = 32, 15, 11
MAZE = [
    "###############",
    "#.....#.......#",
    "#.###.#.#####.#",
    "#.#.....#...#.#",
    "#.#.#####.#.#.#",
    "#...#.....#...#",
    "###.#.#######.#",
    "#...#.#.....#.#",
    "#.###.#.###.#.#",
    "#.....#...#...#",
    "###############",
]


def main():
    pygame.init()
    screen = pygame.display.set_mode((COLS * CELL, ROWS * CELL))
    clock = pygame.time.Clock()
    px, py, steps, running = 1, 1, 0, True
    while running:
        for event in pygame.event.get():
            if event.type == pygame.QUIT:
                running = False
            elif event.type == pygame.KEYDOWN:
                dx, dy = 0, 0
                match event.key:
                    case pygame.K_i:
                        dy = -1
                    case pygame.K_k:
                        dy = 1
                    case pygame.K_j:
                        dx = -1
                    case pygame.K_l:
                        dx = 1
                    case pygame.K_x:
                        running = False
                if MAZE[py + dy][px + dx] != "#":
                    px, py, steps = px + dx, py + dy, steps + 1
        screen.fill((20, 20, 20))
        for y, row in enumerate(MAZE):
            for x, cell in enumerate(row):
                if cell == "#":
                    pygame.draw.rect(screen, (70, 70, 150), (x * CELL, y * CELL, CELL, CELL))
        pygame.draw.circle(screen, (255, 200, 0), (px * CELL + 16, py * CELL + 16), 12)
        pygame.display.set_caption(f"steps {steps}")
        pygame.display.flip()
        clock.tick(30)
    pygame.quit()


if __name__ == "__main__":
    main()
