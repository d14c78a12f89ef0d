"""A small real game and the shapes in which small local models write it (issue 17).

The shapes follow what local coder models are seen to do: a numbered walk-through with one
fenced block per section and prose between ("1. Setup", "2. The classes", "3. The main
loop", then a shell block to run it); fences with info strings (```Python title="...",
```python:file.py, capitals); a whole program followed by an optional rewrite of one part
that reads names only the program defines; a reply cut at the output limit and continued,
the continuation reopening the fence and repeating the line it was cut in.
"""

from __future__ import annotations

SETUP = '''"""Dodge: slide the ship, dodge the falling rocks.

Controls: arrows or A/D move, Space dashes, Escape quits.
"""

import random

import pygame

WIDTH, HEIGHT = 320, 240
FPS = 30
SHIP_COLOUR = (120, 220, 255)
ROCK_COLOUR = (230, 140, 60)'''

CLASSES = """class Ship:
    def __init__(self):
        self.rect = pygame.Rect(WIDTH // 2 - 12, HEIGHT - 28, 24, 14)
        self.dash = 0

    def update(self, keys):
        step = 9 if self.dash else 5
        if keys[pygame.K_LEFT] or keys[pygame.K_a]:
            self.rect.x -= step
        if keys[pygame.K_RIGHT] or keys[pygame.K_d]:
            self.rect.x += step
        if keys[pygame.K_UP] or keys[pygame.K_w]:
            self.rect.y = max(HEIGHT // 2, self.rect.y - 4)
        if keys[pygame.K_DOWN] or keys[pygame.K_s]:
            self.rect.y = min(HEIGHT - 14, self.rect.y + 4)
        self.rect.clamp_ip(pygame.Rect(0, 0, WIDTH, HEIGHT))
        self.dash = max(0, self.dash - 1)

    def draw(self, screen):
        pygame.draw.rect(screen, SHIP_COLOUR, self.rect)


class Rock:
    def __init__(self):
        self.x = random.randint(8, WIDTH - 8)
        self.y = -6.0
        self.speed = random.uniform(2.0, 4.0)

    def update(self):
        self.y += self.speed

    def draw(self, screen):
        pygame.draw.circle(screen, ROCK_COLOUR, (self.x, int(self.y)), 7)"""

MAIN = """def main():
    pygame.init()
    screen = pygame.display.set_mode((WIDTH, HEIGHT))
    pygame.display.set_caption("Dodge")
    clock = pygame.time.Clock()
    font = pygame.font.Font(None, 20)
    ship = Ship()
    rocks = [Rock()]
    hits = 0
    frame = 0
    running = True
    while running:
        for event in pygame.event.get():
            if event.type == pygame.QUIT:
                running = False
            elif event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
                running = False
            elif event.type == pygame.KEYDOWN and event.key == pygame.K_SPACE:
                ship.dash = 10
            elif event.type == pygame.MOUSEBUTTONDOWN:
                ship.rect.centerx = event.pos[0]
        frame += 1
        ship.update(pygame.key.get_pressed())
        if frame % 15 == 0:
            rocks.append(Rock())
        for rock in rocks:
            rock.update()
        hits += sum(1 for r in rocks if ship.rect.collidepoint(r.x, r.y))
        rocks = [r for r in rocks if r.y < HEIGHT + 10]
        screen.fill((10, 12, 30))
        for rock in rocks:
            rock.draw(screen)
        ship.draw(screen)
        label = font.render(f"Hits {hits}  arrows/AD move", True, (255, 255, 255))
        screen.blit(label, (6, 6))
        pygame.display.flip()
        clock.tick(FPS)
    pygame.quit()


if __name__ == "__main__":
    main()"""

#: The whole program, as the joined blocks come out (parts apart by two blank lines).
GAME = f"{SETUP}\n\n\n{CLASSES}\n\n\n{MAIN}\n"


def split_reply(fences: tuple[str, str, str] = ("python", "python", "python")) -> str:
    """The program over three blocks with prose between, then how to run it."""
    a, b, c = fences
    return f"""Sure! Let's build **Dodge** step by step.

### 1. Setup and constants

First the imports and the settings we will tweak later:

```{a}
{SETUP}
```

### 2. The game objects

`Ship` moves with the arrow keys and can dash; each `Rock` falls at its own speed.

```{b}
{CLASSES}
```

### 3. The main loop

Finally we handle events, update everything, draw and tick the clock:

```{c}
{MAIN}
```

### Running it

```bash
pip install pygame
python dodge.py
```

Put the three parts into one file, in this order, and have fun!
"""


#: The same program with its main loop at top level (no ``main()``), as small models write it.
TOP_LEVEL = (
    f"{SETUP}\n\n\n{CLASSES}\n\n\n"
    + "pygame.init()\nscreen = pygame.display.set_mode((WIDTH, HEIGHT))\n"
    + "clock = pygame.time.Clock()\n"
    + "\n".join(
        line[4:]
        for line in MAIN.split("\n")[5:]
        if line.strip() and not line.startswith(("if __name__", "    main()"))
    )
    + "\n"
)

#: "Replace the loop with this": reads names only the whole program defines.
MAIN_FRAGMENT = """import pygame


def main():
    running = True
    while running:
        for event in pygame.event.get():
            if event.type == pygame.QUIT:
                running = False
        ship.update(pygame.key.get_pressed())
        screen.fill((10, 12, 30))
        ship.draw(screen)
        pygame.display.flip()
        clock.tick(FPS)


if __name__ == "__main__":
    main()"""

UPDATE_FRAGMENT = """    def update(self):
        self.y += self.speed * 1.5"""


def fragment_reply() -> str:
    """A whole top-level program, then optional rewrites of two of its parts."""
    return f"""Here is the complete game:

```python
{TOP_LEVEL.rstrip()}
```

If you prefer a `main()` function, replace the loop at the bottom with this:

```python
{MAIN_FRAGMENT}
```

And to make the rocks fall faster, replace `Rock.update` with:

```python
{UPDATE_FRAGMENT}
```
"""


def cut_parts() -> tuple[str, str, str]:
    """A reply cut twice at the output limit and the two continuations that complete it.

    The first part stops inside a line; the first continuation reopens the fence and writes
    that line again in full; the second goes on exactly where the first stopped, closes the
    fence and ends with prose.
    """
    reply = f"Here is the game:\n\n```python\n{GAME}```\n\nUse the arrows to dodge. Enjoy!\n"
    first_cut = reply.index("self.dash = 0") + len("self.da")
    second_cut = reply.index("rocks.append(Rock())")
    line_start = reply.rindex("\n", 0, first_cut) + 1
    part1 = reply[:first_cut]
    part2 = "Continuing the code:\n\n```python\n" + reply[line_start:second_cut]
    part3 = reply[second_cut:]
    return part1, part2, part3
