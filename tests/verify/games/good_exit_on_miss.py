"""Squash: one racket, one ball. Miss the ball and the program ends (pygame.quit(); sys.exit()),
which happens about a second in when nobody plays.

Trait: exits the process on game over; racket moves a step per KEYDOWN (Left/Right).
"""

import random
import sys

import pygame
from pygame.locals import K_LEFT, K_RIGHT, KEYDOWN, QUIT, Rect


def fine():
    pygame.quit()
    sys.exit()


pygame.init()
WIDTH, HEIGHT = 640, 480
surface = pygame.display.set_mode((WIDTH, HEIGHT))
pygame.display.set_caption("Squash")
clock = pygame.time.Clock()
FPS = 30
racket = Rect(WIDTH // 2 - 40, HEIGHT - 50, 80, 10)
x, y = random.randint(200, 440), 300
dx, dy = random.choice((-6, 6)), 8
point = 0

while True:
    for event in pygame.event.get():
        if event.type == QUIT:
            fine()
        elif event.type == KEYDOWN:
            if event.key == K_RIGHT and racket.right < WIDTH:
                racket.centerx += 30
            if event.key == K_LEFT and racket.left > 0:
                racket.centerx -= 30
    ball = Rect(x - 10, y - 10, 20, 20)
    if racket.colliderect(ball) and dy > 0:
        point += 10
        dy = -dy
    if y < 10:
        dy = -dy
    if x >= WIDTH - 10 or x < 10:
        dx = -dx
    if y >= HEIGHT:
        fine()
    x += dx
    y += dy
    surface.fill((250, 250, 250))
    pygame.draw.rect(surface, (0, 150, 0), racket)
    pygame.draw.circle(surface, (220, 0, 0), (x, y), 10)
    pygame.display.set_caption(f"Squash POINT={point}")
    pygame.display.update()
    clock.tick(FPS)
