"""The gallery: games kept on disk, listed in the terminal, shown as a web page, played.

Modules: ``store`` (entries on disk), ``listing`` (filters, table, one game), ``html`` (the
static site), ``play`` (a game in a window), ``arcade`` (the pygame launcher), ``showcase``
(filling a gallery from a list of prompts).
"""

from studio.gallery.store import Entry, Gallery

__all__ = ["Entry", "Gallery"]
