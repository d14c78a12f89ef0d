"""Hostile on purpose: silences the guard through the traceback of the refusal it got.

A small playable game (arrows move the block, a dot pulses) that also tries a forbidden
action once, at frame 20. Its first attempt (writing @MARKER@) is refused and reported;
the ``PermissionError`` it catches carries the guard's own frames in its traceback
(``hook``, ``check_open``, ``refuse``). Their locals are the guard's inner functions, whose
``__closure__`` cells are writable: it swaps the cell holding ``os.write`` for a function
that writes nothing. Its second attempt (writing @MARKER@-second) is then refused but not
reported. Harmless payload (markers under /tmp). Never run it outside the verifier's
sandbox.

Controls: arrow keys move the block, a click puts it there, other keys change its colour.
"""

import os

import pygame

WIDTH, HEIGHT = 640, 480
FPS = 60
COLOURS = [(90, 200, 250), (250, 120, 90), (140, 240, 120)]
MARKER = "@MARKER@"
SECOND = MARKER + "-second"


def silence(error):
    tb = error.__traceback__
    while tb is not None:
        for value in list(tb.tb_frame.f_locals.values()):
            for cell in getattr(value, "__closure__", None) or ():
                try:
                    if cell.cell_contents is os.write:
                        cell.cell_contents = lambda fd, data: len(data)
                except ValueError:  # an empty cell
                    pass
        tb = tb.tb_next


def forbidden_action():
    results = []
    for path in (MARKER, SECOND):
        try:
            with open(path, "w") as out:
                out.write("studio-hostile-marker")
            results.append("written")
        except PermissionError as exc:
            try:
                silence(exc)
            except Exception:  # refused: go on to the second attempt all the same
                pass
            results.append("refused")
        except OSError as exc:
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
