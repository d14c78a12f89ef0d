"""Paddle Rally behind a title screen: nothing moves until Enter is pressed.

Controls: Enter starts; Left/Right move the paddle; keep the ball in play.
"""

import pygame

WIDTH, HEIGHT = 640, 480
FPS = 60


class Ball:
    def __init__(self):
        self.rect = pygame.Rect(WIDTH // 2, HEIGHT // 3, 14, 14)
        self.vx, self.vy = 4, 4

    def update(self, paddle):
        self.rect.move_ip(self.vx, self.vy)
        if self.rect.left <= 0 or self.rect.right >= WIDTH:
            self.vx = -self.vx
        if self.rect.top <= 40:
            self.vy = abs(self.vy)
        if self.rect.colliderect(paddle) and self.vy > 0:
            self.vy = -self.vy
            return 1
        if self.rect.top > HEIGHT:
            self.rect.center = (WIDTH // 2, HEIGHT // 3)
            return -1
        return 0


def main():
    pygame.init()
    screen = pygame.display.set_mode((WIDTH, HEIGHT))
    pygame.display.set_caption("Paddle Rally")
    big, font = pygame.font.Font(None, 64), pygame.font.Font(None, 28)
    clock = pygame.time.Clock()
    playing = False
    paddle = pygame.Rect(WIDTH // 2 - 50, HEIGHT - 30, 100, 12)
    ball = Ball()
    score = 0
    running = True
    while running:
        for event in pygame.event.get():
            if event.type == pygame.QUIT:
                running = False
            elif event.type == pygame.KEYDOWN and event.key == pygame.K_RETURN:
                playing = True
        screen.fill((15, 15, 35))
        if not playing:
            screen.blit(big.render("PADDLE RALLY", True, (255, 220, 90)), (150, 170))
            screen.blit(font.render("Press ENTER to start", True, (220, 220, 220)), (215, 250))
        else:
            keys = pygame.key.get_pressed()
            paddle.x += 7 * (keys[pygame.K_RIGHT] - keys[pygame.K_LEFT])
            paddle.clamp_ip(screen.get_rect())
            score = max(0, score + ball.update(paddle))
            pygame.draw.rect(screen, (90, 200, 120), paddle)
            pygame.draw.ellipse(screen, (250, 250, 250), ball.rect)
            text = f"Score {score}   Left/Right: paddle"
            screen.blit(font.render(text, True, (230, 230, 230)), (10, 10))
        pygame.display.flip()
        clock.tick(FPS)
    pygame.quit()


if __name__ == "__main__":
    main()
