"""Replies cut at the output limit: ask the model to continue, and join the parts.

A reply is cut when the server says so (``finish_reason: "length"``), when the stream ended
without a finish reason inside an open code fence, or when it "stopped" inside an open fence
whose code does not compile (servers that report ``stop`` at their token limit). Then the
model gets the usual continuation request, the partial reply as the assistant turn and a
user turn asking for the rest, and the parts are joined before anything is verified: a
continuation that opens a new fence, repeats the last lines or the cut line, or starts the
program over is joined as the model meant it. After ``limit`` continuations that are cut
too, ``OutputLimitReached`` names the setting to raise for the preset in use.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from studio.errors import OutputLimitReached, TruncatedReply
from studio.models.assemble import compiles, is_program
from studio.models.base import Reply, Usage
from studio.models.endpoints import Endpoint
from studio.models.reply import find_blocks

#: Continuations asked for at most, per reply.
MAX_CONTINUATIONS = 3
CONTINUE = (
    "Your reply was cut off by the output limit. Continue exactly where it stopped, from the "
    "next character: do not repeat anything you already wrote and do not start over. If it "
    "stopped inside the code block, go on with the code itself."
)
#: Marks the parts of a continued reply in the raw text kept in the run log.
PART_MARK = "\n\n----- continuation {n} (the reply above was cut at the output limit) -----\n\n"

_CLOSE_RE = re.compile(r"</think(?:ing)?>", re.IGNORECASE)
_OPEN_THINK_RE = re.compile(r"<think(?:ing)?>", re.IGNORECASE)
_OPENER_RE = re.compile(r"^[ \t]*(`{3,}|~{3,})[ \t]*(\S*)[^\n]*$", re.MULTILINE)
_CODE_LINE_RE = re.compile(
    r"^\s*(?:import\s|from\s\S+\simport|def\s|class\s|if\s|for\s|while\s|return\b|"
    r"[A-Za-z_][\w.\[\]]*\s*[-+*/]?=|[A-Za-z_][\w.]*\(|#|\"\"\"|[)\]}])"
)


def open_block(text: str) -> str | None:
    """The code of the fenced block ``text`` ends inside, or None when no fence is open."""
    blocks = find_blocks(text)
    return blocks[-1].code if blocks and not blocks[-1].closed else None


def cut_reason(answer: str, finish: str) -> str | None:
    """Why a finished reply must be continued, or None when it is whole."""
    code = open_block(answer)
    if finish == "length":
        blocks = find_blocks(answer) if code is None else []
        if any(is_program(b.code) for b in blocks):
            return None  # cut in the prose after a whole program: nothing is missing
        return "the output limit"
    if code is None:
        return None
    if not finish:
        return "a stream that ended inside the code"
    if finish == "stop" and code.strip() and not compiles(code):
        return "a reply that stopped inside unfinished code"
    return None


def answer_of(reply: Reply) -> str:
    """The answer as it streamed, thinking removed but its end kept as it was: a reply cut
    after a newline and an indent must be continued after them, not after a stripped end."""
    raw = str(reply.extra.get("raw", reply.text))
    closing = [m.end() for m in _CLOSE_RE.finditer(raw)]
    if closing:
        raw = raw[closing[-1] :]
    elif _OPEN_THINK_RE.search(raw):
        return reply.text  # cut while thinking: there is no answer to continue
    return raw.lstrip()


def continuation_messages(messages: list[dict[str, str]], partial: str) -> list[dict[str, str]]:
    """The original request, the partial reply as the assistant turn, and "continue"."""
    return [
        *messages,
        {"role": "assistant", "content": partial},
        {"role": "user", "content": CONTINUE},
    ]


def _strip_reopened_fence(more: str) -> str:
    """A continuation that reopens the fence (after a line of prose at most): the code only."""
    match = _OPENER_RE.search(more)
    if match is None:
        return more
    before = more[: match.start()]
    if any(_CODE_LINE_RE.match(line) for line in before.splitlines() if line.strip()):
        return more  # code came first: this fence closes the block
    after = more[match.end() + 1 :]
    first = next((line for line in after.splitlines() if line.strip()), "")
    if not match.group(2) and not _CODE_LINE_RE.match(first):
        return more  # a bare fence followed by prose: the closing fence of the cut block
    return after


def join(partial: str, more: str) -> str:
    """``partial`` (cut) followed by ``more`` (its continuation), as one reply."""
    code = open_block(partial)
    if code is None:
        return partial + more
    body = _strip_reopened_fence(more)
    first_code = next((ln for ln in code.splitlines() if ln.strip()), "")
    first_more = next((ln for ln in body.splitlines() if ln.strip()), "")
    if body is not more and len(first_code.strip()) >= 8 and first_more == first_code:
        # The model started the program over: keep the new one, in the cut block's place
        # (the last fence line of ``partial`` opens that block: a later one would close it).
        opener = list(_OPENER_RE.finditer(partial))[-1]
        return partial[: opener.end() + 1] + body
    if partial.endswith("\n"):
        return partial + _drop_repeated_lines(partial, body)
    # Cut inside a line: the continuation either finishes it or writes it again whole.
    last = partial[partial.rfind("\n") + 1 :]
    lines = body.split("\n", 1)
    if last.strip() and lines[0].startswith(last) and len(lines[0]) > len(last):
        return partial[: len(partial) - len(last)] + body
    return partial + body


def _drop_repeated_lines(partial: str, more: str) -> str:
    """``more`` without the lines at its start that repeat the end of ``partial``."""
    tail = partial.rstrip("\n").split("\n")
    lines = more.split("\n")
    for k in range(min(len(tail), len(lines), 40), 0, -1):
        repeated = lines[:k]
        if tail[-k:] == repeated and sum(len(line.strip()) for line in repeated) >= 8:
            return "\n".join(lines[k:])
    return more


def advice(endpoint: Endpoint, max_tokens: int | None) -> str:
    """The settings to raise for the preset in use, so that a game fits."""
    sent = f"now {max_tokens}" if max_tokens else "none sent"
    flag = f"--max-tokens ({sent}; or `studio config set max_tokens N`, or STUDIO_MAX_TOKENS)"
    preset = endpoint.preset or ""
    if preset == "ollama":
        return (
            "Raise Ollama's context, which bounds what it writes: start it with "
            "OLLAMA_CONTEXT_LENGTH=16384 (or set `PARAMETER num_ctx 16384` and `PARAMETER "
            f"num_predict -1` in the model's Modelfile), and raise {flag}, sent as num_predict."
        )
    if preset == "llamacpp":
        return (
            "Start llama-server with a larger context and no output cap (`-c 16384 -n -1`; "
            f"-n is n_predict), and raise {flag}, sent as n_predict."
        )
    if preset == "vllm":
        return f"Serve the model with a larger --max-model-len, and raise {flag}."
    if preset == "lmstudio":
        return f"Load the model in LM Studio with a larger context length, and raise {flag}."
    return f"Raise {flag}, or use a model with a larger output limit."


def _total(parts: list[Reply]) -> Usage:
    return Usage(
        prompt_tokens=sum(p.usage.prompt_tokens for p in parts),
        completion_tokens=sum(p.usage.completion_tokens for p in parts),
        reasoning_tokens=sum(p.usage.reasoning_tokens for p in parts),
    )


def complete(
    first: Reply,
    ask: Callable[[list[dict[str, str]], int], Reply],
    messages: list[dict[str, str]],
    *,
    endpoint: Endpoint,
    max_tokens: int | None,
    limit: int = MAX_CONTINUATIONS,
    status: Callable[[str], None] | None = None,
) -> Reply:
    """``first``, continued while it is cut (``ask(messages, tokens so far)`` asks again).

    Raises ``OutputLimitReached`` (carrying every part's tokens) when the reply is still cut
    after ``limit`` continuations, or was cut before it held any answer at all;
    ``TruncatedReply`` when the last part ended with no finish reason (the stream was cut).
    """
    parts = [first]
    text = answer_of(first)
    reason = cut_reason(text, first.finish_reason)
    while reason is not None:
        if not text.strip() or len(parts) > limit:
            raise _limit_error(parts, text, endpoint, max_tokens)
        if status is not None:
            status(f"reply cut by {reason}; asking the model to continue ({len(parts)}/{limit})")
        more = ask(continuation_messages(messages, text), _total(parts).completion_tokens)
        parts.append(more)
        added = answer_of(more)
        if more.finish_reason == "stop" and not any(map(_CODE_LINE_RE.match, added.split("\n"))):
            break  # "the code is complete": prose only, so the reply stands as it was
        text = join(text, added)
        reason = cut_reason(text, more.finish_reason)
    if len(parts) == 1:
        return first
    last = parts[-1]
    raw = "".join(
        (PART_MARK.format(n=i) if i else "") + str(p.extra.get("raw", p.text))
        for i, p in enumerate(parts)
    )
    return Reply(
        text=text.strip(),
        thinking="\n".join(p.thinking for p in parts if p.thinking),
        usage=_total(parts),
        finish_reason=last.finish_reason,
        model=last.model,
        seconds=sum(p.seconds for p in parts),
        extra={
            **first.extra,
            "raw": raw,
            "continuations": len(parts) - 1,
            "cost_usd": _cost(parts),
        },
    )


def _cost(parts: list[Reply]) -> float | None:
    costs = [p.extra.get("cost_usd") for p in parts]
    if any(c is None for c in costs):
        return None
    return round(sum(float(c) for c in costs if c is not None), 6)


def _limit_error(
    parts: list[Reply], text: str, endpoint: Endpoint, max_tokens: int | None
) -> TruncatedReply:
    partial = "".join(
        (PART_MARK.format(n=i) if i else "") + str(p.extra.get("raw", p.text))
        for i, p in enumerate(parts)
    )
    if not parts[-1].finish_reason:  # no finish reason at all: the stream itself was cut
        cut = TruncatedReply(
            f"the reply from {endpoint.base_url} stopped inside its code without finishing "
            f"{len(parts)} times, continuations included (the stream was cut, after "
            f"{len(text)} characters in all); try again."
        )
        cut.usage, cut.partial = _total(parts), partial
        return cut
    if text.strip():
        what = (
            f"its reply was cut at the limit {len(parts)} times (after {len(text)} characters), "
            f"although it was asked to continue {len(parts) - 1} times"
        )
    else:
        what = (
            "it was cut at the limit before it wrote any answer (while thinking, or the prompt "
            "filled its context)"
        )
    error = OutputLimitReached(
        f"the model's output limit is too small for this game: {what}. "
        + advice(endpoint, max_tokens)
    )
    error.usage, error.partial = _total(parts), partial
    return error
