"""What a verdict leaves for people: a thumbnail PNG and an animated preview of the play.

The preview is encoded while the game plays: a ``PreviewWriter`` takes the frames of the run
with input as the sandbox streams them, so that by the time the runs are over little is
left to do. Pillow encodes an animation from a list of images; the frames still to come
are handed to it as one multi-frame image whose ``seek`` waits for the next frame.
"""

from __future__ import annotations

import io
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from PIL import Image, ImageChops

from studio.verdicts.readback import PreviewFrame

if TYPE_CHECKING:
    from PIL._typing import CapsuleType

PREVIEW_SPEEDUP = 2  # the preview plays twice as fast as the game did
FINISH_SECONDS = 10.0  # at most this long for the last frames once the runs are over
WEBP = {"quality": 60, "method": 0, "kmin": 0, "kmax": 0}  # no key frames: 2.5x faster
THUMB_PNG = {"compress_level": 1}
SCORE_SIZE = (64, 64)  # how busy a frame looks (its entropy) is judged on a copy this small
#: A frame of play changes part of the picture; a screen that comes or goes (game over, a
#: new game, a shade over everything) changes nearly all of it.
LOCAL_CHANGE = 0.5


class _StreamEnded(Exception):
    """The run ended before its last expected frame (a crash, the game quit)."""


class _FramesToCome:
    """The frames after the first, as one multi-frame image in Pillow's eyes: it asks for
    frame ``i`` with ``seek(i)``, which waits for the game to draw it."""

    def __init__(self, frames: Iterator[PreviewFrame], writer: PreviewWriter, count: int):
        self.n_frames = count
        self._frames = frames
        self._writer = writer
        self._image: Image.Image | None = None

    @property
    def mode(self) -> str:
        return self._image.mode if self._image is not None else "RGB"

    def seek(self, index: int) -> None:
        frame = next(self._frames, None)
        if frame is None:
            raise _StreamEnded
        self._image = self._writer.keep(frame)

    def getim(self) -> CapsuleType:  # Pillow's image capsule
        assert self._image is not None
        return self._image.getim()


class PreviewWriter:
    """Turns a stream of preview frames into ``preview.webp`` and ``thumb.png`` in ``out``.

    A thread consumes the stream as it comes (once ``begin`` is set, if given: the game's
    runs come first); ``finish()`` waits for it and writes the files.
    If the stream ends early, or streaming encoding fails, the frames received are encoded
    at the end instead.
    """

    def __init__(
        self,
        frames: Iterable[PreviewFrame],
        out: Path,
        frame_ms: float,
        begin: threading.Event | None = None,
    ) -> None:
        self.out = out
        self.begin = begin
        self.duration = max(1, int(frame_ms / PREVIEW_SPEEDUP))
        self.frames: list[Image.Image] = []
        self.scores: list[float] = []
        self.changes: list[float] = []  # the share of each frame's pixels the one before lacked
        self._last_look: Image.Image | None = None
        self.webp: bytes | None = None
        self.streamed = False  # True when the preview was encoded as the frames came
        self._source = frames
        self._thread = threading.Thread(target=self._work, name="preview", daemon=True)
        self._thread.start()

    def keep(self, frame: PreviewFrame) -> Image.Image:
        """The frame as an image (RGBX frames are used in place: what the WebP encoder takes
        without a conversion), and how busy it looks."""
        mode = frame.raw_mode
        image = Image.frombuffer(mode, (frame.width, frame.height), frame.data, "raw", mode, 0, 1)
        small = image.resize(SCORE_SIZE, Image.Resampling.NEAREST)
        self.frames.append(image)
        self.scores.append(small.entropy())
        look = small.convert("RGB")
        self.changes.append(_changed(self._last_look, look))
        self._last_look = look
        return image

    def _work(self) -> None:
        if self.begin is not None:  # the frames wait in their file until a core is free
            self.begin.wait()
        frames = iter(self._source)
        try:
            first = next(frames, None)
            if first is None:
                return
            image = self.keep(first)
            if first.expected < 2:
                return
            rest = _FramesToCome(frames, self, first.expected - 1)
            buffer = io.BytesIO()
            image.save(
                buffer,
                format="WEBP",
                save_all=True,
                append_images=[rest],
                duration=self.duration,
                loop=0,
                **WEBP,
            )
            self.webp, self.streamed = buffer.getvalue(), True
        except Exception:  # noqa: BLE001 - no WebP support, a short run: finish() encodes
            pass
        finally:
            for frame in frames:  # what came after a failed encoding, for finish() to encode
                self.keep(frame)

    def finish(self) -> dict[str, str]:
        """Wait for the last frames, write the files; returns their paths by kind."""
        self._thread.join(FINISH_SECONDS)
        frames = list(self.frames)
        if not frames:
            return {}
        self.out.mkdir(parents=True, exist_ok=True)
        thumb = self.out / "thumb.png"
        _representative(frames, self.scores, self.changes).convert("RGB").save(
            thumb, "PNG", **THUMB_PNG
        )
        if self.webp is not None and not self._thread.is_alive():
            preview = self.out / "preview.webp"
            preview.write_bytes(self.webp)
        else:
            preview = _encode(frames, self.out, self.duration)
        return {"thumbnail": str(thumb), "preview": str(preview)}


def _changed(before: Image.Image | None, after: Image.Image) -> float:
    """The share of pixels that differ between two small copies (all of them after none)."""
    if before is None:
        return 1.0
    histogram = ImageChops.difference(before, after).convert("L").histogram()
    return 1.0 - histogram[0] / (after.width * after.height)


def _representative(
    frames: list[Image.Image], scores: list[float], changes: list[float]
) -> Image.Image:
    """The frame with the most going on, from the middle of the run if it can be, and from
    play rather than a still screen or one that comes or goes (game over, a new game): the
    picture changed in part, not in whole, both since the frame before and by the next."""
    n = len(frames)
    middle = range(n // 5, n * 4 // 5) or range(n)

    def in_play(i: int) -> bool:
        return i + 1 < len(changes) and all(0 < c <= LOCAL_CHANGE for c in changes[i : i + 2])

    moving = [i for i in middle if in_play(i)]
    return frames[max(moving or middle, key=lambda i: scores[i] if i < len(scores) else 0.0)]


def _encode(frames: list[Image.Image], out: Path, duration: int) -> Path:
    """The preview from frames at hand: WebP, or GIF where Pillow has no WebP."""
    preview = out / "preview.webp"
    extra = {"append_images": frames[1:], "duration": duration, "loop": 0}
    try:
        frames[0].save(preview, "WEBP", save_all=True, **extra, **WEBP)
    except (OSError, KeyError, ValueError):
        preview = out / "preview.gif"
        rgb = [frame.convert("RGB") for frame in frames]
        rgb[0].save(preview, "GIF", save_all=True, **{**extra, "append_images": rgb[1:]})
    return preview
