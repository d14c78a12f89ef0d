"""The rows of a bench: each ``--model`` as a studio ``Model`` (or the offline designer), with
the same settings as ``studio make`` (presets, keys, base URL, timeouts, output limit) and
how many of its requests may be in flight at once."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from studio.errors import UsageError
from studio.runlog import slugify

OFFLINE = "offline"
#: Requests in flight per model by default: local servers answer one or two at a time well
#: (more only queue, and time out), batching servers and hosted APIs many.
PRESET_CONCURRENCY: dict[str, int] = {
    "ollama": 2,
    "llamacpp": 2,
    "lmstudio": 2,
    "vllm": 8,
    "openai": 8,
    "xai": 8,
    "openrouter": 8,
}
CUSTOM_CONCURRENCY = 4  # a base URL of no preset
MAX_CONCURRENCY = 64


@dataclass
class Author:
    """One model of the bench."""

    slug: str  # its folder under samples/
    label: str
    model: Any  # a studio Model
    endpoint: Any = None  # None: the offline designer
    concurrency: int = 1
    spec: dict[str, Any] = field(default_factory=dict)  # how to name it again (no key)

    @property
    def offline(self) -> bool:
        return self.endpoint is None

    def cost(self, prompt_tokens: int, completion_tokens: int) -> float | None:
        if self.endpoint is None:
            return 0.0
        cost: float | None = self.endpoint.cost_usd(prompt_tokens, completion_tokens)
        return cost

    def public(self) -> dict[str, Any]:
        return {
            "slug": self.slug,
            "label": self.label,
            "concurrency": self.concurrency,
            **self.spec,
        }


def default_concurrency(endpoint: Any, cpu_slots: int) -> int:
    if endpoint is None:
        return cpu_slots  # the designer works on this machine's cores
    if endpoint.custom or not endpoint.preset:
        return CUSTOM_CONCURRENCY
    return PRESET_CONCURRENCY.get(endpoint.preset, CUSTOM_CONCURRENCY)


def resolve_authors(
    names: list[str],
    flags: dict[str, Any],
    tuned: dict[str, Any],
    *,
    concurrency: int | None,
    cpu_slots: int,
) -> list[Author]:
    """``names`` (``--model`` values: ``offline``, ``MODEL``, ``MODEL@PRESET``,
    ``MODEL@BASE_URL``) as authors; with none, the model ``studio make`` would use."""
    if concurrency is not None and not 1 <= concurrency <= MAX_CONCURRENCY:
        raise UsageError(
            f"--concurrency must be between 1 and {MAX_CONCURRENCY}, not {concurrency}"
        )
    from studio.models.endpoints import resolve

    endpoints: list[tuple[str, Any]] = []
    if not names:
        endpoints.append(("", resolve(**{**flags, "model": None})))
    for name in names:
        name = name.strip()
        if not name:
            raise UsageError("--model is empty: name a model, or `offline` for the designer")
        if name.lower() == OFFLINE:
            endpoints.append((OFFLINE, None))
            continue
        model, _, where = name.partition("@")
        if where:
            url = where.startswith(("http://", "https://"))
            found = resolve(
                model=model,
                base_url=where if url else None,
                preset=None if url else where,
                api_key=flags.get("api_key"),
            )
        else:
            found = resolve(**{**flags, "model": model})
        endpoints.append((name, found))
    authors: list[Author] = []
    for name, endpoint in endpoints:
        authors.append(_author(name, endpoint, tuned, concurrency, cpu_slots))
    slugs = [a.slug for a in authors]
    twice = sorted({s for s in slugs if slugs.count(s) > 1})
    if twice:
        raise UsageError(f"--model names the same model twice ({', '.join(twice)}); keep one")
    return authors


def _author(
    name: str, endpoint: Any, tuned: dict[str, Any], concurrency: int | None, cpu_slots: int
) -> Author:
    limit = concurrency or default_concurrency(endpoint, cpu_slots)
    if endpoint is None:
        from studio.models.offline import OfflineDesigner

        designer = OfflineDesigner()
        return Author(OFFLINE, designer.label, designer, None, limit, {"model": OFFLINE})
    from studio.models.client import OpenAIModel
    from studio.models.tuning import resolve_tuning

    tuning = resolve_tuning(**tuned)
    model = OpenAIModel(endpoint, timeouts=tuning.timeouts, max_tokens=tuning.max_tokens)
    spec = {
        "model": endpoint.model or None,
        "preset": endpoint.preset if not endpoint.custom else None,
        "base_url": endpoint.base_url,
        "asked_as": name or None,
    }
    return Author(slugify(endpoint.label, 60), endpoint.label, model, endpoint, limit, spec)
