"""The game's own controls, read from its source: what the player should press and click.

Real games restart on R, N, F2 or 1, start on S, fire on X or Left Ctrl; a player that only
knows arrows, WASD, Space and Enter never sees their second game. This reads, without
running anything:

- keys: every ``K_*`` constant, and every string compared with ``pygame.key.name(...)`` or
  ``event.unicode``; keys read through ``key.get_pressed()[...]`` are held (moves);
- keys that quit: those an ``if`` (or ``case``) tests before it exits the program or ends
  its main loop (``sys.exit()``, ``pygame.quit()``, ``running = False``); never pressed;
- mouse buttons the game checks (``event.button == 3``, ``mouse.get_pressed()[2]``);
- targets: the centres of rectangles with constant corners (``pygame.Rect(270, 300, 100,
  40)``, with the module's numeric constants), when the game handles clicks at all.

The result is plain JSON for the sandbox's player (``sandbox/player.py``, ``Controls``).
"""

from __future__ import annotations

import ast
import operator
import re

KEY_CONSTANT = re.compile(r"^K_([A-Za-z0-9_]+)$")
MOVE_NAMES = frozenset(
    {"up", "down", "left", "right", "w", "a", "s", "d", "kp2", "kp4", "kp6", "kp8"}
)
#: Names whose assignment (False for the first, True for the second) ends a main loop.
RUN_FLAGS = re.compile(r"^(is_?)?(running|run|playing|play|loop|main_?loop|game_?running)$", re.I)
DONE_FLAGS = re.compile(r"^(done|quit|exit|finished|should_?quit|game_?exit)$", re.I)
EXIT_CALLS = frozenset({"sys.exit", "exit", "quit", "os._exit", "pygame.quit", "pg.quit"})
CHAR_NAMES = {
    " ": "space",
    "+": "plus",
    "-": "minus",
    "=": "equals",
    "/": "slash",
    ".": "period",
    ",": "comma",
    ";": "semicolon",
    "'": "quote",
    "[": "leftbracket",
    "]": "rightbracket",
    "\r": "return",
    "\t": "tab",
}
MAX_KEYS = 40
MAX_TARGETS = 8
BINOPS = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: operator.truediv,
    ast.FloorDiv: operator.floordiv,
}


def _dotted(node: ast.AST) -> str:
    parts: list[str] = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
    return ".".join(reversed(parts))


def _key_constant(node: ast.AST) -> str | None:
    """ "left" for ``pygame.K_LEFT`` or ``K_LEFT``, "r" for ``K_r``, "f2" for ``K_F2``."""
    name = node.attr if isinstance(node, ast.Attribute) else getattr(node, "id", None)
    found = KEY_CONSTANT.match(name) if isinstance(name, str) else None
    return found.group(1).lower() if found else None


def _names_key(node: ast.AST, aliases: frozenset[str] = frozenset()) -> bool:
    """Is ``node`` the name of a key: ``pygame.key.name(...)``, ``event.unicode`` (or one
    of them lowered, upper-cased or stripped), or a variable assigned one of them?"""
    while (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in ("lower", "upper", "strip")
    ):
        node = node.func.value
    if isinstance(node, ast.Name):
        return node.id in aliases
    if isinstance(node, ast.Attribute) and node.attr == "unicode":
        return True
    return isinstance(node, ast.Call) and _dotted(node.func).endswith("key.name")


def _strings(node: ast.AST, split: bool) -> list[str]:
    """String constants in ``node``; a bare one is split into characters after ``in``."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return list(node.value) if split else [node.value]
    if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
        return [s for e in node.elts for s in _strings(e, False)]
    return []


def _compared(node: ast.Compare, aliases: frozenset[str]) -> list[tuple[str, str]]:
    """(key name, typed text) for every string a key's name or text is compared with."""
    sides = [node.left, *node.comparators]
    if not any(_names_key(s, aliases) for s in sides):
        return []
    split = any(isinstance(op, (ast.In, ast.NotIn)) for op in node.ops)
    found = [_from_text(text) for side in sides for text in _strings(side, split)]
    return [pair for pair in found if pair]


