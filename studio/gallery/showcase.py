"""Filling a gallery with a showcase: one verified game per prompt; and putting the shipped
showcase (the repository's ``games/``, installed as ``studio/showcase/``) into a user's
gallery on first use (``seed_shipped``).

The caller injects ``make(prompt, seed)``, so this module knows nothing of how games are made
(a model, the offline designer, Big Brain). ``make`` returns either an ``Entry`` it already
stored, or a mapping with ``code`` and ``meta`` (and optionally ``thumbnail``, ``preview``,
``run_log``) for this module to store; ``None`` means no playable game came out.
"""

from __future__ import annotations

import json
import shutil
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import studio
from studio.errors import GalleryError, StudioError
from studio.gallery.store import (
    CODE_FILE,
    META_FILE,
    PREVIEW_STEM,
    PREVIEW_SUFFIXES,
    TEMP_PREFIX,
    THUMB_FILE,
    Entry,
    Gallery,
    write_json_atomic,
)

#: Written in a gallery once the shipped showcase was put there: never put there again, so
#: a showcase game the user removed stays removed.
SEEDED_MARKER = ".showcase.json"
_ENTRY_FILES = (CODE_FILE, META_FILE, THUMB_FILE, *(PREVIEW_STEM + s for s in PREVIEW_SUFFIXES))


def shipped_showcase() -> Path | None:
    """The showcase that ships with the studio: ``studio/showcase/`` in an installed
    package, the repository's ``games/`` in a checkout; None when neither is there."""
    package = Path(studio.__file__).resolve().parent
    for folder in (package / "showcase", package.parent / "games"):
        if folder.is_dir() and any((child / META_FILE).is_file() for child in folder.iterdir()):
            return folder
    return None


def seed_shipped(gallery: Gallery, source: Path | None = None) -> list[str]:
    """Copy the shipped showcase into ``gallery`` once, beside whatever is there: a slug
    already taken gets the next free one, nothing is overwritten. Returns the new slugs
    (none when the gallery was seeded before or nothing ships)."""
    marker = gallery.root / SEEDED_MARKER
    source = source if source is not None else shipped_showcase()
    if source is None or marker.exists():
        return []
    if gallery.root.resolve() == source.resolve():  # the checkout's games/ used as a gallery
        return []
    gallery.root.mkdir(parents=True, exist_ok=True)
    added = []
    for entry in Gallery(source).entries(on_warning=lambda _msg: None):
        tmp = gallery.root / f"{TEMP_PREFIX}{uuid.uuid4().hex}"
        tmp.mkdir()
        try:
            for name in _ENTRY_FILES:
                if (entry.path / name).is_file():
                    shutil.copyfile(entry.path / name, tmp / name)
            meta = json.loads((tmp / META_FILE).read_text(encoding="utf-8"))
            meta["showcase"] = True
            write_json_atomic(tmp / META_FILE, meta)
            added.append(gallery.claim(tmp, entry.slug))
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
    write_json_atomic(marker, {"from": str(source), "slugs": added})
    return added


#: The prompts of the shipped showcase (Tetris + Bejeweled first: the studio's own example).
DEFAULT_PROMPTS: tuple[str, ...] = (
    "a game that mixes Tetris and Bejeweled",
    "a snake game in neon colours",
    "breakout with power-ups",
    "an invaders-style space shooter",
    "a flappy bird style game with pipes",
    "2048",
    "a maze where you collect gems before the timer runs out",
    "memory cards matching game",
)

Made = Entry | Mapping[str, Any] | None
Make = Callable[[str, int], Made]


@dataclass
class ShowcaseResult:
    """What happened to each prompt: the stored entries and the prompts that failed, why."""

    added: list[Entry] = field(default_factory=list)
    kept: list[Entry] = field(default_factory=list)  # already in the gallery, left alone
    failed: list[tuple[str, str]] = field(default_factory=list)


def build_showcase(
    gallery: Gallery,
    make: Make,
    prompts: tuple[str, ...] | list[str] = DEFAULT_PROMPTS,
    *,
    seed: int = 0,
    skip_existing: bool = True,
    require_playable: bool = True,
    progress: Callable[[str], None] | None = None,
) -> ShowcaseResult:
    """Make one game per prompt and keep it in ``gallery``; a failing prompt does not stop
    the others. With ``skip_existing``, a prompt already in the gallery is not made again."""
    say = progress or (lambda _msg: None)
    result = ShowcaseResult()
    existing = {e.prompt: e for e in gallery.entries(on_warning=say)} if skip_existing else {}
    for i, prompt in enumerate(prompts):
        if prompt in existing:
            result.kept.append(existing[prompt])
            say(f"kept {existing[prompt].slug}: {prompt!r} is already in the gallery")
            continue
        try:
            made = make(prompt, seed + i)
            entry = _store(gallery, made, prompt, require_playable)
        except StudioError as exc:
            result.failed.append((prompt, str(exc)))
            say(f"failed {prompt!r}: {exc}")
            continue
        result.added.append(entry)
        say(f"added {entry.slug}: {prompt!r} (score {entry.score:.0f})")
    return result


def _store(gallery: Gallery, made: Made, prompt: str, require_playable: bool) -> Entry:
    if made is None:
        raise GalleryError("no playable game was made")
    if isinstance(made, Entry):
        entry = made
    elif isinstance(made, Mapping) and "code" in made and "meta" in made:
        meta = dict(made["meta"])
        meta.setdefault("prompt", prompt)
        if require_playable and not _playable(meta):
            raise GalleryError(f"the game is not verified playable (verdict: {_verdict(meta)})")
        entry = gallery.add(
            made["code"],
            meta,
            thumbnail=_path(made.get("thumbnail")),
            preview=_path(made.get("preview")),
            run_log=_path(made.get("run_log")),
        )
        return entry
    else:
        raise GalleryError(
            f"make() returned {type(made).__name__}: expected an Entry, a mapping with "
            "'code' and 'meta', or None"
        )
    if require_playable and not _playable(entry.meta):
        raise GalleryError(f"{entry.slug} is not verified playable ({_verdict(entry.meta)})")
    return entry


def _playable(meta: Mapping[str, Any]) -> bool:
    verdict = meta.get("verdict")
    return isinstance(verdict, Mapping) and bool(verdict.get("playable"))


def _verdict(meta: Mapping[str, Any]) -> str:
    verdict = meta.get("verdict")
    if not isinstance(verdict, Mapping):
        return "none recorded"
    return str(verdict.get("summary") or verdict.get("flags") or verdict.get("playable"))


def _path(value: Any) -> Path | None:
    return Path(value) if value else None
