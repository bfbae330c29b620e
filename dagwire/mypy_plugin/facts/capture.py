"""What a decorated function requires by its own signature and its decorator's arguments.

Read when a decorator is applied (decorators.py) and for a definition made inside a project's
factory function, which mypy checks only after the module's top level (factory_made.py). What
a job's body runs and what a sensor targets are added by decorators.py: they follow
definition lists, which are read with these facts.
"""

from __future__ import annotations

from mypy.nodes import (
    ARG_STAR,
    ARG_STAR2,
    CallExpr,
    Decorator,
    DictExpr,
    Expression,
    ListExpr,
    SetExpr,
    StrExpr,
    TupleExpr,
    Var,
)
from mypy.types import AnyType, CallableType, TypeOfAny

from dagwire.mypy_plugin.api_types import CheckerApi
from dagwire.mypy_plugin.facts.carrier import Captured, Requirement
from dagwire.mypy_plugin.facts.parameters import capture_parameters
from dagwire.mypy_plugin.frameworks import Framework
from dagwire.mypy_plugin.names import call_kwargs, resolve_ref, str_value
from dagwire.mypy_plugin.sources.constants import constant_str, constant_strs
from dagwire.mypy_plugin.sources.module_source import variable_initializer
from dagwire.mypy_plugin.sources.resource_dicts import bound_keys
from dagwire.mypy_plugin.tree_walk import collect_calls
from dagwire.vocabulary.calls import (
    CONFIG_SCHEMA,
    IO_MANAGER_KEY,
    MANAGER_HOLDER_KEYWORDS,
    MANAGER_KEY_KEYWORDS,
    REQUIRED_RESOURCE_KEYS,
    RESOURCE_DEFS,
    TARGET_KEYWORDS,
)
from dagwire.vocabulary.names import COMPOSITION_KINDS

# Decorator arguments that `capture_own` reads. Any other (`group_name=`, `deps=`,
# `description=`, ...) leaves what the definition requires to the function's signature.
CAPTURED_ARGUMENTS = frozenset(
    {
        "name", "key", "key_prefix", REQUIRED_RESOURCE_KEYS, IO_MANAGER_KEY,
        RESOURCE_DEFS, CONFIG_SCHEMA, *TARGET_KEYWORDS, *MANAGER_HOLDER_KEYWORDS,
    }
)


def decorator_call(dec: Decorator, fw: Framework, kind: str, api: CheckerApi) -> CallExpr | None:
    """The `asset(...)` / `op(...)` call among a Decorator's decorators, if any."""
    for expr in dec.decorators:
        if isinstance(expr, CallExpr):
            node = resolve_ref(expr.callee, api.tree, api)
            if node is not None and fw.decorators.get(node.fullname) == kind:
                return expr
    return None


def _is_multi_asset(call: CallExpr, api: CheckerApi) -> bool:
    node = resolve_ref(call.callee, api.tree, api)
    return node is not None and node.fullname.endswith(".multi_asset")


def _key_parts(expr: Expression) -> list[str] | None:
    if isinstance(expr, StrExpr):
        # dagster keeps "a/b" as one (invalid) part, dagwire splits it: not known
        return None if "/" in expr.value else [expr.value]
    if isinstance(expr, (ListExpr, TupleExpr)):
        parts = [str_value(i) for i in expr.items]
        return [p for p in parts if p is not None] if all(parts) else None
    return None


def asset_op_name(name: str, kwargs: dict[str, Expression]) -> str | None:
    """The op name of `@asset(...)`: its key joined by "__"; None when not a literal."""
    if "key" in kwargs:
        path = _key_parts(kwargs["key"])
    elif "key_prefix" in kwargs:
        prefix = _key_parts(kwargs["key_prefix"])
        path = None if prefix is None else [*prefix, name]
    else:
        return name
    return "__".join(path) if path else None


