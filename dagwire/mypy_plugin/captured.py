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
    CallableType,
    ExtraAttrs,
    Instance,
    LiteralType,
    NoneType,
    ProperType,
    TupleType,
    Type,
    get_proper_type,
)

# One literal holds every string fact; types go in their own slots, only when present.
# Fields are separated by RS, list items by US (control characters no key or name contains):
# kind, name, framework, flags, requirement keys, their sources, local keys, op node names.
RS, US = "\x1e", "\x1f"
HEADER = "__dagwire__"
FUNCTION = "__dagwire_fn__"
CONFIG = "__dagwire_config__"
EXPECTED = "__dagwire_expects__"  # tuple: the expected type of each requirement, in order
OPS = "__dagwire_ops__"  # tuple: one carrier per op of a job, in order


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
    flags = ""
    flags += "" if captured.requirements_complete else "r"
    flags += "" if captured.ops_complete else "o"
    flags += "a" if captured.all_keys_local else ""
    header = RS.join(
        (
            captured.kind,
            captured.name,
            captured.framework,
            flags,
            US.join(r.key for r in captured.requirements),
            US.join(r.source for r in captured.requirements),
            US.join(captured.local_keys),
            US.join(node for node, _ in captured.ops),
        )
    )
    attrs: dict[str, Type] = {HEADER: tb.lit(header)}
    if captured.function is not None:
        attrs[FUNCTION] = captured.function
    if captured.config is not None:
        attrs[CONFIG] = captured.config
    if any(r.expected is not None for r in captured.requirements):
        attrs[EXPECTED] = tb.tup(
            [r.expected if r.expected is not None else NoneType() for r in captured.requirements]
        )
    if captured.ops:
        attrs[OPS] = tb.tup([_op_instance(op, tb) for _, op in captured.ops])
    return attrs


def _op_instance(op: Captured, tb: TypeBuilder) -> Instance:
    # A nested carrier for an op inside a job type; any Instance can carry extra_attrs.
    inst = tb.str_type.copy_modified()
    inst.extra_attrs = ExtraAttrs(encode(op, tb), set(), None)
    return inst


def attach(inst: Instance, captured: Captured, tb: TypeBuilder) -> Instance:
    new = inst.copy_modified()
    attrs = encode(captured, tb)
    new.extra_attrs = ExtraAttrs(attrs, set(attrs), None)
    return new


def _items(t: Type | None) -> list[Type]:
    p = get_proper_type(t) if t is not None else None
    return list(p.items) if isinstance(p, TupleType) else []


def _split(field: str) -> list[str]:
    return field.split(US) if field else []


def decode(t: Type | None) -> Captured | None:
    """The captured facts of a definition type, or None for any other type."""
    p = get_proper_type(t) if t is not None else None
    if not isinstance(p, Instance) or p.extra_attrs is None:
        return None
    attrs = p.extra_attrs.attrs
    head = get_proper_type(attrs.get(HEADER))
    if not isinstance(head, LiteralType) or not isinstance(head.value, str):
        return None
    fields = head.value.split(RS)
    if len(fields) != 8:
        return None  # written by another version of the plugin
    kind, name, framework, flags, keys, sources, local, nodes = fields
    expected = [get_proper_type(x) for x in _items(attrs.get(EXPECTED))]
    requirements = []
    for i, (key, source) in enumerate(zip(_split(keys), _split(sources))):
        exp = expected[i] if i < len(expected) else None
        requirements.append(Requirement(key, None if isinstance(exp, NoneType) else exp, source))
    fn = get_proper_type(attrs[FUNCTION]) if FUNCTION in attrs else None
    config = get_proper_type(attrs[CONFIG]) if CONFIG in attrs else None
    carriers = [decode(x) for x in _items(attrs.get(OPS))]
    ops = [(node, op) for node, op in zip(_split(nodes), carriers) if op is not None]
    return Captured(
        kind=kind,
        name=name,
        framework=framework,
        function=fn if isinstance(fn, CallableType) else None,
        requirements=requirements,
        config=config,
        ops=ops,
        local_keys=_split(local),
        requirements_complete="r" not in flags,
        ops_complete="o" not in flags,
        all_keys_local="a" in flags,
    )
