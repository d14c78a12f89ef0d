"""Where the studio keeps things: the user dir (config, keys, run logs) and the gallery."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs


def user_dir() -> Path:
    """The studio's own folder: ``$STUDIO_HOME`` or the platform's user data dir."""
    env = os.environ.get("STUDIO_HOME")
    path = Path(env) if env else Path(platformdirs.user_data_dir("studio", appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def runs_dir() -> Path:
    """Where run logs go, one folder per ``studio make``."""
    path = user_dir() / "runs"
    path.mkdir(parents=True, exist_ok=True)
    return path


def gallery_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The gallery: the ``--gallery`` flag, else ``$STUDIO_GALLERY``, else ``./games``."""
    if override:
        return Path(override)
    env = os.environ.get("STUDIO_GALLERY")
    return Path(env) if env else Path.cwd() / "games"
