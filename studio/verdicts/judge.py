"""From what the runs saw to a verdict: metrics, flags, the proof of reaction, a score.

Playable means: the game ran its game time (or ended by itself after real play) without
crash or hang, drew a non-blank, changing picture, reacted to input (the run with input
and the run without it diverge after the first input, and not before), and did nothing
forbidden. ``cpu_hog`` and ``output_flood`` lower the score but do not reject.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from typing import Any

from PIL import Image, ImageChops, ImageStat

from studio.verdicts.proof import divergence
from studio.verdicts.report import (
    FLAGS,
    SOFT_FLAGS,
    Divergence,
    ErrorInfo,
    RunMetrics,
    Verdict,
)
from studio.verdicts.sandbox import OUTPUT_CAP, RawRun, SandboxResult
from studio.verdicts.static import StaticReport

#: A game that ends itself sooner exits early, however it was played; one that ends later
#: after the player visibly changed it is a finished game.
MIN_PLAY_SECONDS = 0.5
BLANK_SHARE = 0.1  # less than this share of non-blank samples is a blank screen
ERROR_FLAGS = {"import_error", "missing_asset", "memory_limit", "syntax_error", "forbidden"}
SIGSYS = 31  # the run's seccomp wall ended it: it tried to start, trace or signal a process
TAMPERED = 94  # the run's guard ended it: its report channel was closed or replaced
#: How a run that the sandbox's own walls ended is reported (``forbidden``).
WALL_ENDINGS = {
    ("signal", SIGSYS): "starting or tracing a process, or signalling another (the seccomp "
    "wall ended the run)",
    ("code", TAMPERED): "closing or replacing the sandbox's report channel (the guard ended "
    "the run)",
}


MISSING_READ = "?missing-read "  # sandbox/guard.py: a read of a file missing in the run


def _attempts(lines: list[object]) -> list[str]:
    """A run's reported attempts. A read of a file the run could not see counts when the
    file exists here, on the studio's side (bubblewrap shows the game none of the user's
    files); one that exists nowhere is a game looking for a file it has not made yet."""
    out = []
    for line in dict.fromkeys(str(x)[:300] for x in lines):
        if line.startswith(MISSING_READ):
            path = line[len(MISSING_READ) :]
            if path.startswith("/") and os.path.lexists(path):
                out.append(f"reading files outside its folder and the libraries it needs ({path})")
        else:
            out.append(line)
    return list(dict.fromkeys(out))


def wall_ending(raw: RawRun) -> str | None:
    """What a run did that made the sandbox's walls end it, if they did (told by how its
    process ended, which the runner saw: a result the game wrote cannot hide it)."""
    if not raw.exit:
        return None
    return next((t for (k, v), t in WALL_ENDINGS.items() if raw.exit.get(k) == v), None)


def _is_blank(sample: bytes) -> bool:
    return sample == sample[:3] * (len(sample) // 3)


def _image(sample: bytes, size: tuple[int, int]) -> Image.Image:
    return Image.frombytes("RGB", size, sample)


def _motion(samples: list[bytes], joined: bytes) -> float:
    """Mean change between consecutive samples, 0..1: the mean absolute difference of
    their bytes. ``joined`` is the samples laid end to end; "before" and "after" are two
    views of that one buffer a sample apart, as one-byte-per-pixel images with a row per
    sample (few, long rows are what Pillow does fast)."""
    if len(samples) < 2:
        return 0.0
    width = len(samples[0])
    if not width or any(len(s) != width for s in samples):
        return 0.0
    if all(a == b for a, b in zip(samples, samples[1:], strict=False)):
        return 0.0  # a still picture: nothing to add up
    rows = len(samples) - 1
    strip = memoryview(joined)
    # Pillow's stub takes no memoryview, but frombuffer takes any buffer (no copy: the point)
    before = Image.frombuffer("L", (width, rows), strip[: rows * width], "raw", "L", 0, 1)  # type: ignore[arg-type]
    after = Image.frombuffer("L", (width, rows), strip[width:], "raw", "L", 0, 1)  # type: ignore[arg-type]
    return ImageStat.Stat(ImageChops.difference(before, after)).mean[0] / 255


def measure(raw: RawRun) -> None:
    """Measure a run as soon as it is read (``Sandbox.on_read``): ``judge`` uses it."""
    raw.metrics = _metrics(raw, raw.name == "input")


def _metrics(raw: RawRun, with_input: bool) -> RunMetrics:
    r = raw.result or {}
    samples = raw.samples
    m = RunMetrics(name=raw.name, with_input=with_input)
    m.frames = int(r.get("frames", 0))
    m.samples = len(samples)
    m.game_seconds = float(r.get("game_seconds", 0.0))
    m.wall_seconds = float(r.get("wall_seconds", 0.0))
    m.stop_reason = str(r.get("stop_reason", "killed" if raw.result is None else ""))
    if raw.result is None and raw.exit and raw.exit.get("signal"):
        m.stop_reason = f"killed by signal {raw.exit['signal']}"
    if samples:
        m.non_blank_share = round(sum(not _is_blank(s) for s in samples) / len(samples), 3)
        m.distinct_frames = len(set(samples))
        joined = b"".join(samples)  # once, for the motion and the digest
        m.motion = round(_motion(samples, joined), 5)
        m.digest = hashlib.sha1(joined, usedforsecurity=False).hexdigest()[:24]
    m.ticks = int(r.get("ticks", 0))
    m.events_sent = int(r.get("events_sent", 0))
    counted = (raw.exit or {}).get("output_bytes")  # the runner counts every byte written
    m.output_bytes = max(int(r.get("output_bytes", 0)), counted if type(counted) is int else 0)
    m.output = raw.output[:2000]
    listed = r.get("forbidden")
    told: list[object] = listed if isinstance(listed, list) else []
    m.forbidden = _attempts([*told, *raw.forbidden])[:20]  # the log too, always
    err = r.get("error")
    stall = r.get("stall")
    if isinstance(stall, dict) and not isinstance(err, dict):
        m.stop_reason = "stall"
        try:  # written beside the game: untrusted data
            gap = float(stall.get("ms", 0) or 0) / 1000.0
            waited = float(stall.get("wait", 0) or 0) / 1000.0
            at = float(stall.get("at", 0) or 0) / 1000.0
        except (TypeError, ValueError):
            gap = waited = at = 0.0
        if waited >= gap * 0.9:
            msg = (
                f"waited {waited:g} s of game time in one call at {at:.1f} s (seconds passed "
                "where milliseconds were meant?): the game stops there"
            )
        else:
            msg = (
                f"showed no frame and read no event for {gap:g} s of game time from {at:.1f} s "
                "(a loop that only waits or reads the clock): the game stops there"
            )
        err = {"type": "Stall", "message": msg, "traceback": str(stall.get("stack", ""))[:8000]}
    if isinstance(err, dict):
        m.error = ErrorInfo(
            str(err.get("type", "")),
            str(err.get("message", ""))[:2000],
            str(err.get("traceback", ""))[:8000],
            raw.name,
        )
    return m


def _walls_into(isolation: dict[str, Any], raws: list[RawRun]) -> None:
    """The walls every run put up for itself (Landlock, seccomp), and any it could not."""
    held: list[str] | None = None
    for raw in raws:
        r = raw.result or {}
        if isinstance(r.get("walls"), list):
            mine = [str(w) for w in r["walls"]]
            held = mine if held is None else [w for w in held if w in mine]
        for note in r.get("walls_missing") or []:
            if str(note) not in isolation["notes"]:
                isolation["notes"].append(str(note)[:200])
    isolation["run_walls"] = held or []


def _behaviour(m: RunMetrics, d: Divergence, raw: RawRun, seconds: float) -> list[float]:
    """A short vector of what the game looked like and did, for clustering candidates."""
    vec = [
        m.non_blank_share,
        min(1.0, m.motion * 50),
        min(1.0, m.distinct_frames / max(1, m.samples)),
        d.share,
        (d.first_seconds / seconds) if d.first_seconds is not None else 1.0,
    ]
    if raw.samples:
        size = tuple((raw.result or {}).get("sample_size") or (96, 72))[:2]
        mid = raw.samples[len(raw.samples) // 2]
        img = _image(mid, size).convert("L").resize((4, 3), Image.Resampling.BILINEAR)
        vec += [v / 255 for v in img.tobytes()]
    else:
        vec += [0.0] * 12
    return [round(v, 4) for v in vec]


def _score(playable: bool, flags: list[str], m: RunMetrics, d: Divergence, seconds: float) -> int:
    if not playable:
        progress = m.game_seconds / seconds if seconds else 0.0
        return int(round(30 * progress * (1 if m.frames else 0)))
    score = 50.0
    score += 15 * m.non_blank_share
    score += 10 * min(1.0, m.motion / 0.01)
    score += 10 * min(1.0, m.distinct_frames / max(1.0, m.samples * 0.5))
    score += 15 * min(1.0, d.share / 0.5)
    score -= 10 * sum(f in SOFT_FLAGS for f in flags)
    if m.stop_reason == "game_exit":  # a game over that ends the program: less to enjoy
        score *= 0.7 + 0.3 * min(1.0, m.game_seconds / seconds)
    return int(max(1, min(100, round(score))))


@dataclass
class Findings:
    """What one step of judging found: flags, forbidden attempts, notes for the verdict."""

    flags: set[str] = field(default_factory=set)
    forbidden: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    #: the first blocking error of the static check (``static_findings`` only)
    error: ErrorInfo | None = None
    #: a run was ended by the sandbox's walls (``run_faults`` only)
    walled: bool = False


def static_findings(static: StaticReport) -> Findings:
    """Step one, before anything runs: what the source alone shows."""
    found = Findings()
    kinds = static.kinds()
    if "syntax" in kinds:
        found.flags.add("syntax_error")
    if "import" in kinds:
        found.flags.add("import_error")
    found.forbidden = [
        f"static (line {f.line}): {f.message}" for f in static.findings if f.kind == "hostile"
    ]
    if found.forbidden:
        found.flags.add("forbidden")
    first_error = next((f for f in static.findings if f.blocking and f.kind != "hostile"), None)
    if first_error:
        found.error = ErrorInfo(first_error.kind, first_error.message, f"line {first_error.line}")
    return found


def run_faults(raws: list[RawRun], runs: list[RunMetrics], setup_forbidden: list[str]) -> Findings:
    """Step two: how each run ended (hang, crash, a wall ended it), what it tried that it
    may not, and its output. A run the walls ended gets ``stop_reason`` "ended by the
    sandbox" in ``runs``."""
    found = Findings()
    for raw, m in zip(raws, runs, strict=True):
        found.forbidden += [f"{m.name} run: {f}" for f in m.forbidden]
        ending = wall_ending(raw)
        if ending:
            found.walled = True
            m.stop_reason = "ended by the sandbox"
            found.forbidden.append(f"{m.name} run: {ending}")
        elif m.stop_reason in ("hang", "too_slow", "stall") or m.stop_reason.startswith("killed"):
            found.flags.add("hang")
        if m.error and m.stop_reason == "crash":
            kind = str(((raw.result or {}).get("error") or {}).get("kind", "crash"))
            found.flags.add(kind if kind in ERROR_FLAGS else "crash")
        if m.output_bytes > OUTPUT_CAP:
            found.flags.add("output_flood")
    found.forbidden += [f"setup: {f}" for f in setup_forbidden]
    if found.forbidden:
        found.flags.add("forbidden")
    return found


