"""Phase 1: every site that binds resource keys, and what each key is bound to there.

A binding site is a call with `resources=` / `resource_defs=` (`Definitions`, jobs,
`to_job`, `materialize`, `execute_in_process`, `build_op_context`, ...), `Definitions`'s
positional resources, `with_resources(defs, {...})` and `build_resources({...})`. Its dict
is read through the shared source model (`Resolver.dict_variants`): a dict of another
module, `**` splats, `|`, and dicts picked by deployment (`by_env[env]`) all count. What each
value is decides what the users of its key receive (`facts.Binding`): the project's
resource class, a legacy `@resource` function, a plain object, a values resource, a mock,
an IO manager, or something the codemods cannot tell.
"""

from __future__ import annotations

import ast

from dagwire.migrate.facts import (
    ANY,
    IO_MANAGER_KIND,
    MOCK,
    Binding,
    ClassFacts,
    ResourceFunction,
    ValueType,
)
from dagwire.migrate.index import MigrationIndex, Ref
from dagwire.source_model.imports import IMPORTED
from dagwire.source_model.module import ModuleModel
from dagwire.vocabulary.calls import (
    BINDING_KEYWORDS,
    CONFIGURE_AT_LAUNCH,
    CONFIGURED,
    DEFINITIONS_PARAMETERS,
    RESOURCES,
)
from dagwire.vocabulary.limits import RESOLVE_DEPTH
from dagwire.vocabulary.names import (
    DEFINITIONS,
    IO_MANAGER_RESOURCES,
    RESOURCE_DEFINITION,
    RESOURCE_DEFINITION_FACTORIES,
    RUN_CONFIG,
    VALUES_RESOURCE,
    WITH_RESOURCES,
)

# Calls whose first positional argument is a resources dict.
_POSITIONAL_SITES = {WITH_RESOURCES: 1, "build_resources": 0,
                     DEFINITIONS: DEFINITIONS_PARAMETERS.index(RESOURCES)}
# Builtin types a value's annotation may name as they are.
BUILTIN_TYPES = frozenset({"dict", "list", "str", "int", "float", "bool", "tuple", "set",
                           "bytes"})
# Classes from the standard library that stand in for anything.
_MOCK_CLASSES = frozenset({"unittest.mock.MagicMock", "unittest.mock.Mock",
                           "unittest.mock.NonCallableMagicMock"})
_LITERAL_TYPES = {dict: "dict", list: "list", str: "str", int: "int", float: "float",
                  bool: "bool", tuple: "tuple", set: "set", bytes: "bytes"}


def site_dicts(model: ModuleModel) -> list[tuple[ast.Call, ast.expr]]:
    """(call, the expression of its resources dict) for every binding site of a module."""
    found = []
    for call in model.calls:
        role = model.imports.role(call.func)
        if role == RUN_CONFIG:
            continue  # `RunConfig(resources={key: {"config": ...}})` is run config
        for keyword in call.keywords:
            if keyword.arg in BINDING_KEYWORDS:
                found.append((call, keyword.value))
        position = _POSITIONAL_SITES.get(role or "")
        if position is not None and len(call.args) > position and not any(
                isinstance(a, ast.Starred) for a in call.args[:position + 1]):
            found.append((call, call.args[position]))
    return found


