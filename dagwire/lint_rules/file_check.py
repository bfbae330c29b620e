"""Per-file state shared by the rules: the module model, the resolver and per-function facts."""

from __future__ import annotations

import ast

from dagwire.lint_rules.functions import (
    ContextUse,
    Parameters,
    context_use,
    declared_dict_keys,
    declared_strings,
    manager_keys,
    parameters,
)
from dagwire.source_model.module import DecoratedFunction, ModuleModel
from dagwire.source_model.resolve import Item, Resolver
from dagwire.vocabulary.calls import (
    CONFIG_SCHEMA,
    IMPLICIT_RESOURCE_KEYS,
    REQUIRED_RESOURCE_KEYS,
    RESOURCE_DEFS,
)
from dagwire.vocabulary.names import COMPUTE_KINDS


class Finding(tuple[int, int, str]):
    """(line, col, message): a tuple, so findings sort by position and deduplicate."""

    __slots__ = ()

    def __new__(cls, line: int, col: int, message: str) -> Finding:
        return tuple.__new__(cls, (line, col, message))

    @property
    def line(self) -> int:
        return self[0]

    @property
    def col(self) -> int:
        return self[1]

    @property
    def message(self) -> str:
        """Starts with the code: "RSC101 ..."."""
        return self[2]

    @property
    def code(self) -> str:
        return self[2].split(" ", 1)[0]


def finding(node: ast.AST, message: str) -> Finding:
    return Finding(getattr(node, "lineno", 1), getattr(node, "col_offset", 0), message)


class Declared:
    """What a definition declares through its decorator; None parts are not statically known."""

    __slots__ = ("required_resource_keys", "resource_defs", "config_schema", "complete")

    def __init__(
        self,
        required_resource_keys: list[Item] | None,
        resource_defs: list[Item] | None,
        config_schema: list[Item] | None,
        complete: bool,
    ) -> None:
        self.required_resource_keys = required_resource_keys
        self.resource_defs = resource_defs
        self.config_schema = config_schema
        self.complete = complete  # no opaque `**kwargs` in the decorator


class FileCheck:
    def __init__(self, model: ModuleModel, resolver: Resolver) -> None:
        self.model = model
        self.resolver = resolver
        self._params: dict[int, Parameters] = {}
        self._uses: dict[int, ContextUse | None] = {}
        self._declared: dict[int, Declared] = {}

    def compute_functions(self) -> list[DecoratedFunction]:
        return [fn for fn in self.model.functions if fn.kind in COMPUTE_KINDS]

    def parameters(self, fn: DecoratedFunction, model: ModuleModel | None = None) -> Parameters:
        cached = self._params.get(id(fn))
        if cached is None:
            cached = parameters(self.resolver, model or self.model, fn)
            self._params[id(fn)] = cached
        return cached

    def context_use(self, fn: DecoratedFunction) -> ContextUse | None:
        if id(fn) not in self._uses:
            context = self.parameters(fn).context
            self._uses[id(fn)] = context_use(self.model, fn, context) if context else None
        return self._uses[id(fn)]

    def declared(self, fn: DecoratedFunction, model: ModuleModel | None = None) -> Declared:
        cached = self._declared.get(id(fn))
        if cached is None:
            owner = model or self.model
            keywords, complete = self.resolver.keywords(owner, fn)
            cached = Declared(
                required_resource_keys=declared_strings(
                    self.resolver, owner, keywords, REQUIRED_RESOURCE_KEYS
                ),
                resource_defs=declared_dict_keys(self.resolver, owner, keywords, RESOURCE_DEFS),
                config_schema=declared_dict_keys(self.resolver, owner, keywords, CONFIG_SCHEMA),
                complete=complete,
            )
            self._declared[id(fn)] = cached
        return cached

    def display_name(self, fn: DecoratedFunction, model: ModuleModel | None = None) -> str:
        keywords, _ = self.resolver.keywords(model or self.model, fn)
        name = keywords.get("name")
        if isinstance(name, ast.NamedExpr):  # name=(asset_name := "orders")
            name = name.value
        if isinstance(name, ast.Constant) and isinstance(name.value, str):
            return name.value
        return fn.function_name

    def required_keys(self, fn: DecoratedFunction, model: ModuleModel) -> set[str] | None:
        """Keys a compute definition surely needs from outside; None when unsure."""
        declared = self.declared(fn, model)
        if not declared.complete or declared.resource_defs is None:
            return None
        keys = {item.key for item in declared.required_resource_keys or []}
        keys |= set(self.parameters(fn, model).resources)
        # IO / input managers named by the outputs and inputs: Dagster refuses to load
        # definitions that do not bind them (unknown managers are left out)
        keywords, _ = self.resolver.keywords(model, fn)
        keys |= manager_keys(self.resolver, model, keywords) or set()
        keys -= {item.key for item in declared.resource_defs}
        return keys - IMPLICIT_RESOURCE_KEYS
