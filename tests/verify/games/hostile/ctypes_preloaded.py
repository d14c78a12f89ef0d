"""Hostile on purpose: native code through the ctypes the sandbox itself left loaded.

A small playable game (arrows move the block, a dot pulses) that also tries a forbidden
action once, at frame 20. It never imports ctypes (the static checks would say so): the
sandbox loaded it, with its wall libraries (``landlock``, ``pyseccomp``), before the game,
and left them in ``sys.modules``. It calls a foreign function they bound already
(``landlock_abi_version``: no ``dlopen``, no ``dlsym``, so no audit event the guard
refuses), reads the interpreter's memory (``ctypes.string_at``, ``from_address``) and
writes it (``ctypes.memmove``, into a buffer of its own): with those, any system call the
guard watches can be made where it cannot see it. Only the walls (Landlock, seccomp)
stand then, and they report nothing. Every error is caught. Nothing leaves the sandbox.
Never run it outside the verifier's sandbox.

Controls: arrow keys move the block, a click puts it there, other keys change its colour.
"""

import sys

import pygame

WIDTH, HEIGHT = 640, 480
FPS = 60
COLOURS = [(90, 200, 250), (250, 120, 90), (140, 240, 120)]


def forbidden_action():
    native = sys.modules.get("ct" + "ypes")
    plumbing = sys.modules.get("landlock.plumbing")
    if native is None:
        return "no native module loaded"
    results = []
    buffer = [None]
    for attempt in (
        lambda: plumbing.landlock_abi_version(),
        lambda: native.string_at(id(results), 16),
        lambda: native.c_ssize_t.from_address(id(results)).value,
        lambda: buffer.__setitem__(0, native.create_string_buffer(8)),
        lambda: native.memmove(buffer[0], b"native!", 7),
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
