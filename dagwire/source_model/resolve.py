"""Answers that need more than one module: what a name is, what a constant holds.

Every method returns None when it cannot be sure; rules treat None as "stay silent".
"""

from __future__ import annotations

import ast
import os
from typing import Iterator

from dagwire.source_model.imports import (
    IMPORTED,
    IMPORTED_MODULE,
    LOCAL,
    assigned_value,
    dotted,
)
from dagwire.source_model.module import DecoratedFunction, ModuleModel
from dagwire.source_model.project import ProjectIndex
from dagwire.source_model.walk import package_files
from dagwire.vocabulary.calls import WITH_RESOURCES_DEFINITIONS, WITH_RESOURCES_RESOURCES
from dagwire.vocabulary.limits import RESOLVE_DEPTH
from dagwire.vocabulary.names import (
    BIND_RESOURCES_TO_JOBS,
    CONFIG_BASES,
    IO_MANAGER_BASES,
    LOADERS,
    RESOURCE_BASES,
    RESOURCE_FACTORY_BASES,
    WITH_RESOURCES,
)

_MAX_PACKAGE_MODULES = 300  # a package walked for `load_assets_from_package_module`

CONFIG = "config"
PERMISSIVE_CONFIG = "permissive_config"
RESOURCE = "resource"
OTHER_CLASS = "other"

# framework base class -> what its subclasses are. Resource factories and IO managers count
# as resources here: a parameter annotated with one requires its key.
_ROLE_CLASS_KINDS = {
    **CONFIG_BASES,
    **dict.fromkeys(RESOURCE_BASES | RESOURCE_FACTORY_BASES | IO_MANAGER_BASES, RESOURCE),
}


class Item:
    """A statically known string (a key), where it is written, and for dicts its value."""

    __slots__ = ("key", "node", "model", "value")

    def __init__(
        self,
        key: str,
        node: ast.AST,
        model: ModuleModel,
        value: ast.expr | None = None,
    ) -> None:
        self.key = key
        self.node = node
        self.model = model
        self.value = value


class ClassRef:
    __slots__ = ("kind", "name", "node", "model")

    def __init__(
        self,
        kind: str,
        name: str,
        node: ast.ClassDef | None,
        model: ModuleModel,
    ) -> None:
        self.kind = kind  # CONFIG, PERMISSIVE_CONFIG, RESOURCE or OTHER_CLASS
        self.name = name
        self.node = node  # None for the framework base classes themselves
        self.model = model


class ClassMembers:
    __slots__ = ("fields", "members", "complete")

    def __init__(
        self,
        fields: dict[str, ast.AnnAssign],
        members: frozenset[str],
        complete: bool,
    ) -> None:
        self.fields = fields
        self.members = members
        self.complete = complete  # False when a base class could not be read


class Entry:
    """A definition listed at a binding site and the keys bound around it (`with_resources`)."""

    __slots__ = ("definition", "model", "extra_keys")

    def __init__(
        self,
        definition: DecoratedFunction,
        model: ModuleModel,
        extra_keys: frozenset[str],
    ) -> None:
        self.definition = definition
        self.model = model
        self.extra_keys = extra_keys


