"""Reply parsing against the messy replies real models (small local ones included) write."""

from __future__ import annotations

import pytest

from studio.errors import NoCodeInReply
from studio.models.reply import ThinkSplitter, extract_code, find_program, split_thinking

GAME = '''"""Dodge: arrows move the square."""
import random

import pygame

WIDTH, HEIGHT = 640, 480


def main():
    pygame.init()
    screen = pygame.display.set_mode((WIDTH, HEIGHT))
    clock = pygame.time.Clock()
    x = WIDTH // 2
    running = True
    while running:
        for event in pygame.event.get():
            if event.type == pygame.QUIT:
                running = False
        keys = pygame.key.get_pressed()
        x += keys[pygame.K_RIGHT] - keys[pygame.K_LEFT]
        screen.fill((0, 0, random.randint(0, 40)))
        pygame.draw.rect(screen, (255, 200, 0), (x, 400, 20, 20))
        pygame.display.flip()
        clock.tick(60)


if __name__ == "__main__":
    main()
'''


def test_prose_around_a_python_fence():
    reply = (
        f"Sure! Here's your game:\n\n```python\n{GAME}```\n\nRun it with `python game.py`. Enjoy!"
    )
    assert extract_code(reply) == GAME


@pytest.mark.parametrize("lang", ["py", "python3", "Python", "", "pygame"])
def test_fence_languages(lang):
    assert extract_code(f"```{lang}\n{GAME}```") == GAME


def test_tilde_fence_and_crlf():
    reply = "Game:\r\n~~~python\r\n" + GAME.replace("\n", "\r\n") + "~~~\r\n"
    assert extract_code(reply) == GAME


def test_indented_fence_in_a_list_item_is_dedented():
    body = "\n".join("   " + line if line else "" for line in GAME.splitlines())
    reply = f"1. Save this as game.py:\n   ```python\n{body}\n   ```\n2. Run it."
    assert extract_code(reply) == GAME


def test_picks_the_program_among_several_blocks():
    reply = (
        "First install pygame:\n```bash\npip install pygame\n```\n"
        "The player class looks like this:\n```python\nclass Player:\n    def __init__(self):\n"
        "        self.x = 0\n```\n"
        f"And here is the full program:\n```python\n{GAME}```\n"
        'Example config:\n```json\n{"fps": 60}\n```\n'
    )
    program = find_program(reply)
    assert program.code == GAME
    assert program.blocks == 4
    assert program.fenced and not program.truncated


def test_prefers_the_pygame_program_over_a_longer_helper():
    helper = "def helper(values):\n" + "".join(f"    x{i} = values[{i}]\n" for i in range(80))
    reply = f"```python\n{helper}```\n\n```python\n{GAME}```"
    assert extract_code(reply) == GAME


def test_unterminated_fence_is_a_truncated_program():
    cut = GAME[: GAME.index("clock.tick")]
    program = find_program(f"Here you go:\n```python\n{cut}")
    assert program.truncated
    assert program.code.startswith('"""Dodge')
    assert "pygame.display.flip()" in program.code


def test_unfenced_code_with_prose_before_and_after():
    reply = f"Here is the complete game code.\n\n{GAME}\nThis game uses the arrow keys.\nHave fun!"
    assert extract_code(reply) == GAME


def test_unfenced_code_only():
    assert extract_code(GAME) == GAME


def test_code_inside_thinking_is_never_the_program():
    hostile = "```python\nimport os\nos.system('rm -rf /tmp/x')\nprint('x')\n```"
    reply = f"<think>Maybe:\n{hostile}\nNo, write the game.</think>\n```python\n{GAME}```"
    assert extract_code(reply) == GAME
    thinking, rest = split_thinking(reply)
    assert "os.system" in thinking and "os.system" not in rest


def test_thinking_only_reply_says_so():
    with pytest.raises(NoCodeInReply, match="only thinking"):
        extract_code("<think>I should write a snake game with a grid and")


def test_refusal_without_code():
    with pytest.raises(NoCodeInReply, match="no Python program.*I'm sorry"):
        extract_code("I'm sorry, but I can't help with writing that game right now.")


def test_only_non_python_blocks():
    with pytest.raises(NoCodeInReply, match="none of them Python"):
        extract_code("Install:\n```bash\npip install pygame\n```\nThen run it.")


def test_empty_reply():
    with pytest.raises(NoCodeInReply, match="empty"):
        extract_code("   \n")


def test_split_thinking_variants():
    assert split_thinking("<think>plan</think>answer") == ("plan", "answer")
    assert split_thinking("<thinking>a</thinking>x<think>b</think>y") == ("a\nb", "xy")
    # A template that opens the section itself: only the closing tag reaches the text.
    assert split_thinking("plan it first</think>\nthe answer") == ("plan it first", "the answer")
    assert split_thinking("no tags") == ("", "no tags")
    assert split_thinking("<THINK>upper</THINK>ok") == ("upper", "ok")


@pytest.mark.parametrize("size", [1, 2, 3, 5, 7, 64])
def test_think_splitter_matches_split_thinking_whatever_the_chunks(size):
    text = (
        "<think>step one\nstep <b> two</think>Here:\n```python\nx < 3\n```\n<think>more</think>end"
    )
    splitter = ThinkSplitter()
    parts = []
    for i in range(0, len(text), size):
        parts += splitter.feed(text[i : i + size])
    parts += splitter.flush()
    thinking = "".join(p for kind, p in parts if kind == "thinking")
    answer = "".join(p for kind, p in parts if kind == "text")
    assert thinking == "step one\nstep <b> twomore"
    assert answer == "Here:\n```python\nx < 3\n```\nend"
    assert split_thinking(text)[1] == answer
