"""Issue 17 at the reader and the client: split programs, fragments, info strings, cuts.

The end-to-end evidence is in test_make_replies.py; these pin down each rule on its own.
"""

from __future__ import annotations

import pytest

from studio.errors import NotOpenAICompatible, OutputLimitReached, TruncatedReply
from studio.models.assemble import join_blocks, undefined_names
from studio.models.base import Request
from studio.models.client import OpenAIModel
from studio.models.continuation import CONTINUE, cut_reason, join
from studio.models.endpoints import Endpoint, resolve
from studio.models.reply import find_blocks, find_program

from .conftest import Answer, FakeServer, Page
from .replies import CLASSES, GAME, MAIN, SETUP, TOP_LEVEL, fragment_reply, split_reply

# -- the reader ---------------------------------------------------------------------------


def test_split_program_is_joined_in_order_and_says_so():
    program = find_program(split_reply())
    assert program.code == GAME and program.joined == (1, 2, 3) and program.blocks == 4
    assert "joined fenced blocks 1, 2 and 3 of 4" in program.note


@pytest.mark.parametrize(
    "info",
    ['Python title="dodge.py"', "PYTHON", "python:dodge.py", "{.python .numberLines}", "py3"],
)
def test_info_strings_name_their_language(info):
    (block,) = find_blocks(f"```{info}\nx = 1\n```")
    assert block.lang in ("python", "py3") and block.code == "x = 1"


def test_a_fragment_after_a_top_level_program_does_not_replace_it():
    program = find_program(fragment_reply())
    assert program.code == TOP_LEVEL and not program.joined


def test_a_fragment_after_a_split_program_is_left_out_of_the_join():
    fix = "Oops, to make rocks faster use:\n```python\nclass Rock:\n    speed = 9\n```\n"
    program = find_program(split_reply() + fix)
    assert program.code == GAME and program.joined == (1, 2, 3)


def test_a_single_whole_program_is_never_joined_with_its_neighbours():
    reply = f"```python\n{GAME}```\n\nTo go faster:\n```python\nFPS = 60\n```\n"
    program = find_program(reply)
    assert program.code == GAME and not program.joined


def test_blocks_that_do_not_make_a_program_together_are_not_joined():
    unrelated = [(1, "import pygame\nprint(pygame.ver)"), (2, "total = sum(range(10))")]
    assert join_blocks(unrelated) is None


def test_undefined_names_sees_through_scopes():
    code = (
        "import pygame\nW = 3\nclass P:\n    size = W\n    def f(self, a):\n"
        "        return [y for y in range(a) if y > W]\n"
        "def main():\n    global score\n    score = 0\n    return clock\n"
    )
    assert undefined_names(code) == {"clock"}
    assert undefined_names(SETUP) == set() and "Ship" in undefined_names(MAIN)
    assert "WIDTH" in undefined_names(CLASSES)


# -- continuations: when, and how the parts are joined ------------------------------------


def test_cut_reasons():
    assert cut_reason("```python\nx = 1\n", "length") == "the output limit"
    assert cut_reason("```python\nx = (1,\n", "") is not None  # ended inside the code
    assert cut_reason("```python\nx = (1,\n", "stop") is not None  # "stop" inside broken code
    assert cut_reason("```python\nx = 1\n", "stop") is None  # a whole program, fence unclosed
    assert cut_reason("```python\nx = 1\n```\n", "stop") is None
    assert cut_reason("Here is the", "") is None  # not code: the stream was cut


def test_join_a_continuation_that_goes_on_mid_line():
    assert join("```python\nx = 1\nprint(x", ")\n```\n") == "```python\nx = 1\nprint(x)\n```\n"


def test_join_a_continuation_that_reopens_the_fence_and_repeats_the_cut_line():
    more = "Continuing:\n\n```python\nprint(x)\ny = 2\n```\n"
    assert join("```python\nx = 1\nprint(", more) == "```python\nx = 1\nprint(x)\ny = 2\n```\n"


def test_join_drops_repeated_whole_lines_but_never_bare_indentation():
    partial = "```python\ndef f():\n    total = compute_total(1)\n"
    more = "    total = compute_total(1)\n    return total\n```"
    assert join(partial, more) == partial + "    return total\n```"
    indented = "```python\ndef f():\n    "
    assert join(indented, "return 1\n```") == "```python\ndef f():\n    return 1\n```"


def test_join_a_continuation_that_starts_the_program_over():
    partial = "Here:\n```python\nimport pygame\n\nWIDTH = 3\nclass Sh"
    more = "```python\nimport pygame\n\nWIDTH = 3\nclass Ship:\n    pass\n```\n"
    joined = join(partial, more)
    assert joined == "Here:\n```python\nimport pygame\n\nWIDTH = 3\nclass Ship:\n    pass\n```\n"


def test_join_keeps_a_bare_fence_that_closes_the_cut_block():
    partial = "```python\nx = 1\n"
    assert join(partial, "```\n\nEnjoy the game!") == partial + "```\n\nEnjoy the game!"


# -- the client: continuation requests and the output limit -------------------------------


def request() -> Request:
    return Request(prompt="a game", messages=[{"role": "user", "content": "make a game"}])


