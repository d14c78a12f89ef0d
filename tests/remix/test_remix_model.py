"""``studio remix`` over the fake OpenAI-compatible server: the real CLI, the real verifier.

Attempt seeds are --seed 1 -> 1, 2, 3 (the client sends them), so a handler can script each
attempt. The parent is good_game(1) (red dots, speed 2); good_game(2) is a changed version.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.bigbrain.games import crashing_game, good_game
from tests.fakeserver import Answer, Recorded, fenced

from .conftest import KEY

REJECTED_MARK = "Your last answer to this change request was rejected"
REPAIR_MARK = "Here is the program that failed"


def seed_of(rec: Recorded) -> int:
    return int(rec.body.get("seed") or 0)


def edit(search: str, replace: str) -> str:
    return f"<<<<<<< SEARCH\n{search}\n=======\n{replace}\n>>>>>>> REPLACE\n"


def test_a_whole_program_reply_becomes_version_2_with_its_lineage(studio, server):
    parent = studio.add_parent()
    server.handler = lambda rec: Answer(fenced(good_game(2), before="Made the dots green."))
    result = studio("remix", parent.slug, "make the dots green", "-n", "1", server=server)
    assert result.exit_code == 0, result.output

    (request,) = server.chat_requests
    assert "make the dots green" in request.text
    assert good_game(1).strip().splitlines()[5] in request.text  # the parent's code
    assert "a catch game with falling dots" in request.text  # the prompt it was made from

    new = studio.store().resolve(f"{parent.slug}@2")
    assert new.code_path.read_text().strip() == good_game(2).strip()
    assert new.meta["parent"] == f"{parent.slug}@1" and new.meta["lineage"] == [f"{parent.slug}@1"]
    assert new.meta["request"] == "make the dots green"
    assert new.meta["changed"].startswith("Made the dots green. (+")
    assert new.meta["prompt"] == "a catch game with falling dots"
    assert new.thumbnail is not None and new.preview is not None
    assert Path(new.meta["run_log"]).is_dir()
    assert studio.store().resolve(f"{parent.slug}@1").code_path.read_text() == good_game(1)
    assert result.output.strip().splitlines()[-1].startswith(f"{parent.slug}@2\t")
    change = studio.run_json()["change"]
    assert change["parent"] == f"{parent.slug}@1" and change["parent_frames"] == "played"
    assert KEY not in result.output


def test_edit_blocks_apply_to_a_loose_file_which_is_imported(studio, server, tmp_path):
    loose = tmp_path / "catch.py"
    loose.write_text(good_game(1))
    reply = "Faster, greener dots.\n\n" + edit(
        "COLOUR = (230, 60, 60)\nSPEED = 2.0", "COLOUR = (60, 220, 90)\nSPEED = 3.5"
    )
    server.handler = lambda rec: Answer(reply)
    result = studio("remix", str(loose), "faster green dots", "-n", "1", server=server)
    assert result.exit_code == 0, result.output
    assert loose.read_text() == good_game(1)  # the file itself is never touched

    (game,) = studio.store().entries()
    v1, v2 = studio.store().versions(game.slug)
    assert v1.code_path.read_text() == good_game(1) and v1.meta["imported_from"] == str(loose)
    code = v2.code_path.read_text()
    assert "SPEED = 3.5" in code and "COLOUR = (60, 220, 90)" in code
    assert code.replace("SPEED = 3.5", "SPEED = 2.0").replace("(60, 220, 90)", "(230, 60, 60)") == (
        good_game(1)
    )
    assert v2.meta["parent"] == f"{game.slug}@1" and v2.meta["changed"].startswith("Faster")


def test_an_edit_block_that_does_not_apply_is_repaired_with_which_block_and_why(studio, server):
    parent = studio.add_parent()

    def handler(rec: Recorded) -> Answer:
        if REJECTED_MARK in rec.text:
            return Answer(fenced(good_game(3)))
        return Answer(edit("SPEED = 2.0", "SPEED = 3.0") + edit("SPEED = 9.9", "SPEED = 1.0"))

    server.handler = handler
    result = studio("remix", parent.slug, "faster", "-n", "1", server=server)
    assert result.exit_code == 0, result.output
    first, second = server.chat_requests
    assert "edit block 2 of 2 does not apply" in second.text and "SPEED = 9.9" in second.text
    run = studio.run_json()
    (attempt,) = run["attempts"]
    assert attempt["rounds"][0]["rejected"].startswith("edit block 2 of 2 does not apply")
    assert studio.store().resolve(f"{parent.slug}@2").code_path.read_text().strip() == (
        good_game(3).strip()
    )


def test_an_unchanged_reply_is_rejected_as_unchanged_and_repaired(studio, server):
    parent = studio.add_parent()
    same_frames = good_game(1).replace("import random", "import random  # tidier", 1)

    def handler(rec: Recorded) -> Answer:
        if "unchanged: the code differs" in rec.text:
            return Answer(fenced(good_game(2)))
        if REJECTED_MARK in rec.text:
            return Answer(fenced(same_frames))  # a new comment: the same frames
        return Answer(fenced(good_game(1)))  # the parent as it was

    server.handler = handler
    result = studio("remix", parent.slug, "green dots", "-n", "1", "-r", "3", server=server)
    assert result.exit_code == 0, result.output
    texts = [r.text for r in server.chat_requests]
    assert len(texts) == 3
    assert "unchanged: the reply hands back the parent's program" in texts[1]
    assert "draws exactly the same frames as the parent" in texts[2]
    rounds = studio.run_json()["attempts"][0]["rounds"]
    assert [r["rejected"] is not None for r in rounds] == [True, True, False]
    assert all(r["playable"] for r in rounds)  # the verifier passed all three: the remix did not


def test_a_remix_that_breaks_the_game_loses_to_one_that_does_not(studio, server):
    parent = studio.add_parent()

    def handler(rec: Recorded) -> Answer:
        return Answer(fenced(crashing_game() if seed_of(rec) == 1 else good_game(3)))

    server.handler = handler
    result = studio(
        "remix", parent.slug, "blue", "-n", "2", "-r", "0", "--seed", "1", server=server
    )
    assert result.exit_code == 0, result.output
    run = studio.run_json()
    assert run["winner"]["attempt"] == 2
    a1 = run["attempts"][0]
    assert a1["status"] == "failed" and "crash" in a1["flags"]


def test_nothing_playable_and_changed_exits_1_with_a_line_per_attempt(studio, server):
    parent = studio.add_parent()
    server.handler = lambda rec: Answer(fenced(good_game(1)))
    result = studio("remix", parent.slug, "green", "-n", "2", "-r", "1", server=server)
    assert result.exit_code == 1
    out = " ".join(result.output.split())
    assert "no playable, changed remix came out" in out
    assert "attempt 1: unchanged" in out and "attempt 2: unchanged" in out
    assert [v.version for v in studio.store().versions(parent.slug)] == [1]
    assert studio.run_dirs() and (studio.run_dirs()[-1] / "run.json").is_file()


@pytest.mark.parametrize(
    ("game", "request_text", "expected"),
    [
        ("no-such-game", "faster", "no game 'no-such-game'"),
        ("catch@7", "faster", "catch has no version 7: its versions are @1"),
        ("catch", "   ", "the change request is empty"),
        ("catch", "faster\x1b[31m", "control characters"),
    ],
)
def test_bad_input_is_refused_before_any_request(studio, server, game, request_text, expected):
    studio.add_parent()
    result = studio("remix", game, request_text, server=server)
    assert result.exit_code != 0
    assert expected in " ".join(result.output.split())
    assert server.chat_requests == []


def test_a_file_that_is_not_a_pygame_program_is_refused(studio, server, tmp_path):
    notes = tmp_path / "notes.py"
    notes.write_text("print('hello')\n")
    result = studio("remix", str(notes), "faster", server=server)
    assert result.exit_code == 2
    assert "not a pygame program" in " ".join(result.output.split())


def test_a_dead_server_is_said_once_with_the_offline_remix_to_try(studio):
    from tests.fakeserver import closed_port_url

    parent = studio.add_parent()
    argv = ["remix", parent.slug, "faster", "--base-url", closed_port_url(), "--model", "m"]
    result = studio(*argv)
    assert result.exit_code == 1
    out = " ".join(result.output.split())
    assert "cannot reach" in out and f'studio remix {parent.slug} "faster" --offline' in out
    assert studio.run_dirs() == []
