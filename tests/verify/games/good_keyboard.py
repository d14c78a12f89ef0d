"""Coin Grab: a keyboard-only game.

Controls: arrow keys move the block one step; touch the pulsing coin to score.
"""

import random

import pygame

WIDTH, HEIGHT = 640, 480
STEP = 20
FPS = 60


class Block:
    def __init__(self):
        self.rect = pygame.Rect(WIDTH // 2, HEIGHT // 2, STEP, STEP)

    def move(self, dx, dy):
        self.rect.x = max(0, min(WIDTH - STEP, self.rect.x + dx * STEP))
        self.rect.y = max(40, min(HEIGHT - STEP, self.rect.y + dy * STEP))


class Coin:
    def __init__(self):
        self.pos = (0, 0)
        self.respawn()

    def respawn(self):
        self.pos = (
            random.randrange(1, WIDTH // STEP - 1) * STEP,
            random.randrange(3, HEIGHT // STEP - 1) * STEP,
        )


def main():
    pygame.init()
    screen = pygame.display.set_mode((WIDTH, HEIGHT))
    pygame.display.set_caption("Coin Grab")
    font = pygame.font.Font(None, 28)
    clock = pygame.time.Clock()
    block, coin = Block(), Coin()
    score, frame = 0, 0
    moves = {
        pygame.K_LEFT: (-1, 0),
        pygame.K_RIGHT: (1, 0),
        pygame.K_UP: (0, -1),
        pygame.K_DOWN: (0, 1),
    }
    running = True
    while running:
        for event in pygame.event.get():
            if event.type == pygame.QUIT:
                running = False
            elif event.type == pygame.KEYDOWN and event.key in moves:
                block.move(*moves[event.key])
        coin_rect = pygame.Rect(coin.pos, (STEP, STEP))
        if block.rect.colliderect(coin_rect):
            score += 1
            coin.respawn()
        frame += 1
        screen.fill((20, 24, 40))
        radius = 6 + (frame // 6) % 5
        pygame.draw.circle(screen, (250, 210, 40), coin_rect.center, radius)
        pygame.draw.rect(screen, (80, 200, 255), block.rect)
        screen.blit(font.render(f"Score {score}   Arrows: move", True, (230, 230, 230)), (10, 10))
        pygame.display.flip()
        clock.tick(FPS)
    pygame.quit()


if __name__ == "__main__":
    main()
