"""Orbit: an asyncio game loop in the pygbag style (await asyncio.sleep(0) every frame).

Controls: Space reverses the orbit; Up/Down change its radius; click to move the sun.
"""

import asyncio
import math

import pygame

WIDTH, HEIGHT = 640, 480
FPS = 60


class Planet:
    def __init__(self):
        self.angle, self.radius, self.direction = 0.0, 120, 1

    def update(self):
        self.angle += 0.03 * self.direction

    def position(self, sun):
        return (
            int(sun[0] + math.cos(self.angle) * self.radius),
            int(sun[1] + math.sin(self.angle) * self.radius),
        )


async def main():
    pygame.init()
    screen = pygame.display.set_mode((WIDTH, HEIGHT))
    pygame.display.set_caption("Orbit")
    font = pygame.font.Font(None, 28)
    clock = pygame.time.Clock()
    planet, sun, flips = Planet(), [WIDTH // 2, HEIGHT // 2], 0
    running = True
    while running:
        for event in pygame.event.get():
            if event.type == pygame.QUIT:
                running = False
            elif event.type == pygame.KEYDOWN and event.key == pygame.K_SPACE:
                planet.direction = -planet.direction
                flips += 1
            elif event.type == pygame.KEYDOWN and event.key == pygame.K_UP:
                planet.radius = min(220, planet.radius + 10)
            elif event.type == pygame.KEYDOWN and event.key == pygame.K_DOWN:
                planet.radius = max(40, planet.radius - 10)
            elif event.type == pygame.MOUSEBUTTONDOWN:
                sun = list(event.pos)
        planet.update()
        screen.fill((5, 5, 25))
        pygame.draw.circle(screen, (255, 210, 60), sun, 26)
        pygame.draw.circle(screen, (70, 140, 255), planet.position(sun), 12)
        text = f"Reversals {flips}   Space: reverse  Up/Down: radius  Click: sun"
        screen.blit(font.render(text, True, (230, 230, 230)), (10, 10))
        pygame.display.flip()
        clock.tick(FPS)
        await asyncio.sleep(0)
    pygame.quit()


asyncio.run(main())
