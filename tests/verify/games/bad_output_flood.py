"""Playable but noisy: prints about 6 MB of debug text per second to stdout.

Controls: arrows or a click move the ball (it wraps around); Space/Enter change its colour.
"""

import pygame

WIDTH, HEIGHT = 640, 480
COLOURS = [(250, 220, 120), (120, 220, 250), (250, 120, 160)]
DEBUG_LINE = "debug: player state " + "#" * 1000


def main():
    pygame.init()
    screen = pygame.display.set_mode((WIDTH, HEIGHT))
    font = pygame.font.Font(None, 28)
    clock = pygame.time.Clock()
    x, y, frame, colour = WIDTH // 2, HEIGHT // 2, 0, 0
    while True:
        for event in pygame.event.get():
            if event.type == pygame.QUIT:
                return
            if event.type == pygame.KEYDOWN:
                x += {pygame.K_LEFT: -20, pygame.K_RIGHT: 20}.get(event.key, 0)
                y += {pygame.K_UP: -20, pygame.K_DOWN: 20}.get(event.key, 0)
                if event.key in (pygame.K_SPACE, pygame.K_RETURN):
                    colour = (colour + 1) % len(COLOURS)
            if event.type == pygame.MOUSEBUTTONDOWN:
                x, y = event.pos
        frame += 1
        for _ in range(100):
            print(DEBUG_LINE, x, y, frame)
        screen.fill((60, 40, 20))
        pygame.draw.circle(screen, COLOURS[colour], (x % WIDTH, y % HEIGHT), 20 + frame % 10)
        text = font.render("Arrows/click: move  Space: colour", True, (255, 255, 255))
        screen.blit(text, (10, 10))
        pygame.display.flip()
        clock.tick(60)


if __name__ == "__main__":
    main()
