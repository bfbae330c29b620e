"""The name a module imports from a library mypy cannot see.

With `ignore_missing_imports`, `from dagster_cloud.metadata.source_code import
link_code_references_to_git_if_cloud` gives a placeholder variable named after the importing
module (`defs.link_code_references_to_git_if_cloud`), typed `Any`: the library's own name,
by which the vocabulary knows the call, is only in the import statement.
"""

from __future__ import annotations

from mypy.nodes import Expression, MypyFile, NameExpr, Var

from dagwire.mypy_plugin.api_types import CheckerApi
from dagwire.mypy_plugin.facts.parameters import imported_from
from dagwire.mypy_plugin.names import module_of, resolve_ref


def unseen_import_name(expr: Expression, mod: MypyFile, api: CheckerApi) -> str | None:
    """`module.name` of the unseen library object `expr` names; None for anything else (or
    when the importing module's imports are not at hand: loaded from mypy's cache)."""
    if not isinstance(expr, NameExpr):
        return None
    node = resolve_ref(expr, mod, api)
    if not isinstance(node, Var) or not node.is_suppressed_import:
        return None
    owner = module_of(node.fullname, api)
    imported = imported_from(owner, node.name) if owner is not None else None
    return f"{imported[0]}.{imported[1]}" if imported is not None else None
