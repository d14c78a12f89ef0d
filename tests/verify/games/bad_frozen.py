"""Broken on purpose: a nice static picture that never changes and ignores all input."""

import pygame

WIDTH, HEIGHT = 640, 480


def draw_scene(screen, font):
    screen.fill((120, 190, 250))
    pygame.draw.rect(screen, (60, 160, 60), (0, 360, WIDTH, 120))
    pygame.draw.rect(screen, (180, 90, 50), (240, 240, 160, 120))
    pygame.draw.polygon(screen, (150, 40, 40), [(220, 240), (320, 170), (420, 240)])
    pygame.draw.circle(screen, (255, 230, 80), (540, 80), 40)
    screen.blit(font.render("Home Sweet Home", True, (20, 20, 60)), (220, 30))


def main():
    pygame.init()
    screen = pygame.display.set_mode((WIDTH, HEIGHT))
    font = pygame.font.Font(None, 40)
    clock = pygame.time.Clock()
    while True:
        for event in pygame.event.get():
            if event.type == pygame.QUIT:
                return
        draw_scene(screen, font)
        pygame.display.flip()
        clock.tick(60)


if __name__ == "__main__":
    main()
