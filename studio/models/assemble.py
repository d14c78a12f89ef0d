"""A program written over several fenced blocks, put back together.

Small models often write "Here are the imports and the classes: ```...``` And here is the
main loop: ```...```". No block alone is the program then; the blocks in order are. A block
is *the program* when it compiles, imports pygame, has a main loop and uses no name it does
not define. When no block is, the Python blocks are joined in order, skipping any that

- defines again a function or class an earlier chosen block defines (a block that only
  repeats a fragment, "replace your ``update`` with this", or the whole program once more;
  restated imports and constants are no reason to leave a block out);
- comes after the block holding the program's entry point (``if __name__ == "__main__"``,
  a top-level ``main()`` call or main loop): usage notes, alternatives;
- uses none of the names the earlier ones define (an unrelated snippet);
- does not compile after them;

and the join is kept only if it is better than any single block: a program with the loop
and no undefined name, or at least closer to one.
"""

from __future__ import annotations

import ast
import builtins
import re
import symtable
from dataclasses import dataclass

from studio import pyast

_PYGAME_RE = re.compile(r"^\s*(?:import\s+pygame|from\s+pygame)", re.MULTILINE)
_LOOP_RE = re.compile(r"^\s*while\b", re.MULTILINE)
_KNOWN = set(dir(builtins)) | {"__name__", "__file__", "__doc__", "__spec__", "__builtins__"}


def compiles(code: str) -> bool:
    try:
        compile(code, "<reply>", "exec")
    except (SyntaxError, ValueError):
        return False
    return True


def has_loop(code: str) -> bool:
    return bool(_LOOP_RE.search(code)) and (
        "event.get" in code or ".tick(" in code or "event.poll" in code
    )


def has_pygame(code: str) -> bool:
    return bool(_PYGAME_RE.search(code))


def defined_names(code: str) -> set[str]:
    """Names the module defines at top level (assignments, defs, classes, imports)."""
    try:
        table = symtable.symtable(code, "<reply>", "exec")
    except (SyntaxError, ValueError):
        return set()
    names = {
        s.get_name()
        for s in table.get_symbols()
        if s.is_assigned() or s.is_imported() or s.is_namespace()
    }
    tables = list(table.get_children())
    while tables:  # `global score` then `score = 0` inside a function defines it too
        child = tables.pop()
        tables.extend(child.get_children())
        names |= {
            s.get_name() for s in child.get_symbols() if s.is_declared_global() and s.is_assigned()
        }
    return names


def top_definitions(code: str) -> set[str]:
    """The functions and classes the code defines at top level (imports and constants,
    often restated from block to block, are left out)."""
    try:
        tree = pyast.parse(code)
    except (SyntaxError, ValueError):
        return set()
    kinds = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)
    return {node.name for node in tree.body if isinstance(node, kinds)}


def used_names(code: str) -> set[str]:
    """Every name the code reads, at any depth; for a block that does not compile alone (the
    indented rest of a class), every identifier in it."""
    try:
        tree = pyast.parse(code)
    except (SyntaxError, ValueError):
        return set(re.findall(r"[A-Za-z_]\w*", code))
    return {n.id for n in ast.walk(tree) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)}


def undefined_names(code: str) -> set[str] | None:
    """Global names the code reads but never defines (None when it does not compile)."""
    try:
        top = symtable.symtable(code, "<reply>", "exec")
    except (SyntaxError, ValueError):
        return None
    defined = defined_names(code) | _KNOWN
    missing: set[str] = set()
    tables = [top]
    while tables:
        table = tables.pop()
        tables.extend(table.get_children())
        for sym in table.get_symbols():
            if not sym.is_referenced() or sym.get_name() in defined:
                continue
            if table is top or not (sym.is_local() or sym.is_free() or sym.is_parameter()):
                missing.add(sym.get_name())  # read as a global that nothing defines
    if any(isinstance(n, ast.ImportFrom) and n.names[0].name == "*" for n in _nodes(code)):
        return set()  # a star import defines names no one can list
    return missing


def _nodes(code: str) -> list[ast.AST]:
    try:
        return list(ast.walk(pyast.parse(code)))
    except (SyntaxError, ValueError):
        return []


def has_entry(code: str) -> bool:
    """The program's start: a ``__main__`` guard, a top-level ``main()`` call or main loop."""
    try:
        tree = pyast.parse(code)
    except (SyntaxError, ValueError):
        return "__main__" in code
    for node in tree.body:
        if isinstance(node, ast.If) and "__main__" in ast.unparse(node.test):
            return True
        if isinstance(node, ast.While):
            return True
        if (
            isinstance(node, ast.Expr)
            and isinstance(node.value, ast.Call)
            and isinstance(node.value.func, ast.Name)
            and node.value.func.id in ("main", "run", "game_loop", "run_game")
        ):
            return True
    return False


def quality(code: str) -> tuple[bool, bool, bool, bool, bool]:
    """How close ``code`` is to the whole program; the best is ``(True,) * 5``."""
    missing = undefined_names(code)
    return (
        missing is not None,  # compiles
        has_pygame(code),
        has_loop(code),
        missing == set(),  # uses nothing it does not define
        has_entry(code),
    )


def is_program(code: str) -> bool:
    return all(quality(code)[:4])


@dataclass
class Joined:
    """Blocks joined into one program: their code and their 1-based places in the reply."""

    code: str
    parts: tuple[int, ...]


def join_blocks(codes: list[tuple[int, str]]) -> Joined | None:
    """``codes`` (place, code) of the Python blocks in reply order, joined into the program;
    None when no join of two or more is better than the best single block."""
    chosen: list[tuple[int, str]] = []
    defined: set[str] = set()  # every name the chosen blocks define
    functions: set[str] = set()  # their top-level functions and classes
    for place, code in codes:
        if chosen:
            joined = "\n\n\n".join(c for _, c in chosen)
            if has_entry(joined) or top_definitions(code) & functions:
                continue  # after the program's start, or a rewrite of a part of it
            if not used_names(code) & defined or not compiles(joined + "\n\n\n" + code):
                continue
            defined |= defined_names(joined + "\n\n\n" + code)
        elif not compiles(code):
            continue
        chosen.append((place, code))
        defined |= defined_names(code)
        functions |= top_definitions(code)
    if len(chosen) < 2:
        return None
    code = "\n\n\n".join(c for _, c in chosen)
    best_single = max(quality(c) for _, c in codes)
    if quality(code) <= best_single:
        return None
    return Joined(code, tuple(p for p, _ in chosen))
