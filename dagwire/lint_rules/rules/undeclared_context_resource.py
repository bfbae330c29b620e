"""RSC102: `context.resources.x` where the function never declared `x`.

Dagster scopes `context.resources` to the keys a function declares (`required_resource_keys`,
`resource_defs=`, resource parameters, and the IO / input managers of its outputs and
inputs): any other key raises DagsterUnknownResourceError at run time, often only on the
branch that reads it.
"""

from __future__ import annotations

from typing import Iterator

from dagwire.lint_rules.file_check import FileCheck, Finding, finding
from dagwire.vocabulary.calls import IMPLICIT_RESOURCE_KEYS

CODE = "RSC102"
MESSAGE = (
    "RSC102 context.resources.{key} is not declared by {kind} '{name}': "
    "add '{key}' to its required_resource_keys"
)


def check(file: FileCheck) -> Iterator[Finding]:
    for fn in file.compute_functions():
        use = file.context_use(fn)
        if use is None or not use.resource_reads:
            continue
        declared = file.declared(fn)
        if (
            not declared.complete
            or declared.required_resource_keys is None
            or declared.resource_defs is None
        ):
            continue
        params = file.parameters(fn)
        if params.has_var_keywords:
            continue
        known = {item.key for item in declared.required_resource_keys}
        known |= {item.key for item in declared.resource_defs}
        # any parameter may be a resource whose class we cannot see: count them all
        known |= set(params.names) | IMPLICIT_RESOURCE_KEYS
        keywords, _ = file.resolver.keywords(file.model, fn)
        managers = file.resolver.manager_keys(file.model, keywords)
        if managers is None:
            continue
        known |= managers
        for key, node in use.resource_reads:
            if key not in known:
                yield finding(
                    node,
                    MESSAGE.format(key=key, kind=fn.kind, name=file.display_name(fn)),
                )
