"""The store: atomic adds, unique slugs under concurrency, corrupt entries skipped."""

from __future__ import annotations

import json
import multiprocessing
import threading
from pathlib import Path

import pytest

from studio.errors import CorruptEntry, EntryNotFound, GalleryError
from studio.gallery import store
from studio.gallery.store import Gallery, slugify

from .helpers import GAME, add_many, make_meta


def test_add_writes_a_complete_entry(gallery: Gallery, pictures: dict[str, Path]) -> None:
    entry = gallery.add(
        GAME,
        make_meta("Gem Fall!"),
        thumbnail=pictures["thumb"],
        preview=pictures["webp"],
        run_log=Path("/tmp/runs/r1"),
    )
    assert entry.slug == "gem-fall"
    assert entry.path == (gallery.root / "gem-fall").resolve()
    assert entry.code_path.read_text() == GAME
    meta = json.loads((entry.path / "meta.json").read_text())
    assert meta["title"] == "Gem Fall!"
    assert meta["run_log"] == "/tmp/runs/r1"
    assert entry.thumbnail == entry.path / "thumb.png"
    assert entry.preview == entry.path / "preview.webp"
    assert entry.thumbnail.read_bytes() == pictures["thumb"].read_bytes()
    assert sorted(p.name for p in gallery.root.iterdir()) == ["gem-fall"]  # no temp left
    # meta.json honours the umask like the other files (not a private temp file's 0600)
    assert entry.meta_path.stat().st_mode & 0o777 == entry.code_path.stat().st_mode & 0o777
    again = gallery.get("gem-fall")
    assert again.meta == meta and again.score == 80


def test_add_keeps_a_gif_preview_and_defaults(gallery: Gallery, pictures) -> None:
    entry = gallery.add(GAME, {"title": "Plain"}, preview=pictures["gif"])
    assert entry.preview is not None and entry.preview.name == "preview.gif"
    assert entry.thumbnail is None
    assert entry.meta["run_log"] is None
    assert entry.meta["created"].endswith("Z")


def test_same_title_gets_numbered_slugs(gallery: Gallery) -> None:
    slugs = [gallery.add(GAME, make_meta("Snake")).slug for _ in range(3)]
    assert slugs == ["snake", "snake-2", "snake-3"]


def test_slugify() -> None:
    assert slugify("Tetris + Bejeweled: Gem Fall!") == "tetris-bejeweled-gem-fall"
    assert slugify("Éclair ☃ run") == "eclair-run"
    assert slugify("!!!") == "game"
    assert slugify("index") == "game-index"  # the site's own page name is never a slug
    assert len(slugify("x" * 200)) <= store.MAX_SLUG


def test_claim_never_overwrites_when_the_free_check_races(gallery, monkeypatch) -> None:
    """Even if the 'is it free?' check is wrong (another writer won the race), the rename
    refuses a non-empty folder and the new entry takes the next slug."""
    first = gallery.add(GAME, make_meta("Race", marker="first"))
    monkeypatch.setattr(store, "_is_empty_dir", lambda _path: True)
    monkeypatch.setattr(store.Path, "exists", lambda _self: False)
    second = gallery.add(GAME, make_meta("Race", marker="second"))
    assert (first.slug, second.slug) == ("race", "race-2")
    assert gallery.get("race").meta["marker"] == "first"
    assert gallery.get("race-2").meta["marker"] == "second"


def test_failed_add_leaves_nothing_behind(gallery: Gallery, tmp_path: Path) -> None:
    bad_preview = tmp_path / "clip.bmp"
    bad_preview.write_bytes(b"BM")
    with pytest.raises(GalleryError, match=r"preview .*clip\.bmp"):
        gallery.add(GAME, make_meta("Broken"), preview=bad_preview)
    with pytest.raises(GalleryError, match="empty game"):
        gallery.add("  ", make_meta("Empty"))
    with pytest.raises(GalleryError, match="JSON"):
        gallery.add(GAME, make_meta("Odd", seed=object()))
    assert list(gallery.root.iterdir()) == []


