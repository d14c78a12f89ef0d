"""The offline designer's row over the whole built-in suite, and its report page in real
headless Chromium: no console error, no failed load, every image loaded, the charts drawn."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from studio.bench.suite import builtin
from studio.cli import app
from tests.gallery.cdp import CHROMIUM, Browser


@pytest.mark.slow
def test_offline_designer_over_the_builtin_suite_and_its_page(tmp_path: Path) -> None:
    out = tmp_path / "bench"
    args = ["bench", "-m", "offline", "--samples", "1", "--repairs", "0", "--seconds", "2"]
    result = CliRunner().invoke(app, [*args, "--seed", "3", "--out", str(out)])
    assert result.exit_code == 0, result.output
    data = json.loads((out / "results.json").read_text())
    tasks = builtin()
    assert sorted(r["prompt_id"] for r in data["samples"]) == sorted(t.id for t in tasks)
    row = data["summary"]["offline"]
    assert row["overall"]["ran"] == len(tasks) and row["overall"]["not_run"] == 0
    assert row["overall"]["playable"]["first"] == len(tasks)  # the designer's games all play
    assert row["overall"]["tokens"] == {"prompt": 0, "completion": 0}
    assert row["overall"]["cost_usd"] == 0.0
    assert set(row["genres"]) == {t.genre for t in tasks}
    settings = data["settings"]
    assert settings["bench"]["seed"] == 3 and settings["studio_version"]
    for r in data["samples"]:  # the layout studio arena reads
        folder = out / "samples" / "offline" / r["prompt_id"] / "1"
        assert r["folder"] == folder.relative_to(out).as_posix()
        assert {"game.py", "meta.json", "thumbnail.png"} <= {p.name for p in folder.iterdir()}
        assert any(folder.glob("preview.*"))
    page = (out / "report.html").read_text()
    assert "<script src=" not in page.replace('<script src="samples', "")  # nothing fetched
    assert "No sample ended with a flag." in page  # a sentence, not an empty chart
    if shutil.which(CHROMIUM) is None:
        pytest.skip("no chromium")
    browser = Browser()
    try:
        browser.navigate((out / "report.html").as_uri())
        charts = browser.until(
            "document.querySelectorAll('.js-plotly-plot .main-svg').length", lambda n: n >= 2
        )
        assert charts >= 2  # the curve and the genres (no flags to chart)
        images = browser.until(
            "Array.from(document.images).map(i => i.complete && i.naturalWidth > 0)",
            lambda v: v and all(v),
        )
        assert len(images) == 2 * len(tasks)  # a thumbnail and a preview per prompt
        traces = browser.evaluate(
            "document.querySelectorAll('.js-plotly-plot')[0].data.map(t => t.y.length)"
        )
        assert traces == [1, 1]  # the curve: first verdict and after repairs, k = 1
        browser.screenshot(tmp_path / "report.png")
        assert browser.errors == []
    finally:
        browser.close()
