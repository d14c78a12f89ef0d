"""Tutorial-style snake: paced by pygame.time.delay(), keys read with key.get_pressed(),
the screen refreshed with pygame.display.update().

Controls: arrow keys steer the snake; eat the green squares; hitting yourself restarts.
"""

import random

import pygame

WIDTH, HEIGHT, CELL = 500, 500, 20

pygame.init()
win = pygame.display.set_mode((WIDTH, HEIGHT))
pygame.display.set_caption("Snake")
font = pygame.font.Font(None, 26)


def new_snack(body):
    while True:
        spot = (random.randrange(WIDTH // CELL), random.randrange(2, HEIGHT // CELL))
        if spot not in body:
            return spot


body = [(10, 12), (9, 12), (8, 12)]
direction = (1, 0)
snack = new_snack(body)
best = 0
run = True
while run:
    pygame.time.delay(80)
    for event in pygame.event.get():
        if event.type == pygame.QUIT:
            run = False
    keys = pygame.key.get_pressed()
    if keys[pygame.K_LEFT] and direction != (1, 0):
        direction = (-1, 0)
    elif keys[pygame.K_RIGHT] and direction != (-1, 0):
        direction = (1, 0)
    elif keys[pygame.K_UP] and direction != (0, 1):
        direction = (0, -1)
    elif keys[pygame.K_DOWN] and direction != (0, -1):
        direction = (0, 1)
    head = (
        (body[0][0] + direction[0]) % (WIDTH // CELL),
        2 + (body[0][1] + direction[1] - 2) % (HEIGHT // CELL - 2),
    )
    if head in body:
        best = max(best, len(body) - 3)
        body, direction = [(10, 12), (9, 12), (8, 12)], (1, 0)
        continue
    body.insert(0, head)
    if head == snack:
        snack = new_snack(body)
    else:
        body.pop()
    win.fill((0, 0, 0))
    pygame.draw.rect(win, (40, 40, 40), (0, 0, WIDTH, 2 * CELL))
    for x, y in body:
        pygame.draw.rect(win, (255, 60, 60), (x * CELL + 1, y * CELL + 1, CELL - 2, CELL - 2))
    pygame.draw.rect(win, (60, 220, 60), (snack[0] * CELL, snack[1] * CELL, CELL, CELL))
    text = f"Length {len(body)}  Best {best}   Arrows: steer"
    win.blit(font.render(text, True, (255, 255, 255)), (10, 12))
    pygame.display.update()
pygame.quit()
