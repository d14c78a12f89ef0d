"""The vote file: one JSON object a line, in the user data dir (``arena-votes.jsonl``).

A vote is appended atomically: the line is written with one ``write`` on a file opened with
``O_APPEND``, under an exclusive ``flock``, so two arenas voting at once never interleave. A
line that cannot be read (a torn write from a crash, a hand edit) is skipped with a warning
naming its line number; every other vote is kept.

A vote::

    {"id": "3f2c...", "time": "2026-12-01T23:50:00Z", "prompt": "snake",
     "a": "snake-neon", "b": "bench/gpt-4o/snake/1",
     "source_a": "gpt-4o-mini", "source_b": "offline designer",
     "vote": "A", "seconds_a": 31.5, "seconds_b": 12.0,
     "judge": false, "judge_model": null, "reason": ""}

``vote`` is ``A`` (A better), ``B``, ``tie`` or ``both_bad``. A judge's vote (``judge``
true) names its model and gives a reason; it is never counted with people's votes.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from studio.errors import StudioError, UsageError
from studio.paths import user_dir

VOTES_FILE = "arena-votes.jsonl"
CHOICES = ("A", "B", "tie", "both_bad")
#: What the side named first scored, per choice (both bad counts as a tie, as the public
#: arenas count it).
SCORES = {"A": 1.0, "B": 0.0, "tie": 0.5, "both_bad": 0.5}

Warn = Callable[[str], None]


class VoteFileError(StudioError):
    """The vote file could not be read or written."""


@dataclass(frozen=True)
class Vote:
    prompt: str
    a: str  # the entries' keys (see studio.arena.pool)
    b: str
    source_a: str
    source_b: str
    vote: str
    seconds_a: float = 0.0
    seconds_b: float = 0.0
    judge: bool = False
    judge_model: str | None = None
    reason: str = ""
    id: str = field(default_factory=lambda: uuid.uuid4().hex)
    time: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @property
    def pair(self) -> frozenset[str]:
        return frozenset((self.a, self.b))

    @classmethod
    def from_dict(cls, data: Any) -> Vote:
        """A vote from a line's JSON; ``ValueError`` naming what is wrong."""
        if not isinstance(data, dict):
            raise ValueError("not a JSON object")
        missing = [
            k for k in ("id", "prompt", "a", "b", "source_a", "source_b", "vote") if k not in data
        ]
        if missing:
            raise ValueError(f"no {', '.join(missing)}")
        if data["vote"] not in CHOICES:
            raise ValueError(f"vote {data['vote']!r} is none of {', '.join(CHOICES)}")
        try:
            return cls(
                id=str(data["id"]),
                time=str(data.get("time") or ""),
                prompt=str(data["prompt"]),
                a=str(data["a"]),
                b=str(data["b"]),
                source_a=str(data["source_a"]),
                source_b=str(data["source_b"]),
                vote=str(data["vote"]),
                seconds_a=float(data.get("seconds_a") or 0.0),
                seconds_b=float(data.get("seconds_b") or 0.0),
                judge=bool(data.get("judge")),
                judge_model=None if data.get("judge_model") is None else str(data["judge_model"]),
                reason=str(data.get("reason") or ""),
            )
        except (TypeError, ValueError) as exc:
            raise ValueError(f"a value of the wrong type ({exc})") from exc


def votes_path() -> Path:
    """The vote file in the user data dir (``$STUDIO_HOME`` in tests)."""
    return user_dir() / VOTES_FILE


def read_votes(path: Path | None = None, on_warning: Warn | None = None) -> list[Vote]:
    """Every readable vote in the file, in order; a bad line is skipped with a warning.
    Read under a shared lock: a vote being appended is read whole or not at all."""
    path = votes_path() if path is None else path
    try:
        with open(path, "rb") as fh:
            fcntl.flock(fh.fileno(), fcntl.LOCK_SH)
            raw = fh.read()
    except FileNotFoundError:
        return []
    except OSError as exc:
        raise VoteFileError(f"cannot read the votes {path}: {exc.strerror or exc}") from exc
    return _parse(raw, path, on_warning)


