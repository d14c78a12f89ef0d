"""The walls each run puts up for itself, in every isolation mode (CI runs this module with
bubblewrap and again with ``STUDIO_ISOLATION=fallback``): output counted however it was
written, a report channel the game cannot silence, reads outside refused and reported."""

from __future__ import annotations

import os
import textwrap
from pathlib import Path

import pytest

import studio
from studio.verdicts import isolation
from studio.verdicts.sandbox import OUTPUT_CAP

if os.environ.get("STUDIO_ISOLATION") == "fallback" and not isolation.fallback_drops_root():
    pytest.skip("the fallback refuses to run games as root here", allow_module_level=True)

LOOP = """
    pygame.init()
    screen = pygame.display.set_mode((160, 120))
    clock = pygame.time.Clock()
    x, frame = 0, 0
    while True:
        for event in pygame.event.get():
            if event.type == pygame.KEYDOWN:
                x += 9
        frame += 1
        if frame == 10:
            attempt()
        screen.fill((20, 20, 40))
        pygame.draw.rect(screen, (240, 200, 0), (x % 140, 50, 20, 20))
        pygame.draw.circle(screen, (90, 200, 250), (20, 100), 4 + frame % 8)
        pygame.display.flip()
        clock.tick(30)
"""


def _game(tmp_path: Path, attempt: str) -> Path:
    game = tmp_path / "game" / "game.py"
    game.parent.mkdir()
    game.write_text("import os, pygame\n" + textwrap.dedent(attempt) + textwrap.dedent(LOOP))
    return game


def test_a_flood_written_past_print_is_an_output_flood_not_a_crash(tmp_path):
    game = _game(
        tmp_path,
        """
        def attempt():
            block = b"x" * (1 << 20)
            for _ in range(48):  # 48 MB on the descriptor itself, past sys.stdout
                os.write(1, block)
        """,
    )
    v = studio.verify(game, seconds=2)
    assert "output_flood" in v.flags and "crash" not in v.flags, v.summary()
    assert v.playable, v.summary()
    assert v.runs[0].output_bytes >= 48 << 20, v.summary()
    assert len(v.runs[0].output) <= OUTPUT_CAP


def test_a_game_that_silences_its_report_channel_is_ended_and_reported(tmp_path):
    # It closes every descriptor of its own that leads to a file named like a log, then
    # tries to write outside: the refusal cannot be written, so the run ends and says so.
    game = _game(
        tmp_path,
        """
        def attempt():
            for fd in range(3, 256):
                try:
                    if os.readlink(f"/proc/self/fd/{fd}").endswith(".log"):
                        os.close(fd)
                except OSError:
                    pass
            target = "/" + "tmp" + f"/studio-silenced-{os.getpid()}"
            try:
                open(target, "w").close()
            except OSError:
                pass
        """,
    )
    v = studio.verify(game, seconds=2)
    assert "forbidden" in v.flags and not v.playable, v.summary()
    assert any("report channel" in f for f in v.forbidden), v.forbidden


def test_reading_outside_its_folder_is_refused_and_reported_in_every_mode(tmp_path):
    secret = tmp_path / "elsewhere" / "notes.txt"
    secret.parent.mkdir()
    secret.write_text("private notes")
    game = _game(
        tmp_path,
        f"""
        def attempt():
            for path in ({str(secret)!r}, "/etc/hostname"):
                try:
                    open(path).read()
                except OSError:
                    pass
        """,
    )
    v = studio.verify(game, seconds=2)
    assert "forbidden" in v.flags, v.summary()
    text = " ".join(v.forbidden)
    assert str(secret) in text and "reading files outside" in text, v.forbidden
    assert "private notes" not in v.to_json()


def test_each_run_reports_the_walls_it_put_up(tmp_path):
    game = _game(tmp_path, "def attempt():\n    pass\n")
    v = studio.verify(game, seconds=2)
    assert v.playable, v.summary()
    walls = v.isolation["run_walls"]
    missing = [n for n in v.isolation["notes"] if n.startswith(("no ", "Landlock", "seccomp"))]
    # both hold on a current Linux; where one cannot, the verdict says why
    assert set(walls) == {"landlock", "seccomp"} or missing, v.isolation


def test_a_missing_high_score_file_is_no_attempt(tmp_path):
    # Real games read a score file that is not made yet and catch FileNotFoundError: the
    # system must say "missing", and nothing is reported, in every mode.
    nowhere = f"/tmp/studio-never-made-{os.getpid()}/highscore.txt"
    game = _game(
        tmp_path,
        f"""
        def attempt():
            for path in (os.path.join(os.path.dirname(__file__), "highscore.txt"), {nowhere!r}):
                try:
                    open(path).read()
                except FileNotFoundError:
                    pass
        """,
    )
    v = studio.verify(game, seconds=2)
    assert v.playable and not v.forbidden, v.summary()
