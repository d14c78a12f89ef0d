"""Worm: the game loop runs at module top level (no main function).

Controls: arrow keys or WASD steer the worm; eat the red food.
"""

import random

import pygame

WIDTH, HEIGHT, CELL, FPS = 640, 480, 16, 30

pygame.init()
screen = pygame.display.set_mode((WIDTH, HEIGHT))
pygame.display.set_caption("Worm")
font = pygame.font.Font(None, 28)
clock = pygame.time.Clock()
cols, rows = WIDTH // CELL, HEIGHT // CELL
body = [(cols // 2, rows // 2)]
direction = (1, 0)
food = (random.randrange(cols), random.randrange(3, rows))
steer = {
    pygame.K_UP: (0, -1),
    pygame.K_w: (0, -1),
    pygame.K_DOWN: (0, 1),
    pygame.K_s: (0, 1),
    pygame.K_LEFT: (-1, 0),
    pygame.K_a: (-1, 0),
    pygame.K_RIGHT: (1, 0),
    pygame.K_d: (1, 0),
}
score = 0
running = True
frame = 0
while running:
    for event in pygame.event.get():
        if event.type == pygame.QUIT:
            running = False
        elif event.type == pygame.KEYDOWN and event.key in steer:
            direction = steer[event.key]
    frame += 1
    if frame % 3 == 0:
        head = ((body[0][0] + direction[0]) % cols, (body[0][1] + direction[1]) % rows)
        body.insert(0, head)
        if head == food:
            score += 1
            food = (random.randrange(cols), random.randrange(3, rows))
        elif len(body) > 6 + score:
            body.pop()
    screen.fill((25, 35, 25))
    pygame.draw.rect(screen, (220, 60, 60), (food[0] * CELL, food[1] * CELL, CELL, CELL))
    for x, y in body:
        pygame.draw.rect(screen, (120, 230, 120), (x * CELL, y * CELL, CELL - 1, CELL - 1))
    screen.blit(font.render(f"Food {score}   Arrows/WASD: steer", True, (240, 240, 240)), (10, 8))
    pygame.display.flip()
    clock.tick(FPS)
pygame.quit()
