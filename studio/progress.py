"""Live progress of a run: one row per attempt, its state, tokens, time and verdict.

On a terminal it is a rich ``Live`` table redrawn a few times a second (like a research
agent's progress panel); anywhere else (a pipe, a log file, a test) it prints one plain
line per state change. ``--show-thinking`` streams the model's thinking text, line by line,
above the table (or as plain lines).

The states it shows are the attempt's (``studio.lifecycle.AttemptState``); it only reads them.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

from rich.console import Console
from rich.live import Live
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from studio.lifecycle import FINAL_STATES, AttemptState

STYLES: dict[AttemptState, str] = {
    AttemptState.WAITING: "dim",
    AttemptState.DESIGNING: "magenta",
    AttemptState.THINKING: "magenta",
    AttemptState.WRITING: "cyan",
    AttemptState.VERIFYING: "yellow",
    AttemptState.REPAIRING: "yellow",
    AttemptState.DONE: "bold green",
    AttemptState.FAILED: "red",
    AttemptState.CANCELLED: "dim",
}


class Progress(Protocol):
    """What the runner and the attempts report to; implementations must be thread-safe."""

    def start(self, attempts: int) -> None: ...

    def update(
        self,
        n: int,
        state: AttemptState,
        *,
        tokens: int | None = None,
        round: int | None = None,
        detail: str | None = None,
    ) -> None: ...

    def thinking(self, n: int, text: str) -> None: ...

    def note(self, text: str) -> None: ...

    def stop(self) -> None: ...


@dataclass
class Row:
    n: int
    state: AttemptState = AttemptState.WAITING
    tokens: int = 0
    round: int = 0
    detail: str = ""
    started: float = field(default_factory=time.monotonic)
    ended: float | None = None

    def state_text(self) -> str:
        if self.state == AttemptState.REPAIRING:
            return f"repairing {self.round}"
        if self.round and self.state not in FINAL_STATES:
            return f"{self.state} (repair {self.round})"
        return self.state


class _Base:
    """Shared bookkeeping: rows and the per-attempt thinking line buffers."""

    def __init__(self, show_thinking: bool = False) -> None:
        self.rows: dict[int, Row] = {}
        self.show_thinking = show_thinking
        self._buffers: dict[int, str] = {}
        self._lock = threading.RLock()

    def start(self, attempts: int) -> None:
        with self._lock:
            for n in range(1, attempts + 1):
                self.rows.setdefault(n, Row(n))

    def update(
        self,
        n: int,
        state: AttemptState,
        *,
        tokens: int | None = None,
        round: int | None = None,
        detail: str | None = None,
    ) -> None:
        with self._lock:
            self._apply(n, state, tokens, round, detail)

    def _apply(
        self, n: int, state: AttemptState, tokens: int | None, round: int | None, detail: str | None
    ) -> tuple[Row, bool]:
        row = self.rows.setdefault(n, Row(n))
        changed = state != row.state or (round is not None and round != row.round)
        row.state = state
        if tokens is not None:
            row.tokens = tokens
        if round is not None:
            row.round = round
        if detail is not None:
            row.detail = detail
        if state in FINAL_STATES and row.ended is None:
            row.ended = time.monotonic()
        return row, changed

    def _thinking_lines(self, n: int, text: str) -> list[str]:
        buf = self._buffers.get(n, "") + text
        *lines, rest = buf.split("\n")
        self._buffers[n] = rest
        return [line for line in lines if line.strip()]

    def _flush_thinking(self) -> list[tuple[int, str]]:
        out = [(n, rest) for n, rest in self._buffers.items() if rest.strip()]
        self._buffers.clear()
        return out


class PlainProgress(_Base):
    """One line per state change, for pipes and logs."""

    def __init__(self, write: Callable[[str], None], show_thinking: bool = False) -> None:
        super().__init__(show_thinking)
        self._write = write
        self._said: dict[str, int] = {}  # failure reason -> the attempt that reported it

    def update(
        self,
        n: int,
        state: AttemptState,
        *,
        tokens: int | None = None,
        round: int | None = None,
        detail: str | None = None,
    ) -> None:
        with self._lock:
            row, changed = self._apply(n, state, tokens, round, detail)
            if changed:
                line = f"attempt {n}: {row.state_text()}"
                same = self._said.get(row.detail) if row.state == AttemptState.FAILED else None
                if same is not None:
                    line += f" (same as attempt {same})"  # e.g. a refused key: said once
                elif row.state in FINAL_STATES and row.detail:
                    line += f": {row.detail}"
                    self._said.setdefault(row.detail, n)
                elif row.state == AttemptState.WRITING and row.tokens:
                    line += f" ({row.tokens} tokens so far)"
                self._write(line)

    def thinking(self, n: int, text: str) -> None:
        if not self.show_thinking:
            return
        with self._lock:
            for line in self._thinking_lines(n, text):
                self._write(f"attempt {n} thinks: {line}")

    def note(self, text: str) -> None:
        with self._lock:
            self._write(text)

    def stop(self) -> None:
        with self._lock:
            for n, rest in self._flush_thinking():
                self._write(f"attempt {n} thinks: {rest}")


class LiveProgress(_Base):
    """A rich ``Live`` table on a terminal, refreshed a few times a second."""

    def __init__(self, console: Console, title: str = "", show_thinking: bool = False) -> None:
        super().__init__(show_thinking)
        self.console = console
        self.title = title
        self._live: Live | None = None

    def start(self, attempts: int) -> None:
        super().start(attempts)
        self._live = Live(
            get_renderable=self.table,
            console=self.console,
            refresh_per_second=8,
            transient=True,  # the final attempts table replaces it
        )
        self._live.start()

    def table(self) -> Table:
        """The panel: attempt, state, tokens, time, verdict."""
        with self._lock:
            title = Text(self.title) if self.title else None
            table = Table(title=title, expand=False, title_justify="left")
            # the names of the final attempts table's columns: one table, said one way
            table.add_column("#", justify="right")
            table.add_column("status")
            table.add_column("tokens", justify="right")
            table.add_column("time", justify="right")
            table.add_column("reason", overflow="fold", max_width=70)
            now = time.monotonic()
            for row in sorted(self.rows.values(), key=lambda r: r.n):
                spent = (row.ended or now) - row.started
                table.add_row(
                    str(row.n),
                    Text(row.state_text(), style=STYLES.get(row.state, "")),
                    str(row.tokens) if row.tokens else "",
                    f"{spent:.0f}s" if row.state != AttemptState.WAITING else "",
                    Text(row.detail),
                )
            return table

    def thinking(self, n: int, text: str) -> None:
        if not self.show_thinking:
            return
        with self._lock:
            for line in self._thinking_lines(n, text):
                self.console.print(f"[dim][{n}] {escape(line)}[/]", highlight=False)

    def note(self, text: str) -> None:
        self.console.print(Text(text))

    def stop(self) -> None:
        with self._lock:
            for n, rest in self._flush_thinking():
                self.console.print(f"[dim][{n}] {escape(rest)}[/]", highlight=False)
        if self._live is not None:
            self._live.stop()
            self._live = None


class NullProgress(_Base):
    """Keeps the rows and prints nothing (library use, benchmarks)."""

    def thinking(self, n: int, text: str) -> None:
        return None

    def note(self, text: str) -> None:
        return None

    def stop(self) -> None:
        return None


def make_progress(console: Console, *, title: str = "", show_thinking: bool = False) -> Progress:
    """A live table when ``console`` is a terminal, plain lines otherwise."""
    if console.is_terminal and not console.is_dumb_terminal:
        return LiveProgress(console, title=title, show_thinking=show_thinking)

    def write(line: str) -> None:
        console.print(Text(line), soft_wrap=True)

    return PlainProgress(write, show_thinking=show_thinking)
