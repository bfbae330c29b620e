"""The names a framework exports and what each one is.

The `ast`-based tools (lint rules, `dagwire migrate`) see names as written in an import:
`from dagster import asset as a`, `import dagster as dg` then `dg.asset`. A known exported
name is its own role: tools compare against the exported name (`"Definitions"`) and ask the
groups below what it is (`DECORATORS["multi_asset"]` is the kind `"asset"`). Code moves
between the frameworks by changing the import, so a dagwire import is read like a dagster one
(dagwire refuses some of these names on import, naming the feature); the few names only
Dagster code may use are listed apart.

Verified against the installed dagster package (tests/vocabulary): every name below that
Dagster has is exported by `dagster` (or by the submodule noted beside it).
"""

from __future__ import annotations

# Top-level packages of the frameworks. `dagster_aws` and friends are other libraries.
FRAMEWORKS = ("dagster", "dagwire")

# Decorators that make a definition: exported name -> kind of definition.
DECORATORS: dict[str, str] = {
    "asset": "asset",
    "multi_asset": "asset",
    "graph_asset": "graph_asset",
    "graph_multi_asset": "graph_asset",
    "asset_check": "asset_check",
    "multi_asset_check": "asset_check",
    "op": "op",
    "job": "job",
    "graph": "graph",
    "sensor": "sensor",
    "asset_sensor": "sensor",
    "multi_asset_sensor": "sensor",
    "run_status_sensor": "sensor",
    "run_failure_sensor": "sensor",
    "schedule": "schedule",
    "resource": "resource",
    "io_manager": "io_manager",
    "repository": "repository",
}
# `@dg.definitions`: a function returning a part of the code location's Definitions, which the
# `dg` loader merges with the other parts.
DEFINITIONS_DECORATOR = "definitions"

# Kinds of definition whose function receives resources as parameters.
COMPUTE_KINDS = frozenset({"asset", "asset_check", "op", "sensor", "schedule"})
# Kinds whose function body composes ops (calls there are not direct invocations).
COMPOSITION_KINDS = frozenset({"job", "graph", "graph_asset"})
# Kinds of definition an asset loader collects, and a check loader.
ASSET_KINDS = frozenset({"asset", "graph_asset"})
CHECK_KINDS = frozenset({"asset_check"})

# Binding sites, job builders and helpers, known by their own name.
DEFINITIONS = "Definitions"
BIND_RESOURCES_TO_JOBS = "BindResourcesToJobs"
WITH_RESOURCES = "with_resources"
DEFINE_ASSET_JOB = "define_asset_job"
MATERIALIZE = "materialize"
MATERIALIZE_TO_MEMORY = "materialize_to_memory"  # binds every IO manager key in memory
RUN_CONFIG = "RunConfig"

# Config classes: exported name -> what its subclasses are.
CONFIG_BASES: dict[str, str] = {"Config": "config", "PermissiveConfig": "permissive_config"}
FIELD = "Field"  # dagwire's takes both forms; dagster's is the legacy config schema field
ENV_VAR = "EnvVar"

# Resource classes, by how Dagster treats a parameter annotated with a subclass (its
# `validate_resource_annotated_function` and `_is_resource_annotation`):
# - a resource, accepted: the parameter receives the resource object itself;
RESOURCE_BASES = frozenset({"ConfigurableResource"})
# - a resource whose value is something else: Dagster refuses the annotation and asks for
#   `ResourceParam[<value type>]`;
RESOURCE_FACTORY_BASES = frozenset({"ConfigurableResourceFactory"})
# - an IO manager: refused the same way (dagster's ConfigurableIOManager is a resource
#   factory, not a ConfigurableResource; dagwire's subclasses ConfigurableResource);
IO_MANAGER_BASES = frozenset({
    "ConfigurableIOManager", "ConfigurableIOManagerFactory", "ConfigurableLegacyIOManagerAdapter",
})
# - a class carrying Dagster's `TreatAsResourceParam` marker (Pipes clients): a resource,
#   accepted. No checker follows this marker yet (a known gap of the lint rules and plugin).
RESOURCE_MARKERS = frozenset({"TreatAsResourceParam", "PipesSubprocessClient"})
# Every class whose subclasses are Pythonic resources of some kind, in each framework: the
# root the mypy plugin looks for.
RESOURCE_ROOT: dict[str, str] = {
    "dagster": "ConfigurableResourceFactory",
    "dagwire": "ConfigurableResource",
}
RESOURCE_PARAM = "ResourceParam"  # `ResourceParam[T]`: a resource giving user code a T
# Legacy resources made by a call rather than a class or an `@resource` function, and what
# their users get: `make_values_resource(...)` gives its config (a dict when it has fields);
# `ResourceDefinition.<method>(...)`: the value given, a mock (anything), None or a string.
VALUES_RESOURCE = "make_values_resource"
RESOURCE_DEFINITION = "ResourceDefinition"
RESOURCE_DEFINITION_FACTORIES: dict[str, str] = {
    "hardcoded_resource": "value", "mock_resource": "mock", "none_resource": "none",
    "string_resource": "str",
}
# IO managers bound by their exported name (their users get an IO manager).
IO_MANAGER_RESOURCES = frozenset({
    "fs_io_manager", "mem_io_manager", "FilesystemIOManager", "InMemoryIOManager",
})
RESOURCE_DEPENDENCY = "ResourceDependency"  # `ResourceDependency[T]`: a nested resource field
INIT_RESOURCE_CONTEXT = "InitResourceContext"

