"""Comet Dodge: timed with time.time() and time.sleep() instead of a pygame Clock.

Controls: hold Left/Right (or A/D) to slide; the comets speed up as time goes by.
"""

import time

import pygame

WIDTH, HEIGHT = 640, 480
FRAME_SECONDS = 1 / 60
PLAYER_SPEED = 300.0  # pixels per second


class Comet:
    def __init__(self, index):
        self.x = float((index * 151) % (WIDTH - 20))
        self.y = 40.0 - index * 90
        self.speed = 120.0 + index * 15

    def update(self, dt, elapsed):
        self.y += (self.speed + elapsed * 5) * dt
        if self.y > HEIGHT:
            self.y = 40.0
            self.x = (self.x + 233) % (WIDTH - 20)


def main():
    pygame.init()
    screen = pygame.display.set_mode((WIDTH, HEIGHT))
    pygame.display.set_caption("Comet Dodge")
    font = pygame.font.Font(None, 28)
    comets = [Comet(i) for i in range(6)]
    player_x, direction, hits = WIDTH / 2, 0, 0
    start = last = time.time()
    running = True
    while running:
        now = time.time()
        dt, last = now - last, now
        for event in pygame.event.get():
            if event.type == pygame.QUIT:
                running = False
            elif event.type == pygame.KEYDOWN and event.key in (pygame.K_LEFT, pygame.K_a):
                direction = -1
            elif event.type == pygame.KEYDOWN and event.key in (pygame.K_RIGHT, pygame.K_d):
                direction = 1
            elif event.type == pygame.KEYUP:
                direction = 0
        player_x = max(15.0, min(WIDTH - 15.0, player_x + direction * PLAYER_SPEED * dt))
        player = pygame.Rect(int(player_x) - 15, HEIGHT - 40, 30, 30)
        for comet in comets:
            comet.update(dt, now - start)
            if player.colliderect(pygame.Rect(int(comet.x), int(comet.y), 20, 20)):
                hits += 1
                comet.y = 40.0
        screen.fill((10, 10, 30))
        for comet in comets:
            pygame.draw.circle(screen, (255, 160, 60), (int(comet.x) + 10, int(comet.y) + 10), 10)
        pygame.draw.rect(screen, (100, 220, 255), player)
        text = f"Time {now - start:5.1f}s  Hits {hits}   Left/Right: slide"
        screen.blit(font.render(text, True, (230, 230, 230)), (10, 10))
        pygame.display.flip()
        spare = FRAME_SECONDS - (time.time() - now)
        if spare > 0:
            time.sleep(spare)
    pygame.quit()


if __name__ == "__main__":
    main()
