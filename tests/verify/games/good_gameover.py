"""Catch: fruit falls; miss three and it is GAME OVER until you restart.

Controls: Left/Right (or A/D) move the basket; Enter or Space restarts after game over.
Left alone, the fruit is missed and the GAME OVER screen stays.
"""

import random

import pygame

WIDTH, HEIGHT = 640, 480
FPS = 60
FALL_SPEED = 7
LIVES = 3


class Fruit:
    def __init__(self):
        side = random.choice((0, 1))
        x = random.randint(30, 180) if side == 0 else random.randint(WIDTH - 180, WIDTH - 30)
        self.rect = pygame.Rect(x, 40, 20, 20)

    def update(self):
        self.rect.y += FALL_SPEED


class Game:
    def __init__(self):
        self.basket = pygame.Rect(WIDTH // 2 - 40, HEIGHT - 30, 80, 16)
        self.fruit = Fruit()
        self.lives, self.score, self.over = LIVES, 0, False

    def update(self, keys):
        direction = (keys[pygame.K_RIGHT] or keys[pygame.K_d]) - (
            keys[pygame.K_LEFT] or keys[pygame.K_a]
        )
        self.basket.x += 8 * direction
        self.basket.clamp_ip(pygame.Rect(0, 0, WIDTH, HEIGHT))
        self.fruit.update()
        if self.fruit.rect.colliderect(self.basket):
            self.score += 1
            self.fruit = Fruit()
        elif self.fruit.rect.top > HEIGHT:
            self.lives -= 1
            self.fruit = Fruit()
            self.over = self.lives <= 0


def main():
    pygame.init()
    screen = pygame.display.set_mode((WIDTH, HEIGHT))
    pygame.display.set_caption("Catch")
    font, big = pygame.font.Font(None, 28), pygame.font.Font(None, 72)
    clock = pygame.time.Clock()
    game = Game()
    running = True
    while running:
        for event in pygame.event.get():
            if event.type == pygame.QUIT:
                running = False
            elif (
                event.type == pygame.KEYDOWN
                and game.over
                and event.key in (pygame.K_RETURN, pygame.K_SPACE)
            ):
                game = Game()
        screen.fill((30, 20, 40))
        if game.over:
            screen.blit(big.render("GAME OVER", True, (255, 80, 80)), (170, 180))
            text = f"Score {game.score}   Enter/Space: play again"
            screen.blit(font.render(text, True, (230, 230, 230)), (180, 250))
        else:
            game.update(pygame.key.get_pressed())
            pygame.draw.rect(screen, (200, 150, 80), game.basket)
            pygame.draw.ellipse(screen, (240, 60, 90), game.fruit.rect)
            text = f"Score {game.score}  Lives {game.lives}   Left/Right: move"
            screen.blit(font.render(text, True, (230, 230, 230)), (10, 10))
        pygame.display.flip()
        clock.tick(FPS)
    pygame.quit()


if __name__ == "__main__":
    main()
