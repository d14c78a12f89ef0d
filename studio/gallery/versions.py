"""Versions of a game: ``slug@N`` names, the version folders, crash records.

Layout (backward compatible): a game's folder ``<root>/<slug>/`` IS its version 1; later
versions live in ``<root>/<slug>/versions/N/`` (N >= 2), each a complete entry folder. A
version is never overwritten: ``add_version`` builds the new folder in a hidden temp folder
beside the others and claims ``versions/N`` with ``os.rename``, which fails when another
writer got there first; it then tries N+1. Two processes remixing one parent at once get two
distinct versions, both whole.

Reading is defensive: a version whose folder is missing or whose files are unreadable is a
*gap* (``version_slots`` says which and why); the other versions still read.

The contract shared with the remix pipeline: /work/shared/versions-api.md (and
docs/gallery-entry.md for the metadata keys).
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import json
import os
import re
import shutil
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from studio.errors import CorruptEntry, EntryNotFound, GalleryError, UsageError, VersionNotFound
from studio.gallery.entry import (
    META_FILE,
    TEMP_PREFIX,
    VERSIONS_DIR,
    Entry,
    fill_folder,
    load_entry,
    now_iso,
    write_json_atomic,
)

#: Crash records kept per version (the newest): enough to see a pattern, never a huge file.
MAX_CRASHES = 20
#: The longest traceback kept in a crash record (its end, where the error is).
MAX_TRACEBACK = 20_000
_LOCK_FILE = ".meta.lock"
_REF = re.compile(r"^(?P<slug>[^@]+)@(?P<version>[^@]*)$")


@dataclass(frozen=True)
class Ref:
    """What a person typed to name a game: ``gem-fall@2``, ``gem-fall`` or a path."""

    slug: str  # or a path to a .py / folder when not a gallery slug
    version: int | None  # None = the latest

    def __str__(self) -> str:
        return self.slug if self.version is None else f"{self.slug}@{self.version}"


def looks_like_path(text: str) -> bool:
    """True for a path (``./x.py``, ``games/gem-fall``), never for a slug."""
    return (
        "/" in text
        or os.sep in text
        or text.endswith(".py")
        or text in (".", "..")
        or text.startswith("~")
    )


def parse_ref(text: str) -> Ref:
    """``"gem-fall@2"`` -> ``Ref("gem-fall", 2)``; ``"gem-fall"`` and paths -> version None."""
    text = text.strip()
    if not text:
        raise UsageError("no game given: name one by its slug (`studio gallery` lists them)")
    if looks_like_path(text):
        return Ref(text, None)
    match = _REF.match(text)
    if match is None:
        return Ref(text, None)
    slug, number = match["slug"], match["version"].strip()
    if number.lower() == "latest":
        return Ref(slug, None)
    if not number.isdigit() or int(number) < 1:
        raise UsageError(
            f"{text!r}: after @ comes a version number from 1, e.g. {slug}@2 "
            f"(`studio history {slug}` lists the versions)"
        )
    return Ref(slug, int(number))


def version_of(ref: object) -> int | None:
    """The version number in a ``"slug@N"`` string (as meta's ``parent`` holds), else None."""
    if not isinstance(ref, str):
        return None
    match = _REF.match(ref)
    number = match["version"] if match else ""
    return int(number) if number.isdigit() and int(number) >= 1 else None


@dataclass(frozen=True)
class Slot:
    """One version number of a game: its entry, or the reason it is a gap."""

    version: int
    path: Path
    entry: Entry | None
    problem: str = ""  # why ``entry`` is None: "missing", "meta.json is not readable ..."

    @property
    def is_gap(self) -> bool:
        return self.entry is None


class VersionsMixin:
    """The versions half of ``Gallery`` (``store.py``)."""

    root: Path

    if TYPE_CHECKING:

        def get(self, slug_or_path: str | os.PathLike[str]) -> Entry: ...
        def _not_found(self, text: str) -> EntryNotFound: ...

    # -- reading -----------------------------------------------------------------------------

    def game_dir(self, slug: str) -> Path:
        """The folder of the game ``slug`` (its version 1); EntryNotFound when there is none."""
        if not slug or looks_like_path(slug) or "@" in slug or slug.startswith((".", "_")):
            raise self._not_found(slug)
        folder = self.root / slug
        if not folder.is_dir():
            raise self._not_found(slug)
        return folder

    def version_slots(self, slug: str) -> list[Slot]:
        """Every version number of ``slug`` from 1 to the newest, gaps included, ascending."""
        folder = self.game_dir(slug)
        paths = {1: folder}
        for child in _children(folder / VERSIONS_DIR):
            if child.name.isdigit() and int(child.name) >= 2 and child.is_dir():
                paths[int(child.name)] = child
        slots = []
        for number in range(1, max(paths) + 1):
            path = paths.get(number, folder / VERSIONS_DIR / str(number))
            if number not in paths:
                slots.append(Slot(number, path, None, "missing (its folder is gone)"))
                continue
            try:
                slots.append(Slot(number, path, load_entry(path)))
            except CorruptEntry as exc:
                slots.append(Slot(number, path, None, str(exc)))
        return slots

    def versions(self, slug: str) -> list[Entry]:
        """Every readable version of ``slug``, ascending (gaps left out: see version_slots)."""
        return [s.entry for s in self.version_slots(slug) if s.entry is not None]

    def latest(self, slug: str) -> Entry:
        """The newest readable version of ``slug``."""
        slots = self.version_slots(slug)
        readable = [s.entry for s in slots if s.entry is not None]
        if not readable:
            why = "; ".join(f"@{s.version}: {s.problem}" for s in slots)
            raise CorruptEntry(f"no version of {slug!r} can be read ({why})")
        return readable[-1]

    def resolve(self, text: str) -> Entry:
        """The entry ``text`` names: ``slug`` (its latest version), ``slug@N``, a game folder
        or its game.py. Errors say which games or versions exist."""
        ref = parse_ref(text)
        if ref.version is None:
            bare = ref.slug
            as_dir = Path(bare)
            in_gallery = not looks_like_path(bare) and (self.root / bare).is_dir()
            if in_gallery and not (as_dir.is_dir() and (as_dir / META_FILE).exists()):
                return self.latest(bare)
            return self.get(bare)
        slots = self.version_slots(ref.slug)
        found = next((s for s in slots if s.version == ref.version), None)
        if found is not None and found.entry is not None:
            return found.entry
        readable = [f"@{s.version}" for s in slots if s.entry is not None]
        have = f"its versions are {', '.join(readable)}" if readable else "no version can be read"
        if found is not None:  # a gap: say why
            raise VersionNotFound(
                f"{ref} cannot be read: {found.problem}; {have}. "
                f"`studio history {ref.slug}` shows them."
            )
        raise VersionNotFound(
            f"{ref.slug} has no version {ref.version}: {have} "
            f"(`studio history {ref.slug}` shows them)."
        )

    def version_counts(self) -> dict[str, int]:
        """How many versions (readable or not) each game folder holds, by slug."""
        counts = {}
        for folder in _children(self.root):
            if folder.is_dir() and not folder.name.startswith((".", "_")):
                extra = _children(folder / VERSIONS_DIR)
                counts[folder.name] = max(
                    [1] + [int(c.name) for c in extra if c.name.isdigit() and int(c.name) >= 2]
                )
        return counts

    # -- writing -----------------------------------------------------------------------------

    def add_version(
        self,
        parent: Entry,
        code: str,
        meta: dict[str, Any],
        *,
        thumbnail: Path | None = None,
        preview: Path | None = None,
        run_log: Path | None = None,
    ) -> Entry:
        """Store ``code`` as the next version of ``parent``'s game, never overwriting one.

        ``meta`` gains ``version``, ``parent`` (``parent.ref``) and ``lineage`` (the refs from
        version 1 to the parent); the caller sets ``request`` and ``changed``."""
        if not isinstance(code, str) or not code.strip():
            raise GalleryError("refusing to store an empty game: pass the program's source code")
        if not isinstance(meta, dict):
            raise GalleryError("meta must be a dict (see docs/gallery-entry.md)")
        game = self.game_dir(parent.slug)
        if not _inside(parent.path, game):
            raise GalleryError(
                f"{parent.path} is not a version of the game {parent.slug!r} in {self.root}: "
                "add it to the gallery first (Gallery.add), then add versions to that entry"
            )
        meta = dict(meta)
        meta.setdefault("title", parent.title)
        meta.setdefault("created", now_iso())
        if run_log is not None:
            meta["run_log"] = str(run_log)
        meta.setdefault("run_log", None)
        meta["parent"] = parent.ref
        meta["lineage"] = [*_lineage(parent), parent.ref]
        meta.pop("crashes", None)  # a new version has crashed nowhere yet
        home = game / VERSIONS_DIR
        tmp = home / f"{TEMP_PREFIX}{uuid.uuid4().hex}"
        try:
            home.mkdir(exist_ok=True)
            tmp.mkdir()
        except OSError as exc:
            raise GalleryError(f"cannot write in the game's folder {game}: {exc}") from exc
        try:
            meta["version"] = self._next_version(home)
            fill_folder(tmp, code, meta, thumbnail, preview)
            return self._claim_version(tmp, parent.slug, meta)
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise

    def _next_version(self, home: Path) -> int:
        taken = [int(c.name) for c in _children(home) if c.name.isdigit()]
        return max([1, *taken]) + 1

    def _claim_version(self, tmp: Path, slug: str, meta: dict[str, Any]) -> Entry:
        home = tmp.parent
        for _ in range(1000):
            number = max(int(meta["version"]), self._next_version(home))
            if number != meta["version"]:
                meta["version"] = number
                write_json_atomic(tmp / META_FILE, meta)
            target = home / str(number)
            try:
                os.rename(tmp, target)  # fails when another writer holds that number
            except OSError as exc:
                if exc.errno in (errno.EEXIST, errno.ENOTEMPTY, errno.EISDIR, errno.ENOTDIR):
                    meta["version"] = number + 1
                    write_json_atomic(tmp / META_FILE, meta)
                    continue
                raise GalleryError(f"cannot move the new version into {target}: {exc}") from exc
            return Entry(slug=slug, path=target.resolve(), meta=meta, version=number)
        raise GalleryError(f"no free version number for {slug!r} in {home}")

    def record_crash(self, entry: Entry, traceback: str, *, when: str | None = None) -> None:
        """Append a crash (time, version, traceback) to ``entry``'s meta.json, atomically and
        under a lock: two crashes recorded at once are both kept."""
        record = {
            "time": when or now_iso(),
            "version": entry.version,
            "traceback": traceback[-MAX_TRACEBACK:],
        }
        with _locked(entry.path):
            meta = _read_meta(entry.path)
            old = meta.get("crashes")
            kept = [c for c in old if isinstance(c, dict)] if isinstance(old, list) else []
            meta["crashes"] = [*kept, record][-MAX_CRASHES:]
            try:
                write_json_atomic(entry.meta_path, meta)
            except OSError as exc:
                raise GalleryError(f"cannot record the crash in {entry.meta_path}: {exc}") from exc
        entry.meta = meta

    def last_crash(self, entry: Entry) -> dict[str, Any] | None:
        """The newest crash recorded for this version (as on disk now), or None."""
        try:
            meta = _read_meta(entry.path)
        except CorruptEntry:
            meta = entry.meta
        crashes = meta.get("crashes")
        if not isinstance(crashes, list):
            return None
        for crash in reversed(crashes):
            if isinstance(crash, dict) and isinstance(crash.get("traceback"), str):
                return crash
        return None


def lineage_refs(entry: Entry) -> list[str]:
    """The refs from version 1 to ``entry``'s parent (``meta["lineage"]``), checked."""
    return _lineage(entry)


def _lineage(entry: Entry) -> list[str]:
    value = entry.meta.get("lineage")
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return list(value)
    parent = entry.meta.get("parent")
    return [parent] if isinstance(parent, str) and version_of(parent) else []


def _children(folder: Path) -> list[Path]:
    try:
        return sorted(folder.iterdir())
    except OSError:  # not there (no versions yet) or unreadable: no children to list
        return []


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder.resolve())
    except ValueError:
        return False
    return True


def _read_meta(folder: Path) -> dict[str, Any]:
    path = folder / META_FILE
    try:
        meta = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise CorruptEntry(f"{path} is not readable JSON ({exc})") from exc
    if not isinstance(meta, dict):
        raise CorruptEntry(f"{path} does not hold a JSON object")
    return meta


@contextlib.contextmanager
def _locked(folder: Path) -> Iterator[None]:
    """An exclusive lock on one version's metadata (released when the block ends)."""
    try:
        fd = os.open(folder / _LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise GalleryError(f"cannot lock {folder / META_FILE}: {exc}") from exc
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock
