"""The games the arena can show, each with the prompt it was made for and its source.

Three places hold games, all read with the gallery's own entry loading:

- the gallery: ``<gallery>/<slug>/`` (key: the slug);
- its versions: ``<gallery>/<slug>/versions/N/`` (key: ``slug@vN``);
- ``studio bench`` outputs: ``DIR/samples/<model-slug>/<prompt-id>/<n>/`` (key:
  ``bench:<DIR's name>/<model-slug>/<prompt-id>/<n>``).

A game's source is who made it and how: the model's name (or "offline designer"), and
"Big Brain" or "one attempt" when the run was one of those, so that Big Brain and a single
attempt of the same model are ranked as two sources.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from studio.errors import GalleryError
from studio.gallery.store import Entry, Gallery

VERSIONS_DIR = "versions"
BENCH_SAMPLES = "samples"
BENCH_THUMBS = ("thumb.png", "thumbnail.png")
BIG_BRAIN = "Big Brain"
ONE_ATTEMPT = "one attempt"

Warn = Callable[[str], None]


@dataclass(frozen=True)
class Game:
    """One game the arena can show."""

    key: str  # stable across machines: what a vote names
    entry: Entry
    origin: str  # "gallery", "version" or "bench"
    source: str

    @property
    def prompt(self) -> str:
        return self.entry.prompt

    @property
    def title(self) -> str:
        return self.entry.title

    @property
    def code(self) -> Path:
        return self.entry.code_path

    @property
    def thumbnail(self) -> Path | None:
        for name in BENCH_THUMBS:
            if (self.entry.path / name).is_file():
                return self.entry.path / name
        return None

    @property
    def preview(self) -> Path | None:
        return self.entry.preview

    @property
    def slug(self) -> str | None:
        """The gallery slug (its web page's folder) for a gallery entry; None otherwise."""
        return self.key if self.origin == "gallery" else None


def prompt_key(prompt: str) -> str:
    """Prompts that differ only in case, spacing or end punctuation are the same prompt."""
    return " ".join(re.sub(r"[\s.!?]+$", "", prompt.strip()).casefold().split())


def source_of(meta: dict[str, Any]) -> str:
    """Who made the game, and how (see the module's docstring)."""
    if meta.get("source") == "offline":
        base = "offline designer"
    else:
        base = str(meta.get("model") or meta.get("author") or meta.get("source") or "unknown")
    mode = _mode(meta)
    return f"{base} ({mode})" if mode else base


def _mode(meta: dict[str, Any]) -> str:
    settings = _run_settings(meta)
    big = meta.get("big_brain")
    if not isinstance(big, bool):
        big = settings.get("big_brain")
    if big is True:
        return BIG_BRAIN
    attempts = settings.get("attempts")
    if not isinstance(attempts, int):
        listed = meta.get("attempts")
        attempts = len(listed) if isinstance(listed, list) and listed else None
    return ONE_ATTEMPT if attempts == 1 else ""


def _run_settings(meta: dict[str, Any]) -> dict[str, Any]:
    """The settings of the run that made the game, when its run log is still there."""
    run_log = meta.get("run_log")
    if not isinstance(run_log, str) or not run_log:
        return {}
    try:
        data = json.loads((Path(run_log) / "run.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    settings = data.get("settings") if isinstance(data, dict) else None
    return settings if isinstance(settings, dict) else {}


def _game(key: str, entry: Entry, origin: str) -> Game:
    return Game(key=key, entry=entry, origin=origin, source=source_of(entry.meta))


def gallery_games(
    gallery: Gallery, warn: Warn, entries: Iterable[Entry] | None = None
) -> list[Game]:
    """The gallery's entries (or those of them given) and their versions."""
    games = []
    for entry in gallery.entries(on_warning=warn) if entries is None else entries:
        games.append(_game(entry.slug, entry, "gallery"))
        versions = entry.path / VERSIONS_DIR
        if not versions.is_dir():
            continue
        for folder in sorted(versions.iterdir(), key=lambda p: (len(p.name), p.name)):
            if not folder.name.isdigit() or not folder.is_dir():
                continue
            try:
                version = gallery.get(folder)
            except GalleryError as exc:
                warn(f"skipping version {folder.name} of {entry.slug}: {exc}")
                continue
            games.append(_game(f"{entry.slug}@v{folder.name}", version, "version"))
    return games


def bench_games(folder: Path, warn: Warn) -> list[Game]:
    """The samples of one ``studio bench`` output folder."""
    samples = folder / BENCH_SAMPLES
    if not samples.is_dir():
        raise GalleryError(
            f"--bench {folder}: no {BENCH_SAMPLES}/ folder in it; give the folder "
            "`studio bench` wrote (it holds samples/<model>/<prompt>/<n>/)"
        )
    reader = Gallery(folder)
    games = []
    for sample in sorted(samples.glob("*/*/*")):
        if not sample.is_dir() or sample.name.startswith("."):
            continue
        try:
            entry = reader.get(sample)
        except GalleryError as exc:
            warn(f"skipping bench sample {sample.relative_to(samples)}: {exc}")
            continue
        model, prompt_id, n = sample.relative_to(samples).parts
        games.append(_game(f"bench:{folder.name}/{model}/{prompt_id}/{n}", entry, "bench"))
    return games


def collect(gallery: Gallery | None, benches: Iterable[Path], warn: Warn) -> list[Game]:
    """Every game the arena can show, playable ones only (a broken game is no contest)."""
    games = gallery_games(gallery, warn) if gallery is not None else []
    for folder in benches:
        games.extend(bench_games(Path(folder), warn))
    return [g for g in games if g.entry.playable is not False and g.prompt.strip()]
