"""What a bench shows while it runs and at the end: a progress bar with its ETA above a
table of the models (rich), or one plain line per sample where stdout is no terminal."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import Any

from rich.console import Console, Group
from rich.live import Live
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table

from studio.bench.stats import STAGES
from studio.textsafe import clean


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.0f}%"


def table(summary: dict[str, Any], labels: dict[str, str], samples: int) -> Table:
    """One row per model: samples, not run, playable@1 and @N before and after repairs,
    mean score, tokens, cost, median time to a playable game."""
    t = Table(
        title="studio bench: playable@k (p@k) at the first verdict and after repairs (fixed)",
        title_justify="left",
    )
    t.add_column("model")
    t.add_column("ran", justify="right")
    t.add_column("not run", justify="right")
    for stage in STAGES:  # "first": the first verdict; "fixed": after repairs
        said = "first" if stage == "first" else "fixed"
        t.add_column(f"p@1 {said}", justify="right")
        t.add_column(f"p@{samples} {said}", justify="right")
    t.add_column("score", justify="right")
    t.add_column("tokens", justify="right")
    t.add_column("cost", justify="right")
    t.add_column("to playable", justify="right")
    for slug, label in labels.items():
        row = summary.get(slug, {}).get("overall")
        if row is None:
            t.add_row(clean(label, newlines=False), "0", "0", *["-"] * (2 * len(STAGES) + 4))
            continue
        curves = [row["playable_at_k"][s] for s in STAGES]
        cells = []
        for c in curves:
            cells += [_pct(c[0] if c else None), _pct(c[-1] if c else None)]
        tokens = row["tokens"]["prompt"] + row["tokens"]["completion"]
        cost = row["cost_usd"]
        to_play = row["median_seconds_to_playable"]
        t.add_row(
            clean(label, newlines=False),
            str(row["ran"]),
            str(row["not_run"]),
            *cells,
            "-" if row["mean_score"] is None else f"{row['mean_score']:.0f}",
            f"{tokens:,}",
            "-" if cost is None else f"${cost:.4f}",
            "-" if to_play is None else f"{to_play:.1f} s",
        )
    return t


class Display:
    """Thread-safe: ``sample(record, summary)`` from the workers."""

    def __init__(
        self, console: Console, total: int, labels: dict[str, str], samples: int, live: bool
    ) -> None:
        self.console = console
        self.total = total
        self.labels = labels
        self.samples = samples
        self.count = 0
        self.summary: dict[str, Any] = {}
        self._lock = threading.Lock()
        self._progress = Progress(
            TextColumn("samples"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            console=console,
        )
        self._task = self._progress.add_task("bench", total=total)
        self._live: Live | None = None
        if live:
            self._live = Live(self._render(), console=console, refresh_per_second=4)

    def _render(self) -> Group:
        return Group(self._progress, table(self.summary, self.labels, self.samples))

    def __enter__(self) -> Display:
        if self._live is not None:
            self._live.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        if self._live is not None:
            self._live.__exit__(None, None, None)

    def sample(self, record: dict[str, Any], summary: dict[str, Any]) -> None:
        with self._lock:
            self.count += 1
            self.summary = summary
            self._progress.update(self._task, advance=1)
            if self._live is not None:
                self._live.update(self._render())
                return
            self.console.print(f"[{self.count}/{self.total}] {line(record)}", markup=False)

    def final(self, summary: dict[str, Any]) -> None:
        """The table at the end (a live display already left it on the screen)."""
        self.summary = summary
        if self._live is None:
            self.console.print(table(summary, self.labels, self.samples))


def line(record: dict[str, Any]) -> str:
    """One sample in words."""
    who = f"{record['model']} · {record['prompt_id']} #{record['sample']}"
    if record["status"] == "not_run":
        return clean(f"{who}: not run ({record['reason']})", newlines=False)
    first, after = record["first"], record["repaired"]
    said = "playable" if after["playable"] else "not playable"
    detail = f"score {after['score']}" + (
        f", {', '.join(after['flags'])}" if after["flags"] else ""
    )
    if record["repairs"]:
        was = "playable" if first["playable"] else "not playable"
        detail += f"; first {was}, {record['repairs']} repair round(s)"
    return clean(f"{who}: {said} ({detail})", newlines=False)


def labels_of(authors: Sequence[Any]) -> dict[str, str]:
    return {a.slug: a.label for a in authors}
