"""Broken on purpose: Fruit Picker reacts to the arrows from the first frame, but after three
seconds its "next level" banner waits pygame.time.delay(LEVEL_PAUSE * 1000) with
LEVEL_PAUSE already in milliseconds: 25 minutes of game time, during which nothing moves.

Fault: a stall after real play; the verdict must say hang and where, not playable.
"""

import pygame

WIDTH, HEIGHT = 400, 300
LEVEL_PAUSE = 1500
LEVEL_FRAMES = 180


def main():
    pygame.init()
    screen = pygame.display.set_mode((WIDTH, HEIGHT))
    clock = pygame.time.Clock()
    font = pygame.font.Font(None, 40)
    x, y, frame, level = 200, 150, 0, 1
    while True:
        for event in pygame.event.get():
            if event.type == pygame.QUIT:
                return
            if event.type == pygame.KEYDOWN:
                x += {pygame.K_LEFT: -12, pygame.K_RIGHT: 12}.get(event.key, 0)
                y += {pygame.K_UP: -12, pygame.K_DOWN: 12}.get(event.key, 0)
        frame += 1
        screen.fill((240, 240, 220))
        pygame.draw.circle(screen, (200, 40, 40), (x, y), 14)
        pygame.draw.circle(screen, (40, 160, 40), ((frame * 3) % WIDTH, 40), 8)
        if frame % LEVEL_FRAMES == 0:
            level += 1
            screen.blit(font.render(f"LEVEL {level}", True, (0, 0, 0)), (130, 130))
            pygame.display.flip()
            pygame.time.delay(LEVEL_PAUSE * 1000)
        pygame.display.flip()
        clock.tick(60)


if __name__ == "__main__":
    main()
