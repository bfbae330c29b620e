"""Is a call the whole value of a statement (`x = call(...)`, `a, b = call(...)`, `call(...)`)?

`with_resources(...)` binds keys when it is called, and dagster raises there when a key is
missing: a call that stands as a statement's value is checked where it is made. The same
call written inside a `Definitions(...)` or a repository's list is checked where that lists
it (`sources/definition_lists.py`), as the binding site of those definitions.
"""

from __future__ import annotations

from mypy.nodes import AssignmentStmt, CallExpr, ExpressionStmt, FuncDef, MypyFile, Statement

from dagwire.mypy_plugin.api_types import CheckerApi
from dagwire.mypy_plugin.tree_walk import statement_blocks

# compound statements nested deeper than this are not searched
MAX_NESTING = 8


def is_module_statement_value(call: CallExpr, mod: MypyFile) -> bool:
    """`call` is the value of a statement at module level (or in its `if`/`try` blocks)."""
    return _is_value_in(call, mod.defs, 0)


def is_statement_value(call: CallExpr, api: CheckerApi) -> bool:
    """`call`, being checked, is the value of a statement of the module or of the top-level
    function it is in."""
    func = api.scope.top_level_function()
    if isinstance(func, FuncDef):
        return _is_value_in(call, func.body.body, 0)
    return is_module_statement_value(call, api.tree)


def _is_value_in(call: CallExpr, stmts: list[Statement], depth: int) -> bool:
    if depth > MAX_NESTING:
        return False
    for stmt in stmts:
        if isinstance(stmt, AssignmentStmt) and stmt.rvalue is call:
            return True
        if isinstance(stmt, ExpressionStmt) and stmt.expr is call:
            return True
        if stmt.line <= call.line and any(
            _is_value_in(call, block.body, depth + 1) for block in statement_blocks(stmt)
        ):
            return True
    return False
