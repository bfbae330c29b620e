"""What the plugin learns about a definition, carried IN ITS TYPE.

mypy runs no hooks for modules loaded from the incremental cache and gives each `-n N` worker
its own plugin object, so nothing may live in the plugin. The facts about a decorated function
are stored in `Instance.extra_attrs` of the definition's type (serialised with the module's
symbol table, and part of its interface hash, so dependants are re-checked when they change).
The attribute names start with `__dagwire_` and are never looked up by user code.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from mypy.types import (
    AnyType,
    CallableType,
    ExtraAttrs,
    Instance,
    LiteralType,
    NoneType,
    ProperType,
    TupleType,
    Type,
    TypeOfAny,
    get_proper_type,
)

_PREFIX = "__dagwire_"
KIND = _PREFIX + "kind__"
NAME = _PREFIX + "name__"
FUNCTION = _PREFIX + "fn__"
RESOURCES = _PREFIX + "resources__"
CONFIG = _PREFIX + "config__"
OPS = _PREFIX + "ops__"
LOCAL_KEYS = _PREFIX + "local_keys__"
FLAGS = _PREFIX + "flags__"

# flags
REQUIREMENTS_COMPLETE = "requirements-complete"
OPS_COMPLETE = "ops-complete"
ALL_KEYS_LOCAL = "all-keys-local"
FRAMEWORK_PREFIX = "framework:"


@dataclass
class Requirement:
    key: str
    expected: ProperType | None  # None: no annotation (required_resource_keys, io_manager_key)
    source: str  # "parameter", "required_resource_keys", "io_manager_key"


@dataclass
class Captured:
    kind: str
    name: str
    framework: str
    function: CallableType | None = None
    requirements: list[Requirement] = field(default_factory=list)
    # None: no config parameter; Any: unknown (legacy config_schema); else the Config class
    config: ProperType | None = None
    # jobs: (node name, captured op or asset)
    ops: list[tuple[str, Captured]] = field(default_factory=list)
    local_keys: list[str] = field(default_factory=list)
    requirements_complete: bool = True
    ops_complete: bool = True
    all_keys_local: bool = False

    @property
    def label(self) -> str:
        kind = "asset job" if self.kind == "asset_job" else self.kind
        return f'{kind} "{self.name}"'


class TypeBuilder:
    """Builds the small types used as storage; needs `named_type` of a checker API."""

    def __init__(self, str_type: Instance, bool_type: Instance, tuple_type: Instance) -> None:
        self.str_type = str_type
        self.bool_type = bool_type
        self.tuple_type = tuple_type

    def lit(self, value: str) -> LiteralType:
        return LiteralType(value, self.str_type)

    def tup(self, items: list[Type]) -> TupleType:
        return TupleType(items, self.tuple_type)


def encode(captured: Captured, tb: TypeBuilder) -> dict[str, Type]:
    attrs: dict[str, Type] = {
        KIND: tb.lit(captured.kind),
        NAME: tb.lit(captured.name),
    }
    if captured.function is not None:
        attrs[FUNCTION] = captured.function
    attrs[RESOURCES] = tb.tup(
        [
            tb.tup(
                [
                    tb.lit(r.key),
                    r.expected if r.expected is not None else NoneType(),
                    tb.lit(r.source),
                ]
            )
            for r in captured.requirements
        ]
    )
    attrs[CONFIG] = captured.config if captured.config is not None else NoneType()
    attrs[OPS] = tb.tup(
        [tb.tup([tb.lit(node), _op_instance(op, tb)]) for node, op in captured.ops]
    )
    attrs[LOCAL_KEYS] = tb.tup([tb.lit(k) for k in captured.local_keys])
    flags = [FRAMEWORK_PREFIX + captured.framework]
    if captured.requirements_complete:
        flags.append(REQUIREMENTS_COMPLETE)
    if captured.ops_complete:
        flags.append(OPS_COMPLETE)
    if captured.all_keys_local:
        flags.append(ALL_KEYS_LOCAL)
    attrs[FLAGS] = tb.tup([tb.lit(f) for f in flags])
    return attrs


def _op_instance(op: Captured, tb: TypeBuilder) -> Instance:
    # A nested carrier: an `object`-less Instance would need a TypeInfo; reuse str's.
    inst = tb.str_type.copy_modified()
    inst.extra_attrs = ExtraAttrs(encode(op, tb), set(), None)
    return inst


def attach(inst: Instance, captured: Captured, tb: TypeBuilder) -> Instance:
    new = inst.copy_modified()
    attrs = encode(captured, tb)
    new.extra_attrs = ExtraAttrs(attrs, set(attrs), None)
    return new


def _lit(t: Type) -> str | None:
    p = get_proper_type(t)
    if isinstance(p, LiteralType) and isinstance(p.value, str):
        return p.value
    return None


def _items(t: Type | None) -> list[Type]:
    p = get_proper_type(t) if t is not None else None
    return list(p.items) if isinstance(p, TupleType) else []


def decode(t: Type | None) -> Captured | None:
    """The captured facts of a definition type, or None for any other type."""
    p = get_proper_type(t) if t is not None else None
    if not isinstance(p, Instance) or p.extra_attrs is None:
        return None
    attrs = p.extra_attrs.attrs
    if KIND not in attrs:
        return None
    kind = _lit(attrs[KIND]) or ""
    name = _lit(attrs.get(NAME, AnyType(TypeOfAny.special_form))) or ""
    flags = {_lit(f) for f in _items(attrs.get(FLAGS))}
    framework = next(
        (f[len(FRAMEWORK_PREFIX):] for f in flags if f and f.startswith(FRAMEWORK_PREFIX)), ""
    )
    fn = get_proper_type(attrs.get(FUNCTION)) if FUNCTION in attrs else None
    requirements = []
    for item in _items(attrs.get(RESOURCES)):
        parts = _items(item)
        if len(parts) != 3:
            continue
        key, source = _lit(parts[0]), _lit(parts[2])
        expected = get_proper_type(parts[1])
        if key is None or source is None:
            continue
        requirements.append(
            Requirement(key, None if isinstance(expected, NoneType) else expected, source)
        )
    config = get_proper_type(attrs.get(CONFIG)) if CONFIG in attrs else None
    ops: list[tuple[str, Captured]] = []
    for item in _items(attrs.get(OPS)):
        parts = _items(item)
        if len(parts) == 2:
            node, op = _lit(parts[0]), decode(parts[1])
            if node is not None and op is not None:
                ops.append((node, op))
    return Captured(
        kind=kind,
        name=name,
        framework=framework,
        function=fn if isinstance(fn, CallableType) else None,
        requirements=requirements,
        config=None if isinstance(config, NoneType) else config,
        ops=ops,
        local_keys=[k for k in (_lit(x) for x in _items(attrs.get(LOCAL_KEYS))) if k],
        requirements_complete=REQUIREMENTS_COMPLETE in flags,
        ops_complete=OPS_COMPLETE in flags,
        all_keys_local=ALL_KEYS_LOCAL in flags,
    )
