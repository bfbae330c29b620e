"""What a constant holds: the string, the strings or the dict entries a module-level name,
an Enum member or a display evaluates to, the resource dicts picked by deployment, and a
decorator's keywords with `**COMMON` splats expanded.

The second floor of the resolver (`resolve.Resolver`), on top of `resolve_names`.
"""

from __future__ import annotations

import ast

from dagwire.source_model.module import DecoratedFunction, ModuleModel
from dagwire.source_model.project import ProjectIndex
from dagwire.source_model.resolve_values import Scope, ValueResolver
from dagwire.vocabulary.limits import RESOLVE_DEPTH


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


# (label, entries): one dict an expression may evaluate to; the label names the deployment
# it was picked for (`by_env["prod"]`), None when there is only one.
Variant = tuple[str | None, list[Item]]


class ConstantResolver(ValueResolver):
    def __init__(self, index: ProjectIndex) -> None:
        super().__init__(index)
        self._keywords: dict[int, tuple[dict[str, ast.expr], bool]] = {}

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
        if isinstance(expr, ast.Call) and not _is_name(expr.func, "dict"):
            return self._returned_dict(model, expr, depth)
        if isinstance(expr, ast.Call):
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

    def _returned_dict(self, model: ModuleModel, call: ast.Call, depth: int) -> list[Item] | None:
        """The dict a project function returns (`resources=make_resources()`)."""
        values = self.values_of(Scope(model), call, depth + 1)
        if values is None or len(values) != 1 or values[0][1] is call:
            return None
        scope, value = values[0]
        return self.dict_items(scope.model, value, depth + 1)

    def dict_variants(
        self, model: ModuleModel, expr: ast.expr, depth: int = 0
    ) -> list[Variant] | None:
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
        variants: list[Variant] = []
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


def _is_name(expr: ast.expr, name: str) -> bool:
    return isinstance(expr, ast.Name) and expr.id == name
