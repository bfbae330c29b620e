"""`EnvVar("PORT")` given to an `int` field of a Config or resource class.

mypy reports the argument itself (`EnvVar` is a `str`); the note says what to write instead:
`EnvVar.int("PORT")` reads the variable as an int when the run starts, in both frameworks.
"""

from __future__ import annotations

from mypy import errorcodes
from mypy.nodes import CallExpr, TypeInfo, Var
from mypy.plugin import FunctionContext
from mypy.types import Instance, get_proper_type

from dagwire.mypy_plugin import messages
from dagwire.mypy_plugin.api_types import CheckerApi
from dagwire.mypy_plugin.frameworks import Framework
from dagwire.mypy_plugin.names import call_argument
from dagwire.mypy_plugin.sources.constants import constant_str

INT = "builtins.int"


def check_env_var_fields(fw: Framework, info: TypeInfo, ctx: FunctionContext) -> None:
    api = ctx.api
    assert isinstance(api, CheckerApi)
    for name, types, args in zip(ctx.callee_arg_names, ctx.arg_types, ctx.args):
        if name is None or len(types) != 1:
            continue
        given = get_proper_type(types[0])
        if not isinstance(given, Instance) or given.type.fullname != fw.env_var:
            continue
        sym = info.get(name)
        field = sym.node if sym is not None else None
        expected = get_proper_type(field.type) if isinstance(field, Var) and field.type else None
        if not isinstance(expected, Instance) or expected.type.fullname != INT:
            continue
        arg = args[0]
        variable = call_argument(arg, 0, None) if isinstance(arg, CallExpr) else None
        value = constant_str(variable, api.tree, api) if variable is not None else None
        api.note(
            messages.env_var_int(name, value or "..."), arg, code=errorcodes.ARG_TYPE
        )
