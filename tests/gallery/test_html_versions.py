"""The web page of a game with versions: side by side, diffs between consecutive versions,
the index showing the latest; checked in real headless Chromium."""

from __future__ import annotations

from pathlib import Path

import pytest

from studio.gallery import html as site
from studio.gallery.store import Gallery

from .cdp import CHROMIUM, Browser
from .helpers import GAME, make_meta
from .test_html import IMAGES_OK, assert_relative_and_present, parse


@pytest.fixture
def versioned(gallery: Gallery, pictures: dict[str, Path]) -> Gallery:
    """gem-fall with three versions (pictures on each), and a one-version game."""
    pics = {"thumbnail": pictures["thumb"], "preview": pictures["gif"]}
    v1 = gallery.add(GAME, make_meta("Gem Fall", prompt="tetris with gems"), **pics)
    v2 = gallery.add_version(
        v1, GAME.replace("* 4", "* 6"), make_meta("Gem Fall", request="faster pieces"), **pics
    )
    gallery.add_version(
        v2,
        GAME.replace("* 4", "* 6").replace("FPS = 30", "FPS = 40"),
        make_meta("Gem Fall", request="smoother frames", score=88),
        thumbnail=pictures["thumb"],
        preview=pictures["webp"],
    )
    gallery.add(GAME, make_meta("Neon Snake"), **pics)
    return gallery


def test_index_shows_the_latest_version_and_links_resolve(versioned: Gallery) -> None:
    index = site.build_site(versioned)
    links = parse(index)
    assert [c["data-slug"] for c in links.cards] == ["gem-fall", "neon-snake"]
    assert links.cards[0]["href"] == "gem-fall/index.html"
    assert_relative_and_present(index, links)
    text = index.read_text()
    assert 'src="gem-fall/versions/3/thumb.png"' in text
    assert 'data-preview="gem-fall/versions/3/preview.webp"' in text
    assert "version 3" in text and "score 88" in text
    page = versioned.root / "gem-fall" / "index.html"
    page_links = parse(page)
    assert_relative_and_present(page, page_links)
    body = page.read_text()
    assert body.count('<figure class="version') == 3
    assert "faster pieces" in body and "smoother frames" in body
    assert "gem-fall@1 &rarr; gem-fall@2" in body and "gem-fall@2 &rarr; gem-fall@3" in body
    assert "studio play gem-fall@2" in body
    single = (versioned.root / "neon-snake" / "index.html").read_text()
    assert 'id="versions"' not in single  # one version: no versions section
    assert not (versioned.root / "gem-fall" / "versions" / "2" / "index.html").exists()


@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed")
def test_versions_page_in_headless_chromium(versioned: Gallery) -> None:
    index = site.build_site(versioned)
    browser = Browser()
    try:
        browser.navigate(index.as_uri())
        images = browser.until(IMAGES_OK, lambda v: all(ok for _, ok in v))
        assert "gem-fall/versions/3/thumb.png" in dict(images)
        browser.navigate((versioned.root / "gem-fall" / "index.html").as_uri())
        images = browser.until(IMAGES_OK, lambda v: all(ok for _, ok in v))
        shown = dict(images)
        for still in ("thumb.png", "versions/2/thumb.png", "versions/3/thumb.png"):
            assert shown.get(still) is True, (still, images)
        assert shown.get("versions/3/preview.webp") is True  # the animated preview loads
        refs = browser.evaluate(
            "[...document.querySelectorAll('.version')].map(v => v.dataset.ref)"
        )
        assert refs == ["gem-fall@1", "gem-fall@2", "gem-fall@3"]
        tops = browser.evaluate(
            "[...document.querySelectorAll('.version')].map(v => v.getBoundingClientRect().top)"
        )
        assert len(set(tops)) == 1  # side by side: one row
        diffs = browser.evaluate(
            "[...document.querySelectorAll('.diff')].map(d => [d.dataset.diff,"
            " d.querySelectorAll('.gd').length, d.querySelectorAll('.gi').length])"
        )
        # the file names (---/+++) and the changed lines: two in @2, one in @3
        assert diffs == [["gem-fall@1..gem-fall@2", 3, 3], ["gem-fall@2..gem-fall@3", 2, 2]]
        current = browser.evaluate("document.querySelector('.version.current').dataset.ref")
        assert current == "gem-fall@3"
        assert browser.errors == [], browser.errors
    finally:
        browser.close()
