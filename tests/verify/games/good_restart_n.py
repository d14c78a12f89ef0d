"""Space Dodge: a rock is already falling onto the ship when the game opens; nobody playing
means a crash within a second. Then "N: new game" on a still screen.

Trait: starts at once and ends fast; restart on N; A/D held (key.get_pressed, no arrows).
"""

import pygame

W, H = 400, 500


class Rock:
    def __init__(self, x, y, speed):
        self.rect = pygame.Rect(x, y, 36, 36)
        self.speed = speed


def start():
    ship = pygame.Rect(W // 2 - 15, H - 60, 30, 30)
    rocks = [Rock(W // 2 - 18, 200, 9), Rock(60, -200, 6), Rock(300, -500, 7)]
    return ship, rocks


def main():
    pygame.init()
    screen = pygame.display.set_mode((W, H))
    clock = pygame.time.Clock()
    font = pygame.font.Font(None, 40)
    ship, rocks = start()
    dead, dodged = False, 0
    while True:
        for event in pygame.event.get():
            if event.type == pygame.QUIT:
                pygame.quit()
                return
            if event.type == pygame.KEYDOWN and event.key == pygame.K_n and dead:
                ship, rocks = start()
                dead, dodged = False, 0
        if not dead:
            keys = pygame.key.get_pressed()
            ship.x += 7 * (keys[pygame.K_d] - keys[pygame.K_a])
            ship.clamp_ip(screen.get_rect())
            for rock in rocks:
                rock.rect.y += rock.speed
                if rock.rect.top > H:
                    rock.rect.y = -40
                    rock.rect.x = (rock.rect.x * 7 + 90) % (W - 36)
                    dodged += 1
                if rock.rect.colliderect(ship):
                    dead = True
        screen.fill((5, 5, 20))
        pygame.draw.polygon(
            screen, (90, 200, 255), [ship.midtop, ship.bottomleft, ship.bottomright]
        )
        for rock in rocks:
            pygame.draw.rect(screen, (150, 120, 90), rock.rect)
        screen.blit(font.render(f"{dodged}", True, (255, 255, 255)), (10, 10))
        if dead:
            screen.blit(font.render("CRASH!  N: new game", True, (255, 90, 90)), (60, 220))
        pygame.display.flip()
        clock.tick(60)


if __name__ == "__main__":
    main()