def _from_text(text: str) -> tuple[str, str] | None:
    """The key name and typed text for a string the game compares a key's name with."""
    if not text or len(text) > 12:
        return None
    if len(text) == 1:
        if text.isalnum():
            return text.lower(), text
        name = CHAR_NAMES.get(text)
        return (name, text) if name else None
    return text.lower(), ""


class _Reader(ast.NodeVisitor):
    def __init__(self, consts: dict[str, float], aliases: frozenset[str] = frozenset()) -> None:
        self.consts = consts
        self.aliases = aliases  # variables that hold a key's name or text
        self.keys: dict[str, str] = {}  # name -> typed text
        self.held: set[str] = set()
        self.quit: set[str] = set()
        self.buttons: set[int] = set()
        self.rects: list[tuple[float, float]] = []
        self.clicks = False

    # -- keys ----------------------------------------------------------------------------
    def _keys_in(self, node: ast.AST) -> list[str]:
        """Every key named anywhere in ``node`` (constants and compared strings)."""
        out = []
        for sub in ast.walk(node):
            name = _key_constant(sub)
            if name:
                out.append(name)
            elif isinstance(sub, ast.Compare):
                out += [name for name, _ in _compared(sub, self.aliases)]
        return out

    def _add(self, name: str, text: str = "") -> None:
        if name not in self.keys:
            self.keys[name] = text if text else (name if len(name) == 1 else "")

    def visit_Attribute(self, node: ast.Attribute) -> None:
        name = _key_constant(node)
        if name:
            self._add(name)
        elif node.attr in ("MOUSEBUTTONDOWN", "MOUSEBUTTONUP", "collidepoint"):
            self.clicks = True
        self.generic_visit(node)

    def visit_Name(self, node: ast.Name) -> None:
        name = _key_constant(node)
        if name:
            self._add(name)
        elif node.id in ("MOUSEBUTTONDOWN", "MOUSEBUTTONUP"):
            self.clicks = True

    def visit_Compare(self, node: ast.Compare) -> None:
        for pair in _compared(node, self.aliases):
            self._add(*pair)
        sides = [node.left, *node.comparators]
        if any(isinstance(s, ast.Attribute) and s.attr == "button" for s in sides):
            for side in sides:
                values = side.elts if isinstance(side, (ast.Tuple, ast.List, ast.Set)) else [side]
                for v in values:
                    if isinstance(v, ast.Constant) and v.value in (1, 2, 3):
                        self.buttons.add(int(v.value))
        self.generic_visit(node)

    def visit_Subscript(self, node: ast.Subscript) -> None:
        name = _key_constant(node.slice)
        if name:
            self.held.add(name)
        value, index = node.value, node.slice
        mouse = isinstance(value, ast.Call) and _dotted(value.func).endswith("mouse.get_pressed")
        if mouse and isinstance(index, ast.Constant) and index.value in (0, 1, 2):
            self.buttons.add(int(index.value) + 1)
        self.generic_visit(node)

    # -- keys that quit ------------------------------------------------------------------
    def visit_If(self, node: ast.If) -> None:
        if _quits(node.body):
            self.quit.update(self._keys_in(node.test))
        self.generic_visit(node)

    def visit_match_case(self, node: ast.match_case) -> None:
        if _quits(node.body):
            self.quit.update(self._keys_in(node.pattern))
        self.generic_visit(node)

    # -- click targets -------------------------------------------------------------------
    def visit_Call(self, node: ast.Call) -> None:
        if _dotted(node.func).split(".")[-1] == "Rect":
            box = self._box(node.args)
            if box:
                x, y, w, h = box
                if 16 <= w <= 500 and 12 <= h <= 300 and x >= 0 and y >= 0:
                    self.rects.append((x + w / 2, y + h / 2))
        self.generic_visit(node)

    def _box(self, args: list[ast.expr]) -> tuple[float, ...] | None:
        if len(args) == 1 and isinstance(args[0], (ast.Tuple, ast.List)):
            args = list(args[0].elts)
        if len(args) == 2 and all(isinstance(a, (ast.Tuple, ast.List)) for a in args):
            args = [e for a in args for e in a.elts]  # type: ignore[attr-defined]
        if len(args) != 4:
            return None
        values = [self._number(a) for a in args]
        return tuple(values) if all(v is not None for v in values) else None  # type: ignore[return-value]

    def _number(self, node: ast.AST) -> float | None:
        if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
            return float(node.value)
        if isinstance(node, ast.Name):
            return self.consts.get(node.id)
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
            value = self._number(node.operand)
            return -value if value is not None else None
        if isinstance(node, ast.BinOp) and type(node.op) in BINOPS:
            a, b = self._number(node.left), self._number(node.right)
            if a is None or b is None or (b == 0 and isinstance(node.op, (ast.Div, ast.FloorDiv))):
                return None
            return float(BINOPS[type(node.op)](a, b))
        return None


