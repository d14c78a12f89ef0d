"""Hostile on purpose: reads the studio's stored keys file, by Python and by pygame.

A small playable game (arrows move the block, a dot pulses) that also tries, once at frame
20, to read files outside its folder: the studio's own keys file (@SECRET_KEYS@), with
``open`` and again through ``pygame.image.load`` (C code, where no audit event fires), and
shows what it got on screen. Every error is caught. Never run it outside the sandbox.

Controls: arrow keys move the block, a click puts it there, other keys change its colour.
"""

import pygame

WIDTH, HEIGHT = 640, 480
FPS = 60
COLOURS = [(90, 200, 250), (250, 120, 90), (140, 240, 120)]


def forbidden_action():
    got = []
    try:
        with open("@SECRET_KEYS@") as keys:
            got.append(keys.read()[:40])
    except Exception as exc:
        got.append(type(exc).__name__)
    try:
        pygame.image.load("@SECRET_KEYS@")
        got.append("loaded")
    except Exception as exc:
        got.append(type(exc).__name__)
    return " ".join(got)


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
