"""Lane Switch: the only controls are the Left and Right arrow keys.

Controls: Left/Right switch lanes; dodge the oncoming cars. Nothing else does anything.
"""

import pygame

WIDTH, HEIGHT = 480, 480
FPS = 60
LANES = 3
LANE_WIDTH = WIDTH // LANES


class Car:
    def __init__(self, lane, y, colour):
        self.lane, self.y, self.colour = lane, y, colour

    def rect(self):
        return pygame.Rect(self.lane * LANE_WIDTH + 40, int(self.y), LANE_WIDTH - 80, 70)


def main():
    pygame.init()
    screen = pygame.display.set_mode((WIDTH, HEIGHT))
    pygame.display.set_caption("Lane Switch")
    font = pygame.font.Font(None, 28)
    clock = pygame.time.Clock()
    player = Car(1, HEIGHT - 90, (80, 200, 255))
    traffic = [Car(i % LANES, -200 * i, (230, 80, 60)) for i in range(4)]
    stripe, crashes = 0, 0
    running = True
    while running:
        for event in pygame.event.get():
            if event.type == pygame.QUIT:
                running = False
            elif event.type == pygame.KEYDOWN and event.key == pygame.K_LEFT:
                player.lane = max(0, player.lane - 1)
            elif event.type == pygame.KEYDOWN and event.key == pygame.K_RIGHT:
                player.lane = min(LANES - 1, player.lane + 1)
        stripe = (stripe + 6) % 40
        for car in traffic:
            car.y += 4
            if car.y > HEIGHT:
                car.y -= 800
            if car.rect().colliderect(player.rect()):
                crashes += 1
                car.y -= 800
        screen.fill((50, 50, 55))
        for i in range(1, LANES):
            for y in range(-40 + stripe, HEIGHT, 40):
                pygame.draw.rect(screen, (240, 240, 240), (i * LANE_WIDTH - 2, y, 4, 20))
        for car in traffic + [player]:
            pygame.draw.rect(screen, car.colour, car.rect(), border_radius=8)
        text = f"Crashes {crashes}   Left/Right: switch lanes"
        screen.blit(font.render(text, True, (255, 255, 255)), (10, 10))
        pygame.display.flip()
        clock.tick(FPS)
    pygame.quit()


if __name__ == "__main__":
    main()
