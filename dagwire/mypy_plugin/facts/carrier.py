"""What the plugin learns about a definition, carried IN ITS TYPE.

mypy runs no hooks for modules loaded from the incremental cache and gives each `-n N` worker
its own plugin object, so nothing may live in the plugin. The facts about a decorated function
are stored in `Instance.extra_attrs` of the definition's type (serialised with the module's
symbol table, and part of its interface hash, so dependants are re-checked when they change).
The attribute names start with `__dagwire_` and are never looked up by user code.
"""

from __future__ import annotations

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

from dagwire.mypy_plugin.type_helpers import TypeBuilder

# One literal holds every string fact; types go in their own slots, only when present.
# Fields are separated by RS, list items by US (control characters no key or name contains):
# kind, name, framework, flags, requirement keys, their sources, local keys, op node names.
RS, US = "\x1e", "\x1f"
HEADER = "__dagwire__"
FUNCTION = "__dagwire_fn__"
CONFIG = "__dagwire_config__"
EXPECTED = "__dagwire_expects__"  # tuple: the expected type of each requirement, in order
OPS = "__dagwire_ops__"  # tuple: one carrier per op of a job, in order


# How messages name some kinds of definition.
SPOKEN_KINDS = {"asset_job": "asset job", "graph_asset": "graph asset"}


class Requirement:
    __slots__ = ("key", "expected", "source")

    def __init__(self, key: str, expected: ProperType | None, source: str) -> None:
        self.key = key
        # None: no annotation (required_resource_keys, io_manager_key)
        self.expected = expected
        # "parameter", "required_resource_keys", "io_manager_key", "input_manager_key"
        self.source = source

    def __repr__(self) -> str:
        return f"Requirement({self.key!r}, {self.expected!r}, {self.source!r})"


class Captured:
    """What a definition requires. Plain classes here and below, not dataclasses: the plugin
    builds and reads one per definition, and dataclasses cost a code compile at import."""

    __slots__ = (
        "kind", "name", "framework", "function", "requirements", "config", "ops", "local_keys",
        "requirements_complete", "ops_complete", "all_keys_local",
    )

    def __init__(
        self,
        kind: str,
        name: str,
        framework: str,
        function: CallableType | None = None,
        requirements: list[Requirement] | None = None,
        # None: no config parameter; Any: unknown (legacy config_schema); else the Config class
        config: ProperType | None = None,
        # jobs: (node name, captured op or asset)
        ops: list[tuple[str, Captured]] | None = None,
        local_keys: list[str] | None = None,
        requirements_complete: bool = True,
        ops_complete: bool = True,
        all_keys_local: bool = False,
    ) -> None:
        self.kind = kind
        self.name = name
        self.framework = framework
        self.function = function
        self.requirements = requirements if requirements is not None else []
        self.config = config
        self.ops = ops if ops is not None else []
        self.local_keys = local_keys if local_keys is not None else []
        self.requirements_complete = requirements_complete
        self.ops_complete = ops_complete
        self.all_keys_local = all_keys_local

    def __repr__(self) -> str:
        return f"Captured({self.kind!r}, {self.name!r}, {self.framework!r})"

    @property
    def label(self) -> str:
        kind = SPOKEN_KINDS.get(self.kind, self.kind)
        return f'{kind} "{self.name}"'


def with_local_keys(
    d: Captured, keys: list[str], ops: list[tuple[str, Captured]] | None = None
) -> Captured:
    """`d` binding `keys` itself too (and with `ops` instead of its own, when given)."""
    return Captured(
        d.kind, d.name, d.framework, d.function, d.requirements, d.config,
        d.ops if ops is None else ops, [*d.local_keys, *keys],
        d.requirements_complete, d.ops_complete, d.all_keys_local,
    )


def encode(captured: Captured, tb: TypeBuilder) -> dict[str, Type]:
    reqs = captured.requirements
    flags = (
        ("" if captured.requirements_complete else "r")
        + ("" if captured.ops_complete else "o")
        + ("a" if captured.all_keys_local else "")
    )
    header = RS.join(
        (
            captured.kind,
            captured.name,
            captured.framework,
            flags,
            US.join([r.key for r in reqs]),
            US.join([r.source for r in reqs]),
            US.join(captured.local_keys),
            US.join([node for node, _ in captured.ops]),
        )
    )
    attrs: dict[str, Type] = {HEADER: LiteralType(header, tb.str_type)}
    if captured.function is not None:
        attrs[FUNCTION] = captured.function
    if captured.config is not None:
        attrs[CONFIG] = captured.config
    expected: list[Type] = [NoneType() if r.expected is None else r.expected for r in reqs]
    if any(r.expected is not None for r in reqs):
        attrs[EXPECTED] = tb.tup(expected)
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
    # Stored tuples are proper types (built by `encode`, read back as they were written).
    return t.items if isinstance(t, TupleType) else []


def _split(field: str) -> list[str]:
    return field.split(US) if field else []


def decode(t: Type | None) -> Captured | None:
    """The captured facts of a definition type, or None for any other type."""
    if t is None:
        return None
    p = get_proper_type(t)
    if not isinstance(p, Instance) or p.extra_attrs is None:
        return None
    attrs = p.extra_attrs.attrs
    head = attrs.get(HEADER)
    if not isinstance(head, LiteralType) or not isinstance(head.value, str):
        return None
    fields = head.value.split(RS)
    if len(fields) != 8:
        return None  # written by another version of the plugin
    kind, name, framework, flags, keys, sources, local, nodes = fields
    requirements = []
    if keys:
        expected = _items(attrs.get(EXPECTED))
        n = len(expected)
        for i, (key, source) in enumerate(zip(keys.split(US), sources.split(US))):
            exp = get_proper_type(expected[i]) if i < n else None
            requirements.append(
                Requirement(key, None if isinstance(exp, NoneType) else exp, source)
            )
    fn = attrs.get(FUNCTION)
    config = attrs.get(CONFIG)
    ops = []
    if nodes:
        carriers = [decode(x) for x in _items(attrs.get(OPS))]
        ops = [(node, op) for node, op in zip(nodes.split(US), carriers) if op is not None]
    return Captured(
        kind,
        name,
        framework,
        fn if isinstance(fn, CallableType) else None,
        requirements,
        get_proper_type(config) if config is not None else None,
        ops,
        _split(local),
        "r" not in flags,
        "o" not in flags,
        "a" in flags,
    )
