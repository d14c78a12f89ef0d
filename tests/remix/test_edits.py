"""SEARCH/REPLACE edit blocks: all apply or none, and the message names the block."""

from __future__ import annotations

import pytest

from studio.edits import apply_edits, has_edits, parse_edits
from studio.errors import EditsDoNotApply

PROGRAM = (
    "SPEED = 2\n\n\ndef update(x):\n    x += SPEED\n    return x\n\n\ndef same(x):\n    return x\n"
)


def block(search: str, replace: str) -> str:
    return f"<<<<<<< SEARCH\n{search}\n=======\n{replace}\n>>>>>>> REPLACE\n"


def test_blocks_apply_in_order_and_keep_the_rest():
    reply = "Faster.\n" + block("SPEED = 2", "SPEED = 5") + block("def same(x):", "def twin(x):")
    assert has_edits(reply)
    out = apply_edits(PROGRAM, parse_edits(reply))
    assert out == PROGRAM.replace("SPEED = 2", "SPEED = 5").replace("same(", "twin(")


def test_a_block_written_with_other_indentation_is_reindented():
    reply = block("x += SPEED\nreturn x", "x += SPEED * 2\nreturn x")
    out = apply_edits(PROGRAM, parse_edits(reply))
    assert "    x += SPEED * 2\n    return x\n" in out


@pytest.mark.parametrize(
    ("reply", "message"),
    [
        (block("SPEED = 2", "SPEED = 3") + block("SPEED = 9", "SPEED = 1"), "edit block 2 of 2"),
        (block("    return x", "    return 0"), "occur 2 times"),
        (block("", "SPEED = 3"), "empty SEARCH"),
        ("<<<<<<< SEARCH\nSPEED = 2\n=======\nSPEED = 3\n", "markers"),
    ],
)
def test_a_block_that_does_not_apply_names_itself_and_nothing_applies(reply, message):
    with pytest.raises(EditsDoNotApply, match=message):
        apply_edits(PROGRAM, parse_edits(reply))
