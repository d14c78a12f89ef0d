"""What ``studio make`` prints when a run ends: the attempts table, the winner or why there
is none, and the last line on stdout (the JSON, or the slug and folder for scripts)."""

from __future__ import annotations

import socket
from typing import Any
from urllib.parse import urlsplit
from urllib.request import getproxies, proxy_bypass

from rich.console import Console
from rich.table import Table
from rich.text import Text

from studio.commands.common import fail
from studio.lifecycle import AttemptState, RunStatus
from studio.run import RunResult
from studio.runlog import scrub
from studio.textsafe import clean, dumps, markup


def finish(out: Any, result: RunResult, as_json: bool) -> None:
    """The last thing ``make`` prints on stdout: the JSON, or the slug and folder line."""
    entry = result.entry
    if as_json:
        out.write(dumps(result_json(result)) + "\n")
    elif entry is not None:
        out.write(f"{entry.slug}\t{entry.path}\n")
    out.flush()


def result_json(result: RunResult) -> dict[str, Any]:
    """``make --json``: the game kept, where, and every attempt."""
    entry = result.entry
    meta = entry.meta if entry is not None else {}
    offline = meta.get("source") == "offline"  # no tokens, no cost: nothing to count
    return {
        "status": result.status,
        "slug": entry.slug if entry is not None else None,
        "path": str(entry.path) if entry is not None else None,
        "code": str(entry.code_path) if entry is not None else None,
        "title": meta.get("title"),
        "run_seed": meta.get("run_seed"),
        "winner": result.winner.n if result.winner else None,
        "score": meta.get("score"),
        "pick": result.pick.reason if result.pick else None,
        "tokens": None if offline else result.tokens,
        "cost_usd": None if offline else result.cost_usd,
        "seconds": round(result.seconds, 2),
        "run_log": str(result.run_dir),
        "attempts": [a.to_dict() for a in result.attempts],
    }


def attempts_table(
    result: RunResult, secrets: tuple[str | None, ...] = (), *, tokens: bool = True
) -> Table:
    """Every attempt: status, score, flags, repairs, tokens (not offline), time, reason."""
    table = Table(title="Attempts", title_justify="left")
    for name, justify in (
        ("#", "right"),
        ("status", "left"),
        ("score", "right"),
        ("repairs", "right"),
        ("tokens", "right"),
        ("time", "right"),
        ("as asked", "left"),
        ("reason", "left"),
    ):
        if name == "tokens" and not tokens:
            continue
        table.add_column(name, justify=justify, overflow="fold")  # type: ignore[arg-type]
    winner = result.winner.n if result.winner else None
    said: dict[str, int] = {}  # a failure shared by several attempts is spelled out once
    for a in result.attempts:
        d = a.to_dict()
        reason = d["reason"]
        if a.status == AttemptState.FAILED and reason in said:
            reason = f"same as attempt {said[reason]}"
        else:
            said.setdefault(reason, a.n)
        adherence = d.get("adherence")
        if adherence and d["playable"]:
            reason = f"{reason}\n{adherence['by']}: {adherence['reason']}"
        asked = "" if not adherence else ("yes" if adherence["matches"] else "no")
        status = "winner" if a.n == winner else d["status"]
        style = "bold green" if a.n == winner else ("red" if status == AttemptState.FAILED else "")
        cells: list[Any] = [
            str(a.n),
            Text(status, style=style),
            "" if d["score"] is None else str(d["score"]),
            str(d["repairs"]),
            str(d["tokens"]["completion"]),
            f"{d['seconds']:.1f}s",
            Text(clean(asked), style="green" if asked == "yes" else "yellow"),
            Text(clean(scrub(reason, secrets))),
        ]
        if not tokens:
            del cells[4]
        table.add_row(*cells)
    return table


def report(
    console: Console, result: RunResult, secrets: tuple[str | None, ...], *, offline: bool
) -> None:
    console.print(attempts_table(result, secrets, tokens=not offline))
    if result.design_error:
        failed = clean(scrub(result.design_error, secrets))
        console.print(f"Design step failed: {failed}", markup=False)
    if result.status == RunStatus.OK and result.entry is not None:
        entry = result.entry
        tokens = result.tokens
        cost = "" if result.cost_usd is None else f", ${result.cost_usd:.4f}"
        spent = (
            f"Time: {result.seconds:.1f}s (offline: no tokens, no cost)\n"
            if offline
            else f"Tokens: {tokens['prompt']} prompt + {tokens['completion']} completion{cost}; "
            f"{result.seconds:.1f}s\n"
        )
        console.print(
            f"\nWinner: attempt {result.winner.n} ({markup(result.pick.reason)})\n"  # type: ignore[union-attr]
            f"Saved [bold]{markup(entry.meta.get('title', entry.slug), newlines=False)}[/] to "
            f"{markup(entry.path)}\n"
            f"Play it: [bold]studio play {entry.slug}[/]\n"
            f"{spent}"
            f"Run log: {markup(result.run_dir)}",
            soft_wrap=True,
        )
        return
    # One line per distinct reason, naming its attempts: a refused key is said once.
    groups: dict[str, list[int]] = {}
    for a in result.attempts:
        groups.setdefault(a.reason or "no reason recorded", []).append(a.n)
    lines = []
    for reason, ns in groups.items():
        if len(ns) == len(result.attempts) and len(ns) > 1:
            who = "every attempt"
        else:
            who = ("attempt " if len(ns) == 1 else "attempts ") + ", ".join(map(str, ns))
        lines.append(f"{who}: {reason}")
    body = "\n".join("  " + scrub(line, secrets) for line in lines) or "  no reason recorded"
    if result.status == RunStatus.CANCELLED:
        raise fail(f"cancelled. Run log: {result.run_dir}", 130)
    raise fail(f"no playable game.\n{body}\nThe run log is kept in {result.run_dir}", 1)


def unreachable(endpoint: Any, prompt: str, timeout: float = 3.0) -> str:
    """Why ``endpoint`` cannot be reached, with the fix that fits its preset, or ``""`` when
    something listens there. Checked once, before any attempt starts, so that a dead server
    is said once rather than by every attempt."""
    url = urlsplit(endpoint.base_url)
    port = url.port or (443 if url.scheme == "https" else 80)
    host = url.hostname or "localhost"
    if getproxies().get(url.scheme) and not proxy_bypass(host):
        return ""  # the requests go through a proxy: only the first one can tell
    try:
        socket.create_connection((host, port), timeout=timeout).close()
    except OSError as exc:
        detail = exc.strerror or str(exc) or type(exc).__name__
    else:
        return ""
    spec = endpoint.spec
    model = endpoint.model or (spec.default_model if spec else "") or "MODEL"
    if endpoint.custom or spec is None:
        fix = (
            "start the server there, or fix the base URL (--base-url, STUDIO_BASE_URL or "
            "`studio config set base_url`)"
        )
    elif spec.name == "ollama":
        fix = f"start it with `ollama serve`, then fetch the model: `ollama pull {model}`"
    elif spec.key_var:  # a hosted API: the network, then the key
        fix = (
            f"check the network (and HTTPS_PROXY if you use one); then the key: {spec.key_var} "
            f"or `studio config set api_key --for {spec.name}`"
        )
    else:
        fix = spec.hint.replace("MODEL", model) if spec.hint else "start the server"
    where = spec.name if spec is not None and not endpoint.custom else "the model server"
    return (
        f"cannot reach {where} at {endpoint.base_url} ({detail}): {fix}. No attempt was "
        f'started. Or make it with the offline designer: studio make "{clean(prompt)}" --offline'
    )
