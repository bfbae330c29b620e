"""What the plugin knows about each framework, by qualified name only.

The plugin never imports a framework: these tables are the whole contract. One table per
framework; `dagwire` names come from the runtime's docs/architecture.md.
"""

from __future__ import annotations


class Framework:
    """One framework's names. A plain class: a dataclass would compile code at every import,
    and every mypy run imports this module (see benchmarks/mypy_overhead.py)."""

    __slots__ = (
        "name", "decorators", "decorator_objects", "definitions", "run_config", "run_request",
        "define_asset_job", "load_assets_from_modules", "with_resources",
        "bind_resources_to_jobs", "materialize", "execute_in_process", "resource_bases",
        "opaque_resource_bases", "checkable_resource_bases", "config_base", "resource_param",
        "context_resources", "context_classes", "invocation_methods", "partial_resource",
        "check_resource_fields", "composition_calls", "signature_classes", "graph_to_job",
        "job_wrappers", "load_assets_from_package_module", "resource_dependency",
    )

    def __init__(
        self,
        *,
        name: str,
        # decorator function fullname -> kind ("asset", "op", "sensor", "schedule", "job",
        # "asset_check", "graph")
        decorators: dict[str, str],
        # `__call__` of the object a decorator-with-arguments returns -> kind
        decorator_objects: dict[str, str],
        definitions: str,
        run_config: str,
        run_request: str,
        define_asset_job: str,
        load_assets_from_modules: str,
        with_resources: str,
        bind_resources_to_jobs: str,
        materialize: tuple[str, ...],
        execute_in_process: tuple[str, ...],
        # classes whose subclasses are resources when used as a parameter annotation
        resource_bases: tuple[str, ...],
        # bound values of these classes are not checked for type (legacy or factory resources)
        opaque_resource_bases: tuple[str, ...],
        # bound values of these classes are checked against the annotation even if opaque
        checkable_resource_bases: tuple[str, ...],
        config_base: str,
        resource_param: str,
        # `context.resources` attribute fullnames
        context_resources: tuple[str, ...],
        context_classes: tuple[str, ...],
        # definition classes whose `__call__` is a direct invocation (dagster mode only)
        invocation_methods: dict[str, str],
        partial_resource: str,
        # resource fields are descriptors that accept anything: the plugin checks them
        check_resource_fields: bool = False,
        # `__call__` typed with the function's ParamSpec: relaxed inside job bodies
        composition_calls: tuple[str, ...] = (),
        # definition class -> kind, for classes whose first type argument is the decorated
        # function's ParamSpec: a bare decorator needs to store nothing (definition_facts.py)
        signature_classes: dict[str, str] | None = None,
        # `GraphDefinition.to_job`: a job made of a `@graph`'s ops
        graph_to_job: tuple[str, ...] = (),
        # schedules / sensors built by a call whose `job=` (or first argument) is the job they
        # run: Definitions includes that job, so it requires what the job requires
        job_wrappers: tuple[str, ...] = (),
        # loads the assets of a package and of every module under it
        load_assets_from_package_module: str = "",
        # `ResourceDependency[X]`: a nested resource field of class X
        resource_dependency: str = "",
    ) -> None:
        self.name = name
        self.decorators = decorators
        self.decorator_objects = decorator_objects
        self.definitions = definitions
        self.run_config = run_config
        self.run_request = run_request
        self.define_asset_job = define_asset_job
        self.load_assets_from_modules = load_assets_from_modules
        self.with_resources = with_resources
        self.bind_resources_to_jobs = bind_resources_to_jobs
        self.materialize = materialize
        self.execute_in_process = execute_in_process
        self.resource_bases = resource_bases
        self.opaque_resource_bases = opaque_resource_bases
        self.checkable_resource_bases = checkable_resource_bases
        self.config_base = config_base
        self.resource_param = resource_param
        self.context_resources = context_resources
        self.context_classes = context_classes
        self.invocation_methods = invocation_methods
        self.partial_resource = partial_resource
        self.check_resource_fields = check_resource_fields
        self.composition_calls = composition_calls
        self.signature_classes = signature_classes if signature_classes is not None else {}
        self.graph_to_job = graph_to_job
        self.job_wrappers = job_wrappers
        self.load_assets_from_package_module = load_assets_from_package_module
        self.resource_dependency = resource_dependency

    def __repr__(self) -> str:
        return f"Framework({self.name!r})"


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
    load_assets_from_package_module=(
        _DG + "module_loaders.load_assets_from_modules.load_assets_from_package_module"
    ),
    resource_dependency="dagster._config.pythonic_config.resource.ResourceDependency",
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
    # (sensors and schedules too: a context given first to their direct call, as for ops)
    composition_calls=(_RT + "op.OpDefinition.__call__", _RT + "asset.AssetsDefinition.__call__",
                       _RT + "sensor.SensorDefinition.__call__",
                       _RT + "schedule.ScheduleDefinition.__call__"),
    signature_classes={
        _RT + "asset.AssetsDefinition": "asset",
        _RT + "op.OpDefinition": "op",
        _RT + "sensor.SensorDefinition": "sensor",
        _RT + "schedule.ScheduleDefinition": "schedule",
    },
    graph_to_job=(_RT + "legacy.graph.GraphDefinition.to_job",),
    job_wrappers=(_RT + "schedule.ScheduleDefinition", _RT + "sensor.SensorDefinition"),
    load_assets_from_package_module=_RT + "definitions.load_assets_from_package_module",
)

ALL_FRAMEWORKS: dict[str, Framework] = {"dagwire": DAGWIRE, "dagster": DAGSTER}
CONTEXT_PARAM_NAMES = frozenset({"context", "_context", "context_", "_"})
# definition class fullname -> (framework, kind), over all frameworks
SIGNATURE_CLASSES: dict[str, tuple[Framework, str]] = {
    cls: (fw, kind) for fw in ALL_FRAMEWORKS.values() for cls, kind in fw.signature_classes.items()
}
