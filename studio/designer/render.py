"""Rendering a design into one pygame program: a skeleton plus the hooks of its parts.

Each mechanic part is a template under ``templates/parts/`` whose macros are named after the
places they fill in the program (``constants``, ``classes``, ``reset``, ``update``, ...). The
renderer calls every part's macros, indents what they return for their place and hands the
joined pieces to ``templates/game.py.j2``.
"""

from __future__ import annotations

import json
import re
import textwrap
from functools import lru_cache
from typing import Any

import jinja2

from studio.designer.design import Design
from studio.errors import DesignError

#: hook name -> indentation of the code it returns in the program.
#: ``backdrop`` paints what never changes once; ``scene`` returns the full-window picture under
#: everything that moves (only one part may own it: it caches and redraws it on change).
HOOKS: dict[str, int] = {
    "constants": 0,
    "classes": 0,
    "reset": 8,
    "levelup": 8,
    "onhit": 8,
    "shot": 8,
    "ballhit": 8,
    "rules": 8,
    "afterresolve": 8,
    "methods": 4,
    "keydown": 8,
    "click": 8,
    "motion": 8,
    "update": 8,
    "draw": 8,
    "backdrop": 8,
    "scene": 8,
    "hud": 8,
}
#: hooks whose pieces are separated by blank lines (definitions rather than statements).
SPACED = {"classes": "\n\n\n", "methods": "\n\n"}


def _py(value: Any) -> str:
    """A Python literal for ``value`` (tuples stay tuples, floats stay short)."""
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, float):
        return repr(round(value, 3))
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_py(k)}: {_py(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_py(v) for v in value) + "]"
    if isinstance(value, tuple):
        inner = ", ".join(_py(v) for v in value)
        return "(" + inner + ("," if len(value) == 1 else "") + ")"
    return repr(value)


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("studio.designer", "templates"),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,
    )
    env.filters["py"] = _py
    return env


def _clean(code: str, indent: int) -> str:
    code = textwrap.dedent(code.strip("\n"))
    lines = [line.rstrip() for line in code.splitlines()]
    return textwrap.indent("\n".join(lines), " " * indent)


def _context(design: Design) -> dict[str, Any]:
    return {"d": design, "p": design.params, "pal": design.palette}


def hooks(design: Design) -> dict[str, str]:
    """Every hook's code, joined over the design's parts in order."""
    env = environment()
    pieces: dict[str, list[str]] = {name: [] for name in HOOKS}
    owners: dict[str, list[str]] = {}
    ctx = _context(design)
    for part in design.parts:
        try:
            module = env.get_template(f"parts/{part}.py.j2").make_module(ctx)
        except jinja2.TemplateNotFound as exc:
            raise DesignError(f"no template for mechanic part '{part}'") from exc
        for name, indent in HOOKS.items():
            macro = getattr(module, name, None)
            if not isinstance(macro, jinja2.runtime.Macro):
                continue
            code = _clean(str(macro()), indent)
            if code.strip():
                pieces[name].append(code)
                owners.setdefault(name, []).append(part)
    if len(owners.get("scene", [])) > 1:
        # each scene hook returns the whole picture, so a second one would never be drawn
        raise DesignError(f"parts {' and '.join(owners['scene'])} both draw the scene picture")
    return {name: SPACED.get(name, "\n").join(found) for name, found in pieces.items()}


def render(design: Design) -> str:
    """The whole program for ``design``."""
    env = environment()
    ctx = _context(design)
    ctx["h"] = hooks(design)
    ctx["prompt_line"] = safe_line(design.prompt)
    ctx["controls_line"] = "   ".join(f"{c.keys}: {c.action}" for c in design.controls[:4])
    ctx["rules_line"] = textwrap.fill(_rules_line(design), 88, subsequent_indent="    ")
    ctx["understood_line"] = textwrap.fill(design.understood, 88, subsequent_indent="    ")
    try:
        code = env.get_template("game.py.j2").render(ctx)
    except jinja2.TemplateError as exc:
        raise DesignError(f"the designer's templates failed to render: {exc}") from exc
    while "\n\n\n\n" in code:
        code = code.replace("\n\n\n\n", "\n\n\n")
    return code


def safe_line(text: str) -> str:
    """``text`` on one line with nothing that could end a docstring or start an escape."""
    text = re.sub(r"[^\w \-+,.!?'&/:()]", " ", text)
    return " ".join(text.split())[:200] or "(no prompt)"


def _rules_line(design: Design) -> str:
    rules = design.rules
    parts = []
    if rules.scoring:
        parts.append("score by " + ", ".join(rules.scoring))
    if rules.clearing:
        parts.append("clears: " + ", ".join(rules.clearing))
    if rules.winning:
        parts.append(rules.winning)
    if rules.losing:
        parts.append("lose when " + rules.losing)
    return "; ".join(parts) + "."
