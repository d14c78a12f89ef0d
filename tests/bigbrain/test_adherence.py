"""The free signals: what a candidate says it is, read against what the prompt asks."""

from __future__ import annotations

import pytest

from studio.adherence import asked, check, signals
from studio.designer import make_game

from .drift_games import breakout, hybrid, match3, pong
from .games import good_game

HYBRID_PROMPT = "a game that mixes Tetris and Bejeweled"


def test_a_pong_is_not_the_breakout_asked_for():
    assert check("breakout", breakout()).matches
    drift = check("breakout", pong(1))
    assert not drift.matches and drift.coverage == 0
    assert drift.reason == "a pong game, not the breakout asked for"
    assert drift.is_ == ["pong"]


def test_a_hybrid_needs_both_halves():
    real = check(HYBRID_PROMPT, hybrid())
    assert real.matches and real.coverage == 1.0
    assert set(real.seen) == {"falling-block puzzle", "match-3"}
    half = check(HYBRID_PROMPT, match3(1))
    assert not half.matches and half.coverage == 0.5
    assert half.reason == "a match-3 game; the falling-block puzzle half of the request is missing"
    assert half.missing == ["falling-block puzzle"]


def test_repeating_the_prompt_is_not_evidence():
    # A match-3 whose docstring and caption only echo the request still lacks its other half.
    echo = match3(1).replace('"""Gem Swap:', f'"""{HYBRID_PROMPT}. Gem Swap:', 1)
    echo = echo.replace('set_caption("Gem Swap")', f'set_caption("{HYBRID_PROMPT.title()}")')
    assert HYBRID_PROMPT in echo
    assert not check(HYBRID_PROMPT, echo).matches
    # A one-word prompt as the title is the game saying what it is, not an echo.
    titled = breakout().replace("clear the wall of bricks with the ball", "classic arcade")
    assert "brick" not in titled.split('"""')[1]
    assert check("breakout", titled).matches


def test_what_the_candidate_says_is_read_from_title_text_docstring_and_names():
    code = (
        '"""A little game."""\nimport pygame\nTITLE = "Star Hopper"\n'
        "class TetrominoBag:\n    pass\n"
        "def draw(font, lives):\n"
        '    pygame.display.set_caption("Hop " + "Forever")\n'
        '    font.render(f"Lives {lives} - collect the coins", True, (0, 0, 0))\n'
    )
    sig = signals(code)
    assert "star hopper" in sig.title and "hop forever" in sig.title
    assert "collect the coins" in sig.screen and "lives" in sig.screen
    assert " tetromino bag " in sig.names and "a little game" in sig.docstring
    found = check("tetris with coins and lives", code)
    assert found.matches and set(found.seen) == {"falling-block puzzle", "collecting", "lives"}
    assert found.seen["collecting"] == "'collect' in the screen"


def test_a_free_form_prompt_is_judged_on_subjects_and_mechanics_only():
    want = asked("a robot that collects coins in space")
    assert want.genres == [] and want.mechanics == ["collecting"]
    assert want.subjects == ["robot", "space"]
    catch = good_game(1)  # a catch game: no robot, no coins, no space
    miss = check(want, catch)
    assert not miss.matches
    assert miss.reason == "no sign of collecting, robot, space (asked for)"
    themed = catch.replace("falling red dots", "falling coins").replace(
        '"""Catch:', '"""Robot Catch in space:'
    )
    assert check(want, themed).matches


def test_a_prompt_with_nothing_recognisable_rejects_nothing():
    for code in (pong(1), match3(2), good_game(3)):
        verdict = check("something fun with a cat", code)
        assert verdict.matches and verdict.coverage == 1.0
        assert "nothing to check" in verdict.reason


def test_missing_mechanics_are_said_but_the_genre_decides():
    found = check("breakout with power-ups and a timer", breakout())
    assert found.matches and found.coverage == pytest.approx(0.75)
    assert found.reason.endswith("; no sign of a timer, power-ups")


@pytest.mark.slow
def test_the_offline_designers_games_adhere_over_its_whole_prompt_sample():
    from tests.designer.catalogue import FEATURED_HYBRIDS, all_prompts

    prompts = all_prompts() + FEATURED_HYBRIDS
    failures = []
    for i, prompt in enumerate(prompts):
        game = make_game(prompt, seed=1000 + i)
        verdict = check(prompt, game.code)
        if not verdict.matches:
            failures.append(f"{prompt!r}: {verdict.reason}")
    assert len(prompts) > 180
    assert not failures, "\n".join(failures)


def test_the_comments_that_open_a_file_count_as_its_docstring():
    code = "#!/usr/bin/env python3\n# Breakout clone in pygame\nimport pygame\n# Pong, later\n"
    assert check("breakout", code).seen == {"breakout": "'breakout' in the docstring"}
    assert not check("pong", code).matches  # a comment further down is not what it says it is
