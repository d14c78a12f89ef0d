"""The table of part parameters: complete, strict about unknown parts, and byte-stable.

``params_hashes.json`` holds the sha256 of the code of 40 prompt/seed games, recorded with
the designer before ``part_params`` became a table; any change to which parameters are drawn,
or in which order, changes some of them.
"""

from __future__ import annotations

import hashlib
import json
import random
from pathlib import Path

import pytest

from studio.designer import catalogue, design_for, make_game
from studio.designer.params import PART_PARAMS, Context, part_params
from studio.designer.recipes import RECIPES, compose
from studio.errors import DesignError, StudioError

from .catalogue import ALL_PAIRS, all_prompts

HASHES = Path(__file__).with_name("params_hashes.json")
TEMPLATES = Path(catalogue.__file__).with_name("templates") / "parts"


def _context() -> Context:
    return Context(rng=random.Random(0), pace=1.0, base="snake", player=None, parts=[])


def test_an_unknown_part_is_an_error_naming_it() -> None:
    with pytest.raises(DesignError, match="'teleporter'") as info:
        part_params("teleporter", _context())
    assert isinstance(info.value, StudioError)
    assert "snake" in str(info.value)  # the known parts are listed


def test_a_part_without_parameters_gets_an_empty_dict() -> None:
    assert part_params("swap", _context()) == {}


def _used_parts() -> set[str]:
    used = set(catalogue.PARTS)
    used |= {name for recipe in RECIPES.values() for name, _ in recipe.parts}
    for genres in [[g] for g in RECIPES] + [list(pair) for pair in ALL_PAIRS]:
        used |= {name for name, _ in compose(genres).parts}
    used |= {part for prompt in all_prompts() for part in design_for(prompt).parts}
    return used


def test_every_part_in_use_is_in_the_table() -> None:
    assert _used_parts() - set(PART_PARAMS) == set()


def test_every_part_in_the_table_has_a_template() -> None:
    templates = {path.name.removesuffix(".py.j2") for path in TEMPLATES.glob("*.py.j2")}
    assert templates == set(PART_PARAMS)
    assert set(catalogue.PARTS) == set(PART_PARAMS)


def test_the_games_are_byte_identical_to_the_recorded_ones() -> None:
    recorded = json.loads(HASHES.read_text(encoding="utf-8"))
    assert len(recorded) == 40
    changed = [
        (prompt, seed)
        for prompt, seed, digest in recorded
        if hashlib.sha256(make_game(prompt, seed).code.encode("utf-8")).hexdigest() != digest
    ]
    assert changed == []
