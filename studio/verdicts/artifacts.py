"""What a verdict leaves for people: a thumbnail PNG and an animated preview of the play."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageStat

from studio.verdicts.sandbox import PREVIEW_MS, RawRun

PREVIEW_FPS_SPEEDUP = 2  # the preview plays twice as fast as the game did
MAX_PREVIEW_FRAMES = 60


def _frames(run: RawRun) -> list[Image.Image]:
    size = (run.result or {}).get("preview_size")
    if not run.preview or not isinstance(size, list):
        return []
    w, h = int(size[0]), int(size[1])
    return [Image.frombytes("RGB", (w, h), data) for data in run.preview]


def _representative(frames: list[Image.Image]) -> Image.Image:
    """The frame with the most going on, from the middle of the run if it can be."""
    middle = frames[len(frames) // 5 : len(frames) * 4 // 5] or frames
    return max(middle, key=lambda im: sum(ImageStat.Stat(im).stddev))


def write(run: RawRun, out: Path) -> dict[str, str]:
    """Write thumb.png and preview.webp (or .gif) from the run with input into ``out``."""
    frames = _frames(run)
    if not frames:
        return {}
    out.mkdir(parents=True, exist_ok=True)
    thumb = out / "thumb.png"
    _representative(frames).save(thumb)
    step = max(1, len(frames) // MAX_PREVIEW_FRAMES)
    chosen = frames[::step]
    duration = int(PREVIEW_MS * step / PREVIEW_FPS_SPEEDUP)
    preview = out / "preview.webp"
    try:
        chosen[0].save(
            preview,
            save_all=True,
            append_images=chosen[1:],
            duration=duration,
            loop=0,
            quality=60,
            method=0,
        )
    except (OSError, KeyError, ValueError):
        preview = out / "preview.gif"
        chosen[0].save(preview, save_all=True, append_images=chosen[1:], duration=duration, loop=0)
    return {"thumbnail": str(thumb), "preview": str(preview)}
