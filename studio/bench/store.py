"""A bench's folder, the layout ``studio arena`` reads (keep it exactly)::

    DIR/results.json                          settings, every sample, the summary
    DIR/report.html                           the page (``studio.bench.html``)
    DIR/samples/<model-slug>/<prompt-id>/<n>/
        game.py                               the sample's program (after repairs)
        meta.json                             a gallery entry's keys (docs/gallery-entry.md)
        thumbnail.png, preview.webp|gif       as the verifier made them
        log/                                  every round: messages, reply, verdict, artifacts

A sample is written the moment it ends: its files, then ``meta.json``, then ``results.json``
again, each atomically (a temporary file renamed into place), so that a bench killed at any
moment leaves a folder ``--resume`` continues from. A sample that is not in ``results.json``
as done (killed mid-way, or never answered by the endpoint) is run again on resume.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from studio.errors import UsageError
from studio.runlog import RunLog

RESULTS = "results.json"
FORMAT = 1


def write_atomic(path: Path, text: str) -> None:
    """``text`` to ``path`` through a temporary file in the same folder and a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        os.fchmod(fd, 0o644)  # a report and results to share, as any file the user writes
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def key(record: dict[str, Any]) -> tuple[str, str, int]:
    """What identifies a sample: model, prompt, sample number."""
    return (record["model_slug"], record["prompt_id"], int(record["sample"]))


class SampleLog(RunLog):
    """A run log whose rounds go to ``<sample folder>/log`` (and ``log/repair-K``)."""

    def attempt_dir(self, n: int, repair: int = 0) -> Path:
        path = self.path / "log"
        if repair:
            path = path / f"repair-{repair}"
        path.mkdir(parents=True, exist_ok=True)
        return path


class BenchDir:
    """The folder of one bench: its results and its samples' folders. Thread-safe."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.records: dict[tuple[str, str, int], dict[str, Any]] = {}
        self.settings: dict[str, Any] = {}
        self.summary: dict[str, Any] = {}
        self.closed = False
        self._lock = threading.Lock()

    @property
    def results(self) -> Path:
        return self.root / RESULTS

    def sample_dir(self, model_slug: str, prompt_id: str, n: int) -> Path:
        return self.root / "samples" / model_slug / prompt_id / str(n)

    @classmethod
    def open_existing(cls, root: Path) -> BenchDir:
        """A bench folder to resume: its ``results.json`` must be there and readable."""
        path = root / RESULTS
        if not path.is_file():
            raise UsageError(
                f"--resume: {root} holds no {RESULTS}; give the folder an interrupted "
                "`studio bench` printed (or start a new one with --out)"
            )
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            settings, samples = data["settings"], data["samples"]
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise UsageError(
                f"--resume: {path} cannot be read ({exc}); it is not a bench's"
            ) from None
        bench = cls(root)
        bench.settings = settings
        for record in samples:
            if record.get("status") == "done":  # not run: tried again
                bench.records[key(record)] = record
        return bench

    def done(self, model_slug: str, prompt_id: str, n: int) -> bool:
        return (model_slug, prompt_id, n) in self.records

    def fresh_sample_dir(self, model_slug: str, prompt_id: str, n: int) -> Path:
        """The sample's folder, emptied of what an unfinished earlier try left."""
        path = self.sample_dir(model_slug, prompt_id, n)
        if path.exists():
            shutil.rmtree(path)
        path.mkdir(parents=True)
        return path

    def add(
        self, record: dict[str, Any], summarise: Callable[[list[dict[str, Any]]], dict[str, Any]]
    ) -> None:
        """Keep ``record`` and write ``results.json`` (and its summary) again at once."""
        with self._lock:
            if self.closed:  # the bench was stopped: what is kept is what was said
                return
            self.records[key(record)] = record
            self.summary = summarise([self.records[k] for k in sorted(self.records)])
            self._write()

    def close(self) -> int:
        """Take no more samples (Ctrl-C); how many are kept, every one of them written."""
        with self._lock:  # a sample being written finishes first
            self.closed = True
            return len(self.records)

    def write(self, summary: dict[str, Any] | None = None) -> None:
        with self._lock:
            if summary is not None:
                self.summary = summary
            self._write()

    def all_records(self) -> list[dict[str, Any]]:
        with self._lock:
            return [self.records[k] for k in sorted(self.records)]

    def _write(self) -> None:
        data = {
            "format": FORMAT,
            "settings": self.settings,
            "samples": [self.records[k] for k in sorted(self.records)],
            "summary": self.summary,
        }
        write_atomic(self.results, json.dumps(data, indent=1, ensure_ascii=False) + "\n")


def keep_artifacts(verdict_artifacts: dict[str, str], folder: Path) -> dict[str, str]:
    """Copy the verifier's thumbnail and preview into the sample folder: ``thumbnail.png``
    and ``preview.webp`` (or ``.gif``). Returns the names kept, relative to ``folder``."""
    kept: dict[str, str] = {}
    for name, target in (("thumbnail", "thumbnail.png"), ("preview", "preview")):
        src = verdict_artifacts.get(name)
        if not src or not Path(src).is_file():
            continue
        dest = folder / (target if name == "thumbnail" else f"preview{Path(src).suffix}")
        shutil.copyfile(src, dest)
        kept[name] = dest.name
    return kept
