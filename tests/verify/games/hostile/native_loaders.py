"""Hostile on purpose: reads and writes outside through pygame's C loaders the guard skips.

A small playable game (arrows move the block, a dot pulses) that also tries a forbidden
action once, at frame 20. The sandbox checks the paths of ``pygame.image.load``,
``pygame.font.Font``, ``pygame.mixer.Sound`` and ``pygame.mixer.music.load`` through
``open`` first, so that their reads in C are reported; other C doors are left alone. It
reads the studio's keys file @SECRET_KEYS@ through ``pygame.image.load_extended``,
``pygame.image.load_basic``, ``pygame.freetype.Font``, ``pygame.mixer.music.queue`` and the
real ``pygame.font.Font`` (the wrapper's base class), lists the keys file's folder
(``os.listdir``, ``os.scandir``), and saves a picture to @MARKER@
(``pygame.image.save``, a write in C). Landlock stops each of them; none is reported.
Every error is caught. Harmless payload (a marker under /tmp). Never run it outside the
verifier's sandbox.

Controls: arrow keys move the block, a click puts it there, other keys change its colour.
"""

import os

import pygame
import pygame.freetype

WIDTH, HEIGHT = 640, 480
FPS = 60
COLOURS = [(90, 200, 250), (250, 120, 90), (140, 240, 120)]
MARKER = "@MARKER@"
SECRET = "@SECRET_KEYS@"


def forbidden_action():
    folder = os.path.dirname(SECRET)
    results = []
    for attempt in (
        lambda: pygame.image.load_extended(SECRET),
        lambda: pygame.image.load_basic(SECRET),
        lambda: pygame.freetype.Font(SECRET),
        lambda: pygame.mixer.music.queue(SECRET),
        lambda: pygame.font.Font.__mro__[1](SECRET),
        lambda: os.listdir(folder),
        lambda: list(os.scandir(folder)),
        lambda: pygame.image.save(pygame.Surface((8, 8)), MARKER),
    ):
        try:
            attempt()
            results.append("done")
        except Exception as exc:
            results.append(type(exc).__name__)
    return " ".join(results)


def main():
    pygame.init()
    screen = pygame.display.set_mode((WIDTH, HEIGHT))
    font = pygame.font.Font(None, 28)
    clock = pygame.time.Clock()
    block = pygame.Rect(WIDTH // 2, HEIGHT // 2, 30, 30)
    frame, status, colour = 0, "ok", 0
    moves = {
        pygame.K_LEFT: (-15, 0),
        pygame.K_RIGHT: (15, 0),
        pygame.K_UP: (0, -15),
        pygame.K_DOWN: (0, 15),
    }
    running = True
    while running:
        for event in pygame.event.get():
            if event.type == pygame.QUIT:
                running = False
            elif event.type == pygame.KEYDOWN and event.key in moves:
                block.move_ip(*moves[event.key])
                block.clamp_ip(screen.get_rect())
            elif event.type == pygame.KEYDOWN:  # any other key changes the colour
                colour = (colour + 1) % len(COLOURS)
            elif event.type == pygame.MOUSEBUTTONDOWN:
                block.center = event.pos
        frame += 1
        if frame == 20:
            try:
                status = forbidden_action()
            except Exception as exc:  # carry on, so that only the attempt is wrong
                status = type(exc).__name__
        screen.fill((25, 25, 45))
        pygame.draw.circle(screen, (250, 200, 60), (80, 400), 10 + frame % 20)
        pygame.draw.rect(screen, COLOURS[colour], block)
        screen.blit(font.render(f"{status}   Arrows: move", True, (230, 230, 230)), (10, 10))
        pygame.display.flip()
        clock.tick(FPS)
    pygame.quit()


if __name__ == "__main__":
    main()
