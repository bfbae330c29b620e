"""``@op`` and OpDefinition."""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable, Mapping
from typing import Any, Generic, Protocol, overload

from typing_extensions import ParamSpec, TypeVar

from dagwire.runtime import composition
from dagwire.runtime.config import Config
from dagwire.runtime.config_mapping import ConfigMapping
from dagwire.runtime.errors import DagwireInvalidDefinitionError
from dagwire.runtime.ins_outs import In, Out
from dagwire.runtime.legacy.config_types import (
    BoolSource,
    Float,
    IntSource,
    LegacyField,
    StringSource,
)
from dagwire.runtime.invocation import invoke
from dagwire.runtime.parameters import ConfigSource, Parameters, ResourceRequirement, classify
from dagwire.runtime.unsupported import refuse

# the legacy config type a primitive `config: <type>` parameter stands for (Dagster's)
_PRIMITIVE_SOURCES: dict[type[Any], Any] = {
    str: StringSource, int: IntSource, bool: BoolSource, float: Float, list: [Any], dict: dict,
}

P = ParamSpec("P")
R = TypeVar("R")
# The class's own parameters have defaults, so that Dagster-style bare annotations
# (`def make() -> AssetsDefinition:`) pass `--strict`.
DefP = ParamSpec("DefP", default=...)
DefR = TypeVar("DefR", default=Any)


class FixedConfig:
    """The config an op was given with ``.configured(...)``."""

    def __init__(self, value: Any) -> None:
        self.value = value


class OpDefinition(Generic[DefP, DefR]):
    """An op: a compute function plus what it needs (config, resources, inputs).

    Calling it runs the function directly (``greet(config=...)``); inside a ``@job`` body it
    records a node instead.
    """

    def __init__(
        self,
        fn: Callable[DefP, DefR],
        *,
        name: str | None = None,
        description: str | None = None,
        required_resource_keys: Iterable[str] | None = None,
        config_schema: Any = None,
        tags: Mapping[str, str] | None = None,
        code_version: str | None = None,
        ins: Mapping[str, In] | None = None,
        out: Out | Mapping[str, Out] | None = None,
    ) -> None:
        self.fn: Callable[..., Any] = fn
        self.name = name or fn.__name__
        self.description = description or inspect.getdoc(fn)
        self.tags = dict(tags or {})
        self.code_version = code_version
        self.signature = inspect.signature(fn)
        self.parameters: Parameters = classify(
            fn,
            owner=f"op '{self.name}'",
            role="compute",
            required_resource_keys=required_resource_keys,
            config_schema=config_schema,
            signature=self.signature,
        )
        self.resource_defs: dict[str, Any] = {}
        self.fixed_config: FixedConfig | None = None  # set by .configured()
        self.config_mapping: ConfigMapping | None = None  # set by .configured(function)
        self.ins: dict[str, In] = dict(ins or {})
        # output name -> Out; a single output is named "result" (Dagster's default)
        self.outs: dict[str, Out] = (
            {"result": out or Out()} if out is None or isinstance(out, Out) else dict(out)
        )
        problems = [
            f"ins= names '{param}', which is not an input parameter"
            for param in self.ins
            if param not in self.parameters.inputs
        ]
        if not self.outs:
            problems.append("out= is empty")
        if problems:
            raise DagwireInvalidDefinitionError(f"Invalid definition of op '{self.name}':", problems)
        # In(default_value=...): the value used when the input is not connected
        self.input_defaults: dict[str, Any] = {
            param: spec.default_value for param, spec in self.ins.items() if spec.has_default_value
        }
        self.__doc__ = fn.__doc__
        self.__wrapped__ = fn

    @property
    def resource_requirements(self) -> tuple[ResourceRequirement, ...]:
        return self.parameters.requirements

    @property
    def required_resource_keys(self) -> frozenset[str]:
        return frozenset(r.key for r in self.parameters.requirements)

    @property
    def config_source(self) -> ConfigSource | None:
        """What run config gives this op: its own config, or a mapping's outer config."""
        if self.config_mapping is not None:
            return self.config_mapping.outer
        return self.parameters.config

    @property
    def config_field(self) -> LegacyField | None:
        """The op's config in the legacy config system's terms (Dagster's ``config_field``):
        ``config_schema=``, or a primitive ``config: str`` as its ``StringSource`` (etc.)."""
        source = self.parameters.config
        if source is None or source.kind == "class":
            return None
        if source.kind == "schema":
            field: LegacyField = source.schema
            return field
        return LegacyField(_PRIMITIVE_SOURCES[source.config_class])

    @property
    def optional_inputs(self) -> frozenset[str]:
        return self.parameters.optional_inputs | frozenset(self.input_defaults)

    @property
    def io_manager_keys(self) -> list[str]:
        keys: list[str] = []
        for out in self.outs.values():
            if out.io_manager_key not in keys:
                keys.append(out.io_manager_key)
        return keys

    def describe(self) -> str:
        return f"op '{self.name}'"

    def configured(
        self,
        config_or_config_fn: Any,
        name: str,
        config_schema: Any = None,
        description: str | None = None,
    ) -> OpDefinition[DefP, DefR]:
        """A copy named ``name`` whose config is ``config_or_config_fn``: the config itself (a
        dict or a Config instance; it then takes no run config), or a function from an outer
        config (its Config-annotated parameter, or ``config_schema``) to this op's config."""
        if self.parameters.config is None:
            raise DagwireInvalidDefinitionError(
                f"Invalid definition of op '{name}':",
                ["it takes no config: there is nothing to configure"],
            )
        clone = self.alias(name)
        if callable(config_or_config_fn) and not isinstance(config_or_config_fn, Config):
            clone.config_mapping = ConfigMapping(config_or_config_fn, config_schema)
        else:
            clone.fixed_config = FixedConfig(config_or_config_fn)
        clone.description = description or self.description
        return clone

    def alias(self, name: str) -> OpDefinition[DefP, DefR]:
        clone: OpDefinition[DefP, DefR] = object.__new__(OpDefinition)
        clone.__dict__.update(self.__dict__)
        clone.name = name
        return clone

    def __call__(self, *args: DefP.args, **kwargs: DefP.kwargs) -> DefR:
        active = composition.current()
        if active is not None:
            # Inside a @job body: record the call; the result stands for the op's output.
            recorded: Any = active.add_op_call(self, args, dict(kwargs))
            return recorded  # type: ignore[no-any-return]
        result: DefR = invoke(self, "op", args, kwargs)
        return result

    def __repr__(self) -> str:
        return f"OpDefinition(name={self.name!r})"


