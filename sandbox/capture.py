"""What the game shows: small samples at fixed virtual times, preview frames, a frame count.

Samples are taken when virtual time crosses a sample point, from whatever the display
surface holds then, so two runs of the same game are compared at the same game times.
They are raw RGB bytes appended to files the runner opened before the game started.

Preview frames (the run with input only) go to their own file, and after each one a
20-byte record on the studio's preview channel says it is there: frame index, width,
height, how many frames the whole run will have, and their byte layout (``LAYOUT_*``).
The studio encodes them as they come.
"""

from __future__ import annotations

import os
import struct

SAMPLE_SIZE = (96, 72)
PREVIEW_WIDTH = 320
#: Preview frames are red, green, blue and a spare byte a pixel (what the studio's image
#: library takes without copying), or plain RGB if the surface had padded rows.
LAYOUT_RGB, LAYOUT_RGBX = 0, 2
RGBX_MASKS = (0xFF, 0xFF00, 0xFF0000, 0)


class Capture:
    def __init__(self, pygame, vt, samples_fd: int, preview_ms: float):
        self.pg = pygame
        self.vt = vt
        self.samples_fd = samples_fd
        self.preview_fd: int | None = None
        self.records_fd: int | None = None
        self.preview_ms = preview_ms
        self.next_preview = 0.0
        self.preview_size: tuple[int, int] | None = None
        self.preview_format = LAYOUT_RGB
        self.window_size: tuple[int, int] | None = None
        self.frames = 0
        self.samples = 0
        self.previews = 0
        self.on_picture = None  # called with (t, sample) after each sample: the player's eyes
        self._blank = bytes(SAMPLE_SIZE[0] * SAMPLE_SIZE[1] * 3)

    def previews_to(self, data_fd: int, records_fd: int) -> None:
        """Write preview frames to ``data_fd`` and a record of each to ``records_fd``."""
        self.preview_fd, self.records_fd = data_fd, records_fd

    def expected_previews(self) -> int:
        """How many preview frames a run that lasts its whole game time writes."""
        count, due, t = 0, 0.0, 0.0
        while t < self.vt.end:  # the same sums as the samples' own (VirtualTime.advance)
            if t >= due:
                count += 1
                due += self.preview_ms
            t += self.vt.sample_ms
        return count

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
        if self.on_picture is not None:
            self.on_picture(t, data)
        if self.preview_fd is not None and t >= self.next_preview:
            self.next_preview += self.preview_ms
            self._preview(surface)

    def _preview(self, surface) -> None:
        if self.preview_size is None:
            w, h = surface.get_size() if surface is not None else (640, 480)
            high = round(PREVIEW_WIDTH * h / max(w, 1))
            self.preview_size = size = (PREVIEW_WIDTH, max(2, min(high, 4 * PREVIEW_WIDTH)))
            self.expected = self.expected_previews()
            self._scaled = self.pg.Surface(size, 0, surface if surface is not None else 32)
            self._out = self.pg.Surface(size, 0, 32, RGBX_MASKS)
            whole_rows = self._out.get_pitch() == size[0] * 4
            self.preview_format = LAYOUT_RGBX if whole_rows else LAYOUT_RGB
        os.write(self.preview_fd, self._frame(surface))
        record = struct.pack(
            "<5I", self.previews, *self.preview_size, self.expected, self.preview_format
        )
        self.previews += 1
        try:
            os.write(self.records_fd, record)
        except OSError:  # the studio stopped listening: the file still has the frame
            pass

    def _frame(self, surface) -> bytes:
        """The window scaled to the preview size, as bytes in the preview's layout."""
        out = self._out
        try:
            try:  # straight into a surface like the window's: the fast way
                scaled = self.pg.transform.smoothscale(surface, self.preview_size, self._scaled)
            except ValueError:  # the window changed format since the first frame
                scaled = self.pg.transform.smoothscale(surface, self.preview_size)
            out.blit(scaled, (0, 0))
        except Exception:  # no window
            out.fill((0, 0, 0))
        if self.preview_format == LAYOUT_RGBX:
            return out.get_buffer().raw
        return self.pg.image.tobytes(out, "RGB")

    def install(self) -> None:
        """Count frames on every flip/update; a flip with no wait since the last one is busy."""
        display = self.pg.display
        real_flip, real_update = display.flip, display.update
        vt = self.vt

        def on_frame() -> None:
            self.frames += 1
            vt.alive()
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
