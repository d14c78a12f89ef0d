"""Choosing and showing entries in the terminal: filters, sort orders, the table, one game.

Every text from an entry (a prompt, a title, a model's name, an attempt's reason) is shown
through ``studio.textsafe``: its control characters escaped, its brackets printed as typed.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from studio.errors import UsageError
from studio.gallery.store import Entry
from studio.textsafe import clean, text

SORTS = ("score", "date", "title")
SOURCES = ("model", "offline")


def select(
    entries: Iterable[Entry],
    *,
    sort: str = "date",
    genre: str | None = None,
    source: str | None = None,
    min_score: float | None = None,
    search: str | None = None,
) -> list[Entry]:
    """Filter then sort: score and date put the best and newest first, title is A to Z."""
    if sort not in SORTS:
        raise UsageError(f"unknown sort {sort!r}: use one of {', '.join(SORTS)}")
    if source is not None and source not in SOURCES:
        raise UsageError(f"unknown source {source!r}: use one of {', '.join(SOURCES)}")
    chosen = []
    needle = (search or "").strip().lower()
    for entry in entries:
        if genre and genre.lower() not in entry.genre.lower():
            continue
        if source and entry.source != source:
            continue
        if min_score is not None and entry.score < min_score:
            continue
        if needle and needle not in _haystack(entry):
            continue
        chosen.append(entry)
    if sort == "score":
        chosen.sort(key=lambda e: (-e.score, e.title.lower(), e.slug, e.version))
    elif sort == "date":
        chosen.sort(key=lambda e: (e.created, e.slug, e.version), reverse=True)
    else:
        chosen.sort(key=lambda e: (e.title.lower(), e.slug, e.version))
    return chosen


def _haystack(entry: Entry) -> str:
    meta = entry.meta
    parts = [entry.slug, entry.title, entry.prompt, entry.genre, str(meta.get("author") or "")]
    parts += [str(meta.get("model") or ""), str(meta.get("request") or "")]
    return " ".join(parts).lower()


def short_date(created: str) -> str:
    """``2026-11-30T01:02:03Z`` -> ``2026-11-30 01:02``; anything else as given."""
    if len(created) >= 16 and created[10] == "T":
        return f"{created[:10]} {created[11:16]}"
    return created


def format_score(entry: Entry) -> str:
    score = entry.score
    return f"{score:.0f}" if score == int(score) else f"{score:.1f}"


def labels(entries: Iterable[Entry]) -> dict[str, str]:
    """Each entry's title as listed, by ``name_of(entry)``: two games with the same title are
    told apart by their prompts (when those differ) or by their slugs; the versions of one
    game share its title."""
    entries = list(entries)
    by_title: dict[str, list[Entry]] = {}
    for entry in entries:
        twins = by_title.setdefault(" ".join(entry.title.lower().split()), [])
        if all(t.slug != entry.slug for t in twins):
            twins.append(entry)
    out = {}
    for entry in entries:
        twins = by_title[" ".join(entry.title.lower().split())]
        if len(twins) == 1:
            out[name_of(entry)] = entry.title
            continue
        prompts = [t.prompt.strip().lower() for t in twins]
        mine = entry.prompt.strip()
        if mine and prompts.count(mine.lower()) == 1:
            short = mine if len(mine) <= 40 else mine[:39].rstrip() + "..."
            out[name_of(entry)] = f'{entry.title} ("{short}")'
        else:
            out[name_of(entry)] = f"{entry.title} [{entry.slug}]"
    return out


def table(
    entries: list[Entry],
    title: str | Text | None = None,
    width: int = 120,
    counts: dict[str, int] | None = None,
    refs: bool = False,
) -> Table:
    """The gallery as a rich table: title, genre, source, score, date, slug (and, given
    ``counts`` and a game with more than one version, how many versions each game has).
    Nothing is cut to "...": long titles wrap; below 100 columns the date is left out, below
    80 the source too, so that the rest fits ``width``. ``refs``: name each row ``slug@N``
    (a listing of every version), not by its game's slug."""
    narrow, dated = width < 80, width >= 100
    out = Table(title=title, title_justify="left", expand=False)
    out.add_column("title", style="bold", overflow="fold", min_width=12)
    out.add_column("genre", overflow="fold", min_width=6)
    if not narrow:
        out.add_column("source", no_wrap=True, min_width=7)
    out.add_column("score", justify="right", no_wrap=True, min_width=5)
    if dated:
        out.add_column("date", no_wrap=True, min_width=16)
    shown = counts if counts and any(counts.get(e.slug, 1) > 1 for e in entries) else None
    if shown is not None:
        out.add_column("versions", justify="right", no_wrap=True)
    out.add_column("slug", style="cyan", overflow="fold", min_width=10)
    names = labels(entries)
    for entry in entries:
        source = entry.source or "?"
        cells: list[Any] = [
            text(names[name_of(entry)], newlines=False),
            text(entry.genre or "-", newlines=False),
        ]
        if not narrow:
            cells.append(text(source, "green" if source == "model" else "yellow", newlines=False))
        cells.append(format_score(entry))
        if dated:
            cells.append(text(short_date(entry.created) or "-", newlines=False))
        if shown is not None:
            cells.append(str(shown.get(entry.slug, 1)))
        cells.append(text(entry.ref if refs else entry.slug, newlines=False))
        out.add_row(*cells)
    return out


