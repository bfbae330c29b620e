"""Assets made by an integration library's decorator mypy cannot see.

`@dbt_assets(manifest=...) def models(context, dbt: DbtCliResource)` (also `@dlt_assets`,
`@sling_assets`, ...: `names.INTEGRATION_DECORATORS`) builds a multi-asset whose resource
parameters dagster requires like any asset's. When the library is not installed (or not
found) the decorator is `Any`: mypy runs no hook for it and the definition carries no facts.
The plugin then reads the decorated function: the decorator and the parameter annotations
are resolved through the module's imports (from its source when mypy's cache holds only its
symbols), and a parameter is a resource when its class is a resource or is named like an
integration library's resource (`<Name>Resource`, `Pipes<Name>Client` from a `dagster_*`
package). What else the library's decorator requires is not known: the requirements are
incomplete (no unused-key check), the keys found are still required.
"""

from __future__ import annotations

from collections.abc import Callable

from mypy.nodes import (
    ARG_STAR,
    ARG_STAR2,
    CallExpr,
    Decorator,
    Expression,
    FuncDef,
    MypyFile,
    NameExpr,
    SymbolNode,
    Var,
)
from mypy.types import AnyType, CallableType, Type, UnboundType, get_proper_type

from dagwire.mypy_plugin.api_types import CheckerApi
from dagwire.mypy_plugin.facts.carrier import Captured, Requirement
from dagwire.mypy_plugin.facts.parameters import (
    capture_parameters,
    imported_from,
    is_integration_resource_name,
)
from dagwire.mypy_plugin.frameworks import DAGSTER
from dagwire.mypy_plugin.names import module_of, resolve_ref
from dagwire.mypy_plugin.sources.cache_stamps import record_read
from dagwire.mypy_plugin.sources.module_source import module_tree
from dagwire.vocabulary.calls import CONFIG_PARAM, CONTEXT_PARAM_NAMES
from dagwire.vocabulary.names import INTEGRATION_DECORATORS, integration_role


class DecoratedSource:
    """A module-level decorated function whose type is `Any`, with its decorators at hand."""

    __slots__ = ("home", "tree", "source")

    def __init__(self, home: MypyFile, tree: MypyFile, source: Decorator) -> None:
        self.home = home  # its module as mypy knows it (symbols)
        self.tree = tree  # the same, or its parsed source: the imports
        self.source = source  # the statement with its decorators: analysed, or parsed


def decorated_source(node: SymbolNode | None, api: CheckerApi) -> DecoratedSource | None:
    """`node` when it is a module-level decorated function of type `Any` (no hook recorded
    what it requires), with its decorators: read from its module's source when mypy's cache
    holds only its symbols; None for anything else."""
    if not isinstance(node, Decorator) or not isinstance(node.var.type, AnyType):
        return None  # a typed decorator: its hook recorded what the definition requires
    mod = module_of(node.fullname, api)
    if mod is None:
        return None
    # its decorator's arguments are not in its type: a change of them changes no interface
    record_read(api.tree, mod)
    if node.decorators:
        return DecoratedSource(mod, mod, node)  # analysed in this run: its imports are at hand
    # loaded from mypy's cache: read its source
    tree = module_tree(mod, api)
    source = _source_decorator(tree, node.name) if tree is not None else None
    if tree is None or source is None:
        return None
    return DecoratedSource(mod, tree, source)


def integration_asset(
    node: Decorator, found: DecoratedSource, api: CheckerApi
) -> Captured | None:
    """The facts of `node`, a module-level function of type `Any` (`found`), when an unseen
    integration decorator decorates it; None otherwise."""
    tree, source = found.tree, found.source
    kind = _integration_kind(source.decorators, tree)
    if kind is None:
        return None
    analysed = node.func.type
    return _captured(
        kind, node.name, analysed if isinstance(analysed, CallableType) else None, source.func,
        tree, api,
    )


def factory_integration_asset(
    dec: Decorator, signature: Callable[[], Type | None], home: MypyFile, api: CheckerApi
) -> Captured | None:
    """The facts of `dec`, a function defined in a factory function of module `home` and
    decorated by an unseen integration decorator only; `signature` gives its signature with
    the annotations looked up (mypy's analysed one, or one read from `home`'s source), asked
    only for such a function. None for anything else (also when the library is installed:
    its decorator is then typed, and not read this way)."""
    if len(dec.decorators) != 1:
        return None
    expr = dec.decorators[0]
    callee = expr.callee if isinstance(expr, CallExpr) else expr
    node = resolve_ref(callee, home, api)
    if node is not None and not (isinstance(node, Var) and isinstance(node.type, AnyType)):
        return None
    tree = module_tree(home, api)  # its imports
    kind = _integration_kind(dec.decorators, tree) if tree is not None else None
    if tree is None or kind is None:
        return None
    fn = signature()
    captured = _captured(
        kind, dec.name, fn if isinstance(fn, CallableType) else None, dec.func, tree, api
    )
    captured.ops_complete = False  # its arguments may name it per call
    return captured


def _captured(
    kind: str,
    name: str,
    analysed: CallableType | None,
    func: FuncDef,
    tree: MypyFile,
    api: CheckerApi,
) -> Captured:
    """What an integration-decorated function requires: the resource parameters of its
    analysed signature, and those annotated with an integration library's resource class."""
    captured = Captured(kind, name, DAGSTER.name, requirements_complete=False)
    if analysed is not None:
        capture_parameters(
            DAGSTER, kind, analysed.arg_names, analysed.arg_kinds, analysed.arg_types, (),
            captured, api,
        )
    found = {r.key for r in captured.requirements}
    raw = func.unanalyzed_type if func.unanalyzed_type is not None else func.type
    if isinstance(raw, CallableType):
        for i, (arg_name, arg_kind, annotation) in enumerate(
            zip(func.arg_names, func.arg_kinds, raw.arg_types)
        ):
            if arg_name is None or arg_name in found or arg_kind in (ARG_STAR, ARG_STAR2):
                continue
            if arg_name == CONFIG_PARAM or (i == 0 and arg_name in CONTEXT_PARAM_NAMES):
                continue
            if _names_integration_resource(annotation, tree):
                captured.requirements.append(Requirement(arg_name, None, "parameter"))
    return captured


def _source_decorator(tree: MypyFile, name: str) -> Decorator | None:
    """The module-level decorated function `name` of a module's statements."""
    found = None
    for stmt in tree.defs:
        if isinstance(stmt, Decorator) and stmt.func.name == name:
            found = stmt
    return found


def _integration_kind(decorators: list[Expression], tree: MypyFile) -> str | None:
    for expr in decorators:
        callee = expr.callee if isinstance(expr, CallExpr) else expr
        if not isinstance(callee, NameExpr):
            continue
        imported = imported_from(tree, callee.name)
        if imported is not None:
            role = integration_role(*imported)
            if role is not None:
                return INTEGRATION_DECORATORS[role]
    return None


def _names_integration_resource(annotation: Type, tree: MypyFile) -> bool:
    """An unanalysed annotation naming a resource class of an integration library."""
    t = get_proper_type(annotation)
    if not isinstance(t, UnboundType) or "." in t.name:
        return False
    imported = imported_from(tree, t.name)
    return imported is not None and is_integration_resource_name(*imported)
