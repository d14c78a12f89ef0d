"""Arena fixtures: galleries and bench folders with games for the same prompts by different
sources."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from studio.gallery.store import Gallery
from tests.gallery.conftest import pictures  # noqa: F401  (a fixture the page test uses)
from tests.gallery.helpers import GAME, make_meta

SNAKE = "a snake game in neon colours"
PONG = "pong with two paddles"


def model_meta(title: str, prompt: str, model: str | None, **extra: Any) -> dict[str, Any]:
    """A gallery entry's meta for ``model`` (None: the offline designer)."""
    if model is None:
        return make_meta(title, prompt=prompt, **extra)
    return make_meta(
        title,
        prompt=prompt,
        source="model",
        author=f"{model} via openai",
        model=model,
        preset="openai",
        **extra,
    )


def add(gallery: Gallery, title: str, prompt: str, model: str | None, **extra: Any) -> str:
    art = extra.pop("pictures", None) or {}
    entry = gallery.add(
        extra.pop("code", GAME),
        model_meta(title, prompt, model, **extra),
        thumbnail=art.get("thumb"),
        preview=art.get("preview"),
    )
    return entry.slug


def bench_sample(
    root: Path, model_slug: str, prompt_id: str, n: int, prompt: str, model: str, **extra: Any
) -> Path:
    """One sample folder as `studio bench` writes it: DIR/samples/<model>/<prompt>/<n>/."""
    folder = root / "samples" / model_slug / prompt_id / str(n)
    folder.mkdir(parents=True)
    (folder / "game.py").write_text(GAME, encoding="utf-8")
    meta = model_meta(f"{prompt_id} {n}", prompt, model, **extra)
    (folder / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    return folder


@pytest.fixture
def arena_gallery(tmp_path: Path) -> Gallery:
    """Snake by the designer and by gpt-4o-mini; pong by the designer only."""
    gallery = Gallery(tmp_path / "games")
    add(gallery, "Neon Snake", SNAKE, None)
    add(gallery, "Snake GPT", SNAKE, "gpt-4o-mini")
    add(gallery, "Paddles", PONG, None)
    return gallery
