"""Error codes of the dagwire mypy plugin: one umbrella code, one sub-code per check.

`# type: ignore[dagwire]` and `--disable-error-code dagwire` cover every sub-code.
"""

from __future__ import annotations

from mypy.errorcodes import ErrorCode

DAGWIRE = ErrorCode("dagwire", "Resource and config checks of the dagwire plugin", "dagwire")

UNBOUND_RESOURCE = ErrorCode(
    "dagwire-unbound-resource",
    "A definition requires a resource key that Definitions(resources=...) does not bind",
    "dagwire",
    sub_code_of=DAGWIRE,
)
RESOURCE_TYPE = ErrorCode(
    "dagwire-resource-type",
    "A resource bound or passed under a key is not compatible with the parameter's annotation",
    "dagwire",
    sub_code_of=DAGWIRE,
)
CONFIG_TYPE = ErrorCode(
    "dagwire-config-type",
    "A Config object of the wrong class is given for an op or asset",
    "dagwire",
    sub_code_of=DAGWIRE,
)
RUN_CONFIG = ErrorCode(
    "dagwire-run-config",
    "Run config names an op that does not exist or that takes no config",
    "dagwire",
    sub_code_of=DAGWIRE,
)
INVOCATION = ErrorCode(
    "dagwire-invocation",
    "A direct call of a definition omits a resource or passes a context it does not declare",
    "dagwire",
    sub_code_of=DAGWIRE,
)
UNDECLARED_RESOURCE = ErrorCode(
    "dagwire-undeclared-resource",
    "context.resources.<key> is read but the key is not in required_resource_keys",
    "dagwire",
    sub_code_of=DAGWIRE,
)
RESOURCE_ANNOTATION = ErrorCode(
    "dagwire-resource-annotation",
    "A parameter is annotated with a class dagster refuses as a resource annotation (an IO "
    "manager, a resource factory): ResourceParam[...] is needed",
    "dagwire",
    sub_code_of=DAGWIRE,
)
UNUSED_RESOURCE = ErrorCode(
    "dagwire-unused-resource",
    "A key bound in Definitions(resources=...) that nothing requires (opt-in)",
    "dagwire",
    sub_code_of=DAGWIRE,
)

ALL_CODES = (
    UNBOUND_RESOURCE,
    RESOURCE_TYPE,
    CONFIG_TYPE,
    RUN_CONFIG,
    INVOCATION,
    UNDECLARED_RESOURCE,
    RESOURCE_ANNOTATION,
    UNUSED_RESOURCE,
)
