"""``report.html``: the bench as one page that works from ``file://`` with no network.

Charts are plotly's (the test-time-compute curve, flags per model, playable@1 per genre):
interactive (hover a point for its value, click a legend entry to hide a model), and its
JavaScript bundle is inlined in the page from the installed ``plotly`` package, so nothing
is fetched. The grid of best games links the samples' thumbnails and animated previews by
relative paths (``samples/...``), so the folder can be moved or zipped whole.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from studio.bench.stats import STAGES
from studio.bench.store import BenchDir, write_atomic

REPORT = "report.html"
PLOT_CONFIG = {"displaylogo": False, "responsive": True}


def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("studio.bench", "templates"),
        autoescape=jinja2.select_autoescape(["html", "j2"]),
        undefined=jinja2.StrictUndefined,
    )


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.1f}%"


def _figure(fig: Any) -> Markup:
    import plotly.io as pio

    return Markup(pio.to_html(fig, include_plotlyjs=False, full_html=False, config=PLOT_CONFIG))


def _curve(summary: dict[str, Any], labels: dict[str, str], samples: int) -> Any:
    import plotly.graph_objects as go
    from plotly.colors import qualitative

    fig = go.Figure()
    ks = list(range(1, samples + 1))
    palette = qualitative.Plotly
    for i, (slug, label) in enumerate(labels.items()):
        colour = palette[i % len(palette)]  # one colour per model, its two curves alike
        curves = summary.get(slug, {}).get("overall", {}).get("playable_at_k", {})
        for stage in STAGES:
            ys = curves.get(stage) or [None] * samples
            fig.add_trace(
                go.Scatter(
                    x=ks,
                    y=ys,
                    mode="lines+markers",
                    name=f"{label} ({'after repairs' if stage == 'repaired' else 'first verdict'})",
                    line={"dash": "solid" if stage == "repaired" else "dash", "color": colour},
                )
            )
    fig.update_layout(
        xaxis={"title": "k (samples)", "dtick": 1},
        yaxis={"title": "playable@k", "range": [0, 1.02], "tickformat": ".0%"},
        height=420,
        margin={"t": 20},
    )
    return fig


def _flags(summary: dict[str, Any], labels: dict[str, str]) -> Markup:
    """The flags chart; a sentence instead when no sample ended with a flag (an empty chart
    would show a bare axis and a negative count)."""
    import plotly.graph_objects as go

    names = sorted({f for s in summary.values() for f in s["overall"]["flags"]})
    if not names:
        return Markup('<p class="none">No sample ended with a flag.</p>')
    fig = go.Figure()
    for slug, label in labels.items():
        counts = summary.get(slug, {}).get("overall", {}).get("flags", {})
        fig.add_trace(go.Bar(x=names, y=[counts.get(n, 0) for n in names], name=label))
    fig.update_layout(
        barmode="group",
        yaxis={"title": "samples", "rangemode": "nonnegative"},
        height=360,
        margin={"t": 20},
    )
    return _figure(fig)


def _genres(summary: dict[str, Any], labels: dict[str, str]) -> Any:
    import plotly.graph_objects as go

    genres = sorted({g for s in summary.values() for g in s["genres"]})
    fig = go.Figure()
    for slug, label in labels.items():
        per = summary.get(slug, {}).get("genres", {})
        ys = [
            (per.get(g, {}).get("playable_at_k", {}).get("repaired") or [None])[0] for g in genres
        ]
        fig.add_trace(go.Bar(x=genres, y=ys, name=label))
    fig.update_layout(
        barmode="group",
        yaxis={"title": "playable@1", "range": [0, 1.02], "tickformat": ".0%"},
        height=380,
        margin={"t": 20},
    )
    return fig


def _best(records: Sequence[dict[str, Any]]) -> dict[str, Any] | None:
    done = [r for r in records if r["status"] == "done"]
    if not done:
        return None
    best = max(
        done, key=lambda r: (r["repaired"]["playable"], r["repaired"]["score"], -r["sample"])
    )
    return {
        "model": best["model"],
        "sample": best["sample"],
        "playable": best["repaired"]["playable"],
        "score": best["repaired"]["score"],
        "thumbnail": best["thumbnail"],
        "preview": best["preview"],
        "code": best["code"],
        "ran": len(done),
        "playable_count": sum(1 for r in done if r["repaired"]["playable"]),
    }


def render(folder: BenchDir, labels: dict[str, str], samples: int) -> str:
    """The page's HTML."""
    from plotly.offline import get_plotlyjs

    summary = folder.summary
    records = folder.all_records()
    settings = folder.settings
    bench = settings.get("bench", {})
    tasks = settings.get("tasks", [])
    rows = []
    for slug, label in labels.items():
        o = summary.get(slug, {}).get("overall")
        if o is None:
            continue
        curves = o["playable_at_k"]
        tokens = o["tokens"]["prompt"] + o["tokens"]["completion"]
        rows.append(
            {
                "label": label,
                "ran": o["ran"],
                "not_run": o["not_run"],
                **{f"p1_{s}": _pct(curves[s][0] if curves[s] else None) for s in STAGES},
                **{f"pn_{s}": _pct(curves[s][-1] if curves[s] else None) for s in STAGES},
                "score": "-" if o["mean_score"] is None else f"{o['mean_score']:.1f}",
                "tokens": f"{tokens:,}",
                "cost": "-" if o["cost_usd"] is None else f"${o['cost_usd']:.4f}",
                "to_playable": "-"
                if o["median_seconds_to_playable"] is None
                else f"{o['median_seconds_to_playable']:.1f} s",
            }
        )
    grid = []
    for task in tasks:
        cells = []
        for slug in labels:
            mine = [r for r in records if r["model_slug"] == slug and r["prompt_id"] == task["id"]]
            cells.append(_best(mine))
        grid.append({**task, "cells": cells})
    shown = [
        ("models", "; ".join(m["label"] for m in settings.get("models", []))),
        ("suite", f"{bench.get('suite')} ({len(tasks)} prompts)"),
        ("samples", bench.get("samples")),
        ("repairs", bench.get("repairs")),
        ("seconds", bench.get("seconds")),
        ("seed", bench.get("seed")),
        ("big brain", bench.get("big_brain")),
        ("cluster", bench.get("cluster") or "none (this machine)"),
        ("verification slots", settings.get("verify_slots")),
        ("studio version", settings.get("studio_version")),
        ("started", settings.get("started")),
    ]
    template = _environment().get_template("report.html.j2")
    return template.render(
        title=", ".join(labels.values()),
        plotly_js=Markup(f'<script type="text/javascript">{get_plotlyjs()}</script>'),
        ran=sum(s["overall"]["ran"] for s in summary.values()),
        not_run=sum(s["overall"]["not_run"] for s in summary.values()),
        models=rows,
        tasks=len(tasks),
        samples=samples,
        settings=shown,
        curve=_figure(_curve(summary, labels, samples)),
        flags=_flags(summary, labels),
        genres=_figure(_genres(summary, labels)),
        grid=grid,
    )


def write_report(folder: BenchDir, labels: dict[str, str], samples: int) -> Path:
    path = folder.root / REPORT
    write_atomic(path, render(folder, labels, samples))
    return path
