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
# Kinds whose function builds a resource when a run starts (legacy `@resource`, `@io_manager`).
RESOURCE_KINDS = frozenset({"resource", "io_manager"})
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
# The IO manager base whose objects are their own IO manager: what a `ResourceParam` of a
# subclass receives is the object itself (the others create one).
OWN_IO_MANAGER_BASE = "ConfigurableIOManager"
# - a class carrying Dagster's `TreatAsResourceParam` marker (Pipes clients): a resource,
#   accepted.
RESOURCE_MARKERS = frozenset({"TreatAsResourceParam", "PipesSubprocessClient"})
# Dagster's integration libraries (`dagster_aws`, `dagster_docker`, ...) follow two naming
# conventions the checkers read where they cannot see the class: `<Name>Resource` is a
# ConfigurableResource (`S3Resource`, `SnowflakeResource`, `DbtCliResource`) and
# `Pipes<Name>Client` carries the `TreatAsResourceParam` marker (`PipesDockerClient`).
INTEGRATION_PACKAGE_PREFIX = "dagster_"
INTEGRATION_RESOURCE_SUFFIX = "Resource"
PIPES_CLIENT_AFFIXES = ("Pipes", "Client")
# Decorators of the integration libraries that make assets from a function whose parameters
# follow Dagster's rules (`@dbt_assets(manifest=...) def models(context, dbt: DbtCliResource)`):
# exported name -> kind of definition, read like `DECORATORS`.
INTEGRATION_DECORATORS: dict[str, str] = {
    "dbt_assets": "asset", "sling_assets": "asset", "dlt_assets": "asset",
    "airbyte_assets": "asset", "fivetran_assets": "asset",
}
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
# `AssetSpec(key)`: an asset made elsewhere, listed in `assets=`; with
# `.with_io_manager_key(key)` the assets that read it require that IO manager key.
ASSET_SPEC = "AssetSpec"

# Calls that build a context for a direct invocation of an op or asset, and of any definition.
COMPUTE_CONTEXT_BUILDERS = frozenset({"build_op_context", "build_asset_context"})
CONTEXT_BUILDERS = COMPUTE_CONTEXT_BUILDERS | {"build_sensor_context", "build_schedule_context"}
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

# Asset and check loaders: name -> (what they read, one of READS_*, the keyword of their first
# argument or None, the kinds of definition they take).
READS_MODULES = "modules"  # a list of modules
READS_MODULE = "module"  # one module
READS_PACKAGE = "package"  # a package and every module below it, as pkgutil walks it
READS_PACKAGE_NAME = "package_name"  # the same, named by a string
READS_CURRENT = "current"  # the calling module
LOAD_ASSETS_FROM_MODULES = "load_assets_from_modules"
LOAD_ASSETS_FROM_PACKAGE_MODULE = "load_assets_from_package_module"
LOAD_ASSETS_FROM_PACKAGE_NAME = "load_assets_from_package_name"
LOADERS: dict[str, tuple[str, str | None, frozenset[str]]] = {
    LOAD_ASSETS_FROM_MODULES: (READS_MODULES, "modules", ASSET_KINDS),
    LOAD_ASSETS_FROM_PACKAGE_MODULE: (READS_PACKAGE, "package_module", ASSET_KINDS),
    "load_assets_from_current_module": (READS_CURRENT, None, ASSET_KINDS),
    "load_asset_checks_from_modules": (READS_MODULES, "modules", CHECK_KINDS),
    "load_asset_checks_from_package_module": (READS_PACKAGE, "package_module", CHECK_KINDS),
    "load_asset_checks_from_current_module": (READS_CURRENT, None, CHECK_KINDS),
    LOAD_ASSETS_FROM_PACKAGE_NAME: (READS_PACKAGE_NAME, "package_name", ASSET_KINDS),
}
LOADER_NAMES = frozenset(LOADERS)
# Loaders that make a whole `Definitions` of every kind of definition their modules hold, and
# bind their `resources=`: name -> (what they read, the keyword of their first argument).
# (`load_definitions_from_current_module` is left out: in dagster 1.13 it reads the module of
# its own `@preview` wrapper, not the caller's, and finds nothing.)
LOADABLE_KINDS = ASSET_KINDS | CHECK_KINDS | frozenset({"job", "sensor", "schedule"})
DEFINITIONS_LOADERS: dict[str, tuple[str, str | None]] = {
    "load_definitions_from_module": (READS_MODULE, "module"),
    "load_definitions_from_modules": (READS_MODULES, "modules"),
    "load_definitions_from_package_module": (READS_PACKAGE, "package_module"),
    "load_definitions_from_package_name": (READS_PACKAGE_NAME, "package_name"),
}
# Loaders of a dg project's `defs` folder (`calls.DEFS_FOLDER`): `load_from_defs_folder(
# path_within_project=...)` finds the project's config and its defs module, `load_defs(
# defs_root=module)` takes the module. Each module there gives its Definitions object, else
# its `@definitions` functions, else its `@component_instance` components and its loose
# definitions; a folder with a `defs.yaml` is a component.
LOAD_FROM_DEFS_FOLDER = "load_from_defs_folder"
LOAD_DEFS = "load_defs"
DEFS_FOLDER_LOADERS = frozenset({LOAD_FROM_DEFS_FOLDER, LOAD_DEFS})
COMPONENT_INSTANCE = "component_instance"
COMPONENT = "Component"
DEFS_FOLDER_COMPONENT = "DefsFolderComponent"
# Library components whose Definitions bind no resource key, as `package.Class` (the top-level
# package and the class name: `type: dagster_sling.SlingReplicationCollectionComponent` and a
# project class inheriting from it both name it). Read from each one's `build_defs` (or
# `build_defs_from_state`, which dagster's state-backed components build from) and checked by
# loading a defs folder. Any other library component may bind any key: dagster's
# `DefinitionsComponent` binds what its Python file binds, and the resource components of
# dagster_aws and dagster_gcp bind the key named by their `resource_key` attribute.
COMPONENTS_BINDING_NO_KEY = frozenset({
    "dagster.FunctionComponent", "dagster.PythonScriptComponent", "dagster.UvRunComponent",
    "dagster.TemplatedSqlComponent",
    "dagster_dbt.DbtProjectComponent", "dagster_dbt.DbtCloudComponent",
    "dagster_sling.SlingReplicationCollectionComponent", "dagster_dlt.DltLoadCollectionComponent",
    "dagster_fivetran.FivetranAccountComponent", "dagster_snowflake.SnowflakeDbtProjectComponent",
})

