"""The code locations of changed files: what a commit hook must check so that a finding caused
in one file but reported in another (a parameter added in ``assets.py``, unbound in
``definitions.py``) is seen when only the first file changed.

A file inside a package belongs to the outermost package above it (``src/shop/defs/x.py``
-> ``src/shop``; folders without ``__init__.py`` in between are crossed, as in ``defs``
folders); the package folder is passed on whole, so each tool applies its own ``exclude``
settings. A file outside any package is a script run with ``dagster -f``: its location is
the ``.py`` files beside it that import dagster or dagwire. Only the standard library here.
"""

from __future__ import annotations

import os
from collections.abc import Sequence

from dagwire.cli.text import shown_path

FRAMEWORK_WORDS = (b"dagster", b"dagwire")


def outermost_package(directory: str, stop: str) -> str | None:
    """The highest folder from ``directory`` up to ``stop`` (both included) holding an
    ``__init__.py``, or None."""
    found = None
    current = os.path.abspath(directory)
    stop = os.path.abspath(stop)
    while True:
        if os.path.isfile(os.path.join(current, "__init__.py")):
            found = current
        parent = os.path.dirname(current)
        if current == stop or parent == current or not current.startswith(stop + os.sep):
            return found
        current = parent


def location_paths(files: Sequence[str]) -> list[str]:
    """Paths (package folders and script files) covering the code locations of ``files``,
    which are below the working directory (a repository's root); the files are covered too."""
    root = os.getcwd()
    packages: list[str] = []
    script_folders: list[str] = []
    for file in files:
        folder = os.path.dirname(os.path.abspath(file))
        package = outermost_package(folder, root)
        if package is not None:
            if package not in packages:
                packages.append(package)
        elif folder not in script_folders:
            script_folders.append(folder)
    paths = [shown_path(p) for p in packages]
    extra: list[str] = [os.path.abspath(f) for f in files]
    for folder in script_folders:
        extra += [os.path.join(folder, name) for name in sorted(os.listdir(folder))
                  if name.endswith(".py") and _imports_framework(os.path.join(folder, name))]
    for path in extra:
        shown = shown_path(path)
        inside = any(path.startswith(p + os.sep) for p in packages)
        if not inside and shown not in paths:
            paths.append(shown)
    return paths


def _imports_framework(path: str) -> bool:
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError:
        return False
    return any(word in data for word in FRAMEWORK_WORDS)
