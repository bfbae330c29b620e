"""The one table from each tool's own words to the suite's neutral finding kinds.

A conformance program marks a mistake once, as `# expect: KIND ARG`. Each tool says it its
own way: mypy with an error code and a message, flake8 with an RSC code, the dagwire runtime
and real dagster with an exception (at load, run or tick). Each rule below is
`(code or exception class, message pattern)`; the pattern's `arg` group is the ARG. Anything a
tool reports that no rule maps becomes `error <code or class>`: never expected, so it fails the
suite unless a program marks it as a known false report (`# extra:`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

Rule = tuple[str, str]


@dataclass(frozen=True)
class Kind:
    name: str
    meaning: str
    mypy: tuple[Rule, ...] = ()
    flake8: tuple[Rule, ...] = ()
    runtime: tuple[Rule, ...] = ()
    dagster: tuple[Rule, ...] = ()
    # dagwire reports it on purpose where dagster may run the code (documented in
    # docs/runtime.md): dagster need not report it, and may (a nested field pydantic checks)
    stricter_than_dagster: bool = False
    # only a tool's unmapped output is of this kind: it can be an `# extra:`, never expected
    markable: bool = True


_KIND_LIST = (
    Kind(
        "unbound",
        "a resource key a definition requires is not bound where the definition is bound",
        mypy=(("dagwire-unbound-resource", r'^Resource "(?P<arg>[^"]+)" required by'),),
        flake8=(("RSC101", r"^RSC101 resource key '(?P<arg>[^']+)' is required by"),),
        runtime=(("DagwireInvalidDefinitionError", r"resource '(?P<arg>[^']+)' is not bound"),),
        dagster=(
            ("DagsterInvalidDefinitionError",
             r"(?:resource|io manager|input manager) with key '(?P<arg>[^']+)' required by "
             r".*? was not provided"),
            # a sensor or schedule tick: dagster builds only the bound resources, the
            # function's parameter lookup fails
            ("tick:KeyError", r"^KeyError: '(?P<arg>[^']+)'"),
        ),
    ),
    Kind(
        "unbound-nested",
        "a partially configured nested resource (configure_at_launch()) is not bound at the "
        "top level; ARG is the field",
        runtime=(("DagwireInvalidDefinitionError",
                  r"field '(?:[\w.]+\.)?(?P<arg>\w+)' is a partially configured"),),
        dagster=(("DagsterInvalidDefinitionError",
                  r"Failed to resolve resource nested at (?:\w+\.)+?(?P<arg>\w+)\."),),
    ),
    Kind(
        "wrong-class",
        "a resource is bound under key ARG (or set as nested resource field ARG) with a class "
        "that does not fit the annotation",
        mypy=(("dagwire-resource-type", r'^Resource "(?P<arg>[^"]+)" is bound to'),
              ("dagwire-resource-type", r'^Field "(?P<arg>[^"]+)" of .* expects resource'),
              # a nested field in dagwire mode: mypy's own check of the constructor
              ("arg-type", r'^Argument "(?P<arg>\w+)" to "\w+" has incompatible type "\w+"; '
                           r'expected "\w+"$')),
        # pydantic refuses a nested field of another class when the resource is built
        runtime=(("DagwireInvalidDefinitionError",
                  r"resource '(?P<arg>[^']+)' is bound to an? .*?, but "),
                 ("ValidationError", r"^(?P<arg>\w+)\n  Input should be a valid dictionary or "
                                     r"instance of")),
        dagster=(("ValidationError", r"^(?P<arg>\w+)\.\w+\n  Input should be a valid dictionary "
                                     r"or instance of"),),
        stricter_than_dagster=True,
    ),
    Kind(
        "io-manager-param",
        "a resource parameter is annotated with an IO manager class (dagster: use "
        "ResourceParam[...])",
        mypy=(("dagwire-resource-annotation",
               r'^Parameter "(?P<arg>[^"]+)" of .* is annotated with IO manager '),),
        flake8=(("RSC104", r"^RSC104 parameter '(?P<arg>[^']+)' of .* is annotated with IO "
                           r"manager class "),),
        runtime=(("DagwireInvalidDefinitionError",
                  r"Resource param '(?P<arg>[^']+)' is annotated as .* outputs an unknown "
                  r"value to user code"),),
        dagster=(("DagsterInvalidDefinitionError",
                  r"^Resource param '(?P<arg>[^']+)' is annotated as .* outputs an unknown "
                  r"value to user code"),),
    ),
    Kind(
        "undeclared-resource",
        "context.resources.ARG is read, but the function does not declare the key",
        mypy=(("dagwire-undeclared-resource",
               r'^"context\.resources\.(?P<arg>\w+)" is not declared'),),
        flake8=(("RSC102", r"^RSC102 context\.resources\.(?P<arg>\w+) "),),
        runtime=(("DagwireResourceNotFoundError",
                  r"^resource '(?P<arg>[^']+)' is not available to"),),
        dagster=(("DagsterUnknownResourceError", r"Unknown resource `(?P<arg>[^`]+)`"),),
    ),
    Kind(
        "run-config-op",
        "run config names an op (ARG) the job does not contain",
        mypy=(("dagwire-run-config", r'^Run config names op "(?P<arg>[^"]+)"'),),
        runtime=(("DagwireInvalidConfigError", r"no op or asset named '(?P<arg>[^']+)'"),),
        dagster=(("DagsterInvalidConfigError",
                  r'Received unexpected config entry "(?P<arg>[^"]+)" at '
                  # a job's own config= is checked without the "ops" level
                  r"(?:path root:ops\.|the root\.)"),),
    ),
    Kind(
        "config-type",
        "run config gives op ARG a Config object of another class",
        mypy=(("dagwire-config-type", r'^Config "[^"]+" given to (?:op|asset) "(?P<arg>[^"]+)"'),),
        runtime=(("DagwireInvalidConfigError",
                  r"^- op '(?P<arg>[^']+)': \w+: (?:Extra inputs|Field required)"),),
        dagster=(("DagsterInvalidConfigError",
                  r'config entry "[^"]+" at path root:ops:(?P<arg>\w+):config'),),
    ),
    Kind(
        "invocation",
        "a direct call of an asset or op omits the resource parameter ARG",
        # both flavours: the plugin's own message (not mypy's missing argument in dagwire mode)
        mypy=(("dagwire-invocation", r'^Direct call of .* omits resource "(?P<arg>[^"]+)"'),),
        runtime=(("DagwireResourceNotFoundError",
                  r"was called without its resource parameter '(?P<arg>[^']+)'"),),
        dagster=(("KeyError", r"^'(?P<arg>[^']+)'$"),),
    ),
    Kind(
        "error",
        "anything else a tool reports (ARG: its code or exception class); never expected",
        markable=False,
    ),
)

KINDS: dict[str, Kind] = {kind.name: kind for kind in _KIND_LIST}
MARKABLE = sorted(name for name, kind in KINDS.items() if kind.markable)


def _rules(tool: str) -> list[tuple[str, str, re.Pattern[str]]]:
    return [
        (kind.name, code, re.compile(pattern, re.M))
        for kind in _KIND_LIST
        for code, pattern in getattr(kind, tool)
    ]


_BY_TOOL = {tool: _rules(tool) for tool in ("mypy", "flake8", "runtime", "dagster")}


def classify_line(tool: str, code: str, message: str) -> tuple[str, str]:
    """One line of mypy or flake8 output -> (kind, arg)."""
    for kind, rule_code, pattern in _BY_TOOL[tool]:
        if rule_code == code:
            match = pattern.search(message)
            if match:
                return kind, match["arg"]
    return "error", code


def classify_failure(
    tool: str, phase: str, chain: Sequence[tuple[str, str]]
) -> set[tuple[str, str]]:
    """An exception (with its causes: `(class name, message)` each) -> every (kind, arg) in it."""
    found: set[tuple[str, str]] = set()
    for class_name, message in chain:
        for kind, rule_code, pattern in _BY_TOOL[tool]:
            wanted_phase, _, wanted_class = rule_code.rpartition(":")
            if wanted_class != class_name or (wanted_phase and wanted_phase != phase):
                continue
            found |= {(kind, match["arg"]) for match in pattern.finditer(message)}
    if not found:
        found.add(("error", chain[0][0]))
    return found
