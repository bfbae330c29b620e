"""dagwire.runtime: the public runtime API, loaded lazily (PEP 562).

``import dagwire.runtime`` imports no submodule; each name is imported on first access, so
that ``import dagwire`` stays as cheap as a bare interpreter and never imports pydantic.
The ``if TYPE_CHECKING:`` block gives type checkers the explicit re-exports.
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import TYPE_CHECKING, Any

# public name -> defining module (the qualified names the checker tools key on)
EXPORTS: dict[str, str] = {
    "DagwireAssetCheckFailedError": "dagwire.runtime.errors",
    "DagsterAssetCheckFailedError": "dagwire.runtime.errors",
    "DagwireUnknownPartitionError": "dagwire.runtime.errors",
    "DagsterUnknownPartitionError": "dagwire.runtime.errors",
    "TimeWindow": "dagwire.runtime.partitions",
    "PartitionKeyRange": "dagwire.runtime.partitions",
    "PartitionsDefinition": "dagwire.runtime.partitions",
    "TimeWindowPartitionsDefinition": "dagwire.runtime.partitions",
    "StaticPartitionsDefinition": "dagwire.runtime.partitions",
    "MonthlyPartitionsDefinition": "dagwire.runtime.partitions",
    "WeeklyPartitionsDefinition": "dagwire.runtime.partitions",
    "HourlyPartitionsDefinition": "dagwire.runtime.partitions",
    "DailyPartitionsDefinition": "dagwire.runtime.partitions",
    "AssetCheckExecutionContext": "dagwire.runtime.context",
    "AssetChecksDefinition": "dagwire.runtime.asset_check",
    "AssetCheckKey": "dagwire.runtime.asset_check",
    "AssetCheckEvaluation": "dagwire.runtime.asset_check",
    "AssetCheckSeverity": "dagwire.runtime.asset_check",
    "AssetCheckSpec": "dagwire.runtime.asset_check",
    "AssetCheckResult": "dagwire.runtime.asset_check",
    "asset_check": "dagwire.runtime.asset_check",
    "AssetSpec": "dagwire.runtime.asset_spec",
    "ConfigMapping": "dagwire.runtime.config_mapping",
    "config_mapping": "dagwire.runtime.config_mapping",
    "configured": "dagwire.runtime.configured",
    "ConfigurableLegacyIOManagerAdapter": "dagwire.runtime.legacy.resource_defs",
    "IOManagerDefinition": "dagwire.runtime.legacy.resource_defs",
    "io_manager": "dagwire.runtime.legacy.resource_defs",
    "ConfigurableIOManagerFactory": "dagwire.runtime.io_managers",
    "IAttachDifferentObjectToOpContext": "dagwire.runtime.resources",
    "ResourceDependency": "dagwire.runtime.resources",
    "DagwireResourceFunctionError": "dagwire.runtime.errors",
    "DagwireInvariantViolationError": "dagwire.runtime.errors",
    "DagsterUnknownResourceError": "dagwire.runtime.errors",
    "DagsterResourceFunctionError": "dagwire.runtime.errors",
    "DagsterInvariantViolationError": "dagwire.runtime.errors",
    "DagsterInvalidInvocationError": "dagwire.runtime.errors",
    "DagsterInvalidDefinitionError": "dagwire.runtime.errors",
    "DagsterInvalidConfigError": "dagwire.runtime.errors",
    "DagsterError": "dagwire.runtime.errors",
    "DagwireUnsupportedError": "dagwire.runtime.errors",
    "materialize_to_memory": "dagwire.runtime.execution",
    "load_assets_from_package_name": "dagwire.runtime.definitions",
    "load_assets_from_package_module": "dagwire.runtime.definitions",
    "SensorResult": "dagwire.runtime.sensor",
    "Failure": "dagwire.runtime.results",
    "get_dagster_logger": "dagwire.runtime.executors",
    "multiprocess_executor": "dagwire.runtime.executors",
    "in_process_executor": "dagwire.runtime.executors",
    "DefaultScheduleStatus": "dagwire.runtime.schedule",
    "DefaultSensorStatus": "dagwire.runtime.sensor",
    "AssetMaterialization": "dagwire.runtime.metadata",
    "MetadataValue": "dagwire.runtime.metadata",
    "GraphOut": "dagwire.runtime.ins_outs",
    "Out": "dagwire.runtime.ins_outs",
    "In": "dagwire.runtime.ins_outs",
    "EnvVar": "dagwire.runtime.env_var",
    "Config": "dagwire.runtime.config",
    "PermissiveConfig": "dagwire.runtime.config",
    "Field": "dagwire.runtime.config",
    "RunConfig": "dagwire.runtime.config",
    "ConfigurableResource": "dagwire.runtime.resources",
    "ResourceParam": "dagwire.runtime.resources",
    "PartialResource": "dagwire.runtime.resources",
    "ResourceDefinition": "dagwire.runtime.resources",
    "InitResourceContext": "dagwire.runtime.context",
    "build_init_resource_context": "dagwire.runtime.context",
    "IOManager": "dagwire.runtime.io_managers",
    "ConfigurableIOManager": "dagwire.runtime.io_managers",
    "InMemoryIOManager": "dagwire.runtime.io_managers",
    "FilesystemIOManager": "dagwire.runtime.io_managers",
    "InputContext": "dagwire.runtime.context",
    "OutputContext": "dagwire.runtime.context",
    "op": "dagwire.runtime.op",
    "OpDefinition": "dagwire.runtime.op",
    "asset": "dagwire.runtime.asset",
    "multi_asset": "dagwire.runtime.asset",
    "AssetsDefinition": "dagwire.runtime.asset",
    "AssetKey": "dagwire.runtime.asset_key",
    "AssetOut": "dagwire.runtime.asset",
    "AssetIn": "dagwire.runtime.asset",
    "AssetSelection": "dagwire.runtime.asset_selection",
    "MaterializeResult": "dagwire.runtime.results",
    "Output": "dagwire.runtime.results",
    "job": "dagwire.runtime.job",
    "JobDefinition": "dagwire.runtime.job",
    "define_asset_job": "dagwire.runtime.job",
    "sensor": "dagwire.runtime.sensor",
    "SensorDefinition": "dagwire.runtime.sensor",
    "RunRequest": "dagwire.runtime.sensor",
    "SkipReason": "dagwire.runtime.sensor",
    "schedule": "dagwire.runtime.schedule",
    "ScheduleDefinition": "dagwire.runtime.schedule",
    "Definitions": "dagwire.runtime.definitions",
    "BindResourcesToJobs": "dagwire.runtime.definitions",
    "load_assets_from_modules": "dagwire.runtime.definitions",
    "OpExecutionContext": "dagwire.runtime.context",
    "AssetExecutionContext": "dagwire.runtime.context",
    "SensorEvaluationContext": "dagwire.runtime.context",
    "ScheduleEvaluationContext": "dagwire.runtime.context",
    "build_op_context": "dagwire.runtime.context",
    "build_asset_context": "dagwire.runtime.context",
    "build_sensor_context": "dagwire.runtime.context",
    "build_schedule_context": "dagwire.runtime.context",
    "materialize": "dagwire.runtime.execution",
    "ExecuteInProcessResult": "dagwire.runtime.execution",
    "DagwireError": "dagwire.runtime.errors",
    "DagwireInvalidDefinitionError": "dagwire.runtime.errors",
    "DagwireInvalidConfigError": "dagwire.runtime.errors",
    "DagwireMissingEnvVarError": "dagwire.runtime.errors",
    "DagwireInvalidInvocationError": "dagwire.runtime.errors",
    "DagwireResourceNotFoundError": "dagwire.runtime.errors",
    "DagwireDefinitionNotFoundError": "dagwire.runtime.errors",
    # the legacy config and resource API
    "Array": "dagwire.runtime.legacy.config_types",
    "Bool": "dagwire.runtime.legacy.config_types",
    "BoolSource": "dagwire.runtime.legacy.config_types",
    "Enum": "dagwire.runtime.legacy.config_types",
    "EnumValue": "dagwire.runtime.legacy.config_types",
    "Float": "dagwire.runtime.legacy.config_types",
    "Int": "dagwire.runtime.legacy.config_types",
    "IntSource": "dagwire.runtime.legacy.config_types",
    "Map": "dagwire.runtime.legacy.config_types",
    "Noneable": "dagwire.runtime.legacy.config_types",
    "Permissive": "dagwire.runtime.legacy.config_types",
    "Selector": "dagwire.runtime.legacy.config_types",
    "Shape": "dagwire.runtime.legacy.config_types",
    "String": "dagwire.runtime.legacy.config_types",
    "StringSource": "dagwire.runtime.legacy.config_types",
    "resource": "dagwire.runtime.legacy.resource_defs",
    "make_values_resource": "dagwire.runtime.legacy.resource_defs",
    "repository": "dagwire.runtime.legacy.repository",
    "RepositoryDefinition": "dagwire.runtime.legacy.repository",
    "with_resources": "dagwire.runtime.legacy.repository",
    "graph": "dagwire.runtime.legacy.graph",
    "GraphDefinition": "dagwire.runtime.legacy.graph",
}

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


class _RuntimePackage(types.ModuleType):
    """Submodules ``op``, ``asset``, ``job``, ``sensor`` and ``schedule`` share their names with
    the decorators they define. Importing a submodule sets it as an attribute of this
    package; keep the exported decorator instead (``from dagwire.runtime import op`` is the
    function; ``from dagwire.runtime.op import op`` still works)."""

    def __setattr__(self, name: str, value: Any) -> None:
        if name in EXPORTS and isinstance(value, types.ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _RuntimePackage


# Hidden from type checkers: a typed module `__getattr__` would make every name importable
# (`from dagwire.runtime import Typo` as `Any`); they see the re-exports above instead.
if not TYPE_CHECKING:

    def __getattr__(name: str) -> Any:
        module_name = EXPORTS.get(name)
        if module_name is None:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module_name), name)
        globals()[name] = value  # later lookups skip __getattr__
        return value


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
