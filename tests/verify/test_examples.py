"""pygame's own example games, verified where pygame installed them, are playable.

They load images and sounds from the ``data/`` folder beside them, play music, use
``key.get_pressed`` (aliens) or the mouse (chimp): real games the verifier must not reject.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pygame
import pytest

import studio
from studio.verdicts.report import SOFT_FLAGS, Verdict

EXAMPLES = Path(os.path.dirname(pygame.__file__)) / "examples"
GAMES = ["aliens.py", "chimp.py"]


@pytest.fixture(scope="module")
def verdicts(verify_env, tmp_path_factory) -> dict[str, Verdict]:
    paths = [EXAMPLES / name for name in GAMES]
    for path in paths:
        assert path.is_file(), f"pygame-ce ships {path.name}: is pygame-ce installed?"
    out_root = tmp_path_factory.mktemp("examples-out")
    found = studio.verify_many(paths, seconds=10.0, seed=0, out_root=out_root)
    return dict(zip(GAMES, found, strict=True))


def _excerpt(v: Verdict) -> str:
    data = v.to_dict()
    data.pop("behaviour", None)
    return json.dumps(data, indent=1)[:3000]


@pytest.mark.slow
@pytest.mark.parametrize("name", GAMES)
def test_pygame_example_is_playable(verdicts, name: str) -> None:
    v = verdicts[name]
    assert v.playable, _excerpt(v)
    assert not [f for f in v.flags if f not in SOFT_FLAGS], _excerpt(v)
    assert v.score >= 50, _excerpt(v)
    assert v.divergence.first_seconds is not None, _excerpt(v)
    assert v.error is None, _excerpt(v)
    assert Path(v.artifacts["thumbnail"]).is_file(), _excerpt(v)
