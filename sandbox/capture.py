"""What the game shows: small samples at fixed virtual times, preview frames, a frame count.

Samples are taken when virtual time crosses a sample point, from whatever the display
surface holds then, so two runs of the same game are compared at the same game times.
They are raw RGB bytes appended to files the runner opened before the game started.
"""

from __future__ import annotations

import os

SAMPLE_SIZE = (96, 72)
PREVIEW_WIDTH = 320


class Capture:
    def __init__(self, pygame, vt, samples_fd: int, preview_fd: int | None, preview_ms: float):
        self.pg = pygame
        self.vt = vt
        self.samples_fd = samples_fd
        self.preview_fd = preview_fd
        self.preview_ms = preview_ms
        self.next_preview = 0.0
        self.preview_size: tuple[int, int] | None = None
        self.window_size: tuple[int, int] | None = None
        self.frames = 0
        self.samples = 0
        self.previews = 0
        self._blank = bytes(SAMPLE_SIZE[0] * SAMPLE_SIZE[1] * 3)

    def _surface(self):
        try:
            surface = self.pg.display.get_surface()
        except Exception:
            return None
        if surface is None:
            return None
        if surface.get_bitsize() not in (24, 32):
            surface = surface.convert(32, 0)
        return surface

    def _shrink(self, surface):
        """Nearest-neighbour down to twice the sample size first: smoothscale on a full
        window costs half a millisecond, on this a twentieth of that."""
        w, h = surface.get_size()
        tw, th = SAMPLE_SIZE[0] * 2, SAMPLE_SIZE[1] * 2
        if w > tw and h > th:
            return self.pg.transform.scale(surface, (tw, th))
        return surface

    def sample(self, t: float) -> None:
        surface = self._surface()
        data = self._blank
        if surface is not None:
            try:
                self.window_size = surface.get_size()
                small = self.pg.transform.smoothscale(self._shrink(surface), SAMPLE_SIZE)
                data = self.pg.image.tobytes(small, "RGB")
            except Exception:
                data = self._blank
        os.write(self.samples_fd, data)
        self.samples += 1
        if self.preview_fd is not None and t >= self.next_preview:
            self.next_preview += self.preview_ms
            self._preview(surface)

    def _preview(self, surface) -> None:
        if self.preview_size is None:
            w, h = surface.get_size() if surface is not None else (640, 480)
            self.preview_size = (PREVIEW_WIDTH, max(2, round(PREVIEW_WIDTH * h / max(w, 1))))
        size = self.preview_size
        try:
            frame = self.pg.image.tobytes(self.pg.transform.smoothscale(surface, size), "RGB")
        except Exception:
            frame = bytes(size[0] * size[1] * 3)
        os.write(self.preview_fd, frame)
        self.previews += 1

    def install(self) -> None:
        """Count frames on every flip/update; a flip with no wait since the last one is busy."""
        display = self.pg.display
        real_flip, real_update = display.flip, display.update
        vt = self.vt

        def on_frame() -> None:
            self.frames += 1
            if not vt.since_flip:
                vt.advance(1000.0 / 60.0, busy=True)
            vt.since_flip = False

        def flip():
            result = real_flip()
            on_frame()
            return result

        def update(*args, **kwargs):
            result = real_update(*args, **kwargs)
            on_frame()
            return result

        display.flip, display.update = flip, update
