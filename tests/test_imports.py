"""The import graph of ``studio/`` points one way (``tools/import_graph.py``)."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TOOL = ROOT / "tools" / "import_graph.py"

_spec = importlib.util.spec_from_file_location("import_graph", TOOL)
assert _spec is not None and _spec.loader is not None
import_graph = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(import_graph)


def _package(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def test_studio_has_no_import_cycle():
    assert import_graph.cycles(import_graph.graph()) == []


def test_the_command_says_so_and_exits_0():
    proc = subprocess.run(
        [sys.executable, str(TOOL)], capture_output=True, text=True, timeout=60, check=False
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout.strip().endswith("0 cycle(s)")


def test_a_cycle_hidden_under_type_checking_is_found(tmp_path):
    root = _package(
        tmp_path,
        {
            "pkg/__init__.py": "",
            "pkg/a.py": "from pkg.b import B\n",
            "pkg/b.py": (
                "from typing import TYPE_CHECKING\n"
                "if TYPE_CHECKING:\n    from pkg.sub import c\nB = 1\n"
            ),
            "pkg/sub/__init__.py": "",
            "pkg/sub/c.py": "def f():\n    from .. import a\n",
            "pkg/free.py": "import pkg.a\n",
        },
    )
    edges = import_graph.graph(root, "pkg")
    assert edges["pkg.sub.c"] == {"pkg.a"}  # a relative, deferred import counts
    assert import_graph.cycles(edges) == [["pkg.a", "pkg.b", "pkg.sub.c"]]


def test_the_run_log_writer_depends_on_errors_only():
    edges = import_graph.graph()
    assert edges["studio.runlog"] == {"studio.errors"}


def test_the_display_reads_the_attempt_states_and_owns_none():
    edges = import_graph.graph()
    assert "studio.lifecycle" in edges["studio.progress"]
    assert "studio.progress" not in edges["studio.lifecycle"]
    assert not edges["studio.lifecycle"]
