"""Tower Builder: the right mouse button places a block where the pointer is (event.button
== 3); the left button does nothing. Blocks fall and stack.

Trait: a mouse handler for one button only, the right one.
"""

import pygame

WIDTH, HEIGHT = 480, 400


def main():
    pygame.init()
    screen = pygame.display.set_mode((WIDTH, HEIGHT))
    clock = pygame.time.Clock()
    blocks = []
    while True:
        for event in pygame.event.get():
            if event.type == pygame.QUIT:
                return
            if event.type == pygame.MOUSEBUTTONDOWN and event.button == 3:
                blocks.append(pygame.Rect(event.pos[0] - 15, event.pos[1] - 15, 30, 30))
        for block in blocks:
            below = block.move(0, 3)
            if below.bottom <= HEIGHT and below.collidelist([b for b in blocks if b is not block]) < 0:
                block.y += 3
        screen.fill((200, 220, 240))
        for i, block in enumerate(blocks):
            pygame.draw.rect(screen, ((i * 47) % 200 + 40, 100, 160), block)
        pygame.draw.line(screen, (90, 60, 30), (0, HEIGHT - 1), (WIDTH, HEIGHT - 1), 3)
        pygame.display.flip()
        clock.tick(60)


if __name__ == "__main__":
    main()
