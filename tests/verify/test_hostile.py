"""Hostile games with harmless payloads: each must fail inside the sandbox AND be reported.

The games are templates in ``games/hostile/``; the fixture fills in their placeholders (a
port the test listens on, marker paths under /tmp, a victim file, secret files) and then
verifies them all in ONE ``verify_many`` call. The games are never run outside the sandbox.
Each is otherwise a playable little game that catches the error it gets, so ``forbidden``
must be the only reason to reject it.
"""

from __future__ import annotations

import json
import os
import re
import select
import shutil
import signal
import socket
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

import studio
from studio.verdicts import isolation
from studio.verdicts.report import SOFT_FLAGS, Verdict

if os.environ.get("STUDIO_ISOLATION") == "fallback" and not isolation.fallback_drops_root():
    pytest.skip(
        "the fallback refuses to run games as root with this Python "
        "(test_the_fallback_never_runs_a_game_as_root)",
        allow_module_level=True,
    )

SECONDS = 5.0
HOSTILE = [
    "network_socket",  # TCP connection to a loopback port the test listens on
    "network_urllib",  # HTTP request to that kind of port through urllib
    "write_outside",  # a marker under /tmp and a file beside its own source
    "spawn_subprocess",  # subprocess.run(["touch", marker])
    "os_system",  # os.system("touch marker")
    "fork",  # os.fork(); the child writes a marker and lives forever
    "obfuscated",  # os.system reached through __import__/getattr, unseen by static checks
    "read_home_secret",  # the user's ~/.ssh/id_rsa (a fake HOME)
    "read_project_secret",  # the .env of the project the game sits in
    "delete",  # os.remove, Path.unlink, shutil.rmtree, os.replace of files not its own
    "catches_permission",  # writes outside, catches PermissionError, carries on
    "spawn_fork_exec",  # _posixsubprocess.fork_exec by a computed name, in a new session
    "stack_walk",  # walks the stack to the guard and switches it off, then escapes
    "read_keys_file",  # the studio's keys file, by open() and by pygame.image.load (C)
]
WITH_MARKERS = ["write_outside", "spawn_subprocess", "os_system", "fork", "obfuscated"]
WITH_MARKERS += ["catches_permission", "spawn_fork_exec", "stack_walk"]
NETWORK = ["network_socket", "network_urllib"]
SECRETS = ["read_home_secret", "read_project_secret", "read_keys_file"]
#: Games whose runs the sandbox's walls end at the attempt (no game goes on after it).
ENDED = ["spawn_fork_exec"]


@dataclass
class Setup:
    """One hostile game as verified: its file, what it must not have done, its verdict."""

    name: str
    path: Path
    token: str
    markers: list[Path] = field(default_factory=list)
    listener: socket.socket | None = None
    victims: list[Path] = field(default_factory=list)  # files that must survive as made
    secret: str = ""
    out_root: Path | None = None
    verdict: Verdict | None = None


def _fill(template: str, values: dict[str, str]) -> str:
    for key, value in values.items():
        template = template.replace(f"@{key}@", value)
    assert re.search(r"@[A-Z_]+@", template) is None, "a placeholder was left unfilled"
    return template


def _listener() -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    sock.listen(8)
    sock.setblocking(False)
    return sock


