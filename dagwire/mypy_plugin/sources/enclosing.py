"""Which functions enclose the expression being checked, and how each is decorated.

A call of an op inside a `@job` / `@graph` body composes the graph; the same call in a plain
function (a test, a helper) is a direct invocation and must be checked. mypy's checker scope
lists the enclosing functions; a nested function's `Decorator` node is found in its parent's
body, a top-level one in the module's globals, a method in its class.
"""

from __future__ import annotations

from mypy.nodes import (
    ClassDef,
    Decorator,
    Expression,
    FuncItem,
    LambdaExpr,
    Node,
    Statement,
    TypeInfo,
)

from dagwire.mypy_plugin.api_types import CheckerApi
from dagwire.mypy_plugin.tree_walk import statement_blocks


def _find_decorator(stmts: list[Statement], func: FuncItem, depth: int = 0) -> Decorator | None:
    """The Decorator of `func` among `stmts`, looking into compound statements."""
    if depth > 8:
        return None
    for stmt in stmts:
        if isinstance(stmt, Decorator):
            if stmt.func is func:
                return stmt
            continue
        blocks = statement_blocks(stmt)
        for block in blocks:
            found = _find_decorator(block.body, func, depth + 1)
            if found is not None:
                return found
    return None


def enclosing_decorators(api: CheckerApi) -> list[list[Expression]] | None:
    """The decorator expressions of each enclosing function, outermost first.

    A function without decorators contributes an empty list. None: a decorated function whose
    decorators cannot be found (the caller should then not guess).
    """
    stack = getattr(api.scope, "stack", None)
    if not isinstance(stack, list):
        return None
    out: list[list[Expression]] = []
    parent: Node | None = api.tree
    for entry in stack:
        if isinstance(entry, TypeInfo):
            parent = entry.defn
            continue
        if not isinstance(entry, FuncItem) or isinstance(entry, LambdaExpr):
            continue
        if not getattr(entry, "is_decorated", False):
            out.append([])
        else:
            dec: Decorator | None = None
            if isinstance(parent, ClassDef):
                dec = _find_decorator(parent.defs.body, entry)
            elif isinstance(parent, FuncItem):
                dec = _find_decorator(parent.body.body, entry)
            elif parent is api.tree:
                sym = api.globals.get(entry.name)
                node = sym.node if sym is not None else None
                dec = node if isinstance(node, Decorator) and node.func is entry else None
                if dec is None:  # conditionally defined, or redefined
                    dec = _find_decorator(api.tree.defs, entry)
            if dec is None:
                return None
            out.append(list(dec.decorators))
        parent = entry
    return out
