"""The verifier against a corpus of candidate games: good ones of many kinds, broken ones
for every flag. All verdicts come from ONE ``verify_many`` call (parallel on all cores);
the tests then check each verdict against the table below.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

import studio
from studio.verdicts.report import FLAGS, Verdict

SECONDS = 10.0
ALL_FLAGS = frozenset(FLAGS)


@dataclass(frozen=True)
class Case:
    game: str
    playable: bool
    present: frozenset[str] = frozenset()  # flags the verdict must carry
    absent: frozenset[str] = frozenset()  # flags it must not carry


def good(game: str) -> Case:
    return Case(game, True, frozenset(), ALL_FLAGS)


def bad(game: str, flag: str, *absent: str) -> Case:
    return Case(game, False, frozenset({flag}), frozenset(absent))


def soft(game: str, flag: str) -> Case:
    """Playable, with exactly one flag that lowers the score."""
    return Case(game, True, frozenset({flag}), ALL_FLAGS - {flag})


CASES = [
    good("good_keyboard.py"),  # KEYDOWN arrows move a block
    good("good_mouse.py"),  # clicks blow and pop bubbles, no keyboard at all
    good("good_held_keys.py"),  # pygame.key.get_pressed movement
    good("good_title_screen.py"),  # nothing moves before Enter
    good("good_toplevel.py"),  # loop at module top level, no main()
    good("good_main_guard.py"),  # main() under a __main__ guard
    good("good_gameover.py"),  # idle: GAME OVER screen that stays; Enter/Space restarts
    good("good_set_timer.py"),  # pygame.time.set_timer spawns
    good("good_event_wait.py"),  # turn-based, blocks in pygame.event.wait()
    good("good_time_sleep.py"),  # time.time()/time.sleep() instead of a Clock
    good("good_asyncio.py"),  # asyncio.run(main()) with await asyncio.sleep(0) per frame
    good("good_random_spawn.py"),  # random spawning
    good("good_wheel_text.py"),  # only the mouse wheel and typed text (TEXTINPUT) do anything
    good("good_mouse_follow.py"),  # paddle polls pygame.mouse.get_pos(); sprite Group
    good("good_update_poll.py"),  # event.poll() loop, display.update(dirty rects)
    good("good_left_right_only.py"),  # nothing but K_LEFT/K_RIGHT does anything
    good("good_delay_snake.py"),  # tutorial style: time.delay, get_pressed, display.update
    # real games' shapes (issue 19): they start at once and end fast, restart on their own
    # keys, exit on game over, reseed from the OS, stall instead of crashing
    good("good_breakout_fast_over.py"),  # over within a second; R restarts a still screen
    good("good_exit_on_miss.py"),  # pygame.quit(); sys.exit() when the ball is missed
    good("good_snake_tutorial.py"),  # hits the wall in a second; C plays again (recursion)
    good("good_flappy_drop.py"),  # gravity from frame one; Space flaps and restarts
    good("good_restart_n.py"),  # A/D held; N: new game
    good("good_restart_f2.py"),  # F2: new game; KEYDOWN sets a velocity, KEYUP clears it
    good("good_players_1_2.py"),  # still title: only 1 or 2 starts it
    good("good_yes_no.py"),  # "Play again? (Y/N)": Y restarts, N quits
    good("good_click_restart_button.py"),  # a Restart button in a corner, no restart key
    good("good_keyname_jl.py"),  # key.name(event.key) == "j" / "l", no K_ constant
    good("good_unicode_lanes.py"),  # event.unicode in "1234"
    good("good_seed_noarg.py"),  # random.seed() and random.Random() without a seed
    good("good_datetime_clock.py"),  # seeded by datetime.now(); time.strftime clock
    good("good_uuid_secrets.py"),  # uuid4 ids, secrets.randbelow places
    good("good_object_set_order.py"),  # a set of objects drawn in hash (identity) order
    good("good_urandom_sparkle.py"),  # /dev/urandom sparkles: proven beyond the noise
    good("good_match_case.py"),  # match event.key: IJKL, X quits
    good("good_keymap_numpad.py"),  # KEYMAP.get(event.key) on the keypad
    good("good_title_press_s.py"),  # still title: "Press S to start"
    good("good_pause_p.py"),  # P pauses on a still screen until P again
    good("good_right_click.py"),  # event.button == 3 only
    good("good_death_pause.py"),  # time.sleep(1.5) after a hit: a pause, not a stall
    good("good_tutorial_buttons.py"),  # hover buttons in a corner; "Quit" beside "GO!"
    bad("bad_stall_sleep_ms.py", "hang", "ignores_input", "crash"),  # time.sleep(2000)
    bad("bad_stall_level_delay.py", "hang", "ignores_input", "crash"),  # delay(1500 * 1000)
    bad("bad_stall_busy_wait.py", "hang", "ignores_input", "crash"),  # spins on the clock
    bad("bad_blocks_on_loader.py", "hang", "crash"),  # threading.Event().wait(60)
    bad("bad_hang_after_game_over.py", "hang", "ignores_input"),  # while running: spins
    bad("bad_crash_on_restart_key.py", "crash", "hang"),  # R raises NameError
    bad("bad_crash_on_digit.py", "crash", "hang"),  # 4 players: IndexError
    bad("bad_demo_os_seeded.py", "ignores_input", "crash"),  # self-playing, OS-seeded
    bad("bad_noisy_demo.py", "ignores_input", "crash"),  # /dev/urandom snow, no input read
    bad("bad_exit_unplayed.py", "exits_early", "crash"),  # sys.exit() before any play
    bad("bad_quit_any_key.py", "exits_early", "crash"),  # any key quits (at its first frame)
    bad("bad_ignores_named_keys.py", "ignores_input", "crash"),  # keys only in a help text
    bad("bad_syntax_error.py", "syntax_error"),
    bad("bad_import_missing.py", "import_error"),
    bad("bad_import_numpy.py", "import_error"),  # third-party, outside the contract
    bad("bad_crash.py", "crash", "hang", "forbidden"),
    bad("bad_hang.py", "hang", "crash"),
    bad("bad_exits_early.py", "exits_early", "crash"),  # sys.exit() after one frame
    bad("bad_exits_early_return.py", "exits_early", "crash"),  # main() returns after one
    bad("bad_blank_screen.py", "blank_screen", "crash", "hang"),
    bad("bad_frozen.py", "frozen", "blank_screen", "crash"),
    bad("bad_ignores_input.py", "ignores_input", "frozen", "blank_screen", "crash"),
    bad("bad_nondeterministic.py", "ignores_input", "crash"),  # moves by a thread: no proof
    bad("bad_memory_limit.py", "memory_limit", "forbidden"),
    bad("bad_missing_asset.py", "missing_asset", "forbidden"),
    soft("bad_cpu_hog.py", "cpu_hog"),
    soft("bad_output_flood.py", "output_flood"),
]
#: Playable, but not the same way twice (randomness no sandbox reaches): proven otherwise
NOISY = {"good_urandom_sparkle.py"}
GOOD = [c.game for c in CASES if c.playable and not c.present and c.game not in NOISY]
DETERMINISM_GAME = "good_random_spawn.py"


@pytest.fixture(scope="module")
def corpus(verify_env, games_dir, tmp_path_factory) -> dict[str, Verdict]:
    """Every verdict of the table, plus a second verdict of one game (same seed), at once."""
    twin_dir = tmp_path_factory.mktemp("twin")
    twin = twin_dir / DETERMINISM_GAME
    shutil.copy(games_dir / DETERMINISM_GAME, twin)
    paths = [games_dir / c.game for c in CASES] + [twin]
    out_root = tmp_path_factory.mktemp("corpus-out")
    verdicts = studio.verify_many(paths, seconds=SECONDS, seed=0, out_root=out_root)
    assert len(verdicts) == len(paths)
    result = {c.game: v for c, v in zip(CASES, verdicts, strict=False)}
    result["twin"] = verdicts[-1]
    return result


def test_every_candidate_game_has_an_expectation(games_dir) -> None:
    assert sorted(p.name for p in games_dir.glob("*.py")) == sorted(c.game for c in CASES)


def _excerpt(v: Verdict) -> str:
    """What to show when an expectation fails: the verdict without the bulky parts."""
    data = v.to_dict()
    data.pop("behaviour", None)
    data["static"] = [f for f in data.get("static", []) if f.get("blocking")]
    return json.dumps(data, indent=1)[:3000]


@pytest.mark.slow
@pytest.mark.parametrize("case", CASES, ids=lambda c: c.game)
def test_playable_and_flags_as_expected(corpus, case: Case) -> None:
    v = corpus[case.game]
    assert v.playable is case.playable, _excerpt(v)
    assert set(v.flags) <= ALL_FLAGS, _excerpt(v)
    assert case.present <= set(v.flags), _excerpt(v)
    assert not case.absent & set(v.flags), _excerpt(v)
    assert 0 <= v.score <= 100


@pytest.mark.parametrize("game", GOOD)
def test_good_games_are_proven_playable(corpus, game: str) -> None:
    v = corpus[game]
    assert v.score >= 50, _excerpt(v)
    assert v.frames > 0, _excerpt(v)
    assert v.divergence.first_seconds is not None, _excerpt(v)  # input changed the frames
    assert v.divergence.deterministic, _excerpt(v)
    assert {r.with_input for r in v.runs} == {True, False}, _excerpt(v)
    for kind in ("thumbnail", "preview"):
        assert kind in v.artifacts, _excerpt(v)
        artifact = Path(v.artifacts[kind])
        assert artifact.is_file() and artifact.stat().st_size > 0, _excerpt(v)


def test_thumbnail_is_png_and_preview_is_animated(corpus) -> None:
    from PIL import Image

    v = corpus["good_main_guard.py"]
    with Image.open(v.artifacts["thumbnail"]) as thumb:
        assert thumb.format == "PNG"
    with Image.open(v.artifacts["preview"]) as preview:
        assert preview.format in ("GIF", "WEBP")
        assert getattr(preview, "n_frames", 1) > 1


def _run(v: Verdict, with_input: bool):
    return next(r for r in v.runs if r.with_input is with_input)


def test_title_screen_idle_never_moves_yet_playable(corpus) -> None:
    v = corpus["good_title_screen.py"]
    idle = _run(v, with_input=False)
    assert idle.distinct_frames == 1, _excerpt(v)  # the idle run saw only the title
    assert _run(v, with_input=True).distinct_frames > 5, _excerpt(v)
    assert v.playable, _excerpt(v)


def test_game_over_after_idling_is_playable(corpus) -> None:
    v = corpus["good_gameover.py"]
    idle = _run(v, with_input=False)
    assert idle.stop_reason == "time_up", _excerpt(v)  # the GAME OVER screen stays open
    assert v.playable, _excerpt(v)


def test_turn_based_event_wait_runs_its_game_time(corpus) -> None:
    v = corpus["good_event_wait.py"]
    assert [r.name for r in v.runs] == ["input", "idle", "idle-check"]
    for run in v.runs[:2]:  # the idle check is short on purpose
        assert run.stop_reason == "time_up", _excerpt(v)  # blocked waits follow virtual time
        assert run.game_seconds >= SECONDS * 0.9, _excerpt(v)
    assert v.runs[2].stop_reason == "time_up" and v.runs[2].game_seconds < SECONDS


def test_crash_reports_the_error_and_its_line(corpus, games_dir) -> None:
    v = corpus["bad_crash.py"]
    assert v.error is not None, _excerpt(v)
    assert v.error.type == "ZeroDivisionError", _excerpt(v)
    assert "ZeroDivisionError" in v.error.traceback
    line = next(
        n
        for n, text in enumerate((games_dir / "bad_crash.py").read_text().splitlines(), 1)
        if "return WIDTH // (LANES - frame // 40)" in text
    )
    assert f"line {line}" in v.error.traceback, v.error.traceback
    assert "lane_width" in v.error.traceback
    assert v.stop_reason == "crash", _excerpt(v)
    # frame 120 at 60 FPS: two seconds of play before the crash
    assert 1.5 <= _run(v, with_input=True).game_seconds <= 3.0, _excerpt(v)


def test_syntax_error_names_its_line(corpus) -> None:
    v = corpus["bad_syntax_error.py"]
    assert v.error is not None, _excerpt(v)
    assert "line 10" in f"{v.error.message} {v.error.traceback}", _excerpt(v)  # '(' not closed
    assert v.frames == 0


def test_busy_loop_still_ran_its_game_time(corpus) -> None:
    v = corpus["bad_cpu_hog.py"]
    run = _run(v, with_input=True)
    assert run.stop_reason == "time_up", _excerpt(v)
    assert run.ticks == 0, _excerpt(v)
    assert v.score < 100


def test_output_flood_is_capped_not_stored(corpus) -> None:
    v = corpus["bad_output_flood.py"]
    run = _run(v, with_input=True)
    assert run.output_bytes > 10_000_000, _excerpt(v)  # ~6 MB per game second for 10 s
    assert len(v.to_json()) < 200_000  # the flood is counted, not carried in the verdict


def test_same_seed_same_frames(corpus) -> None:
    first, second = corpus[DETERMINISM_GAME], corpus["twin"]
    assert second.playable, _excerpt(second)
    assert [(r.name, r.frames, r.distinct_frames) for r in first.runs] == [
        (r.name, r.frames, r.distinct_frames) for r in second.runs
    ]
    assert first.behaviour and first.behaviour == second.behaviour
    assert first.divergence == second.divergence
    assert first.score == second.score


@pytest.mark.slow
def test_no_process_outlives_the_verdicts(corpus, lingering) -> None:
    """Hangs, memory bombs and busy loops included: nothing of theirs is still running."""
    left = {}
    for name, v in corpus.items():
        uid = v.isolation.get("uid")
        found = lingering([v.path], uid if isinstance(uid, int) else None)
        if found:
            left[name] = found
    assert not left, left


@pytest.mark.slow
def test_narrow_controls_are_found_whatever_the_seed(verify_env, games_dir) -> None:
    """A game whose only controls are Left and Right must be proven playable for every
    seed, not only for lucky ones: the exploration has to reach every arrow key."""
    game = games_dir / "good_left_right_only.py"
    missed = {}
    for seed in range(8):
        v = studio.verify(game, seconds=SECONDS, seed=seed)
        if not v.playable:
            missed[seed] = f"{v.summary()}; events sent {[r.events_sent for r in v.runs]}"
    assert not missed, missed


# -- real games' shapes (issue 19) -------------------------------------------------------


def _line_of(games_dir: Path, game: str, text: str) -> int:
    """The last line holding ``text`` (the docstring may quote it first)."""
    lines = (games_dir / game).read_text().splitlines()
    return max(n for n, line in enumerate(lines, 1) if text in line)


@pytest.mark.parametrize(
    "game", ["good_breakout_fast_over.py", "good_snake_tutorial.py", "good_restart_n.py"]
)
def test_games_over_within_seconds_are_played_before_they_end(corpus, game: str) -> None:
    """Left alone, these reach a still game-over screen within two seconds; the player must
    have changed the picture before that, and the game must have been restarted after."""
    v = corpus[game]
    idle = _run(v, with_input=False)
    assert idle.distinct_frames <= 15, _excerpt(v)  # a few moving frames, then the still end
    assert v.playable and v.divergence.first_seconds is not None, _excerpt(v)
    assert v.divergence.first_seconds < 1.0, _excerpt(v)
    assert _run(v, with_input=True).distinct_frames > 3 * idle.distinct_frames, _excerpt(v)


def test_exit_on_game_over_after_play_is_a_finished_game(corpus) -> None:
    v = corpus["good_exit_on_miss.py"]
    played = _run(v, with_input=True)
    assert played.stop_reason == "game_exit" and played.game_seconds < 2.0, _excerpt(v)
    assert v.playable and "exits_early" not in v.flags, _excerpt(v)
    unplayed = corpus["bad_exit_unplayed.py"]  # the same end, with nothing the player changed
    assert "exits_early" in unplayed.flags, _excerpt(unplayed)


@pytest.mark.parametrize(
    "game",
    [
        "good_seed_noarg.py",
        "good_datetime_clock.py",
        "good_uuid_secrets.py",
        "good_object_set_order.py",
        "bad_demo_os_seeded.py",
    ],
)
def test_entropy_from_the_os_gives_the_same_frames_for_the_same_seed(corpus, game) -> None:
    v = corpus[game]
    assert v.divergence.deterministic, _excerpt(v)
    assert v.divergence.proof in ("same-seed", ""), _excerpt(v)


def test_an_unreproducible_game_is_proven_beyond_its_noise(corpus) -> None:
    v = corpus["good_urandom_sparkle.py"]
    d = v.divergence
    assert v.playable and not d.deterministic and d.proof == "beyond-noise", _excerpt(v)
    assert d.reaction >= 3 * d.noise > 0, _excerpt(v)
    assert any("proven beyond that noise" in note for note in v.notes), _excerpt(v)
    demo = corpus["bad_noisy_demo.py"]  # all noise, no reaction: still no proof
    assert not demo.divergence.deterministic and not demo.divergence.proof, _excerpt(demo)
    assert any("cannot be proven" in note for note in demo.notes), _excerpt(demo)


@pytest.mark.parametrize(
    ("game", "text"),
    [
        ("bad_stall_sleep_ms.py", "time.sleep(GAME_OVER_PAUSE)"),
        ("bad_stall_level_delay.py", "pygame.time.delay(LEVEL_PAUSE * 1000)"),
        ("bad_stall_busy_wait.py", "while time.time() < end:"),
    ],
)
def test_a_stall_is_a_hang_with_its_line_in_the_report_and_the_repair(
    corpus, games_dir, game, text
) -> None:
    from studio.prompt import repair_messages

    v = corpus[game]
    assert "hang" in v.flags and "ignores_input" not in v.flags, _excerpt(v)
    assert v.error is not None and v.error.type == "Stall", _excerpt(v)
    line = f"line {_line_of(games_dir, game, text)}"
    assert line in v.error.traceback, v.error.traceback
    source = (games_dir / game).read_text()
    prompt = repair_messages("a game", source, v)[-1]["content"]
    assert line in prompt and "Stall" in prompt


def test_a_real_time_block_is_a_hang_with_its_line(corpus, games_dir) -> None:
    v = corpus["bad_blocks_on_loader.py"]
    line = _line_of(games_dir, "bad_blocks_on_loader.py", "level_ready.wait(60)")
    assert v.error is not None and f"line {line}" in v.error.traceback, _excerpt(v)


@pytest.mark.parametrize("game", ["good_yes_no.py", "good_match_case.py"])
def test_keys_bound_to_quitting_are_never_pressed(corpus, game: str) -> None:
    v = corpus[game]
    assert _run(v, with_input=True).stop_reason == "time_up", _excerpt(v)


@pytest.mark.parametrize("game", ["bad_crash_on_restart_key.py", "bad_crash_on_digit.py"])
def test_keys_only_the_game_names_are_pressed_and_their_crash_found(corpus, game) -> None:
    v = corpus[game]
    assert v.error is not None and v.stop_reason == "crash", _excerpt(v)
