"""`studio genres`: what the offline designer knows, with prompts to try."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from studio.cli import app
from studio.designer import design_for
from studio.designer.lexicon import GENRES
from studio.designer.subjects import LIBRARY

runner = CliRunner()


def test_genres_lists_genres_hybrids_subjects_and_moods_with_examples() -> None:
    result = runner.invoke(app, ["genres"], env={"COLUMNS": "100"})
    assert result.exit_code == 0, result.output
    out = " ".join(result.stdout.split())
    for key in GENRES:
        if key != "arcade":
            assert key in out
    for heading in ("Hybrids", "Subjects", "Moods"):
        assert heading in out
    for subject in LIBRARY:
        assert subject.name in out
    assert '"something with cats"' in out
    assert "relaxing" in out and "frantic" in out


def test_genres_json_and_every_example_is_read_as_its_genre() -> None:
    result = runner.invoke(app, ["genres", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert len([s for names in data["subjects"].values() for s in names]) >= 40
    for genre in data["genres"]:
        if genre["example"]:
            assert genre["genre"] in design_for(genre["example"], 0).genres, genre
    assert runner.invoke(app, ["genres", "-h"]).exit_code == 0


def test_the_no_known_genre_line_points_to_studio_genres() -> None:
    assert "see `studio genres`" in design_for("a game about taxes", 0).understood