class OpDecorator(Protocol):
    """What ``op(...)`` with arguments returns."""

    def __call__(self, fn: Callable[P, R], /) -> OpDefinition[P, R]: ...


@overload
def op(fn: Callable[P, R], /) -> OpDefinition[P, R]: ...


@overload
def op(
    *,
    name: str | None = None,
    description: str | None = None,
    required_resource_keys: Iterable[str] | None = None,
    config_schema: Any = None,
    tags: Mapping[str, str] | None = None,
    code_version: str | None = None,
    ins: Mapping[str, In] | None = None,
    out: Out | Mapping[str, Out] | None = None,
    version: str | None = None,
    pool: str | None = None,
    retry_policy: Any = None,
) -> OpDecorator: ...


def op(
    fn: Callable[..., Any] | None = None,
    /,
    *,
    name: str | None = None,
    description: str | None = None,
    required_resource_keys: Iterable[str] | None = None,
    config_schema: Any = None,
    tags: Mapping[str, str] | None = None,
    code_version: str | None = None,
    ins: Mapping[str, In] | None = None,
    out: Out | Mapping[str, Out] | None = None,
    version: str | None = None,
    pool: str | None = None,
    retry_policy: Any = None,
) -> OpDefinition[..., Any] | OpDecorator:
    """Define an op. Bare (``@op``) or with arguments (``@op(name=...)``)."""

    def decorate(function: Callable[P, R]) -> OpDefinition[P, R]:
        refuse(f"op '{name or function.__name__}'", retry_policy=retry_policy)
        return OpDefinition(
            function,
            name=name,
            description=description,
            required_resource_keys=required_resource_keys,
            config_schema=config_schema,
            tags=tags,
            code_version=code_version or version,
            ins=ins,
            out=out,
        )

    if fn is not None:
        return decorate(fn)
    return decorate


__all__ = ["OpDecorator", "OpDefinition", "op"]
