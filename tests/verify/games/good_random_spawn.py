"""Meteor Shower: meteors spawn at random places and speeds (the random module).

Controls: hold arrows or WASD to move; Space fires. Shoot meteors for points.
"""

import random

import pygame

WIDTH, HEIGHT = 640, 480
FPS = 60


class Meteor:
    def __init__(self):
        size = random.randint(14, 40)
        self.rect = pygame.Rect(random.randrange(0, WIDTH - size), 40, size, size)
        self.speed = random.uniform(1.5, 4.5)
        self.y = float(self.rect.y)
        self.colour = (random.randint(120, 200), random.randint(80, 120), random.randint(40, 90))

    def update(self):
        self.y += self.speed
        self.rect.y = int(self.y)


class Shot:
    def __init__(self, x, y):
        self.rect = pygame.Rect(x - 2, y, 4, 12)

    def update(self):
        self.rect.y -= 10


def main():
    pygame.init()
    screen = pygame.display.set_mode((WIDTH, HEIGHT))
    pygame.display.set_caption("Meteor Shower")
    font = pygame.font.Font(None, 28)
    clock = pygame.time.Clock()
    player = pygame.Rect(WIDTH // 2 - 16, HEIGHT - 50, 32, 32)
    meteors, shots, score = [], [], 0
    running = True
    while running:
        for event in pygame.event.get():
            if event.type == pygame.QUIT:
                running = False
            elif event.type == pygame.KEYDOWN and event.key == pygame.K_SPACE:
                shots.append(Shot(player.centerx, player.top))
        keys = pygame.key.get_pressed()
        player.x += 5 * (
            (keys[pygame.K_RIGHT] or keys[pygame.K_d]) - (keys[pygame.K_LEFT] or keys[pygame.K_a])
        )
        player.y += 5 * (
            (keys[pygame.K_DOWN] or keys[pygame.K_s]) - (keys[pygame.K_UP] or keys[pygame.K_w])
        )
        player.clamp_ip(pygame.Rect(0, 40, WIDTH, HEIGHT - 40))
        if random.random() < 0.04:
            meteors.append(Meteor())
        for thing in meteors + shots:
            thing.update()
        for shot in shots[:]:
            hit = shot.rect.collidelist([m.rect for m in meteors])
            if hit >= 0:
                meteors.pop(hit)
                shots.remove(shot)
                score += 10
        meteors = [m for m in meteors if m.rect.top < HEIGHT]
        shots = [s for s in shots if s.rect.bottom > 40]
        screen.fill((15, 10, 30))
        for meteor in meteors:
            pygame.draw.rect(screen, meteor.colour, meteor.rect, border_radius=8)
        for shot in shots:
            pygame.draw.rect(screen, (255, 255, 120), shot.rect)
        pygame.draw.polygon(
            screen, (120, 240, 160), [player.midtop, player.bottomleft, player.bottomright]
        )
        text = f"Score {score}   Arrows/WASD: move  Space: fire"
        screen.blit(font.render(text, True, (230, 230, 230)), (10, 10))
        pygame.display.flip()
        clock.tick(FPS)
    pygame.quit()


if __name__ == "__main__":
    main()
