"""Which files a run looks at, their module names, and the cheap pre-filter."""

from __future__ import annotations

import io
import re
import tokenize
from dataclasses import dataclass
from pathlib import Path

from dagwire.vocabulary.names import FRAMEWORKS

# A framework import anywhere in the file: `import dagster`, `from dagwire.x import y`, ...
_FRAMEWORK_IMPORT = re.compile(
    r"^\s*(?:from|import)\s+(?:%s)\b" % "|".join(FRAMEWORKS), re.MULTILINE
)
_SKIP_DIRS = frozenset({".git", ".venv", "venv", "__pycache__", ".mypy_cache", "build", "dist"})


@dataclass(frozen=True)
class SourceFile:
    path: Path
    module: str  # dotted module name, as the program imports it
    text: str  # line endings as in the file (CRLF stays CRLF)
    encoding: str = "utf-8"  # as declared (PEP 263) or marked (BOM: utf-8-sig)

    @property
    def uses_framework(self) -> bool:
        return has_framework_import(self.text)


def has_framework_import(text: str) -> bool:
    """The pre-filter: a file without a framework import is read, never parsed."""
    return _FRAMEWORK_IMPORT.search(text) is not None


def module_name(path: Path) -> str:
    """Dotted name: the file's stem plus each enclosing directory that is a package."""
    parts = [] if path.stem == "__init__" else [path.stem]
    parent = path.parent
    while (parent / "__init__.py").is_file():
        parts.insert(0, parent.name)
        parent = parent.parent
    return ".".join(parts)


def discover(paths: list[Path]) -> list[Path]:
    """Every ``.py`` file under ``paths`` (files are taken as given), sorted, no duplicates."""
    found: set[Path] = set()
    for path in paths:
        if path.is_file():
            found.add(path.resolve())
            continue
        for candidate in path.rglob("*.py"):
            if not _SKIP_DIRS.intersection(candidate.relative_to(path).parts[:-1]):
                found.add(candidate.resolve())
    return sorted(found)


def read_sources(files: list[Path]) -> tuple[list[SourceFile], dict[Path, str]]:
    """The files' text; unreadable files go to the error report instead."""
    sources: list[SourceFile] = []
    errors: dict[Path, str] = {}
    for path in files:
        try:
            text, encoding = read_source(path)
        except (OSError, UnicodeDecodeError, SyntaxError, LookupError) as error:
            errors[path] = f"cannot read: {error}"
            continue
        sources.append(SourceFile(path, module_name(path), text, encoding))
    return sources, errors


def read_source(path: Path) -> tuple[str, str]:
    """The text as Python reads it (declared encoding, BOM), line endings kept as they are:
    the file is written back in the same encoding and only rewritten lines change."""
    data = path.read_bytes()
    # SyntaxError: a coding cookie naming an unknown encoding, or a BOM contradicting it
    encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
    return data.decode(encoding), encoding


def write_source(path: Path, text: str, encoding: str) -> None:
    path.write_bytes(text.encode(encoding))
