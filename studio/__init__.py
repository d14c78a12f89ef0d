"""Big Brain studio: a sentence in, a verified playable pygame game out."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__all__ = ["Verdict", "verify", "verify_many", "__version__"]

if TYPE_CHECKING:
    from studio.verdicts.api import verify, verify_many
    from studio.verdicts.report import Verdict


def __getattr__(name: str) -> Any:
    # Lazy, so that `import studio` stays cheap for the CLI and the sandbox never needs it.
    if name == "__version__":  # one source: the package metadata (pyproject.toml)
        from studio.version import studio_version

        return studio_version()
    if name in ("verify", "verify_many"):
        from studio.verdicts import api

        return getattr(api, name)
    if name == "Verdict":
        from studio.verdicts.report import Verdict

        return Verdict
    raise AttributeError(name)
