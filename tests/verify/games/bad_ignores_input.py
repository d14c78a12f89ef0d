"""Broken on purpose: a bouncing ball that animates nicely but reacts to no key or click."""

import pygame

WIDTH, HEIGHT = 640, 480


class Ball:
    def __init__(self):
        self.rect = pygame.Rect(100, 100, 30, 30)
        self.vx, self.vy = 5, 3

    def update(self):
        self.rect.move_ip(self.vx, self.vy)
        if self.rect.left < 0 or self.rect.right > WIDTH:
            self.vx = -self.vx
        if self.rect.top < 0 or self.rect.bottom > HEIGHT:
            self.vy = -self.vy


def main():
    pygame.init()
    screen = pygame.display.set_mode((WIDTH, HEIGHT))
    font = pygame.font.Font(None, 28)
    clock = pygame.time.Clock()
    ball, bounces = Ball(), 0
    while True:
        for event in pygame.event.get():
            if event.type == pygame.QUIT:
                return
        ball.update()
        bounces += 1
        screen.fill((30, 30, 60))
        pygame.draw.ellipse(screen, (255, 120, 0), ball.rect)
        screen.blit(font.render(f"Frames {bounces}", True, (255, 255, 255)), (10, 10))
        pygame.display.flip()
        clock.tick(60)


if __name__ == "__main__":
    main()
