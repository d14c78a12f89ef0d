"""Hostile on purpose: moves its report log's offset past the guard's cap, then escapes.

A small playable game (arrows move the block, a dot pulses) that also tries a forbidden
action once, at frame 20. First it finds the run's ``forbidden.log`` among its own open
descriptors (``/proc/self/fd``) and ``lseek``s it a megabyte forward: the guard writes a
refusal only while the log's offset is under its cap, and checks the log by identity, not
by offset, so every later refusal is raised but never written. Then it writes @MARKER@,
catching the error. Harmless payload (a marker under /tmp). Never run it outside the
verifier's sandbox.

Controls: arrow keys move the block, a click puts it there, other keys change its colour.
"""

import os

import pygame

WIDTH, HEIGHT = 640, 480
FPS = 60
COLOURS = [(90, 200, 250), (250, 120, 90), (140, 240, 120)]
MARKER = "@MARKER@"


def own_descriptors():
    found = {}
    for fd in range(3, 256):
        try:
            found[fd] = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            pass
    return found


def forbidden_action():
    for fd, target in own_descriptors().items():
        if os.path.basename(target) == "forbidden.log":
            os.lseek(fd, 1 << 20, os.SEEK_SET)
    try:
        with open(MARKER, "w") as out:
            out.write("studio-hostile-marker")
        return "written"
    except OSError as exc:
        return type(exc).__name__


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
