"""dagwire: Pythonic config and resources for data pipelines, checked before they run.

Every runtime name is importable from here, lazily (PEP 562): ``import dagwire`` imports
nothing but this module -- not ``dagwire.runtime`` (the name table, read on first lookup), so
the checker parts (``dagwire.lint_rules``, ``dagwire.mypy_plugin``) can be imported without
the runtime; ``from dagwire import Config`` imports what ``Config`` needs on first access.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = [
    "DagwireAssetCheckFailedError",
    "DagsterAssetCheckFailedError",
    "DagwireUnknownPartitionError",
    "DagsterUnknownPartitionError",
    "TimeWindow",
    "PartitionKeyRange",
    "PartitionsDefinition",
    "TimeWindowPartitionsDefinition",
    "StaticPartitionsDefinition",
    "MonthlyPartitionsDefinition",
    "WeeklyPartitionsDefinition",
    "HourlyPartitionsDefinition",
    "DailyPartitionsDefinition",
    "AssetCheckExecutionContext",
    "AssetChecksDefinition",
    "AssetCheckKey",
    "AssetCheckEvaluation",
    "AssetCheckSeverity",
    "AssetCheckSpec",
    "AssetCheckResult",
    "asset_check",
    "AssetSpec",
    "ConfigMapping",
    "config_mapping",
    "configured",
    "ConfigurableLegacyIOManagerAdapter",
    "IOManagerDefinition",
    "io_manager",
    "ConfigurableIOManagerFactory",
    "IAttachDifferentObjectToOpContext",
    "ResourceDependency",
    "DagwireResourceFunctionError",
    "DagwireInvariantViolationError",
    "DagsterUnknownResourceError",
    "DagsterResourceFunctionError",
    "DagsterInvariantViolationError",
    "DagsterInvalidInvocationError",
    "DagsterInvalidDefinitionError",
    "DagsterInvalidConfigError",
    "DagsterError",
    "DagwireUnsupportedError",
    "materialize_to_memory",
    "load_assets_from_package_name",
    "load_assets_from_package_module",
    "SensorResult",
    "Failure",
    "get_dagster_logger",
    "multiprocess_executor",
    "in_process_executor",
    "DefaultScheduleStatus",
    "DefaultSensorStatus",
    "AssetMaterialization",
    "MetadataValue",
    "GraphOut",
    "Out",
    "In",
    "Array",
    "AssetExecutionContext",
    "AssetIn",
    "AssetKey",
    "AssetOut",
    "AssetSelection",
    "MaterializeResult",
    "Output",
    "AssetsDefinition",
    "BindResourcesToJobs",
    "Bool",
    "BoolSource",
    "Config",
    "ConfigurableIOManager",
    "ConfigurableResource",
    "DagwireDefinitionNotFoundError",
    "DagwireError",
    "DagwireInvalidConfigError",
    "DagwireInvalidDefinitionError",
    "DagwireInvalidInvocationError",
    "DagwireMissingEnvVarError",
    "DagwireResourceNotFoundError",
    "Definitions",
    "Enum",
    "EnumValue",
    "EnvVar",
    "ExecuteInProcessResult",
    "Field",
    "FilesystemIOManager",
    "Float",
    "GraphDefinition",
    "IOManager",
    "InMemoryIOManager",
    "InitResourceContext",
    "InputContext",
    "Int",
    "IntSource",
    "JobDefinition",
    "Map",
    "Noneable",
    "OpDefinition",
    "OpExecutionContext",
    "OutputContext",
    "PartialResource",
    "Permissive",
    "PermissiveConfig",
    "RepositoryDefinition",
    "ResourceDefinition",
    "ResourceParam",
    "RunConfig",
    "RunRequest",
    "ScheduleDefinition",
    "ScheduleEvaluationContext",
    "Selector",
    "SensorDefinition",
    "SensorEvaluationContext",
    "Shape",
    "SkipReason",
    "String",
    "StringSource",
    "asset",
    "build_asset_context",
    "build_init_resource_context",
    "build_op_context",
    "build_schedule_context",
    "build_sensor_context",
    "define_asset_job",
    "graph",
    "job",
    "load_assets_from_modules",
    "make_values_resource",
    "materialize",
    "multi_asset",
    "op",
    "repository",
    "resource",
    "schedule",
    "sensor",
    "with_resources",
]

if TYPE_CHECKING:
    from dagwire.runtime.errors import DagwireAssetCheckFailedError as DagwireAssetCheckFailedError
    from dagwire.runtime.errors import DagsterAssetCheckFailedError as DagsterAssetCheckFailedError
    from dagwire.runtime.errors import DagwireUnknownPartitionError as DagwireUnknownPartitionError
    from dagwire.runtime.errors import DagsterUnknownPartitionError as DagsterUnknownPartitionError
    from dagwire.runtime.partitions import TimeWindow as TimeWindow
    from dagwire.runtime.partitions import PartitionKeyRange as PartitionKeyRange
    from dagwire.runtime.partitions import PartitionsDefinition as PartitionsDefinition
    from dagwire.runtime.partitions import TimeWindowPartitionsDefinition as TimeWindowPartitionsDefinition
    from dagwire.runtime.partitions import StaticPartitionsDefinition as StaticPartitionsDefinition
    from dagwire.runtime.partitions import MonthlyPartitionsDefinition as MonthlyPartitionsDefinition
    from dagwire.runtime.partitions import WeeklyPartitionsDefinition as WeeklyPartitionsDefinition
    from dagwire.runtime.partitions import HourlyPartitionsDefinition as HourlyPartitionsDefinition
    from dagwire.runtime.partitions import DailyPartitionsDefinition as DailyPartitionsDefinition
    from dagwire.runtime.context import AssetCheckExecutionContext as AssetCheckExecutionContext
    from dagwire.runtime.asset_check import AssetChecksDefinition as AssetChecksDefinition
    from dagwire.runtime.asset_check import AssetCheckKey as AssetCheckKey
    from dagwire.runtime.asset_check import AssetCheckEvaluation as AssetCheckEvaluation
    from dagwire.runtime.asset_check import AssetCheckSeverity as AssetCheckSeverity
    from dagwire.runtime.asset_check import AssetCheckSpec as AssetCheckSpec
    from dagwire.runtime.asset_check import AssetCheckResult as AssetCheckResult
    from dagwire.runtime.asset_check import asset_check as asset_check
    from dagwire.runtime.asset_spec import AssetSpec as AssetSpec
    from dagwire.runtime.config_mapping import ConfigMapping as ConfigMapping
    from dagwire.runtime.config_mapping import config_mapping as config_mapping
    from dagwire.runtime.configured import configured as configured
    from dagwire.runtime.legacy.resource_defs import ConfigurableLegacyIOManagerAdapter as ConfigurableLegacyIOManagerAdapter
    from dagwire.runtime.legacy.resource_defs import IOManagerDefinition as IOManagerDefinition
    from dagwire.runtime.legacy.resource_defs import io_manager as io_manager
    from dagwire.runtime.io_managers import ConfigurableIOManagerFactory as ConfigurableIOManagerFactory
    from dagwire.runtime.resources import IAttachDifferentObjectToOpContext as IAttachDifferentObjectToOpContext
    from dagwire.runtime.resources import ResourceDependency as ResourceDependency
    from dagwire.runtime.errors import DagwireResourceFunctionError as DagwireResourceFunctionError
    from dagwire.runtime.errors import DagwireInvariantViolationError as DagwireInvariantViolationError
    from dagwire.runtime.errors import DagsterUnknownResourceError as DagsterUnknownResourceError
    from dagwire.runtime.errors import DagsterResourceFunctionError as DagsterResourceFunctionError
    from dagwire.runtime.errors import DagsterInvariantViolationError as DagsterInvariantViolationError
    from dagwire.runtime.errors import DagsterInvalidInvocationError as DagsterInvalidInvocationError
    from dagwire.runtime.errors import DagsterInvalidDefinitionError as DagsterInvalidDefinitionError
    from dagwire.runtime.errors import DagsterInvalidConfigError as DagsterInvalidConfigError
    from dagwire.runtime.errors import DagsterError as DagsterError
    from dagwire.runtime.errors import DagwireUnsupportedError as DagwireUnsupportedError
    from dagwire.runtime.execution import materialize_to_memory as materialize_to_memory
    from dagwire.runtime.definitions import load_assets_from_package_name as load_assets_from_package_name
    from dagwire.runtime.definitions import load_assets_from_package_module as load_assets_from_package_module
    from dagwire.runtime.sensor import SensorResult as SensorResult
    from dagwire.runtime.results import Failure as Failure
    from dagwire.runtime.executors import get_dagster_logger as get_dagster_logger
    from dagwire.runtime.executors import multiprocess_executor as multiprocess_executor
    from dagwire.runtime.executors import in_process_executor as in_process_executor
    from dagwire.runtime.schedule import DefaultScheduleStatus as DefaultScheduleStatus
    from dagwire.runtime.sensor import DefaultSensorStatus as DefaultSensorStatus
    from dagwire.runtime.metadata import AssetMaterialization as AssetMaterialization
    from dagwire.runtime.metadata import MetadataValue as MetadataValue
    from dagwire.runtime.ins_outs import GraphOut as GraphOut
    from dagwire.runtime.ins_outs import Out as Out
    from dagwire.runtime.ins_outs import In as In
    from dagwire.runtime.env_var import EnvVar as EnvVar
    from dagwire.runtime.config import Config as Config
    from dagwire.runtime.config import PermissiveConfig as PermissiveConfig
    from dagwire.runtime.config import Field as Field
    from dagwire.runtime.config import RunConfig as RunConfig
    from dagwire.runtime.resources import ConfigurableResource as ConfigurableResource
    from dagwire.runtime.resources import ResourceParam as ResourceParam
    from dagwire.runtime.resources import PartialResource as PartialResource
    from dagwire.runtime.resources import ResourceDefinition as ResourceDefinition
    from dagwire.runtime.context import InitResourceContext as InitResourceContext
    from dagwire.runtime.context import build_init_resource_context as build_init_resource_context
    from dagwire.runtime.io_managers import IOManager as IOManager
    from dagwire.runtime.io_managers import ConfigurableIOManager as ConfigurableIOManager
    from dagwire.runtime.io_managers import InMemoryIOManager as InMemoryIOManager
    from dagwire.runtime.io_managers import FilesystemIOManager as FilesystemIOManager
    from dagwire.runtime.context import InputContext as InputContext
    from dagwire.runtime.context import OutputContext as OutputContext
    from dagwire.runtime.op import op as op
    from dagwire.runtime.op import OpDefinition as OpDefinition
    from dagwire.runtime.asset import asset as asset
    from dagwire.runtime.asset import multi_asset as multi_asset
    from dagwire.runtime.asset import AssetsDefinition as AssetsDefinition
    from dagwire.runtime.asset_key import AssetKey as AssetKey
    from dagwire.runtime.asset import AssetOut as AssetOut
    from dagwire.runtime.asset import AssetIn as AssetIn
    from dagwire.runtime.job import job as job
    from dagwire.runtime.job import JobDefinition as JobDefinition
    from dagwire.runtime.asset_selection import AssetSelection as AssetSelection
    from dagwire.runtime.results import MaterializeResult as MaterializeResult
    from dagwire.runtime.results import Output as Output
    from dagwire.runtime.job import define_asset_job as define_asset_job
    from dagwire.runtime.sensor import sensor as sensor
    from dagwire.runtime.sensor import SensorDefinition as SensorDefinition
    from dagwire.runtime.sensor import RunRequest as RunRequest
    from dagwire.runtime.sensor import SkipReason as SkipReason
    from dagwire.runtime.schedule import schedule as schedule
    from dagwire.runtime.schedule import ScheduleDefinition as ScheduleDefinition
    from dagwire.runtime.definitions import Definitions as Definitions
    from dagwire.runtime.definitions import BindResourcesToJobs as BindResourcesToJobs
    from dagwire.runtime.definitions import load_assets_from_modules as load_assets_from_modules
    from dagwire.runtime.context import OpExecutionContext as OpExecutionContext
    from dagwire.runtime.context import AssetExecutionContext as AssetExecutionContext
    from dagwire.runtime.context import SensorEvaluationContext as SensorEvaluationContext
    from dagwire.runtime.context import ScheduleEvaluationContext as ScheduleEvaluationContext
    from dagwire.runtime.context import build_op_context as build_op_context
    from dagwire.runtime.context import build_asset_context as build_asset_context
    from dagwire.runtime.context import build_sensor_context as build_sensor_context
    from dagwire.runtime.context import build_schedule_context as build_schedule_context
    from dagwire.runtime.execution import materialize as materialize
    from dagwire.runtime.execution import ExecuteInProcessResult as ExecuteInProcessResult
    from dagwire.runtime.errors import DagwireError as DagwireError
    from dagwire.runtime.errors import DagwireInvalidDefinitionError as DagwireInvalidDefinitionError
    from dagwire.runtime.errors import DagwireInvalidConfigError as DagwireInvalidConfigError
    from dagwire.runtime.errors import DagwireMissingEnvVarError as DagwireMissingEnvVarError
    from dagwire.runtime.errors import DagwireInvalidInvocationError as DagwireInvalidInvocationError
    from dagwire.runtime.errors import DagwireResourceNotFoundError as DagwireResourceNotFoundError
    from dagwire.runtime.errors import DagwireDefinitionNotFoundError as DagwireDefinitionNotFoundError
    # the legacy config and resource API
    from dagwire.runtime.legacy.config_types import Array as Array
    from dagwire.runtime.legacy.config_types import Bool as Bool
    from dagwire.runtime.legacy.config_types import BoolSource as BoolSource
    from dagwire.runtime.legacy.config_types import Enum as Enum
    from dagwire.runtime.legacy.config_types import EnumValue as EnumValue
    from dagwire.runtime.legacy.config_types import Float as Float
    from dagwire.runtime.legacy.config_types import Int as Int
    from dagwire.runtime.legacy.config_types import IntSource as IntSource
    from dagwire.runtime.legacy.config_types import Map as Map
    from dagwire.runtime.legacy.config_types import Noneable as Noneable
    from dagwire.runtime.legacy.config_types import Permissive as Permissive
    from dagwire.runtime.legacy.config_types import Selector as Selector
    from dagwire.runtime.legacy.config_types import Shape as Shape
    from dagwire.runtime.legacy.config_types import String as String
    from dagwire.runtime.legacy.config_types import StringSource as StringSource
    from dagwire.runtime.legacy.resource_defs import resource as resource
    from dagwire.runtime.legacy.resource_defs import make_values_resource as make_values_resource
    from dagwire.runtime.legacy.repository import repository as repository
    from dagwire.runtime.legacy.repository import RepositoryDefinition as RepositoryDefinition
    from dagwire.runtime.legacy.repository import with_resources as with_resources
    from dagwire.runtime.legacy.graph import graph as graph
    from dagwire.runtime.legacy.graph import GraphDefinition as GraphDefinition


# Dagster names dagwire does not implement -> the feature, so that ``from dagwire import
# DailyPartitionsDefinition`` says why (DagwireUnsupportedError, an ImportError).
_NOT = "not supported by dagwire"
_UNSUPPORTED: dict[str, str] = {
    **dict.fromkeys((
        "DynamicPartitionsDefinition", "MultiPartitionsDefinition",
        "build_schedule_from_partitioned_job", "daily_partitioned_config",
        "static_partitioned_config", "partitioned_config"),
        f"dynamic and multi-dimensional partitions, and partitioned config, are {_NOT}"),
    **dict.fromkeys(("DynamicOut", "DynamicOutput"), f"dynamic outputs are {_NOT}"),
    "Nothing": f"Nothing dependencies between ops are {_NOT}",
    **dict.fromkeys(("RetryPolicy", "Backoff", "Jitter", "RetryRequested"),
                    f"retries are {_NOT}"),
    "multi_asset_check": f"multi-asset checks are {_NOT} (use @asset_check)",
    **dict.fromkeys(("success_hook", "failure_hook", "HookContext"), f"hooks are {_NOT}"),
    **dict.fromkeys(("asset_sensor", "multi_asset_sensor", "run_status_sensor",
                     "run_failure_sensor", "DagsterRunStatus"),
                    f"sensors on asset events or run status are {_NOT}"),
    **dict.fromkeys(("AutomationCondition", "AutoMaterializePolicy", "FreshnessPolicy"),
                    f"declarative automation is {_NOT}"),
    **dict.fromkeys(("DagsterInstance", "instance_for_test"), f"a Dagster instance is {_NOT}"),
    **dict.fromkeys(("SourceAsset", "observable_source_asset"),
                    f"source assets are {_NOT} (use AssetSpec)"),
    **dict.fromkeys(("graph_asset", "graph_multi_asset"), f"graph-backed assets are {_NOT}"),
    "DagsterExecutionStepExecutionError": (
        "a run raises the step's own exception (as Dagster's execute_in_process does): catch "
        "that, or pass raise_on_error=False and read result.failed_steps"),
}


def _lazy_attribute(name: str) -> Any:
    # The name table lives in dagwire.runtime; it is loaded on the first lookup only, so that
    # importing the checker packages (dagwire.lint_rules, dagwire.mypy_plugin) loads no
    # runtime code (nor does ``from dagwire import lint_rules``: not a runtime name).
    if name not in __all__:
        feature = _UNSUPPORTED.get(name)
        if feature is not None:
            from dagwire.runtime.errors import DagwireUnsupportedError

            raise DagwireUnsupportedError(
                f"cannot import name {name!r} from 'dagwire': {feature}"
            )
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from dagwire.runtime import EXPORTS

    module_name = EXPORTS.get(name)
    if module_name is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module_name), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])


if not TYPE_CHECKING:
    # Hidden from type checkers: a name dagwire does not define must be an error for them,
    # not a silent `Any` (the re-exports above type every real name).
    __getattr__ = _lazy_attribute
