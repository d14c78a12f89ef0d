"""A game's history: one row per version, laid out as a tree of who was remixed from whom.

Built from ``Gallery.version_slots``: a version whose folder is missing or whose metadata is
unreadable is a *gap* row (its problem said, nothing else of it known); versions made from it
still hang under it. A branch (a remix of an older version) shows as a second child.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from studio.gallery.store import Gallery
from studio.gallery.versions import Slot, version_of

LAST, MIDDLE, PIPE, BLANK = "└─ ", "├─ ", "│  ", "   "


@dataclass
class Row:
    """One version in the history (a gap has ``gap`` set and little else)."""

    version: int
    ref: str
    parent: int | None = None
    request: str = ""
    score: float | None = None
    playable: bool | None = None
    flags: list[str] = field(default_factory=list)
    by: str = ""  # the model, or the author when there is no model
    date: str = ""
    changed: str = ""
    crashes: int = 0
    gap: bool = False
    problem: str = ""
    tree: str = ""  # the tree drawing before the version: "│  └─ "
    depth: int = 0

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        data.pop("tree")
        return data


def history(gallery: Gallery, slug: str) -> list[Row]:
    """Every version of ``slug`` (gaps included), in tree order (depth first, oldest first)."""
    rows = {slot.version: _row(slug, slot) for slot in gallery.version_slots(slug)}
    children: dict[int | None, list[int]] = {}
    for number, row in rows.items():
        known = row.parent is not None and row.parent in rows and row.parent < number
        children.setdefault(row.parent if known else None, []).append(number)
    ordered: list[Row] = []

    def walk(number: int, lead: str, last: bool, depth: int) -> None:
        row = rows[number]
        row.tree = "" if depth == 0 else lead + (LAST if last else MIDDLE)
        row.depth = depth
        ordered.append(row)
        kids = sorted(children.get(number, []))
        below = "" if depth == 0 else lead + (BLANK if last else PIPE)
        for i, kid in enumerate(kids):
            walk(kid, below, i == len(kids) - 1, depth + 1)

    for top in sorted(children.get(None, [])):
        walk(top, "", True, 0)
    return ordered


def _row(slug: str, slot: Slot) -> Row:
    ref = f"{slug}@{slot.version}"
    entry = slot.entry
    if entry is None:
        return Row(slot.version, ref, gap=True, problem=slot.problem)
    meta = entry.meta
    told = meta.get("verdict")
    verdict: dict[str, Any] = told if isinstance(told, dict) else {}
    listed = verdict.get("flags")
    flags: list[Any] = listed if isinstance(listed, list) else []
    crashes = meta.get("crashes")
    return Row(
        version=slot.version,
        ref=ref,
        parent=version_of(meta.get("parent")) if slot.version > 1 else None,
        request=_one_line(meta.get("request") or (entry.prompt if slot.version == 1 else "")),
        score=entry.score if ("score" in meta or verdict) else None,
        playable=verdict.get("playable") if isinstance(verdict.get("playable"), bool) else None,
        flags=[str(f) for f in flags],
        by=_one_line(meta.get("model") or meta.get("author") or ""),
        date=entry.created,
        changed=_one_line(meta.get("changed") or ("first version" if slot.version == 1 else "")),
        crashes=len(crashes) if isinstance(crashes, list) else 0,
    )


def _one_line(value: Any) -> str:
    return " ".join(str(value).split())
