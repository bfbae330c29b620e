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
from dagwire.mypy_plugin.names import expr_type, fullname_of, resolve_ref
from dagwire.mypy_plugin.sources.constants import constant_str
from dagwire.mypy_plugin.sources.module_source import variable_initializer
from dagwire.vocabulary.deployments import MAX_WAYS, paired_by_deployment
from dagwire.vocabulary.limits import RESOLVE_DEPTH


class ResourceDict:
    """One candidate `resources=` dict: key -> type of the bound value (None: unknown)."""

    __slots__ = ("values", "complete", "label", "lines")

    def __init__(
        self,
        values: dict[str, ProperType | None] | None = None,
        complete: bool = True,
        label: str | None = None,  # which candidate of `by_env[env]`
        lines: dict[str, int] | None = None,
    ) -> None:
        self.values = values if values is not None else {}
        self.complete = complete
        self.label = label
        # the line of each key written in the module being checked (for notes there)
        self.lines = lines if lines is not None else {}


def merge_candidates(left: list[ResourceDict], right: list[ResourceDict]) -> list[ResourceDict]:
    """Every way both dicts may turn out together (vocabulary/deployments.py: picks by the
    same deployment names go name by name); past `MAX_WAYS`, one dict that may bind anything."""
    pairs = paired_by_deployment([r.label for r in left], [r.label for r in right])
    if pairs is None:
        if len(left) * len(right) > MAX_WAYS:
            return [ResourceDict(complete=False)]
        pairs = [(i, j) for i in range(len(left)) for j in range(len(right))]
    return [
        ResourceDict(
            {**a.values, **b.values},
            a.complete and b.complete,
            a.label or b.label,
            {**a.lines, **b.lines},
        )
        for a, b in ((left[i], right[j]) for i, j in pairs)
    ]


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
            k = constant_str(key, mod, api)
            if k is None:
                for r in result:
                    r.complete = False
                continue
            vt = expr_type(value, mod, api)
            for r in result:
                r.values[k] = vt
                if mod is api.tree:
                    r.lines[k] = key.line
        return result
    if isinstance(expr, OpExpr) and expr.op == "|":
        left = resolve_resources(expr.left, mod, api, depth + 1)
        right = resolve_resources(expr.right, mod, api, depth + 1)
        if left is None or right is None:
            return None
        return merge_candidates(left, right)
    if isinstance(expr, CallExpr):
        callee = expr.callee
        if fullname_of(callee, mod, api) == "builtins.dict":
            return _dict_call(expr, mod, api, depth)
        if isinstance(callee, MemberExpr) and callee.name == "get":
            return _table_get(expr, callee, mod, api, depth)
        return None
    if isinstance(expr, IndexExpr):
        return _table_candidates(expr.base, expr.index, None, mod, api, depth)
    if isinstance(expr, ConditionalExpr):
        # `PROD if is_prod else LOCAL`: each branch is a candidate, named after its variable
        branches: list[ResourceDict] = []
        for branch in (expr.if_expr, expr.else_expr):
            inner = resolve_resources(branch, mod, api, depth + 1)
            if inner is None:
                return None
            _name_candidates(inner, branch)
            branches += inner
        return branches
    if isinstance(expr, (NameExpr, MemberExpr)):
        node = resolve_ref(expr, mod, api)
        if isinstance(node, Var):
            init = variable_initializer(node, api)
            if init is not None:
                return resolve_resources(init[0], init[1], api, depth + 1)
    return None


def _name_candidates(candidates: list[ResourceDict], expr: Expression) -> None:
    """Candidates without a name are named after the variable they come from."""
    for r in candidates:
        if r.label is None and isinstance(expr, (NameExpr, MemberExpr)):
            r.label = expr.name


def _dict_call(expr: CallExpr, mod: MypyFile, api: CheckerApi, depth: int) -> list[ResourceDict] | None:
    """`dict(k=v)`, `dict(**a, **b)`, `dict(a, k=v)`: later arguments win, like `{**a, **b}`."""
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


def _table_get(
    expr: CallExpr, callee: MemberExpr, mod: MypyFile, api: CheckerApi, depth: int
) -> list[ResourceDict] | None:
    """`BY_ENV.get(env, LOCAL)`: each value of the table, and the default, are candidates;
    `BY_ENV.get("prod")` is the value under "prod"."""
    if not 1 <= len(expr.args) <= 2 or any(k != ARG_POS for k in expr.arg_kinds):
        return None
    default = expr.args[1] if len(expr.args) == 2 else None
    return _table_candidates(callee.expr, expr.args[0], default, mod, api, depth)


def _table_candidates(
    table: Expression,
    index: Expression,
    default: Expression | None,
    mod: MypyFile,
    api: CheckerApi,
    depth: int,
) -> list[ResourceDict] | None:
    """`by_env[env]` / `by_env.get(env, default)`: each value of the outer dict that `index`
    may pick is a candidate, named after its key; `default` too, when no key is sure."""
    base: Expression = table
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
    wanted = constant_str(index, mod, api)
    result: list[ResourceDict] = []
    values: list[Expression] = []
    for key, value in base.items:
        if key is None:
            return None
        label = constant_str(key, base_mod, api)
        if wanted is not None and label != wanted:
            continue
        inner = resolve_resources(value, base_mod, api, depth + 1)
        if inner is None:
            return None
        for r in inner:
            r.label = label
        result += inner
        values.append(value)
    if default is not None and (wanted is None or not result):
        if not any(_same_variable(default, mod, v, base_mod, api) for v in values):
            inner = resolve_resources(default, mod, api, depth + 1)
            if inner is None:
                return None
            _name_candidates(inner, default)
            result += inner
    return result or None


def _same_variable(
    a: Expression, a_mod: MypyFile, b: Expression, b_mod: MypyFile, api: CheckerApi
) -> bool:
    """Both name the same module-level variable (`LOCAL` as a table value and the default)."""
    if not isinstance(a, (NameExpr, MemberExpr)) or not isinstance(b, (NameExpr, MemberExpr)):
        return False
    node = resolve_ref(a, a_mod, api)
    return node is not None and node is resolve_ref(b, b_mod, api)


def bound_keys(expr: Expression, mod: MypyFile, api: CheckerApi) -> list[str] | None:
    """The keys a definition's own `resource_defs=` binds, when it is one dict whose keys are
    all known (a literal, or a variable of this or another module); None otherwise."""
    found = resolve_resources(expr, mod, api)
    if found is None or len(found) != 1 or not found[0].complete:
        return None
    return list(found[0].values)
