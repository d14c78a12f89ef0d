"""Tank Duel: an enemy shell flies at the tank from the first frame; stand still and it hits
within a second. F2 starts a new game, as in old desktop games.

Trait: starts at once and ends fast; restart on F2; turret turns with Up/Down, tank moves
with Left/Right (KEYDOWN sets a velocity, KEYUP clears it).
"""

import math

import pygame

WIDTH, HEIGHT = 640, 400
GROUND = 340


def reset():
    return {"x": 120.0, "vx": 0, "angle": 45, "shell": [560.0, 250.0], "over": False, "t": 0}


def main():
    pygame.init()
    screen = pygame.display.set_mode((WIDTH, HEIGHT))
    clock = pygame.time.Clock()
    font = pygame.font.Font(None, 30)
    s = reset()
    while True:
        for event in pygame.event.get():
            if event.type == pygame.QUIT:
                return
            if event.type == pygame.KEYDOWN:
                if event.key == pygame.K_F2:
                    s = reset()
                elif event.key == pygame.K_LEFT:
                    s["vx"] = -5
                elif event.key == pygame.K_RIGHT:
                    s["vx"] = 5
                elif event.key == pygame.K_UP:
                    s["angle"] = min(85, s["angle"] + 5)
                elif event.key == pygame.K_DOWN:
                    s["angle"] = max(5, s["angle"] - 5)
            if event.type == pygame.KEYUP and event.key in (pygame.K_LEFT, pygame.K_RIGHT):
                s["vx"] = 0
        if not s["over"]:
            s["t"] += 1
            s["x"] = max(20, min(400, s["x"] + s["vx"]))
            s["shell"][0] -= 9
            s["shell"][1] += 1.6
            tank = pygame.Rect(int(s["x"]) - 20, GROUND - 16, 40, 16)
            if tank.collidepoint(s["shell"]) or tank.inflate(0, 60).collidepoint(s["shell"]):
                s["over"] = True
            elif s["shell"][0] < 0:
                s["shell"] = [560.0, 250.0]
        screen.fill((150, 200, 255))
        pygame.draw.rect(screen, (90, 140, 60), (0, GROUND, WIDTH, HEIGHT - GROUND))
        tx = int(s["x"])
        pygame.draw.rect(screen, (60, 80, 40), (tx - 20, GROUND - 16, 40, 16))
        rad = math.radians(s["angle"])
        tip = (tx + 28 * math.cos(rad), GROUND - 16 - 28 * math.sin(rad))
        pygame.draw.line(screen, (40, 50, 30), (tx, GROUND - 16), tip, 4)
        pygame.draw.circle(screen, (30, 30, 30), [int(v) for v in s["shell"]], 5)
        if s["over"]:
            screen.blit(font.render("HIT! F2 - new game", True, (180, 0, 0)), (220, 150))
        pygame.display.flip()
        clock.tick(60)


if __name__ == "__main__":
    main()
