"""What a call of a project's own function returns, when its body says it plainly.

Builder functions are common around binding sites: `Definitions(assets=tag_all([orders]))`,
`Definitions.merge(asset_defs(), resource_defs())`, `resources=make_resources()`. A function
of the project (not a framework's or a library's) whose body ends in its only `return` is
followed: a returned parameter is the call's argument; any other returned expression is read
in the function's module (a local variable assigned once before it is followed too). Names
local to the function are not known there, so what they hold stays unknown.
"""

from __future__ import annotations

import os

from mypy.nodes import (
    ARG_NAMED,
    ARG_POS,
    AssignmentStmt,
    CallExpr,
    ClassDef,
    Decorator,
    Expression,
    FuncDef,
    MypyFile,
    NameExpr,
    ReturnStmt,
    Statement,
    SymbolNode,
)
from mypy.server.subexpr import get_subexpressions

from dagwire.mypy_plugin.api_types import CheckerApi
from dagwire.mypy_plugin.frameworks import ALL_FRAMEWORKS
from dagwire.mypy_plugin.names import module_of, resolve_ref
from dagwire.mypy_plugin.sources.cache_stamps import record_read
from dagwire.mypy_plugin.sources.local_values import local_names
from dagwire.mypy_plugin.sources.module_source import (
    changed_elsewhere,
    function_source,
    module_tree,
)
from dagwire.mypy_plugin.tree_walk import nested_statements
from dagwire.vocabulary.names import RETURN_KEEPING_DECORATORS

# The builtin decorator of a static method, as written in a class body.
STATICMETHOD = "staticmethod"


def project_function(
    call: CallExpr, mod: MypyFile, api: CheckerApi
) -> tuple[FuncDef, MypyFile] | None:
    """The module-level function of the project a call calls, with the module it lives in."""
    return project_callable(resolve_ref(call.callee, mod, api), api)


def project_callable(node: SymbolNode | None, api: CheckerApi) -> tuple[FuncDef, MypyFile] | None:
    """The project function a call's callee `node` is, with the module it lives in: a
    module-level function, or a static method of a module-level class
    (`Factory.build_definitions(...)`, the factory classes of dg projects), either maybe
    wrapped by a decorator that returns what it returns (`@functools.cache`)."""
    if isinstance(node, Decorator):
        owner = module_of(node.fullname, api)
        decorators = _decorators(node, owner, api) if owner is not None else None
        if owner is None or decorators is None or not _keeps_return(decorators, owner, api):
            return None
        node = node.func  # `@functools.cache def make_assets()`: returns what its body does
    if not isinstance(node, FuncDef):
        return None
    home = module_of(node.fullname, api)
    if home is None:
        return None
    if node.fullname != f"{home.fullname}.{node.name}" and not _static_method(node, home):
        return None  # another method, or a nested function
    if not in_project(home, api.tree):
        return None
    return node, home


def _static_method(func: FuncDef, home: MypyFile) -> bool:
    """A `@staticmethod` of a class defined at the top level of module `home`."""
    info = func.info if func.is_static else None
    return (
        info is not None
        and info.fullname == f"{home.fullname}.{info.name}"
        and func.fullname == f"{info.fullname}.{func.name}"
    )


def _decorators(dec: Decorator, home: MypyFile, api: CheckerApi) -> list[Expression] | None:
    """The decorators of `dec` other than `@staticmethod`: as analysed, or as written in its
    module's source when mypy kept none (its cache keeps no decorators, and analysis takes
    `@staticmethod` out); None when not known."""
    if dec.decorators:
        return dec.decorators
    source = _source_definition(dec.func, home, api)
    if not isinstance(source, Decorator):
        return None
    return [
        expr for expr in source.decorators
        if not (isinstance(expr, NameExpr) and expr.name == STATICMETHOD and dec.func.is_static)
    ]


def _keeps_return(decorators: list[Expression], home: MypyFile, api: CheckerApi) -> bool:
    """Every decorator returns what the function returns."""
    for expr in decorators:
        node = resolve_ref(expr.callee if isinstance(expr, CallExpr) else expr, home, api)
        module, _, name = node.fullname.rpartition(".") if node is not None else ("", "", "")
        if name not in RETURN_KEEPING_DECORATORS.get(module, ()):
            return False
    return True


def in_project(other: MypyFile, mod: MypyFile) -> bool:
    """Whether `other` is a module of the same project as `mod`: of the same top-level
    package, or a top-level module that is no framework's; for a top-level `mod` (a script
    beside the project's packages: `definitions.py`, `main.py`) also a module of a package
    that is not installed."""
    if other.is_stub:
        return False
    name = other.fullname
    top = mod.fullname.partition(".")[0]
    if name == top or name.startswith(f"{top}."):
        return True
    other_top = name.partition(".")[0]
    if other_top in ALL_FRAMEWORKS:
        return False
    return "." not in name or ("." not in mod.fullname and not _installed(other))