def _quits(body: list[ast.stmt]) -> bool:
    """Does this block end the program or its main loop (not counting nested functions)?"""
    todo: list[ast.AST] = list(body)
    while todo:
        node = todo.pop()
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)):
            continue
        if isinstance(node, ast.Call) and _dotted(node.func) in EXIT_CALLS:
            return True
        exc = getattr(node, "exc", None) if isinstance(node, ast.Raise) else None
        if exc is not None and "SystemExit" in _dotted(getattr(exc, "func", exc)):
            return True
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant):
            for target in node.targets:
                name = target.id if isinstance(target, ast.Name) else getattr(target, "attr", "")
                if node.value.value is False and RUN_FLAGS.match(name or ""):
                    return True
                if node.value.value is True and DONE_FLAGS.match(name or ""):
                    return True
        todo.extend(ast.iter_child_nodes(node))
    return False


def _constants(tree: ast.Module) -> dict[str, float]:
    """The module's numeric constants (``WIDTH = 640``, ``W, H = 800, 600``)."""
    found: dict[str, float] = {}
    reader = _Reader(found)
    for stmt in tree.body:
        if not isinstance(stmt, ast.Assign) or len(stmt.targets) != 1:
            continue
        target, value = stmt.targets[0], stmt.value
        pairs = [(target, value)]
        if isinstance(target, ast.Tuple) and isinstance(value, ast.Tuple):
            pairs = list(zip(target.elts, value.elts, strict=False))
        for t, v in pairs:
            number = reader._number(v)
            if isinstance(t, ast.Name) and number is not None:
                found[t.id] = number
    return found


def _key_aliases(tree: ast.Module) -> frozenset[str]:
    """Variables assigned a key's name or text (``name = pygame.key.name(event.key)``)."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and _names_key(node.value):
            found.update(t.id for t in node.targets if isinstance(t, ast.Name))
    return frozenset(found)


def read_controls(tree: ast.Module) -> dict:
    """The game's controls as the sandbox's player takes them (see the module docstring)."""
    reader = _Reader(_constants(tree), _key_aliases(tree))
    reader.visit(tree)
    keys = {k: v for k, v in reader.keys.items() if k not in reader.quit and k != "escape"}
    moves = [[k, t] for k, t in keys.items() if k in MOVE_NAMES or k in reader.held]
    actions = [[k, t] for k, t in keys.items() if [k, t] not in moves]
    targets = list(dict.fromkeys((round(x), round(y)) for x, y in reader.rects))
    return {
        "moves": moves[:MAX_KEYS],
        "actions": actions[:MAX_KEYS],
        "quit": sorted(reader.quit),
        "buttons": sorted(reader.buttons),
        "targets": [list(t) for t in targets[:MAX_TARGETS]] if reader.clicks else [],
    }
