"""The toys genres (whack-a-mole, typing, rhythm, idle clicker, fishing): each plays its core
rule headless through its own ``Game`` class, is read from its common names, and passes the
verifier with no flags over several seeds."""

from __future__ import annotations

import ast
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pygame
import pytest

import studio
from studio.designer import describe, design_for, make_game, read_prompt
from studio.verdicts.keys import read_controls

from .catalogue import SHORT
from .conftest import write_games
from .test_contract import contract_problems

STEP = 1 / 60


@pytest.fixture
def display(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("SDL_VIDEODRIVER", "dummy")
    monkeypatch.setenv("SDL_AUDIODRIVER", "dummy")
    pygame.init()
    yield
    pygame.quit()


def started(prompt: str, seed: int = 0) -> tuple[Any, dict[str, Any], pygame.Surface]:
    """The game's ``Game`` object (started), its module namespace and a dummy screen."""
    space: dict[str, Any] = {"__name__": "designer_game"}
    exec(compile(make_game(prompt, seed).code, "<game>", "exec"), space)  # noqa: S102 - our own output
    screen = pygame.display.set_mode((space["SCREEN_W"], space["SCREEN_H"]))
    random.seed(seed)
    game = space["Game"]()
    game.start()
    return game, space, screen


def run(game: Any, screen: pygame.Surface, seconds: float) -> None:
    for _ in range(int(seconds / STEP)):
        game.update(STEP)
        game.draw(screen)


# --- whack-a-mole -------------------------------------------------------------------------
def test_whacking_a_mole_while_it_is_up_scores_and_an_empty_hole_does_not(display: None) -> None:
    game, _space, screen = started("whack-a-mole", 3)
    game.pop_timer = 1e9  # no mole but ours
    game.invulnerable = 0.0
    hole = game.holes[0]
    hole.pop("mole", 1.0)
    run(game, screen, 0.3)
    assert hole.up
    assert game.whack(1) is False  # an empty hole
    assert game.score == 0
    game.handle_click(hole.cell.center, 1)  # a click on the mole's hole
    assert game.score > 0 and game.hits == 1
    assert not hole.up  # knocked out: a second whack scores nothing
    score = game.score
    assert game.whack(0) is False and game.score == score


def test_a_mole_goes_down_by_itself_and_gets_away(display: None) -> None:
    game, space, screen = started("whack-a-mole", 5)
    game.pop_timer = 1e9
    game.invulnerable = 0.0
    game.play_time = 100.0  # past the newcomer's grace
    lives = game.lives
    hole = game.holes[2]
    hole.pop("mole", space["MOLE_UP"])
    run(game, screen, space["MOLE_UP"] + 0.5)
    assert hole.kind is None and not hole.up
    assert game.escaped == 1 and game.lives == lives - 1
    assert game.score == 0


def test_number_keys_whack_their_hole(display: None) -> None:
    game, _space, screen = started("whack-a-mole", 1)
    game.pop_timer = 1e9
    game.holes[4].pop("gold", 2.0)
    run(game, screen, 0.3)
    game.handle_key(pygame.K_5)
    assert game.hits == 1 and game.score == 50  # a golden mole pays five times


# --- typing -------------------------------------------------------------------------------
def _key(letter: str) -> int:
    return int(pygame.key.key_code(letter))


def test_typing_a_falling_words_letters_in_order_clears_it(display: None) -> None:
    game, _space, screen = started("a typing game", 2)
    game.word_timer = 1e9
    word = game.drop_word()
    other = game.drop_word()
    run(game, screen, 0.5)
    assert word.text[0] != other.text[0]  # a first letter picks one word
    wrong = next(c for c in "zqxjkvwy" if c not in (word.text[0], other.text[0]))
    game.handle_key(_key(wrong))  # no word starts with it: a mistake, nothing typed
    assert game.target is None and game.mistakes == 1 and word.typed == 0
    for letter in word.text[:-1]:
        game.handle_key(_key(letter))
    assert game.target is word and word.typed == len(word.text) - 1 and word in game.words
    bad = next(c for c in "zqxjkvwy" if c != word.text[-1])
    game.handle_key(_key(bad))  # a wrong key does not type
    assert word.typed == len(word.text) - 1 and game.mistakes == 2
    game.handle_key(_key(word.text[-1]))
    assert word not in game.words and game.cleared == 1 and game.score > 0
    assert other in game.words and other.typed == 0


def test_the_verifiers_player_finds_every_letter_the_words_need() -> None:
    """The scripted player presses the keys it reads in the source: all the letters."""
    code = make_game("a typing game", 0).code
    controls = read_controls(ast.parse(code))
    pairs = [*controls["moves"], *controls["actions"]]
    keys = {str(pair[0]) for pair in pairs if isinstance(pair, list | tuple)}
    space: dict[str, Any] = {}
    exec(compile(code.split("\nclass Text:")[0], "<constants>", "exec"), space)  # noqa: S102
    needed = {letter for word in space["WORDS"] for letter in word}
    assert needed and needed <= keys
    assert set("abcdefghijklmnopqrstuvwxyz") <= keys


def test_a_word_reaching_the_ground_costs_a_life(display: None) -> None:
    game, space, screen = started("a typing game", 4)
    game.word_timer = 1e9
    game.play_time = 100.0
    game.invulnerable = 0.0
    word = game.drop_word()
    word.y = space["GROUND_Y"] - word.rect.height - 2.0
    lives = game.lives
    run(game, screen, 0.5)
    assert word not in game.words and game.lives == lives - 1 and game.score == 0


# --- rhythm -------------------------------------------------------------------------------
def _rhythm(seed: int) -> tuple[Any, dict[str, Any], pygame.Surface]:
    game, space, screen = started("a rhythm game", seed)
    game.next_beat = 1e9  # no notes but ours
    game.invulnerable = 0.0
    game.play_time = 100.0
    return game, space, screen


def test_a_press_in_a_notes_lane_is_judged_by_its_timing(display: None) -> None:
    game, space, screen = _rhythm(1)
    note_cls, perfect, good = space["Note"], space["PERFECT_WINDOW"], space["GOOD_WINDOW"]
    on_beat = note_cls(0, game.song_time + 0.5)
    late = note_cls(2, game.song_time + 1.0)
    game.notes += [on_beat, late]
    run(game, screen, 0.5)
    game.handle_key(pygame.K_f)  # lane 1: no note near, nothing judged
    assert on_beat.judged is None and game.judged == 0
    game.handle_key(pygame.K_d)  # lane 0, on the beat
    assert on_beat.judged == "perfect" and game.combo == 1
    game.song_time = late.due + (perfect + good) / 2  # a little late
    assert game.press(2) == "good" and game.combo == 2 and game.score == 400
    assert game.counts == {"perfect": 1, "good": 1, "miss": 0}


def test_misses_break_the_combo(display: None) -> None:
    game, space, screen = _rhythm(2)
    note_cls, good = space["Note"], space["GOOD_WINDOW"]
    game.combo = 7
    early = note_cls(3, game.song_time + good * 1.5)
    game.notes.append(early)
    assert game.press(3) == "miss"  # too early to be good: a miss
    assert game.combo == 0
    game.combo = 4
    lives = game.lives
    game.invulnerable = 0.0
    passed = note_cls(1, game.song_time + 0.2)
    game.notes.append(passed)
    run(game, screen, 0.2 + good + 0.1)  # never pressed: it goes by
    assert passed.judged == "miss" and game.combo == 0 and game.lives == lives - 1


# --- idle clicker -------------------------------------------------------------------------
def test_clicks_earn_and_upgrades_cost_raise_income_and_get_dearer(display: None) -> None:
    game, space, screen = started("an idle clicker", 3)
    helper = game.upgrades[0]
    assert game.income() == 0 and not game.buy(0)  # no coins: nothing bought
    while game.coins < helper.price:
        game.handle_click(space["BIG_CENTRE"], 1)
    assert game.clicks == helper.price and game.score == helper.price
    price = helper.price
    assert game.buy(0)
    assert game.coins == 0 and helper.owned == 1
    assert game.income() == helper.income > 0
    assert helper.price > price  # the price rises
    run(game, screen, 2.0)
    assert game.coins == pytest.approx(2.0 * helper.income, rel=0.05)  # income per second


def test_the_clicker_levels_up_on_its_goal_and_ends_when_its_clock_runs_out(
    display: None,
) -> None:
    game, space, screen = started("an idle clicker", 4)
    goal = game.goal
    game.earn(goal)
    assert game.level == 2 and game.goal > goal and game.goal_left == space["GOAL_TIME"]
    game.goal_left = 0.1
    run(game, screen, 0.2)
    assert game.state == "over"


# --- fishing ------------------------------------------------------------------------------
def _bite(seed: int) -> tuple[Any, dict[str, Any], pygame.Surface]:
    """A fishing game with the line down and one fish swimming to the bait."""
    game, space, screen = started("a fishing game", seed)
    game.invulnerable = 0.0
    game.play_time = 100.0
    for fish in game.fish:
        fish.y = space["BED_Y"] - 5  # far from the bait: only ours comes
        fish.x = space["FIELD"].left + 25
        fish.speed = 0.0
    assert game.cast(300)
    run(game, screen, 2.0)
    assert game.line == "waiting"
    game.fish[0].speed = 60.0
    hook = game.hook_pos()
    game.fish[0].x, game.fish[0].y = hook[0] + 40, hook[1]
    for _ in range(180):  # it swims to the bait within three seconds
        run(game, screen, STEP)
        if game.line != "waiting":
            break
    assert game.line == "bite" and game.hooked is game.fish[0]
    return game, space, screen


def test_a_strike_within_the_window_after_a_bite_lands_the_fish(display: None) -> None:
    game, _space, screen = _bite(1)
    fish = game.hooked
    game.handle_key(pygame.K_SPACE)
    run(game, screen, 2.0)
    assert game.line == "ready" and fish not in game.fish
    assert game.catches == 1 and game.score == fish.points


def test_a_late_strike_lets_the_fish_escape_with_the_bait(display: None) -> None:
    game, space, screen = _bite(2)
    lives = game.lives
    run(game, screen, space["REEL_WINDOW"] + 0.2)
    assert game.escapes == 1 and game.lives == lives - 1 and game.hooked is None
    game.handle_key(pygame.K_SPACE)
    run(game, screen, 2.0)
    assert game.catches == 0 and game.score == 0


def test_a_strike_before_any_bite_comes_up_empty(display: None) -> None:
    game, _space, screen = started("a fishing game", 3)
    game.cast()
    run(game, screen, 0.3)
    assert game.strike() is False
    run(game, screen, 2.0)
    assert game.line == "ready" and game.catches == 0


# --- every toy genre ----------------------------------------------------------------------
TOY_PROMPTS: dict[str, list[str]] = {
    "whackamole": ["whack-a-mole", "a whack a mole game", "Whac-A-Mole in the garden"],
    "typing": ["a typing game", "typing practice with falling words", "like ZType"],
    "rhythm": ["a rhythm game", "a game like Guitar Hero", "dance dance revolution", "osu!"],
    "clicker": ["an idle clicker", "cookie clicker", "an incremental game with upgrades"],
    "fishing": ["a fishing game", "go fishing on a lake", "a fisherman reels in trout"],
}


@pytest.mark.parametrize("genre", sorted(TOY_PROMPTS))
def test_common_names_map_to_the_genre(genre: str) -> None:
    for prompt in TOY_PROMPTS[genre]:
        und = read_prompt(prompt)
        assert und.recognised and und.genres == [genre], prompt


HYBRIDS = [
    "space invaders meets a typing game",
    "whack-a-mole meets minesweeper",
    "whack-a-mole meets snake",
    "a rhythm game with tetris",
    "fishing and an idle clicker",
]


def test_real_hybrids_say_how_the_rules_meet_and_others_fall_back_to_a_timer(
    display: None,
) -> None:
    und = read_prompt("space invaders meets a typing game")
    assert und.genres == ["invaders", "typing"]
    design = design_for("space invaders meets a typing game", 1)
    assert design.parts == ["typing"] and design.params["typing_cannon"] is True
    assert "a cannon shoots each letter you type" in design.understood
    game, _space, screen = started("space invaders meets a typing game", 1)
    game.word_timer = 1e9
    word = game.drop_word()
    game.handle_key(_key(word.text[0]))
    assert len(game.shots) == 1  # the cannon fired at the word
    run(game, screen, 0.2)
    assert game.shots == []
    mines = design_for("whack-a-mole meets minesweeper", 2)
    assert mines.params["bomb_chance"] == 0.2 and "mines pop up" in mines.understood
    fallback = design_for("whack-a-mole meets snake", 3)
    assert fallback.parts == ["moles"] and fallback.rules.time_limit > 0
    assert "snake has no rule for a whack-a-mole game: a timer instead" in fallback.understood


@pytest.mark.slow
@pytest.mark.parametrize("toy", sorted(TOY_PROMPTS))
def test_every_pair_with_a_toy_genre_follows_the_contract(toy: str) -> None:
    for i, other in enumerate([*SHORT, *(t for t in TOY_PROMPTS if t != toy)]):
        name = SHORT.get(other) or TOY_PROMPTS[other][0]
        for prompt in (
            f"{TOY_PROMPTS[toy][0]} meets {name}",
            f"{name} meets {TOY_PROMPTS[toy][0]}",
        ):
            game = make_game(prompt, i)
            compile(game.code, prompt, "exec")
            assert contract_problems(game.code) == [], prompt
            assert toy in game.design.genres, prompt


def test_a_game_like_guitar_hero_has_no_knight_in_it() -> None:
    und = read_prompt("a game like Guitar Hero")
    assert und.genres == ["rhythm"] and und.subjects == []
    assert "knight" not in describe("a game like Guitar Hero")
    assert read_prompt("a rhythm game with a knight").subjects == ["knight"]


@pytest.mark.slow
def test_toy_genres_pass_the_verifier_with_no_flags_over_several_seeds(games_dir: Path) -> None:
    prompts = [names[0] for names in TOY_PROMPTS.values()]
    games = write_games(games_dir, prompts, seeds=[0, 3, 8])
    hybrids = games_dir / "hybrids"
    hybrids.mkdir()
    games.update(write_games(hybrids, HYBRIDS, seeds=[5]))
    paths = sorted(games)
    verdicts = studio.verify_many(paths, seconds=8.0, seed=1)
    failures = [
        f"{games[path][0]!r} seed {games[path][1]}: {verdict.summary()} {verdict.reasons()}"
        for path, verdict in zip(paths, verdicts, strict=True)
        if not verdict.playable or verdict.flags
    ]
    assert len(verdicts) == len(paths)
    assert not failures, "\n".join(failures)
