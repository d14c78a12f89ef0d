"""A hostile or careless user of show, gallery and make (issue 14, items 8, 9 and 11).

Text from prompts, titles, models and games reaches the terminal with its control
characters escaped and its rich markup printed as typed; bad options fail with exit 2
before any work; a winner that cannot be saved is found in the run log.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from studio.cli import app
from studio.errors import GalleryError
from studio.gallery.store import Gallery
from studio.textsafe import clean, dumps, markup, text

from .helpers import GAME, make_meta

runner = CliRunner()
WIDE = {"COLUMNS": "200", "TTY_COMPATIBLE": "1", "TERM": "dumb"}  # a terminal, no colours
#: Sets the window title (OSC 0, ended by BEL), paints red, clears the screen, and an
#: 8-bit CSI (C1 0x9b) and a right-to-left override.
HOSTILE = "\x1b]0;pwned\x07\x1b[31mred\x1b[2J\x9b31m\u202eevil\rover"
RAW = ("\x1b", "\x07", "\x9b", "\u202e", "\r")


def invoke(*args: str, env: dict[str, str] | None = None):
    return runner.invoke(app, list(args), env={**WIDE, **(env or {})})


def assert_no_raw_controls(out: str) -> None:
    for char in RAW:
        assert char not in out, f"{char!r} reached the terminal: {out!r}"


@pytest.fixture
def hostile(gallery: Gallery) -> Gallery:
    meta = make_meta(
        "Evil [red]Title[/red] [/x]" + HOSTILE,
        prompt="a prompt " + HOSTILE,
        model="model" + HOSTILE,
        author="author" + HOSTILE,
        genre="arcade" + HOSTILE,
    )
    meta["attempts"][0]["reason"] = "crash: " + HOSTILE + " [bold]not bold[/bold]"
    meta["attempts"][0]["flags"] = ["crash", 7]  # a hand-edited meta.json
    gallery.add(GAME, meta)
    return gallery


# -- the helper ----------------------------------------------------------------------------


def test_clean_escapes_every_control_character_and_keeps_text() -> None:
    assert clean("plain text, tabs\tand\nnewlines") == "plain text, tabs\tand\nnewlines"
    assert clean(HOSTILE) == "\\x1b]0;pwned\\x07\\x1b[31mred\\x1b[2J\\x9b31m\\u202eevil\\x0dover"
    assert clean("two\nlines", newlines=False) == "two\\x0alines"
    assert clean(None) == "" and clean(42) == "42"
    assert clean("été ünïcödé 🎮") == "été ünïcödé 🎮"


def test_markup_and_text_print_brackets_as_typed(capsys) -> None:
    from rich.console import Console

    console = Console(force_terminal=False, width=200)
    console.print(f"[bold]{markup('[red]x[/red] [/x]' + HOSTILE)}[/]")
    console.print(text("[red]y[/] [/z]" + HOSTILE))
    out = capsys.readouterr().out
    assert "[red]x[/red] [/x]" in out and "[red]y[/] [/z]" in out
    assert_no_raw_controls(out)


def test_dumps_writes_c1_and_bidi_characters_as_escapes() -> None:
    data = {"t": HOSTILE + "é"}
    out = dumps(data)
    assert json.loads(out) == data  # the same data
    assert_no_raw_controls(out)
    assert "é" in out  # readable text stays readable


# -- show and gallery ----------------------------------------------------------------------


def test_show_escapes_control_characters_and_markup(hostile: Gallery) -> None:
    (entry,) = hostile.entries()
    result = invoke("show", entry.slug, "--gallery", str(hostile.root))
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert_no_raw_controls(out)
    assert "Evil [red]Title[/red] [/x]" in out  # the title's markup printed literally
    assert "\\x1b]0;pwned\\x07" in out  # and its escapes shown, not obeyed
    assert "[bold]not bold[/bold]" in out
    assert "crash, 7" in out


def test_show_json_and_gallery_json_carry_no_raw_controls(hostile: Gallery) -> None:
    (entry,) = hostile.entries()
    for args in (["show", entry.slug, "--json"], ["gallery", "--json"]):
        result = invoke(*args, "--gallery", str(hostile.root))
        assert result.exit_code == 0, result.output
        assert_no_raw_controls(result.stdout)
        data = json.loads(result.stdout)
        row = data[0] if isinstance(data, list) else data
        assert row["prompt"] == "a prompt " + HOSTILE  # the data itself is intact


def test_gallery_table_escapes_titles_and_warnings(hostile: Gallery) -> None:
    bad = hostile.root / ("broken\x1b[31m")
    bad.mkdir()
    (bad / "meta.json").write_text("{not json")
    (bad / "game.py").write_text("print(1)\n")
    result = invoke("gallery", "--gallery", str(hostile.root))
    assert result.exit_code == 0, result.output
    assert_no_raw_controls(result.stdout)
    assert_no_raw_controls(result.stderr)
    assert "Evil [red]Title" in result.stdout
    assert "broken\\x1b[31m" in result.stderr  # the warning names the folder, escaped


def test_a_gallery_folder_named_like_markup_is_printed_as_typed(tmp_path: Path) -> None:
    gallery = Gallery(tmp_path / "[bold]games[/x]")
    gallery.add(GAME, make_meta("Plain"))
    result = invoke("gallery", "--gallery", str(gallery.root))
    assert result.exit_code == 0, result.output
    assert "[bold]games[/x]" in result.stdout.replace("\n", "")


def test_error_messages_are_escaped(tmp_path: Path) -> None:
    result = invoke("show", "nope" + HOSTILE + "[/x]", "--gallery", str(tmp_path))
    assert result.exit_code == 1
    assert "no game" in result.stderr and "[/x]" in result.stderr
    assert_no_raw_controls(result.stderr)


# -- make: the options, checked before any work ---------------------------------------------


def run_dirs(home: Path) -> list[Path]:
    runs = home / "runs"
    return list(runs.iterdir()) if runs.is_dir() else []


@pytest.mark.parametrize("value", ["0", "-1", "33"])
def test_make_rejects_attempts_out_of_range(value: str, isolated_user: Path) -> None:
    result = invoke("make", "snake", "--offline", "--attempts", value)
    assert result.exit_code == 2, result.output
    assert "--attempts must be between 1 and 32" in result.stderr
    assert f"not {value}" in result.stderr and "leave it out" in result.stderr
    assert run_dirs(isolated_user) == []  # nothing ran


def test_make_with_a_gallery_that_is_a_file_fails_before_any_work(
    tmp_path: Path, isolated_user: Path
) -> None:
    afile = tmp_path / "games.txt"
    afile.write_text("not a folder\n")
    for gallery in (afile, afile / "games"):
        result = invoke("make", "snake", "--offline", "--attempts", "1", "--gallery", str(gallery))
        assert result.exit_code == 2, result.output
        err = result.stderr.replace("\n", "")
        assert "--gallery" in err and str(afile) in err and "a folder you can write to" in err
    result = invoke("make", "snake", "--offline", env={"STUDIO_GALLERY": str(afile)})
    assert result.exit_code == 2 and "STUDIO_GALLERY" in result.stderr
    assert run_dirs(isolated_user) == []  # no attempt was started
    assert afile.read_text() == "not a folder\n"


@pytest.mark.slow
def test_make_names_where_the_winner_is_kept_when_saving_fails(
    tmp_path: Path, isolated_user: Path, monkeypatch
) -> None:
    def refuse(self, code, meta, **kwargs):
        raise GalleryError(f"cannot write the gallery entry in {self.root}: [Errno 28] No space")

    monkeypatch.setattr(Gallery, "add", refuse)
    gallery = tmp_path / "games"
    result = invoke("make", "snake", "--offline", "--attempts", "1", "--gallery", str(gallery))
    assert result.exit_code == 1, result.output
    err = result.stderr.replace("\n", "")
    assert "No space" in err and "The winning game is kept in the run log" in err
    (run,) = run_dirs(isolated_user)
    kept = run / "attempt-1" / "game.py"
    assert str(kept) in err
    assert "pygame" in kept.read_text()
    assert json.loads((run / "run.json").read_text())["status"] == "gallery_error"


@pytest.mark.slow
def test_make_prints_a_hostile_prompt_escaped(tmp_path: Path) -> None:
    prompt = "snake [red]x[/red] [/x]" + HOSTILE
    result = invoke("make", prompt, "--offline", "--attempts", "1", "--gallery", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert_no_raw_controls(result.output)
    (entry,) = Gallery(tmp_path).entries()
    assert entry.prompt == prompt  # kept as typed, only its printing is escaped


def test_make_escapes_what_the_model_and_its_server_say(tmp_path: Path) -> None:
    try:
        from tests.fakeserver import FakeServer
    except ImportError:  # `pytest` run without the project root on sys.path
        from fakeserver import FakeServer  # type: ignore[no-redef]

    with FakeServer() as server:  # it serves "fake-model" only, and says so quoting the name
        result = invoke(
            "make",
            "snake",
            "--attempts",
            "1",
            "--base-url",
            server.url,
            "--model",
            "model" + HOSTILE + "[/y]",
            "--api-key",
            "sk-hostile-test-key",
            "--gallery",
            str(tmp_path / "games"),
        )
    assert result.exit_code == 1, result.output
    assert_no_raw_controls(result.stdout)
    assert_no_raw_controls(result.stderr)
    assert "[/y]" in result.stdout  # the model's name, as typed
    assert "does not serve the model" in result.stderr
    assert "[/y]" in result.stderr and "\\x1b]0;pwned" in result.stderr


@pytest.mark.slow
def test_make_on_a_terminal_shows_a_hostile_prompt_as_text(tmp_path: Path) -> None:
    prompt = "snake " + HOSTILE
    env = {"FORCE_COLOR": "1", "TERM": "xterm-256color"}  # the live table, as on a terminal
    result = invoke(
        "make", prompt, "--offline", "--attempts", "1", "--gallery", str(tmp_path), env=env
    )
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "\x1b[" in out  # rich's own colours: this was a terminal
    for char in ("\x1b]", "\x07", "\x9b", "\u202e", "\x1b[2J"):  # "\r": rich's own
        assert char not in out, f"{char!r} reached the terminal"
    assert "\\x1b]0;pwned" in out


def test_a_path_with_control_characters_is_escaped_in_errors(tmp_path: Path) -> None:
    missing = tmp_path / ("no" + HOSTILE.replace("\r", "") + "[/x].py")
    result = invoke("test", str(missing))
    assert result.exit_code == 2, result.output
    assert "no game at" in result.stderr and "[/x].py" in result.stderr.replace("\n", "")
    assert_no_raw_controls(result.stderr)


# -- the gallery's web page never replaces a page the studio did not write -------------------

OWN_PAGE = "<html><body>my own home page</body></html>\n"


def test_gallery_html_keeps_a_page_it_did_not_write(filled: Gallery) -> None:
    page = filled.root / "index.html"
    page.write_text(OWN_PAGE)
    result = invoke("gallery", "--html", "--gallery", str(filled.root))
    assert result.exit_code == 1, result.output
    assert "not made by the studio" in result.stderr and "folder of its own" in result.stderr
    assert page.read_text() == OWN_PAGE
    page.unlink()  # with the person's page gone, the site is built, and rebuilt
    assert invoke("gallery", "--html", "--gallery", str(filled.root)).exit_code == 0
    assert invoke("gallery", "--html", "--gallery", str(filled.root)).exit_code == 0
    assert "Big Brain studio" in page.read_text()


def test_gallery_of_a_file_is_a_usage_error(tmp_path: Path) -> None:
    afile = tmp_path / "games"
    afile.write_text("x")
    for html in (["--html"], []):
        result = invoke("gallery", *html, "--gallery", str(afile))
        assert result.exit_code == 2, result.output
        assert "is a file, not a folder" in result.stderr and afile.read_text() == "x"


@pytest.mark.slow
def test_make_saves_the_game_and_keeps_a_page_it_did_not_write(tmp_path: Path) -> None:
    gallery = tmp_path / "site"
    gallery.mkdir()
    (gallery / "index.html").write_text(OWN_PAGE)
    result = invoke("make", "pong", "--offline", "--attempts", "1", "--gallery", str(gallery))
    assert result.exit_code == 0, result.output
    assert len(Gallery(gallery).entries()) == 1  # the game is saved
    assert (gallery / "index.html").read_text() == OWN_PAGE
    assert "the gallery page was not updated" in result.stderr


def test_config_show_and_models_escape_a_hostile_model_name() -> None:
    name = "qwen" + HOSTILE.replace("\r", "")  # stored values are stripped of \r at the ends
    result = invoke("config", "set", "model", name)
    assert result.exit_code == 0, result.output
    assert_no_raw_controls(result.stdout)
    for args in (["config", "show"], ["models", "--preset", "ollama"]):
        result = invoke(*args)
        assert result.exit_code == 0, result.output
        assert_no_raw_controls(result.stdout)
        assert "qwen\\x1b]0;pwned" in result.stdout


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs /proc, where no one can write")
def test_make_with_an_unwritable_gallery_fails_before_any_work(isolated_user: Path) -> None:
    result = invoke("make", "snake", "--offline", "--gallery", "/proc/studio-games")
    assert result.exit_code == 2, result.output
    assert "/proc is not writable" in result.stderr.replace("\n", "")
    assert run_dirs(isolated_user) == []


# -- a linked game.py is not a game: it would be shown, published or run ----------------------


def test_an_entry_whose_game_is_a_link_is_skipped_everywhere(filled: Gallery, tmp_path: Path):
    secret = tmp_path / "id_rsa"
    secret.write_text("-----BEGIN SECRET KEY-----\n")
    entry = filled.get("gem-fall")
    entry.code_path.unlink()
    entry.code_path.symlink_to(secret)
    result = invoke("gallery", "--gallery", str(filled.root))
    assert result.exit_code == 0 and "gem-fall" not in result.stdout
    assert "is a link" in result.stderr
    for args in (["show", "gem-fall"], ["play", "gem-fall"]):
        result = invoke(*args, "--gallery", str(filled.root))
        assert result.exit_code == 1 and "is a link" in result.stderr, result.output
    result = invoke("gallery", "--html", "--gallery", str(filled.root))
    assert result.exit_code == 0, result.output
    pages = "".join(p.read_text() for p in filled.root.rglob("*.html"))
    assert "SECRET" not in pages


def test_play_refuses_a_link_to_what_is_not_python(tmp_path: Path) -> None:
    secret = tmp_path / "shadow"
    secret.write_text("root:$6$s3cr3t:19000::::::\n")
    link = tmp_path / "game.py"
    link.symlink_to(secret)
    result = invoke("play", str(link), env={"DISPLAY": ":0"})
    assert result.exit_code == 2, result.output
    assert "not a Python file" in result.stderr and "s3cr3t" not in result.output
