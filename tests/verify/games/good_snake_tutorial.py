"""Snake in the tutorial shape: the snake is already moving right and hits the wall in about a
second; a lost screen then loops on its own, waiting for C (play again) or Q (quit), and C
starts a new game by calling the game loop again (recursion).

Trait: starts at once, ends fast; restart key C; nested game-over loop; display.update.
"""

import random

import pygame

pygame.init()
DIS_W, DIS_H = 600, 400
dis = pygame.display.set_mode((DIS_W, DIS_H))
pygame.display.set_caption("Snake")
clock = pygame.time.Clock()
BLOCK = 10
SPEED = 20
font_style = pygame.font.SysFont(None, 30)


def message(msg, color):
    dis.blit(font_style.render(msg, True, color), [DIS_W / 8, DIS_H / 3])


def game_loop():
    game_over = False
    game_close = False
    x1, y1 = 400, 200
    x1_change, y1_change = BLOCK, 0
    snake_list = []
    length = 1
    foodx = round(random.randrange(0, DIS_W - BLOCK) / 10.0) * 10.0
    foody = round(random.randrange(0, DIS_H - BLOCK) / 10.0) * 10.0
    while not game_over:
        while game_close:
            dis.fill((40, 40, 120))
            message("You Lost! Press C-Play Again or Q-Quit", (230, 60, 60))
            pygame.display.update()
            for event in pygame.event.get():
                if event.type == pygame.KEYDOWN:
                    if event.key == pygame.K_q:
                        game_over = True
                        game_close = False
                    if event.key == pygame.K_c:
                        game_loop()
                        return
            clock.tick(15)
        for event in pygame.event.get():
            if event.type == pygame.QUIT:
                game_over = True
            if event.type == pygame.KEYDOWN:
                if event.key == pygame.K_LEFT:
                    x1_change, y1_change = -BLOCK, 0
                elif event.key == pygame.K_RIGHT:
                    x1_change, y1_change = BLOCK, 0
                elif event.key == pygame.K_UP:
                    x1_change, y1_change = 0, -BLOCK
                elif event.key == pygame.K_DOWN:
                    x1_change, y1_change = 0, BLOCK
        if x1 >= DIS_W or x1 < 0 or y1 >= DIS_H or y1 < 0:
            game_close = True
        x1 += x1_change
        y1 += y1_change
        dis.fill((40, 40, 120))
        pygame.draw.rect(dis, (0, 255, 0), [foodx, foody, BLOCK, BLOCK])
        snake_list.append([x1, y1])
        if len(snake_list) > length:
            del snake_list[0]
        for part in snake_list:
            pygame.draw.rect(dis, (0, 0, 0), [part[0], part[1], BLOCK, BLOCK])
        pygame.display.update()
        if x1 == foodx and y1 == foody:
            foodx = round(random.randrange(0, DIS_W - BLOCK) / 10.0) * 10.0
            foody = round(random.randrange(0, DIS_H - BLOCK) / 10.0) * 10.0
            length += 1
        clock.tick(SPEED)
    pygame.quit()
    quit()


game_loop()
