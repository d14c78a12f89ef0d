"""The offline designer as a model: what ``studio make`` uses when no model is configured.

It answers a ``Request`` the way a model would, with the program in a fenced block, so that
attempts, verification, selection and the gallery run exactly as with a real model.
"""

from __future__ import annotations

import time

from studio.designer import make_game
from studio.designer.render import safe_line
from studio.designer.stored import record_for
from studio.errors import DesignError
from studio.models.base import Event, EventSink, Reply, Request, Usage


def repair_seed(seed: int, attempt: int, round_: int = 1) -> int:
    """Another seed, derived from the attempt's, for a repair's variation."""
    return (seed * 1_000_003 + attempt * 7_919 + round_ * 104_729) % 2_147_483_647


class OfflineDesigner:
    """Writes games from the sentence alone, with no language model."""

    label = "offline designer (no model)"
    source = "offline"

    def execute(self, request: Request, on_event: EventSink | None = None) -> Reply:
        """Design and render one game for ``request``; repairs get a derived seed."""
        start = time.perf_counter()
        emit = on_event or (lambda event: None)
        seed = request.seed
        if request.purpose == "repair":
            seed = repair_seed(request.seed, request.attempt)
        emit(Event(kind="status", text="reading the prompt"))
        try:
            game = make_game(request.prompt, seed)
            if request.purpose == "repair" and request.previous_code:
                bump = 2
                while game.code == request.previous_code and bump < 8:
                    seed = repair_seed(request.seed, request.attempt, bump)
                    game = make_game(request.prompt, seed)
                    bump += 1
        except DesignError as exc:
            raise DesignError(str(exc)) from exc
        except Exception as exc:  # a bug in the designer must fail the attempt, not the run
            raise DesignError(
                f"the offline designer failed on this prompt ({type(exc).__name__}: {exc}); "
                "try rewording it, or configure a model with `studio config`"
            ) from exc
        design = game.design
        emit(Event(kind="text", text=design.understood + "\n"))
        emit(Event(kind="status", text="designing: " + " + ".join(design.parts)))
        emit(Event(kind="status", text=f"writing {design.title} ({len(game.code)} characters)"))
        text = f"{design.title}: {design.tagline}.\n\n```python\n{game.code}```\n"
        emit(Event(kind="text", text=text, tokens=len(text) // 4))
        controls = "; ".join(f"{c.keys}: {c.action}" for c in design.controls)
        return Reply(
            text=text,
            usage=Usage(),
            finish_reason="stop",
            model=self.label,
            seconds=time.perf_counter() - start,
            extra={
                "title": design.title,
                "genre": design.genre,
                "understood": design.understood,
                "design": design.summary(),
                "seed": seed,
                "controls": controls,
                "prompt_line": safe_line(request.prompt),
                "design_record": record_for(request.prompt, seed),
            },
        )