class Resolver:
    def __init__(self, index: ProjectIndex) -> None:
        self.index = index
        self._keywords: dict[int, tuple[dict[str, ast.expr], bool]] = {}
        # (module, dotted name) -> class; annotations repeat the same few names
        self._classes: dict[tuple[int, str], ClassRef | None] = {}

    # -- names ---------------------------------------------------------------------------

    def binding_target(
        self, model: ModuleModel, name: str, depth: int = 0
    ) -> tuple[ModuleModel, ast.AST] | None:
        """The module-level def/class/assignment that `name` in `model` refers to."""
        if depth > RESOLVE_DEPTH:
            return None
        binding = model.imports.lookup(name)
        if binding is None:
            if model.imports.star_imports and not model.imports.is_bound(name):
                return self._star_target(model, name, depth)
            return None
        if binding.kind == LOCAL and binding.node is not None:
            return model, binding.node
        if binding.kind == IMPORTED:
            path = self.index.module_path(model, binding.module, binding.level)
            other = self.index.model_for_path(path) if path else None
            if other is not None and other is not model:
                return self.binding_target(other, binding.name, depth + 1)
        return None

    def star_modules(self, model: ModuleModel) -> list[tuple[ModuleModel, list[str] | None]]:
        """Local modules this one star-imports, last first (the last import of a name wins),
        each with the names it exports by `__all__` (None: every public name). A module whose
        `__all__` cannot be read is left out."""
        found: list[tuple[ModuleModel, list[str] | None]] = []
        for module, level in reversed(model.imports.star_imports):
            path = self.index.module_path(model, module, level)
            other = self.index.model_for_path(path) if path else None
            if other is None or other is model:
                continue
            if not other.imports.is_bound("__all__"):
                found.append((other, None))
                continue
            exported = self.strings(other, ast.Name(id="__all__", ctx=ast.Load()))
            if exported is not None:
                found.append((other, [item.key for item in exported]))
        return found

    def _star_target(
        self, model: ModuleModel, name: str, depth: int
    ) -> tuple[ModuleModel, ast.AST] | None:
        """`name` bound only by `from .raw import *`: where the star-imported module binds it."""
        if name.startswith("_"):
            return None
        for other, exported in self.star_modules(model):
            if exported is not None and name not in exported:
                continue
            found = self.binding_target(other, name, depth + 1)
            if found is not None:
                return found
        return None

    def module_ref(self, model: ModuleModel, expr: ast.expr) -> ModuleModel | None:
        """The local module a name refers to (`from . import assets`, `import pkg.assets as a`)."""
        if not isinstance(expr, ast.Name):
            return None
        binding = model.imports.lookup(expr.id)
        if binding is None:
            return None
        path: str | None = None
        if binding.kind == IMPORTED:
            dotted = ".".join(part for part in (binding.module, binding.name) if part)
            path = self.index.module_path(model, dotted, binding.level)
        elif binding.kind == IMPORTED_MODULE:
            path = self.index.module_path(model, binding.module, 0)
        if path is None:
            return None
        other = self.index.model_for_path(path)
        return other if other is not model else None

    def target_of(self, model: ModuleModel, expr: ast.expr) -> tuple[ModuleModel, ast.AST] | None:
        if isinstance(expr, ast.Name):
            return self.binding_target(model, expr.id)
        if isinstance(expr, ast.Attribute):
            other = self.module_ref(model, expr.value)
            if other is not None:
                return self.binding_target(other, expr.attr)
        return None

    def definition(
        self, model: ModuleModel, expr: ast.expr
    ) -> tuple[DecoratedFunction, ModuleModel] | None:
        found = self.target_of(model, expr)
        if found is None:
            return None
        owner, node = found
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            decorated = owner.by_name.get(node.name)
            if decorated is not None and decorated.func is node:
                return decorated, owner
        return None

    # -- constants -----------------------------------------------------------------------

    def value_of(self, model: ModuleModel, expr: ast.expr) -> tuple[ModuleModel, ast.expr] | None:
        """The value a module-level constant name was assigned (`COMMON = {...}`)."""
        found = self.target_of(model, expr)
        if found is None:
            return None
        owner, node = found
        value = assigned_value(node)
        return (owner, value) if value is not None else None

    def string(self, model: ModuleModel, expr: ast.expr, depth: int = 0) -> str | None:
        if depth > RESOLVE_DEPTH:
            return None
        if isinstance(expr, ast.Constant):
            return expr.value if isinstance(expr.value, str) else None
        if isinstance(expr, ast.Name):
            found = self.value_of(model, expr)
            return self.string(found[0], found[1], depth + 1) if found else None
        if isinstance(expr, ast.Attribute):
            # Key.SPARK.value, or Key.SPARK for a str-valued Enum
            member = expr.value if expr.attr == "value" else expr
            if isinstance(member, ast.Attribute):
                return self._enum_member(model, member, require_str=expr.attr != "value")
        return None

    def _enum_member(
        self, model: ModuleModel, expr: ast.Attribute, require_str: bool
    ) -> str | None:
        found = self.target_of(model, expr.value)
        if found is None:
            return None
        owner, cls = found
        if not isinstance(cls, ast.ClassDef):
            return None
        base_names = {base.id for base in cls.bases if isinstance(base, ast.Name)}
        base_names |= {base.attr for base in cls.bases if isinstance(base, ast.Attribute)}
        if not base_names & {"Enum", "StrEnum"}:
            return None
        if require_str and not base_names & {"str", "StrEnum"}:
            return None
        for stmt in cls.body:
            if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1:
                target = stmt.targets[0]
                if isinstance(target, ast.Name) and target.id == expr.attr:
                    value = stmt.value
                    if isinstance(value, ast.Constant) and isinstance(value.value, str):
                        return value.value
                    return None
        return None

    def strings(self, model: ModuleModel, expr: ast.expr, depth: int = 0) -> list[Item] | None:
        """A set/list/tuple of statically known strings, or None."""
        if depth > RESOLVE_DEPTH:
            return None
        if isinstance(expr, (ast.Set, ast.List, ast.Tuple)):
            items: list[Item] = []
            for element in expr.elts:
                if isinstance(element, ast.Starred):
                    inner = self.strings(model, element.value, depth + 1)
                    if inner is None:
                        return None
                    items.extend(inner)
                    continue
                value = self.string(model, element)
                if value is None:
                    return None
                items.append(Item(value, element, model))
            return items
        if isinstance(expr, ast.Name):
            found = self.value_of(model, expr)
            return self.strings(found[0], found[1], depth + 1) if found else None
        if isinstance(expr, ast.BinOp) and isinstance(expr.op, (ast.BitOr, ast.Add)):
            left = self.strings(model, expr.left, depth + 1)
            right = self.strings(model, expr.right, depth + 1)
            return left + right if left is not None and right is not None else None
        if isinstance(expr, ast.Call) and isinstance(expr.func, ast.Name):
            if expr.func.id in ("set", "frozenset", "list", "tuple") and not expr.keywords:
                if not expr.args:
                    return []
                if len(expr.args) == 1:
                    return self.strings(model, expr.args[0], depth + 1)
        return None

    def dict_items(self, model: ModuleModel, expr: ast.expr, depth: int = 0) -> list[Item] | None:
        """The entries of a dict whose keys are all statically known, or None."""
        if depth > RESOLVE_DEPTH:
            return None
        if isinstance(expr, ast.Dict):
            items: list[Item] = []
            for key, value in zip(expr.keys, expr.values):
                if key is None:  # {**other}
                    inner = self.dict_items(model, value, depth + 1)
                    if inner is None:
                        return None
                    items.extend(inner)
                    continue
                name = self.string(model, key)
                if name is None:
                    return None
                items.append(Item(name, key, model, value))
            return items
        if isinstance(expr, ast.Name):
            found = self.value_of(model, expr)
            return self.dict_items(found[0], found[1], depth + 1) if found else None
        if isinstance(expr, ast.BinOp) and isinstance(expr.op, ast.BitOr):
            left = self.dict_items(model, expr.left, depth + 1)
            right = self.dict_items(model, expr.right, depth + 1)
            return left + right if left is not None and right is not None else None
        if isinstance(expr, ast.Subscript):  # {**by_env["prod"], ...}: that entry's dict
            chosen = self.string(model, expr.slice)
            outer = self.dict_items(model, expr.value, depth + 1) if chosen is not None else None
            picked = [entry for entry in outer or [] if entry.key == chosen]
            if len(picked) != 1 or picked[0].value is None:
                return None
            return self.dict_items(picked[0].model, picked[0].value, depth + 1)
        if isinstance(expr, ast.Call) and _is_name(expr.func, "dict"):
            if model.imports.lookup("dict") is not None:
                return None  # someone's own `dict`
            items = []
            for arg in expr.args:
                inner = self.dict_items(model, arg, depth + 1)
                if inner is None:
                    return None
                items.extend(inner)
            for keyword in expr.keywords:
                if keyword.arg is None:
                    inner = self.dict_items(model, keyword.value, depth + 1)
                    if inner is None:
                        return None
                    items.extend(inner)
                else:
                    items.append(Item(keyword.arg, keyword, model, keyword.value))
            return items
        return None

    def dict_variants(
        self, model: ModuleModel, expr: ast.expr, depth: int = 0
    ) -> list[tuple[str | None, list[Item]]] | None:
        """Every dict an expression may evaluate to: resources picked by deployment
        (`by_env[env]`, `by_env.get(env)`) yield one variant per entry, labelled by its key."""
        if depth > RESOLVE_DEPTH:
            return None
        single = self.dict_items(model, expr, depth)
        if single is not None:
            return [(None, single)]
        table: ast.expr | None = None
        if isinstance(expr, ast.Subscript):
            table = expr.value
        elif (
            isinstance(expr, ast.Call)
            and isinstance(expr.func, ast.Attribute)
            and expr.func.attr == "get"
            and len(expr.args) in (1, 2)
            and not expr.keywords
            and not isinstance(expr.args[-1], ast.Starred)
        ):
            table = expr.func.value
        if isinstance(expr, ast.Name):
            found = self.value_of(model, expr)
            return self.dict_variants(found[0], found[1], depth + 1) if found else None
        if isinstance(expr, ast.IfExp):  # PROD_RESOURCES if is_prod else LOCAL_RESOURCES
            body = self.dict_variants(model, expr.body, depth + 1)
            orelse = self.dict_variants(model, expr.orelse, depth + 1)
            return body + orelse if body is not None and orelse is not None else None
        if isinstance(expr, ast.BinOp) and isinstance(expr.op, ast.BitOr):
            lefts = self.dict_variants(model, expr.left, depth + 1)
            rights = self.dict_variants(model, expr.right, depth + 1)
            if lefts is None or rights is None:
                return None
            return [
                (left_label or right_label, left + right)
                for left_label, left in lefts
                for right_label, right in rights
            ]
        if table is None:
            return None
        outer = self.dict_items(model, table, depth + 1)
        if outer is None:
            return None
        key: ast.expr | None = None
        if isinstance(expr, ast.Subscript):
            key = expr.slice
        elif isinstance(expr, ast.Call):
            key = expr.args[0]
        if key is not None and not isinstance(key, ast.Starred):
            chosen = self.string(model, key)
            if chosen is not None:  # by_env["prod"] / by_env.get("prod"): that one only
                outer = [entry for entry in outer if entry.key == chosen]
                if len(outer) != 1 or outer[0].value is None:
                    return None
                picked = outer[0]
                assert picked.value is not None
                inner_items = self.dict_items(picked.model, picked.value, depth + 1)
                return [(None, inner_items)] if inner_items is not None else None
        variants: list[tuple[str | None, list[Item]]] = []
        if isinstance(expr, ast.Call) and len(expr.args) == 2:  # by_env.get(env, LOCAL)
            fallback = self.dict_variants(model, expr.args[1], depth + 1)
            if fallback is None:
                return None
            variants.extend(fallback)
        for entry in outer:
            if entry.value is None:
                return None
            inner = self.dict_items(entry.model, entry.value, depth + 1)
            if inner is None:
                return None
            variants.append((entry.key, inner))
        return variants or None

    # -- decorators ------------------------------------------------------------------------

    def keywords(
        self, model: ModuleModel, decorated: DecoratedFunction
    ) -> tuple[dict[str, ast.expr], bool]:
        """Decorator keywords with `**COMMON` expanded; the flag is False if a splat was opaque."""
        cached = self._keywords.get(id(decorated))
        if cached is not None:
            return cached
        keywords: dict[str, ast.expr] = {}
        complete = True
        for splat in decorated.splats:
            items = self.dict_items(model, splat)
            if items is None:
                complete = False
                continue
            for item in items:
                if item.value is not None:
                    keywords[item.key] = item.value
        keywords.update(decorated.keywords)
        result = (keywords, complete)
        self._keywords[id(decorated)] = result
        return result

    # -- classes ---------------------------------------------------------------------------

    def class_ref(self, model: ModuleModel, expr: ast.expr, depth: int = 0) -> ClassRef | None:
        """What kind of class an expression names; None when it cannot be told."""
        if depth > RESOLVE_DEPTH:
            return None
        if isinstance(expr, ast.Subscript):  # ConfigurableResourceFactory[Client]
            expr = expr.value
        key = dotted(expr)
        if key is None:
            return None
        cache_key = (id(model), key)
        if cache_key in self._classes:
            return self._classes[cache_key]
        found = self._class_ref(model, expr, depth)
        self._classes[cache_key] = found
        return found

    def _class_ref(self, model: ModuleModel, expr: ast.expr, depth: int) -> ClassRef | None:
        role = model.imports.role(expr)
        if role is not None:
            kind = _ROLE_CLASS_KINDS.get(role)
            name = expr.id if isinstance(expr, ast.Name) else getattr(expr, "attr", role)
            return ClassRef(kind, name, None, model) if kind else None
        found = self.target_of(model, expr)
        if found is None:
            return None
        owner, cls = found
        if not isinstance(cls, ast.ClassDef):
            return None
        if not cls.bases:
            return ClassRef(OTHER_CLASS, cls.name, cls, owner)
        kinds = [self.class_ref(owner, base, depth + 1) for base in cls.bases]
        for wanted in (RESOURCE, PERMISSIVE_CONFIG, CONFIG):
            if any(ref is not None and ref.kind == wanted for ref in kinds):
                return ClassRef(wanted, cls.name, cls, owner)
        if all(ref is not None for ref in kinds):
            return ClassRef(OTHER_CLASS, cls.name, cls, owner)
        return None

    def class_members(self, ref: ClassRef, depth: int = 0) -> ClassMembers:
        """Fields (annotated names) and every other name a class body defines, with bases."""
        if ref.node is None:
            return ClassMembers({}, frozenset(), True)
        fields: dict[str, ast.AnnAssign] = {}
        members: set[str] = set()
        complete = depth <= RESOLVE_DEPTH
        for base in ref.node.bases:
            base_ref = self.class_ref(ref.model, base)
            if base_ref is None or not complete:
                complete = False
                continue
            inherited = self.class_members(base_ref, depth + 1)
            fields.update(inherited.fields)
            members |= inherited.members
            complete = complete and inherited.complete
        for stmt in ref.node.body:
            if isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name):
                fields[stmt.target.id] = stmt
            elif isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                members.add(stmt.name)
            elif isinstance(stmt, ast.Assign):
                for target in stmt.targets:
                    if isinstance(target, ast.Name):
                        members.add(target.id)
        return ClassMembers(fields, frozenset(members), complete)

    # -- binding sites -----------------------------------------------------------------------

    def entries(self, model: ModuleModel, expr: ast.expr, depth: int = 0) -> Iterator[Entry]:
        """The definitions an `assets=` / `jobs=` / repository list names; unknown parts skipped."""
        yield from self._entries(model, expr, frozenset(), depth)

    def _entries(
        self, model: ModuleModel, expr: ast.expr, bound: frozenset[str], depth: int
    ) -> Iterator[Entry]:
        if depth > RESOLVE_DEPTH:
            return
        if isinstance(expr, (ast.List, ast.Tuple, ast.Set)):
            for element in expr.elts:
                inner = element.value if isinstance(element, ast.Starred) else element
                yield from self._entries(model, inner, bound, depth + 1)
        elif isinstance(expr, ast.BinOp) and isinstance(expr.op, ast.Add):
            yield from self._entries(model, expr.left, bound, depth + 1)
            yield from self._entries(model, expr.right, bound, depth + 1)
        elif isinstance(expr, (ast.Name, ast.Attribute)):
            found = self.definition(model, expr)
            if found is not None:
                yield Entry(found[0], found[1], bound)
                return
            value = self.value_of(model, expr)
            if value is not None:
                yield from self._entries(value[0], value[1], bound, depth + 1)
        elif isinstance(expr, ast.Call):
            yield from self._call_entries(model, expr, bound, depth)

    def _call_entries(
        self, model: ModuleModel, call: ast.Call, bound: frozenset[str], depth: int
    ) -> Iterator[Entry]:
        role = model.imports.role(call.func)
        if role == WITH_RESOURCES:
            defs_expr = _argument(call, 1, WITH_RESOURCES_RESOURCES)
            items = self.dict_items(model, defs_expr) if defs_expr is not None else None
            listed = _argument(call, 0, WITH_RESOURCES_DEFINITIONS)
            if items is None or listed is None:
                return  # bound keys unknown: say nothing about these definitions
            keys = bound | {item.key for item in items}
            yield from self._entries(model, listed, keys, depth + 1)
        elif role == BIND_RESOURCES_TO_JOBS and call.args:
            yield from self._entries(model, call.args[0], bound, depth + 1)
        elif role in LOADERS:
            how, keyword, kinds = LOADERS[role]
            seen: set[int] = set()
            for module in self._loaded_modules(model, call, how, keyword):
                for decorated, owner in self.module_definitions(module, kinds):
                    if id(decorated.func) not in seen:
                        seen.add(id(decorated.func))
                        yield Entry(decorated, owner, bound)

    def _loaded_modules(
        self, model: ModuleModel, call: ast.Call, how: str, keyword: str | None
    ) -> list[ModuleModel]:
        """The modules a `load_assets_from_*` call reads; the unreadable ones are left out."""
        if how == "current" or keyword is None:
            return [model]
        argument = _argument(call, 0, keyword)
        if argument is None:
            return []
        if how == "package":
            package = self.module_ref(model, argument)
            return self._package_modules(package) if package is not None else []
        if isinstance(argument, ast.Name):  # ALL_MODULES = [orders, customers]
            found = self.value_of(model, argument)
            if found is None:
                return []
            model, argument = found
        if not isinstance(argument, (ast.List, ast.Tuple)):
            return []
        modules = [self.module_ref(model, element) for element in argument.elts]
        return [module for module in modules if module is not None]

    def _package_modules(self, package: ModuleModel) -> list[ModuleModel]:
        """A package and every module below it, as Dagster walks it (pkgutil: sub-packages
        need an `__init__.py`); a plain module stands for itself."""
        if os.path.basename(package.path) != "__init__.py":
            return [package]
        found = [package]
        for path in package_files(os.path.dirname(os.path.abspath(package.path))):
            other = self.index.model_for_path(path)
            if other is not None:
                found.append(other)
            if len(found) > _MAX_PACKAGE_MODULES:
                break
        return found

    def module_definitions(
        self, module: ModuleModel, kinds: frozenset[str]
    ) -> Iterator[tuple[DecoratedFunction, ModuleModel]]:
        """Definitions of some kinds a module holds as attributes: its own module-level ones
        and the ones it imports (`from .orders import orders` in a package's `__init__`)."""
        for decorated in module.functions:
            if decorated.module_level and decorated.kind in kinds:
                yield decorated, module
        for name in module.imports.imported_names():
            found = self.definition(module, ast.Name(id=name, ctx=ast.Load()))
            if found is not None and found[0].kind in kinds:
                yield found
        yield from self._star_definitions(module, kinds, 0)

    def _star_definitions(
        self, module: ModuleModel, kinds: frozenset[str], depth: int
    ) -> Iterator[tuple[DecoratedFunction, ModuleModel]]:
        """Definitions a module holds through `from .raw import *` (what Dagster's module
        scan sees as its attributes)."""
        if depth > RESOLVE_DEPTH:
            return
        for other, exported in self.star_modules(module):
            for decorated in other.functions:
                name = decorated.function_name
                if not decorated.module_level or decorated.kind not in kinds:
                    continue
                if (exported is None and not name.startswith("_")) or (
                    exported is not None and name in exported
                ):
                    yield decorated, other
            yield from self._star_definitions(other, kinds, depth + 1)


def _argument(call: ast.Call, position: int, name: str) -> ast.expr | None:
    for keyword in call.keywords:
        if keyword.arg == name:
            return keyword.value
    if len(call.args) > position and not any(isinstance(a, ast.Starred) for a in call.args):
        return call.args[position]
    return None


def _is_name(expr: ast.expr, name: str) -> bool:
    return isinstance(expr, ast.Name) and expr.id == name
