"""What a decorated function declares (parameters, decorator keys) and what its body reads."""

from __future__ import annotations

import ast

from dagwire.source_model.module import DecoratedFunction, FunctionNode, ModuleModel
from dagwire.source_model.resolve import RESOURCE, ClassRef, Item, Resolver
from dagwire.vocabulary.calls import (
    CONFIG_PARAM,
    CONTEXT_PARAM_NAMES,
    IO_MANAGER_KEY,
    MANAGER_HOLDER_KEYWORDS,
    MANAGER_KEY_KEYWORDS,
    WITH_IO_MANAGER_KEY,
)
from dagwire.vocabulary.limits import RESOLVE_DEPTH
from dagwire.vocabulary.names import CONTEXT_TYPES, IO_SPECS, RESOURCE_PARAM


class Parameters:
    __slots__ = ("names", "context", "annotated", "resources", "has_var_keywords")

    def __init__(
        self,
        names: list[str],
        context: str | None,
        annotated: dict[str, tuple[ast.expr, ClassRef | None]],
        resources: dict[str, ast.arg],
        has_var_keywords: bool,
    ) -> None:
        self.names = names
        self.context = context
        # parameter name -> (annotation, resolved class or None)
        self.annotated = annotated
        # resource parameters we are sure of: annotated with a resource class or ResourceParam[...]
        self.resources = resources
        self.has_var_keywords = has_var_keywords


def _all_args(func: FunctionNode) -> list[ast.arg]:
    args = func.args
    return [*args.posonlyargs, *args.args, *args.kwonlyargs]


def unquoted(annotation: ast.expr) -> ast.expr:
    """The expression inside a string annotation (`db: "Database"`, common with imports under
    `if TYPE_CHECKING:`); any other annotation as it is."""
    if isinstance(annotation, ast.Constant) and isinstance(annotation.value, str):
        try:
            return ast.parse(annotation.value.strip(), mode="eval").body
        except (SyntaxError, ValueError, RecursionError):
            return annotation
    return annotation


def is_resource_annotation(resolver: Resolver, model: ModuleModel, annotation: ast.expr) -> bool:
    if isinstance(annotation, ast.Subscript):
        if model.imports.role(annotation.value) == RESOURCE_PARAM:
            return True
    ref = resolver.class_ref(model, annotation)
    return ref is not None and ref.kind == RESOURCE


def parameters(resolver: Resolver, model: ModuleModel, decorated: DecoratedFunction) -> Parameters:
    args = _all_args(decorated.func)
    annotated: dict[str, tuple[ast.expr, ClassRef | None]] = {}
    resources: dict[str, ast.arg] = {}
    context: str | None = None
    for index, arg in enumerate(args):
        if arg.annotation is not None:
            annotation = unquoted(arg.annotation)
            ref = resolver.class_ref(model, annotation)
            annotated[arg.arg] = (annotation, ref)
            if model.imports.role(annotation) in CONTEXT_TYPES and context is None:
                context = arg.arg
                continue
            if arg.arg != CONFIG_PARAM and is_resource_annotation(resolver, model, annotation):
                # (`config` always receives config, whatever its annotation: see RSC104)
                resources[arg.arg] = arg
                continue
        if context is None and arg.arg in CONTEXT_PARAM_NAMES:
            # ops and assets: only the first parameter; sensors and schedules: the first
            # parameter that is not a resource
            if index == 0 or decorated.kind in ("sensor", "schedule"):
                context = arg.arg
    return Parameters(
        names=[arg.arg for arg in args],
        context=context,
        annotated=annotated,
        resources=resources,
        has_var_keywords=decorated.func.args.kwarg is not None,
    )


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


def declared_strings(
    resolver: Resolver, model: ModuleModel, keywords: dict[str, ast.expr], name: str
) -> list[Item] | None:
    """Keys of `required_resource_keys=`: [] when absent, None when not static."""
    expr = keywords.get(name)
    if expr is None:
        return []
    return resolver.strings(model, expr)


def declared_dict_keys(
    resolver: Resolver, model: ModuleModel, keywords: dict[str, ast.expr], name: str
) -> list[Item] | None:
    """Keys of `resource_defs=` / `config_schema=`: [] when absent, None when not static."""
    expr = keywords.get(name)
    if expr is None:
        return []
    return resolver.dict_items(model, expr)


# Dagster gives a step the managers of its outputs and inputs, so
# `context.resources.<manager key>` is declared.
def manager_keys(
    resolver: Resolver, model: ModuleModel, keywords: dict[str, ast.expr]
) -> set[str] | None:
    """`io_manager_key=` / `Out(io_manager_key=...)` / `AssetIn(input_manager_key=...)` keys of
    a decorator; None when an output or input is not written out (`outs=OUTS_BUILT_AT_RUN`)."""
    keys: set[str] = set()
    direct = keywords.get(IO_MANAGER_KEY)
    if direct is not None:
        key = resolver.string(model, direct)
        if key is None:
            return None
        keys.add(key)
    for name in MANAGER_HOLDER_KEYWORDS:
        expr = keywords.get(name)
        if expr is not None and not _collect_managers(resolver, model, expr, keys, 0):
            return None
    specs = keywords.get("specs")
    if specs is not None:
        for node in ast.walk(specs):  # AssetSpec(...).with_io_manager_key("x")
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == WITH_IO_MANAGER_KEY
            ):
                key = resolver.string(model, node.args[0]) if node.args else None
                if key is None:
                    return None
                keys.add(key)
    return keys


def _collect_managers(
    resolver: Resolver, model: ModuleModel, expr: ast.expr, keys: set[str], depth: int
) -> bool:
    if depth > RESOLVE_DEPTH:
        return False
    if isinstance(expr, ast.Dict):
        for key, value in zip(expr.keys, expr.values):
            if key is None or not _collect_managers(resolver, model, value, keys, depth + 1):
                return False
        return True
    if isinstance(expr, ast.Call):
        if model.imports.role(expr.func) not in IO_SPECS:
            return False  # outputs built by a function: unknown managers
        if any(isinstance(arg, ast.Starred) for arg in expr.args):
            return False
        for keyword in expr.keywords:
            if keyword.arg is None:
                return False
            if keyword.arg in MANAGER_KEY_KEYWORDS:
                manager = resolver.string(model, keyword.value)
                if manager is None:
                    return False
                keys.add(manager)
        return True
    if isinstance(expr, ast.Name):
        found = resolver.value_of(model, expr)
        return found is not None and _collect_managers(
            resolver, found[0], found[1], keys, depth + 1
        )
    return False
