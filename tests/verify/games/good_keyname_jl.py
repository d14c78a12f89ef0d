"""Lane Racer driven by key names: J and L change lanes, K boosts, compared through
pygame.key.name(event.key) (there is no K_ constant in the file).

Trait: controls named by key.name strings, not constants; a car ahead in the same lane
ends the race within two seconds unless the player changes lanes; R restarts.
"""

import pygame

WIDTH, HEIGHT = 360, 480
LANES = (60, 180, 300)


def main():
    pygame.init()
    screen = pygame.display.set_mode((WIDTH, HEIGHT))
    clock = pygame.time.Clock()
    font = pygame.font.Font(None, 30)
    lane, cars, speed, crashed, dist = 1, [[1, -60], [0, -400], [2, -700]], 7, False, 0
    while True:
        for event in pygame.event.get():
            if event.type == pygame.QUIT:
                return
            if event.type == pygame.KEYDOWN:
                name = pygame.key.name(event.key)
                if name == "j" and lane > 0:
                    lane -= 1
                elif name == "l" and lane < 2:
                    lane += 1
                elif name == "k":
                    speed = 11
                elif name == "r" and crashed:
                    lane, cars, speed, crashed, dist = 1, [[1, -60], [0, -400], [2, -700]], 7, False, 0
        if not crashed:
            dist += speed
            for car in cars:
                car[1] += speed
                if car[1] > HEIGHT:
                    car[1] -= 900
                    car[0] = (car[0] + 2) % 3
                if car[0] == lane and HEIGHT - 120 < car[1] < HEIGHT - 30:
                    crashed = True
            speed = max(7, speed - 0.05)
        screen.fill((60, 60, 60))
        for x in (120, 240):
            pygame.draw.line(screen, (230, 230, 230), (x, 0), (x, HEIGHT), 2)
        for car in cars:
            pygame.draw.rect(screen, (200, 40, 40), (LANES[car[0]] - 20, car[1], 40, 60))
        pygame.draw.rect(screen, (40, 120, 230), (LANES[lane] - 20, HEIGHT - 90, 40, 60))
        screen.blit(font.render(f"{dist // 10} m", True, (255, 255, 0)), (8, 8))
        if crashed:
            screen.blit(font.render("CRASH - r to retry", True, (255, 255, 255)), (90, 220))
        pygame.display.flip()
        clock.tick(60)


if __name__ == "__main__":
    main()
