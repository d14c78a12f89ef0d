"""The gallery store: one folder per game, written atomically, read defensively.

Layout of an entry ``<root>/<slug>/``::

    game.py        the program
    meta.json      the metadata (the contract: docs/gallery-entry.md)
    thumb.png      still picture (optional)
    preview.webp   animated preview, or preview.gif (optional)

Entries' files and how one is read: ``entry.py``; versions of a game: ``versions.py``.

Writing: the entry is built in a hidden temp folder inside the root, then moved into place
with ``os.rename``. The rename is also how a slug is claimed: it fails when the target folder
exists and is not empty, so two writers racing for the same slug end up with ``slug`` and
``slug-2`` and never overwrite each other.

Reading: a folder that is not a complete entry (unreadable ``meta.json``, no ``game.py``, a
leftover temp folder) is skipped with a warning naming it; a listing never fails because of
one bad entry.
"""

from __future__ import annotations

import errno
import logging
import os
import shutil
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from studio.errors import CorruptEntry, EntryNotFound, GalleryError
from studio.gallery.entry import (
    CODE_FILE,
    MAX_SLUG,
    MAX_TRIES,
    META_FILE,
    PREVIEW_STEM,
    PREVIEW_SUFFIXES,
    RESERVED,
    TEMP_PREFIX,
    THUMB_FILE,
    Entry,
    fill_folder,
    load_entry,
    now_iso,
    slugify,
    write_json_atomic,
    write_text_atomic,
)
from studio.gallery.entry import is_empty_dir as _is_empty_dir
from studio.gallery.location import gallery_dir
from studio.gallery.versions import VersionsMixin

__all__ = [
    "CODE_FILE",
    "MAX_SLUG",
    "META_FILE",
    "PREVIEW_STEM",
    "PREVIEW_SUFFIXES",
    "TEMP_PREFIX",
    "THUMB_FILE",
    "Entry",
    "Gallery",
    "now_iso",
    "slugify",
    "write_json_atomic",
    "write_text_atomic",
]

log = logging.getLogger("studio.gallery")

Warn = Callable[[str], None]


class Gallery(VersionsMixin):
    """The games kept on disk under ``root`` (``--gallery``, ``$STUDIO_GALLERY``, ``./games``).

    Versions (``resolve``, ``versions``, ``add_version``, ``record_crash``): ``versions.py``.
    """

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
            fill_folder(tmp, code, meta, thumbnail, preview)
            slug = self.claim(tmp, slugify(str(meta["title"])))
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
        return Entry(slug=slug, path=(self.root / slug).resolve(), meta=meta)

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
        if "@" in slug and (self.root / slug.partition("@")[0]).is_dir():
            game = slug.partition("@")[0]
            raise EntryNotFound(
                f"{slug!r} names one version; this works on the whole game with all its "
                f"versions: give its slug, {game!r}"
            )
        if not slug or "/" in slug or os.sep in slug or slug in (".", ".."):
            raise EntryNotFound(
                f"{slug!r} is not a slug: give the slug `studio gallery` lists for the game"
            )
        folder = self.root / slug
        if folder.is_dir() and not slug.startswith(TEMP_PREFIX):
            return load_entry(folder)
        raise self._not_found(slug)

    # -- reading -----------------------------------------------------------------------------

    def entries(self, on_warning: Warn | None = None) -> list[Entry]:
        """Every complete entry (each game's version 1), by slug; each incomplete folder is
        skipped with a warning."""
        warn = on_warning or log.warning
        found = []
        for folder in self._game_folders(warn):
            try:
                found.append(load_entry(folder))
            except CorruptEntry as exc:
                warn(f"skipping {folder.name}: {exc}")
        return found

    def games(self, on_warning: Warn | None = None, *, all_versions: bool = False) -> list[Entry]:
        """Each game's latest readable version (or, ``all_versions``, every readable version),
        by slug; a game none of whose versions can be read is skipped with a warning."""
        warn = on_warning or log.warning
        found: list[Entry] = []
        for folder in self._game_folders(warn):
            slots = self.version_slots(folder.name)
            readable = [s.entry for s in slots if s.entry is not None]
            if not readable:
                warn(f"skipping {folder.name}: {'; '.join(s.problem for s in slots)}")
            found.extend(readable if all_versions else readable[-1:])
        return found

    def _game_folders(self, warn: Warn) -> list[Path]:
        kept = []
        for folder in self._folders():
            if folder.name.startswith(TEMP_PREFIX):
                warn(
                    f"skipping {folder}: an unfinished entry (a write in progress or an "
                    "interrupted one; delete it if no `studio make` is running)"
                )
                continue
            kept.append(folder)
        return kept

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
                return load_entry(folder)
        raise self._not_found(text)

    def _not_found(self, text: str) -> EntryNotFound:
        known = sorted(self.iter_slugs())
        hint = f" Known slugs: {', '.join(known[:10])}." if known else ""
        return EntryNotFound(
            f"no game {text!r} in the gallery {self.root}.{hint} "
            "Run `studio gallery` to list the games, or pass a path to a game folder."
        )
