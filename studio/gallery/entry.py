"""One gallery entry on disk: its files, its metadata, how it is read and written.

The pieces the store (``store.py``) and the versions (``versions.py``) share. Layout of a
game ``<root>/<slug>/`` (its version 1); later versions live in ``<root>/<slug>/versions/N/``,
each a complete entry folder::

    game.py        the program
    meta.json      the metadata (the contract: docs/gallery-entry.md)
    thumb.png      still picture (optional)
    preview.webp   animated preview, or preview.gif (optional)
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import unicodedata
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from studio.errors import CorruptEntry, GalleryError

CODE_FILE = "game.py"
META_FILE = "meta.json"
THUMB_FILE = "thumb.png"
PREVIEW_STEM = "preview"
PREVIEW_SUFFIXES = (".webp", ".gif", ".png")
TEMP_PREFIX = ".tmp-"
#: Names the site generator writes at the root; never used as slugs.
RESERVED = frozenset({"index", "pages", "assets", "static"})
MAX_SLUG = 48
MAX_TRIES = 1000
#: The folder, inside a game's folder, that holds its versions 2, 3, ...
VERSIONS_DIR = "versions"


def slugify(text: str) -> str:
    """A short, filesystem- and URL-safe name from a title: ``"Gem Fall!"`` -> ``gem-fall``."""
    norm = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", norm.lower()).strip("-")
    slug = slug[:MAX_SLUG].rstrip("-")
    if not slug or slug in RESERVED:
        slug = f"game-{slug}" if slug else "game"
    return slug


def now_iso() -> str:
    """The current time, ISO 8601 in UTC, to the second (``2026-11-30T01:02:03Z``)."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def write_text_atomic(path: Path, text: str) -> None:
    """Write ``text`` to a temp file beside ``path``, flush it to disk, then ``os.replace``."""
    tmp = path.parent / f".{path.name}-{uuid.uuid4().hex}.tmp"  # "x": never reuse a file
    try:
        with open(tmp, "x", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def write_json_atomic(path: Path, data: Any) -> None:
    """Write ``data`` as JSON to ``path`` atomically (temp file + ``os.replace``)."""
    write_text_atomic(path, json.dumps(data, indent=2, ensure_ascii=False) + "\n")


@dataclass
class Entry:
    """One game in the gallery."""

    slug: str  # the game's slug: the same for every version of it
    path: Path  # the entry's folder: <root>/<slug>/ (version 1) or <root>/<slug>/versions/N/
    meta: dict[str, Any] = field(default_factory=dict)
    version: int = 1

    @property
    def base_slug(self) -> str:
        """The game's slug, whichever version this is (``slug``, named for the contract)."""
        return self.slug

    @property
    def ref(self) -> str:
        """This version's name on the command line: ``gem-fall@2``."""
        return f"{self.slug}@{self.version}"

    @property
    def code_path(self) -> Path:
        return self.path / CODE_FILE

    @property
    def meta_path(self) -> Path:
        return self.path / META_FILE

    @property
    def thumbnail(self) -> Path | None:
        thumb = self.path / THUMB_FILE
        return thumb if thumb.is_file() else None

    @property
    def preview(self) -> Path | None:
        for suffix in PREVIEW_SUFFIXES:
            candidate = self.path / f"{PREVIEW_STEM}{suffix}"
            if candidate.is_file():
                return candidate
        return None

    @property
    def title(self) -> str:
        return str(self.meta.get("title") or self.slug)

    @property
    def score(self) -> float:
        value = self.meta.get("score")
        if value is None:
            value = (self.meta.get("verdict") or {}).get("score")
        try:
            return float(value)  # type: ignore[arg-type]  # anything: a bad value reads as 0
        except (TypeError, ValueError):
            return 0.0

    @property
    def created(self) -> str:
        return str(self.meta.get("created") or "")

    @property
    def source(self) -> str:
        return str(self.meta.get("source") or "")

    @property
    def genre(self) -> str:
        return str(self.meta.get("genre") or "")

    @property
    def prompt(self) -> str:
        return str(self.meta.get("prompt") or "")

    @property
    def playable(self) -> bool | None:
        verdict = self.meta.get("verdict")
        return verdict.get("playable") if isinstance(verdict, dict) else None


def load_entry(folder: Path) -> Entry:
    """The entry in ``folder`` (a game's folder or one of its versions' folders)."""
    meta_path = folder / META_FILE
    if not meta_path.is_file():
        raise CorruptEntry(f"{folder} has no {META_FILE} (a half-written entry?)")
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise CorruptEntry(f"{meta_path} is not readable JSON ({exc})") from exc
    if not isinstance(meta, dict):
        raise CorruptEntry(f"{meta_path} does not hold a JSON object")
    code = folder / CODE_FILE
    if code.is_symlink():  # the studio writes files; a link may point at anything
        raise CorruptEntry(f"{code} is a link, not a game the studio wrote")
    if not code.is_file():
        raise CorruptEntry(f"{folder} has no {CODE_FILE}")
    slug, version = folder.name, 1
    if folder.parent.name == VERSIONS_DIR and folder.name.isdigit() and int(folder.name) >= 2:
        slug, version = folder.parent.parent.name, int(folder.name)
    return Entry(slug=slug, path=folder.resolve(), meta=meta, version=version)


def fill_folder(
    folder: Path,
    code: str,
    meta: dict[str, Any],
    thumbnail: Path | None,
    preview: Path | None,
) -> None:
    """Write a game's files into the (new, empty) ``folder``; meta.json last."""
    try:
        with open(folder / CODE_FILE, "w", encoding="utf-8") as fh:
            fh.write(code)
            fh.flush()
            os.fsync(fh.fileno())
        if thumbnail is not None:
            copy_thumbnail(Path(thumbnail), folder / THUMB_FILE)
        if preview is not None:
            preview = Path(preview)
            suffix = preview.suffix.lower()
            if suffix not in PREVIEW_SUFFIXES:
                raise GalleryError(
                    f"preview {preview} must be one of {', '.join(PREVIEW_SUFFIXES)}"
                )
            shutil.copyfile(preview, folder / f"{PREVIEW_STEM}{suffix}")
        try:
            text = json.dumps(meta, indent=2, ensure_ascii=False) + "\n"
        except (TypeError, ValueError) as exc:
            raise GalleryError(f"meta cannot be stored as JSON: {exc}") from exc
        write_text_atomic(folder / META_FILE, text)
    except OSError as exc:
        raise GalleryError(f"cannot write the gallery entry in {folder.parent}: {exc}") from exc


def is_empty_dir(path: Path) -> bool:
    try:
        return path.is_dir() and not any(path.iterdir())
    except OSError:
        return False


def copy_thumbnail(src: Path, dest: Path) -> None:
    """Copy a PNG as is; convert any other picture Pillow reads into PNG."""
    if src.suffix.lower() == ".png":
        shutil.copyfile(src, dest)
        return
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(src) as img:
            img.convert("RGB").save(dest, "PNG")
    except (UnidentifiedImageError, OSError) as exc:
        raise GalleryError(f"thumbnail {src} is not a picture Pillow can read: {exc}") from exc
