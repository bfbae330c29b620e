"""Resource values and config classes read from source: what ``Db(uri=EnvVar("X"))`` binds,
the fields of ``class Db(ConfigurableResource)``, the fields of a Config class.

Literals are shown as a loaded run shows them (their ``repr``); other values as their source,
with secrets inside hidden (secret-named keywords and dict entries, URI passwords).
"""

from __future__ import annotations

import ast
import copy
import inspect
import os
from typing import Any

from dagwire.catalog.masking import MASK, mask_uris
from dagwire.catalog.model import (
    ConfigField,
    ConfigSchema,
    Location,
    Need,
    Resource,
    Value,
    default_value,
    env_value,
    expression_value,
    launch_value,
    literal_text,
    literal_value,
    location,
    resource_value,
    unset_value,
)
from dagwire.catalog.source_model import (
    CONFIG,
    PERMISSIVE_CONFIG,
    RESOURCE,
    ClassRef,
    ModuleModel,
    Resolver,
)
from dagwire.secret_names import mentions_secret
from dagwire.vocabulary.calls import REQUIRED_RESOURCE_KEYS

NOT_LITERAL = object()
MAX_DEPTH = 8


def module_name(path: str) -> str:
    """``examples/shop/resources.py`` -> ``examples.shop.resources`` (by its packages)."""
    directory, name = os.path.split(os.path.abspath(path))
    parts = [] if name == "__init__.py" else [name[:-3] if name.endswith(".py") else name]
    while os.path.isfile(os.path.join(directory, "__init__.py")):
        directory, package = os.path.split(directory)
        parts.insert(0, package)
    return ".".join(parts)


def first_line(node: ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef) -> int:
    """The line ``inspect`` reports for a definition: its first decorator's, else its own."""
    return node.decorator_list[0].lineno if node.decorator_list else node.lineno


def where(model: ModuleModel, node: ast.AST) -> Location | None:
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return location(model.path, first_line(node))
    return location(model.path, getattr(node, "lineno", None))


def docstring(node: ast.AST) -> str | None:
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        text = ast.get_docstring(node, clean=False)
        return inspect.cleandoc(text) if text and text.strip() else None
    return None


def literal(expr: ast.expr) -> Any:
    try:
        return ast.literal_eval(expr)
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        return NOT_LITERAL


class _Hide(ast.NodeTransformer):
    """Secrets inside an expression: secret-named keywords and dict entries, URI passwords."""

    def visit_keyword(self, node: ast.keyword) -> ast.keyword:
        if node.arg is not None and mentions_secret(node.arg):
            return ast.keyword(arg=node.arg, value=ast.Constant(MASK))
        self.generic_visit(node)
        return node

    def visit_Dict(self, node: ast.Dict) -> ast.Dict:
        self.generic_visit(node)
        node.values = [
            ast.Constant(MASK)
            if isinstance(key, ast.Constant) and isinstance(key.value, str)
            and mentions_secret(key.value) else value
            for key, value in zip(node.keys, node.values)
        ]
        return node

    def visit_Constant(self, node: ast.Constant) -> ast.Constant:
        if isinstance(node.value, str):
            return ast.Constant(mask_uris(node.value))
        return node


def masked_source(expr: ast.expr) -> str:
    hidden = _Hide().visit(copy.deepcopy(expr))
    return ast.unparse(hidden)


def import_origin(model: ModuleModel, expr: ast.expr) -> str | None:
    """Where a name comes from, for display: ``dg.FilesystemIOManager`` ->
    ``dagster.FilesystemIOManager``, ``DuckDBResource`` -> ``dagster_duckdb.DuckDBResource``."""
    parts: list[str] = []
    while isinstance(expr, ast.Attribute):
        parts.insert(0, expr.attr)
        expr = expr.value
    if not isinstance(expr, ast.Name):
        return None
    for stmt in model.tree.body:
        if isinstance(stmt, ast.ImportFrom) and stmt.level == 0 and stmt.module:
            for alias in stmt.names:
                if (alias.asname or alias.name) == expr.id:
                    return ".".join([stmt.module, alias.name, *parts])
        elif isinstance(stmt, ast.Import):
            for alias in stmt.names:
                if alias.asname == expr.id:
                    return ".".join([alias.name, *parts])
                if alias.asname is None and alias.name.split(".")[0] == expr.id:
                    return ".".join([expr.id, *parts])
    return None


