"""Loaded once by the fork server behind ``verify_many``: the verifier, with what it works
out once per process (does bubblewrap work here, the sandbox's compiled code, the checker's
and the image library's first use) already done, so that every worker forked from the
server starts warm."""

import PIL.ImageFile  # noqa: F401 - what the first preview would import

from studio.verdicts import api, isolation, scratch, static

__all__ = ["api"]

isolation.bwrap_works()
isolation.python_dirs()
scratch.compiled_code()
static.check_source(
    "import pygame\n\ndef main():\n    screen = pygame.display.set_mode((8, 8))\n"
    "    while True:\n        screen.fill((0, 0, 0))\n        pygame.display.flip()\n",
    "warm.py",
)
