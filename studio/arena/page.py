"""The leaderboard page of the gallery's web site (``leaderboard.html`` beside ``index.html``).

The same numbers as ``studio arena --leaderboard`` (people's ratings with their 95%
intervals, votes and win rates, the judge's in their own columns, the agreement), plus each
source's best games in the gallery: the most preferred in people's votes, then the
verifier's best score, linked to their pages.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

import jinja2

from studio.arena.board import build, entry_records
from studio.arena.pool import gallery_games
from studio.arena.ratings import Rating
from studio.arena.votes import read_votes
from studio.gallery.store import Entry, Gallery

PAGE = "leaderboard.html"
BEST = 3  # games shown per source

log = logging.getLogger("studio.arena")


def _numbers(r: Rating | None) -> dict[str, Any] | None:
    if r is None:
        return None
    return {
        "rating": f"{r.rating:.0f}",
        "interval": f"{r.low:.0f} to {r.high:.0f}",
        "votes": r.games,
        "record": f"{r.wins} won, {r.ties} tied, {r.losses} lost",
        "win_rate": f"{r.win_rate * 100:.0f}%",
    }


def context(gallery: Gallery, entries: Sequence[Entry]) -> dict[str, Any]:
    """What ``leaderboard.html.j2`` needs: one row per source."""
    votes = read_votes(on_warning=log.warning)
    board = build(votes)
    records = entry_records(votes)
    by_source: dict[str, list[dict[str, Any]]] = {}
    for game in gallery_games(gallery, log.warning, entries):
        score, played = records.get(game.key, (0.0, 0))
        thumb = game.entry.thumbnail
        by_source.setdefault(game.source, []).append(
            {
                "title": game.title,
                "key": game.key,
                "page": f"{game.slug}/index.html" if game.slug else "",
                "thumb": f"{game.slug}/{thumb.name}" if game.slug and thumb else "",
                "preferred": f"{score / played * 100:.0f}% of {played} votes" if played else "",
                "rank": (score / played if played else -1.0, game.entry.score),
            }
        )
    rows = []
    for i, row in enumerate(board.rows, 1):
        best = sorted(by_source.get(row.source, []), key=lambda g: g["rank"], reverse=True)
        rows.append(
            {
                "rank": i,
                "source": row.source,
                "people": _numbers(row.people),
                "judge": _numbers(row.judge),
                "best": best[:BEST],
            }
        )
    share = board.agreement.rate
    return {
        "rows": rows,
        "people_votes": board.people_votes,
        "judge_votes": board.judge_votes,
        "agreement": None
        if share is None
        else {
            "agreed": board.agreement.agreed,
            "pairs": board.agreement.pairs,
            "share": f"{share * 100:.0f}%",
        },
    }


def render(
    env: jinja2.Environment, gallery: Gallery, entries: Sequence[Entry], **extra: Any
) -> str:
    """The page's HTML; ``extra`` (the site's title, stylesheet, home link) goes to the template."""
    return env.get_template("leaderboard.html.j2").render(**context(gallery, entries), **extra)
