"""Reading back what the runs wrote: untrusted files, opened without following links.

Everything under ``results/`` was written by processes that ran next to the game, with the
game's uid: a game with native code could have replaced any of it. So sizes are capped,
JSON is checked for shape, and every path is opened one component at a time with
``O_NOFOLLOW`` and ``O_NONBLOCK``: a planted symlink (to a secret of the user's) or FIFO
(to hang the studio) reads as a missing file.
"""

from __future__ import annotations

import contextlib
import json
import os
import stat
import struct
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from studio.verdicts.report import RunMetrics

SAMPLE_MS = 200.0
PREVIEW_MS = 500.0
MAX_PREVIEW_FRAMES = 60  # longer plays take their preview frames further apart
MAX_JSON = 1_000_000
MAX_PREVIEW_SIDE = 1280
#: A preview frame's record (sandbox/capture.py): index, width, height, frames expected, layout
RECORD = struct.Struct("<5I")
RAW_MODES = {0: ("RGB", 3), 2: ("RGBX", 4)}  # layout -> Pillow's mode, bytes a pixel


def preview_ms(seconds: float) -> float:
    """Game time between preview frames: every PREVIEW_MS, or further apart so that a long
    play still gives at most MAX_PREVIEW_FRAMES."""
    frames = seconds * 1000.0 / PREVIEW_MS
    return PREVIEW_MS * max(1, -(-int(frames) // MAX_PREVIEW_FRAMES))


#: A JSON object read back from a run (untrusted: each value is checked or converted,
#: ``int()``, ``str()``, ``isinstance``, where it is used).
JsonObject = dict[str, Any]


@dataclass
class RawRun:
    """What one run left behind, read back by the studio (untrusted data)."""

    name: str
    result: JsonObject | None
    samples: list[bytes] = field(default_factory=list)
    output: str = ""
    exit: JsonObject | None = None
    forbidden: list[str] = field(default_factory=list)
    #: What the judge measured of it (``judge.measure``), once it has.
    metrics: RunMetrics | None = None


def open_result(work: str, *parts: str) -> int | None:
    """A read-only descriptor for ``work/results/<parts>``, or None if any component is
    missing, a link, or (the last) not a regular file."""
    flags = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC
    names = ["results", *parts]
    try:
        fd = os.open(work, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    except OSError:
        return None
    try:
        for name in names[:-1]:
            if "/" in name or name in ("", ".", ".."):
                return None
            nxt = os.open(name, flags | os.O_DIRECTORY, dir_fd=fd)
            os.close(fd)
            fd = nxt
        last = os.open(names[-1], flags, dir_fd=fd)
    except OSError:
        return None
    finally:
        os.close(fd)
    if not stat.S_ISREG(os.fstat(last).st_mode):
        os.close(last)
        return None
    return last


def read_bytes(work: str, *parts: str, limit: int) -> bytes | None:
    fd = open_result(work, *parts)
    if fd is None:
        return None
    chunks, left = [], limit
    try:
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
    except OSError:
        return None
    finally:
        os.close(fd)
    return b"".join(chunks)


def _json(work: str, *parts: str) -> JsonObject | None:
    data = read_bytes(work, *parts, limit=MAX_JSON + 1)
    if data is None or len(data) > MAX_JSON:
        return None
    try:
        value = json.loads(data.decode("utf-8"))
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


def _text(work: str, *parts: str, limit: int) -> str:
    data = read_bytes(work, *parts, limit=limit)
    return data.decode("utf-8", "replace") if data else ""


def read_run(work: str, name: str, seconds: float) -> RawRun:
    """What the run ``name`` wrote under ``work/results/name``."""
    result = _json(work, name, "result.json")
    raw = RawRun(name, result, exit=_json(work, name, "exit.json"))
    max_samples = int(seconds * 1000 / SAMPLE_MS) + 2
    sw, sh = (96, 72)
    if result and isinstance(result.get("sample_size"), list):
        with contextlib.suppress(TypeError, ValueError):
            sw, sh = (max(1, min(int(v), 256)) for v in result["sample_size"][:2])
    size = sw * sh * 3
    data = read_bytes(work, name, "samples.bin", limit=size * max_samples) or b""
    raw.samples = [data[i : i + size] for i in range(0, len(data) - size + 1, size)]
    raw.output = _text(work, name, "output.txt", limit=16000)[:4000]
    raw.forbidden = lines(work, name, "forbidden.log")
    return raw


def lines(work: str, *parts: str) -> list[str]:
    text = _text(work, *parts, limit=20000)
    return [line for line in text.splitlines() if line.strip()]


@dataclass
class PreviewFrame:
    """One preview frame of the run with input, ``expected`` frames in all; ``data`` is laid
    out as Pillow's raw mode ``raw_mode`` says."""

    index: int
    width: int
    height: int
    expected: int
    raw_mode: str
    data: bytes


class PreviewStream:
    """The preview frames of one run as the game draws them: each record that arrives on
    the ``records`` pipe says a frame is in the run's frame file. Iterating ends at the end
    of the pipe, after the expected count, or at the first record that breaks the rules
    (order, size, count). Whoever iterates owns the pipe and closes it; ``discard()`` closes
    it if nobody did (never under a reader's feet)."""

    def __init__(self, records: int, work: str, run: str, max_frames: int) -> None:
        self.records, self.work, self.run, self.max_frames = records, work, run, max_frames
        self._lock = threading.Lock()
        self._state = "new"  # new -> reading -> closed

    def discard(self) -> None:
        with self._lock:
            if self._state == "new":
                os.close(self.records)
                self._state = "closed"

    def __iter__(self) -> Iterator[PreviewFrame]:
        with self._lock:
            if self._state != "new":
                return
            self._state = "reading"
        data_fd = None
        try:
            for index, w, h, expected, layout in self._records():
                if data_fd is None:
                    data_fd = open_result(self.work, self.run, "preview.bin")
                    if data_fd is None:
                        return
                mode, depth = RAW_MODES[layout]
                size = w * h * depth
                frame = os.pread(data_fd, size, index * size)
                if len(frame) != size:
                    return
                yield PreviewFrame(index, w, h, expected, mode, frame)
        except OSError:
            return
        finally:
            if data_fd is not None:
                os.close(data_fd)
            with self._lock:
                os.close(self.records)
                self._state = "closed"

    def _records(self) -> Iterator[tuple[int, int, int, int, int]]:
        buffered, shape, index = b"", None, 0
        while index < self.max_frames:
            while len(buffered) < RECORD.size:
                chunk = os.read(self.records, 4096)
                if not chunk:
                    return
                buffered += chunk
            i, w, h, expected, layout = RECORD.unpack_from(buffered)
            buffered = buffered[RECORD.size :]
            if shape is None:
                sides_ok = 0 < w <= MAX_PREVIEW_SIDE and 0 < h <= MAX_PREVIEW_SIDE
                if not sides_ok or not 0 < expected <= self.max_frames or layout not in RAW_MODES:
                    return
                shape = (w, h, expected, layout)
            if i != index or (w, h, expected, layout) != shape:
                return
            yield i, w, h, expected, layout
            index += 1
            if index == expected:
                return
