"""Where each framework defines the objects the mypy plugin resolves: name -> fully qualified
name (mypy's `fullname`, also Python's `__module__` + `__qualname__`).

mypy sees names resolved: `dg.asset` is `dagster._core.definitions.decorators.asset_decorator
.asset` to it. Only the names the plugin reads are listed (a decorator listed here is one the
plugin captures); members are reached from their class (`JobDefinition` + `.execute_in_process`,
see `calls`). Names are the exported ones, or the class name for internal classes.

Verified against the installed dagster package and the dagwire runtime (tests/vocabulary).
"""

from __future__ import annotations

_DG = "dagster._core.definitions."
_DEC = _DG + "decorators."
_PY = "dagster._config.pythonic_config."
_CTX = "dagster._core.execution.context."

DAGSTER: dict[str, str] = {
    # decorators the plugin captures
    "asset": _DEC + "asset_decorator.asset",
    "multi_asset": _DEC + "asset_decorator.multi_asset",
    "op": _DEC + "op_decorator.op",
    "sensor": _DEC + "sensor_decorator.sensor",
    "schedule": _DEC + "schedule_decorator.schedule",
    "job": _DEC + "job_decorator.job",
    "asset_check": _DEC + "asset_check_decorator.asset_check",
    "multi_asset_check": _DEC + "asset_check_decorator.multi_asset_check",
    "graph": _DEC + "graph_decorator.graph",
    "graph_asset": _DEC + "asset_decorator.graph_asset",
    "graph_multi_asset": _DEC + "asset_decorator.graph_multi_asset",
    "definitions": "dagster.components.definitions.definitions",
    "repository": _DEC + "repository_decorator.repository",
    # what a decorator called with arguments returns
    "_Op": _DEC + "op_decorator._Op",
    "_Job": _DEC + "job_decorator._Job",
    "_Graph": _DEC + "graph_decorator._Graph",
    "_Repository": _DEC + "repository_decorator._Repository",
    # binding sites, job builders, loaders and runs
    "Definitions": _DG + "definitions_class.Definitions",
    "BindResourcesToJobs": _DG + "definitions_class.BindResourcesToJobs",
    "with_resources": "dagster._core.execution.with_resources.with_resources",
    "define_asset_job": _DG + "unresolved_asset_job_definition.define_asset_job",
    "load_assets_from_modules": (
        _DG + "module_loaders.load_assets_from_modules.load_assets_from_modules"
    ),
    "load_assets_from_package_module": (
        _DG + "module_loaders.load_assets_from_modules.load_assets_from_package_module"
    ),
    "load_assets_from_package_name": (
        _DG + "module_loaders.load_assets_from_modules.load_assets_from_package_name"
    ),
    "load_assets_from_current_module": (
        _DG + "module_loaders.load_assets_from_modules.load_assets_from_current_module"
    ),
    "load_asset_checks_from_modules": (
        _DG + "module_loaders.load_asset_checks_from_modules.load_asset_checks_from_modules"
    ),
    "load_asset_checks_from_package_module": (
        _DG + "module_loaders.load_asset_checks_from_modules"
        ".load_asset_checks_from_package_module"
    ),
    "load_asset_checks_from_current_module": (
        _DG + "module_loaders.load_asset_checks_from_modules"
        ".load_asset_checks_from_current_module"
    ),
    "load_from_defs_folder": "dagster.components.core.load_defs.load_from_defs_folder",
    "load_defs": "dagster.components.core.load_defs.load_defs",
    "component_instance": "dagster.components.component.component_loader.component_instance",
    "Component": "dagster.components.component.component.Component",
    "with_source_code_references": _DG + "metadata.source_code.with_source_code_references",
    "link_code_references_to_git": _DG + "metadata.source_code.link_code_references_to_git",
    "materialize": _DG + "materialize.materialize",
    "materialize_to_memory": _DG + "materialize.materialize_to_memory",
    "RunConfig": _DG + "run_config.RunConfig",
    "RunRequest": _DG + "run_request.RunRequest",
    "build_schedule_from_partitioned_job": (
        _DG + "partitions.partitioned_schedule.build_schedule_from_partitioned_job"
    ),
    # definition classes
    "AssetsDefinition": _DG + "assets.definition.assets_definition.AssetsDefinition",
    "AssetChecksDefinition": _DG + "asset_checks.asset_checks_definition.AssetChecksDefinition",
    "UnresolvedAssetJobDefinition": (
        _DG + "unresolved_asset_job_definition.UnresolvedAssetJobDefinition"
    ),
    "AssetSpec": _DG + "assets.definition.asset_spec.AssetSpec",
    "CacheableAssetsDefinition": (
        _DG + "assets.definition.cacheable_assets_definition.CacheableAssetsDefinition"
    ),
    "OpDefinition": _DG + "op_definition.OpDefinition",
    "JobDefinition": _DG + "job_definition.JobDefinition",
    "GraphDefinition": _DG + "graph_definition.GraphDefinition",
    "SensorDefinition": _DG + "sensor_definition.SensorDefinition",
    "ScheduleDefinition": _DG + "schedule_definition.ScheduleDefinition",
    # config and resources
    "Config": _PY + "config.Config",
    "ConfigurableResource": _PY + "resource.ConfigurableResource",
    "ConfigurableResourceFactory": _PY + "resource.ConfigurableResourceFactory",
    "ResourceDefinition": _DG + "resource_definition.ResourceDefinition",
    "PartialResource": _PY + "resource.PartialResource",
    "ResourceParam": _DG + "resource_annotation.ResourceParam",
    "ResourceDependency": _PY + "resource.ResourceDependency",
    "EnvVar": "dagster._config.field_utils.EnvVar",
    "ConfigurableIOManager": _PY + "io_manager.ConfigurableIOManager",
    "ConfigurableIOManagerFactory": _PY + "io_manager.ConfigurableIOManagerFactory",
    "ConfigurableLegacyIOManagerAdapter": _PY + "io_manager.ConfigurableLegacyIOManagerAdapter",
    "TreatAsResourceParam": _DG + "resource_annotation.TreatAsResourceParam",
    # contexts
    "OpExecutionContext": _CTX + "op_execution_context.OpExecutionContext",
    "AssetExecutionContext": _CTX + "asset_execution_context.AssetExecutionContext",
    "DirectOpExecutionContext": _CTX + "invocation.DirectOpExecutionContext",
    "DirectAssetExecutionContext": _CTX + "invocation.DirectAssetExecutionContext",
    "SensorEvaluationContext": _DG + "sensor_definition.SensorEvaluationContext",
    "ScheduleEvaluationContext": _DG + "schedule_definition.ScheduleEvaluationContext",
}

