"""``studio fix``: a recorded crash, or what the verifier finds, repaired into a new version."""

from __future__ import annotations

from tests.bigbrain.games import crashing_game, good_game
from tests.fakeserver import Answer, fenced

TRACEBACK = (
    "Traceback (most recent call last):\n"
    '  File "game.py", line 77, in main\n'
    "    speed = 1 / (40 - frame)\n"
    "ZeroDivisionError: division by zero\n"
)


def test_a_crash_recorded_while_playing_is_sent_and_fixed(studio, server):
    parent = studio.add_parent()
    studio.store().record_crash(parent, TRACEBACK)
    fixed = good_game(1, hook="pass  # guarded: no division any more")
    server.handler = lambda rec: Answer(fenced(fixed, before="Removed the division."))
    result = studio("fix", parent.slug, "-n", "1", server=server)
    assert result.exit_code == 0, result.output
    (request,) = server.chat_requests
    assert "crashed while a person played it" in request.text
    assert "ZeroDivisionError: division by zero" in request.text
    new = studio.store().resolve(f"{parent.slug}@2")
    assert new.code_path.read_text().strip() == fixed.strip()
    assert new.meta["request"].startswith("fix: it crashed while being played (ZeroDivision")
    assert new.meta["parent"] == f"{parent.slug}@1" and "crashes" not in new.meta


def test_with_no_crash_recorded_the_verifier_finds_what_to_fix(studio, server):
    parent = studio.add_parent(crashing_game())
    server.handler = lambda rec: Answer(fenced(good_game(1)))
    result = studio("fix", parent.slug, "-n", "1", server=server)
    assert result.exit_code == 0, result.output
    (request,) = server.chat_requests
    assert "Here is the program that failed" in request.text and "ZeroDivisionError" in request.text
    new = studio.store().resolve(f"{parent.slug}@2")
    assert new.meta["request"].startswith("fix: crash")
    assert new.meta["verdict"]["playable"] is True


def test_nothing_to_fix_says_so_and_exits_0(studio, server):
    parent = studio.add_parent()
    result = studio("fix", parent.slug, server=server)
    assert result.exit_code == 0, result.output
    assert "Nothing to fix" in result.output
    assert server.chat_requests == []
    assert [v.version for v in studio.store().versions(parent.slug)] == [1]
