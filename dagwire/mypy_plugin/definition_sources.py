"""Follow the expressions given to `Definitions(...)` back to definitions and resource dicts.

Handles list literals, `[*x, y]`, `a + b`, module-level variables in this or another module,
`load_assets_from_modules([module])`, `load_assets_from_package_module(package)`,
`with_resources(...)`, `BindResourcesToJobs(...)`, and for resources: dict literals,
`**shared`, `shared | {...}`, `dict(k=v)`, and dicts picked by deployment (`by_env[env]`,
`PROD if is_prod else LOCAL`: every candidate dict is checked). Whatever cannot be followed
is reported as incomplete, and the checks then stay silent where they would have to guess.
"""

from __future__ import annotations

import os

from mypy.nodes import (
    ARG_POS,
    ARG_STAR,
    CallExpr,
    ConditionalExpr,
    Decorator,
    DictExpr,
    Expression,
    IndexExpr,
    ListExpr,
    MemberExpr,
    MypyFile,
    NameExpr,
    OpExpr,
    SetExpr,
    StarExpr,
    TupleExpr,
    TypeInfo,
    Var,
)
from mypy.types import (
    AnyType,
    Instance,
    ProperType,
    Type,
    TypeOfAny,
    UnionType,
    get_proper_type,
)

from dagwire.mypy_plugin.api_types import CheckerApi
from dagwire.mypy_plugin.captured import Captured, decode
from dagwire.mypy_plugin.definition_facts import node_facts
from dagwire.mypy_plugin.frameworks import ALL_FRAMEWORKS
from dagwire.mypy_plugin.package_dependencies import package_modules
from dagwire.mypy_plugin.statement_reads import record_path
from dagwire.mypy_plugin.symbols import (
    call_kwargs,
    node_type,
    resolve_ref,
    str_value,
    variable_initializer,
)
from dagwire.vocabulary.calls import REQUIRED_RESOURCE_KEYS, RESOURCE_DEFS
from dagwire.vocabulary.limits import RESOLVE_DEPTH
from dagwire.vocabulary.qualified import QUALIFIED


class Definitions_:
    """The definitions an expression lists. Plain classes here: see captured.py."""

    __slots__ = ("items", "complete", "local_keys")

    def __init__(self, complete: bool = True) -> None:
        self.items: list[Captured] = []
        self.complete = complete
        # keys bound by `with_resources(..., resource_defs)` on the listed definitions
        self.local_keys: set[str] = set()

    def extend(self, other: Definitions_) -> None:
        self.items += other.items
        self.complete = self.complete and other.complete
        self.local_keys |= other.local_keys


def _fullname(expr: Expression, mod: MypyFile, api: CheckerApi) -> str:
    node = resolve_ref(expr, mod, api)
    return node.fullname if node is not None else ""


def _is(name: str, attr: str) -> bool:
    return bool(name) and any(getattr(fw, attr) == name for fw in ALL_FRAMEWORKS.values())


def expr_type(expr: Expression, mod: MypyFile, api: CheckerApi) -> ProperType | None:
    """The type of `expr`: from the checker when it has seen it, else from the symbol table."""
    if mod is api.tree:
        t = api.lookup_type_or_none(expr)
        if t is not None:
            return get_proper_type(t)
    if isinstance(expr, CallExpr):
        callee = expr.callee
        node = resolve_ref(callee, mod, api)
        if isinstance(node, TypeInfo):
            return Instance(node, [AnyType(TypeOfAny.special_form)] * len(node.type_vars))
        if isinstance(callee, MemberExpr) and callee.name == "configure_at_launch":
            base = resolve_ref(callee.expr, mod, api)
            if isinstance(base, TypeInfo):
                return Instance(base, [AnyType(TypeOfAny.special_form)] * len(base.type_vars))
        return None
    if isinstance(expr, (NameExpr, MemberExpr)):
        t = node_type(resolve_ref(expr, mod, api))
        return get_proper_type(t) if t is not None else None
    return None


def resolve_definitions(
    expr: Expression, mod: MypyFile, api: CheckerApi, depth: int = 0
) -> Definitions_:
    out = Definitions_()
    if depth > RESOLVE_DEPTH:
        out.complete = False
        return out
    if isinstance(expr, (ListExpr, TupleExpr, SetExpr)):
        for item in expr.items:
            out.extend(resolve_definitions(item, mod, api, depth + 1))
        return out
    if isinstance(expr, StarExpr):
        return resolve_definitions(expr.expr, mod, api, depth + 1)
    if isinstance(expr, OpExpr) and expr.op == "+":
        out.extend(resolve_definitions(expr.left, mod, api, depth + 1))
        out.extend(resolve_definitions(expr.right, mod, api, depth + 1))
        return out
    if isinstance(expr, CallExpr):
        name = _fullname(expr.callee, mod, api)
        if _is(name, "modules_loader"):
            return _from_modules(expr, mod, api)
        if _is(name, "package_loader"):
            return _from_package(expr, mod, api)
        if any(name in fw.job_wrappers for fw in ALL_FRAMEWORKS.values()):
            return _wrapped_job(expr, mod, api, depth)
        if _is(name, "bind_resources_to_jobs") and expr.args:
            return resolve_definitions(expr.args[0], mod, api, depth + 1)
        if _is(name, "with_resources") and expr.args:
            inner = resolve_definitions(expr.args[0], mod, api, depth + 1)
            kwargs = call_kwargs(expr)
            defs_expr = kwargs.get(RESOURCE_DEFS, expr.args[1] if len(expr.args) > 1 else None)
            bound = resolve_resources(defs_expr, mod, api) if defs_expr is not None else None
            if bound is None or len(bound) != 1 or not bound[0].complete:
                inner.complete = False
            else:
                inner.local_keys |= set(bound[0].values)
            return inner
    if isinstance(expr, (NameExpr, MemberExpr)):
        node = resolve_ref(expr, mod, api)
        captured = node_facts(node)
        if captured is not None:
            out.items.append(captured)
            return out
        if isinstance(node, Var):
            init = variable_initializer(node, api)
            if init is not None:
                return resolve_definitions(init[0], init[1], api, depth + 1)
        out.complete = False
        return out
    captured = decode(expr_type(expr, mod, api))
    if captured is not None:
        out.items.append(captured)
    else:
        out.complete = False
    return out


