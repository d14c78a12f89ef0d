"""One gallery per user wherever the command runs: where it is, what chooses it, the shipped
showcase in a new user's gallery, config in the config dir, rm and rename, twin titles."""

from __future__ import annotations

import fnmatch
import json
import tomllib
from pathlib import Path

import pytest
from typer.testing import CliRunner

from studio.cli import app
from studio.gallery import listing
from studio.gallery.location import gallery_location
from studio.gallery.showcase import SEEDED_MARKER, seed_shipped, shipped_showcase
from studio.gallery.store import Gallery
from studio.models import config as store
from studio.paths import config_dir, user_dir

from .helpers import GAME, make_meta

REPO = Path(__file__).resolve().parents[2]
runner = CliRunner()
TERMINAL = {"COLUMNS": "200", "TTY_COMPATIBLE": "1", "TERM": "dumb"}


def invoke(*args: str, env: dict[str, str] | None = None):
    return runner.invoke(app, list(args), env={**TERMINAL, **(env or {})})


@pytest.fixture
def user_gallery(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """No STUDIO_GALLERY: the gallery is the user's own, and the command runs elsewhere."""
    monkeypatch.delenv("STUDIO_GALLERY")
    elsewhere = tmp_path / "somewhere-else"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    return user_dir() / "games"


def test_the_gallery_is_the_users_wherever_the_command_runs(user_gallery: Path) -> None:
    assert gallery_location() == (user_gallery, "default")
    Gallery().add(GAME, make_meta("Snake Breaker", prompt="snake meets breakout"))
    result = invoke("show", "snake-breaker")
    assert result.exit_code == 0, result.output
    assert not (Path.cwd() / "games").exists()  # not ./games of whatever folder this is


def test_flag_env_and_config_choose_the_gallery_in_that_order(
    user_gallery: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    chosen = tmp_path / "my games"
    result = invoke("config", "set", "gallery", str(chosen))
    assert result.exit_code == 0, result.output
    assert store.load_config()["gallery"] == str(chosen)
    assert gallery_location() == (chosen, "studio config set gallery")
    monkeypatch.setenv("STUDIO_GALLERY", str(tmp_path / "env"))
    assert gallery_location() == (tmp_path / "env", "STUDIO_GALLERY")
    assert gallery_location(tmp_path / "flag") == (tmp_path / "flag", "--gallery")


def test_config_set_gallery_refuses_a_folder_it_cannot_write(tmp_path: Path) -> None:
    afile = tmp_path / "a-file"
    afile.write_text("x")
    result = invoke("config", "set", "gallery", str(afile))
    assert result.exit_code == 2
    assert "is a file, not a folder" in result.stderr
    assert "gallery" not in store.load_config()


def test_a_new_users_gallery_shows_the_shipped_showcase_and_says_where(
    user_gallery: Path,
) -> None:
    result = invoke("gallery")
    assert result.exit_code == 0, result.output
    shipped = {e.slug for e in Gallery(REPO / "games").entries()}
    assert len(shipped) >= 5
    assert shipped <= {e.slug for e in Gallery(user_gallery).entries()}
    assert f"Gallery: {user_gallery}" in result.stdout
    assert "studio config set gallery" in result.stdout
    assert "jewel-stack" in result.stdout


def test_the_showcase_never_lands_on_the_users_own_games(user_gallery: Path) -> None:
    mine = Gallery(user_gallery).add(GAME, make_meta("Jewel Stack", prompt="my own jewels"))
    added = seed_shipped(Gallery(user_gallery))
    assert "jewel-stack-2" in added and "jewel-stack" not in added
    assert json.loads(mine.meta_path.read_text())["prompt"] == "my own jewels"
    # once seeded, a showcase game the user removed stays removed
    Gallery(user_gallery).remove("ghost-haunt")
    assert seed_shipped(Gallery(user_gallery)) == []
    assert invoke("gallery").exit_code == 0
    assert not (user_gallery / "ghost-haunt").exists()
    assert (user_gallery / SEEDED_MARKER).is_file()


def test_a_gallery_chosen_by_flag_gets_no_showcase(tmp_path: Path) -> None:
    result = invoke("gallery", "--gallery", str(tmp_path / "empty"))
    assert result.exit_code == 0 and "No games" in result.stdout
    assert not (tmp_path / "empty").exists()


def test_the_showcase_ships_with_the_package() -> None:
    """Every file of a showcase entry is matched by the package data of studio.showcase."""
    assert shipped_showcase() == REPO / "games"
    project = tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["setuptools"]
    assert "studio.showcase" in project["packages"]
    assert project["package-dir"]["studio.showcase"] == "games"
    globs = project["package-data"]["studio.showcase"]
    for entry in Gallery(REPO / "games").entries():
        for name in ("game.py", "meta.json", "thumb.png", entry.preview.name):
            relative = f"{entry.slug}/{name}"
            assert any(fnmatch.fnmatch(relative, g) for g in globs), relative


def test_config_lives_in_the_config_dir_and_old_settings_move_there(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("STUDIO_HOME")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    old = tmp_path / "data" / "studio"
    old.mkdir(parents=True)
    (old / "config.json").write_text('{"model": "qwen2.5-coder:7b"}')
    assert config_dir() == tmp_path / "config" / "studio"
    assert store.config_path() == tmp_path / "config" / "studio" / "config.json"
    assert store.load_config() == {"model": "qwen2.5-coder:7b"}
    assert not (old / "config.json").exists()
    monkeypatch.delenv("STUDIO_GALLERY")
    assert user_dir() == old
    assert gallery_location() == (old / "games", "default")


def test_rm_asks_first_and_rename_changes_title_and_slug(filled: Gallery) -> None:
    where = ["--gallery", str(filled.root)]
    result = runner.invoke(app, ["gallery", "rm", "gem-fall", *where], input="n\n")
    assert result.exit_code == 1 and (filled.root / "gem-fall").is_dir()
    result = runner.invoke(app, ["gallery", "rm", "gem-fall", *where], input="y\n")
    assert result.exit_code == 0, result.output
    assert not (filled.root / "gem-fall").exists()
    assert "gem-fall" not in {e.slug for e in filled.entries()}
    result = runner.invoke(app, ["gallery", "rename", "neon-snake", "Glow Worm", *where])
    assert result.exit_code == 0, result.output
    assert "glow-worm" in result.stdout
    assert filled.get("glow-worm").title == "Glow Worm"
    assert not (filled.root / "neon-snake").exists()
    result = runner.invoke(app, ["gallery", "rm", "astro-rocks", "--yes", *where])
    assert result.exit_code == 0 and filled.entries()[0].slug == "glow-worm"


def test_rm_takes_slugs_of_this_gallery_only(filled: Gallery, tmp_path: Path) -> None:
    other = Gallery(tmp_path / "other")
    outside = other.add(GAME, make_meta("Keep Me"))
    result = invoke("gallery", "rm", str(outside.path), "--yes", "--gallery", str(filled.root))
    assert result.exit_code == 1
    assert outside.path.is_dir()
    result = invoke("gallery", "rm", "no-such", "--yes", "--gallery", str(filled.root))
    assert result.exit_code == 1 and "no game 'no-such'" in result.stderr


def test_games_with_the_same_title_are_told_apart(gallery: Gallery) -> None:
    gallery.add(GAME, make_meta("Gem Fall", prompt="tetris with gems"))
    gallery.add(GAME, make_meta("Gem Fall", prompt="a cosy jewel game"))
    gallery.add(GAME, make_meta("Gem Fall", prompt="a cosy jewel game"))
    names = listing.labels(gallery.entries())
    assert names["gem-fall"] == 'Gem Fall ("tetris with gems")'
    assert names["gem-fall-2"] == "Gem Fall [gem-fall-2]"
    assert len(set(names.values())) == 3
    result = invoke("gallery", "--gallery", str(gallery.root))
    assert 'Gem Fall ("tetris with gems")' in result.stdout


@pytest.mark.parametrize("columns", [60, 80, 120])
def test_the_table_fits_the_terminal_without_cutting_titles(gallery: Gallery, columns: int) -> None:
    title = "The Extraordinarily Long Adventures of a Frog Between Lily Pads"
    gallery.add(GAME, make_meta(title, genre="runner", prompt="a frog platformer"))
    result = invoke("gallery", "--gallery", str(gallery.root), env={"COLUMNS": str(columns)})
    assert result.exit_code == 0, result.output
    assert "…" not in result.stdout
    assert all(len(line) <= columns for line in result.stdout.splitlines())
    words = " ".join(result.stdout.split())
    for word in title.split():
        assert word in words


def test_piped_output_is_tab_separated(filled: Gallery) -> None:
    result = invoke("gallery", "--gallery", str(filled.root), env={"TTY_COMPATIBLE": "0"})
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert [line.split("\t")[0] for line in lines] == ["neon-snake", "gem-fall", "astro-rocks"]
    assert lines[1].split("\t") == [
        "gem-fall",
        "Gem Fall",
        "puzzle",
        "offline",
        "91",
        "2026-11-29 10:00",
    ]
    assert "│" not in result.stdout and "─" not in result.stdout


def test_the_web_page_tells_twin_titles_apart(gallery: Gallery) -> None:
    from studio.gallery.html import build_site

    gallery.add(GAME, make_meta("Gem Fall", prompt="a cosy jewel game"))
    gallery.add(GAME, make_meta("Gem Fall", prompt="a cosy jewel game"))
    page = build_site(gallery).read_text()
    assert "Gem Fall [gem-fall]" in page and "Gem Fall [gem-fall-2]" in page


def test_config_show_says_where_the_gallery_is_and_speaks_json(
    user_gallery: Path, tmp_path: Path
) -> None:
    key = "sk-test-0123456789abcdef"
    assert invoke("config", "set", "api_key", key, "--for", "openai").exit_code == 0
    result = invoke("config", "show")
    assert f"Gallery: {user_gallery} (default)" in result.stdout
    result = invoke("config", "show", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["gallery"] == {"path": str(user_gallery), "chosen_by": "default"}
    assert data["config_file"] == str(store.config_path())
    assert data["keys"] == {"openai": "sk-...cdef"}
    assert key not in result.stdout


def test_a_piped_key_is_stored_without_a_prompt_or_warning() -> None:
    key = "sk-piped-0123456789abcdefXYZ"
    result = runner.invoke(app, ["config", "set", "api_key", "--for", "openai"], input=key + "\n")
    assert result.exit_code == 0, result.output
    assert store.load_keys() == {"openai": key}
    assert "API key" not in result.output and "Warning" not in result.output
    assert key not in result.output
