"""Building a showcase from prompts with an injected ``make``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from studio.errors import DesignError
from studio.gallery.showcase import DEFAULT_PROMPTS, build_showcase
from studio.gallery.store import Gallery

from .helpers import GAME, make_meta


def test_default_prompts_lead_with_tetris_and_bejeweled() -> None:
    assert "Tetris and Bejeweled" in DEFAULT_PROMPTS[0]
    assert len(DEFAULT_PROMPTS) >= 5


def test_showcase_stores_playable_games_and_reports_the_rest(
    gallery: Gallery, pictures: dict[str, Path]
) -> None:
    seen: list[tuple[str, int]] = []

    def make(prompt: str, seed: int) -> Any:
        seen.append((prompt, seed))
        if prompt == "nothing":
            return None
        if prompt == "explodes":
            raise DesignError("the designer could not read 'explodes'")
        meta = make_meta(prompt.title(), prompt=prompt)
        if prompt == "broken":
            meta["verdict"] = {
                "playable": False,
                "score": 10,
                "flags": ["crash"],
                "summary": "not playable, score 10, crash",
            }
        if prompt == "stored already":
            return gallery.add(GAME, meta)
        return {
            "code": GAME,
            "meta": meta,
            "thumbnail": pictures["thumb"],
            "preview": pictures["webp"],
        }

    prompts = ["gem fall", "nothing", "explodes", "broken", "stored already", "snake"]
    messages: list[str] = []
    result = build_showcase(gallery, make, prompts, seed=10, progress=messages.append)
    assert seen == [(p, 10 + i) for i, p in enumerate(prompts)]
    assert [e.slug for e in result.added] == ["gem-fall", "stored-already", "snake"]
    assert [p for p, _ in result.failed] == ["nothing", "explodes", "broken"]
    assert "not verified playable" in dict(result.failed)["broken"]
    assert sorted(e.slug for e in gallery.entries()) == ["gem-fall", "snake", "stored-already"]
    assert gallery.get("gem-fall").preview.name == "preview.webp"
    assert any("added gem-fall" in m for m in messages)

    # running it again keeps what is there and only retries the failures
    seen.clear()
    again = build_showcase(gallery, make, prompts, seed=10)
    assert [p for p, _ in seen] == ["nothing", "explodes", "broken"]
    assert sorted(e.slug for e in again.kept) == ["gem-fall", "snake", "stored-already"]
    assert len(gallery.entries()) == 3
