"""RSC104: config and resources mixed up in a signature.

Only the parameter named `config` receives config; every other parameter annotated with a
Config class is taken for an input (an upstream asset) and fails at load time. And a resource
annotated on the parameter named `config` makes Dagster require a resource keyed 'config',
a name everyone reads as run config. A resource parameter annotated with an IO manager or
resource factory class is refused when the definition is made: its objects give user code
something else than themselves, which `ResourceParam[...]` must name.
"""

from __future__ import annotations

import ast
from typing import Iterator

from dagwire.lint_rules.file_check import FileCheck, Finding, finding
from dagwire.source_model.resolve_classes import CONFIG, PERMISSIVE_CONFIG, ClassRef

CODE = "RSC104"
CONFIG_KINDS = (CONFIG, PERMISSIVE_CONFIG)
CONFIG_MESSAGE = (
    "RSC104 parameter '{param}' of {kind} '{name}' is annotated with Config class '{cls}': "
    "only the parameter named 'config' receives config"
)
RESOURCE_MESSAGE = (
    "RSC104 parameter 'config' of {kind} '{name}' is annotated with a resource type: "
    "'config' is reserved for config: name a resource parameter after its resource key"
)
REFUSED_MESSAGE = (
    "RSC104 parameter '{param}' of {kind} '{name}' is annotated with {what} class '{cls}', "
    "which dagster refuses as a resource annotation: use ResourceParam[{gives}]"
)
# What a `ResourceParam` of a class that creates its value says it receives.
CREATED_VALUE = "Any] or ResourceParam[<the type it creates>"


def check(file: FileCheck) -> Iterator[Finding]:
    for fn in file.compute_functions():
        params = file.parameters(fn)
        name = file.display_name(fn)
        args = {arg.arg: arg for arg in _args(fn.func.args)}
        for param, (annotation, ref) in params.annotated.items():
            if param == "config":
                if file.resolver.is_resource_annotation(file.model, annotation):
                    yield finding(args[param], RESOURCE_MESSAGE.format(kind=fn.kind, name=name))
            elif ref is not None and ref.node is not None and ref.kind in CONFIG_KINDS:
                yield finding(
                    args[param],
                    CONFIG_MESSAGE.format(param=param, kind=fn.kind, name=name, cls=ref.name),
                )
            elif ref is not None and ref.refused is not None:
                yield finding(args[param], _refused(param, fn.kind, name, annotation, ref))


def _refused(param: str, kind: str, name: str, annotation: ast.expr, ref: ClassRef) -> str:
    gives = ast.unparse(annotation) if ref.own_value else CREATED_VALUE
    return REFUSED_MESSAGE.format(
        param=param, kind=kind, name=name, what=ref.refused, cls=ref.name, gives=gives
    )


def _args(arguments: ast.arguments) -> list[ast.arg]:
    return [*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs]