class BindingReader:
    """What a value in a resources dict is, for the users of its key."""

    def __init__(self, index: MigrationIndex, functions: dict[Ref, ResourceFunction],
                 classes: dict[Ref, ClassFacts]) -> None:
        self.index = index
        self.functions = functions
        self.classes = classes

    def binding(self, model: ModuleModel, value: ast.expr, depth: int = 0) -> Binding:
        text = ast.unparse(value)
        text = text if len(text) <= 40 else text[:37] + "..."
        if depth > RESOLVE_DEPTH:
            return Binding("other", text)
        if isinstance(value, (ast.Name, ast.Attribute)):
            role = model.imports.role(value)
            if role in IO_MANAGER_RESOURCES:
                return Binding(IO_MANAGER_KIND, text)
            ref = self.index.resolve(model, value)
            if ref is not None and ref in self.functions:
                return Binding("function", text, ref, self.functions[ref].value)
            found = self.index.resolver.value_of(model, value)
            if found is not None:  # a module-level constant: what it was assigned
                return self.binding(found[0], found[1], depth + 1)
            return Binding("other", text)
        if not isinstance(value, ast.Call):
            return Binding("other", text)
        func = value.func
        if isinstance(func, ast.Attribute) and func.attr == CONFIGURED:
            inner = self.binding(model, func.value, depth + 1)
            if inner.kind in ("function", IO_MANAGER_KIND):
                return Binding(inner.kind, text, inner.ref, inner.value, configured=True)
            return Binding("other", text)
        if isinstance(func, ast.Attribute) and func.attr == CONFIGURE_AT_LAUNCH:
            func = func.value
        role = model.imports.role(func)
        if role == VALUES_RESOURCE:
            # the values are the config: a dict of it when fields are named
            return Binding("values", VALUES_RESOURCE,
                           value=ValueType("builtin", name="dict") if value.keywords else ANY)
        if role in IO_MANAGER_RESOURCES:
            return Binding(IO_MANAGER_KIND, text)
        if isinstance(func, ast.Attribute) and model.imports.role(func.value) == (
                RESOURCE_DEFINITION):
            made = RESOURCE_DEFINITION_FACTORIES.get(func.attr)
            described = f"{RESOURCE_DEFINITION}.{func.attr}"
            if made == "mock":
                return Binding("mock", described, value=MOCK)
            if made == "str":
                return Binding("values", described, value=ValueType("builtin", name="str"))
            if made == "none":
                return Binding("values", described, value=ValueType("builtin", name="None"))
            if made == "value" and len(value.args) == 1:
                return Binding("object", described, value=self.value_of(model, value.args[0]))
            return Binding("other", described)
        if self._is_mock(model, func):
            return Binding("mock", text, value=MOCK)
        ref = self.index.resolve(model, func)
        cls = self.classes.get(ref) if ref is not None else None
        if ref is None or cls is None:
            return Binding("other", text)
        if cls.kind == IO_MANAGER_KIND:
            return Binding(IO_MANAGER_KIND, text, ref)
        if cls.kind == "resource":
            return Binding("class", text, ref,
                           ANY if cls.vends else ValueType("project", ref.path, ref.name))
        if cls.kind == "other":
            return Binding("object", text, ref, ValueType("project", ref.path, ref.name))
        return Binding("other", text)

    def _is_mock(self, model: ModuleModel, func: ast.expr) -> bool:
        if isinstance(func, ast.Name):
            binding = model.imports.lookup(func.id)
            return binding is not None and binding.kind == IMPORTED and binding.level == 0 and (
                f"{binding.module}.{binding.name}" in _MOCK_CLASSES)
        if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Attribute):
            return ast.unparse(func) in _MOCK_CLASSES  # unittest.mock.MagicMock
        if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name):
            binding = model.imports.lookup(func.value.id)
            return binding is not None and binding.kind == IMPORTED and binding.level == 0 and (
                f"{binding.module}.{binding.name}.{func.attr}" in _MOCK_CLASSES)
        return False

    # -- what a value is, for an annotation --------------------------------------------

    def value_of(self, model: ModuleModel, expr: ast.expr, depth: int = 0) -> ValueType:
        """The type of a value built by an expression, when it is certain: an instance of a
        class of the project (or a mock), a literal of a builtin type, a module constant
        holding one."""
        if isinstance(expr, (ast.Name, ast.Attribute)) and depth < RESOLVE_DEPTH:
            found = self.index.resolver.value_of(model, expr)
            return self.value_of(found[0], found[1], depth + 1) if found is not None else ANY
        if isinstance(expr, ast.Constant):
            name = _LITERAL_TYPES.get(type(expr.value))
            return ValueType("builtin", name=name) if name else ANY
        if isinstance(expr, (ast.Dict, ast.DictComp)):
            return ValueType("builtin", name="dict")
        if isinstance(expr, (ast.List, ast.ListComp)):
            return ValueType("builtin", name="list")
        if isinstance(expr, ast.Call):
            if self._is_mock(model, expr.func):
                return MOCK
            ref = self.index.resolve(model, expr.func)
            cls = self.classes.get(ref) if ref is not None else None
            if ref is not None and cls is not None and not cls.vends and cls.kind in (
                    "other", "resource"):
                return ValueType("project", ref.path, ref.name)
        return ANY

    def annotation_type(self, model: ModuleModel, annotation: ast.expr) -> ValueType:
        """The type an annotation names, when phase 2 can write it elsewhere: a class of the
        project, a class imported by name from a library, a builtin, a mock."""
        if isinstance(annotation, ast.Constant) and isinstance(annotation.value, str):
            try:
                annotation = ast.parse(annotation.value, mode="eval").body
            except SyntaxError:
                return ANY
        if isinstance(annotation, ast.Name) and annotation.id in BUILTIN_TYPES and (
                not model.imports.is_bound(annotation.id)):
            return ValueType("builtin", name=annotation.id)
        if not isinstance(annotation, (ast.Name, ast.Attribute)):
            return ANY
        if self._is_mock(model, annotation):
            return MOCK
        ref = self.index.resolve(model, annotation)
        if ref is not None:
            cls = self.classes.get(ref)
            return ValueType("project", ref.path, ref.name) if cls is not None and (
                cls.kind in ("other", "resource")) else ANY
        if isinstance(annotation, ast.Name):
            binding = model.imports.lookup(annotation.id)
            if binding is not None and binding.kind == IMPORTED and binding.level == 0 and (
                    binding.module not in ("typing", "typing_extensions")):
                if self.index.module_path(model, binding.module, 0) is None:
                    return ValueType("library", binding.module, binding.name)
        return ANY
