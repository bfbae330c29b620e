"""The frameworks the rules understand, known by qualified names only (never imported).

One table per framework maps an exported name to its *role*: the rules reason about roles
("asset", "ConfigurableResource", ...) so `dagster.asset`, `dagwire.asset` and
`from dagster import asset as a` all mean the same thing.
"""

from __future__ import annotations

# Roles shared by both frameworks. The value is what the rules compare against.
_COMMON_NAMES: dict[str, str] = {
    # decorators that create definitions
    "asset": "asset",
    "multi_asset": "asset",
    "asset_check": "asset_check",
    "graph_asset": "graph_asset",
    "graph_multi_asset": "graph_asset",
    "multi_asset_check": "asset_check",
    "op": "op",
    "job": "job",
    "graph": "graph",
    "sensor": "sensor",
    "asset_sensor": "sensor",
    "multi_asset_sensor": "sensor",
    "schedule": "schedule",
    "resource": "resource",
    "io_manager": "io_manager",
    "repository": "repository",
    # binding sites and helpers
    "Definitions": "Definitions",
    "definitions": "definitions",  # @dg.definitions: a partial Definitions merged by dg
    "BindResourcesToJobs": "BindResourcesToJobs",
    "with_resources": "with_resources",
    "define_asset_job": "define_asset_job",
    "load_assets_from_modules": "load_assets_from_modules",
    "load_assets_from_package_module": "load_assets_from_package_module",
    "load_assets_from_current_module": "load_assets_from_current_module",
    "load_asset_checks_from_modules": "load_asset_checks_from_modules",
    "load_asset_checks_from_package_module": "load_asset_checks_from_package_module",
    "load_asset_checks_from_current_module": "load_asset_checks_from_current_module",
    # config and resources
    "Config": "Config",
    "PermissiveConfig": "PermissiveConfig",
    "RunConfig": "RunConfig",
    "Field": "Field",
    "ConfigurableResource": "ConfigurableResource",
    "ConfigurableIOManager": "ConfigurableResource",
    "ConfigurableResourceFactory": "ConfigurableResource",
    "ConfigurableIOManagerFactory": "ConfigurableResource",
    "ResourceParam": "ResourceParam",
    "EnvVar": "EnvVar",
    "StringSource": "StringSource",
    "IntSource": "IntSource",
    "BoolSource": "BoolSource",
    # contexts (a parameter annotated with one is the context, whatever its name)
    "OpExecutionContext": "context",
    "AssetExecutionContext": "context",
    "SensorEvaluationContext": "context",
    "ScheduleEvaluationContext": "context",
    # outputs and inputs of ops and assets (they may name IO / input managers)
    "Out": "io_spec",
    "DynamicOut": "io_spec",
    "AssetOut": "io_spec",
    "In": "io_spec",
    "AssetIn": "io_spec",
    # calls that run definitions in the calling process (tests, notebooks, scripts): what
    # their arguments read is read at run time
    "build_op_context": "run_now",
    "build_asset_context": "run_now",
    "build_sensor_context": "run_now",
    "build_schedule_context": "run_now",
    "build_init_resource_context": "run_now",
    "build_resources": "run_now",
    "materialize": "materialize",
    "materialize_to_memory": "materialize_to_memory",
}

DAGSTER_NAMES: dict[str, str] = {
    **_COMMON_NAMES,
    "ConfigurableLegacyIOManagerAdapter": "ConfigurableResource",
    "run_status_sensor": "sensor",
    "run_failure_sensor": "sensor",
}

DAGWIRE_NAMES: dict[str, str] = dict(_COMMON_NAMES)

FRAMEWORKS: dict[str, dict[str, str]] = {
    "dagster": DAGSTER_NAMES,
    "dagwire": DAGWIRE_NAMES,
}

# Decorator roles that turn a function into something that requires resources.
COMPUTE_KINDS = frozenset({"asset", "asset_check", "op", "sensor", "schedule"})
DEFINITION_KINDS = frozenset({
    "asset", "asset_check", "op", "job", "graph", "graph_asset", "sensor", "schedule", "resource",
    "io_manager", "repository",
})
# Roles of calls that run definitions right away (their arguments are read at run time).
RUN_NOW_ROLES = frozenset({"run_now", "materialize", "materialize_to_memory"})
# Context parameter names Dagster recognises for ops and assets.
CONTEXT_NAMES = frozenset({"context", "_context", "context_", "_"})


def framework_of(module: str) -> str | None:
    """`dagster.foo` -> `dagster`; None for any other package (dagster_aws is not dagster)."""
    top = module.split(".", 1)[0]
    return top if top in FRAMEWORKS else None


def role_of(framework: str, name: str) -> str | None:
    return FRAMEWORKS[framework].get(name)
