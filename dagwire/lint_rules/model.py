"""One pass over a module: the decorated definitions, classes and binding sites it holds.

The model keeps AST nodes, not conclusions: whether a class is a resource or a parameter
requires a resource may depend on other modules, which `resolve.Resolver` answers lazily.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field

from dagwire.lint_rules.frameworks import DEFINITION_KINDS
from dagwire.lint_rules.imports import ImportTable

FunctionNode = ast.FunctionDef | ast.AsyncFunctionDef


@dataclass
class DecoratedFunction:
    """A function under a framework decorator (`@asset`, `@op(...)`, `@dg.sensor(...)`, ...)."""

    kind: str
    func: FunctionNode
    decorator: ast.expr
    # Keyword arguments of the decorator call, after expanding `**MODULE_DICT` where possible.
    keywords: dict[str, ast.expr] = field(default_factory=dict)
    # The decorator had a `**splat` we could not expand: anything may have been passed.
    keywords_complete: bool = True
    splats: list[ast.expr] = field(default_factory=list)
    module_level: bool = False

    @property
    def function_name(self) -> str:
        return self.func.name


@dataclass
class ModuleModel:
    path: str
    tree: ast.Module
    imports: ImportTable
    classes: dict[str, ast.ClassDef]
    functions: list[DecoratedFunction]
    by_name: dict[str, DecoratedFunction]
    calls: list[ast.Call]  # every call, for binding sites and constructor checks
    dicts: list[ast.Dict]  # every dict display, for config sources and secrets
    source_refs: list[ast.expr]  # names ending in "Source" (StringSource, dg.IntSource, ...)
    framework: bool

    @property
    def directory(self) -> str:
        import os.path

        return os.path.dirname(os.path.abspath(self.path))


def _decorator_call(decorator: ast.expr) -> tuple[ast.expr, ast.Call | None]:
    if isinstance(decorator, ast.Call):
        return decorator.func, decorator
    return decorator, None


def build_model(tree: ast.Module, path: str, framework: bool) -> ModuleModel:
    imports = ImportTable(tree)
    classes: dict[str, ast.ClassDef] = {}
    functions: list[DecoratedFunction] = []
    by_name: dict[str, DecoratedFunction] = {}
    calls: list[ast.Call] = []
    dicts: list[ast.Dict] = []
    source_refs: list[ast.expr] = []
    module_level_ids = {id(stmt) for stmt in tree.body}
    for stmt in tree.body:
        if isinstance(stmt, ast.ClassDef):
            classes[stmt.name] = stmt
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            calls.append(node)
        elif isinstance(node, ast.Dict):
            dicts.append(node)
        elif isinstance(node, ast.Name):
            if node.id.endswith("Source"):
                source_refs.append(node)
        elif isinstance(node, ast.Attribute):
            if node.attr.endswith("Source"):
                source_refs.append(node)
        elif framework and isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            for decorator in node.decorator_list:
                target, call = _decorator_call(decorator)
                role = imports.role(target)
                if role not in DEFINITION_KINDS:
                    continue
                assert role is not None
                decorated = DecoratedFunction(
                    kind=role,
                    func=node,
                    decorator=decorator,
                    module_level=id(node) in module_level_ids,
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
                break
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
        framework=framework,
    )
