"""Treasure Steps: a turn-based game that blocks in pygame.event.wait() between moves.

Controls: arrow keys or WASD take one step; reach the gold square. Nothing happens until
you press a key.
"""

import pygame

WIDTH, HEIGHT, CELL = 640, 480, 40
COLS, ROWS = WIDTH // CELL, HEIGHT // CELL
STEPS = {
    pygame.K_UP: (0, -1),
    pygame.K_w: (0, -1),
    pygame.K_DOWN: (0, 1),
    pygame.K_s: (0, 1),
    pygame.K_LEFT: (-1, 0),
    pygame.K_a: (-1, 0),
    pygame.K_RIGHT: (1, 0),
    pygame.K_d: (1, 0),
}


class Board:
    def __init__(self):
        self.player = [1, 2]
        self.gold = [COLS - 2, ROWS - 2]
        self.moves, self.found = 0, 0

    def step(self, dx, dy):
        self.player[0] = max(0, min(COLS - 1, self.player[0] + dx))
        self.player[1] = max(1, min(ROWS - 1, self.player[1] + dy))
        self.moves += 1
        if self.player == self.gold:
            self.found += 1
            self.gold = [(self.gold[0] * 7 + 3) % COLS, 1 + (self.gold[1] * 5 + 2) % (ROWS - 1)]

    def draw(self, screen, font):
        screen.fill((35, 30, 25))
        for x in range(COLS):
            for y in range(1, ROWS):
                pygame.draw.rect(screen, (60, 55, 45), (x * CELL, y * CELL, CELL - 2, CELL - 2))
        gold = (self.gold[0] * CELL, self.gold[1] * CELL, CELL - 2, CELL - 2)
        pygame.draw.rect(screen, (250, 200, 40), gold)
        pygame.draw.rect(
            screen, (90, 180, 250), (*[v * CELL + 6 for v in self.player], CELL - 14, CELL - 14)
        )
        text = f"Gold {self.found}  Moves {self.moves}   Arrows/WASD: step"
        screen.blit(font.render(text, True, (240, 240, 240)), (10, 10))


def main():
    pygame.init()
    screen = pygame.display.set_mode((WIDTH, HEIGHT))
    pygame.display.set_caption("Treasure Steps")
    font = pygame.font.Font(None, 28)
    board = Board()
    board.draw(screen, font)
    pygame.display.flip()
    while True:
        event = pygame.event.wait()
        if event.type == pygame.QUIT:
            break
        if event.type == pygame.KEYDOWN and event.key in STEPS:
            board.step(*STEPS[event.key])
            board.draw(screen, font)
            pygame.display.flip()
    pygame.quit()


if __name__ == "__main__":
    main()
