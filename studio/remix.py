"""A remix: a new version of a game, made by the same Big Brain run as ``studio make``.

``load_parent`` finds the game to change (``slug``, ``slug@N``, a gallery folder, or a
``.py`` file outside the gallery); ``remix_plan`` is what the run does differently from a
make (``studio.run.Plan``): the attempts start from the parent, each playable candidate is
reviewed (``Review``) and the winner is kept as the parent's next version.

The review, a remix's own checks, on top of the verifier's verdict:

- it still plays: no flag the parent did not have (the parent's verdict, under the same
  seed and game time, from its metadata when it was recorded there, else played once);
- it changed: the code differs from the parent's, and its frames differ from the parent's
  under the same seed and input (``RunMetrics.digest`` of the runs with and without input).

A candidate failing either is rejected with the reason (``unchanged`` / ``new flag``) and
asked again; it can never win.

A file outside the gallery (or an entry of another gallery) is imported when the remix is
kept: the gallery gains the game as version 1, exactly as it was, and the remix as version
2. The file itself is never touched.
"""

from __future__ import annotations

import contextlib
import difflib
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from studio.attempts import AttemptResult, Verifier
from studio.errors import EntryNotFound, UsageError
from studio.gallery.entry import Entry
from studio.gallery.store import Gallery
from studio.gallery.versions import looks_like_path
from studio.models.assemble import compiles, has_pygame
from studio.record import frames_record, title_from
from studio.run import Plan
from studio.verdicts.report import SOFT_FLAGS, Verdict

#: The runs whose frames a remix compares with its parent's (same seed, same input).
COMPARED_RUNS = ("input", "idle")


@dataclass
class Parent:
    """The game a remix or a fix starts from."""

    code: str
    path: Path  # its game.py
    label: str  # "gem-fall@2", or the path of a file outside the gallery
    meta: dict[str, Any] = field(default_factory=dict)
    entry: Entry | None = None  # None: a file outside the gallery
    inside: bool = False  # an entry of this gallery (else imported when a remix is kept)

    @property
    def prompt(self) -> str:
        return str(self.meta.get("prompt") or "")

    @property
    def design(self) -> dict[str, Any] | None:
        design = self.meta.get("design")
        return design if isinstance(design, dict) else None


def load_parent(gallery: Gallery, text: str) -> Parent:
    """The game ``text`` names; ``UsageError``/``EntryNotFound`` name the fix."""
    path = Path(text).expanduser()
    loose = looks_like_path(text) and path.is_file() and not (path.parent / "meta.json").is_file()
    if loose:
        code = _read(path)
        _check_program(code, str(path))
        return Parent(code=code, path=path.resolve(), label=str(path))
    try:
        entry = gallery.resolve(text)
    except EntryNotFound:
        if path.exists() and path.is_dir():
            raise UsageError(
                f"{text} is a folder but not a game: give a gallery folder (with game.py and "
                "meta.json), a slug, SLUG@N or a .py file"
            ) from None
        raise
    code = _read(entry.code_path)
    _check_program(code, entry.ref)
    inside = _is_inside(entry.path, gallery.root)
    return Parent(code, entry.code_path, entry.ref, dict(entry.meta), entry, inside)


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise UsageError(f"{path} is not UTF-8 text: give a pygame program (.py)") from None
    except OSError as exc:
        raise UsageError(f"cannot read {path}: {exc.strerror or exc}") from None


def _check_program(code: str, label: str) -> None:
    if not code.strip() or not compiles(code):
        raise UsageError(
            f"{label} is not a Python program (it does not compile): remix a pygame game, "
            "e.g. one `studio gallery` lists"
        )
    if not has_pygame(code):
        raise UsageError(
            f"{label} is not a pygame program (it never imports pygame): the studio remixes "
            "games; `studio make` makes a new one"
        )


def _is_inside(path: Path, root: Path) -> bool:
    try:
        path.resolve().relative_to(root.resolve())
    except ValueError:
        return False
    return True


# -- the review ------------------------------------------------------------------------------


@dataclass
class Reference:
    """The parent as the verifier saw it: its flags and its runs' frame digests."""

    flags: frozenset[str]
    digests: dict[str, str]


def same_frames(a: dict[str, str], b: dict[str, str]) -> bool:
    """Whether two games drew the same frames in every compared run both have."""
    common = [name for name in COMPARED_RUNS if a.get(name) and b.get(name)]
    return bool(common) and all(a[name] == b[name] for name in common)