@pytest.fixture(scope="module")
def hostile(verify_env, games_dir, tmp_path_factory) -> Iterator[dict[str, Setup]]:
    base = tmp_path_factory.mktemp("hostile")
    home = base / "home"  # the user's (fake) home folder, with a private key in it
    (home / ".ssh").mkdir(parents=True)
    project = base / "project"  # a project the user runs `studio test` in
    project.mkdir()
    (project / "pyproject.toml").write_text('[project]\nname = "mine"\n')
    loose = base / "games"  # a plain folder of downloaded games
    loose.mkdir()
    studio_home = base / "studio-home"  # the studio's own folder, with its keys file
    studio_home.mkdir()
    setups: dict[str, Setup] = {}
    for name in HOSTILE:
        token = uuid.uuid4().hex
        folder = project if name == "read_project_secret" else loose
        s = Setup(name, folder / f"{name}_{token}.py", token)
        values: dict[str, str] = {}
        if name in NETWORK:
            s.listener = _listener()
            values["PORT"] = str(s.listener.getsockname()[1])
        if name in WITH_MARKERS:
            s.markers.append(Path(f"/tmp/studio-hostile-{token}.txt"))
            values["MARKER"] = str(s.markers[0])
        if name == "write_outside":
            values["BESIDE"] = f"beside-{token}.txt"
            s.markers.append(folder / values["BESIDE"])
        if name == "delete":
            victim = Path(f"/tmp/studio-victim-{token}")
            (victim.parent / f"{victim.name}-dir").mkdir()
            for suffix in ("", "-unlink", "-moved", "-dir/inside"):
                s.victims.append(Path(f"{victim}{suffix}"))
                s.victims[-1].write_text(f"victim {token}")
            values["VICTIM"] = str(victim)
        if name == "read_home_secret":
            s.secret = f"studio-secret-home-{uuid.uuid4().hex}"
            key = home / ".ssh" / f"id_rsa_{token}"
            key.write_text(s.secret + "\n")
            values["SECRET_HOME"] = str(key)
            values["SECRET_HOME_RELATIVE"] = f".ssh/id_rsa_{token}"
        if name == "read_project_secret":
            s.secret = f"studio-secret-project-{uuid.uuid4().hex}"
            (project / ".env").write_text(f"API_TOKEN={s.secret}\n")
            values["SECRET_PROJECT"] = str(project / ".env")
        if name == "read_keys_file":
            s.secret = f"studio-secret-key-{uuid.uuid4().hex}"
            (studio_home / "keys.json").write_text(json.dumps({"openai": s.secret}))
            values["SECRET_KEYS"] = str(studio_home / "keys.json")
        template = (games_dir / "hostile" / f"{name}.py").read_text()
        s.path.write_text(_fill(template, values))
        setups[name] = s

    out_root = base / "out"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("HOME", str(home))
        mp.setenv("STUDIO_HOME", str(studio_home))
        mp.chdir(project)  # as when a person runs `studio test` inside their project
        verdicts = studio.verify_many(
            [s.path for s in setups.values()], seconds=SECONDS, seed=0, out_root=out_root
        )
    for s, v in zip(setups.values(), verdicts, strict=True):
        s.verdict, s.out_root = v, out_root
    yield setups
    for s in setups.values():
        if s.listener is not None:
            s.listener.close()
        for marker in s.markers:
            if marker.is_relative_to("/tmp"):
                marker.unlink(missing_ok=True)
        for victim in s.victims:
            if victim.parent.name.startswith("studio-victim-"):
                shutil.rmtree(victim.parent, ignore_errors=True)
            victim.unlink(missing_ok=True)


def _excerpt(v: Verdict | None) -> str:
    assert v is not None
    data = v.to_dict()
    data.pop("behaviour", None)
    data["static"] = [f for f in data.get("static", []) if f.get("kind") == "hostile"]
    return json.dumps(data, indent=1)[:3000]


@pytest.mark.slow
@pytest.mark.parametrize("name", HOSTILE)
def test_forbidden_is_reported_and_the_only_reason(hostile, name: str) -> None:
    v = hostile[name].verdict
    assert v is not None
    assert "forbidden" in v.flags, _excerpt(v)
    assert not v.playable, _excerpt(v)
    assert v.forbidden, _excerpt(v)
    assert all(isinstance(item, str) and item.strip() for item in v.forbidden), _excerpt(v)
    blocking = {f for f in v.flags if f not in SOFT_FLAGS}
    assert blocking == {"forbidden"}, _excerpt(v)


