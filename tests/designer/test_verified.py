"""The lead's verifier judges every genre and the featured hybrids playable with no flags."""

from __future__ import annotations

from pathlib import Path

import pytest

import studio

from .catalogue import FEATURED_HYBRIDS, GENRE_PROMPTS
from .conftest import write_games

SECONDS = 8.0


@pytest.mark.slow
def test_genres_and_hybrids_pass_the_verifier_with_no_flags(games_dir: Path) -> None:
    games = write_games(games_dir, list(GENRE_PROMPTS.values()), seeds=[2, 7])
    hybrids = games_dir / "hybrids"
    hybrids.mkdir()
    games.update(write_games(hybrids, FEATURED_HYBRIDS, seeds=[4]))
    paths = sorted(games)
    verdicts = studio.verify_many(paths, seconds=SECONDS, seed=1)
    failures = [
        f"{games[path][0]!r} seed {games[path][1]}: {verdict.summary()} {verdict.reasons()}"
        for path, verdict in zip(paths, verdicts, strict=True)
        if not verdict.playable or verdict.flags
    ]
    assert len(verdicts) == len(paths)
    assert not failures, "\n".join(failures)


@pytest.mark.slow
def test_a_wide_sample_of_prompts_and_seeds_passes_the_verifier(games_dir: Path) -> None:
    """Property-style: any genre or ordered pair of genres, any seed. The draw is fixed (so a
    failure reproduces) but wide: 24 of the 169 prompts, each with a seed out of a million."""
    import random

    from studio.designer import make_game

    from .catalogue import all_prompts

    rng = random.Random(20261130)
    prompts = all_prompts()
    combos = [(rng.choice(prompts), rng.randrange(1_000_000)) for _ in range(24)]
    paths = []
    for i, (prompt, seed) in enumerate(combos):
        path = games_dir / f"sample{i:02d}.py"
        path.write_text(make_game(prompt, seed).code)
        paths.append(path)
    verdicts = studio.verify_many(paths, seconds=SECONDS, seed=5)
    failures = [
        f"{prompt!r} seed {seed}: {verdict.summary()} {verdict.reasons()}"
        for (prompt, seed), verdict in zip(combos, verdicts, strict=True)
        if not verdict.playable or verdict.flags
    ]
    assert not failures, "\n".join(failures)
