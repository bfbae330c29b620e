"""Walks over mypy trees that the checks share: calls in a body, blocks of a statement.

mypy's visitor classes are compiled traits that a plugin cannot subclass, hence these walks.
"""

from __future__ import annotations

from mypy.nodes import (
    Block,
    CallExpr,
    ForStmt,
    FuncDef,
    IfStmt,
    Node,
    Statement,
    TryStmt,
    WhileStmt,
    WithStmt,
)

_CHILD_ATTRS = (
    "body", "expr", "callee", "args", "rvalue", "items", "else_body", "left", "right",
    "base", "index", "operands", "if_expr", "else_expr", "cond",
)


def collect_calls(node: object, calls: list[CallExpr]) -> bool:
    """Every call under `node`, in source order; False when it defines functions."""
    if isinstance(node, FuncDef):
        return False
    ok = True
    if isinstance(node, CallExpr):
        calls.append(node)
    for attr in _CHILD_ATTRS:
        child = getattr(node, attr, None)
        if isinstance(child, list):
            for c in child:
                if isinstance(c, tuple):
                    for x in c:
                        if isinstance(x, Node):
                            ok = collect_calls(x, calls) and ok
                elif isinstance(c, Node):
                    ok = collect_calls(c, calls) and ok
        elif isinstance(child, Node):
            ok = collect_calls(child, calls) and ok
    return ok


def nested_statements(body: list[Statement]) -> list[Statement]:
    """Every statement of a body and of the blocks of its compound statements, in order."""
    out: list[Statement] = []
    for stmt in body:
        out.append(stmt)
        for block in statement_blocks(stmt):
            out += nested_statements(block.body)
    return out


def statement_blocks(stmt: Statement) -> list[Block]:
    """The blocks a compound statement holds (none for a simple statement)."""
    if isinstance(stmt, IfStmt):
        return [*stmt.body, *([stmt.else_body] if stmt.else_body else [])]
    if isinstance(stmt, WithStmt):
        return [stmt.body]
    if isinstance(stmt, (ForStmt, WhileStmt)):
        return [stmt.body, *([stmt.else_body] if stmt.else_body else [])]
    if isinstance(stmt, TryStmt):
        blocks = [stmt.body, *stmt.handlers]
        return blocks + [b for b in (stmt.else_body, stmt.finally_body) if b is not None]
    return []
