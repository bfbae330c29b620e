"""Words the command line prints."""

from __future__ import annotations

import os

# How commands that load a project name it.
MODULE_HELP = "module (package.module or path/to/module.py; add :NAME to pick a Definitions)"


def plural(count: int, word: str, many: str | None = None) -> str:
    """``1 file``, ``2 files``; ``many`` for irregular words (``1 TODO``, ``2 TODOs``)."""
    return f"{count} {word if count == 1 else (many or word + 's')}"


def shown_path(path: str) -> str:
    """A path as the user wants to read it: relative to the working directory when below it."""
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive
        return os.path.abspath(path)
    return os.path.abspath(path) if relative.startswith(os.pardir) else relative
