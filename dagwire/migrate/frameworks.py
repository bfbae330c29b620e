"""The frameworks the migration rewrites, known by qualified names (never imported).

A small copy of the roles table of ``dagwire.lint_rules.frameworks``: the migration only needs
the names it rewrites, and importing the lint package here would couple two parts that the
design keeps independent.
"""

from __future__ import annotations

FRAMEWORK_MODULES = frozenset({"dagster", "dagwire"})

# exported name -> role
ROLES: dict[str, str] = {
    "asset": "asset",
    "op": "op",
    "job": "job",
    "graph": "graph",
    "sensor": "sensor",
    "schedule": "schedule",
    "resource": "resource",
    "repository": "repository",
    "Definitions": "Definitions",
    "with_resources": "with_resources",
    "define_asset_job": "define_asset_job",
    "materialize": "materialize",
    "build_op_context": "build_op_context",
    "build_asset_context": "build_op_context",
    "Config": "Config",
    "PermissiveConfig": "PermissiveConfig",
    "ConfigurableResource": "ConfigurableResource",
    "ConfigurableIOManager": "ConfigurableResource",
    "ConfigurableResourceFactory": "ConfigurableResource",
    "ResourceParam": "ResourceParam",
    "EnvVar": "EnvVar",
    "Field": "Field",
    "Array": "Array",
    "Noneable": "Noneable",
    "Shape": "Shape",
    "Permissive": "Permissive",
    "Selector": "Selector",
    "Enum": "Enum",
    "StringSource": "StringSource",
    "IntSource": "IntSource",
    "BoolSource": "BoolSource",
    "InitResourceContext": "InitResourceContext",
    "String": "String",
    "Int": "Int",
    "Float": "Float",
    "Bool": "Bool",
    "OpExecutionContext": "context",
    "AssetExecutionContext": "context",
}

# Decorators whose functions the resource/config codemods rewrite.
COMPUTE_ROLES = frozenset({"op", "asset"})
# Decorators whose bodies compose ops (a call there is not a direct invocation).
COMPOSE_ROLES = frozenset({"job", "graph"})
# Parameter names Dagster takes for the context of an op or asset.
CONTEXT_NAMES = frozenset({"context", "_context", "context_", "_"})

# Keyword arguments that bind resource keys to definitions.
BINDING_KEYWORDS = frozenset({"resources", "resource_defs"})

# Plain schema types and the Python type each means.
SCALAR_TYPES: dict[str, str] = {"str": "str", "int": "int", "float": "float", "bool": "bool"}
SOURCE_TYPES: dict[str, str] = {"StringSource": "str", "IntSource": "int", "BoolSource": "bool"}
# The framework's own names for the plain types (`"x": String`), by role.
FRAMEWORK_SCALARS: dict[str, str] = {"String": "str", "Int": "int", "Float": "float",
                                     "Bool": "bool"}


def framework_of(module: str) -> str | None:
    top = module.split(".", 1)[0]
    return top if top in FRAMEWORK_MODULES else None
