"""What every command shares: the error-to-exit-code rule, the stderr console, and the
checks of a folder the command will write to (made before any work)."""

from __future__ import annotations

import contextlib
import functools
import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, TypeVar

import typer
from rich.console import Console

from studio.errors import StudioError, UsageError
from studio.textsafe import markup

if TYPE_CHECKING:
    from studio.gallery.store import Gallery

err_console = Console(stderr=True, highlight=False)

F = TypeVar("F", bound=Callable[..., Any])


def fail(message: str, code: int = 1) -> typer.Exit:
    """Print ``message`` to stderr and return the ``typer.Exit`` to raise.

    Messages carry text from models and games: control characters are shown escaped and
    brackets print as typed (``studio.textsafe``).
    """
    err_console.print(f"[bold red]error:[/] {markup(message)}", markup=True, soft_wrap=True)
    return typer.Exit(code)


def handles_errors(func: F) -> F:
    """Turn a ``StudioError`` raised by the core into a message on stderr and an exit code."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except StudioError as exc:
            raise fail(str(exc), exc.exit_code) from None

    return wrapper  # type: ignore[return-value]


def writable_folder_problem(path: Path) -> str:
    """Why ``path`` cannot become a folder to write in, or ``""`` when it can.

    Nothing is left behind: a hidden folder is made and removed again in ``path``, or, when
    ``path`` does not exist yet, in its nearest existing parent (the only true test: as
    root, or on /proc, permission bits say little).
    """
    if path.exists() and not path.is_dir():
        return f"{path} is a file, not a folder"
    where = path.absolute()
    while not where.is_dir() and where != where.parent:
        if where.exists() or where.is_symlink():
            return f"{where} is a file or a broken link, so {path} cannot be a folder under it"
        where = where.parent
    try:
        probe = tempfile.mkdtemp(prefix=".studio-write-check-", dir=where)
    except OSError as exc:
        what = "the folder" if where == path.absolute() else f"{path} cannot be made: the folder"
        return f"{what} {where} is not writable ({exc.strerror or exc})"
    with contextlib.suppress(OSError):
        os.rmdir(probe)
    return ""


def check_folder_option(path: Path, option: str, envvar: str | None = None) -> None:
    """Raise ``UsageError`` (exit 2) naming ``option`` and the fix when ``path`` cannot be
    written. Called before any work, so that nothing is spent on a run that cannot be kept."""
    problem = writable_folder_problem(path)
    if problem:
        via = f" (or {envvar})" if envvar else ""
        raise UsageError(f"{option}{via}: {problem}. Give {option} a folder you can write to.")


@contextlib.contextmanager
def only_json_on_stdout() -> Iterator[IO[str]]:
    """While the block runs, everything written to stdout goes to stderr, Python's prints
    and the C libraries' writes (pygame's and SDL's banners) alike; the stream yielded is
    the real stdout, for the JSON alone."""
    real = sys.stdout
    real.flush()
    try:
        fd = real.fileno()
    except (AttributeError, OSError, ValueError):  # not a file (a test's capture)
        fd = -1
    if fd != 1:
        with contextlib.redirect_stdout(sys.stderr):
            yield real
        return
    saved = os.dup(1)
    try:
        os.dup2(sys.stderr.fileno(), 1)
        with contextlib.redirect_stdout(sys.stderr), open(saved, "w", closefd=False) as out:
            yield out
            out.flush()
    finally:
        sys.stderr.flush()
        os.dup2(saved, 1)
        os.close(saved)


#: Every command and group: ``-h`` as well as ``--help``.
HELP: dict[str, Any] = {"help_option_names": ["-h", "--help"]}


def is_piped(stream: IO[str]) -> bool:
    """Whether ``stream`` goes to a pipe or a file rather than a terminal (plain text then).
    ``TTY_COMPATIBLE=1`` or ``0`` says it either way, as for rich."""
    forced = os.environ.get("TTY_COMPATIBLE", "")
    if forced in ("0", "1"):
        return forced == "0"
    try:
        return not stream.isatty()
    except (AttributeError, ValueError):
        return True


def open_gallery(override: str | os.PathLike[str] | None = None) -> Gallery:
    """The gallery a command works on; the user's own one (the default, or the one `studio
    config set gallery` chose) gets the shipped showcase the first time it is used."""
    from studio.gallery.location import gallery_location
    from studio.gallery.showcase import seed_shipped
    from studio.gallery.store import Gallery

    root, chosen = gallery_location(override)
    store = Gallery(root)
    if chosen in ("default", "studio config set gallery"):
        try:
            seed_shipped(store)
        except (OSError, StudioError) as exc:  # the user's games still list
            err_console.print(f"warning: the showcase was not added: {markup(exc)}")
    return store


def hide_flag_types() -> None:
    """Help lists flags (``--offline``, ``--json``, ``--help``) without a ``<bool>`` type: a
    flag takes no value. Typer releases that print one get it dropped here."""
    try:
        from typer.core import TyperOption
    except ImportError:  # an older typer: it prints no type for a flag
        return
    shown = getattr(TyperOption, "display_type_rich", None)
    if shown is None or getattr(shown, "_studio", False):
        return

    def display_type_rich(self: Any, ctx: Any) -> str | None:
        if getattr(self, "is_flag", False) or getattr(self, "is_bool_flag", False):
            return None
        shown_type: str | None = shown(self, ctx)  # typer's own method, untyped there
        return shown_type

    display_type_rich._studio = True  # type: ignore[attr-defined]
    TyperOption.display_type_rich = display_type_rich  # type: ignore[method-assign]