def behaviour_faults(
    inp: RunMetrics,
    idle: RunMetrics | None,
    d: Divergence,
    busy: int,
    flags: set[str],
    walled: bool,
) -> Findings:
    """Step three: what the game did on screen and with the player's input, given the
    ``flags`` the earlier steps raised (a crash or a hang explains a blank screen). The
    flags it returns are only its own."""
    found = Findings()
    seen = set(flags)

    def add(flag: str) -> None:
        found.flags.add(flag)
        seen.add(flag)

    # Ending by itself is fine after real play: a game over once input has visibly changed
    # the game (the ball missed, then sys.exit()), however soon.
    if inp.stop_reason == "game_exit":
        played = d.proof and d.first_seconds is not None and d.first_seconds < inp.game_seconds
        if inp.game_seconds < MIN_PLAY_SECONDS or not played:
            add("exits_early")
    if walled:  # what it showed before the sandbox ended it proves nothing more
        pass
    elif inp.frames == 0 or inp.non_blank_share < BLANK_SHARE:
        if not seen & {"crash", "hang", "exits_early", "import_error", "missing_asset"}:
            add("blank_screen")
    elif inp.distinct_frames <= 1:
        add("frozen")
    quiet = seen & {"blank_screen", "crash", "hang"} or walled
    if idle is not None and not quiet and inp.samples > 0:
        if d.first_seconds is None:
            add("ignores_input")
        elif not d.proof:  # the runs parted, but the game parts from itself as much
            add("ignores_input")
            found.notes.append(
                "the game does not play the same way twice with the same seed (two runs "
                "without input differed: threads, or a clock or randomness the sandbox does "
                f"not control), and the run with input differed from them (on {d.reaction:.2%} "
                f"of the picture) not much more than they differ from each other "
                f"({d.noise:.2%}): its reaction to the player cannot be proven; drive it "
                "from pygame's clock, events and the random module"
            )
        elif d.proof == "beyond-noise":
            found.notes.append(
                "the game does not play the same way twice with the same seed; its "
                f"reaction was proven beyond that noise: the run with input differed from "
                f"both runs without on {d.reaction:.2%} of the picture where those agree, "
                f"against {d.noise:.2%} where they differ from each other"
            )
    if inp.frames > 0 and busy > inp.ticks:
        add("cpu_hog")
    return found


