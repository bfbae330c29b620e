"""Follow a `resources=` argument back to the dicts it may be, with the type of each value.

Dict literals, `**shared`, `shared | {...}`, `dict(k=v)`, `dict(**a, **b)`, module-level
variables of this or another module, and dicts picked by deployment (`by_env[env]`,
`PROD if is_prod else LOCAL`): every candidate dict is checked, named after its key or
variable. Keys that are not string literals make a dict incomplete (nothing is said about
what it lacks); an expression that cannot be followed gives no candidate at all.
"""

from __future__ import annotations

from mypy.nodes import (
    ARG_POS,
    ARG_STAR,
    CallExpr,
    ConditionalExpr,
    DictExpr,
    Expression,
    IndexExpr,
    MemberExpr,
    MypyFile,
    NameExpr,
    OpExpr,
    Var,
)
from mypy.types import ProperType

from dagwire.mypy_plugin.api_types import CheckerApi
from dagwire.mypy_plugin.names import expr_type, fullname_of, resolve_ref, str_value
from dagwire.mypy_plugin.sources.module_source import variable_initializer
from dagwire.vocabulary.limits import RESOLVE_DEPTH


class ResourceDict:
    """One candidate `resources=` dict: key -> type of the bound value (None: unknown)."""

    __slots__ = ("values", "complete", "label")

    def __init__(
        self,
        values: dict[str, ProperType | None] | None = None,
        complete: bool = True,
        label: str | None = None,  # which candidate of `by_env[env]`
    ) -> None:
        self.values = values if values is not None else {}
        self.complete = complete
        self.label = label


def merge_candidates(left: list[ResourceDict], right: list[ResourceDict]) -> list[ResourceDict]:
    merged = []
    for a in left:
        for b in right:
            merged.append(
                ResourceDict(
                    {**a.values, **b.values},
                    a.complete and b.complete,
                    a.label or b.label,
                )
            )
    return merged


def resolve_resources(
    expr: Expression, mod: MypyFile, api: CheckerApi, depth: int = 0
) -> list[ResourceDict] | None:
    """Every dict `expr` may evaluate to; None when nothing can be said."""
    if depth > RESOLVE_DEPTH:
        return None
    if isinstance(expr, DictExpr):
        result = [ResourceDict()]
        for key, value in expr.items:
            if key is None:  # `**shared`
                inner = resolve_resources(value, mod, api, depth + 1)
                if inner is None:
                    inner = [ResourceDict(complete=False)]
                result = merge_candidates(result, inner)
                continue
            k = str_value(key)
            if k is None:
                for r in result:
                    r.complete = False
                continue
            vt = expr_type(value, mod, api)
            for r in result:
                r.values[k] = vt
        return result
    if isinstance(expr, OpExpr) and expr.op == "|":
        left = resolve_resources(expr.left, mod, api, depth + 1)
        right = resolve_resources(expr.right, mod, api, depth + 1)
        if left is None or right is None:
            return None
        return merge_candidates(left, right)
    if isinstance(expr, CallExpr) and fullname_of(expr.callee, mod, api) == "builtins.dict":
        # `dict(k=v)`, `dict(**a, **b)`, `dict(a, k=v)`: later arguments win, like `{**a, **b}`
        result = [ResourceDict()]
        for i, (n, a) in enumerate(zip(expr.arg_names, expr.args)):
            if n is not None:
                vt = expr_type(a, mod, api)
                for r in result:
                    r.values[n] = vt
                continue
            if expr.arg_kinds[i] == ARG_STAR or (expr.arg_kinds[i] == ARG_POS and i > 0):
                return None
            inner = resolve_resources(a, mod, api, depth + 1)
            result = merge_candidates(result, inner or [ResourceDict(complete=False)])
        return result
    if isinstance(expr, IndexExpr):
        return _candidates(expr, mod, api, depth)
    if isinstance(expr, ConditionalExpr):
        # `PROD if is_prod else LOCAL`: each branch is a candidate, named after its variable
        branches: list[ResourceDict] = []
        for branch in (expr.if_expr, expr.else_expr):
            inner = resolve_resources(branch, mod, api, depth + 1)
            if inner is None:
                return None
            for r in inner:
                if r.label is None and isinstance(branch, (NameExpr, MemberExpr)):
                    r.label = branch.name
            branches += inner
        return branches
    if isinstance(expr, (NameExpr, MemberExpr)):
        node = resolve_ref(expr, mod, api)
        if isinstance(node, Var):
            init = variable_initializer(node, api)
            if init is not None:
                return resolve_resources(init[0], init[1], api, depth + 1)
    return None


def _candidates(
    expr: IndexExpr, mod: MypyFile, api: CheckerApi, depth: int
) -> list[ResourceDict] | None:
    """`by_env[env]`: each value of the outer dict is a candidate."""
    base: Expression = expr.base
    base_mod = mod
    if isinstance(base, (NameExpr, MemberExpr)):
        node = resolve_ref(base, mod, api)
        if not isinstance(node, Var):
            return None
        init = variable_initializer(node, api)
        if init is None:
            return None
        base, base_mod = init
    if not isinstance(base, DictExpr):
        return None
    wanted = str_value(expr.index)
    result: list[ResourceDict] = []
    for key, value in base.items:
        if key is None:
            return None
        label = str_value(key)
        if wanted is not None and label != wanted:
            continue
        inner = resolve_resources(value, base_mod, api, depth + 1)
        if inner is None:
            return None
        for r in inner:
            r.label = label
        result += inner
    return result or None
