"""Which parameters of a definition's function are resources, and which is its config.

Used when a decorator is applied (decorators.py, with the unanalysed annotations at hand) and
when a dagwire definition type is read back from its ParamSpec (definition_facts.py).
"""

from __future__ import annotations

from collections.abc import Sequence

from mypy.nodes import ARG_STAR, ARG_STAR2, ArgKind, ImportFrom, MypyFile
from mypy.types import (
    AnyType,
    Instance,
    ProperType,
    Type,
    TypeOfAny,
    UnboundType,
    get_proper_type,
)

from dagwire.mypy_plugin.api_types import CheckerApi
from dagwire.mypy_plugin.facts.carrier import Captured, Requirement
from dagwire.mypy_plugin.frameworks import Framework
from dagwire.mypy_plugin.names import lookup_in_module
from dagwire.mypy_plugin.type_helpers import is_subclass_of
from dagwire.vocabulary.calls import CONFIG_PARAM, CONTEXT_PARAM_NAMES
from dagwire.vocabulary.names import (
    INTEGRATION_PACKAGE_PREFIX,
    INTEGRATION_RESOURCE_SUFFIX,
    PIPES_CLIENT_AFFIXES,
)

# definitions whose function runs as an op: first parameter context, `config` parameter
COMPUTE_KINDS = ("op", "asset", "asset_check")


def refused_annotation(t: ProperType, fw: Framework) -> str | None:
    """What a parameter annotation dagster refuses as a resource is ("IO manager", "resource
    factory", "resource definition"): its objects give their users something else, so
    dagster asks for `ResourceParam[...]`; None for any other annotation."""
    if not isinstance(t, Instance) or not is_subclass_of(t, fw.refused_param_bases):
        return None
    io_manager = is_subclass_of(t, fw.io_manager_bases)
    if not io_manager and is_subclass_of(t, fw.param_resource_bases):
        return None  # a plain resource (a ConfigurableResource is also a resource factory)
    if io_manager:
        return "IO manager"
    if is_subclass_of(t, fw.resource_factory_bases):
        return "resource factory"
    return "resource definition"


def is_resource_annotation(t: ProperType, fw: Framework) -> bool:
    """A parameter annotated `t` receives the resource bound under its name."""
    return is_subclass_of(t, fw.param_resource_bases) and refused_annotation(t, fw) is None


def may_be_resource_param(unanalyzed: Type | None) -> bool:
    # `ResourceParam[T]` is `Annotated[T, ...]`: once analysed, only `T` is left. It always has
    # one argument, so every other annotation is ruled out without a lookup.
    return isinstance(unanalyzed, UnboundType) and len(unanalyzed.args) == 1


def is_resource_param_annotation(unanalyzed: Type, fw: Framework, api: CheckerApi) -> bool:
    """Whether an unanalysed annotation is the framework's `ResourceParam[T]`."""
    if not may_be_resource_param(unanalyzed):
        return False
    assert isinstance(unanalyzed, UnboundType)
    # `dg.ResourceParam[T]`: the checker's lookup takes a dotted name as a module path,
    # so the first part (maybe an alias such as `dg`) is looked up alone.
    first, *rest = unanalyzed.name.split(".")
    try:
        sym = api.lookup_qualified(first)
    except KeyError:
        return False
    node = sym.node if sym is not None else None
    for part in rest:
        node = lookup_in_module(node, part, api) if isinstance(node, MypyFile) else None
    return node is not None and node.fullname == fw.resource_param


def is_unseen_integration_resource(t: ProperType, api: CheckerApi | None) -> bool:
    """A class of an integration library mypy cannot see (`from dagster_aws.s3 import
    S3Resource` not installed or not found: the annotation is `Any`): by the libraries' naming
    convention a `<Name>Resource` is a resource and a `Pipes<Name>Client` is taken as one.
    The key is required; its class is not known, so it is not checked."""
    if api is None or not isinstance(t, AnyType):
        return False
    if t.type_of_any != TypeOfAny.from_unimported_type or not t.missing_import_name:
        return False
    # mypy names the missing class after the module importing it: find the import there
    module_name, _, local = t.missing_import_name.rpartition(".")
    mod = api.modules.get(module_name)
    imported = imported_from(mod, local) if mod is not None else None
    return imported is not None and is_integration_resource_name(*imported)


def is_integration_resource_name(module: str, name: str) -> bool:
    """`module.name` is named like an integration library's resource class."""
    if not module.startswith(INTEGRATION_PACKAGE_PREFIX):
        return False
    prefix, suffix = PIPES_CLIENT_AFFIXES
    return name.endswith(INTEGRATION_RESOURCE_SUFFIX) or (
        name.startswith(prefix) and name.endswith(suffix)
    )


def imported_from(mod: MypyFile, local: str) -> tuple[str, str] | None:
    """(module, name) of `from module import name [as local]` in `mod` (absolute imports)."""
    for imp in mod.imports:
        if isinstance(imp, ImportFrom) and imp.relative == 0:
            for name, alias in imp.names:
                if (alias or name) == local:
                    return imp.id, name
    return None


def capture_parameters(
    fw: Framework,
    kind: str,
    arg_names: Sequence[str | None],
    arg_kinds: Sequence[ArgKind],
    arg_types: Sequence[Type],
    raw_types: Sequence[Type],
    captured: Captured,
    api: CheckerApi | None,
) -> None:
    """Add the resource parameters and the config class to `captured`.

    `raw_types` are the unanalysed annotations (empty when unknown); `api` resolves them.
    """
    n_raw = len(raw_types)
    takes_context = kind in COMPUTE_KINDS
    for i, (pname, pkind, ptype) in enumerate(zip(arg_names, arg_kinds, arg_types)):
        if pname is None or pkind in (ARG_STAR, ARG_STAR2):
            continue
        t = get_proper_type(ptype)
        if takes_context and (pname == CONFIG_PARAM or (i == 0 and pname in CONTEXT_PARAM_NAMES)):
            if pname == CONFIG_PARAM:
                captured.config = (
                    t
                    if is_subclass_of(t, (fw.config_base,))
                    else AnyType(TypeOfAny.special_form)
                )
            continue
        if is_resource_annotation(t, fw) or is_unseen_integration_resource(t, api) or (
            api is not None and i < n_raw and is_resource_param_annotation(raw_types[i], fw, api)
        ):
            captured.requirements.append(Requirement(pname, t, "parameter"))
