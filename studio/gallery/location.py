"""Where the gallery is: one per user wherever the command runs: ``--gallery``, else
``$STUDIO_GALLERY``, else ``studio config set gallery``, else ``<data dir>/games``.

Above both ``studio.paths`` and the config file's module, so neither imports the other.
"""

from __future__ import annotations

import os
from pathlib import Path

from studio.models.config import load_config
from studio.paths import default_gallery


def gallery_location(override: str | os.PathLike[str] | None = None) -> tuple[Path, str]:
    """The gallery folder and what chose it: ``--gallery``, ``STUDIO_GALLERY``,
    ``studio config set gallery`` or ``default``."""
    env = os.environ.get("STUDIO_GALLERY")
    if override:
        chosen = "STUDIO_GALLERY" if env and os.fspath(override) == env else "--gallery"
        return Path(override).expanduser(), chosen
    if env:
        return Path(env).expanduser(), "STUDIO_GALLERY"
    stored = load_config().get("gallery")
    if stored:
        return Path(stored).expanduser(), "studio config set gallery"
    return default_gallery(), "default"


def gallery_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The gallery folder (see ``gallery_location``)."""
    return gallery_location(override)[0]
