"""``@graph`` and ``GraphDefinition.to_job(resource_defs=...)``: a job body without bindings,
turned into jobs that bind their own resources (the legacy way to vary resources per job)."""

from __future__ import annotations

import inspect
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, overload

from dagwire.runtime import composition
from dagwire.runtime.config import RunConfig
from dagwire.runtime.errors import DagwireInvalidDefinitionError
from dagwire.runtime.job import JobDefinition

if TYPE_CHECKING:
    from dagwire.runtime.execution import ExecuteInProcessResult


class GraphDefinition:
    """Ops wired by a body function, not yet a job."""

    def __init__(self, body: Callable[[], Any], name: str | None = None,
                 description: str | None = None) -> None:
        self.name = name or body.__name__
        if inspect.signature(body).parameters:
            raise DagwireInvalidDefinitionError(
                f"Invalid definition of graph '{self.name}':",
                ["graph inputs are not supported: the body must take no parameters"],
            )
        self.description = description or inspect.getdoc(body)
        self.nodes = composition.compose(self.name, body)

    def to_job(
        self,
        name: str | None = None,
        description: str | None = None,
        resource_defs: Mapping[str, Any] | None = None,
        config: RunConfig | Mapping[str, Any] | None = None,
        tags: Mapping[str, str] | None = None,
    ) -> JobDefinition:
        return JobDefinition(
            name=name or self.name,
            nodes=self.nodes,
            resource_defs=resource_defs,
            config=config,
            description=description or self.description,
            tags=tags,
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
def graph(fn: Callable[[], Any], /) -> GraphDefinition: ...


@overload
def graph(
    *, name: str | None = None, description: str | None = None
) -> Callable[[Callable[[], Any]], GraphDefinition]: ...


def graph(
    fn: Callable[[], Any] | None = None,
    /,
    *,
    name: str | None = None,
    description: str | None = None,
) -> GraphDefinition | Callable[[Callable[[], Any]], GraphDefinition]:
    """Define a graph (bare or with arguments); ``.to_job(...)`` makes jobs of it."""

    def decorate(body: Callable[[], Any]) -> GraphDefinition:
        return GraphDefinition(body, name=name, description=description)

    if fn is not None:
        return decorate(fn)
    return decorate


__all__ = ["GraphDefinition", "graph"]
