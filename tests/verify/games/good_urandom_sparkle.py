"""Cave Flyer with sparkles read straight from /dev/urandom (a file the sandbox lets it
open and cannot make repeatable): every run twinkles differently, in a strip at the top.
The ship below moves with the arrow keys and dodges the stalactites.

Trait: randomness no sandbox can control; the reaction must be proven beyond that noise.
"""

import pygame

WIDTH, HEIGHT = 480, 360


def sparkles(source, count):
    data = source.read(count * 2)
    return [(data[2 * i] * WIDTH // 256, data[2 * i + 1] % 40) for i in range(count)]


def main():
    pygame.init()
    screen = pygame.display.set_mode((WIDTH, HEIGHT))
    clock = pygame.time.Clock()
    noise = open("/dev/urandom", "rb")  # noqa: SIM115
    ship = pygame.Rect(60, 200, 36, 18)
    rocks = [pygame.Rect(x, 40, 30, 60 + (x * 7) % 90) for x in range(200, 1400, 170)]
    hits = 0
    while True:
        for event in pygame.event.get():
            if event.type == pygame.QUIT:
                return
        keys = pygame.key.get_pressed()
        ship.x += 4 * (keys[pygame.K_RIGHT] - keys[pygame.K_LEFT])
        ship.y += 4 * (keys[pygame.K_DOWN] - keys[pygame.K_UP])
        ship.clamp_ip(pygame.Rect(0, 50, WIDTH, HEIGHT - 50))
        for rock in rocks:
            rock.x -= 3
            if rock.right < 0:
                rock.x += 1200
            if rock.colliderect(ship):
                hits += 1
                ship.topleft = (60, 200)
        screen.fill((25, 20, 30))
        pygame.draw.rect(screen, (10, 10, 40), (0, 0, WIDTH, 40))
        for x, y in sparkles(noise, 6):
            screen.set_at((x, y), (255, 255, 200))
        for rock in rocks:
            pygame.draw.rect(screen, (110, 90, 80), rock)
        pygame.draw.rect(screen, (240, 200, 60), ship)
        pygame.display.set_caption(f"hits {hits}")
        pygame.display.flip()
        clock.tick(60)


if __name__ == "__main__":
    main()
