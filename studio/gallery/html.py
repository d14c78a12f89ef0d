"""The gallery as a static web site: ``index.html`` plus ``<slug>/index.html`` per game.

Everything is inline (CSS, JS, the code's colours) and every link is relative, so the site
works from ``file://`` with no server and no network. Cards show the still thumbnail and play
the animated preview while hovered. The index shows each game's latest version; a game's page
shows that version, then all its versions side by side and the diff between consecutive ones.
"""

from __future__ import annotations

import os
import webbrowser
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup
from pygments import highlight
from pygments.formatters import HtmlFormatter
from pygments.lexers import DiffLexer, PythonLexer

from studio.errors import GalleryError
from studio.gallery.diffs import unified
from studio.gallery.listing import format_score, labels, name_of, short_date
from studio.gallery.store import CODE_FILE, Entry, Gallery, write_text_atomic

INDEX = "index.html"
STYLESHEET = "gallery.css"  # one file beside index.html, shared by every page
PAGE = "index.html"  # inside each entry's folder
CODE_STYLE = "monokai"


def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("studio.gallery", "templates"),
        autoescape=jinja2.select_autoescape(["html", "j2"]),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )


def _initials(title: str) -> str:
    words = [w for w in title.split() if w[:1].isalnum()]
    return "".join(w[0] for w in words[:2]).upper() or "?"


def _card(entry: Entry, prefix: str, label: str | None = None) -> dict[str, Any]:
    """What the templates need about one entry; ``prefix`` is the entry's (version's) folder,
    relative; ``label`` its title as listed (twin titles told apart)."""
    meta = entry.meta
    verdict = meta.get("verdict")
    verdict = verdict if isinstance(verdict, dict) else {}
    flags = ", ".join(verdict.get("flags") or []) or "no flags"
    playable = bool(verdict.get("playable"))
    verdict_line = (
        f"{'playable' if playable else 'not playable'}, score {verdict.get('score', '?')}, {flags}"
        if verdict
        else "not verified"
    )
    tokens = meta.get("tokens") if isinstance(meta.get("tokens"), dict) else {}
    facts = [
        ("source", meta.get("source")),
        ("author", meta.get("author")),
        ("model", meta.get("model")),
        ("preset", meta.get("preset")),
        ("genre", meta.get("genre")),
        ("seed", meta.get("seed")),
        ("created", short_date(entry.created)),
        ("tokens", f"{tokens.get('prompt', 0)} + {tokens.get('completion', 0)}" if tokens else ""),
        ("version", entry.ref),
        ("parent", meta.get("parent")),
        ("request", meta.get("request")),
        ("changed", meta.get("changed")),
    ]
    attempts = []
    for i, attempt in enumerate(meta.get("attempts") or [], 1):
        if isinstance(attempt, dict):
            attempts.append(
                {
                    "n": attempt.get("n", i),
                    "playable": bool(attempt.get("playable")),
                    "score": "-" if attempt.get("score") is None else attempt["score"],
                    "flags": ", ".join(attempt.get("flags") or []) or "-",
                    "reason": attempt.get("reason") or "",
                }
            )
    return {
        "slug": entry.slug,
        "ref": entry.ref,
        "name": name_of(entry),
        "version": entry.version,
        "request": str(meta.get("request") or ""),
        "parent_ref": str(meta.get("parent") or "") if entry.version > 1 else "",
        "title": label or entry.title,
        "initials": _initials(entry.title),
        "prompt": entry.prompt,
        "genre": entry.genre,
        "source": entry.source,
        "score": format_score(entry),
        "controls": meta.get("controls") or "",
        "page": f"{prefix}{PAGE}",
        "code": f"{prefix}{CODE_FILE}",
        "thumb": f"{prefix}{entry.thumbnail.name}" if entry.thumbnail else "",
        "preview": f"{prefix}{entry.preview.name}" if entry.preview else "",
        "playable": playable,
        "verdict_line": verdict_line,
        "verdict_summary": verdict.get("summary") or "",
        "facts": [(k, v) for k, v in facts if v not in (None, "")],
        "attempts": attempts,
    }


