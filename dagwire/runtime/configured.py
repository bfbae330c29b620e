"""``@configured``: a new op or resource whose config is computed from a simpler one.

``@configured(greet)`` on ``def simple(config: SimpleConfig) -> dict`` makes an op named
``simple`` that takes ``SimpleConfig`` as run config and runs ``greet`` with the config the
function returns. On a resource (a ConfigurableResource class, or a ``@resource`` function)
it makes a resource definition the same way; the function may also return the resource
itself. ``.configured({...})`` on the result fixes its outer config.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from dagwire.runtime.config_mapping import ConfigMapping, outer_source
from dagwire.runtime.context import InitResourceContext
from dagwire.runtime.errors import DagwireInvalidDefinitionError
from dagwire.runtime.legacy.resource_defs import LegacyResourceDefinition
from dagwire.runtime.op import OpDefinition
from dagwire.runtime.resources import ConfigurableResource


def configured(
    configurable: Any, config_schema: Any = None, **kwargs: Any
) -> Callable[[Callable[[Any], Any]], Any]:
    """``@configured(target)``: the decorated function maps an outer config (its parameter's
    Config annotation, or ``config_schema``) to ``target``'s config."""

    def decorate(fn: Callable[[Any], Any]) -> Any:
        name = str(kwargs.get("name") or fn.__name__)
        if isinstance(configurable, OpDefinition):
            return configurable.configured(fn, name=name, config_schema=config_schema)
        if isinstance(configurable, LegacyResourceDefinition):
            owner = f"resource '{name}'"
            outer = outer_source(fn, config_schema, owner)
            if outer is not None and outer.kind == "class":
                mapping = ConfigMapping(fn)
                return configurable.configured(lambda raw: mapping.resolve(raw, owner))
            return configurable.configured(fn, config_schema=config_schema)
        if isinstance(configurable, type) and issubclass(configurable, ConfigurableResource):
            return _configured_resource(configurable, fn, name, config_schema)
        raise DagwireInvalidDefinitionError(
            f"Invalid definition of '{name}':",
            [f"@configured takes an op, a ConfigurableResource class or a @resource "
             f"function, got {type(configurable).__name__}"],
        )

    return decorate


def _configured_resource(
    resource_class: type[ConfigurableResource], fn: Callable[[Any], Any], name: str,
    config_schema: Any,
) -> LegacyResourceDefinition:
    mapping = ConfigMapping(fn, config_schema)

    def build(context: InitResourceContext) -> Any:
        inner = mapping.resolve(context.resource_config, f"resource '{name}'")
        if isinstance(inner, ConfigurableResource):
            return inner  # set up like any configurable resource when the run starts
        return resource_class(**inner)

    build.__name__ = name
    definition = LegacyResourceDefinition(build)
    definition.name = name
    return definition


__all__ = ["configured"]
