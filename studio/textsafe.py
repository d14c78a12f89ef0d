"""Text from outside the studio, made safe to print on a terminal.

A prompt, a title, a model's name or reply, what a game printed or raised: any of it can
hold control characters (an ANSI escape sets colours, moves the cursor or renames the
window; a carriage return overwrites what was printed; a bidi override reorders a line)
or rich markup (``[red]``, or a ``[/x]`` that rich refuses with an error). Everything the
CLI prints from such text goes through :func:`clean` (plain output), :func:`markup` (inside
a rich markup string) or :func:`text` (a rich ``Text``): a control character is shown as
its escape (``\\x1b``), never sent to the terminal, and brackets print as typed.
"""

from __future__ import annotations

import json
import re
from typing import Any

from rich.markup import escape
from rich.text import Text

#: C0 controls but tab and newline, DEL, C1 controls, and the Unicode format characters that
#: reorder or hide text (bidi embeddings, overrides and isolates, line and paragraph
#: separators).
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_CONTROL_OR_NEWLINE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
#: What JSON leaves raw (``json.dumps(..., ensure_ascii=False)`` escapes only C0).
_JSON_RAW = re.compile("[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _visible(match: re.Match[str]) -> str:
    char = match.group(0)
    code = ord(char)
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def clean(value: Any, *, newlines: bool = True) -> str:
    """``str(value)`` with every control character shown as its escape (``\\x1b``).

    Tabs are kept; newlines too, unless ``newlines`` is False (a one-line field: a title,
    a model's name), where they become ``\\x0a``. ``None`` is the empty string.
    """
    if value is None:
        return ""
    pattern = _CONTROL if newlines else _CONTROL_OR_NEWLINE
    return pattern.sub(_visible, str(value))


def markup(value: Any, *, newlines: bool = True) -> str:
    """:func:`clean`, then escaped for a rich markup string: ``[red]`` prints as typed."""
    return escape(clean(value, newlines=newlines))


def text(value: Any, style: str = "", *, newlines: bool = True) -> Text:
    """A rich ``Text`` of :func:`clean` text (a ``Text`` never reads markup)."""
    return Text(clean(value, newlines=newlines), style=style)


def dumps(data: Any, *, indent: int | None = 2) -> str:
    """JSON for stdout: like ``json.dumps(ensure_ascii=False)``, with the control and
    format characters JSON would leave raw written as ``\\u`` escapes (the same data)."""
    raw = json.dumps(data, indent=indent, ensure_ascii=False)
    return _JSON_RAW.sub(lambda m: f"\\u{ord(m.group(0)):04x}", raw)


class CleanProgress:
    """A progress display (see ``studio.progress``) that cleans what it is given to show:
    failure reasons, the model's thinking and notes come from the model and the games."""

    def __init__(self, inner: Any) -> None:
        self._inner = inner

    def start(self, attempts: int) -> None:
        self._inner.start(attempts)

    def update(
        self,
        n: int,
        state: str,
        *,
        tokens: int | None = None,
        round: int | None = None,
        detail: str | None = None,
    ) -> None:
        detail = None if detail is None else clean(detail)
        self._inner.update(n, state, tokens=tokens, round=round, detail=detail)

    def thinking(self, n: int, text: str) -> None:
        self._inner.thinking(n, clean(text))

    def note(self, text: str) -> None:
        self._inner.note(clean(text))

    def stop(self) -> None:
        self._inner.stop()

    def __getattr__(self, name: str) -> Any:  # anything else the runner may read (rows)
        return getattr(self._inner, name)
