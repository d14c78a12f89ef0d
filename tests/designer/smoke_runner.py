"""Run generated games headless with scripted input; print one JSON line per game.

    python smoke_runner.py FRAMES SEED GAME.py [GAME.py ...]

Virtual time: ``Clock.tick`` never sleeps, it advances a fake clock by one frame and feeds the
scripted events (Enter, Space and a centre click first, then random keys, held keys, mouse
moves and clicks; never Escape or Q). It samples the screen every few frames.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import runpy
import sys
import traceback

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pygame  # noqa: E402

#: Set SMOKE_SHOT=DIR to save a screenshot of every game at frame SMOKE_FRAME (default 400).
SHOT_DIR = os.environ.get("SMOKE_SHOT", "")
SHOT_FRAME = int(os.environ.get("SMOKE_FRAME", "400"))
KEYS = [
    pygame.K_LEFT,
    pygame.K_RIGHT,
    pygame.K_UP,
    pygame.K_DOWN,
    pygame.K_a,
    pygame.K_d,
    pygame.K_w,
    pygame.K_s,
    pygame.K_SPACE,
    pygame.K_RETURN,
    pygame.K_f,
]


class Stop(Exception):
    """The scripted run is over."""


class Script:
    def __init__(self, frames: int, seed: int, path: str = "") -> None:
        self.path = path
        self.frames = frames
        self.rng = random.Random(seed)
        self.frame = 0
        self.ms = 0
        self.held: set[int] = set()
        self.pictures: set[str] = set()
        self.non_blank = 0
        self.samples = 0

    def pressed(self):
        held = self.held

        class Pressed:
            def __getitem__(self, key: int) -> bool:
                return key in held

        return Pressed()

    def sample(self) -> None:
        surface = pygame.display.get_surface()
        if surface is None:
            return
        small = pygame.transform.scale(surface, (80, 60))
        data = pygame.image.tobytes(small, "RGB")
        self.samples += 1
        self.pictures.add(hashlib.md5(data).hexdigest())
        if len(set(data[i : i + 3] for i in range(0, len(data), 48))) > 1:
            self.non_blank += 1

    def key(self, key: int) -> None:
        pygame.event.post(
            pygame.event.Event(pygame.KEYDOWN, key=key, mod=0, unicode="", scancode=0)
        )

    def tick(self) -> int:
        self.frame += 1
        self.ms += 16
        f = self.frame
        if f % 10 == 0:
            self.sample()
        if SHOT_DIR and f == SHOT_FRAME:
            name = os.path.basename(self.path).replace(".py", ".png")
            pygame.image.save(pygame.display.get_surface(), os.path.join(SHOT_DIR, name))
        if f >= self.frames:
            raise Stop
        w, h = pygame.display.get_surface().get_size()
        if f == 5:
            self.key(pygame.K_RETURN)
        elif f == 10:
            self.key(pygame.K_SPACE)
        elif f == 15:
            pos = (w // 2, h // 2)
            pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1))
        elif f > 20 and f % 3 == 0:
            roll = self.rng.random()
            if roll < 0.5:
                key = self.rng.choice(KEYS)
                self.key(key)
                if self.rng.random() < 0.5:
                    self.held = {key}
                else:
                    self.held = set()
            elif roll < 0.75:
                pos = (self.rng.randrange(w), self.rng.randrange(h))
                pygame.event.post(
                    pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0))
                )
            else:
                pos = (self.rng.randrange(w), self.rng.randrange(h))
                button = self.rng.choice([1, 1, 3])
                pygame.event.post(
                    pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=button)
                )
        return 16


def run(path: str, frames: int, seed: int) -> dict:
    script = Script(frames, seed, path)
    random.seed(seed)

    class FakeClock:
        def tick(self, framerate: float = 0) -> int:
            return script.tick()

        def get_fps(self) -> float:
            return 60.0

    real_clock, real_pressed, real_ticks = (
        pygame.time.Clock,
        pygame.key.get_pressed,
        pygame.time.get_ticks,
    )
    pygame.time.Clock = FakeClock
    pygame.key.get_pressed = script.pressed
    pygame.time.get_ticks = lambda: script.ms
    result = {"path": path, "error": None}
    try:
        runpy.run_path(path, run_name="__main__")
        result["error"] = "exited early"
    except Stop:
        pass
    except BaseException:  # noqa: BLE001 - report anything the game raised
        result["error"] = traceback.format_exc(limit=8)
    finally:
        pygame.time.Clock, pygame.key.get_pressed, pygame.time.get_ticks = (
            real_clock,
            real_pressed,
            real_ticks,
        )
        pygame.quit()
    result.update(frames=script.frame, distinct=len(script.pictures), samples=script.samples)
    result["non_blank"] = script.non_blank
    return result


def main() -> None:
    frames, seed = int(sys.argv[1]), int(sys.argv[2])
    for path in sys.argv[3:]:
        print(json.dumps(run(path, frames, seed)), flush=True)


if __name__ == "__main__":
    main()
