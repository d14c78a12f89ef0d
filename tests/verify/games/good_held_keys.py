"""Star Cruiser: held-key movement read through pygame.key.get_pressed.

Controls: hold arrows or WASD to fly the ship through the scrolling stars.
"""

import pygame

WIDTH, HEIGHT = 640, 480
FPS = 60
SPEED = 5


class Ship:
    def __init__(self):
        self.rect = pygame.Rect(WIDTH // 2 - 15, HEIGHT - 80, 30, 30)

    def update(self, keys):
        dx = (keys[pygame.K_RIGHT] or keys[pygame.K_d]) - (keys[pygame.K_LEFT] or keys[pygame.K_a])
        dy = (keys[pygame.K_DOWN] or keys[pygame.K_s]) - (keys[pygame.K_UP] or keys[pygame.K_w])
        self.rect.move_ip(dx * SPEED, dy * SPEED)
        self.rect.clamp_ip(pygame.Rect(0, 40, WIDTH, HEIGHT - 40))


def main():
    pygame.init()
    screen = pygame.display.set_mode((WIDTH, HEIGHT))
    pygame.display.set_caption("Star Cruiser")
    font = pygame.font.Font(None, 28)
    clock = pygame.time.Clock()
    ship = Ship()
    stars = [((i * 97) % WIDTH, (i * 53) % HEIGHT) for i in range(40)]
    distance = 0
    running = True
    while running:
        for event in pygame.event.get():
            if event.type == pygame.QUIT:
                running = False
        ship.update(pygame.key.get_pressed())
        stars = [(x, (y + 2) % HEIGHT) for x, y in stars]
        distance += 1
        screen.fill((0, 0, 20))
        for star in stars:
            pygame.draw.circle(screen, (200, 200, 255), star, 2)
        pygame.draw.polygon(
            screen, (255, 120, 60), [ship.rect.midtop, ship.rect.bottomleft, ship.rect.bottomright]
        )
        text = f"Distance {distance // 10}   Hold arrows/WASD to fly"
        screen.blit(font.render(text, True, (230, 230, 230)), (10, 10))
        pygame.display.flip()
        clock.tick(FPS)
    pygame.quit()


if __name__ == "__main__":
    main()
