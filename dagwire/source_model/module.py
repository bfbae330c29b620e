"""One pass over a module: the decorated definitions, classes and binding sites it holds.

The model keeps AST nodes, not conclusions: whether a class is a resource or a parameter
requires a resource may depend on other modules, which `resolve.Resolver` answers lazily.
"""

from __future__ import annotations

import ast
import os

from dagwire.source_model.imports import ImportTable
from dagwire.vocabulary.names import DECORATORS, INTEGRATION_DECORATORS

FunctionNode = ast.FunctionDef | ast.AsyncFunctionDef


class DecoratedFunction:
    """A function under a framework decorator (`@asset`, `@op(...)`, `@dg.sensor(...)`, ...).

    (Plain classes rather than dataclasses here and in the other modules: creating
    dataclasses costs milliseconds at import, and flake8 imports the lint rules on every
    run.)"""

    __slots__ = ("kind", "func", "decorator", "keywords", "splats", "module_level")

    def __init__(
        self, kind: str, func: FunctionNode, decorator: ast.expr, module_level: bool
    ) -> None:
        self.kind = kind
        self.func = func
        self.decorator = decorator
        # the decorator call's keywords as written; `**splats` are expanded by the resolver
        self.keywords: dict[str, ast.expr] = {}
        self.splats: list[ast.expr] = []
        self.module_level = module_level

    @property
    def function_name(self) -> str:
        return self.func.name


class ModuleModel:
    __slots__ = (
        "path", "tree", "imports", "classes", "functions", "by_name", "calls", "dicts",
        "source_refs", "parents", "names", "framework", "outline", "_directory",
    )

    def __init__(
        self,
        path: str,
        tree: ast.Module,
        imports: ImportTable,
        classes: dict[str, ast.ClassDef],
        functions: list[DecoratedFunction],
        by_name: dict[str, DecoratedFunction],
        calls: list[ast.Call],
        dicts: list[ast.Dict],
        source_refs: list[ast.expr],
        parents: dict[int, ast.AST],
        names: dict[str, list[ast.Name]],
        framework: bool,
        outline: bool = False,
    ) -> None:
        self.path = path
        self.tree = tree
        self.imports = imports
        self.classes = classes
        self.functions = functions  # decorated functions anywhere, in source order
        self.by_name = by_name  # the module-level ones, by name
        self.calls = calls  # every call, for binding sites and constructor checks
        self.dicts = dicts  # every dict display, for config sources and secrets
        self.source_refs = source_refs  # names ending in "Source" (StringSource, dg.IntSource)
        self.parents = parents  # id(node) -> parent node
        self.names = names  # every Name node, by identifier
        self.framework = framework
        # an outline (a sibling looked up by name) holds only module-level definitions:
        # no calls, dicts, parents or name index
        self.outline = outline
        self._directory: str | None = None

    def names_in(self, func: FunctionNode, identifier: str) -> list[ast.Name]:
        """Name nodes of `identifier` inside a function (signature and body)."""
        start = func.lineno
        end = func.end_lineno or start
        return [node for node in self.names.get(identifier, ()) if start <= node.lineno <= end]

    @property
    def directory(self) -> str:
        if self._directory is None:
            self._directory = os.path.dirname(os.path.abspath(self.path))
        return self._directory


def _decorator_call(decorator: ast.expr) -> tuple[ast.expr, ast.Call | None]:
    if isinstance(decorator, ast.Call):
        return decorator.func, decorator
    return decorator, None


_SKIP_TYPES = (ast.expr_context, ast.operator, ast.boolop, ast.unaryop, ast.cmpop)


def build_outline(tree: ast.Module, path: str, framework: bool) -> ModuleModel:
    """What another module needs to know about this one: its imports, classes and
    module-level definitions. No traversal of function bodies."""
    imports = ImportTable(tree)
    classes: dict[str, ast.ClassDef] = {}
    functions: list[DecoratedFunction] = []
    by_name: dict[str, DecoratedFunction] = {}
    module_level_ids = {id(stmt) for stmt in tree.body}
    for stmt in tree.body:
        if isinstance(stmt, ast.ClassDef):
            classes[stmt.name] = stmt
        elif framework and isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)):
            _add_function(stmt, imports, functions, by_name, module_level_ids)
    return ModuleModel(
        path=path, tree=tree, imports=imports, classes=classes, functions=functions,
        by_name=by_name, calls=[], dicts=[], source_refs=[], parents={}, names={},
        framework=framework, outline=True,
    )