def test_a_reply_cut_while_thinking_is_not_continued(fake_server):
    fake_server.script(Answer("<think>first I will plan the", finish_reason="length"))
    endpoint = resolve(base_url=fake_server.url, model="fake-model", api_key="k")
    with pytest.raises(OutputLimitReached, match="before it wrote any answer") as info:
        OpenAIModel(endpoint).execute(request())
    assert len(fake_server.chat_requests) == 1
    assert "--max-tokens (now 8192" in str(info.value)


def test_a_plain_request_is_continued_too(fake_server):
    cut = GAME.index("class Rock")
    fake_server.script(
        Answer("```python\n" + GAME[:cut], finish_reason="length"),
        Answer(GAME[cut:] + "```\n"),
    )
    endpoint = resolve(base_url=fake_server.url, model="fake-model", api_key="k")
    reply = OpenAIModel(endpoint, stream=False).execute(request())
    assert find_program(reply.text).code == GAME
    assert fake_server.chat_requests[1].body["messages"][-1]["content"] == CONTINUE


@pytest.mark.parametrize(
    ("preset", "says"),
    [
        ("llamacpp", "n_predict"),
        ("vllm", "--max-model-len"),
        ("lmstudio", "context length"),
        ("openai", "larger output limit"),
    ],
)
def test_the_output_limit_message_names_the_setting_of_the_preset(preset, says):
    with FakeServer() as server:
        server.default = Answer("```python\nimport pygame\nx = (", finish_reason="length")
        endpoint = Endpoint(server.url, "fake-model", "k", preset=preset, custom=True)
        with pytest.raises(OutputLimitReached, match="output limit is too small") as info:
            OpenAIModel(endpoint, continuations=1).execute(request())
        assert len(server.chat_requests) == 2
    assert says in str(info.value) and "--max-tokens" in str(info.value)
    assert info.value.usage is not None and info.value.usage.completion_tokens > 0


def test_a_stream_cut_inside_the_code_every_time_is_a_cut_stream(fake_server):
    """No finish reason at all, continuations included: the stream, not the limit."""
    fake_server.default = Answer("```python\nimport pygame\nx = (", finish_reason=None)
    endpoint = resolve(base_url=fake_server.url, model="fake-model", api_key="k")
    with pytest.raises(TruncatedReply, match="the stream was cut") as info:
        OpenAIModel(endpoint, continuations=2).execute(request())
    assert not isinstance(info.value, OutputLimitReached)
    assert len(fake_server.chat_requests) == 3


def test_a_continuation_of_prose_only_leaves_the_reply_as_it_was(fake_server):
    """A model that "stopped" inside broken code and, asked to go on, says it is done: the
    reply goes to the verifier (and a repair) as it was, with no prose glued into the code."""
    broken = "```python\nimport pygame\nx = (1,\n"
    fake_server.script(Answer(broken), Answer("The code above is complete."))
    endpoint = resolve(base_url=fake_server.url, model="fake-model", api_key="k")
    reply = OpenAIModel(endpoint).execute(request())
    assert reply.text == broken.strip() and reply.extra["continuations"] == 1
    assert len(fake_server.chat_requests) == 2


def test_a_cut_in_the_prose_after_a_whole_program_is_not_continued(fake_server):
    cut = f"```python\n{GAME}```\n\nThis game uses the arr"
    fake_server.script(Answer(cut, finish_reason="length"))
    endpoint = resolve(base_url=fake_server.url, model="fake-model", api_key="k")
    reply = OpenAIModel(endpoint).execute(request())
    assert find_program(reply.text).code == GAME and len(fake_server.chat_requests) == 1


def test_blocks_that_restate_imports_and_constants_are_still_joined():
    again = "import random\n\nimport pygame\n\nWIDTH, HEIGHT = 320, 240\n\n\n"
    reply = split_reply().replace("```python\ndef main():", "```python\n" + again + "def main():")
    program = find_program(reply)
    assert program.joined == (1, 2, 3) and program.code == GAME.replace(
        "def main():", again + "def main():"
    )


def test_the_indented_rest_of_a_class_in_its_own_block_is_joined():
    rest = CLASSES.index("    def draw(self, screen):\n        pygame.draw.circle")
    head, tail = CLASSES[:rest].rstrip(), CLASSES[rest:]
    reply = (
        f"```python\n{SETUP}\n```\n\n```python\n{head}\n```\n\nIts drawing:\n\n```python\n"
        f"{tail}\n```\n\nThe loop:\n\n```python\n{MAIN}\n```\n"
    )
    program = find_program(reply)
    assert program.joined == (1, 2, 3, 4) and undefined_names(program.code) == set()
    assert "pygame.draw.circle(screen, ROCK_COLOUR" in program.code


@pytest.mark.parametrize("status", [200, 404])
def test_a_web_page_where_the_models_are_listed_is_not_an_api(fake_server, status):
    """No model configured: the server is asked for its models, and answers a web page."""
    fake_server.models_page = Page(status=status)
    endpoint = resolve(base_url=fake_server.url, api_key="k")
    with pytest.raises(NotOpenAICompatible, match="did not answer as an OpenAI-compatible API"):
        OpenAIModel(endpoint).execute(request())
    assert fake_server.chat_requests == []