class Review:
    """``review(code, verdict)``: why a playable candidate of a remix may not win, or None.

    The parent's reference is read from its metadata when recorded under the same seed and
    game time, else the parent is played once (the first candidate to need it waits; the
    others reuse it)."""

    def __init__(
        self,
        parent: Parent,
        verifier: Verifier,
        *,
        seed: int,
        seconds: float,
        out: Path | None = None,
        frames: bool = True,
    ) -> None:
        self.parent = parent
        self.verifier = verifier
        self.seed = seed
        self.seconds = seconds
        self.out = out
        self.frames = frames  # False (a fix): a change of code is enough, frames may match
        self._lock = threading.Lock()
        self._reference: Reference | None = None
        #: What the run log says about the review (``Plan.about``): whether the parent had
        #: to be played, or its metadata held its frames.
        self.about: dict[str, Any] = {}

    def prefetch(self) -> None:
        """Play the parent now, in the background, when its metadata has no reference for
        this seed and time: the model's first replies take a while, and the first
        candidate's review then need not wait for the parent's whole verdict."""
        if self._reference is not None or self._cached() is not None:
            return
        thread = threading.Thread(target=self._prefetch, name="remix-parent", daemon=True)
        thread.start()

    def _prefetch(self) -> None:
        with contextlib.suppress(Exception):  # the review plays it again and says why
            self.reference()

    def know(self, verdict: Verdict) -> None:
        """Use ``verdict`` (the parent's, under this review's seed and time) as the
        reference, rather than playing the parent again."""
        with self._lock:
            self._reference = Reference(
                frozenset(verdict.flags), {r.name: r.digest for r in verdict.runs}
            )

    def reference(self) -> Reference:
        with self._lock:
            if self._reference is None:
                cached = self._cached()
                self.about["parent_frames"] = "from its metadata" if cached else "played"
                self._reference = cached or self._play()
            return self._reference

    def _cached(self) -> Reference | None:
        rec = self.parent.meta.get("frames")
        if not isinstance(rec, dict) or not isinstance(rec.get("digests"), dict):
            return None
        if rec.get("seed") != self.seed or rec.get("seconds") != self.seconds:
            return None
        listed = rec.get("flags")
        flags: list[Any] = listed if isinstance(listed, list) else []
        digests = {str(k): str(v) for k, v in rec["digests"].items()}
        return Reference(frozenset(str(f) for f in flags), digests) if digests else None

    def _play(self) -> Reference:
        verdict = self.verifier(
            self.parent.path, seconds=self.seconds, seed=self.seed, out=self.out
        )
        return Reference(frozenset(verdict.flags), {r.name: r.digest for r in verdict.runs})

    def __call__(self, code: str, verdict: Verdict) -> str | None:
        if _same_code(code, self.parent.code):
            return (
                "unchanged: the reply hands back the parent's program as it was; make the "
                "change that was asked for"
            )
        ref = self.reference()
        new = sorted(set(verdict.flags) - ref.flags)
        if new:
            what = ", ".join(new)
            return (
                f"new flag: {what} (the parent did not have it; "
                f"{'it lowers the score' if set(new) <= SOFT_FLAGS else 'it breaks the game'}); "
                "keep the game working as before while making the change"
            )
        mine = {r.name: r.digest for r in verdict.runs}
        if self.frames and same_frames(mine, ref.digests):
            return (
                "unchanged: the code differs but the game draws exactly the same frames as "
                "the parent under the same seed and input; make a change that shows on screen"
            )
        return None


def _same_code(a: str, b: str) -> bool:
    def norm(text: str) -> list[str]:
        return [line.rstrip() for line in text.strip().splitlines()]

    return norm(a) == norm(b)


# -- keeping the winner ----------------------------------------------------------------------


def reply_note(folder: Path) -> str:
    """The one-line note a reply gives before its program ("made the gems fall faster")."""
    try:
        text = (folder / "reply.txt").read_text(encoding="utf-8")
    except OSError:
        return ""
    text = re.sub(r"<think>.*?</think>", "", text, flags=re.DOTALL)
    head = re.split(r"^\s*(?:```|<{5,9}\s*SEARCH)", text, maxsplit=1, flags=re.MULTILINE)[0]
    for line in head.splitlines():
        line = re.sub(r"^[#>*\-\s]+|\*\*", "", line).strip()
        line = re.sub(r"^(?:note|changed?)\s*:\s*", "", line, flags=re.IGNORECASE)
        if line:
            return line[:160]
    return ""


