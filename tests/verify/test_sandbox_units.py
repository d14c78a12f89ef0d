"""The sandbox's pure parts: virtual time, the player's script, the guard's decisions."""

from __future__ import annotations

import os

import pytest
from studio.sandbox import guard, player, vclock


def test_virtual_time_samples_at_fixed_times_and_stops_at_the_end():
    seen: list[float] = []
    vt = vclock.VirtualTime(1000.0, 200.0, seen.append)
    vt.advance(150)
    assert seen == [0.0]
    vt.advance(300)
    assert seen == [0.0, 200.0, 400.0]
    with pytest.raises(vclock.StopRun):
        vt.advance(600)
    assert seen == [0.0, 200.0, 400.0, 600.0, 800.0]
    assert vt.finished and vt.ticks == 3


def test_clock_tick_waits_for_the_frame_and_reports_elapsed_ms():
    vt = vclock.VirtualTime(10_000.0, 200.0, lambda t: None)
    clock = vclock.make_clock_class(vt)()
    assert clock.tick(50) == 20
    vt.advance(5)  # the game spent 5 ms (a sleep) this frame
    assert clock.tick(50) == 20
    assert vt.now == 40
    assert clock.tick() == pytest.approx(vclock.FRAME_MS, abs=1)  # no cap: one frame still


def test_timers_post_their_events_on_virtual_time_and_loops_end():
    posted: list[object] = []
    vt = vclock.VirtualTime(10_000.0, 200.0, lambda t: None)
    vt.post = posted.append
    vt.set_timer(25, 100, loops=2)
    vt.advance(99)
    assert posted == []
    vt.advance(1)
    vt.advance(500)
    assert posted == [25, 25]
    assert vt.next_timer() is None


def test_busy_clock_reads_eventually_move_time():
    vt = vclock.VirtualTime(10_000.0, 200.0, lambda t: None)
    for _ in range(201):
        vt.spin()
    assert vt.now == 1.0 and vt.busy == 1


def test_player_script_is_seeded_and_never_presses_escape_or_q():
    a, b, c = player.script(1, 30_000), player.script(1, 30_000), player.script(2, 30_000)
    assert a == b and a != c
    keys = {x.arg for x in a if x.kind in ("down", "up")}
    assert "escape" not in keys and "q" not in keys
    assert {"return", "space", "left", "w"} <= keys
    assert [x.arg for x in a[:2]] == ["return", "return"]  # the opening passes title screens
    assert any(x.kind == "press" for x in a) and all(x.t < 30_000 for x in a)
    downs = sum(x.kind == "down" for x in a)
    assert downs == sum(x.kind == "up" for x in a)  # every key is released again


def test_held_keys_answer_by_key_constant():
    held = player.HeldKeys(frozenset({1073741904}))
    assert held[1073741904] is True and held[32] is False
    assert len(held) == 512 and not any(held)


@pytest.fixture
def a_guard(tmp_path):
    work = tmp_path / "work"
    work.mkdir()
    home = tmp_path / "home"
    (home / "python").mkdir(parents=True)
    fd = os.open(tmp_path / "log", os.O_WRONLY | os.O_CREAT)
    g = guard.Guard(str(work), [str(home)], [str(home / "python")], fd)
    g.locked = True
    cwd = os.getcwd()
    os.chdir(work)
    yield g, work, home, tmp_path / "log"
    os.chdir(cwd)
    os.close(fd)


def test_guard_allows_work_in_its_folder_and_refuses_the_rest(a_guard):
    g, work, home, log = a_guard
    g.hook("open", ("save.txt", "w", 0))
    g.hook("open", (str(home / "python" / "lib.py"), "r", 0))
    g.hook("os.remove", ("save.txt", -1))
    refused = [
        ("open", ("/tmp/elsewhere.txt", "w", 0)),
        ("open", (str(home / "secret"), "r", 0)),
        ("open", ("../escape.txt", None, os.O_WRONLY | os.O_CREAT)),
        ("os.remove", ("/tmp/victim", -1)),
        ("subprocess.Popen", ("ls", ["ls"], None, None)),
        ("os.system", (b"ls",)),
        ("socket.connect", (None, ("127.0.0.1", 80))),
        ("os.rename", ("save.txt", "/tmp/moved")),
    ]
    for event, args in refused:
        with pytest.raises(PermissionError, match="sandbox:"):
            g.hook(event, args)
    assert len(g.attempts) == len(refused)
    assert len(log.read_text().splitlines()) == len(refused)


def test_guard_lets_the_runner_fork_until_locked(a_guard):
    g, *_ = a_guard
    g.locked = False
    g.hook("os.fork", ())
    g.locked = True
    with pytest.raises(PermissionError):
        g.hook("os.fork", ())