# Decorators that take `required_resource_keys=` as any collection of key strings (dagster's
# `@op` makes a set of it), though their annotation says a set: a list is common.
KEY_LIST_DECORATORS = frozenset({"op"})

# Calls that return the list they are given, with metadata added: the definitions listed are
# the argument's (`Definitions(assets=with_source_code_references([...]))`). The library ones
# by module.
LIST_WRAPPERS = frozenset({"with_source_code_references", "link_code_references_to_git"})
LIBRARY_LIST_WRAPPERS: dict[str, frozenset[str]] = {
    "dagster_cloud.metadata.source_code": frozenset({"link_code_references_to_git_if_cloud"}),
}
# Decorators of a project's builder function that return what its body returns (a cached
# factory `@functools.cache def make_assets(): ...` gives the same definitions on each call),
# by module.
RETURN_KEEPING_DECORATORS: dict[str, frozenset[str]] = {
    "functools": frozenset({"cache", "lru_cache"}),
}

# Calls that make a schedule or sensor for a job given by argument (`job=`, or first): the
# job is part of the Definitions that list the schedule.
BUILD_SCHEDULE_FROM_PARTITIONED_JOB = "build_schedule_from_partitioned_job"
JOB_TRIGGERS = frozenset({
    BUILD_SCHEDULE_FROM_PARTITIONED_JOB, "ScheduleDefinition", "SensorDefinition",
})
# Calls that build a definition (`nightly = define_asset_job(...)`) -> the kind of definition,
# named as its decorator is; `<graph>.to_job(...)` (`calls.TO_JOB`) builds a job too.
DEFINITION_BUILDERS: dict[str, str] = {
    DEFINE_ASSET_JOB: "job", "ScheduleDefinition": "schedule",
    BUILD_SCHEDULE_FROM_PARTITIONED_JOB: "schedule", "SensorDefinition": "sensor",
}

