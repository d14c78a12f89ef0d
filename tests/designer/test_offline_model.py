"""The offline designer behind the Model interface: what Big Brain sees of it."""

from __future__ import annotations

import json

import pytest

from studio.designer import describe, make_game
from studio.errors import DesignError, ModelError
from studio.models.base import Event, Model, Request
from studio.models.offline import OfflineDesigner
from studio.models.reply import extract_code

PROMPT = "a game that mixes Tetris and Bejeweled"


def request(prompt: str = PROMPT, seed: int = 3, **kw) -> Request:
    return Request(prompt=prompt, messages=[{"role": "user", "content": prompt}], seed=seed, **kw)


def test_it_is_a_model_with_the_offline_label() -> None:
    designer: Model = OfflineDesigner()
    assert designer.label == "offline designer (no model)"
    assert designer.source == "offline"


def test_reply_holds_the_program_in_a_python_block_and_the_design() -> None:
    events: list[Event] = []
    reply = OfflineDesigner().execute(request(), on_event=events.append)
    code = extract_code(reply.text)  # the models engineer's parser finds it like any reply
    assert reply.text.count("```python") == 1
    assert code == make_game(PROMPT, 3).code
    assert {"title", "genre", "understood", "design"} <= set(reply.extra)
    assert reply.extra["genre"] == "tetris+match3"
    assert reply.extra["understood"] == describe(PROMPT)
    assert reply.extra["title"] in code
    json.dumps(reply.extra)  # kept in run logs and the gallery as JSON
    kinds = [e.kind for e in events]
    assert "status" in kinds and "text" in kinds
    assert any(e.text.startswith("understood: ") for e in events)
    assert reply.model == "offline designer (no model)"


def test_attempts_with_other_seeds_differ_and_the_same_seed_repeats() -> None:
    designer = OfflineDesigner()
    texts = [designer.execute(request(seed=s)).text for s in range(4)]
    assert len(set(texts)) == 4
    assert designer.execute(request(seed=2)).text == texts[2]


@pytest.mark.slow
def test_repair_is_a_variation_from_a_derived_seed() -> None:
    designer = OfflineDesigner()
    first = designer.execute(request(seed=5))
    code = extract_code(first.text)
    repair = designer.execute(request(seed=5, purpose="repair", previous_code=code))
    assert extract_code(repair.text) != code
    assert repair.extra["seed"] != 5
    again = designer.execute(request(seed=5, purpose="repair", previous_code=code))
    assert again.text == repair.text


def test_unrecognised_prompt_says_what_was_understood() -> None:
    reply = OfflineDesigner().execute(request("a cosy game about a space cat, in blue"))
    assert reply.extra["understood"].startswith(
        "understood: arcade game (no known genre named; chose arcade collector; see "
        "`studio genres`), subjects: cat (you), dog (to avoid; added), fish (to collect; "
        "added), theme 'space', colours blue, difficulty easy ('cosy')"
    )
    assert extract_code(reply.text)


def test_a_designer_failure_is_a_model_error_naming_the_fix(monkeypatch) -> None:
    def broken(prompt: str, seed: int = 0):
        raise KeyError("no such part")

    monkeypatch.setattr("studio.models.offline.make_game", broken)
    with pytest.raises(ModelError) as info:
        OfflineDesigner().execute(request())
    assert isinstance(info.value, DesignError)
    assert "try rewording" in str(info.value)
