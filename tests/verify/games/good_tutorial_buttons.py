"""Road Dodge in the shape of a well-known video tutorial: an intro screen with two hover
buttons drawn by a button(msg, x, y, w, h, colour, hover, action) helper that polls
mouse.get_pos() and mouse.get_pressed(); "GO!" sits in the lower left, "Quit" in the lower
right and quits. The car is on a collision course from the first frame of play; a crash
shows the same two buttons again.

Trait: the only way in is a click on a button away from the centre (and a quit button
beside it that the player must leave alone); start-at-once danger after it.
"""

import pygame

pygame.init()
DISPLAY_W, DISPLAY_H = 800, 600
game_display = pygame.display.set_mode((DISPLAY_W, DISPLAY_H))
pygame.display.set_caption("Road Dodge")
clock = pygame.time.Clock()
BLACK, WHITE = (0, 0, 0), (255, 255, 255)
GREEN, BRIGHT_GREEN = (0, 160, 0), (0, 255, 0)
RED, BRIGHT_RED = (160, 0, 0), (255, 0, 0)
state = {"scene": "intro", "crashes": 0}


def text_objects(text, font):
    surface = font.render(text, True, BLACK)
    return surface, surface.get_rect()


def button(msg, x, y, w, h, ic, ac, action=None):
    mouse = pygame.mouse.get_pos()
    click = pygame.mouse.get_pressed()
    if x + w > mouse[0] > x and y + h > mouse[1] > y:
        pygame.draw.rect(game_display, ac, (x, y, w, h))
        if click[0] == 1 and action is not None:
            action()
    else:
        pygame.draw.rect(game_display, ic, (x, y, w, h))
    surf, rect = text_objects(msg, pygame.font.Font(None, 28))
    rect.center = (x + w / 2, y + h / 2)
    game_display.blit(surf, rect)


def quitgame():
    pygame.quit()
    quit()


def go():
    state["scene"] = "play"


def menu(title):
    game_display.fill(WHITE)
    surf, rect = text_objects(title, pygame.font.Font(None, 90))
    rect.center = (DISPLAY_W / 2, DISPLAY_H / 3)
    game_display.blit(surf, rect)
    button("GO!", 150, 450, 100, 50, GREEN, BRIGHT_GREEN, go)
    button("Quit", 550, 450, 100, 50, RED, BRIGHT_RED, quitgame)


def play(car, block):
    keys = pygame.key.get_pressed()
    car[0] += 6 * (keys[pygame.K_RIGHT] - keys[pygame.K_LEFT])
    block[1] += 9
    if block[1] > DISPLAY_H:
        block[:] = [(block[0] * 5 + 130) % (DISPLAY_W - 100), -100]
    if block[1] + 100 > 480 and block[0] < car[0] + 60 and block[0] + 100 > car[0]:
        state["scene"], state["crashes"] = "crashed", state["crashes"] + 1
    game_display.fill((90, 90, 90))
    pygame.draw.rect(game_display, (240, 200, 0), (block[0], block[1], 100, 100))
    pygame.draw.rect(game_display, (30, 90, 220), (car[0], 480, 60, 100))


def game_loop():
    car, block = [370, 480], [340, -200]
    while True:
        for event in pygame.event.get():
            if event.type == pygame.QUIT:
                quitgame()
        if state["scene"] == "intro":
            menu("Road Dodge")
        elif state["scene"] == "crashed":
            menu(f"You crashed ({state['crashes']})")
            car, block = [370, 480], [340, -200]
        else:
            play(car, block)
        pygame.display.update()
        clock.tick(60)


game_loop()
