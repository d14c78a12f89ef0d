"""The run log: one folder per ``studio make`` that keeps everything an attempt saw and made.

Layout under ``studio.paths.runs_dir()``::

    <UTC timestamp>-<slug>/
        run.json                    prompt, settings (never a key), attempts, winner
        design.md                   the design doc (Big Brain mode), when there is one
        attempt-N/
            messages.json           what was sent to the model
            reply.txt               the raw reply
            thinking.txt            the thinking kept apart from the reply
            game.py                 the program taken from the reply
            verdict.json            the verifier's report
            artifacts/              thumbnail, preview (verifier ``out=``)
            repair-K/...            the same for each repair round

Every write goes through :func:`scrub`, which blanks any secret the log was given
(the API key), so a key can never reach a file even if a reply or an error message echoes it.
"""

from __future__ import annotations

import json
import os
import re
import threading
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from studio.errors import StudioError

REDACTED = "***"
#: Shorter values are never blanked: blanking "a" would wreck every file.
MIN_SECRET = 4


def secrets_of(values: Iterable[str | None]) -> tuple[str, ...]:
    """The values worth blanking, longest first (a key that contains another is blanked
    whole, never left with its tail showing)."""
    return tuple(sorted({s for s in values if s and len(s) >= MIN_SECRET}, key=len, reverse=True))


def scrub(text: str, secrets: Iterable[str | None]) -> str:
    """``text`` with every secret replaced by ``***``: the one scrubber of the studio (the run
    log and what ``studio make`` prints both use it)."""
    for secret in secrets_of(secrets):
        text = text.replace(secret, REDACTED)
    return text


def slugify(text: str, limit: int = 40) -> str:
    """A short, file-system safe slug: "Tetris meets Bejeweled!" → "tetris-meets-bejeweled"."""
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    slug = slug[:limit].rstrip("-")
    return slug or "game"


def utc_stamp(now: datetime | None = None) -> str:
    """``20261130T004512Z``-style timestamp, sortable and safe in a folder name."""
    return (now or datetime.now(UTC)).strftime("%Y%m%dT%H%M%SZ")


class RunLog:
    """Writes one run's folder. Thread-safe: attempts write their own sub-folders concurrently."""

    def __init__(self, path: Path, secrets: Iterable[str | None] = ()) -> None:
        self.path = path
        self._secrets = secrets_of(secrets)
        self._lock = threading.Lock()

    @classmethod
    def create(
        cls,
        root: Path,
        prompt: str,
        *,
        secrets: Iterable[str | None] = (),
        now: datetime | None = None,
    ) -> RunLog:
        """Make a fresh, unique folder ``<root>/<UTC timestamp>-<slug>``."""
        base = f"{utc_stamp(now)}-{slugify(prompt)}"
        try:
            root.mkdir(parents=True, exist_ok=True)
            for i in range(1, 1000):
                path = root / (base if i == 1 else f"{base}-{i}")
                try:
                    path.mkdir()
                except FileExistsError:
                    continue
                return cls(path, secrets)
        except OSError as exc:
            raise StudioError(
                f"cannot create the run log under {root}: {exc.strerror or exc}; "
                "set STUDIO_HOME to a writable folder"
            ) from exc
        raise StudioError(f"cannot create a unique run folder under {root}; clean up old runs")

    def scrub(self, text: str) -> str:
        """``text`` with every secret replaced by ``***``."""
        return scrub(text, self._secrets)

    def scrub_data(self, data: Any) -> Any:
        """A JSON-able structure with every string scrubbed."""
        if isinstance(data, str):
            return self.scrub(data)
        if isinstance(data, dict):
            return {self.scrub(str(k)): self.scrub_data(v) for k, v in data.items()}
        if isinstance(data, list | tuple):
            return [self.scrub_data(v) for v in data]
        return data

    def attempt_dir(self, n: int, repair: int = 0) -> Path:
        """``attempt-N/`` or, for repair round K, ``attempt-N/repair-K/`` (created)."""
        path = self.path / f"attempt-{n}"
        if repair:
            path = path / f"repair-{repair}"
        path.mkdir(parents=True, exist_ok=True)
        return path

    def write_text(self, path: Path, text: str) -> Path:
        """Write ``text`` (scrubbed) atomically to ``path`` inside the run folder."""
        path = self._inside(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{threading.get_ident()}.tmp")
        tmp.write_text(self.scrub(text), encoding="utf-8")
        os.replace(tmp, path)
        return path

    def write_json(self, path: Path, data: Any) -> Path:
        """Write ``data`` (scrubbed) as indented JSON to ``path`` inside the run folder."""
        text = json.dumps(self.scrub_data(data), indent=2, default=str, ensure_ascii=False)
        return self.write_text(path, text + "\n")

    def write_run(self, data: dict[str, Any]) -> Path:
        """Write (or rewrite) ``run.json``; serialised so concurrent updates never interleave."""
        with self._lock:
            return self.write_json(self.path / "run.json", data)

    def _inside(self, path: Path) -> Path:
        path = path if path.is_absolute() else self.path / path
        if self.path not in path.parents:
            raise StudioError(f"refusing to write {path} outside the run folder {self.path}")
        return path
