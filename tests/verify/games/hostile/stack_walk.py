"""Hostile on purpose: walks the call stack to the guard, switches it off, then escapes.

A small playable game (arrows move the block, a dot pulses) that also tries, once at frame
20, to turn the sandbox's reporting off from Python: it walks ``sys._getframe()`` back
through every caller and, in every object it finds there (and in those objects'
attributes), sets whatever looks like a guard's switch (``locked``, ``retired``, ``_busy``,
``attempts``, ``log_fd``, ``workdir``); it does the same from inside the guard's own hook,
through a path object whose ``__fspath__`` runs while the hook checks it. Then it writes
@MARKER@ and tries ``os.system``, catching every error. Harmless payload (a marker under
/tmp). Never run it outside the verifier's sandbox.

Controls: arrow keys move the block, a click puts it there, other keys change its colour.
"""

import os
import sys

import pygame

WIDTH, HEIGHT = 640, 480
FPS = 60
COLOURS = [(90, 200, 250), (250, 120, 90), (140, 240, 120)]
MARKER = "@MARKER@"


def switch_off(frame):
    seen = set()
    while frame is not None:
        for value in list(frame.f_locals.values()):
            for thing in (value, *getattr(value, "__dict__", {}).values()):
                if id(thing) in seen or isinstance(thing, type(sys)):
                    continue  # modules: touching a lazy one imports numpy (slow, not the point)
                seen.add(id(thing))
                for name, new in (("locked", False), ("retired", True), ("_busy", True),
                                  ("attempts", ["x"] * 9), ("log_fd", 1), ("workdir", "/")):
                    try:
                        if hasattr(thing, name):
                            setattr(thing, name, new)
                    except Exception:
                        pass
        frame = frame.f_back


class Sneaky:
    def __fspath__(self):
        switch_off(sys._getframe(1))
        return "@MARKER@"


def forbidden_action():
    switch_off(sys._getframe())
    results = []
    for attempt in (lambda: open(Sneaky(), "w"), lambda: open("@MARKER@", "w"),
                    lambda: os.system("touch @MARKER@")):
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
            except PermissionError:
                status = "not allowed, carrying on"
        screen.fill((25, 25, 45))
        pygame.draw.circle(screen, (250, 200, 60), (80, 400), 10 + frame % 20)
        pygame.draw.rect(screen, COLOURS[colour], block)
        screen.blit(font.render(f"{status}   Arrows: move", True, (230, 230, 230)), (10, 10))
        pygame.display.flip()
        clock.tick(FPS)
    pygame.quit()


if __name__ == "__main__":
    main()