class Values:
    """Reads resource values and classes through the lint rules' resolver."""

    def __init__(self, resolver: Resolver) -> None:
        self.resolver = resolver

    # -- classes -------------------------------------------------------------------------

    def qualified(self, ref: ClassRef) -> str:
        if ref.node is None:
            return ref.name
        return f"{module_name(ref.model.path)}.{ref.name}"

    def class_chain(self, ref: ClassRef, depth: int = 0) -> tuple[str, ...] | None:
        """The class and every base (qualified); None when a base cannot be read."""
        if ref.node is None or depth > MAX_DEPTH:
            return (ref.name,)
        chain = [self.qualified(ref)]
        for base in ref.node.bases:
            base_ref = self.resolver.class_ref(ref.model, base)
            inner = self.class_chain(base_ref, depth + 1) if base_ref is not None else None
            if inner is None:
                return None
            chain.extend(inner)
        return tuple(dict.fromkeys(chain))

    def fields_of(
        self,
        ref: ClassRef,
        given: dict[str, tuple[ModuleModel, ast.expr]] | None,
        partial: bool,
        depth: int,
    ) -> list[ConfigField]:
        """The class's annotated fields (bases first), with the values given when known."""
        known = self._class_fields(ref)
        fields: list[ConfigField] = []
        for name, (owner, stmt) in known.items():
            if name.startswith("_") or _is_classvar(stmt.annotation):
                continue
            default, description = self._default(owner, stmt)
            value: Value | None = None
            if given is not None:
                if name in given:
                    value = self.value(given[name][0], given[name][1], name, depth + 1)
                elif partial:
                    value = launch_value()
                elif default is not None:
                    value = default_value(default)
                else:
                    value = unset_value()
            fields.append(ConfigField(name, ast.unparse(stmt.annotation), description, default,
                                      value, required=default is None))
        if given is not None:  # keywords the readable fields do not name (a base not read)
            fields += [
                ConfigField(name, None, None, None, self.value(m, e, name, depth + 1),
                            required=None)
                for name, (m, e) in given.items() if name not in known
            ]
        return fields

    def _class_fields(
        self, ref: ClassRef, depth: int = 0
    ) -> dict[str, tuple[ModuleModel, ast.AnnAssign]]:
        """Annotated fields, bases first, each with the module it is written in (a default
        names things of that module)."""
        fields: dict[str, tuple[ModuleModel, ast.AnnAssign]] = {}
        if ref.node is None or depth > MAX_DEPTH:
            return fields
        for base in ref.node.bases:
            base_ref = self.resolver.class_ref(ref.model, base)
            if base_ref is not None:
                fields.update(self._class_fields(base_ref, depth + 1))
        for stmt in ref.node.body:
            if isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name):
                fields[stmt.target.id] = (ref.model, stmt)
        return fields

    def _default(self, model: ModuleModel, stmt: ast.AnnAssign) -> tuple[Value | None, str | None]:
        name = stmt.target.id if isinstance(stmt.target, ast.Name) else None
        value = stmt.value
        description: str | None = None
        if value is None:
            return None, None
        if isinstance(value, ast.Call) and _callee_name(value.func) == "Field":
            keywords = {k.arg: k.value for k in value.keywords if k.arg}
            text = keywords.get("description")
            if isinstance(text, ast.Constant) and isinstance(text.value, str):
                description = text.value
            if "default" in keywords:
                value = keywords["default"]
            elif value.args and not isinstance(value.args[0], ast.Starred):
                value = value.args[0]
            elif "default_factory" in keywords:
                factory = keywords["default_factory"]
                if isinstance(factory, ast.Lambda):
                    return self.value(model, factory.body, name, 0), description
                return expression_value(f"{masked_source(factory)}()", name), description
            else:
                return None, description
        return self.value(model, value, name, 0), description

    def config_schema(self, model: ModuleModel, annotation: ast.expr) -> ConfigSchema | None:
        ref = self.resolver.class_ref(model, annotation)
        if ref is None or ref.kind not in (CONFIG, PERMISSIVE_CONFIG) or ref.node is None:
            return None
        return ConfigSchema(self.qualified(ref), self.fields_of(ref, None, False, 0))

    # -- values --------------------------------------------------------------------------

    def constant(self, model: ModuleModel, expr: ast.expr, depth: int = 0) -> Any:
        """The value of a literal whose parts may be module-level constants
        (``{"token": MARKER}``), or ``NOT_LITERAL``."""
        found = literal(expr)
        if found is not NOT_LITERAL or depth > MAX_DEPTH:
            return found
        if isinstance(expr, (ast.Name, ast.Attribute)):
            bound = self.resolver.value_of(model, expr)
            return self.constant(bound[0], bound[1], depth + 1) if bound else NOT_LITERAL
        if isinstance(expr, ast.Dict) and None not in expr.keys:
            keys = [self.constant(model, k, depth + 1) for k in expr.keys if k is not None]
            values = [self.constant(model, v, depth + 1) for v in expr.values]
            if NOT_LITERAL in keys or NOT_LITERAL in values:
                return NOT_LITERAL
            try:
                return dict(zip(keys, values))
            except TypeError:  # an unhashable key
                return NOT_LITERAL
        if isinstance(expr, (ast.List, ast.Tuple)):
            items = [self.constant(model, e, depth + 1) for e in expr.elts]
            if NOT_LITERAL in items:
                return NOT_LITERAL
            return items if isinstance(expr, ast.List) else tuple(items)
        return NOT_LITERAL

    def value(self, model: ModuleModel, expr: ast.expr, name: str | None, depth: int) -> Value:
        """A field's value as the catalog shows it."""
        found = self.constant(model, expr)
        if found is not NOT_LITERAL:
            return literal_value(found, name)
        env = self._env_var(model, expr)
        if env is not None:
            return env
        member = self._enum_member(model, expr)
        if member is not None:
            return literal_text(member, name)
        if depth < MAX_DEPTH:
            nested = self.resource(model, expr, depth + 1, nested=True)
            if nested is not None:
                return resource_value(nested)
            if isinstance(expr, (ast.Name, ast.Attribute)):
                bound = self.resolver.value_of(model, expr)
                if bound is not None:
                    inner = self.value(bound[0], bound[1], name, depth + 1)
                    if inner.kind != "expression":
                        return inner
        return expression_value(masked_source(expr), name)

    def _enum_member(self, model: ModuleModel, expr: ast.expr) -> str | None:
        """``Currency.EUR`` where ``Currency`` is an Enum class of the project (shown as a
        loaded Enum member is)."""
        if not isinstance(expr, ast.Attribute):
            return None
        found = self.resolver.target_of(model, expr.value)
        if found is None or not isinstance(found[1], ast.ClassDef):
            return None
        bases = {_callee_name(base) for base in found[1].bases}
        if not bases & {"Enum", "StrEnum", "IntEnum"}:
            return None
        return f"{found[1].name}.{expr.attr}"

    def _env_var(self, model: ModuleModel, expr: ast.expr) -> Value | None:
        if not isinstance(expr, ast.Call) or len(expr.args) != 1 or expr.keywords:
            return None
        argument = expr.args[0]
        if not isinstance(argument, ast.Constant) or not isinstance(argument.value, str):
            return None
        func = expr.func
        if model.imports.role(func) == "EnvVar":
            return env_value(argument.value)
        if (isinstance(func, ast.Attribute) and func.attr == "int"
                and model.imports.role(func.value) == "EnvVar"):
            return env_value(argument.value, integer=True)
        return None

    def resource(
        self, model: ModuleModel, expr: ast.expr, depth: int = 0, nested: bool = False
    ) -> Resource | None:
        """The resource an expression builds; for a top-level value (``nested`` False) never
        None: what cannot be read is shown as an object with its source."""
        identity: object = expr
        for _ in range(MAX_DEPTH):  # a name bound at module level: its value, one object
            if not isinstance(expr, (ast.Name, ast.Attribute)):
                break
            found = self.resolver.value_of(model, expr)
            if found is None:
                break
            model, expr = found
            identity = expr
        built = self._built(model, expr, depth)
        if built is None:
            if nested:
                return None
            origin = import_origin(model, expr.func) if isinstance(expr, ast.Call) else None
            built = Resource(kind="object", class_name=origin or masked_source(expr),
                             location=where(model, expr))
        built.identity = identity
        return built

    def _built(self, model: ModuleModel, expr: ast.expr, depth: int) -> Resource | None:
        function = self._resource_function(model, expr)
        if function is not None:
            return function
        if not isinstance(expr, ast.Call):
            return None
        func, partial = expr.func, False
        if isinstance(func, ast.Attribute) and func.attr == "configure_at_launch":
            func, partial = func.value, True
        given = self._keywords(model, expr)
        ref = self.resolver.class_ref(model, func)
        if ref is not None and ref.kind == RESOURCE and ref.node is not None:
            return Resource(
                kind="configurable",
                class_name=self.qualified(ref),
                description=docstring(ref.node),
                location=where(ref.model, ref.node),
                fields=self.fields_of(ref, given or {}, partial, depth),
                partial=partial,
                class_chain=self.class_chain(ref) if given is not None else None,
            )
        origin = import_origin(model, func)
        if origin is None or not _looks_like_class(origin):
            return None
        # a class from a library (dagster's IO managers, dagster_duckdb, ...): what it is given
        return Resource(
            kind="external",
            class_name=origin,
            location=where(model, expr),
            fields=[ConfigField(name, None, None, None, self.value(m, e, name, depth + 1),
                                required=None) for name, (m, e) in (given or {}).items()],
            partial=partial,
        )

    def _keywords(
        self, model: ModuleModel, call: ast.Call
    ) -> dict[str, tuple[ModuleModel, ast.expr]] | None:
        """Keyword arguments, `**CONF` splats expanded; None when one cannot be read."""
        given: dict[str, tuple[ModuleModel, ast.expr]] = {}
        for keyword in call.keywords:
            if keyword.arg is not None:
                given[keyword.arg] = (model, keyword.value)
                continue
            items = self.resolver.dict_items(model, keyword.value)
            if items is None:
                return None
            for item in items:
                if item.value is not None:
                    given[item.key] = (item.model, item.value)
        return given

    def _resource_function(self, model: ModuleModel, expr: ast.expr) -> Resource | None:
        """A legacy ``@resource`` function, bare or ``.configured({...})``."""
        configured: ast.expr | None = None
        if (isinstance(expr, ast.Call) and isinstance(expr.func, ast.Attribute)
                and expr.func.attr == "configured" and expr.args):
            configured, expr = expr.args[0], expr.func.value
        if not isinstance(expr, (ast.Name, ast.Attribute)):
            return None
        found = self.resolver.definition(model, expr)
        if found is None or found[0].kind != "resource":
            return None
        decorated, owner = found
        keywords, _ = self.resolver.keywords(owner, decorated)
        schema = keywords.get("config_schema")
        decorator = decorated.decorator
        if schema is None and isinstance(decorator, ast.Call) and decorator.args:
            schema = decorator.args[0]  # @resource({...})
        fields: list[ConfigField] = []
        for item in (self.resolver.dict_items(owner, schema) or []) if schema is not None else []:
            fields.append(ConfigField(item.key, _legacy_type(item.value),
                                      required=_legacy_required(item.value)))
        values = self.resolver.dict_items(model, configured) if configured is not None else None
        for item in values or []:
            value = self.value(item.model, item.value, item.key, 1) if item.value else None
            existing = next((f for f in fields if f.name == item.key), None)
            if existing is None:
                fields.append(ConfigField(item.key, None, value=value, required=None))
            else:
                existing.value = value
        for config_field in fields:  # what .configured() does not fix comes from run config
            if config_field.value is None:
                config_field.value = launch_value()
        required = self.resolver.strings(owner, keywords[REQUIRED_RESOURCE_KEYS]) if (
            REQUIRED_RESOURCE_KEYS in keywords) else []
        return Resource(
            kind="function",
            class_name=f"{module_name(owner.path)}.{decorated.function_name}",
            description=_description(keywords) or docstring(decorated.func),
            location=where(owner, decorated.func),
            fields=fields,
            needs=[Need(item.key, REQUIRED_RESOURCE_KEYS) for item in required or []],
        )


