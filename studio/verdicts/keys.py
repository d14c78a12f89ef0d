"""The game's own controls, read from its source: what the player should press and click.

Real games restart on R, N, F2 or 1, start on S, fire on X or Left Ctrl; a player that only
knows arrows, WASD, Space and Enter never sees their second game. This reads, without
running anything:

- keys: every ``K_*`` constant, every string compared with ``pygame.key.name(...)`` or
  ``event.unicode``, every ``event.key == ord("r")``; keys read through
  ``key.get_pressed()[...]`` are held (moves);
- keys that quit: those an ``if`` (or ``case``) tests before it exits the program or ends
  its main loop (``sys.exit()``, ``pygame.quit()``, ``running = False``); never pressed;
- mouse buttons the game checks (``event.button == 3``, ``mouse.get_pressed()[2]``);
- targets: the centres of rectangles with constant corners (``pygame.Rect(270, 300, 100,
  40)``, with the module's numeric constants), when the game handles clicks at all, and of
  the tutorials' ``button("Again", x, y, w, h, ...)`` calls.

The result is plain JSON for the sandbox's player (``sandbox/player.py``, ``Controls``).
"""

from __future__ import annotations

import ast
import operator
import re
from collections.abc import Sequence

#: What ``read_controls`` finds, as the sandbox's player reads it (JSON): "moves" and
#: "actions" ([key, text] pairs), "quit" (keys), "buttons" (1-3), "targets" ([x, y]).
Controls = dict[str, Sequence[object]]

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
    def __init__(
        self,
        consts: dict[str, float],
        aliases: frozenset[str] = frozenset(),
        quitters: frozenset[str] = frozenset(),
    ) -> None:
        self.consts = consts
        self.aliases = aliases  # variables that hold a key's name or text
        self.quitters = quitters  # the game's own functions that end it
        self.named: dict[str, tuple[float, float]] = {}  # QUIT_BUTTON = Rect(...): its centre
        self.quit_targets: set[str] = set()  # rects whose click ends the game
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
        if any(isinstance(side, ast.Attribute) and side.attr == "key" for side in sides):
            for side in sides:  # event.key == ord("r"): older code names letters so
                letter = _from_text(_ord_of(side))
                if letter:
                    self._add(*letter)
        if any(isinstance(s, ast.Attribute) and s.attr == "button" for s in sides):
            for side in sides:
                values = side.elts if isinstance(side, (ast.Tuple, ast.List, ast.Set)) else [side]
                for v in values:
                    button = v.value if isinstance(v, ast.Constant) else None
                    if isinstance(button, (int, float)) and button in (1, 2, 3):
                        self.buttons.add(int(button))
        self.generic_visit(node)

    def visit_Subscript(self, node: ast.Subscript) -> None:
        name = _key_constant(node.slice)
        if name:
            self.held.add(name)
        value, index = node.value, node.slice
        mouse = isinstance(value, ast.Call) and _dotted(value.func).endswith("mouse.get_pressed")
        which = index.value if isinstance(index, ast.Constant) else None
        if mouse and isinstance(which, (int, float)) and which in (0, 1, 2):
            self.buttons.add(int(which) + 1)
        self.generic_visit(node)

    # -- keys that quit ------------------------------------------------------------------
    def visit_If(self, node: ast.If) -> None:
        if _quits(node.body, self.quitters):
            self.quit.update(self._keys_in(node.test))
            for sub in ast.walk(node.test):  # if QUIT_BUTTON.collidepoint(pos): sys.exit()
                func = sub.func if isinstance(sub, ast.Call) else None
                if isinstance(func, ast.Attribute) and func.attr == "collidepoint":
                    self.quit_targets.add(_dotted(func.value).split(".")[-1])
        self.generic_visit(node)

    def visit_match_case(self, node: ast.match_case) -> None:
        if _quits(node.body, self.quitters):
            self.quit.update(self._keys_in(node.pattern))
        self.generic_visit(node)

    # -- click targets -------------------------------------------------------------------
    def visit_Call(self, node: ast.Call) -> None:
        called = _dotted(node.func).split(".")[-1]
        if "button" in called.lower() and len(node.args) >= 5:
            # the tutorials' button("Play again", x, y, w, h, colour, hover, action)
            box = self._box(node.args[1:5])
            actions = [*node.args[5:], *(k.value for k in node.keywords)]
            if box and not any(_dotted(a).split(".")[-1] in self.quitters for a in actions):
                x, y, w, h = box
                self.rects.append((x + w / 2, y + h / 2))
                self.clicks = True
        if called == "Rect":
            box = self._box(node.args)
            if box:
                x, y, w, h = box
                if 16 <= w <= 500 and 12 <= h <= 300 and x >= 0 and y >= 0:
                    self.rects.append((x + w / 2, y + h / 2))
        self.generic_visit(node)

    def visit_Assign(self, node: ast.Assign) -> None:
        value = node.value
        if isinstance(value, ast.Call) and _dotted(value.func).split(".")[-1] == "Rect":
            box = self._box(value.args)
            for target in node.targets if box else ():
                name = _dotted(target).split(".")[-1]
                if name:
                    self.named[name] = (box[0] + box[2] / 2, box[1] + box[3] / 2)  # type: ignore[index]
        self.generic_visit(node)

    def _box(self, args: list[ast.expr]) -> tuple[float, ...] | None:
        if len(args) == 1 and isinstance(args[0], (ast.Tuple, ast.List)):
            args = list(args[0].elts)
        if len(args) == 2 and all(isinstance(a, (ast.Tuple, ast.List)) for a in args):
            args = [e for a in args for e in a.elts]  # type: ignore[attr-defined]
        if len(args) != 4:
            return None
        values = [self._number(a) for a in args]
        numbers = [v for v in values if v is not None]
        return tuple(numbers) if len(numbers) == len(values) else None

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


