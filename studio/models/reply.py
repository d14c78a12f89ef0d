"""Reading what a model wrote: thinking apart from the answer, and the program in the answer.

Survives real replies, small local models included: ``<think>`` sections (kept as thinking,
never run), several fenced blocks (the program is picked: imports pygame, has a main loop,
compiles, uses no name it does not define, is longest), a program split over several blocks
with prose between them (joined: ``studio.models.assemble``), a last block that repeats only a
fragment, ```python / ```py / ```Python title=game.py / bare / ~~~ fences, an unterminated
fence at the end (a truncated reply), unfenced code with prose around it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from studio.errors import NoCodeInReply
from studio.models.assemble import compiles, is_program, join_blocks, undefined_names

#: A piece of a streamed reply: thinking, or the answer's text.
Piece = tuple[Literal["thinking", "text"], str]

_OPEN_TAGS = ("<think>", "<thinking>")
_CLOSE_TAGS = ("</think>", "</thinking>")
_TAG_RE = re.compile(r"</?think(?:ing)?>", re.IGNORECASE)


def split_thinking(text: str) -> tuple[str, str]:
    """``(thinking, rest)``: ``<think>``/``<thinking>`` sections apart from the answer.

    An unterminated section runs to the end (the reply was cut while thinking); a closing
    tag with no opening one (templates that open the section themselves) makes everything
    before it thinking.
    """
    thinking: list[str] = []
    rest: list[str] = []
    inside = False
    pos = 0
    for match in _TAG_RE.finditer(text):
        closing = match.group(0).startswith("</")
        chunk = text[pos : match.start()]
        if closing and not inside:
            # Orphan close: what came before (if not already kept as answer) was thinking.
            thinking.extend(rest + [chunk])
            rest = []
        elif closing:
            thinking.append(chunk)
            inside = False
        elif inside:
            thinking.append(chunk)
        else:
            rest.append(chunk)
            inside = True
        pos = match.end()
    (thinking if inside else rest).append(text[pos:])
    return "\n".join(t.strip() for t in thinking if t.strip()), "".join(rest).strip()


class ThinkSplitter:
    """Incremental ``split_thinking`` for a stream: tags may arrive split across chunks."""

    def __init__(self) -> None:
        self.inside = False
        self._pending = ""

    def feed(self, delta: str) -> list[Piece]:
        """Parts of ``delta`` as ``("thinking" | "text", piece)``, in order."""
        data = self._pending + delta
        self._pending = ""
        out: list[Piece] = []
        while data:
            match = _TAG_RE.search(data)
            if match is None:
                cut = data.rfind("<")
                tail = data[cut:].lower() if cut >= 0 else ""
                if tail and any(t.startswith(tail) for t in _OPEN_TAGS + _CLOSE_TAGS):
                    data, self._pending = data[:cut], data[cut:]
                if data:
                    out.append(("thinking" if self.inside else "text", data))
                break
            if match.start():
                out.append(("thinking" if self.inside else "text", data[: match.start()]))
            self.inside = not match.group(0).startswith("</")
            data = data[match.end() :]
        return out

    def flush(self) -> list[Piece]:
        data, self._pending = self._pending, ""
        return [("thinking" if self.inside else "text", data)] if data else []


@dataclass
class Block:
    """One fenced block of a reply."""

    lang: str
    code: str
    closed: bool


@dataclass
class Program:
    """The program found in a reply."""

    code: str
    truncated: bool  # its fence never closed: the reply was cut
    fenced: bool
    blocks: int  # fenced blocks in the reply
    joined: tuple[int, ...] = ()  # the 1-based places of the blocks joined into it, if any

    @property
    def note(self) -> str:
        """How the program was read, when that was more than taking one block ("" if not)."""
        if not self.joined:
            return ""
        places = ", ".join(map(str, self.joined[:-1])) + f" and {self.joined[-1]}"
        return (
            f"joined fenced blocks {places} of {self.blocks} into one program: no single "
            "block was the whole program"
        )


_FENCE_RE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})[ \t]*(?P<lang>[^`]*)$")
#: The language of an info string: ```Python title=game.py, ```{.python}, ```python:game.py
_LANG_RE = re.compile(r"[{.\s]*(?:language-)?([A-Za-z][\w+#-]*(?:\.\d+)?)")
_PY_LANGS = {"", "python", "py", "python3", "py3", "pygame", "python3.11"}
_PYGAME_RE = re.compile(r"^\s*(?:import\s+pygame|from\s+pygame)", re.MULTILINE)
_LOOP_RE = re.compile(r"^\s*while\b", re.MULTILINE)
_CODE_RE = re.compile(
    r"^\s*(?:import\s+\w|from\s+[\w.]+\s+import\b|def\s+\w+\s*\(|class\s+\w+|"
    r"while\s.+:|for\s.+\sin\s.+:|if\s.+:|[A-Za-z_][\w.\[\]]*\s*[-+*/]?=[^=]|"
    r"[A-Za-z_][\w.]*\(.*\)\s*$)",
    re.MULTILINE,
)
_START_RE = re.compile(r"^(?:import\s+\w|from\s+[\w.]+\s+import\b|#!|\"\"\"|''')")
_DEF_START_RE = re.compile(r"^(?:class\s+\w+|def\s+\w+\s*\(|[A-Z_][A-Z0-9_]*\s*=)")


def find_blocks(text: str) -> list[Block]:
    """Every fenced block; an unterminated last fence runs to the end (``closed=False``)."""
    blocks: list[Block] = []
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        match = _FENCE_RE.match(lines[i])
        if not match:
            i += 1
            continue
        fence, indent = match.group("fence"), len(match.group("indent"))
        body: list[str] = []
        closed = False
        i += 1
        while i < len(lines):
            stripped = lines[i].strip()
            if stripped.startswith(fence[0] * len(fence)) and not stripped.strip(fence[0]):
                closed = True
                i += 1
                break
            line = lines[i]
            body.append(line[indent:] if line[:indent].strip() == "" else line)
            i += 1
        blocks.append(Block(_lang(match.group("lang")), "\n".join(body).strip("\n"), closed))
    return blocks


def _lang(info: str) -> str:
    match = _LANG_RE.match(info)
    return match.group(1).lower() if match else ""


def _rank(block: Block) -> tuple[bool, bool, bool, bool, bool, int]:
    code = block.code
    has_loop = bool(_LOOP_RE.search(code)) and (
        "event.get" in code or ".tick(" in code or "event.poll" in code
    )
    has_main = "__main__" in code or "def main" in code
    # A fragment ("replace your main loop with this") reads names only the program defines.
    whole = undefined_names(code) == set()
    return (bool(_PYGAME_RE.search(code)), has_loop, compiles(code), whole, has_main, len(code))


def _is_code(code: str) -> bool:
    return len(_CODE_RE.findall(code)) >= 2 or bool(_PYGAME_RE.search(code))


def _unfenced(text: str) -> str | None:
    lines = text.splitlines()
    start = next((i for i, line in enumerate(lines) if _START_RE.match(line)), None)
    if start is None:
        start = next((i for i, line in enumerate(lines) if _DEF_START_RE.match(line)), None)
    if start is None:
        return None
    body = lines[start:]
    # Drop trailing prose: the longest prefix that compiles, trimming only unindented lines.
    for end in range(len(body), max(len(body) - 60, 0), -1):
        candidate = "\n".join(body[:end]).rstrip()
        if compiles(candidate):
            return candidate if _is_code(candidate) else None
        if body[end - 1][:1] in (" ", "\t"):
            break
    whole = "\n".join(body).rstrip()
    return whole if _is_code(whole) else None


def find_program(text: str) -> Program:
    """The program in a reply (thinking removed first); raises ``NoCodeInReply``."""
    text = text.replace("\r\n", "\n")
    thinking, answer = split_thinking(text)
    if not answer.strip():
        if thinking:
            raise NoCodeInReply(
                "the reply holds only thinking and no program (it may have been cut while "
                "thinking: allow more tokens, or use a model that answers after thinking)"
            )
        raise NoCodeInReply("the reply was empty: the model wrote no program")
    blocks = find_blocks(answer)
    candidates = [
        b
        for b in blocks
        if (b.lang in _PY_LANGS or _PYGAME_RE.search(b.code))
        and b.code.strip()
        and _is_code(b.code)
    ]
    if candidates:
        best = max(candidates, key=_rank)
        if len(candidates) > 1 and not is_program(best.code):
            places = [i + 1 for i, b in enumerate(blocks) if any(b is c for c in candidates)]
            joined = join_blocks([(p, blocks[p - 1].code) for p in places])
            if joined is not None:
                cut = any(not blocks[p - 1].closed for p in joined.parts)
                whole = joined.code.rstrip() + "\n"
                return Program(whole, cut, True, len(blocks), joined.parts)
        return Program(best.code.rstrip() + "\n", not best.closed, True, len(blocks))
    code = _unfenced(answer) if not blocks else None
    if code:
        return Program(code + "\n", False, False, 0)
    start = " ".join(answer.split())[:80]
    what = f"{len(blocks)} fenced block(s), none of them Python" if blocks else "no code lines"
    raise NoCodeInReply(
        f"the reply holds no Python program ({what}); it began: {start!r}. "
        "The model should answer with the whole game in one ```python block."
    )


def extract_code(text: str) -> str:
    """The program's source from a reply; raises ``NoCodeInReply`` with what was there."""
    return find_program(text).code


def reading_note(text: str) -> str:
    """What the run log should say about how the program was read from ``text`` ("" when it
    was simply one block, or when there is no program to read)."""
    try:
        return find_program(text).note
    except NoCodeInReply:
        return ""