def build_model(tree: ast.Module, path: str, framework: bool) -> ModuleModel:
    """One traversal, written out by hand: `ast.walk` costs about twice as much, and this
    runs on every file flake8 checks."""
    imports = ImportTable(tree)
    classes: dict[str, ast.ClassDef] = {}
    functions: list[DecoratedFunction] = []
    by_name: dict[str, DecoratedFunction] = {}
    calls: list[ast.Call] = []
    dicts: list[ast.Dict] = []
    source_refs: list[ast.expr] = []
    parents: dict[int, ast.AST] = {}
    names: dict[str, list[ast.Name]] = {}
    module_level_ids = {id(stmt) for stmt in tree.body}
    for stmt in tree.body:
        if isinstance(stmt, ast.ClassDef):
            classes[stmt.name] = stmt
    call_type, dict_type, name_type, attribute_type = ast.Call, ast.Dict, ast.Name, ast.Attribute
    function_types = (ast.FunctionDef, ast.AsyncFunctionDef)
    node_type, skip, constant_type = ast.AST, _SKIP_TYPES, ast.Constant
    stack: list[ast.AST] = [tree]
    pop, push = stack.pop, stack.append
    while stack:
        node = pop()
        kind = type(node)
        if kind is call_type:
            calls.append(node)  # type: ignore[arg-type]
        elif kind is name_type:
            identifier = node.id  # type: ignore[attr-defined]
            found = names.get(identifier)
            if found is None:
                names[identifier] = [node]  # type: ignore[list-item]
            else:
                found.append(node)  # type: ignore[arg-type]
            if identifier.endswith("Source"):
                source_refs.append(node)  # type: ignore[arg-type]
            continue  # a Name has no children but its context
        elif kind is attribute_type:
            if node.attr.endswith("Source"):  # type: ignore[attr-defined]
                source_refs.append(node)  # type: ignore[arg-type]
        elif kind is dict_type:
            dicts.append(node)  # type: ignore[arg-type]
        elif framework and kind in function_types:
            _add_function(
                node, imports, functions, by_name, module_level_ids  # type: ignore[arg-type]
            )
        for field_name in node._fields:
            value = getattr(node, field_name, None)
            if type(value) is list:
                for item in value:
                    if type(item) is constant_type:
                        parents[id(item)] = node  # a leaf: nothing to record below it
                    elif isinstance(item, node_type) and not isinstance(item, skip):
                        parents[id(item)] = node
                        push(item)
            elif type(value) is constant_type:
                parents[id(value)] = node
            elif isinstance(value, node_type) and not isinstance(value, skip):
                parents[id(value)] = node
                push(value)
    functions.sort(key=lambda decorated: (decorated.func.lineno, decorated.func.col_offset))
    return ModuleModel(
        path=path,
        tree=tree,
        imports=imports,
        classes=classes,
        functions=functions,
        by_name=by_name,
        calls=calls,
        dicts=dicts,
        source_refs=source_refs,
        parents=parents,
        names=names,
        framework=framework,
    )


def _add_function(
    node: FunctionNode,
    imports: ImportTable,
    functions: list[DecoratedFunction],
    by_name: dict[str, DecoratedFunction],
    module_level_ids: set[int],
) -> None:
    for decorator in node.decorator_list:
        target, call = _decorator_call(decorator)
        role = imports.role(target)
        kind = DECORATORS.get(role) or INTEGRATION_DECORATORS.get(role) if role else None
        if kind is None:
            continue
        decorated = DecoratedFunction(
            kind=kind, func=node, decorator=decorator, module_level=id(node) in module_level_ids
        )
        if call is not None:
            for keyword in call.keywords:
                if keyword.arg is None:
                    decorated.splats.append(keyword.value)
                else:
                    decorated.keywords[keyword.arg] = keyword.value
        functions.append(decorated)
        if decorated.module_level:
            by_name[node.name] = decorated
        return