def _installed(module: MypyFile) -> bool:
    parts = os.path.normpath(module.path).split(os.sep) if module.path else []
    return not parts or "site-packages" in parts or "dist-packages" in parts


def function_body(func: FuncDef, home: MypyFile, api: CheckerApi) -> list[Statement] | None:
    """The statements of a module-level function: its own, or read again from its module's
    source when mypy has freed them."""
    if func.body.body:
        return func.body.body
    if home is api.tree:
        return None
    source = _source_definition(func, home, api)
    target = source.func if isinstance(source, Decorator) else source
    return target.body.body if target is not None else None


def _source_definition(
    func: FuncDef, home: MypyFile, api: CheckerApi
) -> FuncDef | Decorator | None:
    """The statement defining a module-level function, or a method of a module-level class,
    in its module's source (read again when mypy has freed it)."""
    if not home.defs and func.fullname == f"{home.fullname}.{func.name}":
        alone = function_source(func, home, api)
        if alone is not None:
            if home is not api.tree:
                record_read(api.tree, home)
            return alone
    tree = module_tree(home, api)
    if tree is None:
        return None
    if tree is not home:
        record_read(api.tree, home)
    stmts = tree.defs
    path = func.fullname[len(home.fullname) + 1:].split(".")
    if len(path) == 2:  # a method of a module-level class
        classes = [s for s in stmts if isinstance(s, ClassDef) and s.name == path[0]]
        stmts = classes[-1].defs.body if classes else []
    elif len(path) != 1:
        return None
    found: FuncDef | Decorator | None = None
    for stmt in stmts:
        target = stmt.func if isinstance(stmt, Decorator) else stmt
        if isinstance(target, FuncDef) and target.name == func.name:
            found = stmt if isinstance(stmt, Decorator) else target
    return found


def returned_expression(
    call: CallExpr, mod: MypyFile, api: CheckerApi
) -> tuple[Expression, MypyFile] | None:
    """The expression a call of a project function evaluates to, with the module to read it
    in; None when the function's body does not say plainly."""
    found = project_function(call, mod, api)
    if found is None:
        return None
    func, home = found
    return function_result(func, home, api, (call, mod))


def function_result(
    func: FuncDef,
    home: MypyFile,
    api: CheckerApi,
    called: tuple[CallExpr, MypyFile] | None = None,
) -> tuple[Expression, MypyFile] | None:
    """The expression a module-level function `func` of module `home` returns, with the
    module to read it in; None when its body does not say plainly. `called`: the call (and
    its module) that gives the parameters their values; without it a returned parameter is
    not known."""
    body = function_body(func, home, api)
    if not body or not isinstance(body[-1], ReturnStmt) or body[-1].expr is None:
        return None
    if any(isinstance(s, ReturnStmt) for s in nested_statements(body[:-1])):
        return None  # another return, in a block: the value is not one expression
    value: Expression = body[-1].expr
    local = local_names(func, body)
    if isinstance(value, NameExpr) and value.name in local:
        assignments = _assignments(body, value.name)
        is_parameter = value.name in func.arg_names
        if len(assignments) != (0 if is_parameter else 1):
            return None
        if changed_elsewhere(body[:-1], value.name, assignments[0] if assignments else None):
            return None  # changed in place, or assigned in a block
        if is_parameter:
            if called is None:
                return None
            call, mod = called
            argument = _argument_for(call, func, value.name)
            return (argument, mod) if argument is not None else None
        value = assignments[0].rvalue
    if any(isinstance(e, NameExpr) and e.name in local for e in _and_below(value)):
        return None  # what a name of the function holds is not known in its module
    return value, home


def _and_below(expr: Expression) -> list[Expression]:
    return [expr, *get_subexpressions(expr)]


def _argument_for(call: CallExpr, func: FuncDef, name: str) -> Expression | None:
    index = func.arg_names.index(name)
    for arg_name, kind, arg in zip(call.arg_names, call.arg_kinds, call.args):
        if kind == ARG_NAMED and arg_name == name:
            return arg
    positional = [a for a, k in zip(call.args, call.arg_kinds) if k == ARG_POS]
    return positional[index] if index < len(positional) else None


def _assignments(stmts: list[Statement], name: str) -> list[AssignmentStmt]:
    """The top-level assignments to `name`."""
    return [
        stmt
        for stmt in stmts
        if isinstance(stmt, AssignmentStmt)
        and any(isinstance(lv, NameExpr) and lv.name == name for lv in stmt.lvalues)
    ]
