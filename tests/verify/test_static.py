"""Static checks: each kind of finding, from source text alone."""

from __future__ import annotations

import textwrap

import pytest

from studio.verdicts.static import check_source


def kinds(source: str) -> dict[str, list[str]]:
    report = check_source(textwrap.dedent(source))
    out: dict[str, list[str]] = {}
    for f in report.findings:
        out.setdefault(f.kind, []).append(f.message)
    return out


GOOD = """
    import random
    import pygame

    def main():
        pygame.init()
        screen = pygame.display.set_mode((640, 480))
        clock = pygame.time.Clock()
        while True:
            for event in pygame.event.get():
                if event.type == pygame.QUIT:
                    return
            screen.fill((random.randint(0, 9), 0, 0))
            pygame.display.flip()
            clock.tick(60)

    if __name__ == "__main__":
        main()
"""


def test_a_clean_game_has_no_blocking_findings():
    report = check_source(textwrap.dedent(GOOD))
    assert report.blocking == []
    assert "random" in report.imports
    assert not any(f.kind == "contract" for f in report.findings)


def test_syntax_error_is_blocking_with_its_line():
    report = check_source("import pygame\ndef f(:\n    pass\n")
    (finding,) = report.findings
    assert finding.kind == "syntax" and finding.blocking and finding.line == 2


@pytest.mark.parametrize("module", ["numpy", "requests.adapters", "nonexistent_mod"])
def test_imports_outside_stdlib_and_pygame_are_blocking(module):
    report = check_source(f"import {module}\nimport pygame\n")
    assert [f.kind for f in report.blocking] == ["import"]
    assert module in report.blocking[0].message


def test_guarded_optional_import_is_reported_but_not_blocking():
    src = "try:\n    import numpy\nexcept ImportError:\n    numpy = None\n"
    report = check_source(src)
    assert [f.kind for f in report.findings if f.kind == "import"] == ["import"]
    assert report.blocking == []


@pytest.mark.parametrize(
    "call, words",
    [
        ("import subprocess\nsubprocess.run(['ls'])", "spawns a process"),
        ("import subprocess as sp\nsp.Popen('ls')", "spawns a process (subprocess.Popen)"),
        ("from os import system\nsystem('ls')", "spawns a process (os.system)"),
        ("import os\nos.execv('/bin/sh', [])", "spawns a process (os.execv)"),
        ("import socket\nsocket.create_connection(('127.0.0.1', 80))", "network"),
        ("from urllib.request import urlopen\nurlopen('http://x')", "network"),
        ("import shutil\nshutil.rmtree('/home')", "deletes files"),
        ("import os\nos.remove('x')", "deletes files"),
        ("import pathlib\npathlib.Path('a').unlink()", "deletes files"),
        ("open('/etc/evil', 'w')", "writes outside its directory"),
        ("open('../up.txt', mode='a')", "writes outside its directory"),
        ("open('~/.ssh/id_rsa')", "reads the user's files"),
        ("import os\nos.path.expanduser('~')", "user's home"),
        ("import ctypes", "bypasses the sandbox"),
        ("import _posixsubprocess", "bypasses the sandbox"),
    ],
)
def test_hostile_calls_are_blocking(call, words):
    report = check_source(call + "\n")
    hostile = [f for f in report.findings if f.kind == "hostile"]
    assert hostile and hostile[0].blocking
    assert words in hostile[0].message


def test_writing_inside_its_folder_is_fine():
    assert "hostile" not in kinds("open('scores.txt', 'w').write('1')\n")


def test_undefined_names_are_reported_and_star_imports_from_pygame_resolved():
    found = kinds("from pygame.locals import *\nprint(K_LEFT, QUIT)\nprint(undefined_thing)\n")
    assert found["undefined_name"] == ["name 'undefined_thing' is used but never defined"]


def test_contract_findings_for_missing_clock_quit_and_big_window():
    src = """
        import pygame
        def main():
            screen = pygame.display.set_mode((1920, 1080))
            while True:
                pygame.display.flip()
        main()
    """
    messages = " | ".join(kinds(src)["contract"])
    assert "QUIT" in messages and "clock" in messages and "1920x1080" in messages
    assert "__main__" in messages