def capture_own(
    fw: Framework,
    kind: str,
    fn: CallableType,
    dec: Decorator | None,
    call: CallExpr | None,
    api: CheckerApi,
) -> tuple[Captured, dict[str, Expression]]:
    """What a decorated function requires by its signature and its decorator's arguments,
    with those arguments: all but what a job's body runs and a sensor's targets (the caller
    adds those, decorators.py)."""
    kwargs, kwargs_known = decorator_arguments(call, api) if call is not None else ({}, True)
    func = dec.func if dec is not None else None
    name = str_value(kwargs["name"]) if "name" in kwargs else None
    if name is None:
        name = func.name if func is not None else (fn.name or "?").split(" ")[0]
    captured = Captured(kind=kind, name=name, framework=fw.name, function=fn)
    if kind == "asset" and call is not None and not _is_multi_asset(call, api):
        # An asset's op (the run config key) is named after its whole key: `a__b__name`.
        op_name = asset_op_name(name, kwargs)
        if op_name is None:
            captured.ops_complete = False  # for an asset: "its op name is not known"
        else:
            captured.name = op_name
    if not kwargs_known:
        captured.requirements_complete = False  # `@op(**make_options())`: keys unknown
        captured.all_keys_local = True
    if kind in COMPOSITION_KINDS:  # what it requires is what its ops require
        captured.ops_complete = False  # until the caller reads its body
        captured.function = None
    else:
        unanalyzed = func.unanalyzed_type if func is not None else None
        capture_parameters(
            fw,
            kind,
            fn.arg_names,
            fn.arg_kinds,
            fn.arg_types,
            unanalyzed.arg_types if isinstance(unanalyzed, CallableType) else [],
            captured,
            api,
        )
        if not fw.invocation_methods:
            # dagwire keeps the signature in the type's ParamSpec: do not store it twice.
            captured.function = None
    if REQUIRED_RESOURCE_KEYS in kwargs:
        keys = constant_strs(kwargs[REQUIRED_RESOURCE_KEYS], api.tree, api)
        if keys is None:
            captured.requirements_complete = False
        else:
            captured.requirements += [
                Requirement(k, None, "required_resource_keys") for k in sorted(set(keys))
            ]
    if IO_MANAGER_KEY in kwargs:
        key = constant_str(kwargs[IO_MANAGER_KEY], api.tree, api)
        if key is not None:
            captured.requirements.append(Requirement(key, None, IO_MANAGER_KEY))
    for arg in MANAGER_HOLDER_KEYWORDS:
        if arg in kwargs:
            _capture_manager_keys(kwargs[arg], captured, api)
    if RESOURCE_DEFS in kwargs:
        local = bound_keys(kwargs[RESOURCE_DEFS], api.tree, api)
        if local is None:
            captured.all_keys_local = True
        else:
            captured.local_keys = local
    if CONFIG_SCHEMA in kwargs:
        captured.config = AnyType(TypeOfAny.special_form)
    return captured, kwargs


def _capture_manager_keys(expr: Expression, captured: Captured, api: CheckerApi) -> None:
    """`AssetOut(io_manager_key="lake")`, `Out(...)`, `In(input_manager_key=...)`: required keys
    (their source is the keyword: an input manager is never an IO manager a run provides)."""
    calls: list[CallExpr] = []
    collect_calls(expr, calls)
    for call in calls:
        for arg in MANAGER_KEY_KEYWORDS:
            value = call_kwargs(call).get(arg)
            if value is None:
                continue
            key = constant_str(value, api.tree, api)
            if key is None:
                captured.requirements_complete = False
            elif key not in {r.key for r in captured.requirements}:
                captured.requirements.append(Requirement(key, None, arg))


def decorator_arguments(call: CallExpr, api: CheckerApi) -> tuple[dict[str, Expression], bool]:
    """The keyword arguments of a decorator call, with those splatted from a module-level
    dict (`@asset(**COMMON)`), and whether all of them are known. A splatted dict of another
    module gives only its literal values (the others are names of that module)."""
    kwargs: dict[str, Expression] = {}
    known = True
    for kind, name, arg in zip(call.arg_kinds, call.arg_names, call.args):
        if name is not None:
            kwargs[name] = arg
        elif kind == ARG_STAR2:
            found = _splatted(arg, api)
            if found is None:
                known = False
            else:
                kwargs.update(found)
        elif kind == ARG_STAR:
            known = False
    return kwargs, known


def _splatted(expr: Expression, api: CheckerApi) -> dict[str, Expression] | None:
    node = resolve_ref(expr, api.tree, api)
    init = variable_initializer(node, api) if isinstance(node, Var) else None
    if init is None:
        return None
    value, mod = init
    if not isinstance(value, DictExpr):
        return None
    out: dict[str, Expression] = {}
    for key, item in value.items:
        name = str_value(key) if key is not None else None
        if name is None or (mod is not api.tree and not _is_literal(item)):
            return None
        out[name] = item
    return out


def _is_literal(expr: Expression) -> bool:
    if isinstance(expr, (SetExpr, ListExpr, TupleExpr)):
        return all(_is_literal(item) for item in expr.items)
    return isinstance(expr, StrExpr)
