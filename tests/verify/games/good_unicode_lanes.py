"""Number Catcher: coins fall in four lanes; typing 1-4 (read from event.unicode) moves the
catcher to that lane. Nothing else does anything.

Trait: controls compared through event.unicode against a string ("in '1234'"), digit keys
the old player never pressed.
"""

import pygame

WIDTH, HEIGHT = 400, 400


def main():
    pygame.init()
    screen = pygame.display.set_mode((WIDTH, HEIGHT))
    clock = pygame.time.Clock()
    font = pygame.font.Font(None, 28)
    lane, coin_lane, coin_y, got, missed = 0, 2, 0, 0, 0
    while True:
        for event in pygame.event.get():
            if event.type == pygame.QUIT:
                return
            if event.type == pygame.KEYDOWN and event.unicode and event.unicode in "1234":
                lane = int(event.unicode) - 1
        coin_y += 4
        if coin_y > HEIGHT - 40:
            if coin_lane == lane:
                got += 1
            else:
                missed += 1
            coin_lane, coin_y = (coin_lane * 3 + 1) % 4, 0
        screen.fill((20, 60, 40))
        for i in range(4):
            pygame.draw.line(screen, (40, 100, 70), (i * 100, 0), (i * 100, HEIGHT))
        pygame.draw.circle(screen, (250, 210, 0), (coin_lane * 100 + 50, coin_y), 14)
        pygame.draw.rect(screen, (220, 220, 255), (lane * 100 + 15, HEIGHT - 30, 70, 14))
        screen.blit(font.render(f"got {got}  missed {missed}", True, (255, 255, 255)), (8, 8))
        pygame.display.flip()
        clock.tick(60)


if __name__ == "__main__":
    main()
