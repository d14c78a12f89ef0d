"""Static checks: what can be told about a game from its source, before it runs.

Syntax, imports outside the standard library and pygame, names used but never defined,
calls that can only be hostile (spawning processes, sockets, deleting files, writing
outside the working directory, native code), and a few contract checks (a clock, QUIT
handling, a main guard, the window size). Hostile calls are reported here and still blocked
at run time by the sandbox.
"""

from __future__ import annotations

import ast
import builtins
import sys
import types
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from studio import pyast
from studio.verdicts.keys import Controls, read_controls
from studio.verdicts.report import Finding

ALLOWED_TOP = frozenset(sys.stdlib_module_names) | {"pygame"}
NATIVE_MODULES = frozenset({"ctypes", "_ctypes", "cffi", "_posixsubprocess", "_socket"})

PROCESS_CALLS = {
    "subprocess.Popen",
    "subprocess.run",
    "subprocess.call",
    "subprocess.check_call",
    "subprocess.check_output",
    "subprocess.getoutput",
    "subprocess.getstatusoutput",
    "os.system",
    "os.popen",
    "os.fork",
    "os.forkpty",
    "os.posix_spawn",
    "os.posix_spawnp",
    "pty.spawn",
    "pty.fork",
    "multiprocessing.Process",
    "asyncio.create_subprocess_exec",
    "asyncio.create_subprocess_shell",
}
NETWORK_CALLS = {
    "socket.socket",
    "socket.create_connection",
    "socket.create_server",
    "socket.socketpair",
    "socket.getaddrinfo",
    "socket.gethostbyname",
    "urllib.request.urlopen",
    "urllib.request.urlretrieve",
    "http.client.HTTPConnection",
    "http.client.HTTPSConnection",
    "ftplib.FTP",
    "smtplib.SMTP",
    "asyncio.open_connection",
    "asyncio.start_server",
    "xmlrpc.client.ServerProxy",
}
DELETE_CALLS = {
    "os.remove",
    "os.unlink",
    "os.rmdir",
    "os.removedirs",
    "shutil.rmtree",
}
HOME_CALLS = {"os.path.expanduser", "pathlib.Path.home", "Path.home"}
WRITE_MODES = set("wax+")


@dataclass
class StaticReport:
    findings: list[Finding] = field(default_factory=list)
    imports: list[str] = field(default_factory=list)  # standard-library modules it imports
    uses_sysfont: bool = False
    #: The keys, buttons and click targets the source handles (``keys.read_controls``).
    controls: Controls = field(default_factory=dict)
    #: The compiled game (what the sandbox runs, so that it need not compile it again).
    code: types.CodeType | None = field(default=None, repr=False, compare=False)

    @property
    def blocking(self) -> list[Finding]:
        return [f for f in self.findings if f.blocking]

    def kinds(self) -> set[str]:
        return {f.kind for f in self.findings if f.blocking}


@cache
def _star_names(module: str) -> frozenset[str]:
    if module.split(".")[0] != "pygame":
        return frozenset()
    import importlib

    try:
        mod = importlib.import_module(module)
    except Exception:
        return frozenset()
    return frozenset(n for n in dir(mod) if not n.startswith("_"))


def _dotted(node: ast.AST) -> str | None:
    parts: list[str] = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
        return ".".join(reversed(parts))
    return None


def _catches_import_error(handlers: list[ast.ExceptHandler]) -> bool:
    for h in handlers:
        names = []
        if h.type is None:
            return True
        for n in h.type.elts if isinstance(h.type, ast.Tuple) else [h.type]:
            names.append(_dotted(n) or "")
        if any(n in ("ImportError", "ModuleNotFoundError", "Exception") for n in names):
            return True
    return False


_DISPATCH: dict[type, Callable[[_Checker, ast.AST], None]] = {}


