"""RSC205: legacy environment config sources in schemas: `StringSource`, `IntSource`,
`BoolSource`.

A `{"env": "X"}` value is not reported: wherever it is read (`.configured({...})`, a job's
`config=`, run config) it is the form Dagster takes, and an `EnvVar("X")` object there is
refused; the legacy part to migrate is the schema that declares the source.
"""

from __future__ import annotations

from typing import Iterator

from dagwire.lint_rules.file_check import MIGRATE_MAY_REWRITE, FileCheck, Finding, finding
from dagwire.vocabulary.names import SCHEMA_SOURCES

CODE = "RSC205"
SOURCE_MESSAGE = (
    "RSC205 {source} is the legacy environment config source: declare a plain field and "
    f"pass EnvVar(...) ({MIGRATE_MAY_REWRITE})"
)
_SOURCES = frozenset(SCHEMA_SOURCES)


def check(file: FileCheck) -> Iterator[Finding]:
    model = file.model
    for ref in model.source_refs:
        role = model.imports.role(ref)
        if role in _SOURCES:
            yield finding(ref, SOURCE_MESSAGE.format(source=role))
