"""Where a verdict's runs play and how they share the machine: the short check at a lower
priority, a hang watch that does not count the time a run waited for a core, and the
sandbox's files in memory."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from studio.sandbox import watch

import studio
from studio.verdicts import sandbox, scratch

HAS_SCHEDSTAT = os.path.exists("/proc/thread-self/schedstat")


def test_a_stretch_without_progress_leaves_out_the_time_spent_waiting_for_a_core() -> None:
    w = watch.HangWatch(progress=10.0, waited=5.0)
    assert w.look(12.0, 10.0, 5.0) == pytest.approx(2.0)  # ran (or slept) the whole time
    assert w.look(14.0, 10.0, 8.5) == pytest.approx(0.5)  # waited 3.5 s of those 4 s
    assert w.look(15.0, 14.5, 9.0) == pytest.approx(0.5)  # progress: a new stretch
    assert w.look(16.0, 14.5, 9.0) == pytest.approx(1.5)
    # a wait that says more than the stretch lasted (a replaced file) cannot make it negative
    assert w.look(16.0, 14.5, 99.0) == 0.0
    # nor can a wait that goes backwards count as idle time twice
    assert w.look(17.0, 14.5, 0.0) == pytest.approx(2.5)


@pytest.mark.skipif(not HAS_SCHEDSTAT, reason="the kernel does not count run-queue waits")
def test_the_run_queue_counts_the_wait_of_the_thread_that_opened_it() -> None:
    """On one core shared with a busy process, the main thread waits for that core."""
    queue = watch.RunQueue()
    assert queue.fd >= 0
    before = os.sched_getaffinity(0)
    core = min(before)
    hog = subprocess.Popen(
        [sys.executable, "-c", f"import os; os.sched_setaffinity(0, {{{core}}})\nwhile 1: pass"]
    )
    try:
        os.sched_setaffinity(0, {core})
        waited, start = queue.waited(), time.monotonic()
        while time.monotonic() - start < 0.4:  # busy, on the core the hog wants too
            pass
        assert queue.waited() - waited > 0.05
    finally:
        os.sched_setaffinity(0, before)
        hog.kill()
        hog.wait()
    queue.fd = 999_999  # closed by the game: no wait, never an error
    assert queue.waited() == 0.0


def test_a_file_the_game_puts_in_the_run_queues_place_claims_no_wait(tmp_path: Path) -> None:
    """A game that puts a file of its own under the watch's descriptor number, saying it
    waited for ages, would hide a hang: the watch sees it is not the kernel's file."""
    queue = watch.RunQueue()
    fake = tmp_path / "schedstat"
    fake.write_text("1 999999999999999 1\n")
    replaced = os.open(fake, os.O_RDONLY)
    try:
        if queue.fd >= 0:
            os.dup2(replaced, queue.fd)
        else:
            queue.fd = replaced
        assert queue.waited() == 0.0
        assert queue.waited() == 0.0  # and from then on
    finally:
        os.close(replaced)


NICENESS = """
import os
import pygame
pygame.init()
screen = pygame.display.set_mode((160, 120))
print("niceness", os.getpriority(os.PRIO_PROCESS, 0), flush=True)
clock = pygame.time.Clock()
x = 0
for frame in range(400):
    for event in pygame.event.get():
        if event.type == pygame.KEYDOWN:
            x += 7
    screen.fill((20, 20, 40))
    pygame.draw.rect(screen, (200, 200, 0), (x % 150, 50, 10, 10))
    pygame.display.flip()
    clock.tick(60)
"""


def _niceness(verdict: studio.Verdict) -> dict[str, int]:
    out = {}
    for run in verdict.runs:
        words = run.output.split()
        out[run.name] = int(words[words.index("niceness") + 1])
    return out


def test_the_short_check_plays_at_a_lower_priority_only_beside_the_others(
    tmp_path: Path, verify_env: Path
) -> None:
    game = tmp_path / "nice.py"
    game.write_text(NICENESS)
    verdict = studio.verify(game, seconds=4)
    assert verdict.playable, verdict.summary()
    seen = _niceness(verdict)
    assert seen["input"] == seen["idle"]
    lower = sandbox.CHECK_NICE if HAS_SCHEDSTAT else 0  # no wait known: no lower priority
    assert seen["idle-check"] == min(19, seen["idle"] + lower), seen
    # one run at a time (verify_many's way): nothing waits for the others, nothing is lower
    alone = _niceness(studio.verify(game, seconds=4, parallel=False))
    assert len(set(alone.values())) == 1, alone


