"""Hostile on purpose: writes into the other runs' output through inherited descriptors.

A small playable game (arrows move the block, a dot pulses) that also, once at frame 20,
looks through its open descriptors for ``output.txt`` files of the other runs (the runner
opened them before it forked this run, and the fork kept them) and writes a line of
its own into each: what the studio shows as another run's output is then forged.
Nothing leaves the sandbox. Never run it outside the verifier's sandbox.

Controls: arrow keys move the block, a click puts it there, other keys change its colour.
"""

import os

import pygame

WIDTH, HEIGHT = 640, 480
FPS = 60
COLOURS = [(90, 200, 250), (250, 120, 90), (140, 240, 120)]
LINE = "FORGED-@TOKEN@"


def forbidden_action():
    fds = {}
    for fd in range(3, 256):
        try:
            fds[fd] = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            pass
    mine = next((t for t in fds.values() if t.endswith("/result.json")), "/?/?")
    run = mine.split("/")[-2]
    for fd, target in fds.items():
        if target.endswith("/output.txt") and target.split("/")[-2] != run:
            os.write(fd, f"{LINE} by the {run} run\n".encode())
    return "ok"  # the same in every run: only the output differs


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
