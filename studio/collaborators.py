"""The runner's default collaborators: the real verifier, the sandbox killer, the model
layer's prompt builders; tests and benchmarks inject their own instead."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from studio.attempts import Prompts, Verifier


def default_verifier() -> Verifier:
    import studio

    return studio.verify


def default_kill() -> Callable[[], object]:
    from studio.verdicts import sandbox

    return sandbox.kill_all


def safe_default_kill() -> Callable[[], object] | None:
    try:
        return default_kill()
    except ImportError:
        return None


def default_prompts() -> Prompts:
    """The model layer's prompt builders and reply parser."""
    from studio import prompt as p
    from studio.models.reply import extract_code, split_thinking

    def parse(reply: Any) -> tuple[str, str]:
        inline, _ = split_thinking(reply.text)
        thinking = "\n".join(t for t in (reply.thinking, inline) if t)
        return extract_code(reply.text), thinking

    return Prompts(
        make=lambda prompt, design: p.make_messages(prompt, design=design),
        design=p.design_messages,
        repair=p.repair_messages,
        parse=parse,
    )
