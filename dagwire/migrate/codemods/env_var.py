"""RSC205: ``{"env": "X"}`` for a resource field -> ``EnvVar("X")``; StringSource -> str.

Before (``Warehouse`` is a ConfigurableResource, or becomes one through RSC203)::

    Warehouse(url={"env": "WAREHOUSE_URL"}, pool={"env": "POOL"})

After::

    Warehouse(url=EnvVar("WAREHOUSE_URL"), pool=EnvVar.int("POOL"))

The value is still read from the same variable when the resource is built. Fields typed
``str`` get ``EnvVar``, ``int`` fields ``EnvVar.int``; other field types are left as they
are. In schemas (RSC202/RSC203) ``StringSource``/``IntSource``/``BoolSource`` become
``str``/``int``/``bool`` only while this codemod is selected.
"""

from __future__ import annotations

import libcst as cst

from dagwire.migrate.codemods.base import Codemod
from dagwire.migrate.context_uses import string_value

CODE = "RSC205"


def env_name(value: cst.BaseExpression) -> cst.BaseExpression | None:
    if (isinstance(value, cst.Dict) and len(value.elements) == 1
            and isinstance(value.elements[0], cst.DictElement)
            and string_value(value.elements[0].key) == "env"
            and string_value(value.elements[0].value) is not None):
        return value.elements[0].value
    return None


class EnvVarSource(Codemod):
    code = CODE
    name = "env-var"

    def leave_Call(self, original: cst.Call, updated: cst.Call) -> cst.BaseExpression:
        ref = self.context.qualify(updated.func)
        field_types = self.context.facts.field_types.get(ref) if ref is not None else None
        if field_types is None:
            return updated
        args = list(updated.args)
        changed = False
        for index, arg in enumerate(args):
            variable = env_name(arg.value) if arg.keyword is not None else None
            if variable is None or arg.keyword is None:
                continue
            kind = field_types.get(arg.keyword.value)
            if kind not in ("str", "int"):
                continue
            env_var = cst.parse_expression(self.context.framework_name("EnvVar"))
            func = env_var if kind == "str" else cst.Attribute(env_var, cst.Name("int"))
            args[index] = arg.with_changes(value=cst.Call(func, [cst.Arg(variable)]))
            changed = True
        return updated.with_changes(args=args) if changed else updated
