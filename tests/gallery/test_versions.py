"""Versions of a game: slug@N, add_version (also from two processes at once), gaps, crashes."""

from __future__ import annotations

import json
import multiprocessing
import shutil
from pathlib import Path

import pytest

from studio.errors import CorruptEntry, EntryNotFound, GalleryError, UsageError, VersionNotFound
from studio.gallery.store import Gallery
from studio.gallery.versions import Ref, parse_ref, version_of

from .helpers import GAME, add_versions, make_meta, record_crashes


def _game_with_versions(gallery: Gallery, count: int = 3) -> list:
    first = gallery.add(GAME, make_meta("Gem Fall"))
    made = [first]
    for n in range(2, count + 1):
        meta = make_meta("Gem Fall", request=f"change {n}", changed=f"did {n}")
        made.append(gallery.add_version(made[-1], f"# v{n}\n" + GAME, meta))
    return made


def test_parse_ref() -> None:
    assert parse_ref("gem-fall@2") == Ref("gem-fall", 2)
    assert parse_ref("gem-fall") == Ref("gem-fall", None)
    assert parse_ref(" gem-fall@latest ") == Ref("gem-fall", None)
    assert parse_ref("./x.py") == Ref("./x.py", None)
    assert parse_ref("games/gem-fall@2") == Ref("games/gem-fall@2", None)  # a path, as is
    assert str(parse_ref("gem-fall@3")) == "gem-fall@3"
    for bad in ("gem-fall@", "gem-fall@0", "gem-fall@two", "gem-fall@-1"):
        with pytest.raises(UsageError, match="version number from 1"):
            parse_ref(bad)
    with pytest.raises(UsageError, match="no game given"):
        parse_ref("  ")
    assert version_of("gem-fall@4") == 4 and version_of("gem-fall") is None
    assert version_of(None) is None


def test_the_root_folder_is_version_1(gallery: Gallery) -> None:
    entry = gallery.add(GAME, make_meta("Gem Fall"))
    assert (entry.version, entry.base_slug, entry.ref) == (1, "gem-fall", "gem-fall@1")
    again = gallery.resolve("gem-fall@1")
    assert again.path == entry.path and again.version == 1
    assert gallery.resolve("gem-fall").path == entry.path  # no versions yet: latest is 1
    assert [e.version for e in gallery.versions("gem-fall")] == [1]


def test_add_version_numbers_links_and_keeps_every_version(gallery: Gallery, pictures) -> None:
    v1 = gallery.add(GAME, make_meta("Gem Fall"))
    meta = make_meta("ignored title", request="faster", changed="pieces fall faster")
    del meta["title"]
    v2 = gallery.add_version(
        v1, "# v2\n" + GAME, meta, thumbnail=pictures["thumb"], preview=pictures["webp"]
    )
    assert v2.version == 2 and v2.ref == "gem-fall@2" and v2.slug == "gem-fall"
    assert v2.path == (gallery.root / "gem-fall" / "versions" / "2").resolve()
    on_disk = json.loads(v2.meta_path.read_text())
    assert on_disk["version"] == 2
    assert on_disk["parent"] == "gem-fall@1"
    assert on_disk["lineage"] == ["gem-fall@1"]
    assert on_disk["request"] == "faster" and on_disk["changed"] == "pieces fall faster"
    assert on_disk["title"] == "Gem Fall"  # the parent's, when the caller gives none
    assert v2.thumbnail is not None and v2.preview is not None
    v3 = gallery.add_version(v2, "# v3\n" + GAME, make_meta("Gem Fall", request="bomb"))
    assert v3.meta["lineage"] == ["gem-fall@1", "gem-fall@2"]
    # a branch: a remix of an older version is the next number, its lineage the short one
    v4 = gallery.add_version(v1, "# v4\n" + GAME, make_meta("Gem Fall", request="slower"))
    assert (v4.version, v4.meta["parent"], v4.meta["lineage"]) == (4, "gem-fall@1", ["gem-fall@1"])
    assert [e.version for e in gallery.versions("gem-fall")] == [1, 2, 3, 4]
    assert gallery.resolve("gem-fall").version == 4  # the latest
    assert gallery.resolve("gem-fall@2").code_path.read_text().startswith("# v2")
    assert v1.code_path.read_text() == GAME  # the parent untouched
    # a listing still shows one game (versions live inside its folder)
    assert [e.slug for e in gallery.entries()] == ["gem-fall"]
    assert gallery.version_counts() == {"gem-fall": 4}
    leftovers = [p.name for p in (gallery.root / "gem-fall" / "versions").iterdir()]
    assert sorted(leftovers) == ["2", "3", "4"]  # no temp folder left


def test_a_version_folder_given_as_a_path_knows_its_version(gallery: Gallery) -> None:
    v3 = _game_with_versions(gallery)[-1]
    by_path = gallery.resolve(str(v3.path))
    assert (by_path.slug, by_path.version) == ("gem-fall", 3)
    by_code = gallery.resolve(str(v3.code_path))
    assert by_code.ref == "gem-fall@3"


def test_unknown_slug_or_version_says_what_exists(gallery: Gallery) -> None:
    _game_with_versions(gallery)
    with pytest.raises(VersionNotFound) as info:
        gallery.resolve("gem-fall@7")
    message = str(info.value)
    assert "no version 7" in message and "@1, @2, @3" in message
    assert "studio history gem-fall" in message
    with pytest.raises(EntryNotFound) as info2:
        gallery.resolve("gem-flal@2")
    assert "gem-fall" in str(info2.value)  # the known slugs
    with pytest.raises(EntryNotFound):
        gallery.resolve("nothing-here")


