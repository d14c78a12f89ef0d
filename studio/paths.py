"""Where the studio keeps things.

- config (``config.json``, ``keys.json``): the platform's user config dir
  (``$XDG_CONFIG_HOME/studio`` on Linux);
- data (run logs, the gallery): the platform's user data dir
  (``$XDG_DATA_HOME/studio`` on Linux);
- ``$STUDIO_HOME`` puts both in one folder (tests, portable setups).

The gallery's folder is chosen in ``studio.gallery.location``.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

import platformdirs

APP = "studio"


def user_dir() -> Path:
    """The studio's data folder: ``$STUDIO_HOME`` or the platform's user data dir."""
    env = os.environ.get("STUDIO_HOME")
    path = Path(env) if env else Path(platformdirs.user_data_dir(APP, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def config_dir() -> Path:
    """The studio's config folder: ``$STUDIO_HOME`` or the platform's user config dir.

    Settings written by an older studio into the data dir are moved here the first time.
    """
    env = os.environ.get("STUDIO_HOME")
    path = Path(env) if env else Path(platformdirs.user_config_dir(APP, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    if not env:
        _move_old_settings(path)
    return path


def _move_old_settings(config: Path) -> None:
    old = Path(platformdirs.user_data_dir(APP, appauthor=False))
    if old.resolve() == config.resolve():
        return
    for name in ("config.json", "keys.json"):
        if (old / name).is_file() and not (config / name).exists():
            with contextlib.suppress(OSError):  # left where it was: read from there next time
                os.replace(old / name, config / name)


def runs_dir() -> Path:
    """Where run logs go, one folder per ``studio make``."""
    path = user_dir() / "runs"
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_gallery() -> Path:
    """The gallery when nothing chooses another: ``<data dir>/games``."""
    return user_dir() / "games"
