"""What a decorated definition declares and requires: its parameters (context, config,
resources by annotation), the keys its decorator declares (`required_resource_keys=`,
`resource_defs=`, `config_schema=`), the IO and input managers its outputs and inputs name,
and from those the resource keys it needs from where it is bound.

The fourth floor of the resolver (`resolve.Resolver`), on top of `resolve_classes`. Answers
are cached per definition for as long as the resolver lives (one file check, or one catalog).
"""

from __future__ import annotations

import ast

from dagwire.source_model.module import DecoratedFunction, FunctionNode, ModuleModel
from dagwire.source_model.project import ProjectIndex
from dagwire.source_model.resolve_classes import RESOURCE, ClassRef, ClassResolver
from dagwire.source_model.resolve_constants import Item
from dagwire.vocabulary.calls import (
    CONFIG_PARAM,
    CONFIG_SCHEMA,
    CONTEXT_PARAM_NAMES,
    IMPLICIT_RESOURCE_KEYS,
    IO_MANAGER_KEY,
    MANAGER_HOLDER_KEYWORDS,
    MANAGER_KEY_KEYWORDS,
    REQUIRED_RESOURCE_KEYS,
    RESOURCE_DEFS,
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


def arguments_of(func: FunctionNode) -> list[ast.arg]:
    """A function's named parameters, in order (`*args` and `**kwargs` left out)."""
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


class RequirementResolver(ClassResolver):
    def __init__(self, index: ProjectIndex) -> None:
        super().__init__(index)
        self._parameters: dict[int, Parameters] = {}
        self._declared: dict[int, Declared] = {}

    def is_resource_annotation(self, model: ModuleModel, annotation: ast.expr) -> bool:
        if isinstance(annotation, ast.Subscript):
            if model.imports.role(annotation.value) == RESOURCE_PARAM:
                return True
        ref = self.class_ref(model, annotation)
        return ref is not None and ref.kind == RESOURCE

    def parameters(self, model: ModuleModel, decorated: DecoratedFunction) -> Parameters:
        cached = self._parameters.get(id(decorated))
        if cached is None:
            cached = self._read_parameters(model, decorated)
            self._parameters[id(decorated)] = cached
        return cached

    def _read_parameters(self, model: ModuleModel, decorated: DecoratedFunction) -> Parameters:
        args = arguments_of(decorated.func)
        annotated: dict[str, tuple[ast.expr, ClassRef | None]] = {}
        resources: dict[str, ast.arg] = {}
        context: str | None = None
        for index, arg in enumerate(args):
            if arg.annotation is not None:
                annotation = unquoted(arg.annotation)
                ref = self.class_ref(model, annotation)
                annotated[arg.arg] = (annotation, ref)
                if model.imports.role(annotation) in CONTEXT_TYPES and context is None:
                    context = arg.arg
                    continue
                if arg.arg != CONFIG_PARAM and self.is_resource_annotation(model, annotation):
                    # (`config` always receives config, whatever its annotation: see RSC104)
                    if ref is None or not ref.refused:  # refused (RSC104): fails to load anyway
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

    def declared(self, model: ModuleModel, decorated: DecoratedFunction) -> Declared:
        cached = self._declared.get(id(decorated))
        if cached is None:
            keywords, complete = self.keywords(model, decorated)
            cached = Declared(
                required_resource_keys=self._declared_strings(
                    model, keywords, REQUIRED_RESOURCE_KEYS
                ),
                resource_defs=self._declared_dict_keys(model, keywords, RESOURCE_DEFS),
                config_schema=self._declared_dict_keys(model, keywords, CONFIG_SCHEMA),
                complete=complete,
            )
            self._declared[id(decorated)] = cached
        return cached

    def _declared_strings(
        self, model: ModuleModel, keywords: dict[str, ast.expr], name: str
    ) -> list[Item] | None:
        """Keys of `required_resource_keys=`: [] when absent, None when not static."""
        expr = keywords.get(name)
        if expr is None:
            return []
        return self.strings(model, expr)

    def _declared_dict_keys(
        self, model: ModuleModel, keywords: dict[str, ast.expr], name: str
    ) -> list[Item] | None:
        """Keys of `resource_defs=` / `config_schema=`: [] when absent, None when not static."""
        expr = keywords.get(name)
        if expr is None:
            return []
        return self.dict_items(model, expr)

    def display_name(self, model: ModuleModel, decorated: DecoratedFunction) -> str:
        """The name Dagster gives a definition: its decorator's `name=`, else the function's."""
        keywords, _ = self.keywords(model, decorated)
        name = keywords.get("name")
        if isinstance(name, ast.NamedExpr):  # name=(asset_name := "orders")
            name = name.value
        if isinstance(name, ast.Constant) and isinstance(name.value, str):
            return name.value
        return decorated.function_name

    # Dagster gives a step the managers of its outputs and inputs, so
    # `context.resources.<manager key>` is declared, and a binding site must bind them.
    def manager_keys(
        self,
        model: ModuleModel,
        keywords: dict[str, ast.expr],
        kinds: tuple[str, ...] = MANAGER_KEY_KEYWORDS,
    ) -> set[str] | None:
        """`io_manager_key=` / `Out(io_manager_key=...)` / `AssetIn(input_manager_key=...)` keys
        of a decorator (only the keywords in `kinds`); None when an output or input is not
        written out (`outs=OUTS_BUILT_AT_RUN`)."""
        keys: set[str] = set()
        direct = keywords.get(IO_MANAGER_KEY)
        if direct is not None:
            key = self.string(model, direct)
            if key is None:
                return None
            keys.add(key)
        for name in MANAGER_HOLDER_KEYWORDS:
            expr = keywords.get(name)
            if expr is not None and not self._collect_managers(model, expr, keys, kinds, 0):
                return None
        specs = keywords.get("specs")
        if specs is not None:
            for node in ast.walk(specs):  # AssetSpec(...).with_io_manager_key("x")
                if (
                    isinstance(node, ast.Call)
                    and isinstance(node.func, ast.Attribute)
                    and node.func.attr == WITH_IO_MANAGER_KEY
                ):
                    key = self.string(model, node.args[0]) if node.args else None
                    if key is None:
                        return None
                    keys.add(key)
        return keys

    def _collect_managers(
        self, model: ModuleModel, expr: ast.expr, keys: set[str], kinds: tuple[str, ...],
        depth: int,
    ) -> bool:
        if depth > RESOLVE_DEPTH:
            return False
        if isinstance(expr, ast.Dict):
            for key, value in zip(expr.keys, expr.values):
                if key is None or not self._collect_managers(model, value, keys, kinds, depth + 1):
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
                if keyword.arg in kinds:
                    manager = self.string(model, keyword.value)
                    if manager is None:
                        return False
                    keys.add(manager)
            return True
        if isinstance(expr, ast.Name):
            found = self.value_of(model, expr)
            return found is not None and self._collect_managers(
                found[0], found[1], keys, kinds, depth + 1
            )
        return False

    def required_keys(self, model: ModuleModel, decorated: DecoratedFunction) -> set[str] | None:
        """Keys a compute definition surely needs from outside; None when unsure."""
        declared = self.declared(model, decorated)
        if not declared.complete or declared.resource_defs is None:
            return None
        keys = {item.key for item in declared.required_resource_keys or []}
        keys |= set(self.parameters(model, decorated).resources)
        # IO / input managers named by the outputs and inputs: Dagster refuses to load
        # definitions that do not bind them (unknown managers are left out)
        keywords, _ = self.keywords(model, decorated)
        keys |= self.manager_keys(model, keywords) or set()
        keys -= {item.key for item in declared.resource_defs}
        return keys - IMPLICIT_RESOURCE_KEYS
