"""Meteor Run: the ship sits in a meteor's path from the first frame (over in a second if
nobody moves it); the game over screen has a "Restart" button in its bottom-left corner,
the only way back in (no key restarts).

Trait: ends fast; restart by clicking a button away from the centre (Rect with constant
corners, tested with collidepoint); ship moves with Left/Right held.
"""

import pygame

WIDTH, HEIGHT = 600, 450
RESTART = pygame.Rect(30, 380, 150, 44)


def main():
    pygame.init()
    screen = pygame.display.set_mode((WIDTH, HEIGHT))
    clock = pygame.time.Clock()
    font = pygame.font.Font(None, 34)
    ship_x, meteor, over, ticks = 300, [300, 120], False, 0
    while True:
        for event in pygame.event.get():
            if event.type == pygame.QUIT:
                return
            if event.type == pygame.MOUSEBUTTONDOWN and over and RESTART.collidepoint(event.pos):
                ship_x, meteor, over, ticks = 300, [300, 120], False, 0
        if not over:
            ticks += 1
            keys = pygame.key.get_pressed()
            ship_x += 6 * (keys[pygame.K_RIGHT] - keys[pygame.K_LEFT])
            ship_x = max(20, min(WIDTH - 20, ship_x))
            meteor[1] += 6
            if meteor[1] > HEIGHT:
                meteor = [(meteor[0] * 3 + 170) % (WIDTH - 40) + 20, -20]
            if abs(meteor[0] - ship_x) < 30 and abs(meteor[1] - (HEIGHT - 40)) < 25:
                over = True
        screen.fill((10, 10, 30))
        pygame.draw.circle(screen, (170, 100, 60), meteor, 22)
        pygame.draw.rect(screen, (80, 220, 120), (ship_x - 18, HEIGHT - 50, 36, 20))
        screen.blit(font.render(f"Time {ticks // 60}", True, (220, 220, 220)), (10, 10))
        if over:
            screen.blit(font.render("GAME OVER", True, (255, 80, 80)), (230, 200))
            pygame.draw.rect(screen, (60, 60, 160), RESTART)
            screen.blit(font.render("Restart", True, (255, 255, 255)), (62, 392))
        pygame.display.flip()
        clock.tick(60)


if __name__ == "__main__":
    main()
