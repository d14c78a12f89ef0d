"""Catch the eggs: one egg is about to land when the game opens. After a miss it asks
"Play again? (Y/N)": Y starts again, N quits the program.

Trait: ends fast; restart on Y; N is bound to quitting (sys.exit), so a player must not
press it; the basket follows Left/Right held.
"""

import sys

import pygame

WIDTH, HEIGHT = 500, 400
pygame.init()
screen = pygame.display.set_mode((WIDTH, HEIGHT))
clock = pygame.time.Clock()
font = pygame.font.SysFont(None, 36)


def play():
    basket = pygame.Rect(60, HEIGHT - 30, 70, 16)
    egg = pygame.Rect(WIDTH - 120, 250, 16, 20)
    caught = 0
    while True:
        for event in pygame.event.get():
            if event.type == pygame.QUIT:
                pygame.quit()
                sys.exit()
        keys = pygame.key.get_pressed()
        if keys[pygame.K_LEFT]:
            basket.x -= 8
        if keys[pygame.K_RIGHT]:
            basket.x += 8
        basket.clamp_ip(screen.get_rect())
        egg.y += 5
        if egg.colliderect(basket):
            caught += 1
            egg.topleft = ((egg.x * 13 + 70) % (WIDTH - 20), 0)
        elif egg.top > HEIGHT:
            return caught
        screen.fill((250, 240, 200))
        pygame.draw.rect(screen, (140, 90, 40), basket)
        pygame.draw.ellipse(screen, (255, 255, 255), egg)
        pygame.draw.ellipse(screen, (0, 0, 0), egg, 1)
        screen.blit(font.render(str(caught), True, (0, 0, 0)), (10, 10))
        pygame.display.flip()
        clock.tick(60)


def ask_again(caught):
    screen.fill((250, 240, 200))
    screen.blit(font.render(f"Caught {caught}. Play again? (Y/N)", True, (0, 0, 0)), (60, 180))
    pygame.display.flip()
    while True:
        for event in pygame.event.get():
            if event.type == pygame.QUIT:
                pygame.quit()
                sys.exit()
            if event.type == pygame.KEYDOWN:
                if event.key == pygame.K_y:
                    return
                if event.key == pygame.K_n:
                    pygame.quit()
                    sys.exit()
        clock.tick(30)


while True:
    ask_again(play())
