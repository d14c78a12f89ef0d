"""Where the studio keeps things.

- config (``config.json``, ``keys.json``): the platform's user config dir
  (``$XDG_CONFIG_HOME/studio`` on Linux);
- data (run logs, the gallery): the platform's user data dir
  (``$XDG_DATA_HOME/studio`` on Linux);
- ``$STUDIO_HOME`` puts both in one folder (tests, portable setups).

The gallery is one per user wherever the command runs: ``--gallery``, else
``$STUDIO_GALLERY``, else ``studio config set gallery``, else ``<data dir>/games``.
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


def gallery_location(override: str | os.PathLike[str] | None = None) -> tuple[Path, str]:
    """The gallery folder and what chose it: ``--gallery``, ``STUDIO_GALLERY``,
    ``studio config set gallery`` or ``default``."""
    env = os.environ.get("STUDIO_GALLERY")
    if override:
        chosen = "STUDIO_GALLERY" if env and os.fspath(override) == env else "--gallery"
        return Path(override).expanduser(), chosen
    if env:
        return Path(env).expanduser(), "STUDIO_GALLERY"
    from studio.models.config import load_config  # config imports this module

    stored = load_config().get("gallery")
    if stored:
        return Path(stored).expanduser(), "studio config set gallery"
    return default_gallery(), "default"


def gallery_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The gallery folder (see ``gallery_location``)."""
    return gallery_location(override)[0]