def judge(
    path: str, static: StaticReport, box: SandboxResult | None, seconds: float, seed: int
) -> Verdict:
    """The verdict for one game, from its static report and (if it ran) its sandbox: the
    static findings, then each run's faults, then the game's behaviour."""
    source = static_findings(static)
    flags = set(source.flags)
    forbidden = list(source.forbidden)
    v = Verdict(path=path, playable=False, score=0, flags=[], static=static.findings, seed=seed)
    v.game_seconds = seconds
    v.error = source.error
    if box is None:
        v.flags = [f for f in FLAGS if f in flags]
        v.stop_reason = "not run: " + ", ".join(v.flags)
        v.forbidden = forbidden
        return v

    v.isolation = box.isolation.to_dict()
    _walls_into(v.isolation, box.runs)
    runs = [raw.metrics or _metrics(raw, raw.name == "input") for raw in box.runs]
    v.runs = runs
    inp = runs[0]
    idle = runs[1] if len(runs) > 1 else None  # runs[2], if any, is the short idle check
    faults = run_faults(box.runs, runs, box.setup_forbidden)
    flags |= faults.flags
    forbidden += faults.forbidden
    if forbidden:
        flags.add("forbidden")
    v.forbidden = forbidden[:50]
    v.error = v.error or next((m.error for m in runs if m.error), None)
    v.frames = inp.frames
    v.stop_reason = inp.stop_reason
    check = box.runs[2].samples if len(box.runs) > 2 else None
    idle_ended = idle is not None and idle.stop_reason == "game_exit"
    v.divergence = d = (
        divergence(box.runs[0].samples, box.runs[1].samples, check, idle_ended)
        if idle
        else Divergence()
    )
    busy = int((box.runs[0].result or {}).get("busy", 0))
    seen = behaviour_faults(inp, idle, d, busy, flags, faults.walled)
    flags |= seen.flags
    v.notes += seen.notes

    v.flags = [f for f in FLAGS if f in flags]
    v.playable = not any(f not in SOFT_FLAGS for f in v.flags)
    v.score = _score(v.playable, v.flags, inp, d, seconds)
    v.behaviour = _behaviour(inp, d, box.runs[0], seconds)
    v.game_seconds = inp.game_seconds
    return v
