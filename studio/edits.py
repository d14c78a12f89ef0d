"""Search/replace edit blocks: a reply that changes a program rather than rewrites it.

A block names lines of the program and what replaces them::

    <<<<<<< SEARCH
    SPEED = 3
    =======
    SPEED = 5
    >>>>>>> REPLACE

Every block of a reply must apply, each to exactly one place, or none does: a reply whose
block is not found (or is found twice) raises ``EditsDoNotApply`` naming the block and what
was not found, so the model can be asked again; a half-edited program is never returned.
A search text that differs from the program only in trailing spaces or indentation still
applies (small models often re-indent); anything else must match line for line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from studio.errors import EditsDoNotApply

_BLOCK = re.compile(
    r"^[ \t]*<{5,9}[ \t]*SEARCH[^\n]*\n(?P<search>.*?)^[ \t]*={5,9}[ \t]*\n"
    r"(?P<replace>.*?)^[ \t]*>{5,9}[ \t]*REPLACE[^\n]*$",
    re.MULTILINE | re.DOTALL,
)
_MARKER = re.compile(r"^[ \t]*(<{5,9}[ \t]*SEARCH|>{5,9}[ \t]*REPLACE)", re.MULTILINE)


@dataclass(frozen=True)
class Edit:
    """One block: the lines to find and the lines that replace them."""

    search: str
    replace: str


def has_edits(text: str) -> bool:
    """Whether ``text`` holds at least one edit-block marker."""
    return _MARKER.search(text) is not None


def parse_edits(text: str) -> list[Edit]:
    """The blocks of ``text`` in order; a marker without a whole block is an error."""
    edits = [Edit(m.group("search"), m.group("replace")) for m in _BLOCK.finditer(text)]
    markers = len(_MARKER.findall(text))
    if markers != 2 * len(edits):
        raise EditsDoNotApply(
            f"the reply has {markers} SEARCH/REPLACE markers but {len(edits)} whole block(s): "
            "write each block as `<<<<<<< SEARCH`, the lines to find, `=======`, the new "
            "lines, `>>>>>>> REPLACE`, each marker on a line of its own"
        )
    return edits


def _lines(text: str) -> list[str]:
    return text.splitlines()


def _find(program: list[str], search: list[str], loose: bool) -> list[int]:
    """The start lines where ``search`` matches ``program`` (``loose``: ignoring spaces at
    either end of each line)."""
    if not search:
        return []
    want = [s.strip() if loose else s.rstrip() for s in search]
    have = [s.strip() if loose else s.rstrip() for s in program]
    n = len(want)
    return [i for i in range(len(have) - n + 1) if have[i : i + n] == want]


def _reindent(replace: list[str], search: list[str], found: list[str]) -> list[str]:
    """The replacement, shifted by the indentation the program has where the search text
    (written with other indentation) was found."""

    def indent(line: str) -> int:
        return len(line) - len(line.lstrip())

    first = next((i for i, s in enumerate(search) if s.strip()), None)
    if first is None:
        return replace
    shift = indent(found[first]) - indent(search[first])
    if shift == 0:
        return replace
    if shift > 0:
        return [(" " * shift + line) if line.strip() else line for line in replace]
    return [line[min(-shift, indent(line)) :] for line in replace]


def apply_edits(program: str, edits: list[Edit]) -> str:
    """``program`` with every edit applied in order, or ``EditsDoNotApply`` naming the first
    block that does not apply (and nothing applied)."""
    lines = _lines(program)
    total = len(edits)
    for i, edit in enumerate(edits, 1):
        search, replace = _lines(edit.search), _lines(edit.replace)
        which = f"edit block {i} of {total}"
        if not any(s.strip() for s in search):
            raise EditsDoNotApply(
                f"{which} has an empty SEARCH part: copy the lines to change from the program "
                "into SEARCH (to add code, search for the line it goes after and repeat it)"
            )
        spots = _find(lines, search, loose=False)
        loose = not spots
        if loose:
            spots = _find(lines, search, loose=True)
        first = next(s for s in search if s.strip()).strip()
        if not spots:
            raise EditsDoNotApply(
                f"{which} does not apply: its SEARCH lines were not found in the program "
                f"(it begins `{first[:80]}`). Copy the SEARCH lines exactly from the current "
                "program, or reply with the whole program instead."
            )
        if len(spots) > 1:
            raise EditsDoNotApply(
                f"{which} does not apply: its SEARCH lines (beginning `{first[:80]}`) occur "
                f"{len(spots)} times in the program; include more lines around the change so "
                "they occur once."
            )
        at = spots[0]
        found = lines[at : at + len(search)]
        new = _reindent(replace, search, found) if loose else replace
        lines[at : at + len(search)] = new
    return "\n".join(lines) + ("\n" if program.endswith("\n") or not program else "")