# `Definitions(**collect(globals()))`: a builder function given the calling module's namespace
# (`GLOBALS()`) keeps the values that are instances of some classes (`isinstance(obj,
# dg.AssetsDefinition)`). Class -> the kinds of definition whose objects are instances in
# both frameworks (an AssetSpec, and an asset job before it is resolved, require nothing of
# their own); and the kinds whose objects are instances in one of them only (dagster's
# AssetChecksDefinition subclasses AssetsDefinition, dagwire's does not).
GLOBALS = "globals"
UNRESOLVED_ASSET_JOB = "UnresolvedAssetJobDefinition"
DEFINITION_CLASSES_IN_ONE: dict[str, frozenset[str]] = {"AssetsDefinition": CHECK_KINDS}
DEFINITION_CLASSES: dict[str, frozenset[str]] = {
    "AssetsDefinition": ASSET_KINDS,
    "AssetChecksDefinition": CHECK_KINDS,
    ASSET_SPEC: frozenset(),
    "JobDefinition": frozenset({"job"}),
    UNRESOLVED_ASSET_JOB: frozenset(),
    "SensorDefinition": frozenset({"sensor"}),
    "ScheduleDefinition": frozenset({"schedule"}),
}

_COMMON = frozenset({
    *DECORATORS, DEFINITIONS_DECORATOR, DEFINITIONS, BIND_RESOURCES_TO_JOBS, WITH_RESOURCES,
    DEFINE_ASSET_JOB, RUN_CONFIG, *CONFIG_BASES, FIELD, ENV_VAR, *RESOURCE_BASES,
    *RESOURCE_FACTORY_BASES, *IO_MANAGER_BASES, RESOURCE_PARAM, RESOURCE_DEPENDENCY,
    INIT_RESOURCE_CONTEXT, *CONTEXT_TYPES, *IO_SPECS, *RUN_NOW_CALLS, *SCHEMA_SCALARS,
    *SCHEMA_SOURCES, *SCHEMA_TYPES, *LOADER_NAMES, *DEFS_FOLDER_LOADERS, *RESOURCE_MARKERS,
    *DEFINITIONS_LOADERS, COMPONENT_INSTANCE, COMPONENT, DEFS_FOLDER_COMPONENT, *LIST_WRAPPERS,
    *JOB_TRIGGERS, VALUES_RESOURCE, RESOURCE_DEFINITION, *IO_MANAGER_RESOURCES,
    *DEFINITION_CLASSES,
})
# Names only Dagster has (dagwire refuses some of them on import, naming the feature).
_DAGSTER_ONLY = frozenset({
    "run_status_sensor", "run_failure_sensor", "ConfigurableLegacyIOManagerAdapter",
    *RESOURCE_MARKERS, *DEFINITIONS_LOADERS, COMPONENT_INSTANCE,
    COMPONENT, DEFS_FOLDER_COMPONENT, *LIST_WRAPPERS, BUILD_SCHEDULE_FROM_PARTITIONED_JOB,
    "SensorDefinition", "fs_io_manager", "mem_io_manager", UNRESOLVED_ASSET_JOB,
})

# framework -> every name of it the tools know
NAMES: dict[str, frozenset[str]] = {  # keyed by FRAMEWORKS
    "dagster": _COMMON,
    "dagwire": _COMMON - _DAGSTER_ONLY,
}


def component_binds_no_key(class_path: str) -> bool:
    """Is the library component a dotted path names (`dagster_dbt.DbtProjectComponent`, or
    its full module path) one whose Definitions bind no resource key?"""
    top, _, rest = class_path.partition(".")
    return bool(rest) and f"{top}.{rest.rpartition('.')[2]}" in COMPONENTS_BINDING_NO_KEY


def framework_of(module: str) -> str | None:
    """`dagster.foo` -> `dagster`; None for any other package (dagster_aws is not dagster)."""
    top = module.split(".", 1)[0]
    return top if top in FRAMEWORKS else None


def integration_role(module: str, name: str) -> str | None:
    """The role of a name imported from an integration library (`dagster_dbt.dbt_assets`)."""
    if module.split(".", 1)[0].startswith(INTEGRATION_PACKAGE_PREFIX):
        return name if name in INTEGRATION_DECORATORS else None
    return None


def role_of(framework: str, name: str) -> str | None:
    """The role of a name imported from a framework (the name itself), None if unknown."""
    return name if name in NAMES[framework] else None


def class_kinds(name: str) -> tuple[frozenset[str], frozenset[str]]:
    """For a class of `DEFINITION_CLASSES`: the kinds of definition whose objects are surely
    instances, and the kinds whose objects may be."""
    sure = DEFINITION_CLASSES[name]
    return sure, sure | DEFINITION_CLASSES_IN_ONE.get(name, frozenset())
