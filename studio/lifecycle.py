"""The states an attempt and a run go through, as the checker holds them.

An attempt: waiting, designing, thinking, writing, verifying, repairing, then one of done (a
playable candidate), failed, cancelled. A run: running, then ok (a winner in the gallery),
none_playable, cancelled (Ctrl-C) or gallery_error (the winner could not be stored).

They are ``StrEnum``s, so they equal and print as their values: ``run.json`` and the plain
progress lines keep the words they always had. The attempt owns its states; the progress
display (``studio.progress``) only reads them.
"""

from __future__ import annotations

from enum import StrEnum


class AttemptState(StrEnum):
    WAITING = "waiting"
    DESIGNING = "designing"
    THINKING = "thinking"
    WRITING = "writing"
    VERIFYING = "verifying"
    REPAIRING = "repairing"
    DONE = "done"
    FAILED = "failed"
    CANCELLED = "cancelled"


#: An attempt in one of these has ended and changes no more.
FINAL_STATES: frozenset[AttemptState] = frozenset(
    {AttemptState.DONE, AttemptState.FAILED, AttemptState.CANCELLED}
)


class RunStatus(StrEnum):
    RUNNING = "running"
    OK = "ok"
    NONE_PLAYABLE = "none_playable"
    CANCELLED = "cancelled"
    GALLERY_ERROR = "gallery_error"