BUSY_HANG = """
import pygame
pygame.init()
screen = pygame.display.set_mode((160, 120))
clock = pygame.time.Clock()
for frame in range(20):
    pygame.event.get()
    screen.fill((frame * 10, 0, 0))
    pygame.display.flip()
    clock.tick(30)
n = 0
while True:  # stuck, and busy: the full runs and the check all want a core
    n += 1
"""


def test_a_busy_hang_is_not_waited_for_twice_in_the_starved_check(
    tmp_path: Path, verify_env: Path
) -> None:
    """The check, starved beside two busy hangs, would see its own hang seconds later: once
    the full runs have hung, it is stopped (it would hang at the same place)."""
    game = tmp_path / "busy_hang.py"
    game.write_text(BUSY_HANG)
    start = time.monotonic()
    verdict = studio.verify(game, seconds=10)
    took = time.monotonic() - start
    assert "hang" in verdict.flags and not verdict.playable
    stops = {run.name: run.stop_reason for run in verdict.runs}
    assert stops["input"] == stops["idle"] == "hang", stops
    assert stops["idle-check"] in ("hang", "killed by signal 9"), stops
    # the full runs' time and the sandbox's start and teardown, not another hang watch's
    # after them (their own walls: on a busy machine every run waits longer, by design)
    full = max(run.wall_seconds for run in verdict.runs if run.name != "idle-check")
    assert took - full < 0.75 * sandbox.HANG_SECONDS, f"{took:.1f} s, full runs {full:.1f} s"


def test_sandboxes_keep_their_files_in_memory_unless_told_otherwise(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, verify_env: Path
) -> None:
    monkeypatch.delenv("TMPDIR", raising=False)
    shm = scratch.scratch_dir()
    if shm is None:
        pytest.skip("no memory file system with room here")
    assert shm == "/dev/shm"
    game = tmp_path / "nice.py"
    game.write_text(NICENESS)
    roots = []
    real_launch = sandbox.Sandbox._launch

    def launch(self: sandbox.Sandbox) -> None:
        real_launch(self)
        roots.append(self.root)

    monkeypatch.setattr(sandbox.Sandbox, "_launch", launch)
    assert studio.verify(game, seconds=2).runs
    assert roots and roots[-1] is not None and roots[-1].parent == Path(shm)
    assert not roots[-1].exists()  # and deleted after
    # a temporary folder the user names wins
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    assert scratch.scratch_dir() is None


def test_folders_a_killed_studio_left_are_swept_and_live_ones_kept(tmp_path: Path) -> None:
    """A studio killed mid-verdict leaves its sandbox's folder; in memory it would hold RAM
    until the machine restarts. Another studio deletes it: only folders nobody holds the
    lock of (a live studio holds its own), only this user's, only sandbox folders, never
    through a link, and never one just made (it is locked a moment after)."""
    killed = subprocess.run(  # a studio that made its folder, locked it, and was killed
        [
            sys.executable,
            "-c",
            "import sys, signal, os\n"
            "from studio.verdicts import scratch\n"
            "scratch.sweep = lambda folder: 0\n"
            f"scratch.scratch_dir = lambda: {str(tmp_path)!r}\n"
            "path, fd = scratch.new_root()\n"
            "(path / 'work').mkdir()\n"
            "print(path, flush=True)\n"
            "os.kill(os.getpid(), signal.SIGKILL)\n",
        ],
        text=True,
        capture_output=True,
    )
    left = Path(killed.stdout.strip())
    assert left.parent == tmp_path and (left / "work").is_dir()
    live, live_lock = _live_root(tmp_path)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (tmp_path / f"{scratch.PREFIX}999-link").symlink_to(elsewhere)
    other = tmp_path / "not-a-sandbox"
    other.mkdir()
    try:
        now = time.time()
        assert scratch.sweep.__wrapped__(str(tmp_path), now) == 0  # all young
        later = now + scratch.GRACE_SECONDS + 1
        assert scratch.sweep.__wrapped__(str(tmp_path), later) == 1
        assert not left.exists()
        assert live.exists() and elsewhere.exists() and other.exists()
    finally:
        os.close(live_lock)
    assert scratch.sweep.__wrapped__(str(tmp_path), later) == 1  # once its studio let go
    assert not live.exists()


def _live_root(folder: Path) -> tuple[Path, int]:
    """A folder made and held as a live studio's sandbox holds its own."""
    import fcntl

    path = Path(tempfile.mkdtemp(prefix=f"{scratch.PREFIX}{os.getpid()}-", dir=folder))
    fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
    fcntl.flock(fd, fcntl.LOCK_EX)
    return path, fd
