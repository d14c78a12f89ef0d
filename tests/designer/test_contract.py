"""Every program the designer writes follows the game contract, checked on its syntax tree.

Property-style: every genre, every ordered pair of genres and many seeds.
"""

from __future__ import annotations

import ast
import sys

import pytest

from studio.designer import make_game

from .catalogue import ALL_PAIRS, GENRE_PROMPTS, pair_prompt

ALLOWED = set(sys.stdlib_module_names) | {"pygame"}
FORBIDDEN_CALLS = {"open", "exec", "eval", "__import__", "input", "compile"}


def contract_problems(code: str) -> list[str]:
    """What in ``code`` breaks the game contract (empty: nothing)."""
    problems: list[str] = []
    tree = ast.parse(code)
    doc = ast.get_docstring(tree) or ""
    if "Controls:" not in doc:
        problems.append("module docstring without the controls")
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [a.name.split(".")[0] for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            names = [(node.module or "").split(".")[0]]
        else:
            names = []
        problems += [f"imports {n}" for n in names if n not in ALLOWED]
        is_call = isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
        if is_call and node.func.id in FORBIDDEN_CALLS:
            problems.append(f"calls {node.func.id}")
    functions = {n.name for n in tree.body if isinstance(n, ast.FunctionDef)}
    if "main" not in functions:
        problems.append("no main()")
    guard = [
        n
        for n in tree.body
        if isinstance(n, ast.If)
        and "__main__" in ast.unparse(n.test)
        and "main()" in ast.unparse(n)
    ]
    if not guard:
        problems.append("no __main__ guard calling main()")
    text = code
    for needle, what in (
        ("pygame.time.Clock()", "no Clock"),
        (".tick(FPS)", "no clock.tick(FPS)"),
        ("pygame.QUIT", "QUIT not handled"),
        ("pygame.font.Font(None", "no default font"),
        ("pygame.display.flip()", "never flips the display"),
    ):
        if needle not in text:
            problems.append(what)
    constants = {
        t.id: n.value
        for n in tree.body
        if isinstance(n, ast.Assign)
        for t in n.targets
        if isinstance(t, ast.Name)
    }
    width, height = constants.get("SCREEN_W"), constants.get("SCREEN_H")
    if not (isinstance(width, ast.Constant) and isinstance(height, ast.Constant)):
        problems.append("window size is not a constant")
    elif width.value > 1024 or height.value > 768:
        problems.append(f"window {width.value}x{height.value} is larger than 1024x768")
    classes = [n.name for n in tree.body if isinstance(n, ast.ClassDef)]
    if "Game" not in classes or len(classes) < 3:
        problems.append(f"expected a class per game object, found {classes}")
    if "random." not in text:
        problems.append("never uses random")
    return problems


def test_the_checker_catches_broken_programs() -> None:
    good = make_game("tetris", 0).code
    assert contract_problems(good) == []
    broken = good.replace("import random", "import random\nimport requests").replace(
        "pygame.QUIT", "pygame.NOEVENT"
    )
    broken = broken.replace("SCREEN_W = ", "SCREEN_W = 2000 + ")
    problems = contract_problems(broken)
    assert "imports requests" in problems and "QUIT not handled" in problems
    assert "window size is not a constant" in problems


@pytest.mark.slow
@pytest.mark.parametrize("genre", sorted(GENRE_PROMPTS))
def test_every_genre_over_many_seeds_follows_the_contract(genre: str) -> None:
    for seed in range(10):
        code = make_game(GENRE_PROMPTS[genre], seed).code
        compile(code, f"<{genre} {seed}>", "exec")
        assert contract_problems(code) == [], (genre, seed)


@pytest.mark.slow
@pytest.mark.parametrize(("index", "pair"), list(enumerate(ALL_PAIRS)))
def test_every_hybrid_over_several_seeds_follows_the_contract(
    index: int, pair: tuple[str, str]
) -> None:
    a, b = pair
    # Two seeds per pair, different for every pair: hundreds of seeds over the whole set.
    for seed in (index, 1000 + index * 7):
        code = make_game(pair_prompt(a, b), seed).code
        compile(code, f"<{a}+{b} {seed}>", "exec")
        assert contract_problems(code) == [], (a, b, seed)


def test_hostile_prompt_text_cannot_escape_the_docstring() -> None:
    prompt = 'tetris """ + __import__("os").system("echo hi") + """ \\ end'
    code = make_game(prompt, 0).code
    assert contract_problems(code) == []  # no call to __import__, the docstring is intact
    tree = ast.parse(code)
    assert "__import__" in (ast.get_docstring(tree) or "")
    body_without_docstring = ast.unparse(ast.Module(body=tree.body[1:], type_ignores=[]))
    assert "__import__" not in body_without_docstring
