"""Pong with a still title screen that asks "1 or 2 players?": only the keys 1 and 2 start
it (Enter and Space do nothing). W/S move the left paddle, Up/Down the right one.

Trait: a start key the old player never pressed (digits); the computer plays the right
paddle in one-player mode.
"""

import pygame

WIDTH, HEIGHT = 640, 480


def main():
    pygame.init()
    screen = pygame.display.set_mode((WIDTH, HEIGHT))
    clock = pygame.time.Clock()
    big, small = pygame.font.Font(None, 64), pygame.font.Font(None, 32)
    players = 0
    left, right = pygame.Rect(20, 200, 10, 80), pygame.Rect(610, 200, 10, 80)
    ball, vel = pygame.Rect(315, 235, 10, 10), [5, 3]
    score = [0, 0]
    while True:
        for event in pygame.event.get():
            if event.type == pygame.QUIT:
                return
            if event.type == pygame.KEYDOWN and players == 0:
                if event.key == pygame.K_1:
                    players = 1
                elif event.key == pygame.K_2:
                    players = 2
        screen.fill((0, 0, 0))
        if players == 0:
            screen.blit(big.render("PONG", True, (255, 255, 255)), (250, 150))
            screen.blit(small.render("Press 1 or 2 for players", True, (180, 180, 180)), (190, 260))
            pygame.display.flip()
            clock.tick(30)
            continue
        keys = pygame.key.get_pressed()
        left.y += 6 * (keys[pygame.K_s] - keys[pygame.K_w])
        if players == 2:
            right.y += 6 * (keys[pygame.K_DOWN] - keys[pygame.K_UP])
        else:
            right.y += max(-4, min(4, ball.centery - right.centery))
        left.clamp_ip(screen.get_rect())
        right.clamp_ip(screen.get_rect())
        ball.move_ip(vel)
        if ball.top <= 0 or ball.bottom >= HEIGHT:
            vel[1] = -vel[1]
        if ball.colliderect(left) or ball.colliderect(right):
            vel[0] = -vel[0]
        if ball.left < 0 or ball.right > WIDTH:
            score[ball.left < 0] += 1
            ball.center, vel = (320, 240), [-vel[0], vel[1]]
        pygame.draw.rect(screen, (255, 255, 255), left)
        pygame.draw.rect(screen, (255, 255, 255), right)
        pygame.draw.ellipse(screen, (255, 255, 255), ball)
        screen.blit(small.render(f"{score[0]}   {score[1]}", True, (255, 255, 255)), (290, 10))
        pygame.display.flip()
        clock.tick(60)


if __name__ == "__main__":
    main()
