"""The chat messages the studio sends to models, rendered from ``prompts/*.j2``.

Templates load from the installed ``studio.prompts`` package (so they work after
``pip install .``) with ``StrictUndefined``: a missing variable is a bug, never blank text.
"""

from __future__ import annotations

import functools
from importlib import resources
from typing import Any

import jinja2

from studio.errors import StudioError

MAX_WIDTH, MAX_HEIGHT = 1024, 768
#: Lines of a traceback kept for the repair prompt (its end, where the cause is).
TRACEBACK_LINES = 40

#: What each verifier flag means, in words that tell the model what to fix.
FLAG_HELP: dict[str, str] = {
    "syntax_error": "the file does not compile; fix the syntax so the whole file parses",
    "import_error": "it imports something unavailable; use only the standard library and pygame",
    "crash": "it raised an exception while running; fix the cause shown in the traceback",
    "hang": "it stopped drawing frames (an endless loop without clock.tick, or blocking calls); "
    "every frame must handle events, update, draw, flip and tick",
    "exits_early": "it quit on its own before the test ended; only quit on pygame.QUIT "
    "(or Escape), and on game over show a game-over screen instead of exiting",
    "blank_screen": "the screen stayed a single flat colour; draw the game every frame and "
    "call pygame.display.flip()",
    "frozen": "the picture never changed; animate and redraw every frame",
    "ignores_input": "nothing on screen reacted to keys or clicks; handle arrows/WASD/Space/"
    "Enter/mouse from the start (title screens must start on Enter, Space or a click)",
    "forbidden": "it tried something the sandbox forbids (network, files, processes); remove it",
    "memory_limit": "it used too much memory; avoid unbounded lists and huge surfaces",
    "cpu_hog": "the loop never waits; call clock.tick(FPS) once per frame",
    "output_flood": "it printed too much; remove print calls from the loop",
    "missing_asset": "it loaded a file that does not exist; draw with shapes and the default "
    "font, synthesize any sound, load no files",
}


def _load(name: str) -> str:
    try:
        return (resources.files("studio.prompts") / name).read_text(encoding="utf-8")
    except (FileNotFoundError, ModuleNotFoundError) as exc:
        raise StudioError(
            f"prompt template {name} is missing from the installed package ({exc}); "
            "reinstall the studio with `pip install .`"
        ) from None


@functools.cache
def environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FunctionLoader(_load),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
        autoescape=False,
    )


def render(name: str, **values: Any) -> str:
    return environment().get_template(name).render(**values).strip() + "\n"


def system_message() -> dict[str, str]:
    return {
        "role": "system",
        "content": render("contract.j2", max_width=MAX_WIDTH, max_height=MAX_HEIGHT),
    }


def make_messages(prompt: str, *, design: str | None = None) -> list[dict[str, str]]:
    """Messages asking for the game (following ``design`` when Big Brain wrote one)."""
    design = design.strip() if design else None
    user = render("make.j2", prompt=prompt.strip(), design=design)
    return [system_message(), {"role": "user", "content": user}]


def design_messages(prompt: str) -> list[dict[str, str]]:
    """Messages asking for a short design document first (Big Brain mode)."""
    return [system_message(), {"role": "user", "content": render("design.j2", prompt=prompt)}]


def _tail(text: str, lines: int = TRACEBACK_LINES) -> str:
    parts = text.rstrip().splitlines()
    if len(parts) <= lines:
        return "\n".join(parts)
    return "\n".join(["... (earlier lines left out)", *parts[-lines:]])


def repair_messages(prompt: str, code: str, verdict: Any) -> list[dict[str, str]]:
    """Messages asking to fix ``code`` given the verifier's ``Verdict`` about it."""
    flags = [f for f in verdict.flags]
    error = verdict.error
    if error is None:
        error = next((run.error for run in verdict.runs if run.error), None)
    traceback = _tail(error.traceback) if error and error.traceback else ""
    user = render(
        "repair.j2",
        prompt=prompt.strip(),
        code=code.rstrip(),
        summary=verdict.summary(),
        flags=flags,
        flags_text=verdict.reasons(),
        flag_help={f: FLAG_HELP.get(f, f.replace("_", " ")) for f in flags},
        error=error,
        traceback=traceback,
        stop_reason=verdict.stop_reason,
        forbidden=list(verdict.forbidden),
        findings=[f for f in verdict.static if f.blocking or f.kind != "contract"],
        runs=list(verdict.runs),
        divergence=verdict.divergence,
        notes=list(getattr(verdict, "notes", [])),
        game_seconds=f"{verdict.game_seconds or 30:g}",
    )
    return [system_message(), {"role": "user", "content": user}]
