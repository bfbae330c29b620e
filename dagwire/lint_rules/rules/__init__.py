"""One module per rule; each has CODE, its message template(s) and `check(file)`."""

from __future__ import annotations

from types import ModuleType

from dagwire.lint_rules.rules import (
    config_resource_mixup,
    env_dict_source,
    env_read_at_definition,
    function_resource,
    hardcoded_secret,
    legacy_context_resources,
    legacy_op_config,
    unbound_resource,
    undeclared_context_resource,
    unknown_config_key,
    unused_declared_key,
)

ALL_RULES: tuple[ModuleType, ...] = (
    unbound_resource,  # RSC101
    undeclared_context_resource,  # RSC102
    unknown_config_key,  # RSC103
    config_resource_mixup,  # RSC104
    legacy_context_resources,  # RSC201
    legacy_op_config,  # RSC202
    function_resource,  # RSC203
    unused_declared_key,  # RSC204
    env_dict_source,  # RSC205
    hardcoded_secret,  # RSC301
    env_read_at_definition,  # RSC302
)
