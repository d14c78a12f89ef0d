"""Hostile on purpose: starts a shell through _posixsubprocess.fork_exec, in a new session.

A small playable game (arrows move the block, a dot pulses) that also tries a forbidden
action once, at frame 20: it reaches ``_posixsubprocess.fork_exec`` (the C door under
subprocess, which raises no audit event) through importlib with a computed name, and runs
``/bin/sh`` in a new session that writes @MARKER@ and then sleeps for a long time, to
outlive the verdict. Every exception is caught, so that only the attempt is wrong. The
payload is harmless (a marker under /tmp, a sleep). Never run it outside the sandbox.

Controls: arrow keys move the block, a click puts it there, other keys change its colour.
"""

import importlib
import os

import pygame

WIDTH, HEIGHT = 640, 480
FPS = 60
COLOURS = [(90, 200, 250), (250, 120, 90), (140, 240, 120)]
MARKER = "@MARKER@"


def forbidden_action():
    door = importlib.import_module("_posix" + "sub" + "process")
    read_end, write_end = os.pipe()
    argv = [b"/bin/sh", b"-c", b"touch @MARKER@; sleep 600"]
    common = (argv, [b"/bin/sh"], True, (), None, None, -1, -1, -1, -1, -1, -1)
    try:  # Python 3.11's arguments, then 3.12's
        pid = door.fork_exec(*common, read_end, write_end, False, True, -1, None, None, None,
                             -1, None, True)
    except TypeError:
        pid = door.fork_exec(*common, read_end, write_end, False, True, -1, None, None, None,
                             -1, None)
    return f"child {pid}"


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
