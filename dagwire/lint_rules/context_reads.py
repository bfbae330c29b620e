"""What a compute function's body reads through its context: `context.resources.<key>` and
`context.op_config[...]` (directly, through an alias or `getattr`), whether it uses them in a
way that cannot be followed, and `config.<field>` reads of its config parameter."""

from __future__ import annotations

import ast

from dagwire.source_model.module import DecoratedFunction, FunctionNode, ModuleModel

# Attributes of `context.resources` that are not resource keys.
RESOURCES_ATTRIBUTES = frozenset({"original_resource_dict"})


class ContextUse:
    """How a function body uses its context parameter."""

    __slots__ = (
        "resource_reads", "resources_opaque", "op_config_nodes", "op_config_reads",
        "op_config_opaque", "escapes",
    )

    def __init__(self) -> None:
        self.resource_reads: list[tuple[str, ast.expr]] = []
        self.resources_opaque = False  # context.resources used in a way we cannot follow
        self.op_config_nodes: list[ast.expr] = []
        self.op_config_reads: list[tuple[str, ast.expr]] = []
        self.op_config_opaque = False
        self.escapes = False  # the context itself is passed on or rebound


def _str_constant(expr: ast.expr | None) -> str | None:
    if isinstance(expr, ast.Constant) and isinstance(expr.value, str):
        return expr.value
    return None


def _alias_target(parent: ast.AST, node: ast.expr) -> str | None:
    """`res = context.resources` (or annotated): the alias name."""
    if isinstance(parent, ast.Assign) and parent.value is node and len(parent.targets) == 1:
        target = parent.targets[0]
        return target.id if isinstance(target, ast.Name) else None
    if isinstance(parent, ast.AnnAssign) and parent.value is node:
        return parent.target.id if isinstance(parent.target, ast.Name) else None
    return None


def context_use(model: ModuleModel, decorated: DecoratedFunction, context: str) -> ContextUse:
    func = decorated.func
    parents = model.parents
    use = ContextUse()
    resource_aliases: set[str] = set()
    config_aliases: set[str] = set()

    def read_resources(node: ast.expr) -> None:
        parent = parents.get(id(node))
        if isinstance(parent, ast.Attribute) and parent.value is node:
            if parent.attr in RESOURCES_ATTRIBUTES or parent.attr.startswith("_"):
                use.resources_opaque = True  # the whole mapping: any key may be read
            else:
                use.resource_reads.append((parent.attr, parent))
            return
        if (
            isinstance(parent, ast.Call)
            and isinstance(parent.func, ast.Name)
            and parent.func.id in ("getattr", "hasattr")
            and parent.args
            and parent.args[0] is node
        ):
            key = _str_constant(parent.args[1]) if len(parent.args) > 1 else None
            if key is not None:
                use.resource_reads.append((key, parent))
                return
        alias = _alias_target(parent, node) if parent is not None else None
        if alias is not None:
            resource_aliases.add(alias)
            return
        use.resources_opaque = True

    def read_op_config(node: ast.expr) -> None:
        parent = parents.get(id(node))
        if isinstance(parent, ast.Subscript) and parent.value is node:
            key = _str_constant(parent.slice)
            if key is not None:
                use.op_config_reads.append((key, parent))
                return
        if isinstance(parent, ast.Attribute) and parent.value is node and parent.attr == "get":
            call = parents.get(id(parent))
            if isinstance(call, ast.Call) and call.func is parent and call.args:
                key = _str_constant(call.args[0])
                if key is not None:
                    use.op_config_reads.append((key, call))
                    return
        if (
            isinstance(parent, ast.Compare)
            and len(parent.ops) == 1
            and isinstance(parent.ops[0], (ast.In, ast.NotIn))
            and parent.comparators[0] is node
        ):
            key = _str_constant(parent.left)
            if key is not None:
                use.op_config_reads.append((key, parent))
                return
        alias = _alias_target(parent, node) if parent is not None else None
        if alias is not None:
            config_aliases.add(alias)
            return
        use.op_config_opaque = True

    for node in model.names_in(func, context):
        if not isinstance(node.ctx, ast.Load):
            use.escapes = True
            continue
        parent = parents.get(id(node))
        if isinstance(parent, ast.Attribute) and parent.value is node:
            if parent.attr == "resources":
                read_resources(parent)
            elif parent.attr == "op_config":
                use.op_config_nodes.append(parent)
                read_op_config(parent)
            continue
        use.escapes = True
    for alias in resource_aliases - config_aliases:
        for node in model.names_in(func, alias):
            if isinstance(node.ctx, ast.Load):
                read_resources(node)
    for alias in config_aliases - resource_aliases:
        for node in model.names_in(func, alias):
            if isinstance(node.ctx, ast.Load):
                read_op_config(node)
    return use


def attribute_reads(
    model: ModuleModel, func: FunctionNode, name: str
) -> list[tuple[str, ast.Attribute]]:
    """`config.x` reads of a parameter; a rebinding of the name makes the result empty."""
    reads: list[tuple[str, ast.Attribute]] = []
    for node in model.names_in(func, name):
        if not isinstance(node.ctx, ast.Load):
            return []
        parent = model.parents.get(id(node))
        if isinstance(parent, ast.Attribute) and parent.value is node:
            reads.append((parent.attr, parent))
    return reads
