"""playable@k against a count over every subset; the built-in suite's coverage; --suite
files and bad input."""

from __future__ import annotations

from itertools import combinations
from pathlib import Path

import pytest
from typer.testing import CliRunner

from studio.bench.stats import curve, playable_at_k, summarise
from studio.bench.suite import builtin, from_file, genre_of
from studio.cli import app
from studio.designer.lexicon import GENRES


def by_enumeration(n: int, c: int, k: int) -> float:
    """The share of k-subsets of n samples (c playable) with a playable one."""
    samples = [True] * c + [False] * (n - c)
    subsets = list(combinations(samples, k))
    return sum(1 for s in subsets if any(s)) / len(subsets)


@pytest.mark.parametrize("n", range(1, 8))
def test_the_estimator_is_the_share_of_subsets_with_a_playable_sample(n: int) -> None:
    for c in range(n + 1):
        for k in range(1, n + 1):
            assert playable_at_k(n, c, k) == pytest.approx(by_enumeration(n, c, k))


def test_the_estimator_refuses_what_makes_no_sense() -> None:
    for n, c, k in [(3, 4, 1), (3, 1, 4), (3, 1, 0)]:
        with pytest.raises(ValueError):
            playable_at_k(n, c, k)


def test_a_prompt_with_fewer_samples_than_k_is_left_out_of_that_k() -> None:
    # prompt 1: 3 ran, 1 playable; prompt 2: 1 ran (the others not run), playable
    assert curve([(3, 1), (1, 1)], 3) == pytest.approx(
        [(1 / 3 + 1) / 2, by_enumeration(3, 1, 2), 1.0]
    )
    assert curve([], 2) == [None, None]


def test_not_run_samples_count_apart_and_flags_are_counted() -> None:
    def rec(prompt: str, status: str, first: bool, after: bool, flags: list[str]) -> dict:
        judged = {"playable": after, "score": 80 if after else 10, "flags": flags}
        return {
            "prompt_id": prompt,
            "status": status,
            "first": {"playable": first, "score": 0, "flags": flags},
            "repaired": judged,
            "tokens": {"prompt": 10, "completion": 5},
            "cost_usd": None if status == "not_run" else 0.5,
            "seconds": 4.0 if after else 9.0,
        }

    records = [
        rec("a", "done", False, True, []),
        rec("a", "done", False, False, ["crash"]),
        rec("a", "not_run", False, False, []),
        rec("b", "done", True, True, []),
    ]
    s = summarise(records, 2)
    assert (s["samples"], s["ran"], s["not_run"]) == (4, 3, 1)
    assert s["playable"] == {"first": 1, "repaired": 2}
    # k=2: only prompt a ran twice (b's second sample was not run), none playable at first
    assert s["playable_at_k"]["first"] == pytest.approx([(0 + 1) / 2, 0.0])
    assert s["playable_at_k"]["repaired"] == pytest.approx([(0.5 + 1) / 2, 1.0])
    assert s["flags"] == {"crash": 1}
    assert s["tokens"] == {"prompt": 40, "completion": 20}
    assert s["cost_usd"] is None  # one price unknown: the sum is unknown
    assert s["median_seconds_to_playable"] == 4.0


def test_the_builtin_suite_covers_every_genre_hybrids_and_free_prompts() -> None:
    tasks = builtin()
    assert 24 <= len(tasks) <= 30
    assert len({t.id for t in tasks}) == len(tasks)
    named = {g for t in tasks for g in t.genre.split("+")}
    every = set(GENRES) - {"arcade"}  # arcade: what a prompt naming no genre gets
    assert len(every) >= 30 and every <= named
    assert "match3+tetris" in {t.genre for t in tasks}  # Tetris + Bejeweled
    assert sum("+" in t.genre for t in tasks) >= 4
    assert sum(t.genre == "free" for t in tasks) >= 2
    for t in tasks:  # the labels are the designer's own reading of the prompt
        assert genre_of(t.prompt) == t.genre, t


def test_a_suite_file_is_one_prompt_a_line(tmp_path: Path) -> None:
    path = tmp_path / "s.txt"
    path.write_text("# mine\nTetris meets Bejeweled!\n\n  a cosy game about cats  \nsnake\n")
    tasks = from_file(path)
    assert [t.prompt for t in tasks] == [
        "Tetris meets Bejeweled!",
        "a cosy game about cats",
        "snake",
    ]
    assert [t.genre for t in tasks] == ["match3+tetris", "free", "snake"]
    assert tasks[0].id == "tetris-meets-bejeweled"


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["--suite", "nowhere.txt"], "--suite: no file"),
        (["--suite", "empty.txt"], "holds no prompt"),
        (["--samples", "0"], "--samples must be between 1"),
        (["--seconds", "0"], "--seconds must be between 0 and 600"),
        (["--repairs", "-1"], "--repairs must be 0 or more"),
        (["--concurrency", "0"], "--concurrency must be between 1"),
        (["--resume", "."], "holds no results.json"),
        (["-m", "offline", "-m", "offline"], "names the same model twice"),
    ],
)
def test_bad_input_says_the_fix_before_any_work(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], said: str
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "empty.txt").write_text("# nothing\n")
    result = CliRunner().invoke(
        app, ["bench", "-m", "offline", *args] if "-m" not in args else ["bench", *args]
    )
    assert result.exit_code == 2, result.output
    assert said in result.output
    assert not (tmp_path / "results.json").exists()


def test_an_out_folder_with_something_in_it_is_refused(tmp_path: Path) -> None:
    (tmp_path / "keep.txt").write_text("mine")
    result = CliRunner().invoke(app, ["bench", "-m", "offline", "--out", str(tmp_path)])
    assert result.exit_code == 2
    assert "is not empty" in result.output and "--resume" in result.output
    assert (tmp_path / "keep.txt").read_text() == "mine"
