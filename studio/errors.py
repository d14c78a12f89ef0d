"""Every error the studio core raises.

The core raises only these; the CLI alone turns them into messages and exit codes
(``StudioError.exit_code``). Each message names the fix.

    StudioError
    ├── UsageError                 bad input from the person: a path, an option, a prompt
    ├── ConfigError                unreadable config file, unknown preset, bad setting
    ├── ModelError                 talking to a language model went wrong
    │   ├── AuthError              401/403: the key is missing or refused (names the variable)
    │   ├── ModelNotFoundError     the endpoint does not serve that model
    │   ├── RateLimitError         429 still returned after the retries
    │   ├── ServerError            5xx still returned after the retries
    │   ├── EndpointUnreachable    connection refused, DNS failure (names the endpoint)
    │   ├── ModelTimeout           no answer in time
    │   ├── NotOpenAICompatible    the server answered, but not as an OpenAI-compatible API
    │   ├── TruncatedReply         the stream ended before the reply was complete
    │   │   └── OutputLimitReached the reply hit the output limit even after continuations
    │   ├── NoCodeInReply          the reply holds no program
    │   │   └── EditsDoNotApply    its edit blocks do not apply to the program they edit
    │   └── DesignError            the offline designer (which stands in for a model)
    │                              could not build a game
    ├── Cancelled                  the person cancelled (Ctrl-C) or --first stopped the rest
    ├── SandboxError               the sandbox itself could not run (not the game's fault)
    └── GalleryError               the gallery could not be read or written
        ├── EntryNotFound          no game with that slug or path
        │   └── VersionNotFound    the game exists, not that version (names the ones there)
        └── CorruptEntry           an entry's files are missing or unreadable
"""

from __future__ import annotations


class StudioError(Exception):
    """Base of every error the studio raises on purpose."""

    exit_code = 1


class UsageError(StudioError):
    exit_code = 2


class ConfigError(StudioError):
    exit_code = 2


class ModelError(StudioError):
    #: Tokens the failed call spent (a ``studio.models.base.Usage``), where known: an attempt
    #: adds them to its totals, so no attempt's tokens are lost when its reply is unusable.
    usage: object | None = None
    #: What the model wrote before the failure, for the run log; "" when nothing came.
    partial: str = ""


class AuthError(ModelError):
    pass


class ModelNotFoundError(ModelError):
    pass


class RateLimitError(ModelError):
    pass


class ServerError(ModelError):
    pass


class EndpointUnreachable(ModelError):
    pass


class ModelTimeout(ModelError):
    pass


class NotOpenAICompatible(ModelError):
    pass


class TruncatedReply(ModelError):
    pass


class OutputLimitReached(TruncatedReply):
    pass


class NoCodeInReply(ModelError):
    pass


class EditsDoNotApply(NoCodeInReply):
    """Search/replace blocks whose search text is not in the program (``studio.edits``)."""


class DesignError(ModelError):
    pass


class Cancelled(StudioError):
    exit_code = 130


class SandboxError(StudioError):
    pass


class GalleryError(StudioError):
    pass


class EntryNotFound(GalleryError):
    pass


class VersionNotFound(EntryNotFound):
    pass


class CorruptEntry(GalleryError):
    pass
