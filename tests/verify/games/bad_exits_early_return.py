"""Broken on purpose: the loop ends after its first frame (running is reset too early).

Controls: arrows would move the square, if the loop lasted.
"""

import pygame

WIDTH, HEIGHT = 640, 480


def main():
    pygame.init()
    screen = pygame.display.set_mode((WIDTH, HEIGHT))
    clock = pygame.time.Clock()
    x, running = WIDTH // 2, True
    while running:
        for event in pygame.event.get():
            if event.type == pygame.QUIT:
                running = False
            if event.type == pygame.KEYDOWN and event.key == pygame.K_RIGHT:
                x += 10
        screen.fill((90, 30, 30))
        pygame.draw.rect(screen, (255, 255, 255), (x, 200, 40, 40))
        pygame.display.flip()
        clock.tick(60)
        running = False  # bug: meant to be inside the QUIT branch
    pygame.quit()


if __name__ == "__main__":
    main()
