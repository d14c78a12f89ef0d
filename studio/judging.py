"""The model judge: does a finalist look like the game that was asked for?

It sees the prompt and each finalist's frames (the verifier's thumbnail and a few frames of
its preview, as OpenAI image inputs); a model that takes no images (the endpoint refuses
them) gets instead a short description of what the verifier saw and the code. It answers
with a score out of 10 and a reason, as one line of JSON; the answer is read robustly
(JSON anywhere in the text, or ``score: 7/10`` / ``reason: ...`` lines, thinking ignored).
A malformed answer is asked again once, then ignored.

A judge that is down, slow (``timeout`` seconds for all finalists) or answers nonsense
does not stop the pick: it goes on with the free signals (``studio.adherence``), and the
judge says so once through ``note``. Every reply's tokens are counted in ``usage``.
"""

from __future__ import annotations

import base64
import io
import json
import re
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from studio.adherence import Adherence
from studio.errors import ModelError
from studio.models.base import Model, Request, Usage
from studio.verdicts.report import Verdict

#: A judge score (out of 10) at or above this means the candidate matches the request.
JUDGE_PASS = 6.0
PREVIEW_FRAMES = 3
IMAGE_SIDE = 320  # frames are sent at most this wide or tall
CODE_CHARS = 12_000  # the code a text-only judge sees, at most
_IMAGE_REFUSAL = re.compile(r"image|vision|multimodal|multi-modal|content type|image_url", re.I)

SYSTEM = (
    "You check whether a small video game is the game a person asked for. You are shown "
    "the request and the game (pictures of it being played, or a description and its code). "
    "Judge only whether it is what was asked for, every part of it (for a mix of two games, "
    "both must be there), not its polish. Answer with one line of JSON and nothing else: "
    '{"score": N, "reason": "one short sentence"} where N is 0 to 10: 10 exactly what was '
    "asked for, 5 only part of it, 0 a different game."
)
RETRY = (
    "Your answer could not be read. Reply with only one line of JSON, for example: "
    '{"score": 7, "reason": "a falling-block puzzle, but no gem matching"}'
)


@dataclass
class Finalist:
    """What the judge sees of one candidate."""

    n: int
    code: str
    verdict: Verdict


@dataclass
class Judgement:
    score: float  # 0..10
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {"score": self.score, "reason": self.reason}


def answer_objects(text: str) -> tuple[list[dict[str, Any]], str]:
    """A judge's answer without its thinking, and the flat JSON objects found in it (a
    model may wrap its verdict in prose)."""
    from studio.models.reply import split_thinking

    _thinking, text = split_thinking(text or "")
    found: list[dict[str, Any]] = []
    for match in re.finditer(r"\{[^{}]*\}", text):
        try:
            data = json.loads(match.group(0))
        except json.JSONDecodeError:
            continue
        if isinstance(data, dict):
            found.append(data)
    return found, text


def parse_answer(text: str) -> Judgement | None:
    """A judge's answer, or None when it holds no score out of 10 (or 100)."""
    objects, text = answer_objects(text)
    for data in objects:
        if "score" in data:
            score = _score(str(data.get("score")))
            if score is not None:
                return Judgement(score, _clean(str(data.get("reason") or "")))
    found = re.search(
        r"score\W{0,3}(\d+(?:\.\d+)?)\s*(?:/\s*(10|100)\b|out of (10|100))?", text, re.I
    )
    if found is None:
        found = re.search(r"(?<![\d.])(\d+(?:\.\d+)?)\s*(?:/\s*(10|100)\b|out of (10|100))", text)
    if found is None:
        return None
    scale = found.group(2) or found.group(3)
    score = _score(found.group(1) + (f"/{scale}" if scale else ""))
    if score is None:
        return None
    said = re.search(r"reason\W{0,3}(.+)", text, re.I)
    return Judgement(score, _clean(said.group(1) if said else ""))


def _score(value: str) -> float | None:
    parts = value.strip().split("/")
    try:
        number = float(parts[0])
        scale = float(parts[1]) if len(parts) > 1 else (100.0 if 10 < number <= 100 else 10.0)
    except ValueError:
        return None
    if scale not in (10.0, 100.0) or not 0 <= number <= scale:
        return None
    return round(number * 10 / scale, 1)


def _clean(reason: str) -> str:
    reason = " ".join(reason.strip().strip('"').split())
    return reason[:200] or "no reason given"


def combine(free: Adherence, judgement: Judgement) -> Adherence:
    """The adherence that counts once the judge answered: the judge decides (it saw the
    game play); where it contradicts the free signals, the reason says so."""
    matches = judgement.score >= JUDGE_PASS
    reason = f"judge {judgement.score:g}/10: {judgement.reason}"
    if matches != free.matches:
        reason += f" (the free signals said: {free.reason})"
    return Adherence(
        matches=matches,
        coverage=judgement.score / 10,
        reason=reason,
        by="judge",
        seen=dict(free.seen),
        missing=list(free.missing),
        is_=list(free.is_),
        free=free.to_dict(),
        judge=judgement.to_dict(),
    )