def _parse(raw: bytes, path: Path, on_warning: Warn | None) -> list[Vote]:
    warn = on_warning or (lambda message: None)
    votes = []
    for number, line in enumerate(raw.split(b"\n"), 1):
        if not line.strip():
            continue
        try:
            votes.append(Vote.from_dict(json.loads(line.decode("utf-8"))))
        except (UnicodeDecodeError, ValueError) as exc:  # JSONDecodeError is a ValueError
            warn(f"{path} line {number} is not a vote ({_short(exc)}): skipped, the rest are kept")
    return votes


def _read_locked(fd: int, path: Path) -> bytes:
    """The whole file through ``fd``, which holds the exclusive lock already."""
    try:
        size = os.fstat(fd).st_size
        chunks, offset = [], 0
        while offset < size:
            chunk = os.pread(fd, size - offset, offset)
            if not chunk:
                break
            chunks.append(chunk)
            offset += len(chunk)
    except OSError as exc:
        raise VoteFileError(f"cannot read the votes {path}: {exc.strerror or exc}") from exc
    return b"".join(chunks)


def _short(exc: Exception) -> str:
    return str(exc).splitlines()[0][:120]


def append_votes(votes: Iterable[Vote], path: Path | None = None) -> None:
    """Append ``votes`` (one line each) in one write under an exclusive lock."""
    path = votes_path() if path is None else path
    data = b"".join(_line(v) for v in votes)
    if not data:
        return
    with _locked(path) as fd:
        _write_all(fd, data, path)


def _line(vote: Vote) -> bytes:
    return (json.dumps(vote.to_dict(), ensure_ascii=False) + "\n").encode("utf-8")


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[int]:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_RDWR | os.O_APPEND | os.O_CREAT, 0o644)
    except OSError as exc:
        raise VoteFileError(f"cannot write the votes {path}: {exc.strerror or exc}") from exc
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield fd
    finally:
        os.close(fd)  # closing releases the lock


def _write_all(fd: int, data: bytes, path: Path) -> None:
    try:
        # a file torn by a crash mid-line must not glue the next vote onto the broken one
        size = os.fstat(fd).st_size
        if size and os.pread(fd, 1, size - 1) != b"\n":
            data = b"\n" + data
        written = os.write(fd, data)
        if written != len(data):  # a full disk: say so rather than leave half a line unsaid
            raise VoteFileError(f"only {written} of {len(data)} bytes reached {path}")
        os.fsync(fd)
    except OSError as exc:
        raise VoteFileError(f"cannot write the votes {path}: {exc.strerror or exc}") from exc


def record(vote: Vote, path: Path | None = None) -> Vote:
    """Append one vote (stamped with the time now when it has none) and return it."""
    from studio.gallery.store import now_iso

    if vote.vote not in CHOICES:
        raise UsageError(f"a vote is one of {', '.join(CHOICES)}, not {vote.vote!r}")
    if not vote.time:
        vote = Vote(**{**vote.to_dict(), "time": now_iso()})
    append_votes([vote], path)
    return vote


def import_votes(
    source: Path, path: Path | None = None, on_warning: Warn | None = None
) -> tuple[int, int]:
    """Merge the votes of ``source`` (another machine's vote file) into ours; a vote whose id
    is already here is left out. Returns (added, already here)."""
    if not source.is_file():
        raise UsageError(
            f"--import: no such vote file {source}: give a path to an arena-votes.jsonl"
        )
    theirs = read_votes(source, on_warning)
    path = votes_path() if path is None else path
    with _locked(path) as fd:  # under the lock: two imports at once add each vote once
        known = {v.id for v in _parse(_read_locked(fd, path), path, None)}
        new: list[Vote] = []
        for vote in theirs:
            if vote.id not in known:
                known.add(vote.id)
                new.append(vote)
        data = b"".join(_line(v) for v in new)
        if data:
            _write_all(fd, data, path)
    return len(new), len(theirs) - len(new)
