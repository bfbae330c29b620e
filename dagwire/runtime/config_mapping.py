"""Config mappings: a function from a simpler config to the config a job, graph, op or
resource really takes (``@config_mapping``, ``@configured``).

The outer config is a Config class (the function's parameter annotation) or a legacy
``config_schema``; run config gives it, and the function's result (a dict, a Config object, a
``RunConfig``) is the inner config, checked as that would be.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any, overload

from dagwire.runtime.config import Config, RunConfig
from dagwire.runtime.config_validation import validate_config
from dagwire.runtime.errors import DagwireInvalidConfigError, DagwireInvalidDefinitionError
from dagwire.runtime.legacy.config_types import NO_VALUE, LegacyConfigError, format_path
from dagwire.runtime.legacy.op_config import compile_schema
from dagwire.runtime.parameters import ConfigSource


def outer_source(fn: Callable[..., Any], config_schema: Any, owner: str) -> ConfigSource | None:
    """The outer config of a mapping function: its parameter's Config annotation, or
    ``config_schema``; checked as Dagster checks them."""
    parameters = list(inspect.signature(fn).parameters.values())
    problems: list[str] = []
    if len(parameters) != 1:
        problems.append("a config mapping function should have exactly one parameter (the "
                        f"outer config), it has {len(parameters)}")
    annotation = parameters[0].annotation if parameters else inspect.Parameter.empty
    if isinstance(annotation, str):
        annotation = fn.__globals__.get(annotation, annotation)
    is_class = isinstance(annotation, type) and issubclass(annotation, Config)
    if is_class and config_schema is not None:
        problems.append("its parameter is annotated with a Config class: the outer config is "
                        "that class, so config_schema= is not needed (remove it)")
    if problems:
        raise DagwireInvalidDefinitionError(f"Invalid definition of {owner}:", problems)
    if is_class:
        return ConfigSource(kind="class", config_class=annotation, param=parameters[0].name)
    if config_schema is not None:
        return ConfigSource(kind="schema", schema=compile_schema(config_schema, owner))
    return None


class ConfigMapping:
    """``@config_mapping``: what a job or graph with ``config=<this>`` takes as run config
    (the outer config), and how that becomes its real config (``resolve``)."""

    def __init__(self, fn: Callable[[Any], Any], config_schema: Any = None) -> None:
        self.fn = fn
        self.name = fn.__name__
        self.outer = outer_source(fn, config_schema, f"config mapping '{self.name}'")

    def outer_value(self, data: Any, owner: str) -> Any:
        """The outer config from what run config gave (a dict, a Config object, None)."""
        if self.outer is None:
            return data
        if self.outer.kind == "class":
            return validate_config(self.outer.config_class, data, owner)
        try:
            return self.outer.schema.validate(NO_VALUE if data is None else data)
        except LegacyConfigError as error:
            raise DagwireInvalidConfigError(
                f"Invalid config for {owner}:",
                [f"{format_path(p.path)}: {p.message}" for p in error.problems],
            ) from None

    def resolve(self, data: Any, owner: str) -> Any:
        """The inner config (a dict, or a Config / RunConfig object as the function gave it)."""
        return self.fn(self.outer_value(data, owner))

    def __call__(self, config: Any) -> Any:
        return self.fn(config)

    def __repr__(self) -> str:
        return f"ConfigMapping({self.name!r})"


@overload
def config_mapping(fn: Callable[[Any], Any], /) -> ConfigMapping: ...


@overload
def config_mapping(*, config_schema: Any = None) -> Callable[[Callable[[Any], Any]], ConfigMapping]: ...


def config_mapping(
    fn: Callable[[Any], Any] | None = None, /, *, config_schema: Any = None
) -> ConfigMapping | Callable[[Callable[[Any], Any]], ConfigMapping]:
    """A config mapping (``@job(config=...)``, ``@graph(config=...)``): the function's
    parameter (a Config class) or ``config_schema`` is what run config then gives."""
    if fn is not None:
        return ConfigMapping(fn)

    def decorate(function: Callable[[Any], Any]) -> ConfigMapping:
        return ConfigMapping(function, config_schema)

    return decorate


def run_config_dict(value: Any) -> Any:
    """Run config as a plain dict (a RunConfig's ``to_config_dict``), anything else as it is."""
    return value.to_config_dict() if isinstance(value, RunConfig) else value


__all__ = ["ConfigMapping", "config_mapping", "outer_source", "run_config_dict"]
