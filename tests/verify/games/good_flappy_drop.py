"""Flappy: the bird drops from the first frame and hits the ground in under a second unless
Space (or a click) flaps; the game over screen waits for Space.

Trait: starts at once and ends fast; gravity from frame one; restart on the same key.
"""

import random

import pygame

WIDTH, HEIGHT = 288, 512
GRAVITY, FLAP = 0.9, -9.0
GAP = 140


class Pipe:
    def __init__(self, x):
        self.x = x
        self.gap_y = random.randint(120, HEIGHT - 160)

    def rects(self):
        top = pygame.Rect(self.x, 0, 52, self.gap_y - GAP // 2)
        bottom = pygame.Rect(self.x, self.gap_y + GAP // 2, 52, HEIGHT)
        return top, bottom


def main():
    pygame.init()
    screen = pygame.display.set_mode((WIDTH, HEIGHT))
    clock = pygame.time.Clock()
    font = pygame.font.Font(None, 32)
    bird_y, vel, pipes, alive, score = 200.0, 0.0, [Pipe(300)], True, 0
    while True:
        for event in pygame.event.get():
            if event.type == pygame.QUIT:
                return
            flap = (event.type == pygame.KEYDOWN and event.key == pygame.K_SPACE) or (
                event.type == pygame.MOUSEBUTTONDOWN
            )
            if flap and alive:
                vel = FLAP
            elif flap:
                bird_y, vel, pipes, alive, score = 200.0, 0.0, [Pipe(300)], True, 0
        if alive:
            vel += GRAVITY
            bird_y += vel
            for pipe in pipes:
                pipe.x -= 3
            if pipes[-1].x < 120:
                pipes.append(Pipe(WIDTH + 20))
            if pipes[0].x < -60:
                pipes.pop(0)
                score += 1
            bird = pygame.Rect(60, int(bird_y), 24, 24)
            hit = any(bird.colliderect(r) for p in pipes for r in p.rects())
            if hit or bird_y > HEIGHT - 24 or bird_y < -30:
                alive = False
        screen.fill((110, 190, 240))
        for pipe in pipes:
            for rect in pipe.rects():
                pygame.draw.rect(screen, (60, 170, 60), rect)
        pygame.draw.circle(screen, (250, 220, 40), (72, int(bird_y) + 12), 12)
        screen.blit(font.render(str(score), True, (255, 255, 255)), (WIDTH // 2, 20))
        if not alive:
            screen.blit(font.render("Game over: SPACE", True, (200, 30, 30)), (50, 240))
        pygame.display.flip()
        clock.tick(30)


if __name__ == "__main__":
    main()
