"""Which files make up a project, walked the way Python and Dagster find modules.

- `package_files`: a package and every module below it, as Dagster's package loaders walk it
  (pkgutil: a sub-package needs an `__init__.py`);
- `project_files`: the files of the project around one file (its outermost package and the
  modules beside that package), for the questions no import answers ("does any module merge
  this part?");
- `python_files`: every `.py` file under the paths a command is given;
- `module_name`: the dotted name a file is imported by;
- `is_test_file`: whether a file is a test or a test fixture.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Iterator

if TYPE_CHECKING:  # the lint rules import this module: pathlib costs them milliseconds
    from pathlib import Path

# Folders of tools and builds, never part of the project's source.
SKIPPED_DIRECTORIES = frozenset({
    ".git", ".venv", "venv", "__pycache__", ".mypy_cache", "build", "dist",
})


_TEST_DIRECTORIES = frozenset({"tests", "test", "testing"})


def is_test_file(path: str) -> bool:
    """Tests and their fixtures (`conftest.py`, `test_*.py`, `*_test.py`, files under `tests/`
    or a `<project>_tests/` folder): they build resources when the test runs, with throw-away
    credentials, and what they do with a code location does not make it a part of another."""
    if "test" not in path:
        return False  # the common case, without touching the file system paths
    directory, name = os.path.split(path)
    if name == "conftest.py" or name.startswith("test_") or name.endswith("_test.py"):
        return True
    # Folders inside the project only (relative to where flake8 runs, as editors do): a
    # checkout under /home/me/test/ is not a test suite.
    relative = os.path.relpath(os.path.abspath(directory or "."))
    parts = relative.replace("\\", "/").split("/")
    if parts[0] == "..":
        parts = parts[-3:]
    # `my_project_tests/`: the folder `dagster project scaffold` creates beside the package
    return any(part in _TEST_DIRECTORIES or part.endswith("_tests") for part in parts)


def is_package(directory: str) -> bool:
    return os.path.isfile(os.path.join(directory, "__init__.py"))


def outermost_package(directory: str) -> str | None:
    """The outermost package folder holding `directory`; None when it is in no package."""
    if not is_package(directory):
        return None
    top = directory
    while True:
        parent = os.path.dirname(top)
        if parent == top or not is_package(parent):
            return top
        top = parent


def import_root(directory: str) -> str:
    """The folder absolute imports of a module in `directory` start from: the one above its
    outermost package (the folder itself for a module in no package)."""
    top = outermost_package(directory)
    return os.path.dirname(top) if top is not None else directory


def package_files(root: str) -> Iterator[str]:
    """The modules below a package folder (its own `__init__.py` left out), each folder's files
    in name order before its sub-packages."""
    for directory, subdirectories, files in os.walk(root):
        subdirectories[:] = sorted(
            name for name in subdirectories if is_package(os.path.join(directory, name))
        )
        for name in sorted(files):
            if name.endswith(".py") and not (directory == root and name == "__init__.py"):
                yield os.path.join(directory, name)


def project_files(path: str, limit: int) -> list[str]:
    """The Python files of the project around `path`: the outermost package holding it
    (sub-packages with an `__init__.py`, as Dagster walks them) and the modules next to that
    package (a `definitions.py` beside it); the file's own folder when it is in no package."""
    directory = os.path.dirname(os.path.abspath(path))
    top = outermost_package(directory)
    files: list[str] = []
    root = os.path.dirname(top) if top is not None else directory
    try:
        names = sorted(os.listdir(root))
    except OSError:
        names = []
    files.extend(os.path.join(root, name) for name in names if name.endswith(".py"))
    if top is not None:
        for folder, subdirectories, names in os.walk(top):
            subdirectories[:] = sorted(
                name for name in subdirectories if is_package(os.path.join(folder, name))
            )
            files.extend(
                os.path.join(folder, name) for name in sorted(names) if name.endswith(".py")
            )
            if len(files) > limit:
                break
    return files[:limit]


def python_files(paths: list[Path]) -> list[Path]:
    """Every `.py` file under `paths` (files are taken as given), sorted, no duplicates."""
    found: set[Path] = set()
    for path in paths:
        if path.is_file():
            found.add(path.resolve())
            continue
        for candidate in path.rglob("*.py"):
            if not SKIPPED_DIRECTORIES.intersection(candidate.relative_to(path).parts[:-1]):
                found.add(candidate.resolve())
    return sorted(found)


def module_name(path: Path) -> str:
    """Dotted name: the file's stem plus each enclosing directory that is a package."""
    parts = [] if path.stem == "__init__" else [path.stem]
    parent = path.parent
    while (parent / "__init__.py").is_file():
        parts.insert(0, parent.name)
        parent = parent.parent
    return ".".join(parts)
