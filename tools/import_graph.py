"""The import graph of ``studio/``: every module-level and deferred import, and its cycles.

    python tools/import_graph.py            # one line per cycle; exit 1 when there is one
    python tools/import_graph.py --edges    # every edge, "importer -> imported"

Counted: every ``import`` and ``from ... import`` in a module, inside functions and under
``if TYPE_CHECKING:`` too (a cycle hidden from the interpreter is a cycle in the design all
the same). ``from package import name`` counts an edge to ``package.name`` when that is a
module of the tree, else to ``package``. A package's ``__init__`` is its own node; an import
of ``a.b.c`` is not an import of ``a`` (the interpreter runs ``a/__init__`` first, but that
is the package's business, not an arrow of the design). Only the standard library's ``ast``.
"""

from __future__ import annotations

import argparse
import ast
import sys
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def modules(root: Path, package: str) -> dict[str, Path]:
    """Every module of ``package`` under ``root``: dotted name -> file."""
    found: dict[str, Path] = {}
    for path in sorted((root / package).rglob("*.py")):
        parts = list(path.relative_to(root).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def _resolve(module: str, node: ast.ImportFrom) -> str:
    if not node.level:
        return node.module or ""
    base = module.split(".")
    base = base[: len(base) - node.level + (1 if _is_package(module) else 0)]
    return ".".join([*base, node.module] if node.module else base)


_PACKAGES: set[str] = set()


def _is_package(module: str) -> bool:
    return module in _PACKAGES


def imports(module: str, source: str, known: Iterable[str]) -> set[str]:
    """The modules of ``known`` that ``module`` (whose text is ``source``) imports."""
    names = set(known)
    out: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            out.update(alias.name for alias in node.names if alias.name in names)
        elif isinstance(node, ast.ImportFrom):
            target = _resolve(module, node)
            for alias in node.names:
                sub = f"{target}.{alias.name}"
                if sub in names:
                    out.add(sub)
                elif target in names:
                    out.add(target)
    out.discard(module)
    return out


def graph(root: Path = ROOT, package: str = "studio") -> dict[str, set[str]]:
    """``module -> the modules of the tree it imports``."""
    found = modules(root, package)
    _PACKAGES.update(m for m, p in found.items() if p.name == "__init__.py")
    return {m: imports(m, p.read_text(encoding="utf-8"), found) for m, p in found.items()}


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan), sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(edges.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    sys.setrecursionlimit(max(sys.getrecursionlimit(), 10 * len(edges) + 100))
    for node in sorted(edges):
        if node not in index:
            visit(node)
    return sorted(found)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edges", action="store_true", help="print every edge")
    args = parser.parse_args(argv)
    edges = graph()
    if args.edges:
        for src in sorted(edges):
            for dst in sorted(edges[src]):
                print(f"{src} -> {dst}")
    found = cycles(edges)
    for component in found:
        print("cycle: " + " <-> ".join(component))
    count = sum(len(v) for v in edges.values())
    print(f"{len(edges)} modules, {count} imports, {len(found)} cycle(s)")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
