"""Broken on purpose: Paddle Ball whose game over "pauses" with time.sleep(2000), meaning
two seconds but asking for 2000 of them. The ball is missed within a second when nobody
plays, so the game stalls there for half an hour of game time.

Fault: a stall (seconds passed where milliseconds were meant), not a game that ignores
the player: must be reported as hang, with the line of the sleep.
"""

import time

import pygame

WIDTH, HEIGHT = 480, 360
GAME_OVER_PAUSE = 2000  # milliseconds, the author thought


def main():
    pygame.init()
    screen = pygame.display.set_mode((WIDTH, HEIGHT))
    clock = pygame.time.Clock()
    paddle, ball, vel = pygame.Rect(200, 330, 80, 10), pygame.Rect(400, 150, 12, 12), [3, 6]
    while True:
        for event in pygame.event.get():
            if event.type == pygame.QUIT:
                return
        keys = pygame.key.get_pressed()
        paddle.x += 7 * (keys[pygame.K_RIGHT] - keys[pygame.K_LEFT])
        ball.move_ip(vel)
        if ball.left < 0 or ball.right > WIDTH:
            vel[0] = -vel[0]
        if ball.top < 0 or (ball.colliderect(paddle) and vel[1] > 0):
            vel[1] = -vel[1]
        screen.fill((0, 40, 0))
        pygame.draw.rect(screen, (255, 255, 255), paddle)
        pygame.draw.ellipse(screen, (255, 255, 0), ball)
        pygame.display.flip()
        if ball.top > HEIGHT:
            time.sleep(GAME_OVER_PAUSE)
            ball.topleft, vel = (400, 150), [3, 6]
        clock.tick(60)


if __name__ == "__main__":
    main()
