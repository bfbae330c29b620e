"""RSC204: a key declared in `required_resource_keys` or `config_schema` is never read.

Only reported when every use of the context in the function is visible: if the context (or
`context.resources` / `context.op_config` as a whole) is passed on, or the function has a
decorator of its own besides the framework's (a wrapper that receives the context too), the
key may be read elsewhere and the rule stays silent. Only keys spelled in the decorator itself are reported:
a shared constant (`required_resource_keys=SHARED_KEYS`, `@op(**COMMON)`) is declared for
many functions at once on purpose, and no single line could carry a `# noqa` for one of them.
"""

from __future__ import annotations

from typing import Iterator

from dagwire.lint_rules.file_check import FileCheck, Finding, finding
from dagwire.source_model.module import DecoratedFunction
from dagwire.source_model.resolve_constants import Item

CODE = "RSC204"
RESOURCE_MESSAGE = (
    "RSC204 resource key '{key}' is declared in required_resource_keys of {kind} '{name}' "
    "but never read"
)
CONFIG_MESSAGE = (
    "RSC204 config key '{key}' is declared in config_schema of {kind} '{name}' but never read"
)


def check(file: FileCheck) -> Iterator[Finding]:
    for fn in file.compute_functions():
        params = file.parameters(fn)
        if params.context is None:
            continue  # without a context nothing reads these keys, but other tools may
        use = file.context_use(fn)
        if use is None or use.escapes or len(fn.func.decorator_list) > 1:
            continue  # the context goes where the rule cannot follow it
        declared = file.declared(fn)
        name = file.display_name(fn)
        if not use.resources_opaque and declared.required_resource_keys:
            read = {key for key, _ in use.resource_reads}
            for item in declared.required_resource_keys:
                if item.key not in read and item.key not in params.names:
                    if item.key.endswith("launcher"):
                        continue  # a step launcher: Dagster itself uses it to run the step
                    if _in_decorator(item, file, fn):
                        yield finding(
                            item.node,
                            RESOURCE_MESSAGE.format(key=item.key, kind=fn.kind, name=name),
                        )
        if not use.op_config_opaque and declared.config_schema and use.op_config_nodes:
            read = {key for key, _ in use.op_config_reads}
            for item in declared.config_schema:
                if item.key not in read and _in_decorator(item, file, fn):
                    yield finding(
                        item.node, CONFIG_MESSAGE.format(key=item.key, kind=fn.kind, name=name)
                    )


def _in_decorator(item: Item, file: FileCheck, fn: DecoratedFunction) -> bool:
    """Is the key written inside this function's decorator call (not in a shared constant)?"""
    if item.model is not file.model:
        return False
    line = getattr(item.node, "lineno", 0)
    start = fn.decorator.lineno
    return start <= line <= (fn.decorator.end_lineno or start)