def _ord_of(node: ast.AST) -> str:
    """ "r" for ``ord("r")``, else ""."""
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "ord":
        arg = node.args[0] if len(node.args) == 1 else None
        if isinstance(arg, ast.Constant) and isinstance(arg.value, str) and len(arg.value) == 1:
            return arg.value
    return ""


def _quits(body: list[ast.stmt], quitters: frozenset[str] = frozenset()) -> bool:
    """Does this block end the program or its main loop (not counting nested functions)?
    ``quitters``: the game's own functions that do."""
    todo: list[ast.AST] = list(body)
    while todo:
        node = todo.pop()
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)):
            continue
        if isinstance(node, ast.Call):
            called = _dotted(node.func)
            if called in EXIT_CALLS or (called and called.split(".")[-1] in quitters):
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
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and _names_key(node.value):
            found.update(t.id for t in node.targets if isinstance(t, ast.Name))
    return frozenset(found)


def _quitters(tree: ast.Module) -> frozenset[str]:
    """The game's functions that end it (``def quit_game(): pygame.quit(); sys.exit()``),
    and those that call them. A function with a loop is a game or a screen that ends the
    program only when it is over (``game_loop()``), not a way out."""
    functions = [
        n
        for n in ast.walk(tree)
        if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))
        and not any(isinstance(m, (ast.While, ast.For, ast.AsyncFor)) for m in ast.walk(n))
    ]
    found: frozenset[str] = frozenset()
    for _ in range(3):
        found = frozenset(f.name for f in functions if _quits(f.body, found))
    return found


def read_controls(tree: ast.Module) -> Controls:
    """The game's controls as the sandbox's player takes them (see the module docstring)."""
    reader = _Reader(_constants(tree), _key_aliases(tree), _quitters(tree))
    reader.visit(tree)
    leave = {reader.named[n] for n in reader.quit_targets if n in reader.named}
    reader.rects = [r for r in reader.rects if r not in leave]
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
