"""Shared pieces for the gallery tests: a small real pygame game and entry metadata."""

from __future__ import annotations

from typing import Any

from studio.gallery.store import Entry, Gallery

GAME = '''"""Dodge: move the square with the arrow keys and collect the dots.

Controls: arrow keys move, Escape quits.
"""

import random

import pygame

SIZE = (320, 240)
FPS = 30


class Player:
    def __init__(self):
        self.rect = pygame.Rect(150, 110, 20, 20)

    def update(self, keys):
        self.rect.x += (keys[pygame.K_RIGHT] - keys[pygame.K_LEFT]) * 4
        self.rect.y += (keys[pygame.K_DOWN] - keys[pygame.K_UP]) * 4
        self.rect.clamp_ip(pygame.Rect(0, 0, *SIZE))


class Dot:
    def __init__(self):
        self.rect = pygame.Rect(random.randrange(300), random.randrange(220), 8, 8)


def main():
    pygame.init()
    screen = pygame.display.set_mode(SIZE)
    clock = pygame.time.Clock()
    font = pygame.font.Font(None, 22)
    player, dot, score, frames = Player(), Dot(), 0, 0
    running = True
    while running:
        for event in pygame.event.get():
            if event.type == pygame.QUIT:
                running = False
            elif event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
                running = False
        player.update(pygame.key.get_pressed())
        if player.rect.colliderect(dot.rect):
            score, dot = score + 1, Dot()
        frames += 1
        screen.fill((10, 10, 30))
        pygame.draw.circle(screen, (80, 80, 160), (frames * 3 % 320, 20), 6)
        pygame.draw.rect(screen, (250, 200, 50), dot.rect)
        pygame.draw.rect(screen, (80, 220, 120), player.rect)
        screen.blit(font.render(f"score {score}  arrows move", True, (255, 255, 255)), (6, 216))
        pygame.display.flip()
        clock.tick(FPS)
    pygame.quit()


if __name__ == "__main__":
    main()
'''


def make_meta(title: str, **extra: Any) -> dict[str, Any]:
    """Metadata following the gallery entry contract (docs/gallery-entry.md)."""
    score = extra.pop("score", 80)
    meta: dict[str, Any] = {
        "title": title,
        "prompt": f"a game called {title}",
        "genre": "arcade",
        "source": "offline",
        "author": "offline designer (no model)",
        "model": None,
        "preset": None,
        "seed": 1,
        "score": score,
        "verdict": {
            "playable": True,
            "score": score,
            "flags": [],
            "summary": f"playable, score {score}, no flags",
        },
        "created": "2026-11-30T01:00:00Z",
        "tokens": {"prompt": 0, "completion": 0},
        "cost_usd": None,
        "time_seconds": 0.4,
        "attempts": [
            {
                "n": 1,
                "playable": False,
                "score": 20,
                "flags": ["crash"],
                "reason": "crash",
                "tokens": {"prompt": 0, "completion": 0},
            },
            {
                "n": 2,
                "playable": True,
                "score": score,
                "flags": [],
                "reason": "",
                "tokens": {"prompt": 0, "completion": 0},
            },
        ],
        "parent": None,
        "controls": "arrow keys move",
    }
    meta.update(extra)
    return meta


def entry_named(entries: list[Entry], slug: str) -> Entry:
    return next(e for e in entries if e.slug == slug)


def add_many(root: str, title: str, count: int, tag: str, barrier: Any) -> None:
    """Add ``count`` entries all titled ``title``; runs in another process (see test_store)."""
    gallery = Gallery(root)
    barrier.wait()
    for i in range(count):
        gallery.add(f"# {tag}-{i}\n" + GAME, make_meta(title, marker=f"{tag}-{i}"))


def add_versions(root: str, slug: str, count: int, tag: str, barrier: Any) -> None:
    """Add ``count`` versions on ``slug@1``; runs in another process (see test_versions)."""
    gallery = Gallery(root)
    parent = gallery.resolve(f"{slug}@1")
    barrier.wait()
    for i in range(count):
        meta = make_meta(parent.title, marker=f"{tag}-{i}", request=f"change {tag}-{i}")
        gallery.add_version(parent, f"# {tag}-{i}\n" + GAME, meta)


def record_crashes(root: str, ref: str, count: int, tag: str, barrier: Any) -> None:
    """Record ``count`` crashes on ``ref``; runs in another process (see test_versions)."""
    gallery = Gallery(root)
    entry = gallery.resolve(ref)
    barrier.wait()
    for i in range(count):
        gallery.record_crash(entry, f"Traceback: {tag}-{i}")
