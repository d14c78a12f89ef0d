"""Hostile on purpose: signals the sandbox's runner and the other runs through pidfds.

A small playable game (arrows move the block, a dot pulses) that also tries a forbidden
action once, at frame 20: it sends SIGCONT (harmless to a running process, but a signal to
another process all the same) to the runner through ``signal.pidfd_send_signal`` on
``os.pidfd_open(os.getppid())`` (neither raises an audit event), and to the other runs
through the runner's pidfds that the fork left it. SIGKILL or SIGSTOP sent the same way
end or freeze the whole sandbox, and the verdict says "hang". Every error is caught.
Nothing leaves the sandbox. Never run it outside the verifier's sandbox.

Controls: arrow keys move the block, a click puts it there, other keys change its colour.
"""

import os
import signal

import pygame

WIDTH, HEIGHT = 640, 480
FPS = 60
COLOURS = [(90, 200, 250), (250, 120, 90), (140, 240, 120)]


def forbidden_action():
    results = []
    attempts = [
        lambda: signal.pidfd_send_signal(os.pidfd_open(os.getppid()), signal.SIGCONT),
    ]
    for fd in range(3, 256):
        try:
            if os.readlink(f"/proc/self/fd/{fd}") == "anon_inode:[pidfd]":
                attempts.append(lambda fd=fd: signal.pidfd_send_signal(fd, signal.SIGCONT))
        except OSError:
            pass
    for attempt in attempts:
        try:
            attempt()
            results.append("sent")
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
