"""`Definitions(**build_arguments())`: the arguments a builder function's dict gives a call.

A project function that returns a dict display with string keys (`return {"assets": [...],
"resources": {...}}`) gives the call those keyword arguments. Anything else (a dict built
step by step, keys that are not constants, a builder in another module while the call has
keyword arguments of its own) is not followed: the call's arguments stay unknown.
"""

from __future__ import annotations

from mypy.nodes import ARG_NAMED, ARG_STAR2, CallExpr, DictExpr, Expression, MypyFile

from dagwire.mypy_plugin.api_types import CheckerApi
from dagwire.mypy_plugin.sources.constants import constant_str
from dagwire.mypy_plugin.sources.function_results import returned_expression


def split_splat(call: CallExpr) -> tuple[dict[str, Expression], Expression] | None:
    """A call's keyword arguments and its one `**` argument; None for any other call."""
    if call.arg_kinds.count(ARG_STAR2) != 1:
        return None
    named: dict[str, Expression] = {}
    splat: Expression | None = None
    for kind, name, arg in zip(call.arg_kinds, call.arg_names, call.args):
        if kind == ARG_STAR2:
            splat = arg
        elif kind == ARG_NAMED and name is not None:
            named[name] = arg
        else:
            return None  # a positional or `*` argument besides
    return (named, splat) if splat is not None else None


def splatted_arguments(
    call: CallExpr, mod: MypyFile, api: CheckerApi
) -> tuple[dict[str, Expression], MypyFile] | None:
    """The keyword arguments of `call` (of module `mod`) whose one `**` argument is a call of
    a builder returning a dict display, with the module to read them in; None otherwise."""
    split = split_splat(call)
    if split is None:
        return None
    named, splat = split
    if not isinstance(splat, CallExpr):
        return None
    returned = returned_expression(splat, mod, api)
    if returned is None:
        return None
    display, home = returned
    if not isinstance(display, DictExpr):
        return None
    if named and home is not mod:
        return None  # the arguments would have to be read in two modules
    out: dict[str, Expression] = {}
    for key, value in display.items:
        name = constant_str(key, home, api) if key is not None else None
        if name is None or name in named:
            return None  # `**more`, a computed key, or a key given twice (a TypeError)
        out[name] = value
    return {**out, **named}, home
