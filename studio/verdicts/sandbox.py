"""Launch one sandbox, wait for it under a wall-clock cap, collect what its runs wrote.

Every live sandbox is registered so that ``kill_all()`` (Ctrl-C, exit) can SIGKILL its whole
process group; bubblewrap's pid namespace and ``--die-with-parent`` make sure nothing inside
outlives it either way.
"""

from __future__ import annotations

import atexit
import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from studio.errors import SandboxError
from studio.verdicts import isolation

SAMPLE_MS = 200.0
PREVIEW_MS = 500.0
HANG_SECONDS = 3.0
#: A third, short run without input: if it does not match the full one frame for frame, the
#: game is not deterministic and the input/no-input comparison proves nothing.
CHECK_SECONDS = 3.0
OUTPUT_CAP = 1_000_000
MAX_JSON = 1_000_000
SANDBOX_FILES = ("runner.py", "guard.py", "vclock.py", "player.py", "capture.py")

_live: set[subprocess.Popen] = set()
_live_lock = threading.Lock()


def kill_all() -> None:
    """SIGKILL every sandbox still running (and everything inside it)."""
    with _live_lock:
        procs = list(_live)
    for proc in procs:
        _kill(proc)


atexit.register(kill_all)


def _kill(proc: subprocess.Popen) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(proc.pid, signal.SIGKILL)
    with contextlib.suppress(ProcessLookupError):
        proc.kill()


@dataclass
class RawRun:
    """What one run left behind, read back by the studio (untrusted data)."""

    name: str
    result: dict | None
    samples: list[bytes] = field(default_factory=list)
    preview: list[bytes] = field(default_factory=list)
    output: str = ""
    exit: dict | None = None
    forbidden: list[str] = field(default_factory=list)


@dataclass
class SandboxResult:
    runs: list[RawRun]
    isolation: isolation.Isolation
    killed: bool
    setup_output: str
    setup_forbidden: list[str]


def _sandbox_code(dest: Path) -> None:
    dest.mkdir()
    src = resources.files("studio.sandbox")
    for name in SANDBOX_FILES:
        (dest / name).write_bytes(src.joinpath(name).read_bytes())
        os.chmod(dest / name, 0o644)
    os.chmod(dest, 0o755)


def _read_json(path: Path) -> dict | None:
    try:
        if path.stat().st_size > MAX_JSON:
            return None
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def _chunks(path: Path, size: int, limit: int) -> list[bytes]:
    if size <= 0:
        return []
    try:
        with open(path, "rb") as f:
            data = f.read(size * limit)
    except OSError:
        return []
    return [data[i : i + size] for i in range(0, len(data) - size + 1, size)]


def _lines(path: Path) -> list[str]:
    try:
        text = path.read_text(encoding="utf-8", errors="replace")[:20000]
    except OSError:
        return []
    return [line for line in text.splitlines() if line.strip()]


def _read_run(results: Path, name: str, seconds: float) -> RawRun:
    folder = results / name
    result = _read_json(folder / "result.json")
    raw = RawRun(name, result, exit=_read_json(folder / "exit.json"))
    max_samples = int(seconds * 1000 / SAMPLE_MS) + 2
    sw, sh = (96, 72)
    if result and isinstance(result.get("sample_size"), list):
        sw, sh = (int(v) for v in result["sample_size"][:2])
    raw.samples = _chunks(folder / "samples.bin", sw * sh * 3, max_samples)
    psize = result.get("preview_size") if result else None
    if isinstance(psize, list) and len(psize) == 2:
        max_previews = int(seconds * 1000 / PREVIEW_MS) + 2
        frame = int(psize[0]) * int(psize[1]) * 3
        raw.preview = _chunks(folder / "preview.bin", frame, max_previews)
    with contextlib.suppress(OSError):
        raw.output = (folder / "output.txt").read_text(encoding="utf-8", errors="replace")[:4000]
    raw.forbidden = _lines(folder / "forbidden.log")
    return raw


def _protected() -> list[str]:
    """What the game may not read: the user's home, the project, other homes, secrets.
    (Folders the game needs, such as python's, are allowed even inside these.)"""
    candidates = [str(Path.home()), os.getcwd(), "/root", "/home", "/etc/shadow", "/etc/ssh"]
    out = []
    for c in map(os.path.realpath, candidates):
        if c != "/" and not "/usr/".startswith(c + "/") and c not in out:
            out.append(c)
    return out


