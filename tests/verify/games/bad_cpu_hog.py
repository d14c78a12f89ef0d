"""Playable but wasteful: the loop never ticks a clock nor sleeps, it only flips.

Controls: Left/Right (or a click) move the paddle; Space/Enter nudge the ball sideways.
"""

import pygame

WIDTH, HEIGHT = 640, 480


def main():
    pygame.init()
    screen = pygame.display.set_mode((WIDTH, HEIGHT))
    font = pygame.font.Font(None, 28)
    paddle = pygame.Rect(WIDTH // 2 - 50, HEIGHT - 30, 100, 12)
    ball = pygame.Rect(WIDTH // 2, 100, 14, 14)
    vx, vy, direction, hits = 3, 3, 0, 0
    while True:
        for event in pygame.event.get():
            if event.type == pygame.QUIT:
                return
            if event.type == pygame.KEYDOWN and event.key == pygame.K_LEFT:
                direction = -1
            elif event.type == pygame.KEYDOWN and event.key == pygame.K_RIGHT:
                direction = 1
            elif event.type == pygame.KEYUP:
                direction = 0
            elif event.type == pygame.MOUSEBUTTONDOWN:
                paddle.centerx = event.pos[0]
            if event.type == pygame.KEYDOWN and event.key in (pygame.K_SPACE, pygame.K_RETURN):
                vx = -vx  # a nudge
        paddle.x += 6 * direction
        paddle.clamp_ip(screen.get_rect())
        ball.move_ip(vx, vy)
        if ball.left < 0 or ball.right > WIDTH:
            vx = -vx
        if ball.top < 40:
            vy = abs(vy)
        if ball.colliderect(paddle) and vy > 0:
            vy, hits = -vy, hits + 1
        if ball.top > HEIGHT:
            ball.topleft = (WIDTH // 2, 100)
        screen.fill((20, 40, 40))
        pygame.draw.rect(screen, (240, 240, 240), paddle)
        pygame.draw.ellipse(screen, (255, 90, 90), ball)
        text = f"Hits {hits}   Left/Right: paddle"
        screen.blit(font.render(text, True, (240, 240, 240)), (10, 10))
        pygame.display.flip()  # no clock.tick(): a busy loop


if __name__ == "__main__":
    main()
