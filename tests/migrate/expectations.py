"""What ``dagwire migrate --write`` makes of each pair of ``test-data/migrate``.

``EXACT`` pairs: the result equals ``after/`` byte for byte. Every other pair is migrated as
far as the codemods can be sure; ``TODOS`` lists, per file, the exact TODO lines it gets (and
the migrated program must still print the pair's expected output).
"""

from __future__ import annotations

EXACT = frozenset({
    "asset_config_schema",
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
_GENERATOR = ("it is a generator resource (the code after `yield` belongs in "
              "teardown_after_execution)")

TODOS: dict[str, dict[str, list[str]]] = {
    "bind_resources_to_jobs": {"main.py": [
        _203 + "its body does more than build an object from its config",
        _201 + '"labeler" is bound to the legacy resource main.labeler (its body does more '
        "than build an object from its config)",
    ]},
    "config_types": {"main.py": [
        _202 + '"options" is a Permissive, which has no exact Config form; the type of "mode" '
        "(Enum.from_python_enum(Mode)) is not a plain type the codemod knows",
    ]},
    "hardcoded_and_none": {"main.py": [
        _201 + '"regions" is bound to ResourceDefinition.hardcoded_resource, not a '
        "ConfigurableResource class",
    ]},
    "mixing": {"main.py": [
        _203 + "Notifier is used outside the resource function",
        _201 + '"notifier" is bound to the legacy resource main.notifier (Notifier is used '
        "outside the resource function)",
    ]},
    "multi_module": {
        "assets.py": [
            _201 + '"warehouse" is bound to the legacy resource resources.warehouse (key '
            '"schema" would shadow a pydantic attribute; rename it)',
        ],
        "resources.py": [
            _203 + 'key "schema" would shadow a pydantic attribute; rename it',
        ],
    },
    "required_keys_access": {"main.py": [
        _201 + "context.resources.original_resource_dict",
    ]},
    "resource_defs_everywhere": {"main.py": [
        _203 + "Counter.bump sets self.value (a ConfigurableResource is frozen)",
        *[_201 + '"counter" is bound to the legacy resource main.counter (Counter.bump sets '
          "self.value (a ConfigurableResource is frozen))"] * 3,
    ]},
    "resource_generator": {"main.py": [
        _203 + _GENERATOR,
        *[_201 + '"connection" is bound to the legacy resource main.connection '
          f"({_GENERATOR})"] * 2,
    ]},
    "values_resource": {"main.py": [
        *[_201 + '"settings" is bound to make_values_resource, not a ConfigurableResource '
          "class"] * 2,
    ]},
}