def _others_can_read(game: Path) -> bool:
    """Can a uid other than the owner open ``game`` (file readable, folder enterable)?"""
    try:
        return bool(game.stat().st_mode & 0o004 and game.parent.stat().st_mode & 0o001)
    except OSError:
        return False


def play(
    game: Path,
    *,
    seconds: float,
    seed: int,
    parallel: bool = True,
    preload: list[str] | None = None,
    sysfonts: bool = False,
    runs: tuple[tuple[str, bool, float | None], ...] = (
        ("input", True, None),
        ("idle", False, None),
        ("idle-check", False, CHECK_SECONDS),
    ),
) -> SandboxResult:
    """Run the game in a fresh sandbox: each run (name, with input, game seconds or None for
    all of them) plays it once; returns what they saw."""
    root = Path(tempfile.mkdtemp(prefix="studio-verify-"))
    try:
        os.chmod(root, 0o755)
        code, work = root / "code", root / "work"
        _sandbox_code(code)
        work.mkdir()
        os.chmod(work, 0o755)
        private = os.geteuid() == 0 and not _others_can_read(game)
        if private:  # the sandbox's own uid could not open it where it is
            copy = root / "game" / game.name
            copy.parent.mkdir(mode=0o755)
            shutil.copyfile(game, copy)
            os.chmod(copy, 0o644)
            game = copy
        prefix, iso = isolation.plan(game, work, code)
        if private:
            iso.notes.append("the game's folder is private: a copy of the file alone was played")
        # the game's folder is readable only where the isolation shows it (not a project root)
        view = [str(game.parent)] if iso.game_view == "folder read-only" else []
        allowed = [*isolation.python_dirs(), str(game), *view, str(code), str(work)]
        cfg = {
            "game": str(game),
            "work": str(work),
            "seconds": seconds,
            "seed": seed,
            "runs": [
                {"name": n, "input": i, "preview": i, "seconds": min(s or seconds, seconds)}
                for n, i, s in runs
            ],
            "parallel": parallel,
            "sample_ms": SAMPLE_MS,
            "preview_ms": PREVIEW_MS,
            "hang_seconds": HANG_SECONDS,
            "wall_budget": 15.0 + seconds,
            "output_cap": OUTPUT_CAP,
            "protected": _protected(),
            "allowed": allowed,
            "preload": preload or [],
            "sysfonts": sysfonts,
            "sys_path": [isolation.pygame_site()],
        }
        (code / "config.json").write_text(json.dumps(cfg))
        os.chmod(code / "config.json", 0o644)
        return _launch(prefix, iso, root, cfg)
    finally:
        shutil.rmtree(root, ignore_errors=True)


def _launch(prefix: list[str], iso, root: Path, cfg: dict) -> SandboxResult:
    code, work = root / "code", root / "work"
    env = {
        "PATH": "/usr/local/bin:/usr/bin:/bin",
        "HOME": str(work),
        "TMPDIR": str(work),
        "XDG_RUNTIME_DIR": str(work),
        "LANG": "C.UTF-8",
        "SDL_VIDEODRIVER": "dummy",
        "SDL_AUDIODRIVER": "dummy",
        "PYTHONHASHSEED": "0",
        "PYTHONDONTWRITEBYTECODE": "1",
        "PYGAME_HIDE_SUPPORT_PROMPT": "1",
    }
    cmd = [*prefix, sys.executable, "-S", "-B", str(code / "runner.py"), str(code / "config.json")]
    log_path = root / "setup.log"
    wall_cap = 20.0 + float(cfg["seconds"]) * (1.0 if cfg["parallel"] else 2.0)
    with open(log_path, "wb") as log:
        try:
            proc = subprocess.Popen(
                cmd,
                env=env,
                cwd=work,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        except OSError as exc:
            raise SandboxError(f"could not start the sandbox ({exc}): is python usable?") from exc
        with _live_lock:
            _live.add(proc)
        killed = False
        try:
            proc.wait(timeout=wall_cap)
        except subprocess.TimeoutExpired:
            killed = True
        finally:
            _kill(proc)
            proc.wait()
            with _live_lock:
                _live.discard(proc)
    setup = log_path.read_text(encoding="utf-8", errors="replace")[-4000:]
    results = work / "results"
    runs = [_read_run(results, spec["name"], cfg["seconds"]) for spec in cfg["runs"]]
    if not results.exists() and not killed:
        raise SandboxError(f"the sandbox did not start: {setup.strip()[-800:] or 'no output'}")
    return SandboxResult(runs, iso, killed, setup, _lines(results / "setup-forbidden.log"))
