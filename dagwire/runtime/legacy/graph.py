"""``@graph`` and ``GraphDefinition.to_job(resource_defs=...)``: a job body without bindings,
turned into jobs that bind their own resources (the legacy way to vary resources per job)."""

from __future__ import annotations

import inspect
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, overload

from dagwire.runtime import composition
from dagwire.runtime.config import RunConfig
from dagwire.runtime.config_mapping import ConfigMapping
from dagwire.runtime.errors import DagwireInvalidDefinitionError, DagwireInvalidInvocationError
from dagwire.runtime.ins_outs import GraphOut
from dagwire.runtime.job import JobDefinition

if TYPE_CHECKING:
    from dagwire.runtime.execution import ExecuteInProcessResult


class GraphDefinition:
    """Ops wired by a body function, not yet a job. Its parameters are the graph's inputs;
    what the body returns are its outputs (one, or a dict / tuple for ``out={...}``). Called
    in a ``@job`` or ``@graph`` body, it is inlined as the node ``<name>.<op>``."""

    def __init__(
        self,
        body: Callable[..., Any],
        name: str | None = None,
        description: str | None = None,
        out: Mapping[str, GraphOut] | GraphOut | None = None,
        config: ConfigMapping | None = None,
    ) -> None:
        self.name = name or body.__name__
        # @graph(config=<mapping>): what run config gives for this graph node
        self.config_mapping = config
        self.input_names: tuple[str, ...] = tuple(inspect.signature(body).parameters)
        self.description = description or inspect.getdoc(body)
        output_names = None if out is None or isinstance(out, GraphOut) else list(out)
        self.composed = composition.compose(
            f"graph '{self.name}'", body, self.input_names, output_names
        )
        self.nodes = self.composed.nodes

    def alias(self, name: str) -> GraphDefinition:
        clone = object.__new__(GraphDefinition)
        clone.__dict__.update(self.__dict__)
        clone.name = name
        return clone

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        active = composition.current()
        if active is None:
            raise DagwireInvalidInvocationError(
                f"graph '{self.name}' was called outside a @job or @graph body: run it with "
                f"{self.name}.execute_in_process() or {self.name}.to_job()"
            )
        return active.add_graph_call(self, args, kwargs)

    def to_job(
        self,
        name: str | None = None,
        description: str | None = None,
        resource_defs: Mapping[str, Any] | None = None,
        config: RunConfig | Mapping[str, Any] | ConfigMapping | None = None,
        tags: Mapping[str, str] | None = None,
    ) -> JobDefinition:
        if self.input_names:
            raise DagwireInvalidDefinitionError(
                f"Invalid definition of job '{name or self.name}':",
                [f"graph '{self.name}' has inputs ({', '.join(self.input_names)}): a job made "
                 "from a graph with inputs (input values from run config) is not supported"],
            )
        return JobDefinition(
            name=name or self.name,
            nodes=self.nodes,
            resource_defs=resource_defs,
            config=config if config is not None else self.config_mapping,
            description=description or self.description,
            tags=tags,
            graph_outputs=composition.top_level_outputs(self.composed),
            graph_configs=self.composed.graph_configs,
        )

    def execute_in_process(
        self,
        run_config: RunConfig | Mapping[str, Any] | None = None,
        resources: Mapping[str, Any] | None = None,
        raise_on_error: bool = True,
    ) -> "ExecuteInProcessResult":
        return self.to_job().execute_in_process(
            run_config=run_config, resources=resources, raise_on_error=raise_on_error
        )

    def __repr__(self) -> str:
        return f"GraphDefinition(name={self.name!r})"


@overload
def graph(fn: Callable[..., Any], /) -> GraphDefinition: ...


@overload
def graph(
    *,
    name: str | None = None,
    description: str | None = None,
    out: Mapping[str, GraphOut] | GraphOut | None = None,
    config: ConfigMapping | None = None,
) -> Callable[[Callable[..., Any]], GraphDefinition]: ...


def graph(
    fn: Callable[..., Any] | None = None,
    /,
    *,
    name: str | None = None,
    description: str | None = None,
    out: Mapping[str, GraphOut] | GraphOut | None = None,
    config: ConfigMapping | None = None,
) -> GraphDefinition | Callable[[Callable[..., Any]], GraphDefinition]:
    """Define a graph (bare or with arguments); ``.to_job(...)`` makes jobs of it, and a
    ``@job`` or ``@graph`` body may call it like an op."""

    def decorate(body: Callable[..., Any]) -> GraphDefinition:
        return GraphDefinition(body, name=name, description=description, out=out, config=config)

    if fn is not None:
        return decorate(fn)
    return decorate


__all__ = ["GraphDefinition", "graph"]
