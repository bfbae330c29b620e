"""Follow what a binding site lists back to the definitions, with what each requires.

Handles list literals, `[*x, y]`, `a + b`, module-level variables in this or another module,
`load_assets_from_modules([module])`, `load_assets_from_package_module(package)`,
`with_resources(...)`, `BindResourcesToJobs(...)`, and the jobs schedules and sensors built by
a call run. Whatever cannot be followed makes the listing incomplete, and the checks then stay
silent where they would have to guess.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from mypy.nodes import (
    AssignmentExpr,
    CallExpr,
    Decorator,
    DictExpr,
    Expression,
    IndexExpr,
    ListComprehension,
    ListExpr,
    MemberExpr,
    MypyFile,
    NameExpr,
    OpExpr,
    ReturnStmt,
    SetComprehension,
    SetExpr,
    StarExpr,
    TupleExpr,
    Var,
)
from mypy.types import AnyType, Instance, Type, UnionType, get_proper_type

from dagwire.mypy_plugin.api_types import CheckerApi
from dagwire.mypy_plugin.facts.carrier import Captured, Requirement, decode, with_local_keys
from dagwire.mypy_plugin.facts.definition_facts import node_facts
from dagwire.mypy_plugin.facts.factory_made import factory_made_facts
from dagwire.mypy_plugin.facts.untyped_definitions import untyped_definition
from dagwire.mypy_plugin.frameworks import ALL_FRAMEWORKS
from dagwire.mypy_plugin.names import (
    call_argument,
    call_kwargs,
    expr_type,
    fullname_of,
    node_type,
    resolve_ref,
)
from dagwire.mypy_plugin.sources.constants import constant_str
from dagwire.mypy_plugin.sources.function_results import (
    function_body,
    project_callable,
    returned_expression,
)
from dagwire.mypy_plugin.sources.loaders import loaded_modules
from dagwire.mypy_plugin.sources.local_values import (
    Scope,
    assigned_once,
    call_scope,
    grown_list,
    imported_here,
    local_definition,
    local_value,
    mentions_local,
    parameter_growth,
    passed_list,
    resolve_in_scope,
)
from dagwire.mypy_plugin.sources.module_source import variable_initializer
from dagwire.mypy_plugin.sources.resource_dicts import bound_keys
from dagwire.mypy_plugin.sources.standalone_calls import is_module_statement_value
from dagwire.mypy_plugin.sources.unseen_imports import unseen_import_name
from dagwire.mypy_plugin.tree_walk import nested_statements
from dagwire.vocabulary.calls import (
    ASSET_METHODS_KEEPING_REQUIREMENTS,
    DEFINITIONS_LISTS,
    IO_MANAGER_KEY,
    LIST_WRAPPER_ARGUMENT,
    REQUIRED_RESOURCE_KEYS,
    SPEC_KEY,
    WITH_IO_MANAGER_KEY,
    WITH_RESOURCES_DEFINITIONS,
    WITH_RESOURCES_RESOURCES,
)
from dagwire.vocabulary.limits import RESOLVE_DEPTH
from dagwire.vocabulary.names import (
    ASSET_KINDS,
    BUILD_SCHEDULE_FROM_PARTITIONED_JOB,
    CHECK_KINDS,
)
from dagwire.vocabulary.names import LOADERS as LOADER_TABLE
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


def listed_definitions(
    args: Mapping[str, Expression], mod: MypyFile, api: CheckerApi, scope: Scope | None = None
) -> Listed:
    """Everything the `assets=`, `jobs=`, ... arguments of one `Definitions(...)` list; with
    `scope`, the call is read in that function (its own names followed, `_in_function`)."""
    out = Listed()
    for name in DEFINITION_ARGS:
        if name in args:
            if scope is not None:
                out.extend(_in_function(args[name], scope, api, 0))
            else:
                out.extend(resolve_definitions(args[name], mod, api))
    return out


def resolve_definitions(
    expr: Expression, mod: MypyFile, api: CheckerApi, depth: int = 0
) -> Listed:
    joined = _joined(expr, depth, lambda e, d: resolve_definitions(e, mod, api, d))
    if joined is not None:
        return joined
    out = Listed()
    if isinstance(expr, AssignmentExpr):  # `[orders := make_asset("orders"), ...]`
        return resolve_definitions(expr.value, mod, api, depth + 1)
    if isinstance(expr, CallExpr):
        return _called(expr, mod, api, depth)
    if isinstance(expr, (ListComprehension, SetComprehension)):
        return _comprehended(expr, mod, api, depth)
    if isinstance(expr, IndexExpr):
        picked = _picked(expr, mod, api)
        if picked is not None:
            return _in_function(picked[0], picked[1], api, depth + 1)
    if isinstance(expr, (NameExpr, MemberExpr)):
        node = resolve_ref(expr, mod, api)
        captured = node_facts(node) or untyped_definition(node, api)
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


def _joined(
    expr: Expression, depth: int, read: Callable[[Expression, int], Listed]
) -> Listed | None:
    """What a list display, `*x` or `a + b` lists, each part read by `read` (nothing known
    past the depth limit); None for any other expression."""
    if depth > RESOLVE_DEPTH:
        return Listed(complete=False)
    if isinstance(expr, (ListExpr, TupleExpr, SetExpr)):
        parts = list(expr.items)
    elif isinstance(expr, StarExpr):
        parts = [expr.expr]
    elif isinstance(expr, OpExpr) and expr.op == "+":
        parts = [expr.left, expr.right]
    else:
        return None
    out = Listed()
    for part in parts:
        out.extend(read(part, depth + 1))
    return out


def _called(call: CallExpr, mod: MypyFile, api: CheckerApi, depth: int) -> Listed:
    """What a call in a definitions list evaluates to."""
    name = fullname_of(call.callee, mod, api)
    loader = LOADERS.get(name)
    if loader is not None:
        return _loaded(call, loader, mod, api, depth)
    if name in JOB_WRAPPERS:
        return _wrapped_job(call, mod, api, depth)
    if not name.startswith(FRAMEWORK_PREFIXES):
        name = unseen_import_name(call.callee, mod, api) or name  # a library's list wrapper
    if name in BIND_RESOURCES_TO_JOBS or name in LIST_WRAPPERS:
        inner = call_argument(call, 0, LIST_WRAPPER_ARGUMENT if name in LIST_WRAPPERS else None)
        if inner is not None:
            return resolve_definitions(inner, mod, api, depth + 1)
    elif name in WITH_RESOURCES:
        return _with_resources(call, mod, api, depth)
    elif name in ASSET_SPECS or _is_spec_with_io_manager(call, mod, api):
        return _asset_spec(call, mod, api)
    else:
        returned = returned_expression(call, mod, api)
        if returned is not None:
            return resolve_definitions(returned[0], returned[1], api, depth + 1)
        made = factory_result(call, Scope(mod), api)
        if made is not None:
            return _in_function(made[0], made[1], api, depth + 1)
    captured = decode(expr_type(call, mod, api))
    out = Listed(complete=captured is not None)
    if captured is not None:
        out.items.append(captured)
    return out


def factory_result(
    call: CallExpr, caller: Scope, api: CheckerApi
) -> tuple[Expression, Scope] | None:
    """What a call (read in `caller`) of a project's factory function or factory class's
    static method returns, read in the function as the call runs it (its body ends in its
    only `return`); None otherwise. A factory of another module is read from its source
    (factory_made.py reads what it defines)."""
    found = project_callable(resolve_in_scope(call.callee, caller, api), api)
    if found is None:
        return None
    func, home = found
    body = function_body(func, home, api)
    if not body or not isinstance(body[-1], ReturnStmt) or body[-1].expr is None:
        return None
    scope = call_scope(call, caller, func, home, body)
    returns = [s for s in nested_statements(body) if isinstance(s, ReturnStmt)]
    if len(returns) != 1:
        return None  # another return, in a block: the value is not one expression
    return body[-1].expr, scope


def _in_function(expr: Expression, scope: Scope, api: CheckerApi, depth: int) -> Listed:
    """The definitions an expression read in a function's scope lists (at module level, as
    `resolve_definitions` reads them)."""
    if scope.func is None:
        return resolve_definitions(expr, scope.module, api, depth)
    joined = _joined(expr, depth, lambda e, d: _in_function(e, scope, api, d))
    if joined is not None:
        return joined
    out = Listed()
    if isinstance(expr, AssignmentExpr):
        return _in_function(expr.value, scope, api, depth + 1)
    if isinstance(expr, NameExpr) and expr.name in scope.local:
        dec = local_definition(expr.name, scope)
        if dec is not None:
            captured = factory_made_facts(dec, scope.local, scope.module, api)
            if captured is not None:
                out.items.append(captured)
            else:
                out.complete = False
            return out
        grown = grown_list(expr, scope)
        if grown is not None:
            for item in grown:
                out.extend(_in_function(item, scope, api, depth + 1))
            return out
        passed = passed_list(expr, scope)
        if passed is not None:
            return _passed_through(passed, expr.name, scope, api, depth + 1)
        value = local_value(expr, scope)
        if isinstance(value, tuple):
            return _in_function(value[0], value[1], api, depth + 1)
        once = assigned_once(expr, scope)
        if once is not None:
            return _unpacked(once, scope, api, depth + 1)
        imported = imported_here(expr.name, scope, api)
        captured = node_facts(imported) or untyped_definition(imported, api)
        if captured is not None:
            out.items.append(captured)  # `from .assets import orders` in the function
            return out
        out.complete = False
        return out
    if isinstance(expr, CallExpr) and mentions_local(expr, scope):
        # `build(name=table)` in a loop: a factory given the function's own values
        made = factory_result(expr, scope, api)
        if made is not None:
            return _in_function(made[0], made[1], api, depth + 1)
    if mentions_local(expr, scope):
        out.complete = False  # what a name of the function holds is not known
        return out
    return resolve_definitions(expr, scope.module, api, depth)


def _passed_through(
    passed: tuple[list[Expression], list[tuple[CallExpr, int | None]]],
    name: str,
    scope: Scope,
    api: CheckerApi,
    depth: int,
) -> Listed:
    """What a list of the scope's function holds that it hands to project functions which
    grow it and give it back (`local_values.passed_list`): its own items, and what each such
    function appends to the parameter the list is given as."""
    items, passes = passed
    out = Listed()
    for item in items:
        out.extend(_in_function(item, scope, api, depth))
    for call, position in passes:
        found = project_callable(resolve_in_scope(call.callee, scope, api), api)
        body = function_body(found[0], found[1], api) if found is not None else None
        if found is None or body is None:
            return Listed(complete=False)
        inner = call_scope(call, scope, found[0], found[1], body)
        params = [
            param for param, (given, caller) in inner.arguments.items()
            if caller is scope and isinstance(given, NameExpr) and given.name == name
        ]
        added = parameter_growth(inner, params[0], position) if len(params) == 1 else None
        if added is None:
            return Listed(complete=False)
        for item in added:
            out.extend(_in_function(item, inner, api, depth))
    return out


def _unpacked(
    once: tuple[Expression, int | None, int], scope: Scope, api: CheckerApi, depth: int
) -> Listed:
    """What a name assigned once holds: the expression, or for `made, specs = build(...)`
    the item at its position of the tuple display the expression (or the factory) gives."""
    value, index, count = once
    if index is None:
        return _in_function(value, scope, api, depth)
    inner = scope
    if isinstance(value, CallExpr):
        made = factory_result(value, scope, api)
        if made is None:
            return Listed(complete=False)
        value, inner = made
    if not isinstance(value, (TupleExpr, ListExpr)) or len(value.items) != count:
        return Listed(complete=False)
    if any(isinstance(item, StarExpr) for item in value.items):
        return Listed(complete=False)
    return _in_function(value.items[index], inner, api, depth)


def _comprehended(
    expr: ListComprehension | SetComprehension, mod: MypyFile, api: CheckerApi, depth: int
) -> Listed:
    """`[table_asset(name) for name in NAMES]`: every item is made by the same call, whose
    arguments vary (what a factory makes from them is not known, factory_made.py). A filter
    may leave none: not known. `[a.with_attributes(...) for a in assets]` (or `[a for a in
    assets]`) lists what `assets` lists, and may need more."""
    gen = expr.generator
    if any(gen.condlists):
        return Listed(complete=False)
    left = gen.left_expr
    if len(gen.indices) == 1 and isinstance(gen.indices[0], NameExpr):
        name = gen.indices[0].name
        if isinstance(left, NameExpr) and left.name == name:
            return resolve_definitions(gen.sequences[0], mod, api, depth + 1)
        callee = left.callee if isinstance(left, CallExpr) else None
        if (
            isinstance(callee, MemberExpr) and callee.name in ASSET_METHODS_KEEPING_REQUIREMENTS
            and isinstance(callee.expr, NameExpr) and callee.expr.name == name
        ):
            kept = resolve_definitions(gen.sequences[0], mod, api, depth + 1)
            kept.complete = False
            return kept
    if not isinstance(left, CallExpr):
        return Listed(complete=False)
    return resolve_definitions(left, mod, api, depth + 1)


def _picked(expr: IndexExpr, mod: MypyFile, api: CheckerApi) -> tuple[Expression, Scope] | None:
    """`BUILT["orders"]`: the value under a constant key of a dict display, assigned to a
    module-level variable directly or returned by a factory call."""
    key = constant_str(expr.index, mod, api)
    node = resolve_ref(expr.base, mod, api) if key is not None else None
    init = variable_initializer(node, api) if isinstance(node, Var) else None
    if init is None:
        return None
    table: Expression = init[0]
    scope = Scope(init[1])
    if isinstance(table, CallExpr):
        made = factory_result(table, Scope(init[1]), api)
        if made is None:
            return None
        table, scope = made
    if not isinstance(table, DictExpr):
        return None
    values = [
        value for k, value in table.items
        if k is not None and constant_str(k, scope.module, api) == key
    ]
    if len(values) != 1 or any(k is None for k, _ in table.items):
        return None
    return values[0], scope


def _with_resources(call: CallExpr, mod: MypyFile, api: CheckerApi, depth: int) -> Listed:
    """`with_resources(definitions, resource_defs)`: the definitions, with those keys bound."""
    listed = call_argument(call, 0, WITH_RESOURCES_DEFINITIONS)
    defs_expr = call_argument(call, 1, WITH_RESOURCES_RESOURCES)
    if listed is None:
        return Listed(complete=False)
    inner = resolve_definitions(listed, mod, api, depth + 1)
    bound = bound_keys(defs_expr, mod, api) if defs_expr is not None else None
    if bound is None:
        inner.complete = False
    else:
        inner.local_keys |= set(bound)
        if is_module_statement_value(call, mod):
            # checked where it is made (checks/with_resources.py): a key it lacks fails there
            inner.items = [
                with_local_keys(d, [r.key for r in d.requirements]) for d in inner.items
            ]
    return inner


def _is_spec_with_io_manager(call: CallExpr, mod: MypyFile, api: CheckerApi) -> bool:
    """`AssetSpec(...).with_io_manager_key("lake")`."""
    callee = call.callee
    return (
        isinstance(callee, MemberExpr)
        and callee.name == WITH_IO_MANAGER_KEY
        and isinstance(callee.expr, CallExpr)
        and fullname_of(callee.expr.callee, mod, api) in ASSET_SPECS
    )


def _asset_spec(call: CallExpr, mod: MypyFile, api: CheckerApi) -> Listed:
    """An asset made elsewhere: it requires nothing, unless its IO manager key is set, which
    the assets reading it need (dagster counts it for the spec)."""
    out = Listed()
    requirements = []
    spec_call = call
    if isinstance(call.callee, MemberExpr) and isinstance(call.callee.expr, CallExpr):
        key = constant_str(call.args[0], mod, api) if len(call.args) == 1 else None
        if key is None:
            out.complete = False
            return out
        requirements.append(Requirement(key, None, IO_MANAGER_KEY))
        spec_call = call.callee.expr  # the `AssetSpec(...)` of `.with_io_manager_key(key)`
    first = call_argument(spec_call, 0, SPEC_KEY)
    name = constant_str(first, mod, api) if first is not None else None
    fw = ASSET_SPECS[fullname_of(spec_call.callee, mod, api)]
    out.items.append(Captured("asset", name or "?", fw, requirements=requirements))
    return out


def _wrapped_job(call: CallExpr, mod: MypyFile, api: CheckerApi, depth: int) -> Listed:
    """`ScheduleDefinition(job=daily, ...)`: requires what its job requires (and no more)."""
    kwargs = call_kwargs(call)
    if any(k in kwargs for k in (REQUIRED_RESOURCE_KEYS, "execution_fn", "evaluation_fn")):
        return Listed(complete=False)  # its own function may require resources
    target = kwargs.get("job", kwargs.get("target"))
    builder = fullname_of(call.callee, mod, api) in PARTITIONED_SCHEDULE_BUILDERS
    if target is None and builder:
        target = call_argument(call, 0, None)  # `build_schedule_from_partitioned_job(job)`
    if target is None:
        return Listed(complete="job_name" in kwargs)
    return resolve_definitions(target, mod, api, depth + 1)


def _loaded(call: CallExpr, loader: str, mod: MypyFile, api: CheckerApi, depth: int) -> Listed:
    """The definitions of the kinds a loader takes, in the modules it reads."""
    modules, complete = loaded_modules(call, loader, mod, api)
    out = Listed(complete=complete)
    kinds = LOADERS_KINDS[loader]
    for module in modules:
        module_definitions(module, kinds, out, call, api, depth)
    return out


def module_definitions(
    module: MypyFile,
    kinds: frozenset[str],
    out: Listed,
    loading: CallExpr | None,
    api: CheckerApi,
    depth: int,
) -> None:
    """The definitions of some kinds a module's names hold (its own and the ones it
    imports), and in lists, as dagster's loaders find them."""
    for name, sym in sorted(module.names.items()):  # in name order: stable reports
        node = sym.node
        captured = node_facts(node) or untyped_definition(node, api)
        if captured is not None:
            if captured.kind in kinds:
                out.items.append(captured)
        elif (
            isinstance(node, (Decorator, Var))
            and not name.startswith("__")  # `__name__`, `__file__`, ...: never definitions
            and _may_hold(node_type(node), _holding_classes(kinds))
        ):
            # a list of definitions, or a definition from a decorator or factory the plugin
            # does not know (dbt-style): follow a list, else what it requires is unknown
            init = variable_initializer(node, api) if isinstance(node, Var) else None
            if init is not None and init[0] is loading:
                continue  # `all_assets = load_assets_from_current_module()`: not yet bound
            if init is None or depth >= RESOLVE_DEPTH:
                out.complete = False
                continue
            found = resolve_definitions(init[0], init[1], api, depth + 1)
            out.items += [d for d in found.items if d.kind in kinds]
            out.complete = out.complete and found.complete


