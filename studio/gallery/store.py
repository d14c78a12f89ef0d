"""The gallery store: one folder per game, written atomically, read defensively.

Layout of an entry ``<root>/<slug>/``::

    game.py        the program
    meta.json      the metadata (the contract: docs/gallery-entry.md)
    thumb.png      still picture (optional)
    preview.webp   animated preview, or preview.gif (optional)

Writing: the entry is built in a hidden temp folder inside the root, then moved into place
with ``os.rename``. The rename is also how a slug is claimed: it fails when the target folder
exists and is not empty, so two writers racing for the same slug end up with ``slug`` and
``slug-2`` and never overwrite each other.

Reading: a folder that is not a complete entry (unreadable ``meta.json``, no ``game.py``, a
leftover temp folder) is skipped with a warning naming it; a listing never fails because of
one bad entry.
"""

from __future__ import annotations

import contextlib
import errno
import json
import logging
import os
import re
import shutil
import unicodedata
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from studio.errors import CorruptEntry, EntryNotFound, GalleryError
from studio.gallery.location import gallery_dir

log = logging.getLogger("studio.gallery")

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

Warn = Callable[[str], None]


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

    slug: str
    path: Path  # the entry's folder
    meta: dict[str, Any] = field(default_factory=dict)

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


class Gallery:
    """The games kept on disk under ``root`` (``--gallery``, ``$STUDIO_GALLERY``, ``./games``)."""

    def __init__(self, root: str | os.PathLike[str] | None = None) -> None:
        self.root = gallery_dir(root)

    def __repr__(self) -> str:
        return f"Gallery({str(self.root)!r})"

    # -- writing -----------------------------------------------------------------------------

    def add(
        self,
        code: str,
        meta: dict[str, Any],
        *,
        thumbnail: Path | None = None,
        preview: Path | None = None,
        run_log: Path | None = None,
    ) -> Entry:
        """Store a game as a new entry, atomically, under a slug no other entry holds."""
        if not isinstance(code, str) or not code.strip():
            raise GalleryError("refusing to store an empty game: pass the program's source code")
        if not isinstance(meta, dict):
            raise GalleryError("meta must be a dict (see docs/gallery-entry.md)")
        try:
            self.root.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise GalleryError(
                f"cannot create the gallery folder {self.root}: {exc.strerror}; "
                "choose another with --gallery DIR or STUDIO_GALLERY"
            ) from exc
        meta = dict(meta)
        meta.setdefault("title", "Untitled game")
        meta.setdefault("created", now_iso())
        if run_log is not None:
            meta["run_log"] = str(run_log)
        meta.setdefault("run_log", None)

        tmp = self.root / f"{TEMP_PREFIX}{uuid.uuid4().hex}"
        try:
            tmp.mkdir()
        except OSError as exc:  # read-only, full: a GalleryError, as promised
            raise GalleryError(f"cannot write in the gallery folder {self.root}: {exc}") from exc
        try:
            self._fill(tmp, code, meta, thumbnail, preview)
            slug = self.claim(tmp, slugify(str(meta["title"])))
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
        return Entry(slug=slug, path=(self.root / slug).resolve(), meta=meta)

    def _fill(
        self,
        folder: Path,
        code: str,
        meta: dict[str, Any],
        thumbnail: Path | None,
        preview: Path | None,
    ) -> None:
        try:
            with open(folder / CODE_FILE, "w", encoding="utf-8") as fh:
                fh.write(code)
                fh.flush()
                os.fsync(fh.fileno())
            if thumbnail is not None:
                _copy_thumbnail(Path(thumbnail), folder / THUMB_FILE)
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
            raise GalleryError(f"cannot write the gallery entry in {self.root}: {exc}") from exc

    def claim(self, tmp: Path, base: str) -> str:
        """Move the folder ``tmp`` to the first free ``base``, ``base-2``, ... in the root
        and return that slug."""
        for n in range(1, MAX_TRIES + 1):
            slug = base if n == 1 else f"{base}-{n}"
            target = self.root / slug
            if target.exists() and not _is_empty_dir(target):
                continue
            try:
                os.rename(tmp, target)  # fails if another writer put a (non-empty) entry there
            except OSError as exc:
                if exc.errno in (errno.EEXIST, errno.ENOTEMPTY, errno.EISDIR, errno.ENOTDIR):
                    continue
                raise GalleryError(f"cannot move the new entry into {target}: {exc}") from exc
            return slug
        raise GalleryError(f"no free slug for {base!r} after {MAX_TRIES} tries in {self.root}")

    def update_meta(self, slug: str, changes: dict[str, Any]) -> Entry:
        """Merge ``changes`` into an entry's meta.json (atomic replace)."""
        entry = self.get(slug)
        entry.meta.update(changes)
        write_json_atomic(entry.meta_path, entry.meta)
        return entry

    def remove(self, slug: str) -> Entry:
        """Delete the entry ``slug`` (a slug of this gallery, never a path elsewhere)."""
        entry = self.get_own(slug)
        doomed = self.root / f"{TEMP_PREFIX}rm-{uuid.uuid4().hex}"
        try:
            os.rename(entry.path, doomed)  # gone from listings at once, even if rmtree stops
        except OSError as exc:
            raise GalleryError(f"cannot remove {entry.path}: {exc.strerror or exc}") from exc
        shutil.rmtree(doomed, ignore_errors=True)
        return entry

    def rename(self, slug: str, title: str) -> Entry:
        """Give the entry ``slug`` a new title, and the slug that goes with it when free."""
        title = " ".join(title.split())
        if not title:
            raise GalleryError("the new title is empty: give the game a title with letters in it")
        entry = self.get_own(slug)
        entry.meta["title"] = title
        write_json_atomic(entry.meta_path, entry.meta)
        base = slugify(title)
        if base == slug or (slug.startswith(base + "-") and slug[len(base) + 1 :].isdigit()):
            return entry
        new = self.claim(entry.path, base)
        return Entry(slug=new, path=(self.root / new).resolve(), meta=entry.meta)

    def get_own(self, slug: str) -> Entry:
        """The entry ``slug`` of this gallery (a slug only: never a folder elsewhere)."""
        if not slug or "/" in slug or os.sep in slug or slug in (".", ".."):
            raise EntryNotFound(
                f"{slug!r} is not a slug: give the slug `studio gallery` lists for the game"
            )
        folder = self.root / slug
        if folder.is_dir() and not slug.startswith(TEMP_PREFIX):
            return self._load(folder)
        raise self._not_found(slug)

    # -- reading -----------------------------------------------------------------------------

    def entries(self, on_warning: Warn | None = None) -> list[Entry]:
        """Every complete entry, by slug; each incomplete folder is skipped with a warning."""
        warn = on_warning or log.warning
        found = []
        for folder in self._folders():
            if folder.name.startswith(TEMP_PREFIX):
                warn(
                    f"skipping {folder}: an unfinished entry (a write in progress or an "
                    "interrupted one; delete it if no `studio make` is running)"
                )
                continue
            try:
                found.append(self._load(folder))
            except CorruptEntry as exc:
                warn(f"skipping {folder.name}: {exc}")
        return found

    def iter_slugs(self) -> Iterator[str]:
        for folder in self._folders():
            if not folder.name.startswith(TEMP_PREFIX):
                yield folder.name

    def _folders(self) -> list[Path]:
        if not self.root.is_dir():
            return []
        try:
            children = sorted(self.root.iterdir())
        except OSError as exc:
            raise GalleryError(f"cannot read the gallery folder {self.root}: {exc}") from exc
        keep = []
        for child in children:
            name = child.name
            hidden = name.startswith((".", "_")) and not name.startswith(TEMP_PREFIX)
            if hidden or name in RESERVED or not child.is_dir():
                continue
            keep.append(child)
        return keep

    def get(self, slug_or_path: str | os.PathLike[str]) -> Entry:
        """The entry with that slug, or at that path (its folder or its game.py)."""
        text = os.fspath(slug_or_path)
        candidates = []
        as_path = Path(text)
        if as_path.name == CODE_FILE and as_path.is_file():
            candidates.append(as_path.parent)
        if as_path.is_dir() and (as_path / META_FILE).exists():
            candidates.append(as_path)
        if "/" not in text and os.sep not in text and text not in ("", ".", ".."):
            candidates.append(self.root / text)
        for folder in candidates:
            if folder.is_dir() and not folder.name.startswith(TEMP_PREFIX):
                return self._load(folder)
        raise self._not_found(text)

    def _not_found(self, text: str) -> EntryNotFound:
        known = sorted(self.iter_slugs())
        hint = f" Known slugs: {', '.join(known[:10])}." if known else ""
        return EntryNotFound(
            f"no game {text!r} in the gallery {self.root}.{hint} "
            "Run `studio gallery` to list the games, or pass a path to a game folder."
        )

    def _load(self, folder: Path) -> Entry:
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
        return Entry(slug=folder.name, path=folder.resolve(), meta=meta)


def _is_empty_dir(path: Path) -> bool:
    try:
        return path.is_dir() and not any(path.iterdir())
    except OSError:
        return False


def _copy_thumbnail(src: Path, dest: Path) -> None:
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
