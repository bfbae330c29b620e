"""What a definition made inside a project's factory function requires.

`def table_asset(name): @asset(name=name) def _table(db: Db) ...; return _table`: mypy 2
checks a module's top level before its function bodies, so when `Definitions(...)` is
checked the decorator hook has not run for `_table` and its type carries no facts. Semantic
analysis has run for the whole module though: the inner function's signature and its
decorator's arguments are analysed, and the facts are read from them as the hook would.

A decorator argument that reads a name of the factory (`name=name`, `required_resource_keys=
keys`) has a value per call: when it names the definition, its op name is not known; when it
says what the definition requires, its requirements are not known (no finding relies on them).
"""

from __future__ import annotations

from collections.abc import Collection

from mypy.nodes import (
    ARG_NAMED,
    CallExpr,
    Decorator,
    Expression,
    MypyFile,
    NameExpr,
    RefExpr,
    SymbolNode,
    TypeInfo,
)
from mypy.server.subexpr import get_subexpressions
from mypy.types import AnyType, CallableType, Instance, Type, TypeOfAny, UnboundType

from dagwire.mypy_plugin.api_types import CheckerApi
from dagwire.mypy_plugin.facts.capture import CAPTURED_ARGUMENTS, capture_own
from dagwire.mypy_plugin.facts.carrier import Captured, Requirement, decode
from dagwire.mypy_plugin.facts.integration_assets import factory_integration_asset
from dagwire.mypy_plugin.facts.parameters import may_be_resource_param
from dagwire.mypy_plugin.frameworks import ALL_FRAMEWORKS, Framework
from dagwire.mypy_plugin.names import lookup_in_module, resolve_ref
from dagwire.mypy_plugin.sources.constants import constant_str
from dagwire.vocabulary.calls import IO_MANAGER_KEY, MANAGER_HOLDER_KEYWORDS, MANAGER_KEY_KEYWORDS

# Kinds a factory's definition is read for: their facts come from the signature and the
# decorator alone (a job's come from its body, a sensor's from its targets).
FACTORY_KINDS = frozenset({"asset", "asset_check", "op"})
# Decorator arguments that name the definition (and so its op).
NAMING_ARGUMENTS = frozenset({"name", "key", "key_prefix"})
# Decorator arguments read in another module's source: these, and the IO managers.
SOURCE_READ_ARGUMENTS = NAMING_ARGUMENTS | {IO_MANAGER_KEY, *MANAGER_HOLDER_KEYWORDS}


def factory_made_facts(
    dec: Decorator, factory_names: Collection[str], home: MypyFile, api: CheckerApi
) -> Captured | None:
    """The facts of `dec`, a decorated function defined in the body of a factory function of
    module `home` whose own names are `factory_names`; None when it is no definition the
    plugin reads this way."""
    stored = decode(dec.var.type)
    if stored is not None:
        return stored  # its body was checked already: what the hook recorded
    if len(dec.decorators) != 1:
        return None  # wrapped by another decorator too
    expr = dec.decorators[0]
    callee = expr.callee if isinstance(expr, CallExpr) else expr
    node = resolve_ref(callee, home, api)
    found = framework_kind(node.fullname) if node is not None else None
    analysed = isinstance(callee, RefExpr) and callee.node is not None
    if found is None:  # `@dbt_assets(...)`: the project's resource classes are looked up too
        if analysed:
            return factory_integration_asset(dec, lambda: dec.func.type, home, api)
        return factory_integration_asset(
            dec, lambda: _source_signature(dec, None, home, api), home, api
        )
    if found[1] not in FACTORY_KINDS:
        return None
    fw, kind = found
    call = expr if isinstance(expr, CallExpr) else None
    if analysed:
        fn = dec.func.type
    else:
        fn = _source_signature(dec, call, home, api)
    if not isinstance(fn, CallableType):
        return None
    if analysed:
        captured, kwargs = capture_own(fw, kind, fn, dec, call, api)
    else:
        # what names the definition is read as a literal; its IO managers here, in `home`
        captured, kwargs = capture_own(fw, kind, fn, dec, _naming_only(call), api)
        if call is not None:
            _source_manager_keys(call, captured, factory_names, home, api)
        captured.function = None  # its types were looked up, not checked
        raw = dec.func.unanalyzed_type
        assert isinstance(raw, CallableType)  # `_source_signature` read it
        if any(
            isinstance(t, AnyType) and isinstance(r, UnboundType)
            for t, r in zip(fn.arg_types, raw.arg_types)
        ):
            captured.requirements_complete = False  # an annotation not looked up
    for name, value in kwargs.items():
        if name in CAPTURED_ARGUMENTS and _reads(value, factory_names):
            if name in NAMING_ARGUMENTS:
                captured.ops_complete = False  # "its op name is not known"
            else:
                captured.requirements_complete = False
    return captured


