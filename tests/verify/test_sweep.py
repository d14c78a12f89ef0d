"""A hostile sweep of the rebuilt walls: what still got through, as tests that fail until
fixed.

Each game in ``games/hostile/`` named below is a template, filled in and verified here the
way ``test_hostile.py`` does (one ``verify_many`` call; the games never run outside the
sandbox; payloads are markers under /tmp and listeners on loopback this module starts).
The requirement they hold the sandbox to: every forbidden attempt is refused AND reported,
a game that tried to escape is never PLAYABLE, and a verdict is the studio's own (a game
cannot write its result, end the runner or write another run's output).
"""

from __future__ import annotations

import json
import os
import select
import signal
import socket
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

import studio
from studio.verdicts import isolation
from studio.verdicts.report import Verdict

if os.environ.get("STUDIO_ISOLATION") == "fallback" and not isolation.fallback_drops_root():
    pytest.skip("the fallback refuses to run games as root here", allow_module_level=True)

SECONDS = 4.0
GAMES = [
    "guard_globals",  # empties the guard's tables through pygame.image.load.__globals__
    "log_seek",  # lseeks its forbidden.log past the guard's cap, then writes outside
    "log_blank",  # writes outside, then overwrites the refusal in forbidden.log with spaces
    "log_readonly",  # dup2s a read-only view of forbidden.log over it: same inode, no write
    "traceback_cells",  # swaps os.write in the guard's closure cells, from the traceback
    "guard_referents",  # the same cells, through gc.get_referents of the guard's frames
    "forge_result",  # a broken game that writes its own result.json and samples.bin
    "forge_hides_spawn",  # forges a result, then a spawn the seccomp wall kills
    "native_loaders",  # reads and writes outside through pygame's unchecked C doors
    "metadata_outside",  # os.utime and os.setxattr of a file outside its folder
    "ctypes_preloaded",  # calls and memory access through the ctypes the sandbox loaded
    "signal_group",  # SIGCONT to its process group (os.kill(0, ...)): runner and runs
    "signal_pidfd",  # SIGCONT to the runner and the other runs through pidfds
    "other_runs_output",  # writes into the other runs' output.txt
    "output_offset",  # moves the runner's output.txt offset: the runner dies of SIGXFSZ
]
#: Games verified on their own (``verify_many`` plays a game's runs one after another; these
#: reach a run that plays beside them).
PARALLEL = ["signal_pidfd", "other_runs_output"]
#: Games whose attempt must be reported (``forbidden``) and which must not be PLAYABLE.
REPORTED = [
    "guard_globals",
    "log_seek",
    "log_blank",
    "log_readonly",
    "traceback_cells",
    "guard_referents",
    "forge_hides_spawn",
    "native_loaders",
    "metadata_outside",
    "ctypes_preloaded",
    "signal_group",
    "signal_pidfd",
]
WITH_MARKERS = [
    "guard_globals",
    "log_seek",
    "log_blank",
    "log_readonly",
    "traceback_cells",
    "guard_referents",
    "forge_hides_spawn",
    "native_loaders",
]


@dataclass
class Setup:
    name: str
    path: Path
    token: str
    markers: list[Path] = field(default_factory=list)
    listeners: list[socket.socket] = field(default_factory=list)
    secret: str = ""
    verdict: Verdict | None = None


def _fill(template: str, values: dict[str, str]) -> str:
    for key, value in values.items():
        template = template.replace(f"@{key}@", value)
    assert "@" not in template.replace("@@", ""), "a placeholder was left unfilled"
    return template


@pytest.fixture(scope="module")
def swept(verify_env, games_dir, tmp_path_factory) -> Iterator[dict[str, Setup]]:
    base = tmp_path_factory.mktemp("sweep")
    project = base / "project"  # a project the user runs `studio test` in
    project.mkdir()
    (project / "pyproject.toml").write_text('[project]\nname = "mine"\n')
    loose = base / "games"
    loose.mkdir()
    studio_home = base / "studio-home"
    studio_home.mkdir()
    setups: dict[str, Setup] = {}
    for name in GAMES:
        token = uuid.uuid4().hex
        s = Setup(name, loose / f"{name}_{token}.py", token)
        values = {"TOKEN": token}
        if name in WITH_MARKERS:
            s.markers.append(Path(f"/tmp/studio-sweep-{token}.txt"))
            values["MARKER"] = str(s.markers[0])
        if name in ("traceback_cells", "guard_referents"):
            s.markers.append(Path(f"{s.markers[0]}-second"))
        if name == "guard_globals":
            tcp = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            tcp.bind(("127.0.0.1", 0))
            tcp.listen(8)
            values["PORT"] = str(tcp.getsockname()[1])
            unix_path = Path(f"/tmp/studio-sweep-{token}.sock")
            unix = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            unix.bind(str(unix_path))
            os.chmod(unix_path, 0o666)  # as the host's services' sockets often are
            unix.listen(8)
            s.listeners += [tcp, unix]
            s.markers.append(unix_path)  # removed at the end
            values["SOCKET"] = str(unix_path)
        if name == "metadata_outside":
            victim = Path(f"/tmp/studio-sweep-victim-{token}")
            victim.write_text(f"victim {token}")
            victim.chmod(0o666)  # any user may write it (the sandbox's uid too)
            os.utime(victim, (0, 0))
            s.markers.append(victim)  # removed at the end
            values["VICTIM"] = str(victim)
        if name == "native_loaders":
            s.secret = f"studio-secret-key-{uuid.uuid4().hex}"
            keys = studio_home / "keys.json"
            keys.write_text(json.dumps({"openai": s.secret}))
            values["SECRET_KEYS"] = str(keys)
        template = (games_dir / "hostile" / f"{name}.py").read_text()
        s.path.write_text(_fill(template, values))
        setups[name] = s
    try:
        with pytest.MonkeyPatch.context() as mp:
            mp.setenv("HOME", str(base))
            mp.setenv("STUDIO_HOME", str(studio_home))
            mp.chdir(project)
            alone = [s for s in setups.values() if s.name not in PARALLEL]
            verdicts = studio.verify_many(
                [s.path for s in alone], seconds=SECONDS, seed=0, out_root=base / "out"
            )
            for s, v in zip(alone, verdicts, strict=True):
                s.verdict = v
            for name in PARALLEL:  # runs side by side, as `studio.verify` plays them
                setups[name].verdict = studio.verify(setups[name].path, seconds=SECONDS, seed=0)
        yield setups
    finally:  # markers, victims and sockets under /tmp go, whatever happened
        for s in setups.values():
            for listener in s.listeners:
                listener.close()
            for marker in s.markers:
                if marker.is_relative_to("/tmp"):
                    marker.unlink(missing_ok=True)


