"""What a remix asks the model, and how its reply is read (``prompts/remix.j2``).

The first request of every attempt carries the parent's code, the prompt it was made from
and the change request; it asks for the whole changed program (the default: small local
models rewrite a program far more reliably than they copy exact search text) and accepts
SEARCH/REPLACE blocks against it (``studio.edits``) as well. A rejected candidate (edits
that do not apply, an unchanged game, a flag the parent did not have) is asked again with
the reason (``retry``); a candidate the verifier failed gets the usual repair prompt.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from studio import prompt as p
from studio.attempts import Prompts
from studio.edits import apply_edits, has_edits, parse_edits
from studio.models.base import Reply
from studio.models.reply import extract_code, split_thinking
from studio.verdicts.report import Verdict


@dataclass
class RemixBrief:
    """What every remix request says: the change, and the parent it applies to."""

    request: str
    parent_code: str
    parent_prompt: str = ""
    parent_flags: tuple[str, ...] = ()
    edits: bool = True  # mention SEARCH/REPLACE blocks as a way to answer

    def messages(self, code: str | None = None, why: str | None = None) -> list[dict[str, str]]:
        """The chat: the system contract, then the change request about ``code`` (the
        parent unless given), after ``why`` an earlier answer was rejected."""
        user = p.render(
            "remix.j2",
            request=self.request.strip(),
            parent_prompt=" ".join(self.parent_prompt.split()),
            parent_flags=", ".join(self.parent_flags),
            parent_code=self.parent_code.rstrip(),
            code=(code if code is not None else self.parent_code).rstrip(),
            why=why,
            edits=self.edits,
        )
        return [p.system_message(), {"role": "user", "content": user}]

    def repair_prompt(self) -> str:
        """The "written for this request" line of a repair prompt."""
        parent = " ".join(self.parent_prompt.split())
        change = " ".join(self.request.split())
        return f"{parent} (then changed: {change})" if parent else change


def read_reply(reply: Reply, base: str) -> tuple[str, str]:
    """``(program, thinking)`` from a reply: edit blocks applied to ``base`` when it has
    any, else the whole program it holds (``EditsDoNotApply`` / ``NoCodeInReply``)."""
    inline, _ = split_thinking(reply.text)
    thinking = "\n".join(t for t in (reply.thinking, inline) if t)
    _, text = split_thinking(reply.text)
    if has_edits(text):
        return apply_edits(base, parse_edits(text)), thinking
    return extract_code(reply.text), thinking


def remix_prompts(brief: RemixBrief) -> Prompts:
    """The prompt builders and reply reader of a remix run (``studio.attempts.Prompts``)."""

    def make(prompt: str, design: str | None) -> list[dict[str, Any]]:
        return brief.messages()

    def repair(prompt: str, code: str, verdict: Verdict) -> list[dict[str, str]]:
        return p.repair_messages(brief.repair_prompt(), code, verdict)

    def retry(prompt: str, code: str, why: str) -> list[dict[str, Any]]:
        return brief.messages(code, why)

    def parse(reply: Reply) -> tuple[str, str]:
        return read_reply(reply, brief.parent_code)

    return Prompts(
        make=make,
        design=p.design_messages,
        repair=repair,
        parse=parse,
        apply=read_reply,
        retry=retry,
    )
