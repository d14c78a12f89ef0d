"""The walls: what a game can see and do, under bubblewrap and on the fallback."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

import pytest

import studio
from studio.verdicts import isolation

PROBE = """
    import json, os, pygame
    try:
        top = sorted(os.listdir("/"))
    except PermissionError:  # the run's Landlock wall: only what it needs is readable
        top = "refused"
    seen = {"uid": os.getuid(), "root": top,
            "project": os.path.exists(PROJECT), "home": os.path.exists(HOME_SECRET)}
    print("PROBE" + json.dumps(seen))
    pygame.init()
    screen = pygame.display.set_mode((200, 150))
    clock = pygame.time.Clock()
    x = 0
    while True:
        for event in pygame.event.get():
            if event.type == pygame.QUIT:
                raise SystemExit
            if event.type == pygame.KEYDOWN:
                x += 7
        screen.fill((10, 10, 30))
        pygame.draw.rect(screen, (250, 200, 0), (x % 180, 60, 20, 20))
        pygame.display.flip()
        clock.tick(30)
"""


def probe(tmp_path: Path, secret: Path) -> dict:
    game = tmp_path / "probe" / "game.py"
    game.parent.mkdir()
    project = Path(__file__).resolve().parents[2]
    header = f"PROJECT = {str(project)!r}\nHOME_SECRET = {str(secret)!r}\n"
    game.write_text(header + textwrap.dedent(PROBE))
    verdict = studio.verify(game, seconds=3)
    line = next(x for x in verdict.runs[0].output.splitlines() if x.startswith("PROBE"))
    return {"verdict": verdict, **json.loads(line[5:])}


@pytest.mark.slow
@pytest.mark.skipif(
    not isolation.bwrap_works() or os.environ.get("STUDIO_ISOLATION") == "fallback",
    reason="bubblewrap is not usable here (or turned off)",
)
def test_bubblewrap_hides_the_project_and_home_and_drops_root(tmp_path):
    secret = Path.home() / ".studio-test-secret"
    secret.write_text("s3cret")
    try:
        seen = probe(tmp_path, secret)
    finally:
        secret.unlink()
    verdict = seen["verdict"]
    assert verdict.playable, verdict.summary()
    assert verdict.isolation["mode"] == "bubblewrap"
    assert {"pid", "net", "mount"} <= set(verdict.isolation["namespaces"])
    assert not seen["project"] and not seen["home"]
    needed = {Path(d).parts[1] for d in isolation.python_dirs()} | {Path(tmp_path).parts[1]}
    system = {"bin", "sbin", "lib", "lib32", "lib64", "libx32", "usr", "etc", "proc", "dev", "tmp"}
    assert seen["root"] == "refused" or set(seen["root"]) <= system | needed
    if os.geteuid() == 0:
        assert seen["uid"] != 0 and verdict.isolation["uid"] == seen["uid"]


@pytest.mark.slow
@pytest.mark.skipif(
    not isolation.bwrap_works() or os.environ.get("STUDIO_ISOLATION") == "fallback",
    reason="bubblewrap is not usable here (or turned off)",
)
def test_a_game_lying_in_the_shared_temp_folder_sees_only_itself():
    # Its folder is every user's (and holds the sandbox's own folder): showing it read-only
    # hid the sandbox's working folder (the sandbox did not start) and other programs' files.
    folder = Path(tempfile.gettempdir())
    game = folder / f"studio-tmp-game-{os.getpid()}.py"
    neighbour = folder / f"studio-tmp-neighbour-{os.getpid()}.txt"
    neighbour.write_text("not the game's")
    code = textwrap.dedent(PROBE).replace(
        '"project": os.path.exists(PROJECT)', f'"project": os.path.exists({str(neighbour)!r})'
    )
    game.write_text(f"HOME_SECRET = {str(Path.home())!r}\n" + code)
    try:
        verdict = studio.verify(game, seconds=3)
    finally:
        game.unlink()
        neighbour.unlink()
    assert verdict.playable, verdict.summary()
    assert verdict.isolation["game_view"] == "file only"
    line = next(x for x in verdict.runs[0].output.splitlines() if x.startswith("PROBE"))
    assert json.loads(line[5:])["project"] is False


FALLBACK_AS_ROOT = pytest.mark.skipif(
    not isolation.fallback_drops_root(),
    reason="as root with a Python other users cannot read, the fallback refuses to run games "
    "(test_the_fallback_never_runs_a_game_as_root)",
)


def test_the_fallback_never_runs_a_game_as_root(tmp_path, monkeypatch):
    """As root, the fallback drops to a uid of its own, or refuses and names the fix."""
    monkeypatch.setenv("STUDIO_ISOLATION", "fallback")
    game = tmp_path / "probe" / "game.py"
    game.parent.mkdir()
    game.write_text(f"PROJECT = HOME_SECRET = {str(tmp_path)!r}\n" + textwrap.dedent(PROBE))
    if not isolation.fallback_drops_root():
        with pytest.raises(studio.errors.SandboxError, match="refusing to run a game as root"):
            studio.verify(game, seconds=2)
        return
    verdict = studio.verify(game, seconds=2)
    line = next(x for x in verdict.runs[0].output.splitlines() if x.startswith("PROBE"))
    assert json.loads(line[5:])["uid"] != 0, verdict.summary()
    assert verdict.isolation["uid"] != 0 and verdict.playable, verdict.summary()


@FALLBACK_AS_ROOT
def test_the_fallback_still_refuses_and_reports(tmp_path, monkeypatch):
    monkeypatch.setenv("STUDIO_ISOLATION", "fallback")
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    marker = Path("/tmp") / f"studio-fallback-marker-{os.getpid()}"
    game = tmp_path / "game" / "hostile.py"
    game.parent.mkdir()
    game.write_text(
        textwrap.dedent(f"""
        import os, subprocess, pygame
        for attempt in (lambda: os.remove({str(victim)!r}),
                        lambda: subprocess.run(["touch", {str(marker)!r}]),
                        lambda: open({str(marker)!r}, "w")):
            try:
                attempt()
            except PermissionError:
                pass
        pygame.init()
        screen = pygame.display.set_mode((100, 100))
        clock = pygame.time.Clock()
        while True:
            for e in pygame.event.get():
                pass
            screen.fill((0, 90, 0))
            pygame.display.flip()
            clock.tick(30)
        """)
    )
    verdict = studio.verify(game, seconds=2)
    assert verdict.isolation["mode"] == "fallback"
    assert any("STUDIO_ISOLATION" in n for n in verdict.isolation["notes"])
    assert "forbidden" in verdict.flags and not verdict.playable
    text = " ".join(verdict.forbidden)
    assert "deleting files" in text and "spawning a process" in text and "writing outside" in text
    assert victim.read_text() == "keep me" and not marker.exists()


def test_a_bad_isolation_setting_names_the_fix(tmp_path, monkeypatch):
    monkeypatch.setenv("STUDIO_ISOLATION", "docker")
    game = tmp_path / "g.py"
    game.write_text("import pygame\n")
    with pytest.raises(studio.errors.SandboxError, match="bubblewrap' or 'fallback"):
        studio.verify(game, seconds=1)


def test_setpriv_and_prlimit_are_on_the_machine():
    # The isolation layers rely on util-linux; CI installs it explicitly.
    assert shutil.which("setpriv") and shutil.which("prlimit") and shutil.which("unshare")


@pytest.mark.slow
def test_no_two_sandboxes_share_a_uid_even_from_two_studios():
    mine = [isolation.next_uid() for _ in range(3)]
    code = (
        "from studio.verdicts import isolation\nprint(*[isolation.next_uid() for _ in range(40)])\n"
    )
    try:
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        ).stdout
        theirs = {int(u) for u in out.split()}
        assert len(set(mine)) == 3 and not theirs & set(mine)
    finally:
        for uid in mine:
            isolation.release_uid(uid)
    again = isolation.next_uid()  # given back: free to claim once more
    isolation.release_uid(again)