def _excerpt(v: Verdict | None) -> str:
    assert v is not None
    data = v.to_dict()
    data.pop("behaviour", None)
    data["static"] = [f for f in data.get("static", []) if f.get("kind") == "hostile"]
    return json.dumps(data, indent=1)[:3000]


@pytest.mark.slow
@pytest.mark.parametrize("name", REPORTED)
def test_the_attempt_is_reported_and_never_playable(swept, name: str) -> None:
    v = swept[name].verdict
    assert v is not None
    assert "forbidden" in v.flags, _excerpt(v)
    assert v.forbidden, _excerpt(v)
    assert not v.playable, _excerpt(v)


@pytest.mark.parametrize("name", WITH_MARKERS)
def test_markers_do_not_appear(swept, name: str) -> None:
    s = swept[name]
    for marker in s.markers:
        if not marker.name.endswith(".sock") and "-victim-" not in marker.name:
            assert not marker.exists(), f"{marker} was written; {_excerpt(s.verdict)}"


def test_a_blinded_guard_still_lets_no_connection_through(swept) -> None:
    """Loopback TCP and a world-writable unix socket on the host (the fallback shows the
    host's file system; Landlock does not govern connecting to a socket file)."""
    s = swept["guard_globals"]
    for listener in s.listeners:
        readable, _, _ = select.select([listener], [], [], 0)
        assert not readable, f"a connection reached {listener}; {_excerpt(s.verdict)}"


@pytest.mark.parametrize("name", ["traceback_cells", "guard_referents"])
def test_the_guard_reports_after_the_game_read_its_traceback(swept, name: str) -> None:
    """Both attempts are reported, not only the one before the game reached the guard's
    frames through the PermissionError's traceback."""
    s = swept[name]
    assert s.verdict is not None
    text = " ".join(s.verdict.forbidden)
    assert f"{s.markers[0]}-second" in text, _excerpt(s.verdict)


def test_every_native_door_is_reported(swept) -> None:
    s = swept["native_loaders"]
    v = s.verdict
    assert v is not None
    text = " ".join(v.forbidden)
    assert "keys.json" in text, _excerpt(v)  # the C loaders' reads
    assert str(s.markers[0]) in text, _excerpt(v)  # pygame.image.save's write
    assert s.secret not in v.to_json()


def test_a_file_outside_keeps_its_metadata(swept) -> None:
    s = swept["metadata_outside"]
    victim = s.markers[0]
    assert victim.stat().st_mtime == 0, _excerpt(s.verdict)
    assert not os.listxattr(victim), _excerpt(s.verdict)


@pytest.mark.parametrize("name", ["signal_group", "signal_pidfd"])
def test_signals_to_other_processes_are_reported(swept, name: str) -> None:
    v = swept[name].verdict
    assert v is not None
    assert any("signal" in f for f in v.forbidden), _excerpt(v)


def test_a_forged_result_hides_no_attempt(swept) -> None:
    """A game runs in the process that records its frames, so it can write its own result
    (sandbox/README.md, "What the walls do not promise"). What it cannot do with that is
    hide an attempt: the forged game below stops at frame 20, writes a result and samples
    of a fine game, and exits; it tried nothing forbidden, so none is reported either."""
    v = swept["forge_result"].verdict
    assert v is not None and not v.forbidden, _excerpt(v)


def test_a_seccomp_kill_is_reported_even_with_a_result_written(swept) -> None:
    v = swept["forge_hides_spawn"].verdict
    assert v is not None
    assert any("starting or tracing a process" in f for f in v.forbidden), _excerpt(v)


def test_a_run_cannot_write_another_runs_output(swept) -> None:
    s = swept["other_runs_output"]
    assert s.verdict is not None
    for run in s.verdict.runs:
        assert f"FORGED-{s.token}" not in run.output, _excerpt(s.verdict)


def test_a_run_cannot_end_the_runner_through_its_output_file(swept) -> None:
    """Nothing forbidden was tried (the game moved offsets of descriptors it was handed):
    every run plays to its end and the verdict is not a hang."""
    v = swept["output_offset"].verdict
    assert v is not None
    assert "hang" not in v.flags, _excerpt(v)
    assert all(run.stop_reason == "time_up" for run in v.runs), _excerpt(v)


@pytest.mark.parametrize("name", GAMES)
def test_no_process_outlives_the_verdict(swept, lingering, name: str) -> None:
    s = swept[name]
    assert s.verdict is not None
    uid = s.verdict.isolation.get("uid")
    left = lingering([str(s.path), s.token], uid if isinstance(uid, int) else None)
    for pid, _ in left:
        try:
            os.kill(pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
    assert not left, left
