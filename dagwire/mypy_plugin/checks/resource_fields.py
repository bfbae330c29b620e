"""Nested resources in a dagster resource constructor: `Warehouse(credentials=...)`.

dagster makes resource-typed fields descriptors, so the `__init__` that dataclass_transform
synthesises accepts anything for them. The plugin checks the value against the field's
annotation (a `configure_at_launch()` result of the right class is accepted). A field
annotated `ResourceDependency[X]` is checked as an `X` field; it also takes a legacy resource
definition or a resource factory, whose produced value is not known statically.
"""

from __future__ import annotations

from mypy.nodes import TypeInfo, Var
from mypy.plugin import FunctionContext
from mypy.subtypes import is_subtype
from mypy.types import Instance, get_proper_type

from dagwire.mypy_plugin import error_codes, messages
from dagwire.mypy_plugin.checks.binding import compatible
from dagwire.mypy_plugin.frameworks import Framework
from dagwire.mypy_plugin.type_helpers import is_subclass_of, unwrap_partial


def check_resource_fields(fw: Framework, info: TypeInfo, ctx: FunctionContext) -> None:
    for name, types in zip(ctx.callee_arg_names, ctx.arg_types):
        if name is None or len(types) != 1:
            continue
        sym = info.get(name)
        field = sym.node if sym is not None else None
        if not isinstance(field, Var) or field.type is None:
            continue
        expected = get_proper_type(field.type)
        dependency = (
            isinstance(expected, Instance)
            and expected.type.fullname == fw.resource_dependency
            and len(expected.args) == 1
        )
        if dependency and isinstance(expected, Instance):
            expected = get_proper_type(expected.args[0])
        if not is_subclass_of(expected, fw.resource_bases):
            continue
        given = unwrap_partial(get_proper_type(types[0]), fw)
        if dependency and compatible(given, expected, fw):
            continue  # also a legacy resource or a factory: what they produce is not known
        if isinstance(given, Instance) and not is_subtype(given, expected):
            given = given.last_known_value.fallback if given.last_known_value else given
            ctx.api.fail(
                messages.wrong_field(
                    name,
                    messages.fmt(Instance(info, []), ctx.api.options),
                    messages.fmt(expected, ctx.api.options),
                    messages.fmt(given, ctx.api.options),
                ),
                ctx.context,
                code=error_codes.RESOURCE_TYPE,
            )