def test_concurrent_adds_in_threads_never_clobber(gallery: Gallery) -> None:
    count = 12
    barrier = threading.Barrier(count)
    errors: list[BaseException] = []

    def worker(i: int) -> None:
        try:
            barrier.wait()
            gallery.add(f"# t{i}\n" + GAME, make_meta("Same Title", marker=f"t{i}"))
        except BaseException as exc:  # surfaced by the assert below
            errors.append(exc)

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(count)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    _assert_complete_and_distinct(gallery, {f"t{i}" for i in range(count)}, "same-title")


def test_concurrent_adds_in_two_processes_never_clobber(gallery: Gallery) -> None:
    ctx = multiprocessing.get_context("fork")
    barrier = ctx.Barrier(2)
    per_process = 8
    procs = [
        ctx.Process(target=add_many, args=(str(gallery.root), "Twin", per_process, tag, barrier))
        for tag in ("a", "b")
    ]
    for p in procs:
        p.start()
    for p in procs:
        p.join(timeout=60)
    assert [p.exitcode for p in procs] == [0, 0]
    markers = {f"{tag}-{i}" for tag in ("a", "b") for i in range(per_process)}
    _assert_complete_and_distinct(gallery, markers, "twin")


def _assert_complete_and_distinct(gallery: Gallery, markers: set[str], base: str) -> None:
    warnings: list[str] = []
    entries = gallery.entries(on_warning=warnings.append)
    assert warnings == []
    assert not [p for p in gallery.root.iterdir() if p.name.startswith(".")]
    slugs = [e.slug for e in entries]
    assert len(slugs) == len(set(slugs)) == len(markers)
    assert set(slugs) == {base} | {f"{base}-{n}" for n in range(2, len(markers) + 1)}
    assert {e.meta["marker"] for e in entries} == markers
    for e in entries:  # the code in each folder belongs to the meta in that folder
        assert e.code_path.read_text().startswith(f"# {e.meta['marker']}\n")


def test_corrupt_entries_are_skipped_with_a_warning_naming_them(filled: Gallery) -> None:
    root = filled.root
    (root / "bad-json").mkdir()
    (root / "bad-json" / "game.py").write_text(GAME)
    (root / "bad-json" / "meta.json").write_text("{not json")
    (root / "no-code").mkdir()
    (root / "no-code" / "meta.json").write_text(json.dumps(make_meta("No code")))
    (root / "list-meta").mkdir()
    (root / "list-meta" / "game.py").write_text(GAME)
    (root / "list-meta" / "meta.json").write_text("[1, 2]")
    (root / ".tmp-0123abcd").mkdir()
    (root / "index.html").write_text("<html></html>")  # the site's page is not an entry
    (root / "__pycache__").mkdir()
    warnings: list[str] = []
    entries = filled.entries(on_warning=warnings.append)
    assert sorted(e.slug for e in entries) == ["astro-rocks", "gem-fall", "neon-snake"]
    assert len(warnings) == 4
    for name in ("bad-json", "no-code", "list-meta", ".tmp-0123abcd"):
        assert sum(name in w for w in warnings) == 1, (name, warnings)
    with pytest.raises(CorruptEntry, match="bad-json"):
        filled.get("bad-json")


def test_get_by_slug_folder_or_code_path(filled: Gallery) -> None:
    entry = filled.get("gem-fall")
    assert filled.get(entry.path).slug == "gem-fall"
    assert filled.get(str(entry.code_path)).slug == "gem-fall"
    with pytest.raises(EntryNotFound, match=r"no game 'nope'.*studio gallery"):
        filled.get("nope")


def test_missing_gallery_lists_nothing(tmp_path: Path) -> None:
    assert Gallery(tmp_path / "absent").entries() == []


def test_gallery_root_from_env(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("STUDIO_GALLERY", str(tmp_path / "envgal"))
    assert Gallery().root == tmp_path / "envgal"
    assert Gallery(tmp_path / "flag").root == tmp_path / "flag"


def test_update_meta_is_atomic(filled: Gallery) -> None:
    entry = filled.update_meta("gem-fall", {"score": 99})
    assert entry.score == 99
    assert filled.get("gem-fall").score == 99
    assert sorted(p.name for p in entry.path.iterdir()) == [
        "game.py",
        "meta.json",
        "preview.gif",
        "thumb.png",
    ]
