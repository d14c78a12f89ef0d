"""The difference between two versions of a game, as a unified diff (``difflib``)."""

from __future__ import annotations

import difflib


def unified(old: str, new: str, old_name: str, new_name: str, context: int = 3) -> str:
    """The unified diff from ``old`` to ``new`` (``""`` when they are the same text)."""
    lines = difflib.unified_diff(
        old.splitlines(keepends=True),
        new.splitlines(keepends=True),
        fromfile=old_name,
        tofile=new_name,
        n=context,
    )
    out = []
    for line in lines:
        out.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    return "".join(out)
