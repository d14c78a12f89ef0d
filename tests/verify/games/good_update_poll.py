"""Sketch Pad: events read one at a time with pygame.event.poll(), the screen refreshed
with pygame.display.update(rects) (dirty rectangles) instead of flip().

Controls: hold the mouse button and move to draw; click to stamp a dot; arrow keys or
WASD move the pen cursor and draw; Space changes the colour.
"""

import pygame

WIDTH, HEIGHT = 640, 480
FPS = 60
COLOURS = [(250, 90, 90), (90, 200, 250), (250, 220, 90), (140, 240, 140)]
STEP = {
    pygame.K_LEFT: (-12, 0),
    pygame.K_a: (-12, 0),
    pygame.K_RIGHT: (12, 0),
    pygame.K_d: (12, 0),
    pygame.K_UP: (0, -12),
    pygame.K_w: (0, -12),
    pygame.K_DOWN: (0, 12),
    pygame.K_s: (0, 12),
}


def main():
    pygame.init()
    screen = pygame.display.set_mode((WIDTH, HEIGHT))
    pygame.display.set_caption("Sketch Pad")
    font = pygame.font.Font(None, 26)
    clock = pygame.time.Clock()
    screen.fill((245, 245, 235))
    pygame.display.update()
    colour, pen, strokes, blink = 0, [WIDTH // 2, HEIGHT // 2], 0, 0
    running = True
    while running:
        dirty = []
        event = pygame.event.poll()
        while event.type != pygame.NOEVENT:
            if event.type == pygame.QUIT:
                running = False
            elif event.type == pygame.KEYDOWN and event.key == pygame.K_SPACE:
                colour = (colour + 1) % len(COLOURS)
            elif event.type == pygame.KEYDOWN and event.key in STEP:
                start = tuple(pen)
                pen[0] = max(0, min(WIDTH, pen[0] + STEP[event.key][0]))
                pen[1] = max(40, min(HEIGHT, pen[1] + STEP[event.key][1]))
                dirty.append(pygame.draw.line(screen, COLOURS[colour], start, pen, 4))
                strokes += 1
            elif event.type == pygame.MOUSEBUTTONDOWN:
                dirty.append(pygame.draw.circle(screen, COLOURS[colour], event.pos, 7))
                strokes += 1
            elif event.type == pygame.MOUSEMOTION and event.buttons[0]:
                start = (event.pos[0] - event.rel[0], event.pos[1] - event.rel[1])
                dirty.append(pygame.draw.line(screen, COLOURS[colour], start, event.pos, 4))
                strokes += 1
            event = pygame.event.poll()
        blink = (blink + 1) % 60
        bar = pygame.Rect(0, 0, WIDTH, 36)
        screen.fill((40, 40, 60), bar)
        text = f"Strokes {strokes}   Drag/click or arrows: draw   Space: colour"
        screen.blit(font.render(text, True, (240, 240, 240)), (10, 10))
        pygame.draw.circle(screen, COLOURS[colour], (WIDTH - 20, 18), 6 + blink // 10)
        dirty.append(bar)
        pygame.display.update(dirty)
        clock.tick(FPS)
    pygame.quit()


if __name__ == "__main__":
    main()
