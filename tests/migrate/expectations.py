"""What ``dagwire migrate --write`` makes of each pair of ``test-data/migrate``.

``EXACT`` pairs: the result equals ``after/`` byte for byte (TODO lines included). ``TODOS``
lists, per file, the exact TODO lines a pair gets; a pair in ``TODOS`` only is migrated as far
as the codemods can be sure, and its ``after/`` is what a person would write by hand. Every
migrated program must still print the pair's expected output.
"""

from __future__ import annotations

EXACT = frozenset({
    "asset_config_schema",
    "bind_resources_to_jobs",
    "config_get_and_descriptions",
    "context_to_helpers",
    "field_arguments_by_position",
    "hardcoded_and_none",
    "key_bound_per_deployment",
    "mixing",
    "noneable_fields",
    "op_config_job",
    "packages_and_tests",
    "relative_imports",
    "repository_built_definitions",
    "repository_schedules_sensors",
    "resource_configured",
    "resource_defs_everywhere",
    "resource_generator",
    "resource_lifecycle",
    "resources_named_in_blocks",
    "run_config_kept",
    "seed_database",
    "seed_env_source",
    "seed_foo_resource",
    "seed_greeting",
    "sensor_schedule_resources",
    "unread_keys",
    "values_resource",
    "weeks_side_by_side",
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
    "run_config_kept": {"main.py": [
        _203 + 'run config in main.py (hourly) gives config to "tracer", which a class without '
        "fields would refuse: check which job it feeds",
    ]},
}