TSV_COLUMNS = ("slug", "title", "genre", "source", "score", "date")


def tsv(entries: list[Entry], refs: bool = False) -> str:
    """The gallery as plain tab-separated lines, one game a line, for pipes (as gh does):
    slug (``slug@N`` with ``refs``), title, genre, source, score, date; tabs and newlines in
    a value become spaces."""
    names = labels(entries)
    lines = []
    for entry in entries:
        values = (
            entry.ref if refs else entry.slug,
            names[name_of(entry)],
            entry.genre,
            entry.source,
            format_score(entry),
            short_date(entry.created),
        )
        lines.append("\t".join(" ".join(clean(v).split()) for v in values))
    return "\n".join(lines) + ("\n" if lines else "")


def name_of(entry: Entry) -> str:
    """What to type to get this entry: its slug for version 1, ``slug@N`` after."""
    return entry.slug if entry.version == 1 else entry.ref


def as_row(entry: Entry, versions: int | None = None) -> dict[str, Any]:
    """One entry for ``--json``: its slug, version, ref, folder and metadata."""
    row = {
        **entry.meta,
        "slug": entry.slug,
        "version": entry.version,
        "ref": entry.ref,
        "path": str(entry.path),
        "code": str(entry.code_path),
    }
    if versions is not None:
        row["versions"] = versions
    return row


def show(entry: Entry) -> RenderableType:
    """Everything about one game: metadata, verdict, attempts, where the code is, how to play."""
    meta = entry.meta
    facts = Table.grid(padding=(0, 2))
    facts.add_column(style="bold")
    facts.add_column()
    verdict = meta.get("verdict") if isinstance(meta.get("verdict"), dict) else {}
    told = meta.get("tokens")
    tokens: dict[str, Any] = told if isinstance(told, dict) else {}
    offline = meta.get("source") == "offline"
    understood = str(meta.get("understood") or "").removeprefix("understood: ")
    run_seed = meta.get("run_seed")
    rows: list[tuple[str, Any]] = [
        ("slug", entry.slug),
        ("version", entry.ref),
        ("prompt", meta.get("prompt")),
        ("request", meta.get("request")),
        ("changed", meta.get("changed")),
        ("genre", meta.get("genre")),
        ("source", meta.get("source")),
        ("author", meta.get("author")),
        ("model", meta.get("model")),
        ("preset", meta.get("preset")),
        (
            "run seed",
            None if run_seed is None else f"{run_seed} (make it again: --seed {run_seed})",
        ),
        ("attempt seed", meta.get("seed")),
        ("score", format_score(entry)),
        ("created", meta.get("created")),
        ("time", _seconds(meta.get("time_seconds"))),
        ("tokens", None if offline else _tokens(tokens)),
        ("cost", None if offline else _cost(meta.get("cost_usd"))),
        ("parent", meta.get("parent")),
        ("controls", meta.get("controls")),
        ("understood", understood),
    ]
    for key, value in rows:
        if value not in (None, "", {}):
            facts.add_row(key, text(value))

    crash = _last_crash(meta)
    if crash:
        facts.add_row("crashed", text(crash + f" (fix it: studio fix {entry.ref})"))
    parts: list[RenderableType] = [facts]
    if verdict:
        state = "playable" if verdict.get("playable") else "not playable"
        flags = ", ".join(map(str, verdict.get("flags") or [])) or "no flags"
        line = Text.assemble(
            ("verdict: ", "bold"),
            (state, "green" if verdict.get("playable") else "red"),
            text(f", score {verdict.get('score', '?')}, {flags}"),
        )
        parts.append(line)
        summary = str(verdict.get("summary") or "")
        if summary and summary != line.plain.removeprefix("verdict: "):
            parts.append(text(summary, "dim"))
    attempts = meta.get("attempts") or []
    if isinstance(attempts, list) and attempts:
        parts.append(_attempts_table(attempts, tokens=not offline))
    title = text(entry.title, newlines=False)  # a str title would be read as markup
    return Panel(Group(*parts), title=title, title_align="left", expand=False)


