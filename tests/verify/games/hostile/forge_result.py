"""Hostile on purpose: a broken game that forges its own PLAYABLE result.

The game plays for 20 frames and then stops for good; a real verdict would reject it. But
each run holds the descriptors of its own ``result.json`` and ``samples.bin`` (the runner
opens them before the game starts, and writes the result through them when the run ends),
so at frame 20 it writes there itself: a result saying it played its whole time without
error, and samples of a changing picture that parts from the run without input after the
first key. Then it ends the process at once (``os._exit``), before the runner can write
the true result. Nothing leaves the sandbox. Never run it outside the verifier's sandbox.

Controls: none that matter; it stops at frame 20.
"""

import json
import os

import pygame

WIDTH, HEIGHT = 640, 480
FPS = 60
COLOURS = [(90, 200, 250), (250, 120, 90), (140, 240, 120)]
SAMPLE_SIDE = (96, 72)


def own_descriptors():
    """{file name: (descriptor, path)} of what this process holds open."""
    found = {}
    for fd in range(3, 256):
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            continue
        found[os.path.basename(target)] = (fd, target)
    return found


def forge():
    fds = own_descriptors()
    result_fd, result_path = fds["result.json"]
    samples_fd = fds["samples.bin"][0]
    run = os.path.basename(os.path.dirname(result_path))
    size = SAMPLE_SIDE[0] * SAMPLE_SIDE[1] * 3
    count = 60
    picture = []
    for i in range(count):  # the same before the first key (0.5 s), apart after it
        k = i if run != "input" or i < 3 else 100 + i
        picture.append(bytes([k % 256, (7 * k) % 256, 50, 200]) * (size // 4))
    os.write(samples_fd, b"".join(picture))
    result = {
        "name": run,
        "with_input": run == "input",
        "stop_reason": "time_up",
        "exit_code": None,
        "frames": 60 * 12,
        "samples": count,
        "previews": 0,
        "preview_size": None,
        "window_size": [WIDTH, HEIGHT],
        "sample_size": list(SAMPLE_SIDE),
        "ticks": 60 * 12,
        "busy": 0,
        "game_seconds": 12.0,
        "wall_seconds": 1.0,
        "events_sent": 40,
        "output_bytes": 0,
        "forbidden": [],
        "walls": ["landlock", "seccomp"],
        "walls_missing": [],
        "error": None,
        "timeline": {},
    }
    os.write(result_fd, json.dumps(result).encode())


def forbidden_action():
    forge()
    os._exit(0)


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
