"""Gallery test fixtures: a small real pygame game, its pictures, and entries built from it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from studio.gallery.store import Gallery

from .helpers import GAME, make_meta


@pytest.fixture(scope="session")
def pictures(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A thumbnail PNG and animated GIF and WebP previews drawn with Pillow."""
    folder = tmp_path_factory.mktemp("pictures")
    frames = []
    for i in range(6):
        img = Image.new("RGB", (160, 120), (10, 10, 30))
        draw = ImageDraw.Draw(img)
        draw.rectangle((10 + i * 20, 50, 30 + i * 20, 70), fill=(80, 220, 120))
        draw.ellipse((120, 10, 136, 26), fill=(250, 200, 50))
        frames.append(img)
    thumb = folder / "frame.png"
    frames[0].save(thumb)
    gif = folder / "anim.gif"
    frames[0].save(gif, save_all=True, append_images=frames[1:], duration=100, loop=0)
    webp = folder / "anim.webp"
    frames[0].save(webp, save_all=True, append_images=frames[1:], duration=100, loop=0)
    return {"thumb": thumb, "gif": gif, "webp": webp}


@pytest.fixture
def gallery(tmp_path: Path) -> Gallery:
    return Gallery(tmp_path / "games")


@pytest.fixture
def filled(gallery: Gallery, pictures: dict[str, Path]) -> Gallery:
    """Three entries: two offline (GIF and WebP previews), one model game without pictures."""
    gallery.add(
        GAME,
        make_meta(
            "Gem Fall",
            genre="puzzle",
            score=91,
            created="2026-11-29T10:00:00Z",
            prompt="a game that mixes Tetris and Bejeweled",
        ),
        thumbnail=pictures["thumb"],
        preview=pictures["gif"],
    )
    gallery.add(
        GAME,
        make_meta(
            "Neon Snake",
            genre="snake",
            score=74,
            created="2026-11-30T09:00:00Z",
            prompt="a snake game in neon colours",
        ),
        thumbnail=pictures["thumb"],
        preview=pictures["webp"],
    )
    gallery.add(
        GAME,
        make_meta(
            "Astro Rocks",
            genre="shooter",
            score=55,
            created="2026-11-28T08:00:00Z",
            source="model",
            author="gpt-4o-mini via openai",
            model="gpt-4o-mini",
            preset="openai",
            prompt="asteroids with a shield",
        ),
        run_log=Path("/tmp/runs/2026-11-28-astro"),
    )
    return gallery
