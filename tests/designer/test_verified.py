"""The lead's verifier judges every genre and the featured hybrids playable with no flags."""

from __future__ import annotations

from pathlib import Path

import studio

from .catalogue import FEATURED_HYBRIDS, GENRE_PROMPTS
from .conftest import write_games

SECONDS = 8.0


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
