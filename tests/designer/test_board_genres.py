"""The board group's genres (tic-tac-toe, connect four, sokoban, sliding puzzle, solitaire):
their names map to them, they keep the contract and draw cheaply, they mix with the other
genres, and the real verifier judges them playable with no flags over several seeds. Their
rules are tested in test_board_vs_computer.py, test_board_puzzles.py and
test_board_solitaire.py.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

import studio
from studio.designer import design_for, make_game, read_prompt

from . import test_drawing as drawing
from .board_play import HYBRID, NAMES, PROMPTS, display_fixture  # noqa: F401 - the display fixture
from .catalogue import SHORT
from .conftest import write_games
from .test_contract import contract_problems


@pytest.mark.parametrize(("genre", "prompt"), [(g, p) for g, ps in NAMES.items() for p in ps])
def test_names_of_the_genre_map_to_it(genre: str, prompt: str) -> None:
    und = read_prompt(prompt)
    assert und.genres == [genre] and und.recognised, und.line()


@pytest.mark.parametrize("genre", sorted(PROMPTS))
def test_the_genre_follows_the_contract_over_many_seeds(genre: str) -> None:
    for seed in range(8):
        code = make_game(PROMPTS[genre], seed).code
        assert contract_problems(code) == [], (genre, seed)
        assert make_game(PROMPTS[genre], seed).code == code  # same prompt and seed, same game
    assert len({make_game(PROMPTS[genre], s).code for s in range(8)}) > 2  # seeds vary it


def test_sokoban_and_maze_make_a_real_hybrid_and_other_pairs_fall_back() -> None:
    design = design_for(HYBRID, 0)
    assert design.parts == ["board", "sokoban"] and design.params["ghosts"] == 2
    assert design.rules.lives >= 3 and "ghosts" in design.understood
    assert design_for("sokoban with ghosts", 1).params["ghosts"] == 2  # either order
    assert "timer" in design_for("tic tac toe and tetris", 0).extras  # a board pair: a timer
    snake = design_for("snake with solitaire", 0)  # a field pair: the field game collects
    assert snake.parts[0] == "snake" and "pickups" in snake.parts


# --- drawing ---------------------------------------------------------------------------------
@pytest.mark.slow
@pytest.mark.parametrize("prompt", [*PROMPTS.values(), HYBRID])
def test_a_frame_draws_only_what_changed_yet_matches_a_full_redraw(
    prompt: str, display: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    drawing.test_a_frame_of_play_draws_only_what_moves(prompt, display, monkeypatch)
    drawing.test_play_paints_only_what_changed_yet_matches_a_full_redraw(
        prompt, display, monkeypatch
    )


# --- pairs with every other genre ----------------------------------------------------------------
OURS = {
    "tictactoe": "tic tac toe",
    "connect4": "connect four",
    "sokoban": "sokoban",
    "fifteen": "sliding puzzle",
    "solitaire": "solitaire",
}
PAIRS = [(a, b) for a in OURS for b in [*SHORT, *OURS] if a != b] + [
    (b, a) for a in OURS for b in SHORT
]


def _pair_prompt(a: str, b: str) -> str:
    names = {**SHORT, **OURS}
    return f"{names[a]} meets {names[b]}"


@pytest.mark.slow
def test_a_third_of_the_pairs_with_a_board_genre_follow_the_contract() -> None:
    """Every third pair (each board genre meets several partners, in both orders): all of
    them took half a minute of the suite; the verified sample below draws from all."""
    for index, (a, b) in list(enumerate(PAIRS))[::3]:
        game = make_game(_pair_prompt(a, b), index)
        assert game.design.genres == [a, b], (a, b, game.design.genres)
        assert contract_problems(game.code) == [], (a, b, index)


@pytest.mark.slow
def test_a_sample_of_pairs_and_seeds_passes_the_verifier(games_dir: Path) -> None:
    rng = random.Random(20261201)
    combos = [(_pair_prompt(*rng.choice(PAIRS)), rng.randrange(1_000_000)) for _ in range(10)]
    paths = []
    for i, (prompt, seed) in enumerate(combos):
        path = games_dir / f"pair{i:02d}.py"
        path.write_text(make_game(prompt, seed).code, encoding="utf-8")
        paths.append(path)
    verdicts = studio.verify_many(paths, seconds=8.0, seed=4)
    failures = [
        f"{prompt!r} seed {seed}: {verdict.summary()} {verdict.reasons()}"
        for (prompt, seed), verdict in zip(combos, verdicts, strict=True)
        if not verdict.playable or verdict.flags
    ]
    assert not failures, "\n".join(failures)


# --- the verifier ------------------------------------------------------------------------------
@pytest.mark.slow
def test_board_genres_pass_the_verifier_with_no_flags(games_dir: Path) -> None:
    games = write_games(games_dir, [*PROMPTS.values(), HYBRID], seeds=[0, 3, 11])
    paths = sorted(games)
    verdicts = studio.verify_many(paths, seconds=8.0, seed=1)
    failures = [
        f"{games[path][0]!r} seed {games[path][1]}: {verdict.summary()} {verdict.reasons()}"
        for path, verdict in zip(paths, verdicts, strict=True)
        if not verdict.playable or verdict.flags
    ]
    assert not failures, "\n".join(failures)


def test_the_understood_line_and_tagline_name_the_genre() -> None:
    for genre, prompt in PROMPTS.items():
        design = design_for(prompt, 0)
        assert design.genres == [genre]
        assert "collector" not in design.tagline