def diff_stat(old: str, new: str) -> str:
    """``+a -b lines`` between two programs."""
    added = removed = 0
    for line in difflib.unified_diff(old.splitlines(), new.splitlines(), lineterm="", n=0):
        if line.startswith("+") and not line.startswith("+++"):
            added += 1
        elif line.startswith("-") and not line.startswith("---"):
            removed += 1
    return f"+{added} -{removed} lines"


def changed_line(parent: Parent, code: str, winner: AttemptResult, meta: dict[str, Any]) -> str:
    """One line of what changed: the designer's reading, else the model's note, and the
    size of the change."""
    said = meta.get("understood") if meta.get("source") == "offline" else None
    if not said and winner.best is not None:
        said = reply_note(winner.best.dir)
    stat = diff_stat(parent.code, code)
    said = re.sub(r"^understood:\s*", "", str(said or "")).strip()
    return f"{said} ({stat})" if said else stat


def version_meta(parent: Parent, request: str, meta: dict[str, Any]) -> dict[str, Any]:
    """A new version's metadata: the run's (``record.gallery_meta``) with the game's own
    prompt and title, the request, and no design unless the designer made this version."""
    meta = dict(meta)
    meta["request"] = request
    meta["prompt"] = parent.prompt or meta.get("prompt") or request
    meta["title"] = parent.meta.get("title") or title_from(parent.code, "", None)
    if meta.get("source") != "offline" and parent.meta.get("genre"):
        meta["genre"] = parent.meta["genre"]
    for key in ("crashes", "version", "parent", "lineage"):
        meta.pop(key, None)
    return meta


def import_meta(parent: Parent) -> dict[str, Any]:
    """Version 1's metadata for a game brought in from outside the gallery."""
    if parent.entry is not None:  # an entry of another gallery: as it was, with its origin
        meta = dict(parent.meta)
        for key in ("crashes", "version", "parent", "lineage"):
            meta.pop(key, None)
    else:
        meta = {
            "title": title_from(parent.code, parent.path.stem.replace("_", " "), None),
            "prompt": "",
            "source": "imported",
            "author": f"imported from {parent.path}",
        }
    meta["imported_from"] = str(parent.path)
    return meta


def saver(
    gallery: Gallery,
    parent: Parent,
    request: str,
    *,
    seed: int,
    seconds: float,
    extra: Callable[[dict[str, Any]], None] | None = None,
) -> Any:
    """The ``Plan.save`` of a remix or a fix: the winner becomes the parent's next version."""

    def save(
        code: str,
        meta: dict[str, Any],
        thumb: Path | None,
        preview: Path | None,
        run_log: Path,
        winner: AttemptResult,
    ) -> Entry:
        new = version_meta(parent, request, meta)
        new["changed"] = changed_line(parent, code, winner, meta)
        verdict = winner.verdict
        if verdict is not None:
            new["frames"] = frames_record(verdict, seed=seed, seconds=seconds)
        if extra is not None:
            extra(new)
        target = parent.entry if parent.inside and parent.entry is not None else None
        if target is None:
            target = gallery.add(parent.code, import_meta(parent))
        return gallery.add_version(
            target, code, new, thumbnail=thumb, preview=preview, run_log=run_log
        )

    return save


def parent_seed(parent: Parent) -> int:
    """The seed the parent was played with (a remix's candidates are played with it too)."""
    frames = parent.meta.get("frames")
    for value in (
        (frames or {}).get("seed") if isinstance(frames, dict) else None,
        parent.meta.get("run_seed"),
    ):
        if isinstance(value, int) and not isinstance(value, bool):
            return value
    return 0


def remix_plan(
    gallery: Gallery,
    parent: Parent,
    request: str,
    review: Review,
    extra: Callable[[dict[str, Any]], None] | None = None,
) -> Plan:
    """What a remix run does differently from ``studio make`` (``studio.run.Plan``)."""
    plan = Plan(
        base_code=parent.code,
        review=review,
        adherence=False,
        design=False,
        verify_seed=review.seed,
        about={
            "parent": parent.label,
            "parent_path": str(parent.path),
            "request": request,
            "verify_seed": review.seed,
            "checks": "no flag the parent lacked; code and frames differ from the parent's"
            if review.frames
            else "no flag the parent lacked; code differs from the parent's",
        },
        save=saver(gallery, parent, request, seed=review.seed, seconds=review.seconds, extra=extra),
    )
    review.about = plan.about  # the same dict: run.json says how the parent was seen
    return plan
