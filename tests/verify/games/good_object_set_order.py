"""Bubble Pop that keeps its bubbles in a set of objects (hashed by identity) and draws them
in the set's order, each bubble wobbling by its own random.Random() made without a seed.

Trait: hash order of objects, private generators seeded by the OS; click bubbles to pop them.
"""

import random

import pygame

WIDTH, HEIGHT = 480, 480


class Bubble:
    def __init__(self, top=HEIGHT):
        self.rng = random.Random()
        self.x = self.rng.randint(40, WIDTH - 40)
        self.y = top + self.rng.randint(0, 300)
        self.r = self.rng.randint(14, 34)
        self.color = (self.rng.randint(60, 255), self.rng.randint(60, 255), 255)

    def update(self):
        self.y -= 2
        self.x += self.rng.choice((-1, 0, 1))
        return self.y > -self.r


def main():
    pygame.init()
    screen = pygame.display.set_mode((WIDTH, HEIGHT))
    clock = pygame.time.Clock()
    bubbles, popped = {Bubble(top=100) for _ in range(14)}, 0
    while True:
        for event in pygame.event.get():
            if event.type == pygame.QUIT:
                return
            if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
                hit = {b for b in bubbles if (b.x - event.pos[0]) ** 2 + (b.y - event.pos[1]) ** 2 < b.r**2}
                bubbles -= hit
                popped += len(hit)
        bubbles = {b for b in bubbles if b.update()}
        while len(bubbles) < 14:
            bubbles.add(Bubble())
        screen.fill((10, 30, 60))
        for bubble in bubbles:
            pygame.draw.circle(screen, bubble.color, (bubble.x, bubble.y), bubble.r)
        pygame.display.set_caption(f"popped {popped}")
        pygame.display.flip()
        clock.tick(60)


if __name__ == "__main__":
    main()
