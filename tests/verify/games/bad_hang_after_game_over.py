"""Broken on purpose, in a shape models write: the play loop sits inside "while running:"
as "while not game_over:", and R (restart) is only read inside the play loop. Once a
falling block hits the player, the outer loop spins with no event poll, no frame and no
clock: the window hangs at the first game over (within a second and a half when nobody
plays; a player who dodges only delays it).

Fault: a hang after game over, not a game that ignores the player.
"""

import random

import pygame

pygame.init()
WIDTH, HEIGHT = 500, 400
screen = pygame.display.set_mode((WIDTH, HEIGHT))
clock = pygame.time.Clock()
player = pygame.Rect(WIDTH // 2 - 25, HEIGHT - 60, 50, 50)
enemy = pygame.Rect(WIDTH // 2 - 20, 0, 40, 40)
enemy_speed = 5
running, game_over = True, False
while running:
    while not game_over:
        for event in pygame.event.get():
            if event.type == pygame.QUIT:
                running, game_over = False, True
            if event.type == pygame.KEYDOWN and event.key == pygame.K_r:
                enemy.topleft, enemy_speed = (random.randint(0, WIDTH - 40), 0), 5
        keys = pygame.key.get_pressed()
        player.x += 5 * (keys[pygame.K_RIGHT] - keys[pygame.K_LEFT])
        enemy.y += enemy_speed
        if enemy.top > HEIGHT:
            enemy.topleft = (random.randint(0, WIDTH - 40), 0)
            enemy_speed += 1
        if enemy.colliderect(player):
            game_over = True
        screen.fill((255, 255, 255))
        pygame.draw.rect(screen, (0, 0, 0), player)
        pygame.draw.rect(screen, (255, 0, 0), enemy)
        pygame.display.flip()
        clock.tick(60)
pygame.quit()
