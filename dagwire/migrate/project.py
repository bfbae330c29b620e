"""The files a run reads and writes (text, encoding, module name), and the cheap pre-filter.

Which files make up the project and their module names come from the shared source model
(`dagwire.source_model.walk`).
"""

from __future__ import annotations

import io
import re
import tokenize
from dataclasses import dataclass
from pathlib import Path

from dagwire.source_model.walk import module_name
from dagwire.vocabulary.names import FRAMEWORKS

# A framework import anywhere in the file: `import dagster`, `from dagwire.x import y`, ...
_FRAMEWORK_IMPORT = re.compile(
    r"^\s*(?:from|import)\s+(?:%s)\b" % "|".join(FRAMEWORKS), re.MULTILINE
)


@dataclass(frozen=True)
class SourceFile:
    path: Path
    module: str  # dotted module name, as the program imports it
    text: str  # line endings as in the file (CRLF stays CRLF)
    encoding: str = "utf-8"  # as declared (PEP 263) or marked (BOM: utf-8-sig)

    @property
    def uses_framework(self) -> bool:
        return has_framework_import(self.text)

    @property
    def is_package(self) -> bool:
        """An `__init__.py`: `from . import x` in it means a module of this package."""
        return self.path.name == "__init__.py"


def has_framework_import(text: str) -> bool:
    """The pre-filter: a file without a framework import is read, never parsed."""
    return _FRAMEWORK_IMPORT.search(text) is not None


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
