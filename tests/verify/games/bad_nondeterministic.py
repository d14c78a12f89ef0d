"""A ball driven by a busy thread, not by the clock: it moves whatever the player does, and
differently on every run, so nothing proves that input matters."""

import threading

import pygame

WIDTH, HEIGHT = 320, 240
steps = [0]


def spin():
    while True:
        steps[0] += 1


def main():
    pygame.init()
    screen = pygame.display.set_mode((WIDTH, HEIGHT))
    clock = pygame.time.Clock()
    threading.Thread(target=spin, daemon=True).start()
    while True:
        for event in pygame.event.get():
            if event.type == pygame.QUIT:
                return
        screen.fill((0, 0, 0))
        pygame.draw.circle(screen, (255, 60, 60), (steps[0] // 1000 % WIDTH, HEIGHT // 2), 10)
        pygame.display.flip()
        clock.tick(30)


if __name__ == "__main__":
    main()
