"""What a definition requires: stored in its type by the plugin, or read from its signature.

A dagwire definition made by a bare decorator (`@asset def orders(db: Warehouse)`) stores
nothing: its type, `AssetsDefinition[[db: Warehouse], R]`, already says which parameters are
resources and which is the config (native typing first, the plugin only for what
annotations cannot say: docs/architecture.md, "Typing contract"). Decorators with
arguments, `ResourceParam[...]` parameters, jobs and every dagster definition store their
facts at decoration time (decorators.py).
"""

from __future__ import annotations

from mypy.nodes import ARG_STAR, ARG_STAR2, Decorator, SymbolNode, Var
from mypy.types import Instance, Parameters, Type, get_proper_type

from dagwire.mypy_plugin.facts.carrier import Captured, decode
from dagwire.mypy_plugin.facts.parameters import capture_parameters
from dagwire.mypy_plugin.frameworks import SIGNATURE_CLASSES


def from_signature(t: Type | None, name: str) -> Captured | None:
    """The facts a dagwire definition type says by its ParamSpec, or None when it cannot say."""
    p = get_proper_type(t) if t is not None else None
    if not isinstance(p, Instance):
        return None
    entry = SIGNATURE_CLASSES.get(p.type.fullname)
    if entry is None or not p.args:
        return None
    params = p.args[0]  # a ParamSpec's value is always `Parameters` (a proper type)
    # `...` or `*args, **kwargs`: a bare `AssetsDefinition` annotation, a constructor-made
    # schedule, a wrapped function: what it requires is unknown.
    if not isinstance(params, Parameters) or params.is_ellipsis_args:
        return None
    if ARG_STAR in params.arg_kinds or ARG_STAR2 in params.arg_kinds:
        return None
    fw, kind = entry
    captured = Captured(kind, name, fw.name)
    capture_parameters(
        fw, kind, params.arg_names, params.arg_kinds, params.arg_types, (), captured, None
    )
    return captured


def definition_facts(t: Type | None, name: str) -> Captured | None:
    """The facts of a definition of type `t` known as `name`; None when not a definition."""
    stored = decode(t)
    return stored if stored is not None else from_signature(t, name)


def node_facts(node: SymbolNode | None) -> Captured | None:
    """The facts of the definition a name refers to.

    Read from the signature only for a decorated function: its name is the definition's name,
    which the name of an alias (`x = orders`) is not. Functions and classes are never
    definitions (their types carry no facts), so only decorated functions and variables are
    looked at: this runs for every name of a module given to `load_assets_from_modules`.
    """
    if isinstance(node, Decorator):
        t = node.var.type
        stored = decode(t)
        return stored if stored is not None else from_signature(t, node.name)
    if isinstance(node, Var):
        return decode(node.type)
    return None
