"""How an op or asset uses its context: the reads RSC201/RSC202 can rewrite, and the rest.

A walk over one function (its own subtree only). Parents are visited before children, so a
parent that recognises a pattern marks the child nodes it covers; a child left unmarked is a
use the codemods cannot rewrite.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import libcst as cst


def _is_context_attr(node: cst.BaseExpression, context: str, attr: str) -> bool:
    return (isinstance(node, cst.Attribute) and node.attr.value == attr
            and isinstance(node.value, cst.Name) and node.value.value == context)


def string_value(node: cst.BaseExpression) -> str | None:
    if isinstance(node, cst.SimpleString):
        value = node.evaluated_value
        return value if isinstance(value, str) else None
    return None


def subscript_key(node: cst.Subscript) -> str | None:
    if len(node.slice) != 1 or not isinstance(node.slice[0].slice, cst.Index):
        return None
    return string_value(node.slice[0].slice.value)


@dataclass
class ContextUses:
    context: str
    config_attr: str = "op_config"  # the context's config: op_config, or resource_config
    # `context.op_config["k"]` and `alias["k"]` (alias = context.op_config)
    config_reads: list[tuple[cst.Subscript, str]] = field(default_factory=list)
    config_aliases: dict[str, cst.SimpleStatementLine] = field(default_factory=dict)
    config_problems: list[str] = field(default_factory=list)
    # `context.op_config["a"]["b"]`: the outer subscript and its keys ("a", "b")
    config_chains: list[tuple[cst.Subscript, tuple[str, ...]]] = field(default_factory=list)
    # `context.op_config.get("k")` / `.get("k", default)` (and on an alias)
    config_gets: list[tuple[cst.Call, str, cst.BaseExpression | None]] = field(
        default_factory=list)
    # `context.resources.k` and `getattr(context.resources, "k")`
    resource_reads: list[tuple[cst.BaseExpression, str]] = field(default_factory=list)
    resource_problems: list[str] = field(default_factory=list)
    # `k = context.resources.k` at the top of the body: gone once `k` is a parameter
    resource_self_assignments: dict[str, list[cst.SimpleStatementLine]] = field(
        default_factory=dict)
    other_context_uses: int = 0
    names: dict[str, int] = field(default_factory=dict)  # every other Name in the body
    assigned: set[str] = field(default_factory=set)  # names the body binds (besides aliases)


class _Walker(cst.CSTVisitor):
    def __init__(self, uses: ContextUses) -> None:
        self.uses = uses
        self.covered: set[int] = set()

    def on_visit_attribute(self, node: cst.CSTNode, attribute: str) -> None:
        return None

    def on_leave_attribute(self, original_node: cst.CSTNode, attribute: str) -> None:
        return None

    def _cover(self, *nodes: cst.CSTNode) -> None:
        self.covered.update(id(n) for n in nodes)

    def _config_chain(self, node: cst.BaseExpression) -> tuple[str, ...] | None:
        """The keys of ``op_config["a"]["b"]...`` (or ``alias["a"]...``), else None."""
        if not isinstance(node, cst.Subscript):
            return None
        key = subscript_key(node)
        if key is None:
            return None
        base = node.value
        if _is_context_attr(base, self.uses.context, self.uses.config_attr) or (
                isinstance(base, cst.Name) and base.value in self.uses.config_aliases):
            return (key,)
        inner = self._config_chain(base)
        return None if inner is None else (*inner, key)

    def visit_Subscript(self, node: cst.Subscript) -> None:
        ctx = self.uses.context
        if id(node) in self.covered:
            return
        chain = self._config_chain(node)
        if chain is not None and len(chain) > 1:
            self.uses.config_chains.append((node, chain))
            inner: cst.BaseExpression = node
            while isinstance(inner, cst.Subscript):
                self._cover(inner)
                inner = inner.value
            self._cover(inner)
            if isinstance(inner, cst.Attribute):
                self._cover(inner.value)
            return
        key = subscript_key(node)
        if _is_context_attr(node.value, ctx, self.uses.config_attr) or (
                isinstance(node.value, cst.Name) and node.value.value in self.uses.config_aliases):
            if key is None:
                self.uses.config_problems.append("op_config is read with a computed key")
                return
            self.uses.config_reads.append((node, key))
            self._cover(node.value)
            if isinstance(node.value, cst.Attribute):
                self._cover(node.value.value)

    def _config_get(self, node: cst.Call) -> bool:
        """``context.op_config.get("k"[, default])``: recorded and its parts covered."""
        func = node.func
        if not (isinstance(func, cst.Attribute) and func.attr.value == "get"
                and 1 <= len(node.args) <= 2
                and all(a.keyword is None and not a.star for a in node.args)):
            return False
        base = func.value
        if not (_is_context_attr(base, self.uses.context, self.uses.config_attr) or (
                isinstance(base, cst.Name) and base.value in self.uses.config_aliases)):
            return False
        key = string_value(node.args[0].value)
        if key is None:
            self.uses.config_problems.append("op_config is read with a computed key")
            return True
        default = node.args[1].value if len(node.args) == 2 else None
        self.uses.config_gets.append((node, key, default))
        self._cover(func, base)
        if isinstance(base, cst.Attribute):
            self._cover(base.value)
        return True

    def visit_Call(self, node: cst.Call) -> None:
        ctx = self.uses.context
        if self._config_get(node):
            return
        if (isinstance(node.func, cst.Name) and node.func.value == "getattr"
                and len(node.args) == 2 and _is_context_attr(node.args[0].value, ctx, "resources")):
            key = string_value(node.args[1].value)
            if key is None:
                self.uses.resource_problems.append("getattr(context.resources, <computed>)")
                return
            self.uses.resource_reads.append((node, key))
            self._cover(node.func, node.args[0].value, node.args[0].value.value)  # type: ignore

    def _is_config_item(self, node: cst.BaseExpression) -> bool:
        """``context.op_config[...]...`` or ``alias[...]...`` (any key, any depth)."""
        while isinstance(node, cst.Subscript):
            node = node.value
            if _is_context_attr(node, self.uses.context, self.uses.config_attr) or (
                    isinstance(node, cst.Name) and node.value in self.uses.config_aliases):
                return True
        return False

    def _bind(self, target: cst.CSTNode) -> None:
        if isinstance(target, cst.Subscript) and self._is_config_item(target):
            # a Config object is frozen: `config.key = ...` would raise where this worked
            self.uses.config_problems.append("an item of context.op_config is assigned or "
                                             "deleted")
        elif isinstance(target, cst.Name):
            if id(target) not in self.covered:
                self.uses.assigned.add(target.value)
        elif isinstance(target, (cst.Tuple, cst.List)):
            for element in target.elements:
                self._bind(element.value)
        elif isinstance(target, cst.StarredElement):
            self._bind(target.value)

    def visit_AssignTarget(self, node: cst.AssignTarget) -> None:
        self._bind(node.target)

    def visit_AnnAssign(self, node: cst.AnnAssign) -> None:
        self._bind(node.target)

    def visit_AugAssign(self, node: cst.AugAssign) -> None:
        self._bind(node.target)

    def visit_For(self, node: cst.For) -> None:
        self._bind(node.target)

    def visit_CompFor(self, node: cst.CompFor) -> None:
        self._bind(node.target)

    def visit_Del(self, node: cst.Del) -> None:
        self._bind(node.target)

    def visit_NamedExpr(self, node: cst.NamedExpr) -> None:
        self._bind(node.target)

    def visit_AsName(self, node: cst.AsName) -> None:
        self._bind(node.name)

    def visit_Param(self, node: cst.Param) -> None:
        self._bind(node.name)

    def visit_Arg(self, node: cst.Arg) -> None:
        if node.keyword is not None:
            self._cover(node.keyword)  # `f(name=...)` binds no name here

    def visit_Attribute(self, node: cst.Attribute) -> None:
        ctx = self.uses.context
        self._cover(node.attr)  # `x.name` is not a use of the name `name`
        if id(node) in self.covered:
            return
        if _is_context_attr(node.value, ctx, "resources"):
            key = node.attr.value
            if key.startswith("_") or key == "original_resource_dict":
                # the object's own API (`_asdict()`): every resource at once
                self.uses.resource_problems.append(f"context.resources.{key}")
            else:
                self.uses.resource_reads.append((node, key))
            self._cover(node.value, node.value.value)  # type: ignore[attr-defined]
            return
        if _is_context_attr(node, ctx, self.uses.config_attr):
            self.uses.config_problems.append("context.op_config is used other than as "
                                             "context.op_config[\"key\"]")
            self._cover(node.value)
        elif _is_context_attr(node, ctx, "resources"):
            self.uses.resource_problems.append("context.resources is used as a whole")
            self._cover(node.value)

    def visit_Name(self, node: cst.Name) -> None:
        if id(node) in self.covered:
            return
        if node.value == self.uses.context:
            self.uses.other_context_uses += 1
        elif node.value in self.uses.config_aliases:
            self.uses.config_problems.append(f"{node.value} (context.op_config) is used other "
                                             f"than as {node.value}[\"key\"]")
        else:
            self.uses.names[node.value] = self.uses.names.get(node.value, 0) + 1


def _resource_read_key(value: cst.BaseExpression, context: str) -> str | None:
    """``context.resources.k`` / ``getattr(context.resources, "k")`` -> ``k``."""
    if isinstance(value, cst.Attribute) and _is_context_attr(value.value, context, "resources"):
        return value.attr.value
    if (isinstance(value, cst.Call) and isinstance(value.func, cst.Name)
            and value.func.value == "getattr" and len(value.args) == 2
            and _is_context_attr(value.args[0].value, context, "resources")):
        return string_value(value.args[1].value)
    return None


def analyse(function: cst.FunctionDef, context: str, config_attr: str = "op_config"
            ) -> ContextUses:
    uses = ContextUses(context, config_attr)
    walker = _Walker(uses)
    body = function.body
    if isinstance(body, cst.IndentedBlock):
        for statement in body.body:
            if not (isinstance(statement, cst.SimpleStatementLine) and len(statement.body) == 1):
                continue
            small = statement.body[0]
            if not (isinstance(small, cst.Assign) and len(small.targets) == 1
                    and isinstance(small.targets[0].target, cst.Name)):
                continue
            target = small.targets[0].target
            if _is_context_attr(small.value, context, config_attr):
                uses.config_aliases[target.value] = statement
                walker._cover(target, small.value, small.value.value)  # type: ignore
            elif _resource_read_key(small.value, context) == target.value:
                uses.resource_self_assignments.setdefault(target.value, []).append(statement)
                walker._cover(target)
    body.visit(walker)
    # an alias assigned twice is not a plain alias any more
    for alias in list(uses.config_aliases):
        if uses.names.get(alias):
            uses.config_problems.append(f"{alias} is reassigned")
    return uses
