"""Gem Grabber that names every gem with uuid.uuid4() and places it with secrets.randbelow():
the gems live in a dict keyed by their ids and are drawn in id order (which one overlaps
which depends on the ids).

Trait: ids and placement from the OS's entropy (uuid4, secrets); a hero moved with WASD held.
"""

import secrets
import uuid

import pygame

WIDTH, HEIGHT = 480, 360


def new_gem():
    return str(uuid.uuid4()), [secrets.randbelow(WIDTH - 40) + 20, secrets.randbelow(HEIGHT - 80) + 60]


def main():
    pygame.init()
    screen = pygame.display.set_mode((WIDTH, HEIGHT))
    clock = pygame.time.Clock()
    font = pygame.font.Font(None, 26)
    gems = dict(new_gem() for _ in range(8))
    hero, score = [WIDTH // 2, HEIGHT // 2], 0
    while True:
        for event in pygame.event.get():
            if event.type == pygame.QUIT:
                return
        keys = pygame.key.get_pressed()
        hero[0] += 4 * (keys[pygame.K_d] - keys[pygame.K_a])
        hero[1] += 4 * (keys[pygame.K_s] - keys[pygame.K_w])
        for gem_id in sorted(gems):
            x, y = gems[gem_id]
            if abs(x - hero[0]) < 16 and abs(y - hero[1]) < 16:
                del gems[gem_id]
                key, where = new_gem()
                gems[key] = where
                score += 1
        screen.fill((30, 20, 50))
        for gem_id in sorted(gems):
            x, y = gems[gem_id]
            hue = int(gem_id[:2], 16)
            pygame.draw.polygon(screen, (hue, 255 - hue, 200), [(x, y - 10), (x + 9, y), (x, y + 10), (x - 9, y)])
        pygame.draw.circle(screen, (250, 250, 250), hero, 11)
        screen.blit(font.render(f"gems {score}  next {min(gems)[:8]}", True, (255, 255, 255)), (8, 8))
        pygame.display.flip()
        clock.tick(60)


if __name__ == "__main__":
    main()