def build_site(
    gallery: Gallery, entries: list[Entry] | None = None, *, title: str = "Game gallery"
) -> Path:
    """Write ``index.html`` and one page per game into the gallery folder; return the index."""
    if entries is None:
        entries = gallery.games()
    root = gallery.root
    if root.exists() and not root.is_dir():
        raise GalleryError(f"{root} is a file, not a folder: give --gallery a folder")
    index = root / INDEX
    if not _ours(index):
        raise GalleryError(
            f"{index} was not made by the studio and is left as it is: keep the gallery "
            "in a folder of its own (--gallery DIR)"
        )
    try:
        root.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise GalleryError(f"cannot create the gallery folder {root}: {exc.strerror}") from exc
    env = _environment()
    formatter = HtmlFormatter(cssclass="code-hl", style=CODE_STYLE)
    style = env.loader.get_source(env, "style.css")[0]  # type: ignore[union-attr]
    defs: str = formatter.get_style_defs(".code-hl")  # type: ignore[no-untyped-call]
    _write(root / STYLESHEET, style + "\n" + defs + "\n")
    page = env.get_template("game.html.j2")
    for entry in entries:
        game = root / entry.slug
        versions = _versions(gallery, entry)
        html = page.render(
            card=_card(entry, _relative(entry, game)),
            versions=[_card(v, _relative(v, game)) for v in versions],
            diffs=_diffs(versions, formatter),
            site_title=title,
            home=f"../{INDEX}",
            stylesheet=STYLESHEET,
            code_html=Markup(highlight(_code(entry), PythonLexer(), formatter)),
        )
        _write(game / PAGE, html)
    names = labels(entries)
    cards = []
    for entry in entries:
        card = _card(entry, _relative(entry, root), names[name_of(entry)])
        card["page"] = f"{entry.slug}/{PAGE}"  # the game's page, whichever version is shown
        cards.append(card)
    listing = env.get_template("index.html.j2")
    genres = sorted({g for entry in entries for g in entry.genre.split("+") if g})
    _write(index, listing.render(cards=cards, genres=genres, title=title, stylesheet=STYLESHEET))
    return index


def _relative(entry: Entry, start: Path) -> str:
    """``entry``'s folder from ``start``, as a URL prefix: "", "versions/3/", "gem-fall/"."""
    rel = Path(os.path.relpath(entry.path, start.resolve())).as_posix()
    return "" if rel == "." else f"{rel}/"


def _code(entry: Entry) -> str:
    try:
        return entry.code_path.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise GalleryError(f"cannot read {entry.code_path}: {exc.strerror}") from exc


def _versions(gallery: Gallery, entry: Entry) -> list[Entry]:
    """Every readable version of ``entry``'s game (just ``entry`` when it is not in it)."""
    if not (gallery.root / entry.slug).is_dir():
        return [entry]
    return gallery.versions(entry.slug) or [entry]


def _diffs(versions: list[Entry], formatter: HtmlFormatter[str]) -> list[dict[str, Any]]:
    """The diff of each version against the one before it, coloured by pygments."""
    out = []
    for old, new in zip(versions, versions[1:], strict=False):
        diff = unified(_code(old), _code(new), old.ref, new.ref)
        out.append(
            {
                "old": old.ref,
                "new": new.ref,
                "html": Markup(highlight(diff, DiffLexer(), formatter)) if diff else "",
            }
        )
    return out


def _ours(index: Path) -> bool:
    """True when ``index`` is absent or a page the studio wrote (it names the studio as its
    generator; pages from before that link the gallery's stylesheet): never overwrite a
    person's own page."""
    try:
        with open(index, encoding="utf-8", errors="replace") as fh:
            head = fh.read(4096)
    except FileNotFoundError:
        return True
    except OSError:
        return False
    return 'content="Big Brain studio"' in head or f'href="{STYLESHEET}"' in head


def _write(path: Path, text: str) -> None:
    try:
        write_text_atomic(path, text)
    except OSError as exc:
        raise GalleryError(f"cannot write {path}: {exc.strerror or exc}") from exc


def open_in_browser(index: Path) -> bool:
    """Open the site in the person's browser; False when no browser could be started."""
    return webbrowser.open(Path(os.path.abspath(index)).as_uri())