def frames(verdict: Verdict, count: int = PREVIEW_FRAMES) -> list[bytes]:
    """PNG bytes of the verdict's thumbnail and ``count`` frames spread over its preview."""
    paths = [verdict.artifacts.get(name) for name in ("thumbnail", "preview")]
    return picture_frames(paths[0], paths[1], count)


def picture_frames(
    thumbnail: str | Path | None, preview: str | Path | None, count: int = PREVIEW_FRAMES
) -> list[bytes]:
    """PNG bytes of a thumbnail and ``count`` frames spread over an animated preview."""
    from PIL import Image, ImageSequence

    out: list[bytes] = []
    for i, path in enumerate((thumbnail, preview)):
        if not path or not Path(path).is_file():
            continue
        try:
            with Image.open(path) as image:
                pictures = [image.copy()]
                if i == 1:
                    total = getattr(image, "n_frames", 1)
                    wanted = {total * (j + 1) // (count + 1) for j in range(count)}
                    pictures = [
                        f.convert("RGB")
                        for k, f in enumerate(ImageSequence.Iterator(image))
                        if k in wanted
                    ]
        except OSError:
            continue
        for picture in pictures:
            picture = picture.convert("RGB")
            picture.thumbnail((IMAGE_SIDE, IMAGE_SIDE))
            buf = io.BytesIO()
            picture.save(buf, format="PNG", optimize=True)
            out.append(buf.getvalue())
    return out


def seen_text(verdict: Verdict) -> str:
    """What the verifier saw, in a few lines, for a judge that takes no images."""
    lines = [f"verifier: {verdict.summary()}"]
    for run in verdict.runs:
        lines.append(
            f"- {run.name} run: {run.frames} frames, {run.game_seconds:.0f} s, "
            f"{run.non_blank_share * 100:.0f}% of frames not blank, motion {run.motion:.3f}, "
            f"{run.distinct_frames} distinct pictures, {run.events_sent} inputs"
        )
    div = verdict.divergence
    if div.compared:
        lines.append(f"- input changed {div.share * 100:.0f}% of {div.compared} compared frames")
    return "\n".join(lines)


def says(code: str, limit: int = 400) -> str:
    """The candidate's caption and the start of its docstring, as it wrote them."""
    from studio.adherence import raw_claims

    title, doc = raw_claims(code)
    text = " ".join(doc.split())
    text = text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + " ..."
    return (f'title "{title}"; ' if title else "") + (f'"{text}"' if text else "nothing")


def judge_messages(prompt: str, finalist: Finalist, images: bool) -> list[dict[str, Any]]:
    """The chat messages for one finalist: with its frames, or with a description and code."""
    system = {"role": "system", "content": SYSTEM}
    ask = f"The request: {prompt.strip()}\n\nThe game: candidate {finalist.n}.\n"
    if images:
        pictures = frames(finalist.verdict)
        if pictures:
            # What it says of itself goes along: a model that drops images unannounced
            # still judges something real, and one that sees them checks the claim.
            text = ask + (
                f"It says of itself: {says(finalist.code)}\n"
                f"The game, pictured while being played ({len(pictures)} frames: the "
                "first is the most representative). Is it the game that was asked for?"
            )
            parts: list[dict[str, Any]] = [{"type": "text", "text": text}]
            parts.extend(image_part(png) for png in pictures)
            return [system, {"role": "user", "content": parts}]
    code = finalist.code
    if len(code) > CODE_CHARS:
        code = code[:CODE_CHARS] + "\n# ... (the rest left out)"
    text = (
        ask + "What an automatic player saw when it played the game:\n"
        f"{seen_text(finalist.verdict)}\n\nThe game's code:\n```python\n{code}\n```\n\n"
        "Is it the game that was asked for?"
    )
    return [system, {"role": "user", "content": text}]


def image_part(png: bytes) -> dict[str, Any]:
    """A PNG as an OpenAI image content part (a data URL)."""
    url = "data:image/png;base64," + base64.b64encode(png).decode("ascii")
    return {"type": "image_url", "image_url": {"url": url}}


def loggable(messages: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``messages`` with every image's data replaced by its size (for the run log)."""
    out = []
    for m in messages:
        content = m.get("content")
        if isinstance(content, list):
            content = [
                {"type": "image_url", "image_url": {"url": f"<{len(p['image_url']['url'])} chars>"}}
                if p.get("type") == "image_url"
                else p
                for p in content
            ]
        out.append({**m, "content": content})
    return out


@dataclass
class Judge:
    """Asks ``model`` about each finalist; ``judge_all`` never raises."""

    model: Model
    timeout: float = 180.0  # seconds for all finalists together
    images: bool = True  # False once the endpoint refused an image
    usage: Usage = field(default_factory=Usage)
    notes: list[str] = field(default_factory=list)  # what was said (once) about a failure
    log: dict[int, dict[str, Any]] = field(default_factory=dict)  # n -> messages, answers
    cost_usd: float | None = 0.0
    down: bool = False  # it was down or too slow once: not asked again in this run
    reasoning_effort: str | None = None  # the run's (Big Brain asks every call for "high")
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @property
    def label(self) -> str:
        return getattr(self.model, "label", "judge")

    def judge_all(
        self, prompt: str, finalists: Sequence[Finalist], note: Callable[[str], None]
    ) -> dict[int, Judgement]:
        """A judgement per finalist that got a readable answer, all asked in parallel."""
        results: dict[int, Judgement] = {}
        failures: list[str] = []
        if self.down or not finalists:
            return results
        threads = []
        for finalist in finalists:

            def work(f: Finalist = finalist) -> None:
                try:
                    judgement = self.judge_one(prompt, f)
                except Exception as exc:  # a bug here must not end the run: the pick goes on
                    said = f"{type(exc).__name__}: {str(exc).strip()[:160]}"
                    if not isinstance(exc, ModelError):
                        said = f"internal error: {said}"
                    with self._lock:
                        failures.append(said)
                    return
                if judgement is not None:
                    with self._lock:
                        results[f.n] = judgement

            thread = threading.Thread(target=work, name=f"judge-{finalist.n}", daemon=True)
            threads.append(thread)
            thread.start()
        deadline = time.monotonic() + self.timeout
        for thread in threads:
            thread.join(max(0.0, deadline - time.monotonic()))
        slow = any(thread.is_alive() for thread in threads)
        if slow:
            abandon = getattr(self.model, "cancel", None)
            if callable(abandon):
                abandon()
        with self._lock:
            results = dict(results)
            self.down = slow or bool(failures and not results)
            if slow:
                self._say(note, f"the judge ({self.label}) did not answer within {self.timeout:g}s")
            elif failures and not results:
                self._say(note, f"the judge ({self.label}) is unavailable ({failures[0]})")
            elif len(results) < len(finalists) and not failures:
                missing = len(finalists) - len(results)
                self._say(note, f"the judge gave no readable answer for {missing} finalist(s)")
            elif failures:
                self._say(note, f"the judge failed on {len(failures)} finalist(s) ({failures[0]})")
        return results

    def _say(self, note: Callable[[str], None], what: str) -> None:
        text = f"{what}; those finalists are picked on the free signals alone"
        if text not in self.notes:
            self.notes.append(text)
            note(text)

    def judge_one(self, prompt: str, finalist: Finalist) -> Judgement | None:
        """Ask about one finalist: once, and once more if the answer is unreadable."""
        messages = judge_messages(prompt, finalist, self.images)
        try:
            text = self._ask(finalist.n, messages)
        except ModelError as exc:
            if not (self.images and _IMAGE_REFUSAL.search(str(exc))):
                raise
            self.images = False  # the endpoint takes no images: describe the game instead
            messages = judge_messages(prompt, finalist, False)
            text = self._ask(finalist.n, messages)
        judgement = parse_answer(text)
        if judgement is None:
            messages = [
                *messages,
                {"role": "assistant", "content": text},
                {"role": "user", "content": RETRY},
            ]
            judgement = parse_answer(self._ask(finalist.n, messages))
        return judgement

    def _ask(self, n: int, messages: list[dict[str, Any]]) -> str:
        request = Request(
            prompt="",
            messages=messages,
            attempt=n,
            purpose="judge",
            reasoning_effort=self.reasoning_effort,
        )
        reply = self.model.execute(request, on_event=None)
        with self._lock:
            self.usage.prompt_tokens += reply.usage.prompt_tokens
            self.usage.completion_tokens += reply.usage.completion_tokens
            self.usage.reasoning_tokens += reply.usage.reasoning_tokens
            cost = (reply.extra or {}).get("cost_usd", 0.0)
            if "cost_usd" in (reply.extra or {}):
                self.cost_usd = (
                    None if cost is None or self.cost_usd is None else self.cost_usd + cost
                )
            entry = self.log.setdefault(n, {"asked": [], "answers": []})
            entry["asked"].append(loggable(messages))
            entry["answers"].append(reply.text)
        return reply.text


def judge_endpoint(main: Any, spec: str | None) -> Any:
    """The endpoint the judge asks: ``spec`` is None (the attempts' own endpoint), ``MODEL``
    (another model there), ``MODEL@PRESET`` or ``MODEL@BASE_URL`` (another endpoint; its key
    is found as for ``studio make``). None when there is no endpoint at all."""
    import dataclasses

    from studio.models.endpoints import resolve

    if not spec:
        return main
    model, _, where = spec.strip().partition("@")
    if not where:
        if main is None:
            return resolve(model=model)
        return dataclasses.replace(main, model=model)
    url = where.startswith(("http://", "https://"))
    return resolve(model=model, base_url=where if url else None, preset=None if url else where)


def make_judge(endpoint: Any, timeout: float = 180.0, reasoning_effort: str | None = None) -> Judge:
    """A judge over its own client for ``endpoint`` (cancelling it cancels nothing else)."""
    from studio.models.client import OpenAIModel
    from studio.models.faults import RetryPolicy

    # One retry at most: a judge that is down must not hold the pick up for long.
    model = OpenAIModel(endpoint, timeout=timeout, retry=RetryPolicy(retries=1, base=0.5))
    return Judge(model, timeout=timeout, reasoning_effort=reasoning_effort)