_RT = "dagwire.runtime."

DAGWIRE: dict[str, str] = {
    # decorators the plugin captures
    "asset": _RT + "asset.asset",
    "multi_asset": _RT + "asset.multi_asset",
    "op": _RT + "op.op",
    "sensor": _RT + "sensor.sensor",
    "schedule": _RT + "schedule.schedule",
    "job": _RT + "job.job",
    "graph": _RT + "legacy.graph.graph",
    "repository": _RT + "legacy.repository.repository",
    "asset_check": _RT + "asset_check.asset_check",
    # what a decorator called with arguments returns
    "AssetDecorator": _RT + "asset.AssetDecorator",
    "OpDecorator": _RT + "op.OpDecorator",
    "SensorDecorator": _RT + "sensor.SensorDecorator",
    "ScheduleDecorator": _RT + "schedule.ScheduleDecorator",
    # binding sites, job builders, loaders and runs
    "Definitions": _RT + "definitions.Definitions",
    "BindResourcesToJobs": _RT + "definitions.BindResourcesToJobs",
    "with_resources": _RT + "legacy.repository.with_resources",
    "define_asset_job": _RT + "job.define_asset_job",
    "load_assets_from_modules": _RT + "definitions.load_assets_from_modules",
    "load_assets_from_package_module": _RT + "definitions.load_assets_from_package_module",
    "load_assets_from_package_name": _RT + "definitions.load_assets_from_package_name",
    "materialize": _RT + "execution.materialize",
    "materialize_to_memory": _RT + "execution.materialize_to_memory",
    "RunConfig": _RT + "config.RunConfig",
    "RunRequest": _RT + "sensor.RunRequest",
    # definition classes
    "AssetsDefinition": _RT + "asset.AssetsDefinition",
    "AssetChecksDefinition": _RT + "asset_check.AssetChecksDefinition",
    "AssetSpec": _RT + "asset_spec.AssetSpec",
    "OpDefinition": _RT + "op.OpDefinition",
    "JobDefinition": _RT + "job.JobDefinition",
    "GraphDefinition": _RT + "legacy.graph.GraphDefinition",
    "SensorDefinition": _RT + "sensor.SensorDefinition",
    "ScheduleDefinition": _RT + "schedule.ScheduleDefinition",
    # config and resources
    "Config": _RT + "config.Config",
    "ConfigurableResource": _RT + "resources.ConfigurableResource",
    "ResourceDefinition": _RT + "resources.ResourceDefinition",
    "PartialResource": _RT + "resources.PartialResource",
    "ResourceDependency": _RT + "resources.ResourceDependency",
    "ResourceParam": _RT + "resources.ResourceParam",
    "EnvVar": _RT + "env_var.EnvVar",
    "ConfigurableIOManager": _RT + "io_managers.ConfigurableIOManager",
    # contexts
    "OpExecutionContext": _RT + "context.OpExecutionContext",
    "AssetExecutionContext": _RT + "context.AssetExecutionContext",
    "SensorEvaluationContext": _RT + "context.SensorEvaluationContext",
    "ScheduleEvaluationContext": _RT + "context.ScheduleEvaluationContext",
}

QUALIFIED: dict[str, dict[str, str]] = {"dagster": DAGSTER, "dagwire": DAGWIRE}

# What a decorator called with arguments (`op(name="x")`) returns, by the kind it makes: mypy
# applies that object's `__call__` to the function.
DECORATOR_OBJECTS: dict[str, dict[str, str]] = {
    "dagster": {"_Op": "op", "_Job": "job", "_Graph": "graph", "_Repository": "repository"},
    "dagwire": {
        "AssetDecorator": "asset", "OpDecorator": "op", "SensorDecorator": "sensor",
        "ScheduleDecorator": "schedule",
    },
}
# Definition classes whose `__call__` invokes the definition directly, by kind.
DEFINITION_CLASSES: dict[str, str] = {
    "AssetsDefinition": "asset", "OpDefinition": "op", "SensorDefinition": "sensor",
    "ScheduleDefinition": "schedule", "AssetChecksDefinition": "asset_check",
}
# Frameworks typed natively for type checkers: their definition classes take the decorated
# function's ParamSpec as first type argument (so `__call__` keeps its signature) and their
# resource constructors are typed by `dataclass_transform` (docs/architecture.md).
NATIVELY_TYPED = frozenset({"dagwire"})