def _may_hold(t: Type | None, classes: tuple[str, ...]) -> bool:
    """Whether a value of type `t` may be, or hold, an object of one of `classes`."""
    p = get_proper_type(t) if t is not None else None
    if p is None or isinstance(p, AnyType):
        return True
    if isinstance(p, UnionType):
        return any(_may_hold(item, classes) for item in p.items)
    if isinstance(p, Instance):
        info = p.type
        if info.fullname in CONTAINERS:
            return any(_may_hold(arg, classes) for arg in p.args)
        return any(info.has_base(name) for name in classes)
    return False


def _holding_classes(kinds: frozenset[str]) -> tuple[str, ...]:
    """The definition classes whose objects a loader of `kinds` collects (asset checks are
    assets definitions too)."""
    if kinds <= ASSET_KINDS | CHECK_KINDS:
        return ASSETS_CLASSES
    return ASSETS_CLASSES + OTHER_LOADABLE_CLASSES


def _by_framework(attribute: str) -> dict[str, str]:
    """fullname -> framework name, over the frameworks that have the object."""
    return {
        name: fw.name
        for fw in ALL_FRAMEWORKS.values()
        for name in _as_tuple(getattr(fw, attribute))
        if name
    }


def _as_tuple(value: object) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, dict):
        return tuple(value)
    assert isinstance(value, tuple)
    return value