def _wrapped_job(call: CallExpr, mod: MypyFile, api: CheckerApi, depth: int) -> Definitions_:
    """`ScheduleDefinition(job=daily, ...)`: requires what its job requires (and no more)."""
    kwargs = call_kwargs(call)
    if any(k in kwargs for k in (REQUIRED_RESOURCE_KEYS, "execution_fn", "evaluation_fn")):
        return Definitions_(complete=False)  # its own function may require resources
    target = kwargs.get("job", kwargs.get("target"))
    builder = _fullname(call.callee, mod, api).endswith(".build_schedule_from_partitioned_job")
    if target is None and builder and call.args and call.arg_names[0] is None:
        target = call.args[0]  # `build_schedule_from_partitioned_job(job)`
    if target is None:
        return Definitions_(complete="job_name" in kwargs)
    return resolve_definitions(target, mod, api, depth + 1)


def _from_modules(call: CallExpr, mod: MypyFile, api: CheckerApi) -> Definitions_:
    out = Definitions_()
    if not call.args or not isinstance(call.args[0], (ListExpr, TupleExpr)):
        out.complete = False
        return out
    for item in call.args[0].items:
        module = resolve_ref(item, mod, api)
        if not isinstance(module, MypyFile):
            out.complete = False
            continue
        _module_assets(module, out)
    return out


def _from_package(call: CallExpr, mod: MypyFile, api: CheckerApi) -> Definitions_:
    """`load_assets_from_package_module(pkg)`: the package and every module under it."""
    out = Definitions_()
    package = resolve_ref(call.args[0], mod, api) if call.args else None
    if not isinstance(package, MypyFile) or not package.is_package_init_file():
        out.complete = False
        return out
    prefix = package.fullname + "."
    found = [package, *(m for n, m in api.modules.items() if n.startswith(prefix))]
    on_disk, directories = package_modules(package.fullname, os.path.dirname(package.path))
    for directory in directories:
        record_path(api.tree, directory)  # a module added there re-checks this one
    if len(found) != len(on_disk):
        out.complete = False  # a submodule mypy does not analyse: its assets are unknown
    for module in sorted(found, key=lambda m: m.fullname):
        _module_assets(module, out)
    return out


def _module_assets(module: MypyFile, out: Definitions_) -> None:
    """The assets a module's names hold, as dagster's loader finds them."""
    for name, sym in sorted(module.names.items()):  # in name order: stable reports
        node = sym.node
        captured = node_facts(node)
        if captured is not None:
            if captured.kind == "asset":
                out.items.append(captured)
        elif (
            isinstance(node, (Decorator, Var))
            and not name.startswith("__")  # `__name__`, `__file__`, ...: never assets
            and _may_hold_assets(node_type(node))
        ):
            # an asset from a decorator or factory the plugin does not know (dbt-style),
            # or a list of assets: what it requires is unknown
            out.complete = False


def _may_hold_assets(t: Type | None) -> bool:
    p = get_proper_type(t) if t is not None else None
    if p is None or isinstance(p, AnyType):
        return True
    if isinstance(p, UnionType):
        return any(_may_hold_assets(item) for item in p.items)
    if isinstance(p, Instance):
        info = p.type
        if info.fullname in CONTAINERS:
            return any(_may_hold_assets(arg) for arg in p.args)
        return any(info.has_base(name) for name in ASSETS_CLASSES)
    return False


CONTAINERS = frozenset({"builtins.list", "builtins.tuple", "typing.Sequence"})
# what an asset loader collects from a module (other than the definitions the plugin knows)
ASSETS_CLASSES = tuple(
    names[cls]
    for names in QUALIFIED.values()
    for cls in ("AssetsDefinition", "CacheableAssetsDefinition")
    if cls in names
)


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


def _merge(left: list[ResourceDict], right: list[ResourceDict]) -> list[ResourceDict]:
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
                result = _merge(result, inner)
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
        return _merge(left, right)
    if isinstance(expr, CallExpr) and _fullname(expr.callee, mod, api) == "builtins.dict":
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
            result = _merge(result, inner or [ResourceDict(complete=False)])
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
