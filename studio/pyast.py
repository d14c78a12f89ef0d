"""``ast.parse`` behind one lock.

CPython 3.11 before 3.11.8 can fail with ``SystemError: AST constructor recursion depth
mismatch`` when two threads turn source into ``ast`` objects at once (python/cpython#106905):
Big Brain's attempts check their sources in threads. Parsing takes milliseconds, so
one at a time costs nothing that shows.
"""

from __future__ import annotations

import ast
import threading

_lock = threading.Lock()


def parse(source: str | bytes, filename: str = "<unknown>") -> ast.Module:
    """``ast.parse(source, filename)``, one thread at a time."""
    with _lock:
        return ast.parse(source, filename=filename)