def _description(keywords: dict[str, ast.expr]) -> str | None:
    text = keywords.get("description")
    if isinstance(text, ast.Constant) and isinstance(text.value, str):
        return text.value
    return None


def _legacy_type(expr: ast.expr | None) -> str | None:
    if expr is None:
        return None
    if isinstance(expr, ast.Call) and expr.args:  # Field(str, ...)
        expr = expr.args[0]
    if isinstance(expr, (ast.Name, ast.Attribute)):
        return expr.id if isinstance(expr, ast.Name) else expr.attr
    return None


def _legacy_required(expr: ast.expr | None) -> bool | None:
    """``str`` -> required; ``Field(str, default_value=...)`` -> not; others unknown."""
    if isinstance(expr, (ast.Name, ast.Attribute)):
        return _callee_name(expr) not in ("Noneable", "Any")
    if isinstance(expr, ast.Call) and _callee_name(expr.func) == "Field":
        keywords = {k.arg: k.value for k in expr.keywords}
        if "default_value" in keywords:
            return False
        flag = keywords.get("is_required")
        if isinstance(flag, ast.Constant) and isinstance(flag.value, bool):
            return flag.value
        return _legacy_required(expr.args[0]) if expr.args else None
    return None


def _callee_name(func: ast.expr) -> str | None:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


def _is_classvar(annotation: ast.expr) -> bool:
    target = annotation.value if isinstance(annotation, ast.Subscript) else annotation
    return _callee_name(target) == "ClassVar"


def _looks_like_class(origin: str) -> bool:
    return origin.rsplit(".", 1)[-1][:1].isupper()
