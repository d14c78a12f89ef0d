"""Keep-Up: the paddle follows the mouse, read by polling pygame.mouse.get_pos().

Controls: move the mouse left and right to keep the ball up; sprites in a Group.
"""

import pygame

WIDTH, HEIGHT = 640, 480
FPS = 60


class Paddle(pygame.sprite.Sprite):
    def __init__(self):
        super().__init__()
        self.image = pygame.Surface((110, 14))
        self.image.fill((120, 230, 140))
        self.rect = self.image.get_rect(midbottom=(WIDTH // 2, HEIGHT - 12))

    def update(self):
        self.rect.centerx = pygame.mouse.get_pos()[0]
        self.rect.clamp_ip(pygame.Rect(0, 0, WIDTH, HEIGHT))


class Ball(pygame.sprite.Sprite):
    def __init__(self):
        super().__init__()
        self.image = pygame.Surface((16, 16), pygame.SRCALPHA)
        pygame.draw.circle(self.image, (255, 240, 120), (8, 8), 8)
        self.rect = self.image.get_rect(center=(WIDTH // 3, 80))
        self.vx, self.vy = 4, 3

    def update(self):
        self.rect.move_ip(self.vx, self.vy)
        if self.rect.left < 0 or self.rect.right > WIDTH:
            self.vx = -self.vx
        if self.rect.top < 40:
            self.vy = abs(self.vy)
        if self.rect.top > HEIGHT:
            self.rect.center = (WIDTH // 3, 80)


def main():
    pygame.init()
    screen = pygame.display.set_mode((WIDTH, HEIGHT))
    pygame.display.set_caption("Keep-Up")
    font = pygame.font.Font(None, 28)
    clock = pygame.time.Clock()
    paddle, ball = Paddle(), Ball()
    sprites = pygame.sprite.Group(paddle, ball)
    bounces = 0
    running = True
    while running:
        for event in pygame.event.get():
            if event.type == pygame.QUIT:
                running = False
        sprites.update()
        if ball.rect.colliderect(paddle.rect) and ball.vy > 0:
            ball.vy = -ball.vy
            bounces += 1
        screen.fill((30, 20, 50))
        sprites.draw(screen)
        text = f"Bounces {bounces}   Mouse: move the paddle"
        screen.blit(font.render(text, True, (240, 240, 240)), (10, 10))
        pygame.display.flip()
        clock.tick(FPS)
    pygame.quit()


if __name__ == "__main__":
    main()
