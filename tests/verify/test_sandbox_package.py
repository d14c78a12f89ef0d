"""The sandbox's files are one package when installed (``studio.sandbox``) and plain modules
when the studio copies them alone into a sandbox (``import runner`` there): both must hold."""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from studio.verdicts.scratch import MODULES

ROOT = Path(__file__).resolve().parents[2]
#: What an installed copy needs from the tree (pyproject's packages and package-dir).
SOURCES = ("pyproject.toml", "README.md", "LICENSE", "studio", "sandbox", "prompts", "games")

IMPORT_ALL = f"""
import importlib, sys
names = {list(MODULES)!r}
for name in names:
    importlib.import_module("studio.sandbox." + name)
import studio.sandbox.guard as guard
import studio.sandbox.runguard as runguard
import studio.sandbox.runner as runner
assert runguard.guard is guard and runner.guard is guard, "one file, two modules"
loose = sorted(n for n in names if n in sys.modules)
assert not loose, f"loaded as top-level modules too: {{loose}}"
assert guard.__file__.startswith(sys.argv[1]), guard.__file__
print("ok")
"""


def _installed(tmp_path: Path) -> Path:
    """An installed copy of the project (``pip install --target``), built from a copy of the
    tree so that the build leaves nothing in it; assembled by hand as setuptools would lay
    it out where pip cannot build (offline, no setuptools to fetch)."""
    src, site = tmp_path / "src", tmp_path / "site"
    src.mkdir()
    for name in SOURCES:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, src / name, ignore=shutil.ignore_patterns("__pycache__"))
        elif (ROOT / name).exists():
            shutil.copy2(ROOT / name, src / name)
    pip = [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(site)]
    done = subprocess.run([*pip, str(src)], capture_output=True, text=True, timeout=300)
    if done.returncode != 0:
        shutil.rmtree(site, ignore_errors=True)
        shutil.copytree(ROOT / "studio", site / "studio")
        shutil.copytree(ROOT / "sandbox", site / "studio" / "sandbox")
    return site


@pytest.mark.slow
def test_every_sandbox_module_imports_as_a_package_from_an_installed_copy(tmp_path):
    site = _installed(tmp_path)
    assert (site / "studio" / "sandbox" / "runner.py").is_file()
    env = {**os.environ, "PYTHONPATH": str(site)}
    out = subprocess.run(
        [sys.executable, "-c", IMPORT_ALL, str(site)],
        cwd=tmp_path,  # not the project root: nothing but the installed copy to find
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "ok"


def test_the_sandbox_modules_import_as_top_level_modules_when_copied_alone(tmp_path):
    """What the studio does: the files in a folder of their own, ``import runner`` there."""
    for name in MODULES:
        shutil.copy2(ROOT / "sandbox" / f"{name}.py", tmp_path / f"{name}.py")
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]); import runner, runguard, guard; "
        "assert runner.guard is guard and runguard.guard is guard; "
        "assert 'studio' not in sys.modules, 'the copy reached the studio'; print('ok')"
    )
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    out = subprocess.run(
        [sys.executable, "-S", "-c", code, str(tmp_path)],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "ok"


def test_tests_import_the_sandbox_as_studio_sandbox_only():
    """From the project root ``sandbox`` is also a package of its own: ``sandbox.guard`` and
    ``studio.sandbox.guard`` would be two modules of one file, with two sets of state."""
    wrong = []
    for path in sorted((ROOT / "tests").rglob("*.py")):
        if "games" in path.relative_to(ROOT).parts:
            continue  # the games the verifier judges, some broken on purpose
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and not node.level:
                names = [node.module or ""]
            wrong += [
                f"{path.relative_to(ROOT)}:{node.lineno}: {n}"
                for n in names
                if n == "sandbox" or n.startswith("sandbox.") or n in MODULES
            ]
    assert not wrong, wrong
