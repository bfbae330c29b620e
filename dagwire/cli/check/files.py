"""Which files ``dagwire check`` reads, and their text as flake8 would read it."""

from __future__ import annotations

import io
import os
import tokenize
from collections.abc import Iterator, Sequence

from dagwire.cli.check.settings import Patterns


def python_files(paths: Sequence[str], excluded: Patterns) -> Iterator[str]:
    """``*.py`` files under the folders given, minus excluded ones and virtual environments,
    in a stable order; a file named on the command line is always checked."""
    seen: set[str] = set()
    for path in paths:
        for found in _files_under(path, excluded):
            key = os.path.abspath(found)
            if key not in seen:
                seen.add(key)
                yield found


def _files_under(path: str, excluded: Patterns) -> Iterator[str]:
    if not os.path.isdir(path):
        yield path
        return
    for root, dirs, files in os.walk(path):
        dirs[:] = sorted(
            d for d in dirs
            if not excluded.match(os.path.join(root, d))
            and not os.path.isfile(os.path.join(root, d, "pyvenv.cfg"))
        )
        for name in sorted(files):
            candidate = os.path.join(root, name)
            if name.endswith(".py") and not excluded.match(candidate):
                yield candidate


def read_lines(path: str) -> list[str]:
    """The file's lines as flake8 reads them: the declared encoding (latin-1 when it cannot
    be decoded), universal newlines, no byte-order mark."""
    with open(path, "rb") as handle:
        data = handle.read()
    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
        lines = io.TextIOWrapper(io.BytesIO(data), encoding).readlines()
    except (SyntaxError, UnicodeError, LookupError):
        lines = io.TextIOWrapper(io.BytesIO(data), "latin-1").readlines()
    if lines and lines[0][:1] == "\ufeff":
        lines[0] = lines[0][1:]
    return lines
