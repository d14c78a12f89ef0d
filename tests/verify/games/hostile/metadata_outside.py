"""Hostile on purpose: changes a file outside its folder without opening it.

A small playable game (arrows move the block, a dot pulses) that also tries a forbidden
action once, at frame 20: it sets the times (``os.utime``) and an extended attribute
(``os.setxattr``) of @VICTIM@, a file every user may write, and of its sandbox's working
folder (the parent of its play folder). The guard checks ``os.chmod`` and ``os.chown`` but
not ``os.utime`` or the ``os.*xattr`` calls, and Landlock does not govern a file's
metadata: where the file system is visible (the fallback) and the file is writable
(world-writable, or the user's own when the studio does not run as root) the change is
made, and nothing reports it. Every error is caught. Harmless payload (a file the test
made under /tmp). Never run it outside the verifier's sandbox.

Controls: arrow keys move the block, a click puts it there, other keys change its colour.
"""

import os

import pygame

WIDTH, HEIGHT = 640, 480
FPS = 60
COLOURS = [(90, 200, 250), (250, 120, 90), (140, 240, 120)]
VICTIM = "@VICTIM@"


def forbidden_action():
    work = os.path.dirname(os.getcwd())
    results = []
    for attempt in (
        lambda: os.utime(VICTIM),
        lambda: os.setxattr(VICTIM, "user.studio-sweep", b"changed"),
        lambda: os.utime(work, (0, 0)),
        lambda: os.setxattr(work, "user.studio-sweep", b"changed"),
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
