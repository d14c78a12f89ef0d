#!/usr/bin/env python
"""Arcade: the gallery as a grid of games to pick from and play.

Controls:
    Arrows / WASD or the mouse   choose a game
    Enter / Space / click        play the chosen game
    Page Up / Page Down, wheel   scroll
    Escape                       quit

How games are launched: this file only uses the standard library and pygame and never starts
a process itself. ``studio arcade`` imports it and passes a ``launch`` function (the same one
``studio play`` uses); the game runs as its own process while the arcade waits, showing
"playing...", and the grid comes back when the game ends. Run on its own,
``python arcade.py [--gallery DIR] [--no-launch]`` shows which ``studio play`` command plays
the chosen game. With no gallery found it shows a demo grid, so the verifier can play it
headless (``studio test arcade.py``).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import threading
from collections.abc import Callable
from typing import Any

import pygame

#: ``launch(card)`` plays a card's game and returns a problem to show, or None.
Launch = Callable[[dict[str, Any]], object]

# -- constants ---------------------------------------------------------------------------------
SCREEN_SIZE = (960, 720)
FPS = 30
COLUMNS = 4
CARD_SIZE = (210, 196)
THUMB_SIZE = (202, 152)
GAP = 20
GRID_TOP = 76
INFO_HEIGHT = 150
BG = (18, 20, 28)
CARD_BG = (34, 38, 50)
INK = (236, 236, 242)
DIM = (150, 156, 172)
ACCENT = (255, 204, 51)
MESSAGE_FRAMES = FPS * 3
DEMO_COLOURS = [
    (231, 76, 60),
    (46, 204, 113),
    (52, 152, 219),
    (241, 196, 15),
    (155, 89, 182),
    (26, 188, 156),
    (230, 126, 34),
    (236, 240, 241),
]


def cut(font: pygame.font.Font, text: str, width: int) -> str:
    """``text`` shortened with an ellipsis so that it fits ``width`` pixels."""
    if font.size(text)[0] <= width:
        return text
    while text and font.size(text + "...")[0] > width:
        text = text[:-1]
    return text + "..."


def wrap(font: pygame.font.Font, text: str, width: int, lines: int) -> list[str]:
    """Greedy word wrap into at most ``lines`` lines, the last one cut to fit."""
    out, line = [], ""
    for word in text.split():
        trial = f"{line} {word}".strip()
        if font.size(trial)[0] <= width or not line:
            line = trial
        else:
            out.append(line)
            line = word
    if line:
        out.append(line)
    if len(out) > lines:
        out = out[:lines]
        out[-1] = cut(font, out[-1] + " ...", width)
    return out


class Card:
    """One game on the grid: its title, prompt, score and thumbnail."""

    def __init__(self, info: dict[str, Any], index: int) -> None:
        self.info = info
        self.slug = str(info.get("slug") or f"game-{index + 1}")
        self.title = str(info.get("title") or self.slug)
        self.prompt = str(info.get("prompt") or "")
        self.score = info.get("score")
        self.index = index
        self.image = self._thumbnail(info.get("thumb"))

    def _thumbnail(self, path: str | None) -> pygame.Surface:
        if path:
            try:
                picture = pygame.image.load(path).convert()
                scale = min(
                    THUMB_SIZE[0] / picture.get_width(), THUMB_SIZE[1] / picture.get_height()
                )
                size = (
                    max(1, int(picture.get_width() * scale)),
                    max(1, int(picture.get_height() * scale)),
                )
                surf = pygame.Surface(THUMB_SIZE)
                scaled = pygame.transform.smoothscale(picture, size)
                surf.blit(scaled, scaled.get_rect(center=surf.get_rect().center))
                return surf
            except (pygame.error, OSError, ValueError):
                pass
        return self._demo_picture()

    def _demo_picture(self) -> pygame.Surface:
        """A drawn stand-in when the game has no thumbnail (or for the demo grid)."""
        surf = pygame.Surface(THUMB_SIZE)
        colour = DEMO_COLOURS[self.index % len(DEMO_COLOURS)]
        surf.fill(tuple(c // 5 for c in colour))
        rng = random.Random(self.index)
        for _ in range(6):
            x, y = rng.randrange(THUMB_SIZE[0]), rng.randrange(THUMB_SIZE[1])
            size = rng.randrange(12, 40)
            if rng.random() < 0.5:
                pygame.draw.rect(surf, colour, (x, y, size, size), border_radius=4)
            else:
                pygame.draw.circle(surf, colour, (x, y), size // 2)
        return surf

    def draw(
        self,
        screen: pygame.Surface,
        rect: pygame.Rect,
        font: pygame.font.Font,
        selected: bool,
        t: int,
    ) -> None:
        pygame.draw.rect(screen, CARD_BG, rect, border_radius=8)
        screen.blit(self.image, (rect.x + 4, rect.y + 4))
        label = font.render(cut(font, self.title, rect.width - 12), True, INK)
        screen.blit(label, (rect.x + 6, rect.y + THUMB_SIZE[1] + 12))
        if selected:
            glow = 160 + int(95 * (0.5 + 0.5 * math.sin(t / 4)))
            pygame.draw.rect(screen, (glow, glow * 4 // 5, 40), rect.inflate(8, 8), 4, 10)


class Grid:
    """The cards laid out in rows, with a selection and a scroll position."""

    def __init__(self, cards: list[Card]) -> None:
        self.cards = cards
        self.selected = 0
        self.top_row = 0
        height = SCREEN_SIZE[1] - GRID_TOP - INFO_HEIGHT
        self.visible_rows = max(1, height // (CARD_SIZE[1] + GAP))
        width = COLUMNS * CARD_SIZE[0] + (COLUMNS - 1) * GAP
        self.left = (SCREEN_SIZE[0] - width) // 2

    @property
    def rows(self) -> int:
        return max(1, math.ceil(len(self.cards) / COLUMNS))

    def rect(self, index: int) -> pygame.Rect:
        row, col = divmod(index, COLUMNS)
        x = self.left + col * (CARD_SIZE[0] + GAP)
        y = GRID_TOP + (row - self.top_row) * (CARD_SIZE[1] + GAP)
        return pygame.Rect(x, y, *CARD_SIZE)

    def move(self, dx: int, dy: int) -> None:
        if not self.cards:
            return
        index = self.selected + dx + dy * COLUMNS
        self.select(min(max(index, 0), len(self.cards) - 1))

    def select(self, index: int) -> None:
        self.selected = index
        row = index // COLUMNS
        if row < self.top_row:
            self.top_row = row
        elif row >= self.top_row + self.visible_rows:
            self.top_row = row - self.visible_rows + 1

    def scroll(self, rows: int) -> None:
        self.top_row = min(max(self.top_row + rows, 0), max(0, self.rows - self.visible_rows))

    def card_at(self, pos: tuple[int, int]) -> int | None:
        for index in range(len(self.cards)):
            row = index // COLUMNS
            visible = self.top_row <= row < self.top_row + self.visible_rows
            if visible and self.rect(index).collidepoint(pos):
                return index
        return None

    def draw(self, screen: pygame.Surface, font: pygame.font.Font, t: int) -> None:
        for index, card in enumerate(self.cards):
            row = index // COLUMNS
            if self.top_row <= row < self.top_row + self.visible_rows:
                card.draw(screen, self.rect(index), font, index == self.selected, t)


class Starfield:
    """Slowly drifting dots behind the grid, so the arcade never looks frozen."""

    def __init__(self, count: int = 70) -> None:
        rng = random.Random(7)
        w, h = SCREEN_SIZE
        self.stars = [
            [rng.uniform(0, w), rng.uniform(0, h), rng.uniform(0.3, 1.5)] for _ in range(count)
        ]

    def update(self) -> None:
        for star in self.stars:
            star[1] = (star[1] + star[2]) % SCREEN_SIZE[1]

    def draw(self, screen: pygame.Surface) -> None:
        for x, y, speed in self.stars:
            shade = int(60 + 60 * speed)
            screen.fill((shade, shade, shade + 20), (int(x), int(y), 2, 2))


class Arcade:
    """The launcher: events -> update -> draw, one frame per clock tick."""

    def __init__(
        self, cards: list[dict[str, Any]], launch: Launch | None = None, title: str = "Arcade"
    ) -> None:
        pygame.display.init()  # no sound: the mixer is left alone for the games
        pygame.font.init()
        pygame.display.set_caption(title)
        self.screen = pygame.display.set_mode(SCREEN_SIZE)
        self.clock = pygame.time.Clock()
        self.big = pygame.font.Font(None, 44)
        self.font = pygame.font.Font(None, 26)
        self.small = pygame.font.Font(None, 22)
        self.demo = not cards
        infos = cards or [
            {
                "slug": f"demo-{i + 1}",
                "title": f"Demo game {i + 1}",
                "prompt": "A demo card: make games with `studio make` to fill the arcade.",
                "score": None,
            }
            for i in range(8)
        ]
        self.grid = Grid([Card(info, i) for i, info in enumerate(infos)])
        self.stars = Starfield()
        self.title = title
        self.launch = launch
        self.message, self.message_frames = "", 0
        self.playing: threading.Thread | None = None
        self.playing_title = ""
        self.t = 0

    # events ------------------------------------------------------------------------------
    def handle(self, event: pygame.event.Event) -> bool:
        """React to one event; False means quit."""
        if event.type == pygame.QUIT:
            return False
        if self.playing is not None:
            return True  # the game has the player's attention; the grid waits
        if event.type == pygame.KEYDOWN:
            moves = {
                pygame.K_LEFT: (-1, 0),
                pygame.K_a: (-1, 0),
                pygame.K_RIGHT: (1, 0),
                pygame.K_d: (1, 0),
                pygame.K_UP: (0, -1),
                pygame.K_w: (0, -1),
                pygame.K_DOWN: (0, 1),
                pygame.K_s: (0, 1),
            }
            if event.key == pygame.K_ESCAPE:
                return False
            if event.key in moves:
                self.grid.move(*moves[event.key])
            elif event.key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE):
                self.activate()
            elif event.key == pygame.K_PAGEDOWN:
                self.grid.move(0, self.grid.visible_rows)
            elif event.key == pygame.K_PAGEUP:
                self.grid.move(0, -self.grid.visible_rows)
        elif event.type == pygame.MOUSEMOTION:
            index = self.grid.card_at(event.pos)
            if index is not None:
                self.grid.selected = index
        elif event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            index = self.grid.card_at(event.pos)
            if index is not None:
                self.grid.select(index)
                self.activate()
        elif event.type == pygame.MOUSEWHEEL:
            self.grid.scroll(-event.y)
        return True

    def activate(self) -> None:
        """Play the selected game, or say how to when this arcade cannot launch games."""
        if not self.grid.cards:
            return
        card = self.grid.cards[self.grid.selected]
        if self.demo:
            self.say(f"{card.title} is a demo card: make a game with `studio make`")
        elif self.launch is None:
            self.say(f"to play it: studio play {card.slug}")
        else:
            self.playing_title = card.title
            self.playing = threading.Thread(target=self._play, args=(card,), daemon=True)
            self.playing.start()

    def _play(self, card: Card) -> None:
        try:
            assert self.launch is not None  # play() starts no thread without one
            problem = self.launch(card.info)
        except Exception as exc:  # the launcher reports; the arcade must survive any failure
            problem = f"could not play {card.title}: {exc}"
        self.say(str(problem) if problem else f"back from {card.title}")

    def say(self, text: str) -> None:
        self.message, self.message_frames = text, MESSAGE_FRAMES

    # update and draw ---------------------------------------------------------------------
    def update(self) -> None:
        self.t += 1
        self.stars.update()
        if self.message_frames:
            self.message_frames -= 1
        if self.playing is not None and not self.playing.is_alive():
            self.playing = None
            pygame.event.clear()  # keys pressed in the game window are not for the grid

    def draw(self) -> None:
        screen = self.screen
        screen.fill(BG)
        self.stars.draw(screen)
        heading = self.big.render(self.title, True, ACCENT)
        screen.blit(heading, (24, 20))
        count = f"{len(self.grid.cards)} games" + (" (demo)" if self.demo else "")
        hint = self.small.render(
            f"{count}  -  arrows/mouse: choose   Enter/click: play   Esc: quit", True, DIM
        )
        screen.blit(hint, (SCREEN_SIZE[0] - hint.get_width() - 24, 32))
        self.grid.draw(screen, self.font, self.t)
        self.draw_info(screen)
        if self.playing is not None:
            self.draw_banner(
                screen, f"playing {self.playing_title}... the arcade comes back when the game ends"
            )
        elif self.message_frames:
            self.draw_banner(screen, self.message)
        pygame.display.flip()

    def draw_info(self, screen: pygame.Surface) -> None:
        top = SCREEN_SIZE[1] - INFO_HEIGHT
        pygame.draw.rect(screen, CARD_BG, (0, top, SCREEN_SIZE[0], INFO_HEIGHT))
        if not self.grid.cards:
            return
        card = self.grid.cards[self.grid.selected]
        score = "not scored" if card.score is None else f"score {card.score}"
        screen.blit(self.big.render(cut(self.big, card.title, 640), True, INK), (24, top + 14))
        score_img = self.font.render(score, True, ACCENT)
        screen.blit(score_img, (SCREEN_SIZE[0] - score_img.get_width() - 24, top + 22))
        for i, line in enumerate(wrap(self.font, card.prompt, SCREEN_SIZE[0] - 48, 3)):
            screen.blit(self.font.render(line, True, DIM), (24, top + 58 + i * 26))

    def draw_banner(self, screen: pygame.Surface, text: str) -> None:
        text = cut(self.font, text, SCREEN_SIZE[0] - 80)
        img = self.font.render(text, True, (20, 20, 20))
        box = img.get_rect(center=(SCREEN_SIZE[0] // 2, SCREEN_SIZE[1] - INFO_HEIGHT - 20))
        box = box.inflate(24, 14)
        pygame.draw.rect(screen, ACCENT, box, border_radius=8)
        screen.blit(img, img.get_rect(center=box.center))

    def run(self) -> None:
        running = True
        while running:
            for event in pygame.event.get():
                running = self.handle(event) and running
            self.update()
            self.draw()
            self.clock.tick(FPS)
        if self.playing is not None:
            self.playing.join()  # never leave a game process without its launcher
        pygame.quit()


def _read_entry(path: str) -> dict[str, Any] | None:
    """The metadata of a complete entry folder (meta.json + game.py), else None."""
    if not os.path.isfile(os.path.join(path, "game.py")):
        return None
    try:
        with open(os.path.join(path, "meta.json"), encoding="utf-8") as fh:
            meta = json.load(fh)
    except (OSError, ValueError):
        return None
    return meta if isinstance(meta, dict) else None


def _latest(path: str) -> tuple[str, dict[str, Any]] | None:
    """A game's newest readable version: its folder ``versions/N`` (or the game's own)."""
    versions = os.path.join(path, "versions")
    numbers = []
    if os.path.isdir(versions):
        numbers = sorted((int(n) for n in os.listdir(versions) if n.isdigit()), reverse=True)
    for folder in [os.path.join(versions, str(n)) for n in numbers] + [path]:
        meta = _read_entry(folder)
        if meta is not None:
            return folder, meta
    return None


def load_cards(folder: str) -> list[dict[str, Any]]:
    """Cards for every game under ``folder``: its newest complete version (meta.json +
    game.py, in the game's folder or in its ``versions/N``)."""
    cards: list[dict[str, Any]] = []
    if not os.path.isdir(folder):
        return cards
    for name in sorted(os.listdir(folder)):
        found = None if name.startswith((".", "_")) else _latest(os.path.join(folder, name))
        if found is None:
            continue
        path, meta = found
        thumb = os.path.join(path, "thumb.png")
        cards.append(
            {
                "slug": name,
                "title": meta.get("title") or name,
                "prompt": meta.get("prompt") or "",
                "score": meta.get("score"),
                "thumb": thumb if os.path.isfile(thumb) else None,
                "code": os.path.join(path, "game.py"),
            }
        )
    return cards


def run(cards: list[dict[str, Any]], launch: Launch | None = None, title: str = "Arcade") -> None:
    """Show ``cards`` (dicts: slug, title, prompt, score, thumb, code); ``launch(card)``
    plays one and returns an error message or None. No cards: a demo grid."""
    Arcade(cards, launch=launch, title=title).run()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Browse a gallery of games.")
    parser.add_argument("--gallery", default="games", help="the gallery folder (./games)")
    parser.add_argument(
        "--no-launch",
        action="store_true",
        help="never start games (this file on its own never does)",
    )
    args, _unknown = parser.parse_known_args(argv)  # tolerate a harness's own arguments
    run(load_cards(args.gallery), launch=None)


if __name__ == "__main__":
    main()