def test_gaps_are_reported_and_nothing_else_breaks(gallery: Gallery) -> None:
    made = _game_with_versions(gallery, 4)
    shutil.rmtree(made[1].path)  # version 2 gone
    made[2].meta_path.write_text("{ not json")  # version 3 corrupt
    slots = gallery.version_slots("gem-fall")
    assert [(s.version, s.is_gap) for s in slots] == [(1, False), (2, True), (3, True), (4, False)]
    assert "missing" in slots[1].problem and "not readable JSON" in slots[2].problem
    assert [e.version for e in gallery.versions("gem-fall")] == [1, 4]
    assert gallery.resolve("gem-fall").version == 4
    with pytest.raises(VersionNotFound, match=r"gem-fall@3 cannot be read.*@1, @4"):
        gallery.resolve("gem-fall@3")
    with pytest.raises(VersionNotFound, match="gem-fall@2 cannot be read: missing"):
        gallery.resolve("gem-fall@2")
    # a new version after the gaps takes the next free number
    v5 = gallery.add_version(made[3], "# v5\n" + GAME, make_meta("Gem Fall"))
    assert v5.version == 5


def test_a_corrupt_version_1_leaves_the_later_ones_readable(gallery: Gallery) -> None:
    made = _game_with_versions(gallery, 2)
    made[0].meta_path.write_text("[]")
    assert gallery.resolve("gem-fall").version == 2
    assert gallery.version_slots("gem-fall")[0].is_gap
    made[1].meta_path.write_text("nope")
    with pytest.raises(CorruptEntry, match="no version of 'gem-fall' can be read"):
        gallery.resolve("gem-fall")


def test_add_version_refuses_bad_input(gallery: Gallery, tmp_path: Path) -> None:
    v1 = gallery.add(GAME, make_meta("Gem Fall"))
    with pytest.raises(GalleryError, match="empty game"):
        gallery.add_version(v1, "  ", make_meta("x"))
    elsewhere = Gallery(tmp_path / "other").add(GAME, make_meta("Gem Fall"))
    with pytest.raises(GalleryError, match="add it to the gallery first"):
        gallery.add_version(elsewhere, GAME, make_meta("x"))
    assert not (gallery.root / "gem-fall" / "versions").exists() or not any(
        (gallery.root / "gem-fall" / "versions").iterdir()
    )


def test_two_processes_adding_versions_to_one_parent_get_distinct_versions(
    gallery: Gallery,
) -> None:
    gallery.add(GAME, make_meta("Gem Fall"))
    ctx = multiprocessing.get_context("fork")
    barrier = ctx.Barrier(2)
    per_process = 6
    procs = [
        ctx.Process(
            target=add_versions, args=(str(gallery.root), "gem-fall", per_process, tag, barrier)
        )
        for tag in ("a", "b")
    ]
    for p in procs:
        p.start()
    for p in procs:
        p.join(timeout=60)
    assert [p.exitcode for p in procs] == [0, 0]
    found = gallery.versions("gem-fall")
    assert [e.version for e in found] == list(range(1, 2 * per_process + 2))  # no gap, no clash
    markers = set()
    for entry in found[1:]:
        marker = entry.meta["marker"]
        assert entry.code_path.read_text().startswith(f"# {marker}\n")  # code and meta agree
        assert entry.meta["version"] == entry.version  # meta says the number it got
        assert entry.meta["parent"] == "gem-fall@1"
        markers.add(marker)
    assert markers == {f"{t}-{i}" for t in "ab" for i in range(per_process)}
    assert not [p for p in (gallery.root / "gem-fall" / "versions").iterdir() if p.name[0] == "."]


def test_record_crash_and_last_crash(gallery: Gallery) -> None:
    made = _game_with_versions(gallery, 2)
    v2 = gallery.resolve("gem-fall@2")
    assert gallery.last_crash(v2) is None
    gallery.record_crash(v2, "Traceback ...\nZeroDivisionError: boom", when="2026-12-01T00:00:00Z")
    gallery.record_crash(v2, "Traceback ...\nKeyError: 'x'")
    crash = gallery.last_crash(gallery.resolve("gem-fall@2"))
    assert crash is not None and crash["version"] == 2 and "KeyError" in crash["traceback"]
    assert crash["time"].endswith("Z")
    stored = json.loads(v2.meta_path.read_text())["crashes"]
    assert [c["time"] for c in stored][0] == "2026-12-01T00:00:00Z" and len(stored) == 2
    assert gallery.last_crash(made[0]) is None  # recorded on that version only
    v3 = gallery.add_version(v2, "# v3\n" + GAME, dict(v2.meta))
    assert gallery.last_crash(v3) is None  # the fix did not inherit the crashes


def test_crashes_recorded_by_two_processes_are_all_kept(gallery: Gallery) -> None:
    gallery.add(GAME, make_meta("Gem Fall"))
    ctx = multiprocessing.get_context("fork")
    barrier = ctx.Barrier(2)
    procs = [
        ctx.Process(target=record_crashes, args=(str(gallery.root), "gem-fall@1", 8, t, barrier))
        for t in ("a", "b")
    ]
    for p in procs:
        p.start()
    for p in procs:
        p.join(timeout=60)
    assert [p.exitcode for p in procs] == [0, 0]
    crashes = json.loads((gallery.root / "gem-fall" / "meta.json").read_text())["crashes"]
    assert sorted(c["traceback"] for c in crashes) == sorted(
        f"Traceback: {t}-{i}" for t in "ab" for i in range(8)
    )
