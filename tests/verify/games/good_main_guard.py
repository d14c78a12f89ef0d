"""Pong against the computer, with main() under a __main__ guard.

Controls: Up/Down or W/S move your paddle (left); first to 5 wins, then it starts over.
"""

import pygame

WIDTH, HEIGHT = 640, 480
FPS = 60
PADDLE_SPEED = 6


class Paddle:
    def __init__(self, x):
        self.rect = pygame.Rect(x, HEIGHT // 2 - 40, 12, 80)
        self.velocity = 0

    def update(self):
        self.rect.y += self.velocity
        self.rect.clamp_ip(pygame.Rect(0, 40, WIDTH, HEIGHT - 40))


class Ball:
    def __init__(self):
        self.rect = pygame.Rect(0, 0, 12, 12)
        self.serve(1)

    def serve(self, direction):
        self.rect.center = (WIDTH // 2, HEIGHT // 2)
        self.vx, self.vy = 5 * direction, 3

    def update(self, paddles):
        self.rect.move_ip(self.vx, self.vy)
        if self.rect.top <= 40 or self.rect.bottom >= HEIGHT:
            self.vy = -self.vy
        for paddle in paddles:
            if self.rect.colliderect(paddle.rect):
                self.vx = -self.vx
                self.rect.x += self.vx


def main():
    pygame.init()
    screen = pygame.display.set_mode((WIDTH, HEIGHT))
    pygame.display.set_caption("Pong")
    font = pygame.font.Font(None, 32)
    clock = pygame.time.Clock()
    player, cpu, ball = Paddle(20), Paddle(WIDTH - 32), Ball()
    scores = [0, 0]
    up_keys, down_keys = (pygame.K_UP, pygame.K_w), (pygame.K_DOWN, pygame.K_s)
    running = True
    while running:
        for event in pygame.event.get():
            if event.type == pygame.QUIT:
                running = False
            elif event.type == pygame.KEYDOWN and event.key in up_keys:
                player.velocity = -PADDLE_SPEED
            elif event.type == pygame.KEYDOWN and event.key in down_keys:
                player.velocity = PADDLE_SPEED
            elif event.type == pygame.KEYUP and event.key in up_keys + down_keys:
                player.velocity = 0
        cpu.velocity = 4 if ball.rect.centery > cpu.rect.centery else -4
        player.update()
        cpu.update()
        ball.update((player, cpu))
        if ball.rect.right < 0:
            scores[1] += 1
            ball.serve(1)
        elif ball.rect.left > WIDTH:
            scores[0] += 1
            ball.serve(-1)
        if max(scores) >= 5:
            scores = [0, 0]
        screen.fill((0, 0, 0))
        pygame.draw.line(screen, (90, 90, 90), (WIDTH // 2, 40), (WIDTH // 2, HEIGHT), 2)
        for paddle in (player, cpu):
            pygame.draw.rect(screen, (240, 240, 240), paddle.rect)
        pygame.draw.rect(screen, (255, 200, 0), ball.rect)
        text = f"You {scores[0]} : {scores[1]} CPU    Up/Down or W/S"
        screen.blit(font.render(text, True, (240, 240, 240)), (10, 10))
        pygame.display.flip()
        clock.tick(FPS)
    pygame.quit()


if __name__ == "__main__":
    main()
