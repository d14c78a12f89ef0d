"""Wheel and type: the mouse wheel moves the ball, typed letters appear on screen.

Nothing else reacts: only MOUSEWHEEL and TEXTINPUT events drive this game.
"""

import pygame

WIDTH, HEIGHT = 320, 240


def main():
    pygame.init()
    screen = pygame.display.set_mode((WIDTH, HEIGHT))
    clock = pygame.time.Clock()
    font = pygame.font.Font(None, 30)
    y = HEIGHT // 2
    typed = ""
    while True:
        for event in pygame.event.get():
            if event.type == pygame.QUIT:
                return
            if event.type == pygame.MOUSEWHEEL:
                y = (y + event.y * 6) % HEIGHT
            if event.type == pygame.TEXTINPUT:
                typed = (typed + event.text)[-12:]
        screen.fill((10, 10, 30))
        pygame.draw.circle(screen, (230, 200, 40), (WIDTH // 2, y), 12)
        screen.blit(font.render(typed or "type or scroll", True, (240, 240, 240)), (10, 10))
        pygame.display.flip()
        clock.tick(30)


if __name__ == "__main__":
    main()
