"""Broken on purpose: Dungeon waits for a "level loader" thread with a threading.Event that
the thread never sets (its loading loop exits on an error). The wait has a real-time
timeout of a minute, which no virtual clock can shorten.

Fault: blocks on something outside the game's clocks: a hang, reported with the line where
it waits.
"""

import threading

import pygame

WIDTH, HEIGHT = 320, 240
level_ready = threading.Event()


def load_level(out):
    try:
        out.extend(int(c) for c in "0101x1010")
    except ValueError:
        return
    level_ready.set()


def main():
    pygame.init()
    screen = pygame.display.set_mode((WIDTH, HEIGHT))
    clock = pygame.time.Clock()
    x, tiles = 100, []
    threading.Thread(target=load_level, args=(tiles,), daemon=True).start()
    frame = 0
    while True:
        for event in pygame.event.get():
            if event.type == pygame.QUIT:
                return
            if event.type == pygame.KEYDOWN:
                x += {pygame.K_LEFT: -10, pygame.K_RIGHT: 10}.get(event.key, 0)
        frame += 1
        if frame == 30:
            level_ready.wait(60)
        screen.fill((40, 30, 30))
        pygame.draw.rect(screen, (200, 200, 80), (x, 100, 20, 20))
        pygame.display.flip()
        clock.tick(60)


if __name__ == "__main__":
    main()