# Context types: a parameter annotated with one is the context, whatever its name.
COMPUTE_CONTEXT_TYPES = frozenset({"OpExecutionContext", "AssetExecutionContext"})
CONTEXT_TYPES = COMPUTE_CONTEXT_TYPES | {"SensorEvaluationContext", "ScheduleEvaluationContext"}

# Outputs and inputs of ops and assets: their arguments may name IO and input managers.
IO_SPECS = frozenset({"Out", "DynamicOut", "AssetOut", "In", "AssetIn"})

# Calls that build a context for a direct invocation of an op or asset.
COMPUTE_CONTEXT_BUILDERS = frozenset({"build_op_context", "build_asset_context"})
# Calls that run definitions in the calling process (tests, notebooks, scripts): what their
# arguments read is read at run time.
RUN_NOW_CALLS = COMPUTE_CONTEXT_BUILDERS | {
    "build_sensor_context", "build_schedule_context", "build_init_resource_context",
    "build_resources", MATERIALIZE, MATERIALIZE_TO_MEMORY,
}

# The legacy config schema (`config_schema={...}`): its types, and the Python type each
# scalar means.
SCHEMA_SCALARS: dict[str, str] = {"String": "str", "Int": "int", "Float": "float", "Bool": "bool"}
SCHEMA_SOURCES: dict[str, str] = {"StringSource": "str", "IntSource": "int", "BoolSource": "bool"}
SCHEMA_TYPES = frozenset({"Noneable", "Array", "Shape", "Permissive", "Selector", "Enum"})

# Asset and check loaders: name -> (what they read, the keyword of their first argument or
# None, the kinds of definition they take). What they read: "modules" (a list of modules),
# "package" (a package and every module below it, as pkgutil walks it) or "current" (the
# calling module).
LOAD_ASSETS_FROM_MODULES = "load_assets_from_modules"
LOAD_ASSETS_FROM_PACKAGE_MODULE = "load_assets_from_package_module"
LOADERS: dict[str, tuple[str, str | None, frozenset[str]]] = {
    LOAD_ASSETS_FROM_MODULES: ("modules", "modules", ASSET_KINDS),
    LOAD_ASSETS_FROM_PACKAGE_MODULE: ("package", "package_module", ASSET_KINDS),
    "load_assets_from_current_module": ("current", None, ASSET_KINDS),
    "load_asset_checks_from_modules": ("modules", "modules", CHECK_KINDS),
    "load_asset_checks_from_package_module": ("package", "package_module", CHECK_KINDS),
    "load_asset_checks_from_current_module": ("current", None, CHECK_KINDS),
}
LOADER_NAMES = frozenset(LOADERS)
# Loaders of a project's `defs` folder (`calls.DEFS_FOLDER`).
DEFS_FOLDER_LOADERS = frozenset({"load_from_defs_folder", "load_defs"})

_COMMON = frozenset({
    *DECORATORS, DEFINITIONS_DECORATOR, DEFINITIONS, BIND_RESOURCES_TO_JOBS, WITH_RESOURCES,
    DEFINE_ASSET_JOB, RUN_CONFIG, *CONFIG_BASES, FIELD, ENV_VAR, *RESOURCE_BASES,
    *RESOURCE_FACTORY_BASES, *IO_MANAGER_BASES, RESOURCE_PARAM, RESOURCE_DEPENDENCY,
    INIT_RESOURCE_CONTEXT, *CONTEXT_TYPES, *IO_SPECS, *RUN_NOW_CALLS, *SCHEMA_SCALARS,
    *SCHEMA_SOURCES, *SCHEMA_TYPES, *LOADER_NAMES, *DEFS_FOLDER_LOADERS, *RESOURCE_MARKERS,
    VALUES_RESOURCE, RESOURCE_DEFINITION, *IO_MANAGER_RESOURCES,
})
# Names only Dagster has (dagwire refuses some of them on import, naming the feature).
_DAGSTER_ONLY = frozenset({
    "run_status_sensor", "run_failure_sensor", "ConfigurableLegacyIOManagerAdapter",
    *RESOURCE_MARKERS, "fs_io_manager", "mem_io_manager",
})

# framework -> every name of it the tools know
NAMES: dict[str, frozenset[str]] = {  # keyed by FRAMEWORKS
    "dagster": _COMMON,
    "dagwire": _COMMON - _DAGSTER_ONLY,
}


def framework_of(module: str) -> str | None:
    """`dagster.foo` -> `dagster`; None for any other package (dagster_aws is not dagster)."""
    top = module.split(".", 1)[0]
    return top if top in FRAMEWORKS else None


def role_of(framework: str, name: str) -> str | None:
    """The role of a name imported from a framework (the name itself), None if unknown."""
    return name if name in NAMES[framework] else None