def framework_kind(fullname: str) -> tuple[Framework, str] | None:
    for fw in ALL_FRAMEWORKS.values():
        kind = fw.decorators.get(fullname)
        if kind is not None:
            return fw, kind
    return None


def _source_signature(
    dec: Decorator, call: CallExpr | None, home: MypyFile, api: CheckerApi
) -> CallableType | None:
    """The signature of a definition in another module's source (parsed, not analysed), its
    annotations looked up in that module: only a decorator whose captured arguments name the
    definition (`name=`, `key=`, `key_prefix=`: read as literals) or its IO managers (read in
    that module, `_source_manager_keys`) is read, since the others would be evaluated in the
    module being checked; and no `ResourceParam[...]`, which is looked up there too."""
    if call is not None:
        for arg_kind, name in zip(call.arg_kinds, call.arg_names):
            if arg_kind != ARG_NAMED or name in CAPTURED_ARGUMENTS - SOURCE_READ_ARGUMENTS:
                return None
    raw = dec.func.unanalyzed_type
    if not isinstance(raw, CallableType):
        return None
    for t in raw.arg_types:
        if may_be_resource_param(t):
            assert isinstance(t, UnboundType)
            head = _named(t.name, home, api)
            if head is None or head.fullname in RESOURCE_PARAMS:
                return None  # `ResourceParam[T]` (or not known to be another)
    arg_types: list[Type] = [_looked_up(t, home, api) for t in raw.arg_types]
    return raw.copy_modified(arg_types=arg_types, ret_type=AnyType(TypeOfAny.special_form))


def _looked_up(t: Type, home: MypyFile, api: CheckerApi) -> Type:
    """`Db` or `module.Db` as the class `home` names by it; Any for any other annotation."""
    node = _named(t.name, home, api) if isinstance(t, UnboundType) and not t.args else None
    if isinstance(node, TypeInfo):
        return Instance(node, [AnyType(TypeOfAny.special_form)] * len(node.type_vars))
    return AnyType(TypeOfAny.special_form)


def _named(name: str, home: MypyFile, api: CheckerApi) -> SymbolNode | None:
    """What a dotted name of module `home` refers to (through the modules it imports)."""
    node: SymbolNode | None = None
    for i, part in enumerate(name.split(".")):
        if i == 0:
            node = lookup_in_module(home, part, api)
        elif isinstance(node, MypyFile):
            node = lookup_in_module(node, part, api)
        else:
            return None
    return node


def _naming_only(call: CallExpr | None) -> CallExpr | None:
    """The decorator call with only the arguments that name the definition."""
    if call is None:
        return None
    kept = [
        (arg, kind, name)
        for arg, kind, name in zip(call.args, call.arg_kinds, call.arg_names)
        if name in NAMING_ARGUMENTS
    ]
    reduced = CallExpr(
        call.callee, [a for a, _, _ in kept], [k for _, k, _ in kept], [n for _, _, n in kept]
    )
    reduced.set_line(call)
    return reduced


def _source_manager_keys(
    call: CallExpr,
    captured: Captured,
    factory_names: Collection[str],
    home: MypyFile,
    api: CheckerApi,
) -> None:
    """The IO and input manager keys a decorator of another module's source names
    (`io_manager_key=`, and in the calls of `outs=`/`ins=`, comprehensions too), each a
    constant of `home`; one that reads a name of the factory, or no constant, is not known."""
    named: list[tuple[str, Expression]] = []
    for arg_name, arg in zip(call.arg_names, call.args):
        if arg_name == IO_MANAGER_KEY:
            named.append((arg_name, arg))
        elif arg_name in MANAGER_HOLDER_KEYWORDS:
            named += [
                (keyword, value)
                for e in (arg, *get_subexpressions(arg))
                if isinstance(e, CallExpr)
                for keyword, value in zip(e.arg_names, e.args)
                if keyword in MANAGER_KEY_KEYWORDS
            ]
    for keyword, value in named:
        key = None if _reads(value, factory_names) else constant_str(value, home, api)
        if key is None:
            captured.requirements_complete = False
        elif key not in {r.key for r in captured.requirements}:
            captured.requirements.append(Requirement(key, None, keyword))


RESOURCE_PARAMS = frozenset(fw.resource_param for fw in ALL_FRAMEWORKS.values())


def _reads(expr: Expression, names: Collection[str]) -> bool:
    return any(
        isinstance(e, NameExpr) and e.name in names for e in (expr, *get_subexpressions(expr))
    )
