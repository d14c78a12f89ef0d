"""The games the arena draws from, their sources, and how pairs are drawn."""

from __future__ import annotations

import json
import random
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from studio.arena.pairs import NoPairs, all_pairs
from studio.arena.pool import collect, prompt_key, source_of
from studio.arena.session import drawer, vote_for
from studio.cli import app
from studio.gallery.store import Gallery

from .conftest import PONG, SNAKE, add, bench_sample, model_meta


def test_sources_name_the_model_the_designer_big_brain_and_one_attempt(tmp_path: Path) -> None:
    assert source_of(model_meta("x", "p", None)) == "offline designer"
    assert source_of(model_meta("x", "p", "gpt-4o")) == "gpt-4o"
    one = model_meta("x", "p", "gpt-4o", attempts=[{"n": 1, "playable": True}])
    assert source_of(one) == "gpt-4o (one attempt)"
    assert source_of(model_meta("x", "p", "gpt-4o", big_brain=True)) == "gpt-4o (Big Brain)"
    run = tmp_path / "run"
    run.mkdir()
    (run / "run.json").write_text(json.dumps({"settings": {"big_brain": True, "attempts": 5}}))
    assert source_of(model_meta("x", "p", "qwen", run_log=str(run))) == "qwen (Big Brain)"
    assert source_of(model_meta("x", "p", "qwen", run_log=str(tmp_path / "gone"))) == "qwen"


def test_the_pool_reads_the_gallery_its_versions_and_bench_samples(
    arena_gallery: Gallery, tmp_path: Path
) -> None:
    snake = next(e for e in arena_gallery.entries() if e.title == "Snake GPT")
    version = snake.path / "versions" / "2"
    version.mkdir(parents=True)
    (version / "game.py").write_text(snake.code_path.read_text())
    meta = dict(snake.meta, version=2, parent=snake.slug, attempts=[{"n": 1}])
    (version / "meta.json").write_text(json.dumps(meta))
    (snake.path / "versions" / "3").mkdir()  # unfinished: skipped with a warning
    bench = tmp_path / "bench-out"
    bench_sample(bench, "qwen2-5-coder", "pong", 1, PONG, "qwen2.5-coder")
    bench_sample(bench, "qwen2-5-coder", "pong", 2, PONG, "qwen2.5-coder")
    broken = bench_sample(bench, "qwen2-5-coder", "pong", 3, PONG, "qwen2.5-coder")
    (broken / "meta.json").write_text("{")
    unplayable = bench_sample(
        bench, "qwen2-5-coder", "snake", 1, SNAKE, "qwen2.5-coder", verdict={"playable": False}
    )
    assert unplayable.is_dir()
    warnings: list[str] = []
    games = collect(arena_gallery, [bench], warnings.append)
    by_key = {g.key: g for g in games}
    assert sorted(by_key) == [
        "bench:bench-out/qwen2-5-coder/pong/1",
        "bench:bench-out/qwen2-5-coder/pong/2",
        "neon-snake",
        "paddles",
        "snake-gpt",
        "snake-gpt@v2",
    ]
    assert by_key["snake-gpt@v2"].source == "gpt-4o-mini (one attempt)"
    assert by_key["snake-gpt@v2"].origin == "version" and by_key["snake-gpt"].slug == "snake-gpt"
    assert by_key["bench:bench-out/qwen2-5-coder/pong/1"].slug is None
    assert len(warnings) == 2
    assert any("version 3 of snake-gpt" in w for w in warnings)
    assert any("pong/3" in w for w in warnings)
    with pytest.raises(Exception, match="no samples/ folder"):
        collect(None, [tmp_path], warnings.append)


def test_pairs_are_one_prompt_two_sources(arena_gallery: Gallery, tmp_path: Path) -> None:
    add(arena_gallery, "Snake Two", SNAKE.upper() + "!", None)  # the same prompt, same source
    games = collect(arena_gallery, [], lambda m: None)
    assert prompt_key("A snake game  in neon colours!") == prompt_key(SNAKE)
    pairs = {frozenset((x.key, y.key)) for x, y in all_pairs(games)}
    assert pairs == {frozenset({"neon-snake", "snake-gpt"}), frozenset({"snake-two", "snake-gpt"})}


def test_a_session_never_repeats_a_pair_and_says_when_none_is_left(
    arena_gallery: Gallery,
) -> None:
    add(arena_gallery, "Snake Qwen", SNAKE, "qwen")
    draw = drawer(collect(arena_gallery, [], lambda m: None), [], judge=False, seed=3)
    seen = [draw.draw().key for _ in range(3)]
    assert len(set(seen)) == 3
    with pytest.raises(NoPairs, match="every pair has been shown in this session"):
        draw.draw()


def test_no_prompt_with_two_sources_says_how_to_make_one(tmp_path: Path) -> None:
    gallery = Gallery(tmp_path / "games")
    add(gallery, "Paddles", PONG, None)
    add(gallery, "Paddles Two", PONG, None)
    draw = drawer(collect(gallery, [], lambda m: None), [], judge=False, seed=0)
    with pytest.raises(NoPairs) as caught:
        draw.draw()
    assert "studio make" in str(caught.value) and "studio bench" in str(caught.value)
    result = CliRunner().invoke(app, ["arena", "--gallery", str(gallery.root)])
    assert result.exit_code == 1
    assert "no prompt has games from two different sources" in result.stderr
    assert "studio bench" in result.stderr


def _first_picks(games, votes, trials: int = 400) -> Counter[frozenset[str]]:
    picks: Counter[frozenset[str]] = Counter()
    rng = random.Random(11)
    for _ in range(trials):
        picks[drawer(games, votes, judge=False, seed=rng.random()).draw().key] += 1
    return picks


def test_pairs_with_few_votes_and_close_ratings_are_favoured(arena_gallery: Gallery) -> None:
    add(arena_gallery, "Snake Qwen", SNAKE, "qwen")
    games = collect(arena_gallery, [], lambda m: None)
    pairs = {frozenset((x.key, y.key)): (x, y) for x, y in all_pairs(games)}
    assert len(pairs) == 3
    even = _first_picks(games, [])
    assert all(90 < n < 180 for n in even.values()), even
    # one pair already has many votes (ties: no rating gap): it is drawn far less
    crowded = frozenset({"neon-snake", "snake-gpt"})
    x, y = pairs[crowded]
    votes = [vote_for(_pair(x, y), "tie", 9, 9) for _ in range(8)]
    picks = _first_picks(games, votes)
    assert picks[crowded] < 40 and min(picks[k] for k in pairs if k != crowded) > 150, picks
    # gpt-4o-mini far ahead of both, the designer and qwen close: their pair is favoured
    q = next(g for g in games if g.key == "snake-qwen")
    d = next(g for g in games if g.key == "neon-snake")
    g = next(g for g in games if g.key == "snake-gpt")
    votes = [vote_for(_pair(g, d), "A", 9, 9) for _ in range(6)]
    votes += [vote_for(_pair(g, q), "A", 9, 9) for _ in range(6)]
    votes += [vote_for(_pair(d, q), "tie", 9, 9) for _ in range(6)]
    picks = _first_picks(games, votes)
    assert picks[frozenset({"neon-snake", "snake-qwen"})] > 300, picks


def _pair(x, y):
    from studio.arena.pairs import Pair

    return Pair(prompt=x.prompt, a=x, b=y)


def test_cli_bench_folder_without_samples_names_the_fix(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["arena", "--bench", str(tmp_path)])
    assert result.exit_code == 1
    assert "no samples/ folder" in result.stderr and "studio bench" in result.stderr
