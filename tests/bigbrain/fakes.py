"""Injected collaborators for runner tests: a scripted model and a verifier that reads markers.

The fake verifier reads ``# VERDICT: playable 80`` / ``# VERDICT: crash`` and
``# BEHAVIOUR: 0.1,0.2`` lines from the candidate, so a test states each candidate's fate in
its code. (End-to-end tests in test_make.py use the real verifier and real pygame programs.)
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from pathlib import Path

from studio.attempts import Prompts
from studio.errors import NoCodeInReply
from studio.models.base import Event, Reply, Request, Usage
from studio.verdicts.report import ErrorInfo, Verdict

Script = Callable[[Request, Callable[[Event], None] | None], Reply]


def program(verdict: str, behaviour: str = "0.5,0.5", extra: str = "", about: str = "snake") -> str:
    """A candidate's code carrying its fate for the fake verifier (a game ``about`` that)."""
    return (
        f'"""Fake {about} game.\n\nControls: arrows move.\n"""\n'
        f"# VERDICT: {verdict}\n# BEHAVIOUR: {behaviour}\n{extra}\n"
        "import random\n\nSEED = 1\nprint(random.random())\n"
    )


def reply(code: str, thinking: str = "", tokens: int = 10, **extra: object) -> Reply:
    return Reply(
        text=f"Here it is:\n```python\n{code}```\n",
        thinking=thinking,
        usage=Usage(prompt_tokens=5, completion_tokens=tokens),
        finish_reason="stop",
        extra=dict(extra),
    )


class ScriptedModel:
    """A ``Model`` whose every answer comes from ``script(request, on_event)``."""

    def __init__(self, script: Script, source: str = "model", label: str = "fake via test"):
        self.script = script
        self.source = source
        self.label = label
        self.requests: list[Request] = []
        self._lock = threading.Lock()

    def execute(self, request: Request, on_event: Callable[[Event], None] | None = None) -> Reply:
        with self._lock:
            self.requests.append(request)
        if on_event is not None:
            on_event(Event("thinking", "let me think\n", tokens=1))
        answer = self.script(request, on_event)
        if on_event is not None:
            on_event(Event("text", answer.text[:20], tokens=answer.usage.completion_tokens))
        return answer


class FakeVerifier:
    """Verdicts from the markers in the code; records calls and the peak concurrency."""

    def __init__(self, before: Callable[[Path], None] | None = None) -> None:
        self.calls: list[Path] = []
        self.active = 0
        self.peak = 0
        self.verified: dict[str, threading.Event] = {}
        self.before = before
        self._lock = threading.Lock()

    def event_for(self, attempt_dir: str) -> threading.Event:
        with self._lock:
            return self.verified.setdefault(attempt_dir, threading.Event())

    def __call__(self, path: Path, *, seconds: float, seed: int, out: Path | None) -> Verdict:
        with self._lock:
            self.calls.append(Path(path))
            self.active += 1
            self.peak = max(self.peak, self.active)
        try:
            if self.before is not None:
                self.before(Path(path))
            return self._verdict(Path(path), out)
        finally:
            with self._lock:
                self.active -= 1
            rel = Path(path).parent.name
            self.event_for(rel).set()

    def _verdict(self, path: Path, out: Path | None) -> Verdict:
        code = path.read_text()
        fate = re.search(r"# VERDICT: (\w+)(?: (\d+))?", code)
        beh = re.search(r"# BEHAVIOUR: ([\d.,]+)", code)
        behaviour = [float(x) for x in beh.group(1).split(",")] if beh else []
        artifacts = {}
        if out is not None:
            out.mkdir(parents=True, exist_ok=True)
            thumb = out / "thumb.png"
            _tiny_png(thumb)
            artifacts["thumbnail"] = str(thumb)
        kind = fate.group(1) if fate else "crash"
        if kind == "playable":
            return Verdict(
                str(path),
                True,
                int(fate.group(2) or 80),
                [],
                behaviour=behaviour,
                artifacts=artifacts,
            )
        line = re.search(r"# ERROR: (.*)", code)
        message = line.group(1) if line else f"{kind} happened"
        error = ErrorInfo("RuntimeError", message, f"Traceback: {message}", "input")
        return Verdict(
            str(path), False, 10, [kind], error=error, behaviour=behaviour, artifacts=artifacts
        )


def _tiny_png(path: Path) -> None:
    from PIL import Image

    Image.new("RGB", (4, 4), (200, 30, 30)).save(path)


def simple_prompts() -> Prompts:
    """Prompt builders that show what they got, and the model layer's real code extraction."""
    from studio.models.reply import extract_code

    def parse(answer: Reply) -> tuple[str, str]:
        if "```" not in answer.text:
            raise NoCodeInReply("the reply holds no Python program")
        return extract_code(answer.text), answer.thinking

    return Prompts(
        make=lambda prompt, design: [
            {"role": "system", "content": "contract"},
            {
                "role": "user",
                "content": f"MAKE {prompt}" + (f"\nDESIGN {design}" if design else ""),
            },
        ],
        design=lambda prompt: [{"role": "user", "content": f"DESIGN {prompt}"}],
        repair=lambda prompt, code, verdict: [
            {
                "role": "user",
                "content": f"REPAIR {prompt}\n{verdict.reasons()}\n"
                f"{verdict.error.traceback if verdict.error else ''}\n{code}",
            },
        ],
        parse=parse,
    )
