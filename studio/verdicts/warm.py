"""Loaded once by the fork server behind ``verify_many``: the verifier, with what it works
out once per process (does bubblewrap work here, the sandbox's compiled code) already done,
so that every worker forked from the server starts warm."""

from studio.verdicts import api, isolation, sandbox

__all__ = ["api"]

isolation.bwrap_works()
isolation.python_dirs()
sandbox._compiled_code()
