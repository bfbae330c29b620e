"""RSC201: `context.resources.x` in an op, asset, sensor or schedule: request `x` as a
resource parameter."""

from __future__ import annotations

from typing import Iterator

from dagwire.lint_rules.file_check import MIGRATE_MAY_REWRITE, FileCheck, Finding, finding

CODE = "RSC201"
# The kinds `dagwire migrate` rewrites (`migrate/scope.py`, which the rules may not import;
# a test keeps the two equal): the message promises it may rewrite these.
MIGRATED_KINDS = frozenset({"asset", "op", "sensor", "schedule"})
# A parameter annotated with a ConfigurableResource class receives that resource; a legacy
# resource (an `@resource` function) is requested as `ResourceParam[<what it returns>]`.
MESSAGE = (
    "RSC201 context.resources.{key} is the legacy resource API: request '{key}' as a "
    "parameter annotated with its ConfigurableResource class, or ResourceParam[...] for a "
    f"legacy resource ({MIGRATE_MAY_REWRITE})"
)


def check(file: FileCheck) -> Iterator[Finding]:
    for fn in file.compute_functions():
        if fn.kind not in MIGRATED_KINDS:
            continue
        use = file.context_use(fn)
        if use is None:
            continue
        for key, node in use.resource_reads:
            yield finding(node, MESSAGE.format(key=key))
