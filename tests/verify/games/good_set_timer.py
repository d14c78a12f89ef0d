"""Block Rain: falling blocks spawned by a pygame.time.set_timer event.

Controls: Left/Right (or A/D) move; dodge the blocks. A hit resets the score.
"""

import random

import pygame

WIDTH, HEIGHT = 640, 480
FPS = 60
SPAWN = pygame.USEREVENT + 1
SECOND = pygame.USEREVENT + 2


def main():
    pygame.init()
    screen = pygame.display.set_mode((WIDTH, HEIGHT))
    pygame.display.set_caption("Block Rain")
    font = pygame.font.Font(None, 28)
    clock = pygame.time.Clock()
    pygame.time.set_timer(SPAWN, 400)
    pygame.time.set_timer(SECOND, 1000)
    player = pygame.Rect(WIDTH // 2 - 20, HEIGHT - 40, 40, 20)
    blocks = []
    direction, seconds, best = 0, 0, 0
    left, right = (pygame.K_LEFT, pygame.K_a), (pygame.K_RIGHT, pygame.K_d)
    running = True
    while running:
        for event in pygame.event.get():
            if event.type == pygame.QUIT:
                running = False
            elif event.type == SPAWN:
                blocks.append(pygame.Rect(random.randrange(0, WIDTH - 30), 40, 30, 30))
            elif event.type == SECOND:
                seconds += 1
                best = max(best, seconds)
            elif event.type == pygame.KEYDOWN and event.key in left:
                direction = -1
            elif event.type == pygame.KEYDOWN and event.key in right:
                direction = 1
            elif event.type == pygame.KEYUP and event.key in left + right:
                direction = 0
        player.x += 6 * direction
        player.clamp_ip(screen.get_rect())
        for block in blocks:
            block.y += 4
        if any(block.colliderect(player) for block in blocks):
            seconds = 0
            blocks.clear()
        blocks = [b for b in blocks if b.top < HEIGHT]
        screen.fill((240, 240, 230))
        for block in blocks:
            pygame.draw.rect(screen, (60, 90, 200), block)
        pygame.draw.rect(screen, (220, 80, 40), player)
        text = f"Survived {seconds}s  Best {best}s   Left/Right: dodge"
        screen.blit(font.render(text, True, (20, 20, 20)), (10, 10))
        pygame.display.flip()
        clock.tick(FPS)
    pygame.quit()


if __name__ == "__main__":
    main()
