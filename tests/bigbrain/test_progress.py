"""Live progress: a table on a terminal, one plain line per state change elsewhere."""

from __future__ import annotations

import io

from rich.console import Console

from studio.progress import LiveProgress, PlainProgress, make_progress


def test_plain_lines_only_on_state_changes():
    lines: list[str] = []
    p = PlainProgress(lines.append)
    p.start(2)
    p.update(1, "thinking")
    p.update(1, "writing", tokens=10)
    p.update(1, "writing", tokens=20)  # same state: no new line
    p.update(1, "verifying")
    p.update(1, "repairing", round=1, detail="crash")
    p.update(1, "writing", tokens=50)
    p.update(1, "done", detail="playable, score 80, no flags")
    p.update(2, "failed", detail="AuthError: refused")
    assert lines == [
        "attempt 1: thinking",
        "attempt 1: writing (10 tokens so far)",
        "attempt 1: verifying",
        "attempt 1: repairing 1",
        "attempt 1: writing (repair 1) (50 tokens so far)",
        "attempt 1: done: playable, score 80, no flags",
        "attempt 2: failed: AuthError: refused",
    ]


def test_thinking_streams_whole_lines_only_when_asked():
    lines: list[str] = []
    quiet = PlainProgress(lines.append)
    quiet.thinking(1, "secret plan\n")
    assert lines == []
    p = PlainProgress(lines.append, show_thinking=True)
    p.thinking(1, "first ha")
    p.thinking(2, "other\n")
    p.thinking(1, "lf\nsecond")
    p.stop()
    assert lines == [
        "attempt 2 thinks: other",
        "attempt 1 thinks: first half",
        "attempt 1 thinks: second",
    ]


def test_live_table_on_a_terminal_shows_every_attempt():
    out = io.StringIO()
    console = Console(file=out, force_terminal=True, width=120, color_system=None)
    p = make_progress(console, title="snake", show_thinking=True)
    assert isinstance(p, LiveProgress)
    p.start(3)
    p.update(1, "writing", tokens=123)
    p.update(2, "verifying", detail="waiting for a CPU")
    p.update(3, "failed", detail="ServerError: 503")
    p.thinking(1, "a thought\n")
    rendered = io.StringIO()
    Console(file=rendered, width=120, color_system=None).print(p.table())
    p.stop()
    table = rendered.getvalue()
    assert "writing" in table and "123" in table
    assert "verifying" in table and "waiting for a CPU" in table
    assert "failed" in table and "ServerError: 503" in table
    assert "[1] a thought" in out.getvalue()


def test_not_a_terminal_gives_plain_lines():
    out = io.StringIO()
    p = make_progress(Console(file=out, width=200), title="x")
    assert isinstance(p, PlainProgress)
    p.update(1, "thinking")
    assert out.getvalue() == "attempt 1: thinking\n"


def test_an_identical_failure_is_reported_once():
    lines: list[str] = []
    p = PlainProgress(lines.append)
    for n in (1, 2, 3):
        p.update(n, "failed", detail="AuthError: refused (set STUDIO_API_KEY)")
    assert lines == [
        "attempt 1: failed: AuthError: refused (set STUDIO_API_KEY)",
        "attempt 2: failed (same as attempt 1)",
        "attempt 3: failed (same as attempt 1)",
    ]
