"""Fixtures shared by the verifier's corpus, hostile and example tests.

The verdicts are computed once per module (``verify_many`` in a module-scoped fixture), so
the environment they run under is set here at module scope: the repository's autouse
fixture is function-scoped and would only take effect after the verdicts were made.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

GAMES = Path(__file__).parent / "games"


@pytest.fixture(scope="session")
def games_dir() -> Path:
    """The folder of candidate games (hostile templates are in its ``hostile/`` folder)."""
    return GAMES


@pytest.fixture(scope="module")
def verify_env(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """An isolated studio user dir and headless SDL for verdicts made at module scope.

    Yields the studio user dir (``STUDIO_HOME``), so tests can search what the verifier
    left there.
    """
    home = tmp_path_factory.mktemp("verify-studio-home")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("STUDIO_HOME", str(home))
        mp.setenv("STUDIO_GALLERY", str(tmp_path_factory.mktemp("verify-gallery")))
        mp.setenv("SDL_VIDEODRIVER", "dummy")
        mp.setenv("SDL_AUDIODRIVER", "dummy")
        mp.setenv("PYGAME_HIDE_SUPPORT_PROMPT", "1")
        for var in ("OPENAI_API_KEY", "STUDIO_API_KEY", "XAI_API_KEY"):
            mp.delenv(var, raising=False)
        yield home


def _processes() -> Iterator[tuple[int, int, str]]:
    """(pid, real uid, command line) of every process visible in /proc."""
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/cmdline", "rb") as f:
                cmdline = f.read().replace(b"\0", b" ").decode("utf-8", "replace")
            with open(f"/proc/{entry.name}/status") as f:
                uid_line = next(line for line in f if line.startswith("Uid:"))
        except (OSError, StopIteration):
            continue  # gone meanwhile
        yield int(entry.name), int(uid_line.split()[1]), cmdline


@pytest.fixture(scope="session")
def lingering() -> Callable[[list[str], int | None], list[tuple[int, str]]]:
    """A function listing live processes left by a verdict.

    A process counts when its command line holds one of ``needles`` (the game's path, a
    unique token in its name) or when it runs as ``sandbox_uid``, the unprivileged uid the
    verdict says the game ran as (ignored when it is our own uid).
    """

    def find(needles: list[str], sandbox_uid: int | None) -> list[tuple[int, str]]:
        me = os.getpid()
        found = []
        for pid, uid, cmdline in _processes():
            if pid == me:
                continue
            by_uid = sandbox_uid is not None and sandbox_uid != os.getuid() and uid == sandbox_uid
            if by_uid or any(n and n in cmdline for n in needles):
                found.append((pid, cmdline[:200]))
        return found

    return find
