"""Judge votes: a vision model compares two games made for the same prompt.

It is shown the prompt and both games' pictures (the verifier's thumbnail and frames of its
preview, as OpenAI image content parts, the way the make judge sends them) and answers with
one line of JSON: ``{"vote": "A" | "B" | "tie" | "both_bad", "reason": "..."}``. An answer
that cannot be read is asked again once, then the pair is skipped. Its votes are stored
marked as a judge's (``judge: true``, its model, its reason) and never mixed with people's.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from studio.arena.board import agreement
from studio.arena.pairs import Drawer, NoPairs, Pair
from studio.arena.pool import Game
from studio.arena.session import vote_for
from studio.arena.votes import Vote, read_votes, record
from studio.errors import ModelError, UsageError
from studio.judging import answer_objects, image_part, judge_endpoint, picture_frames
from studio.models.base import Model, Request

TIMEOUT = 180.0

SYSTEM = (
    "You compare two small video games made for the same request by two anonymous makers. "
    "You are shown the request and pictures of each game being played (game A first, then "
    "game B). Judge which is the better game for that request: is it the game asked for, "
    "does it look playable and fun, is it clear what to do. Answer with one line of JSON and "
    'nothing else: {"vote": "A", "reason": "one short sentence"} where vote is "A" (A is '
    'better), "B" (B is better), "tie" (equally good) or "both_bad" (neither is any good).'
)
RETRY = (
    "Your answer could not be read. Reply with only one line of JSON, for example: "
    '{"vote": "B", "reason": "B is the snake game asked for; A shows no snake"}'
)
_CHOICES = {
    "a": "A",
    "game a": "A",
    "b": "B",
    "game b": "B",
    "tie": "tie",
    "draw": "tie",
    "equal": "tie",
    "both_bad": "both_bad",
    "both bad": "both_bad",
    "neither": "both_bad",
}


@dataclass
class JudgeReport:
    model: str
    voted: list[Vote] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # why each skipped pair was skipped
    stopped: str = ""  # why the judge stopped before --pairs

    def lines(self, people: list[Vote], judged: list[Vote]) -> list[str]:
        out = [f"the judge ({self.model}) voted on {len(self.voted)} pair(s)"]
        out += [f"skipped: {why}" for why in self.skipped]
        if self.stopped:
            out.append(f"stopped: {self.stopped}")
        agreed = agreement(people, judged)
        if agreed.pairs:
            out.append(
                f"the judge agrees with people on {agreed.agreed} of {agreed.pairs} pairs both "
                f"voted on ({agreed.agreed / agreed.pairs * 100:.0f}%)"
            )
        else:
            out.append("no pair has votes from both people and the judge yet")
        return out


def parse_vote(text: str) -> tuple[str, str] | None:
    """The judge's (vote, reason), or None when the answer holds no vote."""
    objects, text = answer_objects(text)
    for data in objects:
        choice = _CHOICES.get(str(data.get("vote", "")).strip().lower())
        if choice is not None:
            return choice, _reason(str(data.get("reason") or ""))
    found = re.search(r"vote\W{0,3}(game a|game b|both[ _]bad|a|b|tie)\b", text, re.I)
    if found is None:
        return None
    said = re.search(r"reason\W{0,3}(.+)", text, re.I)
    return _CHOICES[found.group(1).lower()], _reason(said.group(1) if said else "")


def _reason(text: str) -> str:
    return " ".join(text.strip().strip('"').split())[:200] or "no reason given"


def pictures(game: Game) -> list[bytes]:
    return picture_frames(game.thumbnail, game.preview)


def messages(pair: Pair) -> list[dict[str, Any]] | None:
    """The request with both games' frames; None when a game has no pictures to show."""
    a, b = pictures(pair.a), pictures(pair.b)
    if not a or not b:
        return None
    parts: list[dict[str, Any]] = [
        {"type": "text", "text": f"The request: {pair.prompt.strip()}\n\nGame A ({len(a)} frames):"}
    ]
    parts.extend(image_part(png) for png in a)
    parts.append({"type": "text", "text": f"Game B ({len(b)} frames):"})
    parts.extend(image_part(png) for png in b)
    parts.append({"type": "text", "text": "Which is the better game for the request?"})
    return [{"role": "system", "content": SYSTEM}, {"role": "user", "content": parts}]


def ask(model: Model, asked: list[dict[str, Any]]) -> tuple[str, str] | None:
    """One pair: asked once, and once more when the answer is unreadable."""
    request = Request(prompt="", messages=asked, purpose="judge")
    text = model.execute(request).text
    found = parse_vote(text)
    if found is None:
        again = [*asked, {"role": "assistant", "content": text}, {"role": "user", "content": RETRY}]
        found = parse_vote(model.execute(Request(prompt="", messages=again, purpose="judge")).text)
    return found


def judge_pairs(
    model: Model, name: str, draw: Drawer, pairs: int, say: Callable[[str], None], path: Path | None
) -> JudgeReport:
    report = JudgeReport(name)
    asked_pairs = 0
    while asked_pairs < pairs:  # a pair that cannot be shown does not count
        try:
            pair = draw.draw()
        except NoPairs as exc:
            report.stopped = str(exc)
            break
        label = f"{pair.a.key} vs {pair.b.key}"
        asked = messages(pair)
        if asked is None:
            report.skipped.append(f"{label}: a game has no thumbnail or preview to show")
            continue
        asked_pairs += 1
        try:
            found = ask(model, asked)
        except ModelError as exc:
            if not report.voted and not report.skipped:
                raise
            report.stopped = f"the judge failed ({exc})"
            break
        if found is None:
            report.skipped.append(f"{label}: no readable vote after asking twice")
            say(f"{label}: no readable vote; skipped")
            continue
        choice, reason = found
        vote = record(vote_for(pair, choice, judge_model=name, reason=reason), path)
        draw.counted(vote)
        report.voted.append(vote)
        say(f"{label}: {choice} ({reason})")
    return report


def run_judge(
    spec: str, draw: Drawer, pairs: int, say: Callable[[str], None], path: Path | None = None
) -> str:
    """Let the model ``spec`` (MODEL, MODEL@PRESET or MODEL@BASE_URL) vote on ``pairs``
    pairs; the report, with the agreement with people's votes."""
    from studio.models.client import OpenAIModel
    from studio.models.faults import RetryPolicy

    endpoint = judge_endpoint(None, spec)
    if endpoint is None or not spec.strip():
        raise UsageError("--judge needs a model: --judge MODEL, MODEL@PRESET or MODEL@BASE_URL")
    model = OpenAIModel(endpoint, timeout=TIMEOUT, retry=RetryPolicy(retries=1, base=0.5))
    report = judge_pairs(model, endpoint.model, draw, pairs, say, path)
    votes = read_votes(path)
    people = [v for v in votes if not v.judge]
    judged = [v for v in votes if v.judge and v.judge_model == endpoint.model]
    return "\n".join(report.lines(people, judged))