def where(entry: Entry) -> list[Text]:
    """Where the game's files are and how to play it: one line each, outside the box, so a
    long path prints whole and copies cleanly."""
    lines = [
        ("code", str(entry.code_path)),
        ("thumbnail", str(entry.thumbnail) if entry.thumbnail else None),
        ("preview", str(entry.preview) if entry.preview else None),
        ("run log", entry.meta.get("run_log")),
        ("play", f"studio play {name_of(entry)}"),
    ]
    return [
        Text.assemble((f"{key}: ", "bold"), text(value, newlines=False))
        for key, value in lines
        if value
    ]


def _attempts_table(attempts: list[Any], *, tokens: bool = True) -> Table:
    out = Table(title="attempts", title_justify="left")
    columns = ("#", "playable", "score", "flags", "reason", "tokens")
    for column in columns if tokens else columns[:-1]:
        out.add_column(column, justify="right" if column in ("#", "score") else "left")
    for i, attempt in enumerate(attempts, 1):
        if not isinstance(attempt, dict):
            continue
        playable = attempt.get("playable")
        used = attempt.get("tokens")
        cells: list[Any] = [
            text(attempt.get("n", i)),
            Text("yes" if playable else "no", style="green" if playable else "red"),
            "-" if attempt.get("score") is None else text(attempt["score"]),
            text(", ".join(map(str, attempt.get("flags") or [])) or "-"),
            text(attempt.get("reason") or ""),
        ]
        if tokens:
            cells.append(text(_tokens(used) if isinstance(used, dict) else str(used or "")))
        out.add_row(*cells)
    return out


def _last_crash(meta: dict[str, Any]) -> str:
    """``3 times while played, last 2026-12-01 00:10: ZeroDivisionError: ...``, or ``""``."""
    crashes = meta.get("crashes")
    kept = [c for c in crashes if isinstance(c, dict)] if isinstance(crashes, list) else []
    if not kept:
        return ""
    last = kept[-1]
    lines = [ln.strip() for ln in str(last.get("traceback") or "").splitlines() if ln.strip()]
    times = "once" if len(kept) == 1 else f"{len(kept)} times"
    when = short_date(str(last.get("time") or "")) or "?"
    return f"{times} while played, last {when}: {lines[-1] if lines else 'no traceback'}"


def _tokens(tokens: dict[str, Any]) -> str | None:
    if not tokens:
        return None
    return f"{tokens.get('prompt', 0)} prompt + {tokens.get('completion', 0)} completion"


def _seconds(value: Any) -> str | None:
    return f"{float(value):.1f} s" if isinstance(value, int | float) else None


def _cost(value: Any) -> str | None:
    return f"${float(value):.4f}" if isinstance(value, int | float) else None
