"""Assemble a whole from its parts, as dagster loads it: `Definitions.merge(a, b, ...)`.

Each part is followed to its `Definitions(...)` call (an argument, a module-level variable of
this or another module, or a nested merge), and the parts' resources and listings are put
together. Parts that cannot be followed make the whole incomplete: nothing is then said about
keys such a part could bind.
"""

from __future__ import annotations

from mypy.nodes import CallExpr, Expression, MemberExpr, MypyFile, NameExpr, Var

from dagwire.mypy_plugin.api_types import CheckerApi
from dagwire.mypy_plugin.frameworks import Framework
from dagwire.mypy_plugin.names import call_kwargs, resolve_ref
from dagwire.mypy_plugin.sources.definition_lists import Listed, listed_definitions
from dagwire.mypy_plugin.sources.module_source import variable_initializer
from dagwire.mypy_plugin.sources.resource_dicts import (
    ResourceDict,
    merge_candidates,
    resolve_resources,
)
from dagwire.vocabulary.calls import MERGE_METHODS, RESOURCES

MAX_DEPTH = 8


class Whole:
    """What the parts of a whole bind and list together. Plain classes: facts/carrier.py."""

    __slots__ = ("candidates", "listed", "any_resources")

    def __init__(self, complete: bool) -> None:
        self.candidates: list[ResourceDict] = [ResourceDict(complete=complete)]
        self.listed = Listed(complete=complete)
        self.any_resources = False  # whether any part has `resources=`


class _Parts:
    def __init__(self) -> None:
        self.calls: list[tuple[CallExpr, MypyFile]] = []
        self.complete = True


def _follow(
    expr: Expression, mod: MypyFile, fw: Framework, api: CheckerApi, parts: _Parts, depth: int
) -> None:
    if depth > MAX_DEPTH:
        parts.complete = False
        return
    if isinstance(expr, (NameExpr, MemberExpr)):
        node = resolve_ref(expr, mod, api)
        init = variable_initializer(node, api) if isinstance(node, Var) else None
        if init is None:
            parts.complete = False
            return
        _follow(init[0], init[1], fw, api, parts, depth + 1)
        return
    if isinstance(expr, CallExpr):
        callee = expr.callee
        node = resolve_ref(callee, mod, api)
        if node is not None and node.fullname == fw.definitions:
            parts.calls.append((expr, mod))
            return
        if isinstance(callee, MemberExpr) and callee.name in MERGE_METHODS:
            owner = resolve_ref(callee.expr, mod, api)
            if owner is not None and owner.fullname == fw.definitions:
                for arg in expr.args:
                    _follow(arg, mod, fw, api, parts, depth + 1)
                return
    parts.complete = False


def merged_whole(merge: CallExpr, fw: Framework, api: CheckerApi) -> Whole:
    """The parts of `Definitions.merge(...)` in the module being checked, put together."""
    parts = _Parts()
    for arg in merge.args:
        _follow(arg, api.tree, fw, api, parts, 0)
    whole = Whole(parts.complete)
    for part, mod in parts.calls:
        kwargs = call_kwargs(part)
        if RESOURCES in kwargs:
            whole.any_resources = True
            found = resolve_resources(kwargs[RESOURCES], mod, api)
            whole.candidates = merge_candidates(
                whole.candidates, found or [ResourceDict(complete=False)]
            )
        whole.listed.extend(listed_definitions(kwargs, mod, api))
    return whole
