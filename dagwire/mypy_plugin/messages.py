"""Message texts, in one place so that docs and tests quote the same words."""

from __future__ import annotations

from collections.abc import Iterable

from mypy.messages import format_type_bare
from mypy.options import Options
from mypy.types import Type

from dagwire.suggestions import unbound_hint

QUOTE = '"'  # mypy quotes names with double quotes


def fmt(t: Type, options: Options) -> str:
    return f'"{format_type_bare(t, options)}"'


def where(label: str | None) -> str:
    return f' for "{label}"' if label else ""


def unbound(
    key: str,
    owner: str,
    expects: str | None,
    label: str | None,
    bound_in: str,
    bound: Iterable[str],
) -> str:
    expected = f" (expects {expects})" if expects else ""
    return (
        f'Resource "{key}" required by {owner}{expected} is not bound in '
        f"{bound_in}{where(label)}; {unbound_hint(key, bound, quote=QUOTE)}"
    )


def unbound_in_job(
    key: str, owner: str, job: str, expects: str | None, bound: Iterable[str]
) -> str:
    expected = f" (expects {expects})" if expects else ""
    return (
        f'Resource "{key}" required by {owner}{expected} is not bound in the resource_defs '
        f'of job "{job}"; {unbound_hint(key, bound, quote=QUOTE)}'
    )


def bound_here(key: str) -> str:
    """The note at the line of the key an unbound one most likely misspells."""
    return f"{QUOTE}{key}{QUOTE} is bound here"


def wrong_binding(key: str, bound: str, owner: str, expects: str, label: str | None) -> str:
    return f'Resource "{key}" is bound to {bound}{where(label)} but {owner} expects {expects}'


def unused(key: str, label: str | None) -> str:
    return (
        f'Resource "{key}" is bound in Definitions(resources=...){where(label)} '
        "but nothing requires it"
    )


def run_config_unknown_op(op: str, owner: str) -> str:
    return f'Run config names op "{op}", which is not in {owner}'


def run_config_no_config(op: str, owner: str) -> str:
    return f'Run config gives config to op "{op}" of {owner}, but the op takes no config'


def wrong_config(given: str, owner: str, expects: str) -> str:
    return f"Config {given} given to {owner}, which expects {expects}"


def missing_resource_arg(key: str, owner: str, expects: str) -> str:
    return f'Direct call of {owner} omits resource "{key}" ({expects})'


def wrong_resource_arg(key: str, given: str, owner: str, expects: str) -> str:
    return f'Resource "{key}" passed to {owner} is {given}, expected {expects}'


def undeclared_resource(key: str, owner: str) -> str:
    return f'"context.resources.{key}" is not declared in required_resource_keys of {owner}'


def wrong_field(field: str, owner: str, expects: str, given: str) -> str:
    return f'Field "{field}" of {owner} expects resource {expects}, got {given}'


def refused_annotation(param: str, owner: str, what: str, annotation: str, gives: str) -> str:
    return (
        f'Parameter "{param}" of {owner} is annotated with {what} {annotation}, which dagster '
        f"refuses as a resource annotation; use ResourceParam[{gives}]"
    )


def env_var_int(field: str, variable: str) -> str:
    shown = f"{QUOTE}{variable}{QUOTE}" if variable != "..." else variable
    return f'Field "{field}" is an int: EnvVar.int({shown}) reads the variable as one'
