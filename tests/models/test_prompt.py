"""The prompts: the contract in every request, the repair prompt built from the verdict."""

from __future__ import annotations

from importlib import resources

import jinja2
import pytest

from studio.prompt import design_messages, environment, make_messages, repair_messages
from studio.verdicts.report import Divergence, ErrorInfo, Finding, RunMetrics, Verdict

CODE = "import pygame\n\ndef main():\n    x = 1 / 0\n"
TRACE = (
    "Traceback (most recent call last):\n"
    '  File "game.py", line 4, in main\n'
    "    x = 1 / 0\n"
    "ZeroDivisionError: division by zero"
)


def crashed() -> Verdict:
    return Verdict(
        path="game.py",
        playable=False,
        score=15,
        flags=["crash", "ignores_input"],
        stop_reason="crash",
        error=ErrorInfo("ZeroDivisionError", "division by zero", TRACE, "input"),
        forbidden=["connect to 10.0.0.1:80"],
        static=[Finding("hostile", "socket.socket() call", 7, True)],
        runs=[
            RunMetrics("input", True, frames=42, samples=12, game_seconds=1.4,
                       stop_reason="crash", non_blank_share=0.75, motion=0.02,
                       distinct_frames=4, ticks=42, events_sent=9),
            RunMetrics("idle", False, frames=900, samples=30, game_seconds=30.0,
                       stop_reason="time_up", non_blank_share=1.0, motion=0.0,
                       distinct_frames=1, ticks=900),
        ],
        divergence=Divergence(first_seconds=None, share=0.0, compared=12),
        game_seconds=30.0,
    )  # fmt: skip


def test_templates_ship_in_the_package():
    names = {p.name for p in resources.files("studio.prompts").iterdir()}
    assert {"contract.j2", "make.j2", "design.j2", "repair.j2"} <= names


def test_make_messages_carry_the_contract_and_the_prompt():
    system, user = make_messages("Tetris meets Bejeweled")
    assert system["role"] == "system" and user["role"] == "user"
    for rule in ("pygame", "1024x768", "pygame.QUIT", "clock.tick", "__main__",
                 "pygame.font.Font(None", "no asset", "```python"):  # fmt: skip
        assert rule.lower() in system["content"].lower(), rule
    assert "Tetris meets Bejeweled" in user["content"]
    assert "design" not in user["content"].lower()


def test_make_messages_follow_a_design():
    user = make_messages("snake", design="Title: Neon Snake\nControls: arrows")[1]["content"]
    assert "Neon Snake" in user and "Follow this design" in user


def test_design_messages_ask_for_a_design_not_code():
    user = design_messages("pong with gravity")[1]["content"]
    assert "pong with gravity" in user and "design document" in user
    assert "Do not write code" in user


def test_repair_prompt_carries_the_verdict():
    user = repair_messages("a dodging game", CODE, crashed())[1]["content"]
    assert TRACE in user
    assert "ZeroDivisionError: division by zero" in user
    assert "crash" in user and "ignores_input" in user and "nothing on screen reacted" in user
    assert "stopped because: crash" in user
    assert "connect to 10.0.0.1:80" in user and "socket.socket() call" in user
    assert "42 frames drawn" in user and "75% of sampled frames not blank" in user
    assert "1 distinct frames of 30" in user
    assert "the input changed nothing on screen" in user
    assert CODE.strip() in user and "a dodging game" in user


def test_repair_prompt_for_a_syntax_error_without_runs():
    verdict = Verdict(path="g.py", playable=False, score=0, flags=["syntax_error"],
                      static=[Finding("syntax", "invalid syntax", 3, True)])  # fmt: skip
    user = repair_messages("snake", "def (:\n", verdict)[1]["content"]
    assert "syntax_error" in user and "line 3: syntax: invalid syntax" in user
    assert "What the frames showed" not in user and "Traceback" not in user


def test_long_tracebacks_keep_their_end():
    verdict = crashed()
    assert verdict.error is not None
    verdict.error.traceback = "\n".join(f"frame {i}" for i in range(200)) + "\nValueError: last"
    user = repair_messages("x", CODE, verdict)[1]["content"]
    assert "ValueError: last" in user and "frame 199" in user and "frame 3\n" not in user


def test_templates_are_strict():
    with pytest.raises(jinja2.UndefinedError):
        environment().get_template("make.j2").render()
