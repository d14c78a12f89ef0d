"""Brick Breaker that is over within a second when nobody plays: the ball is served
straight down past the paddle, and the GAME OVER screen then waits, still, for R.

Trait: starts at once and ends fast (no title screen, no grace period); restarts only on R
(a key the old player never pressed); paddle read through key.get_pressed.
"""

import pygame

pygame.init()
WIDTH, HEIGHT = 480, 360
screen = pygame.display.set_mode((WIDTH, HEIGHT))
pygame.display.set_caption("Brick Breaker")
clock = pygame.time.Clock()
font = pygame.font.Font(None, 36)


def new_game():
    bricks = [pygame.Rect(8 + c * 59, 30 + r * 22, 55, 18) for r in range(4) for c in range(8)]
    paddle = pygame.Rect(WIDTH // 2 - 40, HEIGHT - 24, 80, 10)
    ball = pygame.Rect(WIDTH // 2 + 60, HEIGHT // 2, 10, 10)
    return bricks, paddle, ball, [0, 6], False


bricks, paddle, ball, speed, over = new_game()
score = 0
running = True
while running:
    for event in pygame.event.get():
        if event.type == pygame.QUIT:
            running = False
        if event.type == pygame.KEYDOWN and event.key == pygame.K_r and over:
            bricks, paddle, ball, speed, over = new_game()
            score = 0
    if not over:
        keys = pygame.key.get_pressed()
        if keys[pygame.K_LEFT]:
            paddle.x = max(0, paddle.x - 9)
        if keys[pygame.K_RIGHT]:
            paddle.x = min(WIDTH - paddle.width, paddle.x + 9)
        ball.x += speed[0]
        ball.y += speed[1]
        if ball.left <= 0 or ball.right >= WIDTH:
            speed[0] = -speed[0]
        if ball.top <= 0:
            speed[1] = abs(speed[1])
        if ball.colliderect(paddle) and speed[1] > 0:
            speed[1] = -speed[1]
            speed[0] = (ball.centerx - paddle.centerx) // 6
        hit = ball.collidelist(bricks)
        if hit >= 0:
            bricks.pop(hit)
            speed[1] = -speed[1]
            score += 10
        if ball.top > HEIGHT:
            over = True
    screen.fill((15, 15, 35))
    for brick in bricks:
        pygame.draw.rect(screen, (220, 120, 60), brick)
    pygame.draw.rect(screen, (230, 230, 230), paddle)
    pygame.draw.ellipse(screen, (255, 255, 90), ball)
    screen.blit(font.render(f"Score: {score}", True, (200, 200, 200)), (8, 4))
    if over:
        screen.blit(font.render("GAME OVER - press R to restart", True, (255, 80, 80)), (40, 170))
    pygame.display.flip()
    clock.tick(60)
pygame.quit()
