"""``@job`` (composed from op calls), ``define_asset_job`` and JobDefinition."""

from __future__ import annotations

import inspect
from collections.abc import Callable, Mapping, Sequence
from typing import Any, overload

from dagwire.runtime import composition
from dagwire.runtime.asset import AssetKey, AssetsDefinition
from dagwire.runtime.asset_check import AssetChecksDefinition
from dagwire.runtime.asset_spec import AssetSpec
from dagwire.runtime.asset_selection import AssetSelection
from dagwire.runtime.composition import Node, NodeOutput
from dagwire.runtime.config import RunConfig
from dagwire.runtime.config_mapping import ConfigMapping
from dagwire.runtime.errors import DagwireInvalidDefinitionError
from dagwire.runtime.execution import ExecuteInProcessResult, execute_job
from dagwire.runtime.partitions import PartitionsDefinition
from dagwire.runtime.unsupported import refuse

SelectionLike = (
    AssetSelection | Sequence["str | AssetKey | AssetsDefinition[Any, Any]"] | str | None
)


class JobDefinition:
    """A job: op nodes wired by a ``@job`` body, or a selection of assets
    (``define_asset_job``, resolved by Definitions).

    ``resource_defs`` are the job's own bindings; ``bound_resources`` are what Definitions
    bound to it (``get_job_def``).
    """

    def __init__(
        self,
        *,
        name: str,
        nodes: Mapping[str, Node] | None = None,
        assets: Sequence[AssetsDefinition[Any, Any] | AssetSpec] | None = None,
        asset_selection: Sequence[AssetKey] | None = None,
        asset_checks: Sequence[AssetChecksDefinition[Any, Any]] = (),
        partitions_def: PartitionsDefinition | None = None,
        resource_defs: Mapping[str, Any] | None = None,
        config: RunConfig | Mapping[str, Any] | ConfigMapping | None = None,
        description: str | None = None,
        tags: Mapping[str, str] | None = None,
        graph_outputs: Mapping[str, Mapping[str, NodeOutput]] | None = None,
        graph_configs: Mapping[str, ConfigMapping] | None = None,
    ) -> None:
        self.name = name
        # graph node handle -> the graph's config mapping (run config gives its outer config)
        self.graph_configs: dict[str, ConfigMapping] = dict(graph_configs or {})
        self.nodes: dict[str, Node] = dict(nodes or {})
        # graph node handle -> output name -> the op output it stands for
        self.graph_outputs: dict[str, dict[str, NodeOutput]] = {
            handle: dict(outputs) for handle, outputs in (graph_outputs or {}).items()
        }
        self.assets: tuple[AssetsDefinition[Any, Any] | AssetSpec, ...] = tuple(assets or ())
        self.asset_checks: tuple[AssetChecksDefinition[Any, Any], ...] = tuple(asset_checks)
        self.partitions_def = partitions_def
        self.asset_selection: tuple[AssetKey, ...] | None = (
            None if asset_selection is None else tuple(asset_selection)
        )
        self.resource_defs: dict[str, Any] = dict(resource_defs or {})
        self.config = config
        self.description = description
        self.tags = dict(tags or {})
        self.bound_resources: dict[str, Any] = {}
        self.function: Callable[..., Any] | None = None  # the @job body, when there is one

    @property
    def is_asset_job(self) -> bool:
        return not self.nodes and bool(self.assets)

    def describe(self) -> str:
        return f"job '{self.name}'"

    def with_bound_resources(self, resources: Mapping[str, Any]) -> JobDefinition:
        """A copy that also uses ``resources`` (top-level bindings; its own ones win)."""
        clone = object.__new__(JobDefinition)
        clone.__dict__.update(self.__dict__)
        clone.bound_resources = dict(resources)
        return clone

    def all_resources(self, extra: Mapping[str, Any] | None = None) -> dict[str, Any]:
        return {**self.bound_resources, **self.resource_defs, **dict(extra or {})}

    def execute_in_process(
        self,
        run_config: RunConfig | Mapping[str, Any] | None = None,
        resources: Mapping[str, Any] | None = None,
        raise_on_error: bool = True,
        run_id: str | None = None,
        tags: Mapping[str, str] | None = None,
        op_selection: Sequence[str] | None = None,
        partition_key: str | None = None,
        asset_selection: Sequence[Any] | None = None,
    ) -> ExecuteInProcessResult:
        """Run the job in this process. ``resources`` add to (and override) the bound ones."""
        refuse(f"a run of job '{self.name}'", op_selection=op_selection,
               asset_selection=asset_selection)
        job = self if not tags else self._with_tags(tags)
        if isinstance(self.config, ConfigMapping):
            # @job(config=<mapping>): run config gives the mapping's outer config
            run_config = self.config.resolve(run_config, self.describe())
        elif run_config is None:
            run_config = self.config
        return execute_job(
            job,
            run_config=run_config,
            resources=resources,
            raise_on_error=raise_on_error,
            run_id=run_id,
            partition_key=partition_key,
        )

    def _with_tags(self, tags: Mapping[str, str]) -> JobDefinition:
        clone = object.__new__(JobDefinition)
        clone.__dict__.update(self.__dict__)
        clone.tags = {**self.tags, **tags}
        return clone

    def __repr__(self) -> str:
        return f"JobDefinition(name={self.name!r})"


