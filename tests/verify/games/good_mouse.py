"""Bubble Pop: a mouse-only game.

Controls: click empty space to blow a bubble, click a bubble to pop it (+1 score).
"""

import pygame

WIDTH, HEIGHT = 640, 480
FPS = 60


class Bubble:
    def __init__(self, x, y):
        self.x, self.y = float(x), float(y)
        self.radius = 22

    def update(self):
        self.y -= 0.7

    def hit(self, pos):
        return (pos[0] - self.x) ** 2 + (pos[1] - self.y) ** 2 <= self.radius**2


def main():
    pygame.init()
    screen = pygame.display.set_mode((WIDTH, HEIGHT))
    pygame.display.set_caption("Bubble Pop")
    font = pygame.font.Font(None, 28)
    clock = pygame.time.Clock()
    bubbles = [Bubble(120, 420), Bubble(520, 450)]
    score = 0
    running = True
    while running:
        for event in pygame.event.get():
            if event.type == pygame.QUIT:
                running = False
            elif event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
                popped = [b for b in bubbles if b.hit(event.pos)]
                if popped:
                    bubbles.remove(popped[0])
                    score += 1
                else:
                    bubbles.append(Bubble(*event.pos))
        for bubble in bubbles:
            bubble.update()
        bubbles = [b for b in bubbles if b.y + b.radius > 40]
        screen.fill((10, 30, 50))
        for bubble in bubbles:
            pygame.draw.circle(
                screen, (120, 220, 255), (int(bubble.x), int(bubble.y)), bubble.radius, 3
            )
        text = f"Popped {score}   Click: blow / pop bubbles"
        screen.blit(font.render(text, True, (240, 240, 240)), (10, 10))
        pygame.display.flip()
        clock.tick(FPS)
    pygame.quit()


if __name__ == "__main__":
    main()
