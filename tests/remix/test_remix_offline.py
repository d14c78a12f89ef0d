"""The offline designer's remix: designs stored with designer games, remixed on generic knobs.

The sample: (genre, request) pairs over every genre the designer reads (a genre added later
gets "another colour scheme" until it has pairs of its own), each remix rebuilt from the
parent's stored design and verified playable, with no flag the parent lacked and frames that
differ from the parent's under the same seed and input.
"""

from __future__ import annotations

import pytest

import studio as studio_api
from studio.designer import make_game
from studio.designer.changes import read_changes, remix_record, unread
from studio.designer.lexicon import GENRES
from studio.designer.stored import rebuild, record_for
from studio.remix import same_frames

ADDED = (
    *("tictactoe", "connect4", "sokoban", "fifteen", "solitaire", "lander", "frogger"),
    *("missile", "topdown", "tanks", "golf", "bubbles", "towers", "pinball", "racing"),
    *("whackamole", "typing", "rhythm", "clicker", "fishing"),
)
PAIRS = [
    ("tetris", "faster"),
    ("tetris", "a bigger board"),
    ("tetris", "another colour scheme"),
    ("match3", "add a 60 second timer"),
    ("match3", "a smaller board"),
    ("match3", "make it red"),
    ("snake", "slower"),
    ("snake", "mix it with breakout"),
    ("snake", "harder"),
    ("breakout", "more lives"),
    ("breakout", "faster"),
    ("breakout", "in space"),
    ("pong", "faster"),
    ("pong", "underwater theme"),
    ("pong", "a bigger field"),
    ("invaders", "more enemies"),
    ("invaders", "easier"),
    ("invaders", "5 lives"),
    ("asteroids", "more enemies"),
    ("asteroids", "add a timer"),
    ("asteroids", "mix it with flappy"),
    ("flappy", "slower"),
    ("flappy", "another colour scheme"),
    ("flappy", "harder"),
    ("runner", "faster"),
    ("runner", "more enemies"),
    ("runner", "make it purple"),
    ("maze", "more enemies"),
    ("maze", "faster"),
    ("maze", "make it green"),
    ("arcade", "faster"),
    ("arcade", "a bigger field"),
    ("2048", "a bigger board"),
    ("2048", "add a timer"),
    ("minesweeper", "a bigger board"),
    ("minesweeper", "harder"),
    ("memory", "a bigger board"),
    ("memory", "add a 90 second timer"),
    # the genres added after the first thirteen: a change to their rules' knobs and a
    # colour scheme each
    ("tictactoe", "more lives"),
    *[(genre, "harder") for genre in ADDED if genre != "tictactoe"],
    *[(genre, "another colour scheme") for genre in ADDED],
]
SEED = 3


def prompt_for(genre: str) -> str:
    """A prompt the designer reads as ``genre`` (the arcade game, named by no word, is what a
    prompt with only a subject gets)."""
    phrases = GENRES[genre][1]
    return phrases[0] if phrases else "a game with cats"


def sample() -> list[tuple[str, str]]:
    covered = {g for g, _ in PAIRS}
    return PAIRS + [(g, "another colour scheme") for g in GENRES if g not in covered]


def test_a_made_games_record_rebuilds_its_very_code_for_every_genre():
    for genre in GENRES:
        for seed in (1, 2):
            game = make_game(prompt_for(genre), seed)
            assert rebuild(record_for(prompt_for(genre), seed)).code == game.code, genre


@pytest.mark.slow
def test_every_genre_remixes_into_a_playable_changed_game(tmp_path):
    pairs = sample()
    assert len(pairs) >= 30 and {g for g, _ in pairs} == set(GENRES)
    parents: dict[str, str] = {}
    paths = []
    for genre in dict.fromkeys(g for g, _ in pairs):
        path = tmp_path / f"parent-{genre}.py"
        path.write_text(rebuild(record_for(prompt_for(genre), SEED)).code)
        parents[genre] = str(path)
        paths.append(path)
    children = []
    for i, (genre, request) in enumerate(pairs):
        record = record_for(prompt_for(genre), SEED)
        changes = read_changes(request)
        assert changes, request
        outcome = remix_record(record, changes)
        assert outcome.done and not outcome.skipped, (genre, request, outcome.line)
        code = rebuild(outcome.record).code
        assert code != (tmp_path / f"parent-{genre}.py").read_text(), (genre, request)
        path = tmp_path / f"child-{i:02d}.py"
        path.write_text(code)
        children.append(path)
    verdicts = studio_api.verify_many([*paths, *children], seconds=4, seed=0)
    by_path = dict(zip([str(p) for p in [*paths, *children]], verdicts, strict=True))
    bad = []
    for (genre, request), child in zip(pairs, children, strict=True):
        mine, theirs = by_path[str(child)], by_path[parents[genre]]
        new = set(mine.flags) - set(theirs.flags)
        frames = same_frames(
            {r.name: r.digest for r in mine.runs}, {r.name: r.digest for r in theirs.runs}
        )
        if not mine.playable or new or frames:
            bad.append((genre, request, mine.summary(), sorted(new), frames))
    assert bad == []


def test_requests_it_cannot_map_and_no_ops_are_not_changes():
    assert read_changes("make it about taxes and feelings") == []
    record = record_for("space invaders", SEED)
    lives = rebuild(record).design.rules.lives
    outcome = remix_record(record, read_changes(f"{lives} lives"))
    assert rebuild(outcome.record).code == rebuild(record).code
    board = remix_record(record_for("2048", SEED), read_changes("more lives"))
    assert board.done == [] and "this game has no lives" in board.skipped[0]


def test_what_a_request_asks_beyond_what_the_designer_read_is_said():
    """'faster and add a bomb gem': the designer makes it faster and says it did not
    understand the bomb gem, rather than keeping quiet about half the request."""
    request = "make it faster and add a bomb gem"
    changes = read_changes(request)
    assert [c.kind for c in changes] == ["pace"]
    assert unread(request, changes) == "bomb gem"
    record = record_for(prompt_for("match3"), SEED)
    outcome = remix_record(record, changes)
    outcome.unread = unread(request, changes)
    assert outcome.line.endswith("; not understood: 'bomb gem'")
    for whole in ("a bigger board", "mix it with snake", "another colour scheme", "5 lives"):
        assert unread(whole, read_changes(whole)) == "", whole
