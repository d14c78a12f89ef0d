"""Broken on purpose: Catch the Star plays fine with the arrows, and says "R: restart" after
a miss, but its restart function uses a name it never defined: pressing R crashes.

Fault: a crash on a key only the game itself names (R), reached after the first miss
(within a second and a half when nobody plays).
"""

import pygame

WIDTH, HEIGHT = 400, 400


def restart(state):
    state.update(star=[200, 0], basket=200, over=False, score=STARTING_SCORE)  # noqa: F821


def main():
    pygame.init()
    screen = pygame.display.set_mode((WIDTH, HEIGHT))
    clock = pygame.time.Clock()
    font = pygame.font.Font(None, 32)
    state = {"star": [320, 100], "basket": 100, "over": False, "score": 0}
    while True:
        for event in pygame.event.get():
            if event.type == pygame.QUIT:
                return
            if event.type == pygame.KEYDOWN and event.key == pygame.K_r and state["over"]:
                restart(state)
        if not state["over"]:
            keys = pygame.key.get_pressed()
            state["basket"] += 6 * (keys[pygame.K_RIGHT] - keys[pygame.K_LEFT])
            state["star"][1] += 5
            if state["star"][1] > HEIGHT - 30:
                if abs(state["star"][0] - state["basket"]) < 40:
                    state["score"] += 1
                    state["star"] = [(state["star"][0] * 7 + 60) % 360 + 20, 0]
                else:
                    state["over"] = True
        screen.fill((10, 10, 40))
        pygame.draw.circle(screen, (255, 255, 120), state["star"], 10)
        pygame.draw.rect(screen, (200, 120, 60), (state["basket"] - 40, HEIGHT - 24, 80, 14))
        if state["over"]:
            screen.blit(font.render("Missed! R: restart", True, (255, 255, 255)), (100, 180))
        pygame.display.flip()
        clock.tick(60)


if __name__ == "__main__":
    main()