@pytest.mark.parametrize("name", [n for n in HOSTILE if n not in ENDED])
def test_refused_at_run_time_and_the_game_carried_on(hostile, name: str) -> None:
    """The runs happened (static findings alone do not stop them), the attempt was
    reported from inside the run, and the game went on to the end of its time."""
    v = hostile[name].verdict
    assert v is not None and v.runs, _excerpt(v)
    for run in v.runs:
        assert run.forbidden, _excerpt(v)  # reported by the run itself, not only statically
        assert run.stop_reason == "time_up", _excerpt(v)
        assert run.frames > 60, _excerpt(v)


@pytest.mark.parametrize("name", WITH_MARKERS)
def test_markers_do_not_appear(hostile, name: str) -> None:
    s = hostile[name]
    for marker in s.markers:
        assert not marker.exists(), f"{marker} was written; {_excerpt(s.verdict)}"


@pytest.mark.parametrize("name", NETWORK)
def test_no_connection_arrives(hostile, name: str) -> None:
    listener = hostile[name].listener
    assert listener is not None
    readable, _, _ = select.select([listener], [], [], 0)  # a pending connection is readable
    assert not readable, f"a connection reached 127.0.0.1; {_excerpt(hostile[name].verdict)}"


def test_victim_files_survive(hostile) -> None:
    s = hostile["delete"]
    assert len(s.victims) == 4
    for victim in s.victims:  # os.remove, Path.unlink, shutil.rmtree, os.replace
        assert victim.is_file(), f"{victim} is gone; {_excerpt(s.verdict)}"
        assert victim.read_text() == f"victim {s.token}"


def _files_under(root: Path) -> Iterator[Path]:
    for dirpath, _, names in os.walk(root):
        for n in names:
            yield Path(dirpath) / n


@pytest.mark.parametrize("name", SECRETS)
def test_secret_does_not_leak(hostile, name: str, verify_env) -> None:
    s = hostile[name]
    assert s.verdict is not None and s.secret and s.out_root is not None
    assert s.secret not in s.verdict.to_json(), _excerpt(s.verdict)
    leaked = [
        str(p)
        for root in (verify_env, s.out_root)
        for p in _files_under(root)
        if s.secret.encode() in p.read_bytes()
    ]
    assert not leaked, leaked


@pytest.mark.parametrize("name", HOSTILE)
def test_no_process_outlives_the_verdict(hostile, lingering, name: str) -> None:
    s = hostile[name]
    assert s.verdict is not None
    uid = s.verdict.isolation.get("uid")
    left = lingering([str(s.path), s.token], uid if isinstance(uid, int) else None)
    for pid, _ in left:  # don't leave them running on the machine if the check fails
        try:
            os.kill(pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
    assert not left, left


@pytest.mark.parametrize("name", ENDED)
def test_a_run_the_walls_ended_says_why(hostile, name: str) -> None:
    """A spawn by a door the guard does not watch is stopped by the run's seccomp wall; the
    run ends there and the verdict says what it tried (not a hang, not a crash)."""
    v = hostile[name].verdict
    assert v is not None and v.runs, _excerpt(v)
    walled = [f for f in v.forbidden if "starting or tracing a process" in f]
    assert walled, _excerpt(v)
    assert all(run.stop_reason == "ended by the sandbox" for run in v.runs), _excerpt(v)
    assert {f for f in v.flags if f not in SOFT_FLAGS} == {"forbidden"}, _excerpt(v)


def test_the_guard_cannot_be_switched_off_from_the_game(hostile) -> None:
    """Every attempt after the game walked the stack is refused and reported by the run."""
    v = hostile["stack_walk"].verdict
    assert v is not None
    for run in v.runs:  # reported by each run itself, not only by the static checks
        text = " ".join(run.forbidden)
        assert "writing outside its directory" in text, _excerpt(v)
        assert "spawning a process" in text, _excerpt(v)


def test_a_native_read_is_reported_too(hostile) -> None:
    v = hostile["read_keys_file"].verdict
    assert v is not None
    reads = [f for f in v.forbidden if "keys.json" in f and "reading files outside" in f]
    assert reads, _excerpt(v)