class _Checker(ast.NodeVisitor):
    def __init__(self, game_dir: Path) -> None:
        self.game_dir = game_dir
        self.report = StaticReport()
        self.aliases: dict[str, str] = {}  # local name -> dotted origin
        self.bound: set[str] = set()
        self.loaded: list[tuple[str, int]] = []
        self.star: set[str] = set()
        self.guarded = 0  # depth inside try/except ImportError
        self.seen_tick = self.seen_quit = self.seen_main_guard = False

    # -- walking: NodeVisitor's, with the method for each node type looked up once --------
    def visit(self, node: ast.AST) -> None:
        method = _DISPATCH.get(type(node))
        if method is None:
            found: Callable[[_Checker, ast.AST], None] | None
            found = getattr(_Checker, "visit_" + type(node).__name__, None)
            own = found is not None and found is not getattr(ast.NodeVisitor, found.__name__, None)
            method = found if found is not None and own else _Checker.generic_visit
            _DISPATCH[type(node)] = method
        method(self, node)

    def generic_visit(self, node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            self.visit(child)

    def add(self, kind: str, message: str, node: ast.AST, blocking: bool) -> None:
        line = getattr(node, "lineno", 0)
        self.report.findings.append(Finding(kind, message, line, blocking))

    # -- imports ---------------------------------------------------------------------
    def _import(self, module: str, node: ast.AST) -> None:
        top = module.split(".")[0]
        if top in NATIVE_MODULES:
            msg = f"imports {module}: low-level access that bypasses the sandbox"
            self.add("hostile", msg, node, True)
        elif top not in ALLOWED_TOP and not self._local(top):
            msg = f"imports {module}, which is neither the standard library nor pygame"
            self.add("import", msg, node, not self.guarded)
        elif top in sys.stdlib_module_names and module not in self.report.imports:
            self.report.imports.append(module)

    def _local(self, top: str) -> bool:
        return (self.game_dir / f"{top}.py").exists() or (self.game_dir / top).is_dir()

    def visit_Try(self, node: ast.Try) -> None:
        guarded = _catches_import_error(node.handlers)
        self.guarded += guarded
        for stmt in node.body:
            self.visit(stmt)
        self.guarded -= guarded
        for part in (*node.handlers, *node.orelse, *node.finalbody):
            self.visit(part)

    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            self._import(alias.name, node)
            local = alias.asname or alias.name.split(".")[0]
            self.aliases[local] = alias.name if alias.asname else local
            self.bound.add(local)

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        if node.level:
            return
        module = node.module or ""
        self._import(module, node)
        for alias in node.names:
            if alias.name == "*":
                self.star.add(module)
                continue
            local = alias.asname or alias.name
            self.aliases[local] = f"{module}.{alias.name}"
            self.bound.add(local)

    # -- names -------------------------------------------------------------------------
    def visit_Name(self, node: ast.Name) -> None:
        if isinstance(node.ctx, ast.Load):
            self.loaded.append((node.id, node.lineno))
        else:
            self.bound.add(node.id)

    def _bind_args(self, args: ast.arguments) -> None:
        for a in (*args.posonlyargs, *args.args, *args.kwonlyargs, args.vararg, args.kwarg):
            if a is not None:
                self.bound.add(a.arg)

    def visit_FunctionDef(self, node: ast.FunctionDef) -> None:
        self.bound.add(node.name)
        self._bind_args(node.args)
        self.generic_visit(node)

    visit_AsyncFunctionDef = visit_FunctionDef  # type: ignore[assignment]

    def visit_Lambda(self, node: ast.Lambda) -> None:
        self._bind_args(node.args)
        self.generic_visit(node)

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self.bound.add(node.name)
        self.generic_visit(node)

    def visit_ExceptHandler(self, node: ast.ExceptHandler) -> None:
        if node.name:
            self.bound.add(node.name)
        self.generic_visit(node)

    def visit_Global(self, node: ast.Global) -> None:
        self.bound.update(node.names)

    visit_Nonlocal = visit_Global  # type: ignore[assignment]

    def visit_MatchAs(self, node: ast.MatchAs) -> None:
        if node.name:
            self.bound.add(node.name)
        self.generic_visit(node)

    def visit_MatchStar(self, node: ast.MatchStar) -> None:
        if node.name:
            self.bound.add(node.name)

    # -- calls -------------------------------------------------------------------------
    def _resolve(self, dotted: str) -> str:
        head, _, rest = dotted.partition(".")
        origin = self.aliases.get(head, head)
        return f"{origin}.{rest}" if rest else origin

    def visit_Call(self, node: ast.Call) -> None:
        dotted = _dotted(node.func)
        name = self._resolve(dotted) if dotted else ""
        attr = node.func.attr if isinstance(node.func, ast.Attribute) else ""
        if name in PROCESS_CALLS or name.startswith(("os.exec", "os.spawn")):
            self.add("hostile", f"spawns a process ({name})", node, True)
        elif name in NETWORK_CALLS:
            self.add("hostile", f"opens a network connection ({name})", node, True)
        elif name in DELETE_CALLS or attr in ("unlink", "rmdir"):
            self.add("hostile", f"deletes files ({name or attr})", node, True)
        elif name in HOME_CALLS or name.endswith("Path.home"):
            self.add("hostile", f"reaches into the user's home ({name})", node, True)
        elif name in ("open", "io.open", "builtins.open"):
            self._check_open(node)
        if attr == "tick" or name in ("time.sleep", "pygame.time.wait", "pygame.time.delay"):
            self.seen_tick = True
        if name.endswith("display.set_mode") and node.args:
            self._check_size(node.args[0], node)
        self.generic_visit(node)

    def _check_open(self, node: ast.Call) -> None:
        if not node.args or not isinstance(node.args[0], ast.Constant):
            return
        path = node.args[0].value
        mode_node = node.args[1] if len(node.args) > 1 else None
        for kw in node.keywords:
            if kw.arg == "mode":
                mode_node = kw.value
        mode = mode_node.value if isinstance(mode_node, ast.Constant) else "r"
        if not isinstance(path, str) or not isinstance(mode, str):
            return
        outside = path.startswith(("/", "~")) or ".." in Path(path).parts
        if outside and WRITE_MODES & set(mode) and not path.startswith("/dev/null"):
            self.add("hostile", f"writes outside its directory ({path})", node, True)
        elif path.startswith("~"):
            self.add("hostile", f"reads the user's files ({path})", node, True)

    def _check_size(self, arg: ast.AST, node: ast.AST) -> None:
        if isinstance(arg, (ast.Tuple, ast.List)) and len(arg.elts) == 2:
            w, h = (e.value if isinstance(e, ast.Constant) else None for e in arg.elts)
            if isinstance(w, int) and isinstance(h, int) and (w > 1024 or h > 768):
                msg = f"window {w}x{h} is larger than 1024x768"
                self.add("contract", msg, node, False)

    def visit_Attribute(self, node: ast.Attribute) -> None:
        if node.attr == "QUIT":
            self.seen_quit = True
        self.generic_visit(node)

    def visit_If(self, node: ast.If) -> None:
        test = node.test
        if (
            isinstance(test, ast.Compare)
            and isinstance(test.left, ast.Name)
            and test.left.id == "__name__"
        ):
            self.seen_main_guard = True
        self.generic_visit(node)

    # -- the end -----------------------------------------------------------------------
    def finish(self, tree: ast.Module) -> StaticReport:
        known = self.bound | set(dir(builtins)) | {"__file__", "__name__", "__doc__", "__spec__"}
        known |= {"__builtins__", "__loader__", "__package__", "__path__", "__annotations__"}
        for module in self.star:
            known |= _star_names(module)
        unresolved_star = any(not _star_names(m) for m in self.star)
        if not unresolved_star:
            reported: set[str] = set()
            for name, line in self.loaded:
                if name not in known and name not in reported:
                    reported.add(name)
                    msg = f"name '{name}' is used but never defined"
                    self.report.findings.append(Finding("undefined_name", msg, line, False))
        if not self.seen_quit:
            self.report.findings.append(Finding("contract", "never handles pygame.QUIT", 0))
        if not self.seen_tick:
            msg = "never ticks a clock or sleeps (the loop may run as fast as the CPU allows)"
            self.report.findings.append(Finding("contract", msg, 0))
        if not self.seen_main_guard and any(isinstance(s, ast.FunctionDef) for s in tree.body):
            msg = 'has no `if __name__ == "__main__":` guard'
            self.report.findings.append(Finding("contract", msg, 0))
        return self.report


def check_source(source: str, path: str | Path = "game.py") -> StaticReport:
    """Check one game's source text; ``path`` locates sibling modules and names errors."""
    path = Path(path)
    try:
        tree = pyast.parse(source, str(path))
        code = compile(tree, str(path), "exec", dont_inherit=True)
    except SyntaxError as exc:
        report = StaticReport()
        # Line and column, never the line's text: the file may be no program at all.
        where = f" (line {exc.lineno}, column {exc.offset})" if exc.lineno and exc.offset else ""
        where = where or (f" (line {exc.lineno})" if exc.lineno else "")
        msg = f"{exc.msg}{where}"
        report.findings.append(Finding("syntax", msg, exc.lineno or 0, True))
        return report
    checker = _Checker(path.parent)
    checker.visit(tree)
    report = checker.finish(tree)
    report.uses_sysfont = any(w in source for w in ("SysFont", "get_fonts", "match_font"))
    report.code = code
    report.controls = read_controls(tree)
    return report
