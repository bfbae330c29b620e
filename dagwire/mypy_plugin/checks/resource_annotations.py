"""A parameter annotated with an IO manager or a resource factory class.

dagster refuses the definition itself (`@asset`, `@op`, `@asset_check`, `@sensor`,
`@schedule`): such an object gives its users something else than itself (the IO manager it
creates, or the value a factory makes), so the parameter must say what it receives with
`ResourceParam[...]`. The parameter requires no key (facts/parameters.py), so it is not also
reported as unbound.
"""

from __future__ import annotations

from mypy.nodes import Decorator
from mypy.plugin import FunctionContext, MethodContext
from mypy.maptype import map_instance_to_supertype
from mypy.types import AnyType, CallableType, Instance, TypeVarType, get_proper_type

from dagwire.mypy_plugin import error_codes, messages
from dagwire.mypy_plugin.api_types import CheckerApi
from dagwire.mypy_plugin.facts.carrier import Captured
from dagwire.mypy_plugin.facts.parameters import is_resource_param_annotation, refused_annotation
from dagwire.mypy_plugin.frameworks import Framework
from dagwire.mypy_plugin.type_helpers import is_subclass_of
from dagwire.vocabulary.names import COMPUTE_KINDS

UNKNOWN_VALUE = "<the type it creates>"


def check_resource_annotations(
    fw: Framework, kind: str, recorded: Captured | None, ctx: FunctionContext | MethodContext
) -> None:
    if kind not in COMPUTE_KINDS or not ctx.arg_types or not ctx.arg_types[0]:
        return
    fn = get_proper_type(ctx.arg_types[0][0])
    dec = ctx.context
    if not isinstance(fn, CallableType) or not isinstance(dec, Decorator):
        return
    api = ctx.api
    assert isinstance(api, CheckerApi)
    raw = dec.func.unanalyzed_type
    raw_types = raw.arg_types if isinstance(raw, CallableType) else []
    owner = recorded.label if recorded is not None else f'{kind} "{dec.func.name}"'
    for i, (name, arg_type) in enumerate(zip(fn.arg_names, fn.arg_types)):
        t = get_proper_type(arg_type)
        what = refused_annotation(t, fw)
        if what is None or name is None or not isinstance(t, Instance):
            continue
        if i < len(raw_types) and is_resource_param_annotation(raw_types[i], fw, api):
            continue  # `ResourceParam[Store]`: what it receives is said
        where = dec.func.arguments[i] if i < len(dec.func.arguments) else dec
        api.fail(
            messages.refused_annotation(
                name, owner, what, messages.fmt(t, api.options), _value_type(t, fw, api)
            ),
            where,
            code=error_codes.RESOURCE_ANNOTATION,
        )


def _value_type(t: Instance, fw: Framework, api: CheckerApi) -> str:
    """What user code receives from a resource of class `t`: an IO manager of the configurable
    kind is its own IO manager; a factory makes its type argument."""
    if is_subclass_of(t, fw.own_io_manager_bases):
        return t.type.name
    for base in t.type.mro:
        if base.fullname in fw.resource_factory_bases:
            mapped = map_instance_to_supertype(t, base)
            value = get_proper_type(mapped.args[0]) if mapped.args else None
            if isinstance(value, Instance):
                return value.type.name
            if isinstance(value, (AnyType, TypeVarType)) or value is None:
                break
    return UNKNOWN_VALUE
