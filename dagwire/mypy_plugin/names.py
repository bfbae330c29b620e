"""What a name or an expression refers to, from any module's point of view.

The module being checked has its tree with every name bound; other modules are known by
their symbol tables (mypy frees their statements once checked, and a module loaded from the
cache has nothing else), and their source, when read again (`sources/module_source.py`), is
parsed but not analysed: its names are looked up here, in the symbol table of its module.
"""

from __future__ import annotations

from mypy.nodes import (
    ARG_POS,
    CallExpr,
    Decorator,
    Expression,
    FuncDef,
    MemberExpr,
    MypyFile,
    NameExpr,
    OverloadedFuncDef,
    RefExpr,
    StrExpr,
    SymbolNode,
    TypeInfo,
    Var,
)
from mypy.plugin import FunctionContext, MethodContext
from mypy.types import AnyType, Instance, ProperType, Type, TypeOfAny, get_proper_type

from dagwire.mypy_plugin.api_types import CheckerApi
from dagwire.vocabulary.calls import CONFIGURE_AT_LAUNCH


def module_of(fullname: str, api: CheckerApi) -> MypyFile | None:
    """The module that defines `fullname` (longest module prefix)."""
    parts = fullname.split(".")
    for i in range(len(parts) - 1, 0, -1):
        mod = api.modules.get(".".join(parts[:i]))
        if mod is not None:
            return mod
    return None


def lookup_in_module(mod: MypyFile, name: str, api: CheckerApi) -> SymbolNode | None:
    sym = mod.names.get(name)
    if sym is None:
        builtins = api.modules.get("builtins")
        sym = builtins.names.get(name) if builtins is not None else None
    return sym.node if sym is not None else None


def resolve_ref(expr: Expression, mod: MypyFile, api: CheckerApi) -> SymbolNode | None:
    """The node a name or dotted name refers to, from `mod`'s point of view."""
    if isinstance(expr, RefExpr) and expr.node is not None:
        return expr.node
    if isinstance(expr, NameExpr):
        return lookup_in_module(mod, expr.name, api)
    if isinstance(expr, MemberExpr):
        return member_node(resolve_ref(expr.expr, mod, api), expr.name, api)
    return None


def member_node(base: SymbolNode | None, name: str, api: CheckerApi) -> SymbolNode | None:
    """What `base.name` refers to, for a module or a class `base`."""
    if isinstance(base, MypyFile):
        return lookup_in_module(base, name, api)
    if isinstance(base, TypeInfo):
        sym = base.get(name)
        return sym.node if sym is not None else None
    return None


def fullname_of(expr: Expression, mod: MypyFile, api: CheckerApi) -> str:
    """The qualified name `expr` refers to; "" when it refers to nothing known."""
    node = resolve_ref(expr, mod, api)
    return node.fullname if node is not None else ""


def node_type(node: SymbolNode | None) -> Type | None:
    if isinstance(node, Decorator):
        return node.var.type
    if isinstance(node, Var):
        return node.type
    if isinstance(node, (FuncDef, OverloadedFuncDef)):
        return node.type
    return None


def _instance_of(info: TypeInfo) -> Instance:
    return Instance(info, [AnyType(TypeOfAny.special_form)] * len(info.type_vars))


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
            return _instance_of(node)
        if isinstance(callee, MemberExpr) and callee.name == CONFIGURE_AT_LAUNCH:
            base = resolve_ref(callee.expr, mod, api)
            if isinstance(base, TypeInfo):
                return _instance_of(base)
        return None
    if isinstance(expr, (NameExpr, MemberExpr)):
        t = node_type(resolve_ref(expr, mod, api))
        return get_proper_type(t) if t is not None else None
    return None


def str_value(expr: Expression) -> str | None:
    return expr.value if isinstance(expr, StrExpr) else None


def call_kwargs(call: CallExpr) -> dict[str, Expression]:
    return {n: a for n, a in zip(call.arg_names, call.args) if n is not None}


def call_argument(call: CallExpr, position: int, keyword: str | None) -> Expression | None:
    """The argument of a call at a position (among positional ones) or by keyword."""
    if keyword is not None:
        for name, arg in zip(call.arg_names, call.args):
            if name == keyword:
                return arg
    positional = [a for a, k in zip(call.args, call.arg_kinds) if k == ARG_POS]
    return positional[position] if position < len(positional) else None


def formal_args(ctx: FunctionContext | MethodContext) -> dict[str, Expression]:
    """The arguments of the call a hook sees, by parameter name (positional ones too)."""
    out: dict[str, Expression] = {}
    for name, exprs in zip(ctx.callee_arg_names, ctx.args):
        if name is not None and len(exprs) == 1:
            out[name] = exprs[0]
    return out


def absolute_import(file: MypyFile, module_id: str, relative: int) -> str:
    """The module `from <dots><module_id> import ...` in `file` names."""
    if not relative:
        return module_id
    parts = file.fullname.split(".")
    if not file.is_package_init_file():
        parts = parts[:-1]
    base = parts[: len(parts) - (relative - 1)] if relative > 1 else parts
    return ".".join([*base, module_id] if module_id else base)
