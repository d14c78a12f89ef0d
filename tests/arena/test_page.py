"""The gallery site's leaderboard page: the leaderboard's numbers, each source's best games,
linked from the index; checked in real headless Chromium."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from studio.arena.board import build
from studio.arena.votes import Vote, append_votes, read_votes
from studio.cli import app
from studio.gallery import html as site
from studio.gallery.store import Gallery
from tests.gallery.cdp import CHROMIUM, Browser

from .conftest import SNAKE, add


@pytest.fixture
def voted(tmp_path: Path, pictures: dict[str, Path]) -> Gallery:
    """Three snake games by three sources, with people's and a judge's votes."""
    gallery = Gallery(tmp_path / "games")
    art = {"thumb": pictures["thumb"], "preview": pictures["webp"]}
    add(gallery, "Neon Snake", SNAKE, None, pictures=art)
    add(gallery, "Snake GPT", SNAKE, "gpt-4o", pictures=art)
    add(gallery, "Snake GPT Two", SNAKE, "gpt-4o", score=40)
    add(gallery, "Snake Qwen", SNAKE, "qwen")
    sources = {"neon-snake": "offline designer", "snake-gpt": "gpt-4o", "snake-qwen": "qwen"}
    sources["snake-gpt-two"] = "gpt-4o"

    def vote(a: str, b: str, choice: str, judge: bool = False) -> Vote:
        return Vote(
            prompt=SNAKE,
            a=a,
            b=b,
            source_a=sources[a],
            source_b=sources[b],
            vote=choice,
            seconds_a=9,
            seconds_b=9,
            judge=judge,
            judge_model="vision" if judge else None,
        )

    append_votes(
        [vote("snake-gpt", "neon-snake", "A")] * 5
        + [vote("neon-snake", "snake-gpt-two", "A")] * 2
        + [vote("snake-qwen", "neon-snake", "B")] * 3
        + [vote("snake-qwen", "snake-gpt", "tie")] * 2
        + [vote("neon-snake", "snake-gpt", "B", judge=True)] * 2
    )
    return gallery


def test_gallery_html_writes_the_leaderboard_linked_from_the_index(voted: Gallery) -> None:
    result = CliRunner().invoke(app, ["gallery", "--html", "--gallery", str(voted.root)])
    assert result.exit_code == 0, result.output
    index = (voted.root / "index.html").read_text()
    assert 'href="leaderboard.html"' in index
    page = " ".join((voted.root / "leaderboard.html").read_text().split())
    assert "12 votes by people" in page and "2 by a judge" in page
    assert 'href="snake-gpt/index.html"' in page and 'src="snake-gpt/thumb.png"' in page
    assert "agreed with people on 1 of 1 pairs" in page


@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed")
def test_the_leaderboard_page_in_headless_chromium(voted: Gallery) -> None:
    index = site.build_site(voted)
    board = build(read_votes()).to_dict()
    rows = """[...document.querySelectorAll('tr.row')].map(r => [r.dataset.source,
        r.querySelector('.rating').textContent.trim(),
        r.querySelector('.interval').textContent.trim(),
        r.querySelector('.votes').textContent.trim(),
        r.querySelector('.win-rate').textContent.trim(),
        r.querySelector('.judge-votes').textContent.trim(),
        [...r.querySelectorAll('.best li')].map(
            li => li.textContent.trim().split(/\\s+/).join(' ')),
        [...r.querySelectorAll('.best a')].map(a => a.getAttribute('href'))])"""
    images = """[...document.images].map(i => [i.getAttribute('src'),
        i.complete && i.naturalWidth > 0])"""
    browser = Browser()
    try:
        browser.navigate(index.as_uri())
        href = browser.evaluate("document.getElementById('leaderboard').href")
        assert href == (voted.root / "leaderboard.html").as_uri()
        browser.navigate(href)
        shown = browser.evaluate(rows)
        assert [r[0] for r in shown] == [s["source"] for s in board["sources"]]
        for row, numbers in zip(shown, board["sources"], strict=True):
            people, judge = numbers["people"], numbers["judge"]
            assert row[1] == f"{people['rating']:.0f}"
            assert row[2] == f"{people['low']:.0f} to {people['high']:.0f}"
            assert row[3] == str(people["votes"])
            assert row[4] == f"{people['win_rate'] * 100:.0f}%"
            assert row[5] == str(judge["votes"] if judge else 0)
        gpt = next(r for r in shown if r[0] == "gpt-4o")
        # its best game first: 5 wins and 2 ties in 7 votes, before the one that lost both
        assert gpt[6][0].startswith("Snake GPT preferred in 86% of 7 votes")
        assert gpt[6][1].startswith("Snake GPT Two preferred in 0% of 2 votes")
        assert gpt[7] == ["snake-gpt/index.html", "snake-gpt-two/index.html"]
        assert browser.until(images, lambda v: v and all(ok for _, ok in v))
        agreement = browser.evaluate("document.getElementById('agreement').textContent")
        assert " ".join(agreement.split()) == (
            "The judge agreed with people on 1 of 1 pairs both voted on (100%)."
        )
        browser.navigate((voted.root / "leaderboard.html").as_uri())
        browser.evaluate("document.querySelector('.best a').click()")
        browser.wait_for("Page.loadEventFired")
        assert browser.evaluate("location.href").endswith("/snake-gpt/index.html")
        assert browser.errors == [], browser.errors
    finally:
        browser.close()
