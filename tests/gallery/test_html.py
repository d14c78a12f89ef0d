"""The static site: generated files, relative links, and a real headless Chromium visit."""

from __future__ import annotations

import os
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

from studio.cli import app
from studio.gallery import html as site
from studio.gallery.store import Gallery

from .cdp import CHROMIUM, Browser

REPO = Path(__file__).resolve().parents[2]


class Links(HTMLParser):
    """Collects every href/src and the cards of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self.cards: list[dict[str, str]] = []
        self.scripts_with_src = 0
        self.stylesheets = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        for key in ("href", "src", "data-preview", "data-still"):
            if a.get(key):
                self.urls.append(a[key])
        if tag == "a" and "card" in a.get("class", "").split():
            self.cards.append(a)
        if tag == "script" and a.get("src"):
            self.scripts_with_src += 1
        if tag == "link" and a.get("rel") == "stylesheet":
            self.stylesheets += 1


def parse(path: Path) -> Links:
    links = Links()
    links.feed(path.read_text(encoding="utf-8"))
    return links


def assert_relative_and_present(page: Path, links: Links) -> None:
    for url in links.urls:
        if url.startswith("data:"):
            continue
        assert not re.match(r"^[a-z]+:|^/", url), f"{page.name}: non-relative link {url}"
        assert (page.parent / url).is_file(), f"{page}: {url} points at nothing"


def test_site_has_one_card_per_game_and_relative_links(filled: Gallery) -> None:
    index = site.build_site(filled)
    assert index == filled.root / "index.html"
    links = parse(index)
    assert [c["data-slug"] for c in links.cards] == ["astro-rocks", "gem-fall", "neon-snake"]
    assert links.scripts_with_src == 0  # the script is inline
    assert links.stylesheets == 1 and "gallery.css" in links.urls  # one shared stylesheet
    assert_relative_and_present(index, links)
    text = index.read_text()
    assert 'data-preview="gem-fall/preview.gif"' in text
    assert 'data-preview="neon-snake/preview.webp"' in text
    assert "a game that mixes Tetris and Bejeweled" in text and "score 91" in text
    assert 'class="nothumb"' in text  # astro-rocks has no pictures: no broken <img>
    # the pages still list fine afterwards: the site's files are not taken for entries
    warnings: list[str] = []
    assert len(filled.entries(on_warning=warnings.append)) == 3 and warnings == []


def test_game_page_has_highlighted_code_verdict_and_how_to_play(filled: Gallery) -> None:
    site.build_site(filled)
    page = filled.root / "gem-fall" / "index.html"
    links = parse(page)
    assert_relative_and_present(page, links)
    assert "../index.html" in links.urls
    text = page.read_text()
    assert 'class="code-hl"' in text and '<span class="k">def</span>' in text  # pygments
    assert links.stylesheets == 1 and "../gallery.css" in links.urls
    assert ".code-hl .k {" in (filled.root / "gallery.css").read_text()  # its colours
    assert "playable, score 91, no flags" in text
    assert "studio play gem-fall" in text


def test_titles_and_prompts_are_escaped(gallery: Gallery) -> None:
    from .helpers import GAME, make_meta

    gallery.add(GAME, make_meta("<b>Bold</b>", prompt="<script>alert(1)</script>"))
    text = site.build_site(gallery).read_text()
    assert "<script>alert(1)</script>" not in text and "&lt;script&gt;" in text


def test_cli_html_and_open(filled: Gallery, monkeypatch) -> None:
    opened: list[str] = []
    monkeypatch.setattr(site.webbrowser, "open", lambda url: opened.append(url) or True)
    result = CliRunner().invoke(
        app, ["gallery", "--html", "--open", "--source", "offline", "--gallery", str(filled.root)]
    )
    assert result.exit_code == 0, result.output
    index = filled.root / "index.html"
    assert f"wrote {index} (2 games)" in result.stdout
    assert opened == [index.resolve().as_uri()]
    assert [c["data-slug"] for c in parse(index).cards] == ["neon-snake", "gem-fall"]


IMAGES_OK = """Array.from(document.images).map(i => [i.getAttribute('src'),
    i.complete && i.naturalWidth > 0])"""


@pytest.mark.slow
@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed")
def test_site_in_headless_chromium(filled: Gallery, tmp_path: Path) -> None:
    index = site.build_site(filled)
    browser = Browser()
    try:
        browser.navigate(index.as_uri())
        assert browser.evaluate("document.querySelectorAll('a.card').length") == 3
        images = browser.until(IMAGES_OK, lambda v: all(ok for _, ok in v))
        assert len(images) == 2  # the two games with a thumbnail; the third has a placeholder

        # hovering a card plays its animated preview, leaving shows the still again
        box = browser.evaluate(
            "(() => { const r = document.querySelector('a.card[data-slug=\"gem-fall\"]')"
            ".getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]; })()"
        )
        browser.call("Input.dispatchMouseEvent", type="mouseMoved", x=box[0], y=box[1])
        src = "document.querySelector('a.card[data-slug=\"gem-fall\"] img')"
        playing = browser.until(
            f"[{src}.getAttribute('src'), {src}.complete && {src}.naturalWidth > 0]",
            lambda v: v[1] and v[0].endswith("preview.gif"),
        )
        assert playing == ["gem-fall/preview.gif", True]
        shot = browser.screenshot(tmp_path / "gallery.png")
        browser.call("Input.dispatchMouseEvent", type="mouseMoved", x=1, y=1)
        browser.until(f"{src}.getAttribute('src')", lambda v: v == "gem-fall/thumb.png")

        for slug in ("gem-fall", "neon-snake", "astro-rocks"):
            browser.navigate((filled.root / slug / "index.html").as_uri())
            browser.until(IMAGES_OK, lambda v: all(ok for _, ok in v))
            assert browser.evaluate("document.querySelectorAll('.code-hl span').length") > 50
        assert browser.errors == [], browser.errors

        # the checks can fail: a missing picture is seen both as an error and a broken image
        (filled.root / "neon-snake" / "thumb.png").unlink()
        browser.navigate(index.as_uri())
        images = dict(browser.evaluate(IMAGES_OK))
        assert images["neon-snake/thumb.png"] is False
        assert browser.errors and any("ERR_FILE_NOT_FOUND" in e for e in browser.errors)
    finally:
        browser.close()
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 5000
    print(f"gallery screenshot: {shot}")
    if os.environ.get("STUDIO_ARTIFACTS"):
        target = REPO / "artifacts" / "gallery.png"
        target.parent.mkdir(exist_ok=True)
        shutil.copyfile(shot, target)
        print(f"copied to {target}")


def test_the_index_can_be_filtered_and_pages_say_the_verdict_once(filled: Gallery) -> None:
    index = site.build_site(filled).read_text()
    assert 'id="filter-text"' in index and 'id="filter-genre"' in index
    for genre in ("puzzle", "snake", "shooter"):
        assert f'<option value="{genre}">' in index
    assert 'data-genre="snake"' in index and 'data-text="neon snake a snake game' in index
    page = (filled.root / "gem-fall" / "index.html").read_text()
    assert page.count("playable, score 91, no flags") == 1
    style = (filled.root / "gallery.css").read_text()
    assert "object-fit: contain" in style and "object-fit: cover" not in style  # never cropped


@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed")
def test_filtering_the_index_in_headless_chromium(filled: Gallery) -> None:
    index = site.build_site(filled)
    browser = Browser()
    visible = "[...document.querySelectorAll('a.card')].filter(c => !c.hidden).length"
    try:
        browser.navigate(index.as_uri())
        assert browser.evaluate(visible) == 3
        browser.evaluate(
            "(() => { const i = document.getElementById('filter-text'); i.value = 'snake';"
            " i.dispatchEvent(new Event('input')); })()"
        )
        assert browser.evaluate(visible) == 1
        browser.evaluate(
            "(() => { const i = document.getElementById('filter-text'); i.value = '';"
            " i.dispatchEvent(new Event('input'));"
            " const g = document.getElementById('filter-genre'); g.value = 'shooter';"
            " g.dispatchEvent(new Event('change')); })()"
        )
        assert browser.evaluate(visible) == 1
        assert browser.evaluate("document.getElementById('filter-count').textContent") == "1 of 3"
        assert browser.errors == [], browser.errors
    finally:
        browser.close()
