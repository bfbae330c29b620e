"""What ``dagwire migrate --write`` makes of each pair of ``test-data/migrate``.

``EXACT`` pairs: the result equals ``after/`` byte for byte. Every other pair is migrated as
far as the codemods can be sure; ``TODOS`` lists, per file, the exact TODO lines it gets (and
the migrated program must still print the pair's expected output).
"""

from __future__ import annotations

EXACT = frozenset({
    "asset_config_schema",
    "bind_resources_to_jobs",
    "hardcoded_and_none",
    "mixing",
    "resource_defs_everywhere",
    "resource_generator",
    "values_resource",
    "config_get_and_descriptions",
    "noneable_fields",
    "op_config_job",
    "packages_and_tests",
    "relative_imports",
    "repository_schedules_sensors",
    "resource_configured",
    "seed_database",
    "seed_env_source",
    "seed_foo_resource",
    "seed_greeting",
})

_201 = "# TODO(dagwire): RSC201 move resources to parameters by hand: "
_202 = "# TODO(dagwire): RSC202 write a Config class by hand: "
_203 = "# TODO(dagwire): RSC203 write a ConfigurableResource class by hand: "

TODOS: dict[str, dict[str, list[str]]] = {
    "config_types": {"main.py": [
        _202 + '"options" is a Permissive, which has no exact Config form; the type of "mode" '
        "(Enum.from_python_enum(Mode)) is not a plain type the codemod knows",
    ]},
    "multi_module": {
        "resources.py": [
            _203 + 'key "schema" would shadow a pydantic attribute; rename it',
        ],
    },
    "required_keys_access": {"main.py": [
        _201 + "context.resources.original_resource_dict",
    ]},
}
