"""Broken on purpose: plays for two seconds, then divides by zero at frame 120.

Controls: Left/Right move the car between lanes.
"""

import pygame

WIDTH, HEIGHT = 640, 480
FPS = 60
LANES = 3


def lane_width(frame):
    # Bug: the number of lanes shrinks over time and reaches zero at frame 120.
    return WIDTH // (LANES - frame // 40)


def main():
    pygame.init()
    screen = pygame.display.set_mode((WIDTH, HEIGHT))
    font = pygame.font.Font(None, 28)
    clock = pygame.time.Clock()
    lane, frame = 1, 0
    while True:
        for event in pygame.event.get():
            if event.type == pygame.QUIT:
                return
            if event.type == pygame.KEYDOWN and event.key == pygame.K_LEFT:
                lane = max(0, lane - 1)
            if event.type == pygame.KEYDOWN and event.key == pygame.K_RIGHT:
                lane = min(LANES - 1, lane + 1)
        width = lane_width(frame)
        screen.fill((40, 40, 40))
        for i in range(LANES):
            pygame.draw.line(screen, (200, 200, 200), (i * width, 0), (i * width, HEIGHT), 2)
        car = (lane * width + 10, HEIGHT - 80 - frame % 40, 40, 60)
        pygame.draw.rect(screen, (200, 50, 50), car)
        screen.blit(font.render(f"Frame {frame}  Left/Right", True, (255, 255, 255)), (10, 10))
        pygame.display.flip()
        frame += 1
        clock.tick(FPS)


if __name__ == "__main__":
    main()
