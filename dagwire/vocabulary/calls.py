"""Argument names and positions of the calls that define, bind, load and run definitions, and
the keys and parameter names the frameworks fill in by convention.

Verified against the installed dagster package's signatures (tests/vocabulary).
"""

from __future__ import annotations

# An op's or asset's FIRST parameter is the context when it has one of these names (dagster's
# `get_valid_name_permutations("context")`); sensors and schedules take their first
# non-resource parameter, whatever its name.
CONTEXT_PARAM_NAMES = frozenset({"context", "_context", "context_", "_"})
# The parameter that receives an op's or asset's config (its annotation is the Config class).
CONFIG_PARAM = "config"

# Every run binds this key to a default IO manager: requiring it never needs a binding.
DEFAULT_IO_MANAGER_KEY = "io_manager"
IMPLICIT_RESOURCE_KEYS = frozenset({DEFAULT_IO_MANAGER_KEY})

# `Definitions(...)`'s parameters in order (positional use is legal), the ones that list
# definitions, and the one that binds resources.
DEFINITIONS_PARAMETERS = (
    "assets", "schedules", "sensors", "jobs", "resources", "executor", "loggers",
    "asset_checks", "metadata", "component_tree",
)
DEFINITIONS_LISTS = ("assets", "schedules", "sensors", "jobs", "asset_checks")
RESOURCES = "resources"
# `Definitions.merge(*parts)` (a static method); `merge_unbound_defs` merges without binding
MERGE = "merge"
MERGE_METHODS = frozenset({MERGE, "merge_unbound_defs"})
# dagster's project layout: `load_from_defs_folder()` / `load_defs(defs_root)` load every
# module under the package's `defs` folder and merge the Definitions found there.
DEFS_FOLDER = "defs"
# `load_from_defs_folder(*, path_within_project, project_root)`: the project's config file is
# the nearest of these at or above the path; its table names the root module (the defs module
# is `<root_module>.defs` unless `defs_module` is set).
DG_CONFIG_TABLES = {"dg.toml": "project", "pyproject.toml": "tool.dg.project"}
DG_ROOT_MODULE = "root_module"
DG_DEFS_MODULE = "defs_module"
# `load_defs(defs_root, project_root=None, terminate_autoloading_on_keyword_files=True)`: with
# the flag, a folder holding `definitions.py` (and no `component.py`) loads that file only.
LOAD_DEFS_ROOT = "defs_root"
LOAD_DEFS_TERMINATE = "terminate_autoloading_on_keyword_files"
DEFS_KEYWORD_FILE = "definitions.py"
COMPONENT_KEYWORD_FILE = "component.py"
# A folder of the defs tree holding one of these is a component declared in YAML (`type:`).
COMPONENT_YAML_FILES = ("defs.yaml", "defs.yml", "component.yaml")
# A component's method that makes its Definitions; dagster's state-backed components (dbt,
# Fivetran) make them in the second one, which a project subclass may override.
BUILD_DEFS = "build_defs"
BUILD_DEFS_FROM_STATE = "build_defs_from_state"
# `with_source_code_references(assets_defs)` and the other list wrappers (`names`): the
# argument holding the list they return.
LIST_WRAPPER_ARGUMENT = "assets_defs"
# `Definitions` methods that return a Definitions binding the same resources.
DEFINITIONS_KEEPING_RESOURCES = frozenset({
    "map_asset_specs", "map_resolved_asset_specs", "permissive_map_resolved_asset_specs",
    "with_definition_metadata_update", "with_reconstruction_metadata",
})
# `defs.with_resources(resources)`: the same definitions with more keys bound.
WITH_RESOURCES_METHOD = "with_resources"
# `AssetsDefinition` methods returning the asset with the same requirements, or more (hooks
# given to `with_attributes(hook_defs=...)` may require keys): `[a.with_attributes(...) for a
# in assets]` lists what `assets` lists, and may need more.
ASSET_METHODS_KEEPING_REQUIREMENTS = frozenset({"map_asset_specs", "with_attributes"})

# Decorator and definition keyword arguments that declare resource keys and config.
REQUIRED_RESOURCE_KEYS = "required_resource_keys"
RESOURCE_DEFS = "resource_defs"
CONFIG_SCHEMA = "config_schema"
# Keywords that bind resource keys to resources (`Definitions`, jobs, assets, `to_job`, ...).
BINDING_KEYWORDS = frozenset({RESOURCES, RESOURCE_DEFS})
# Keywords naming an IO or input manager key (on a decorator, `Out`, `AssetOut`, `In`, ...),
# the decorator keywords holding outputs and inputs, and `AssetSpec(...).with_io_manager_key`.
IO_MANAGER_KEY = "io_manager_key"  # also a keyword of `@asset` and `@multi_asset` itself
INPUT_MANAGER_KEY = "input_manager_key"  # `In(...)`, `AssetIn(...)`
MANAGER_KEY_KEYWORDS = (IO_MANAGER_KEY, INPUT_MANAGER_KEY)
MANAGER_HOLDER_KEYWORDS = ("outs", "out", "ins")
WITH_IO_MANAGER_KEY = "with_io_manager_key"
# `AssetSpec(key, ...)`: the key is its first argument.
SPEC_KEY = "key"
# Sensor and schedule keywords naming the jobs they run.
TARGET_KEYWORDS = ("job", "jobs", "target")

# `with_resources(definitions, resource_defs, resource_config_by_key=None)`
WITH_RESOURCES_DEFINITIONS = "definitions"
WITH_RESOURCES_RESOURCES = RESOURCE_DEFS
# `materialize(assets, run_config=None, instance=None, resources=None, ...)`, and
# `materialize_to_memory` alike
MATERIALIZE_ASSETS = "assets"

# Methods that make or run a job with resources, and resource-building methods.
TO_JOB = "to_job"  # `graph.to_job(resource_defs=...)`
EXECUTE_IN_PROCESS = "execute_in_process"  # `job.execute_in_process(resources=...)`
CONFIGURED = "configured"  # legacy `resource_fn.configured({...})`
CONFIGURE_AT_LAUNCH = "configure_at_launch"  # `Resource.configure_at_launch()`