CONTAINERS = frozenset({"builtins.list", "builtins.tuple", "typing.Sequence"})
# What a loader collects from a module, other than the definitions the plugin knows: a
# value of one of these classes has requirements the plugin cannot see.
ASSETS_CLASSES = tuple(
    names[cls]
    for names in QUALIFIED.values()
    for cls in ("AssetsDefinition", "CacheableAssetsDefinition")
    if cls in names
)
OTHER_LOADABLE_CLASSES = tuple(
    names[cls]
    for names in QUALIFIED.values()
    for cls in ("JobDefinition", "SensorDefinition", "ScheduleDefinition")
    if cls in names
)
# fullname -> loader name, and what each loader takes
LOADERS = {name: loader for fw in ALL_FRAMEWORKS.values() for name, loader in fw.loaders.items()}
LOADERS_KINDS = {loader: kinds for loader, (_, _, kinds) in LOADER_TABLE.items()}
JOB_WRAPPERS = _by_framework("job_wrappers")
PARTITIONED_SCHEDULE_BUILDERS = frozenset(
    name for name in JOB_WRAPPERS if name.rpartition(".")[2] == BUILD_SCHEDULE_FROM_PARTITIONED_JOB
)
BIND_RESOURCES_TO_JOBS = _by_framework("bind_resources_to_jobs")
WITH_RESOURCES = _by_framework("with_resources")
LIST_WRAPPERS = _by_framework("list_wrappers")
FRAMEWORK_PREFIXES = tuple(f"{name}." for name in ALL_FRAMEWORKS)
ASSET_SPECS = _by_framework("asset_spec")
