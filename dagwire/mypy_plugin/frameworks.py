"""What the plugin knows about each framework, by qualified name only.

The plugin never imports a framework: these tables are the whole contract. One table per
framework; `dagwire` names come from the runtime's docs/architecture.md.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Framework:
    name: str
    # decorator function fullname -> kind ("asset", "op", "sensor", "schedule", "job",
    # "asset_check")
    decorators: dict[str, str]
    # `__call__` of the object a decorator-with-arguments returns -> kind
    decorator_objects: dict[str, str]
    definitions: str
    run_config: str
    run_request: str
    define_asset_job: str
    load_assets_from_modules: str
    with_resources: str
    bind_resources_to_jobs: str
    materialize: tuple[str, ...]
    execute_in_process: tuple[str, ...]
    # classes whose subclasses are resources when used as a parameter annotation
    resource_bases: tuple[str, ...]
    # bound values of these classes are not checked for type (legacy or factory resources)
    opaque_resource_bases: tuple[str, ...]
    # bound values of these classes are checked against the annotation even if opaque
    checkable_resource_bases: tuple[str, ...]
    config_base: str
    resource_param: str
    # `context.resources` attribute fullnames
    context_resources: tuple[str, ...]
    context_classes: tuple[str, ...]
    # definition classes whose `__call__` is a direct invocation (dagster mode only)
    invocation_methods: dict[str, str] = field(default_factory=dict)
    partial_resource: str = ""
    # resource fields are descriptors that accept anything: the plugin checks them
    check_resource_fields: bool = False
    # `__call__` typed with the function's ParamSpec: relaxed inside job bodies
    composition_calls: tuple[str, ...] = ()
    # `GraphDefinition.to_job`: a job made of a `@graph`'s ops
    graph_to_job: tuple[str, ...] = ()
    # schedules / sensors built by a call whose `job=` (or first argument) is the job they
    # run: Definitions includes that job, so it requires what the job requires
    job_wrappers: tuple[str, ...] = ()


_DG = "dagster._core.definitions."

DAGSTER = Framework(
    name="dagster",
    decorators={
        _DG + "decorators.asset_decorator.asset": "asset",
        _DG + "decorators.asset_decorator.multi_asset": "asset",
        _DG + "decorators.op_decorator.op": "op",
        _DG + "decorators.sensor_decorator.sensor": "sensor",
        _DG + "decorators.schedule_decorator.schedule": "schedule",
        _DG + "decorators.job_decorator.job": "job",
        _DG + "decorators.asset_check_decorator.asset_check": "asset_check",
        _DG + "decorators.asset_check_decorator.multi_asset_check": "asset_check",
        _DG + "decorators.graph_decorator.graph": "graph",
    },
    decorator_objects={
        _DG + "decorators.op_decorator._Op.__call__": "op",
        _DG + "decorators.job_decorator._Job.__call__": "job",
        _DG + "decorators.graph_decorator._Graph.__call__": "graph",
    },
    definitions=_DG + "definitions_class.Definitions",
    run_config=_DG + "run_config.RunConfig",
    run_request=_DG + "run_request.RunRequest",
    define_asset_job=_DG + "unresolved_asset_job_definition.define_asset_job",
    load_assets_from_modules=(
        _DG + "module_loaders.load_assets_from_modules.load_assets_from_modules"
    ),
    with_resources="dagster._core.execution.with_resources.with_resources",
    bind_resources_to_jobs=_DG + "definitions_class.BindResourcesToJobs",
    materialize=(_DG + "materialize.materialize", _DG + "materialize.materialize_to_memory"),
    execute_in_process=(_DG + "job_definition.JobDefinition.execute_in_process",),
    resource_bases=("dagster._config.pythonic_config.resource.ConfigurableResourceFactory",),
    opaque_resource_bases=(
        _DG + "resource_definition.ResourceDefinition",
        "dagster._config.pythonic_config.resource.ConfigurableResourceFactory",
    ),
    checkable_resource_bases=("dagster._config.pythonic_config.resource.ConfigurableResource",),
    config_base="dagster._config.pythonic_config.config.Config",
    resource_param=_DG + "resource_annotation.ResourceParam",
    context_resources=(
        "dagster._core.execution.context.op_execution_context.OpExecutionContext.resources",
        "dagster._core.execution.context.asset_execution_context.AssetExecutionContext.resources",
    ),
    context_classes=(
        "dagster._core.execution.context.op_execution_context.OpExecutionContext",
        "dagster._core.execution.context.asset_execution_context.AssetExecutionContext",
        "dagster._core.execution.context.invocation.DirectOpExecutionContext",
        "dagster._core.execution.context.invocation.DirectAssetExecutionContext",
        _DG + "sensor_definition.SensorEvaluationContext",
        _DG + "schedule_definition.ScheduleEvaluationContext",
    ),
    invocation_methods={
        _DG + "assets.definition.assets_definition.AssetsDefinition.__call__": "asset",
        _DG + "op_definition.OpDefinition.__call__": "op",
    },
    partial_resource="dagster._config.pythonic_config.resource.PartialResource",
    check_resource_fields=True,
    graph_to_job=(_DG + "graph_definition.GraphDefinition.to_job",),
    job_wrappers=(
        _DG + "schedule_definition.ScheduleDefinition",
        _DG + "sensor_definition.SensorDefinition",
        _DG + "partitions.partitioned_schedule.build_schedule_from_partitioned_job",
    ),
)

_RT = "dagwire.runtime."

DAGWIRE = Framework(
    name="dagwire",
    decorators={
        _RT + "asset.asset": "asset",
        _RT + "asset.multi_asset": "asset",
        _RT + "op.op": "op",
        _RT + "sensor.sensor": "sensor",
        _RT + "schedule.schedule": "schedule",
        _RT + "job.job": "job",
        _RT + "legacy.graph.graph": "graph",
    },
    decorator_objects={
        _RT + "asset.AssetDecorator.__call__": "asset",
        _RT + "op.OpDecorator.__call__": "op",
        _RT + "sensor.SensorDecorator.__call__": "sensor",
        _RT + "schedule.ScheduleDecorator.__call__": "schedule",
        _RT + "job.JobDecorator.__call__": "job",
    },
    definitions=_RT + "definitions.Definitions",
    run_config=_RT + "config.RunConfig",
    run_request=_RT + "sensor.RunRequest",
    define_asset_job=_RT + "job.define_asset_job",
    load_assets_from_modules=_RT + "definitions.load_assets_from_modules",
    with_resources=_RT + "definitions.with_resources",
    bind_resources_to_jobs=_RT + "definitions.BindResourcesToJobs",
    materialize=(_RT + "execution.materialize",),
    execute_in_process=(_RT + "job.JobDefinition.execute_in_process",),
    resource_bases=(_RT + "resources.ConfigurableResource",),
    opaque_resource_bases=(_RT + "resources.ResourceDefinition",),
    checkable_resource_bases=(_RT + "resources.ConfigurableResource",),
    config_base=_RT + "config.Config",
    resource_param=_RT + "resources.ResourceParam",
    context_resources=(
        _RT + "context.OpExecutionContext.resources",
        _RT + "context.AssetExecutionContext.resources",
    ),
    context_classes=(
        _RT + "context.OpExecutionContext",
        _RT + "context.AssetExecutionContext",
        _RT + "context.SensorEvaluationContext",
        _RT + "context.ScheduleEvaluationContext",
    ),
    # dagwire types __call__ with ParamSpec: mypy checks direct calls natively.
    invocation_methods={},
    partial_resource=_RT + "resources.PartialResource",
    composition_calls=(_RT + "op.OpDefinition.__call__", _RT + "asset.AssetsDefinition.__call__"),
    graph_to_job=(_RT + "legacy.graph.GraphDefinition.to_job",),
    job_wrappers=(_RT + "schedule.ScheduleDefinition", _RT + "sensor.SensorDefinition"),
)

ALL_FRAMEWORKS: dict[str, Framework] = {"dagwire": DAGWIRE, "dagster": DAGSTER}
CONTEXT_PARAM_NAMES = frozenset({"context", "_context", "context_", "_"})