class UnresolvedAssetJobDefinition:
    """``define_asset_job(...)``: a job over assets, resolved when Definitions loads."""

    def __init__(
        self,
        name: str,
        selection: SelectionLike,
        config: RunConfig | Mapping[str, Any] | ConfigMapping | None,
        description: str | None,
        tags: Mapping[str, str] | None,
        partitions_def: PartitionsDefinition | None = None,
    ) -> None:
        self.name = name
        self.selection = selection
        self.config = config
        self.description = description
        self.tags = dict(tags or {})
        self.partitions_def = partitions_def

    def describe(self) -> str:
        return f"job '{self.name}'"

    def selected_keys(self, assets: Sequence[AssetsDefinition[Any, Any] | AssetSpec]
                      ) -> list[AssetKey]:
        computed = [definition for definition in assets
                    if isinstance(definition, AssetsDefinition)]
        every = [key for definition in computed for key in definition.keys]
        if self.selection is None or self.selection == "*":
            return every
        if isinstance(self.selection, AssetSelection):
            keys = self.selection.resolve(computed)
            named: Sequence[AssetKey] = self.selection.named_keys
        else:
            items = [self.selection] if isinstance(self.selection, str) else list(self.selection)
            keys = named = [AssetKey.from_coercible(item) for item in items]
        missing = [k.to_user_string() for k in named if k not in set(every)]
        if missing:
            raise DagwireInvalidDefinitionError(
                "Invalid Definitions:",
                [f"job '{self.name}' selects asset '{m}', which is not defined" for m in missing],
            )
        return keys

    def resolve(self, assets: Sequence[AssetsDefinition[Any, Any] | AssetSpec],
                checks: Sequence[AssetChecksDefinition[Any, Any]] = ()) -> JobDefinition:
        return JobDefinition(
            name=self.name,
            assets=assets,
            asset_selection=self.selected_keys(assets),
            asset_checks=checks,
            config=self.config,
            description=self.description,
            tags=self.tags,
            partitions_def=self.partitions_def,
        )

    def __repr__(self) -> str:
        return f"UnresolvedAssetJobDefinition(name={self.name!r})"


def define_asset_job(
    name: str,
    selection: SelectionLike = None,
    config: RunConfig | Mapping[str, Any] | ConfigMapping | None = None,
    description: str | None = None,
    tags: Mapping[str, str] | None = None,
    run_tags: Mapping[str, str] | None = None,
    metadata: Mapping[str, Any] | None = None,
    executor_def: Any = None,
    owners: Sequence[str] | None = None,
    automation_condition: Any = None,
    partitions_def: PartitionsDefinition | None = None,
    hooks: Any = None,
    op_retry_policy: Any = None,
) -> UnresolvedAssetJobDefinition:
    """A job that materializes the selected assets (all when ``selection`` is None or "*")
    and runs their asset checks. ``executor_def`` is recorded: dagwire runs every job in
    process."""
    refuse(f"job '{name}'", hooks=hooks, op_retry_policy=op_retry_policy)
    return UnresolvedAssetJobDefinition(name, selection, config, description,
                                        {**(tags or {}), **(run_tags or {})}, partitions_def)


@overload
def job(fn: Callable[[], Any], /) -> JobDefinition: ...


@overload
def job(
    *,
    name: str | None = None,
    resource_defs: Mapping[str, Any] | None = None,
    config: RunConfig | Mapping[str, Any] | ConfigMapping | None = None,
    description: str | None = None,
    tags: Mapping[str, str] | None = None,
    run_tags: Mapping[str, str] | None = None,
    metadata: Mapping[str, Any] | None = None,
    executor_def: Any = None,
    logger_defs: Mapping[str, Any] | None = None,
    owners: Sequence[str] | None = None,
    hooks: Any = None,
    op_retry_policy: Any = None,
    partitions_def: PartitionsDefinition | None = None,
    input_values: Mapping[str, Any] | None = None,
) -> Callable[[Callable[[], Any]], JobDefinition]: ...


def job(
    fn: Callable[[], Any] | None = None,
    /,
    *,
    name: str | None = None,
    resource_defs: Mapping[str, Any] | None = None,
    config: RunConfig | Mapping[str, Any] | ConfigMapping | None = None,
    description: str | None = None,
    tags: Mapping[str, str] | None = None,
    run_tags: Mapping[str, str] | None = None,
    metadata: Mapping[str, Any] | None = None,
    executor_def: Any = None,
    logger_defs: Mapping[str, Any] | None = None,
    owners: Sequence[str] | None = None,
    hooks: Any = None,
    op_retry_policy: Any = None,
    partitions_def: PartitionsDefinition | None = None,
    input_values: Mapping[str, Any] | None = None,
) -> JobDefinition | Callable[[Callable[[], Any]], JobDefinition]:
    """Define a job; its body calls ops, passing outputs to inputs. The body runs once, at
    decoration time, to record the graph. ``executor_def`` / ``logger_defs`` are recorded:
    dagwire runs every job in process and logs to the ``dagwire`` logger."""

    def decorate(body: Callable[[], Any]) -> JobDefinition:
        job_name = name or body.__name__
        refuse(f"job '{job_name}'", hooks=hooks, op_retry_policy=op_retry_policy,
               input_values=input_values)
        composed = composition.compose(f"job '{job_name}'", body)
        definition = JobDefinition(
            name=job_name,
            nodes=composed.nodes,
            graph_outputs=composition.top_level_outputs(composed),
            graph_configs=composed.graph_configs,
            resource_defs=resource_defs,
            config=config,
            description=description or inspect.getdoc(body),
            tags={**(tags or {}), **(run_tags or {})},
            partitions_def=partitions_def,
        )
        definition.function = body  # where it is written (the resource catalog links it)
        return definition

    if fn is not None:
        return decorate(fn)
    return decorate


__all__ = ["JobDefinition", "UnresolvedAssetJobDefinition", "define_asset_job", "job"]
