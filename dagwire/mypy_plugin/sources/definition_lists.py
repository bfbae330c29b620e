"""Follow what a binding site lists back to the definitions, with what each requires.

Handles list literals, `[*x, y]`, `a + b`, module-level variables in this or another module,
`load_assets_from_modules([module])`, `load_assets_from_package_module(package)`,
`with_resources(...)`, `BindResourcesToJobs(...)`, and the jobs schedules and sensors built by
a call run. Whatever cannot be followed makes the listing incomplete, and the checks then stay
silent where they would have to guess.
"""

from __future__ import annotations

import os

from collections.abc import Mapping

from mypy.nodes import (
    CallExpr,
    Decorator,
    Expression,
    ListExpr,
    MemberExpr,
    MypyFile,
    NameExpr,
    OpExpr,
    SetExpr,
    StarExpr,
    TupleExpr,
    Var,
)
from mypy.types import AnyType, Instance, Type, UnionType, get_proper_type

from dagwire.mypy_plugin.api_types import CheckerApi
from dagwire.mypy_plugin.facts.carrier import Captured, decode
from dagwire.mypy_plugin.facts.definition_facts import node_facts
from dagwire.mypy_plugin.frameworks import ALL_FRAMEWORKS
from dagwire.mypy_plugin.names import call_kwargs, expr_type, fullname_of, node_type, resolve_ref
from dagwire.mypy_plugin.sources.cache_stamps import record_path
from dagwire.mypy_plugin.sources.module_source import variable_initializer
from dagwire.mypy_plugin.sources.package_modules import package_modules
from dagwire.mypy_plugin.sources.resource_dicts import resolve_resources
from dagwire.vocabulary.calls import DEFINITIONS_LISTS, REQUIRED_RESOURCE_KEYS, RESOURCE_DEFS
from dagwire.vocabulary.limits import RESOLVE_DEPTH
from dagwire.vocabulary.qualified import QUALIFIED


class Listed:
    """The definitions an expression lists. Plain classes here: see facts/carrier.py."""

    __slots__ = ("items", "complete", "local_keys")

    def __init__(self, complete: bool = True) -> None:
        self.items: list[Captured] = []
        self.complete = complete
        # keys bound by `with_resources(..., resource_defs)` on the listed definitions
        self.local_keys: set[str] = set()

    def extend(self, other: Listed) -> None:
        self.items += other.items
        self.complete = self.complete and other.complete
        self.local_keys |= other.local_keys


# The `DEFINITIONS_LISTS` arguments in the order the plugin reports what they list.
REPORT_ORDER = ("assets", "asset_checks", "jobs", "sensors", "schedules")
DEFINITION_ARGS = tuple(sorted(DEFINITIONS_LISTS, key=REPORT_ORDER.index))


def listed_definitions(args: Mapping[str, Expression], mod: MypyFile, api: CheckerApi) -> Listed:
    """Everything the `assets=`, `jobs=`, ... arguments of one `Definitions(...)` list."""
    out = Listed()
    for name in DEFINITION_ARGS:
        if name in args:
            out.extend(resolve_definitions(args[name], mod, api))
    return out


def _is(name: str, attr: str) -> bool:
    return bool(name) and any(getattr(fw, attr) == name for fw in ALL_FRAMEWORKS.values())


def resolve_definitions(
    expr: Expression, mod: MypyFile, api: CheckerApi, depth: int = 0
) -> Listed:
    out = Listed()
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
        name = fullname_of(expr.callee, mod, api)
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


def _wrapped_job(call: CallExpr, mod: MypyFile, api: CheckerApi, depth: int) -> Listed:
    """`ScheduleDefinition(job=daily, ...)`: requires what its job requires (and no more)."""
    kwargs = call_kwargs(call)
    if any(k in kwargs for k in (REQUIRED_RESOURCE_KEYS, "execution_fn", "evaluation_fn")):
        return Listed(complete=False)  # its own function may require resources
    target = kwargs.get("job", kwargs.get("target"))
    builder = fullname_of(call.callee, mod, api).endswith(".build_schedule_from_partitioned_job")
    if target is None and builder and call.args and call.arg_names[0] is None:
        target = call.args[0]  # `build_schedule_from_partitioned_job(job)`
    if target is None:
        return Listed(complete="job_name" in kwargs)
    return resolve_definitions(target, mod, api, depth + 1)


def _from_modules(call: CallExpr, mod: MypyFile, api: CheckerApi) -> Listed:
    out = Listed()
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


def _from_package(call: CallExpr, mod: MypyFile, api: CheckerApi) -> Listed:
    """`load_assets_from_package_module(pkg)`: the package and every module under it."""
    out = Listed()
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


def _module_assets(module: MypyFile, out: Listed) -> None:
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
