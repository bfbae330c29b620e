"""``@asset``, ``@multi_asset`` and AssetsDefinition (``AssetKey`` lives in ``asset_key``)."""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, Generic, Protocol, overload

from typing_extensions import ParamSpec, TypeVar

from dagwire.runtime import composition
from dagwire.runtime.asset_key import AssetKey, CoercibleToAssetKey
from dagwire.runtime.asset_spec import AssetSpec
from dagwire.runtime.errors import DagwireInvalidDefinitionError
from dagwire.runtime.ins_outs import Out
from dagwire.runtime.invocation import invoke
from dagwire.runtime.op import OpDefinition
from dagwire.runtime.parameters import ConfigSource, Parameters, ResourceRequirement, classify
from dagwire.runtime.partitions import PartitionsDefinition
from dagwire.runtime.unsupported import refuse
from dagwire.vocabulary.calls import DEFAULT_IO_MANAGER_KEY

P = ParamSpec("P")
R = TypeVar("R")
# The class's own parameters have defaults, so that Dagster-style bare annotations
# (`def make() -> AssetsDefinition:`) pass `--strict`.
DefP = ParamSpec("DefP", default=...)
DefR = TypeVar("DefR", default=Any)




class AssetIn:
    """How an input parameter maps to an upstream asset (``ins={"x": AssetIn("raw_x")}``)."""

    def __init__(
        self,
        key: str | Sequence[str] | AssetKey | None = None,
        metadata: Mapping[str, Any] | None = None,
        key_prefix: str | Sequence[str] | None = None,
        input_manager_key: str | None = None,
        partition_mapping: Any = None,
        dagster_type: Any = None,
    ) -> None:
        refuse("AssetIn", partition_mapping=partition_mapping)
        if key is not None and key_prefix is not None:
            # Dagster refuses this too; the prefix would otherwise be silently dropped
            raise DagwireInvalidDefinitionError(
                f"Invalid AssetIn(key={key!r}, key_prefix={key_prefix!r}): give key or "
                "key_prefix, not both (put the prefix in the key)"
            )
        self.key = None if key is None else AssetKey.from_coercible(key)
        self.key_prefix = key_prefix
        self.metadata = dict(metadata or {})  # what the IO manager sees (definition_metadata)
        # the IO manager key that loads this input (default: the upstream asset's own)
        self.input_manager_key = input_manager_key
        self.dagster_type = dagster_type  # recorded only


class AssetOut:
    """One output of a ``@multi_asset``."""

    def __init__(
        self,
        key: str | Sequence[str] | AssetKey | None = None,
        *,
        key_prefix: str | Sequence[str] | None = None,
        group_name: str | None = None,
        io_manager_key: str | None = None,
        description: str | None = None,
        metadata: Mapping[str, Any] | None = None,
        dagster_type: Any = None,
        is_required: bool = True,
        code_version: str | None = None,
        owners: Sequence[str] | None = None,
        tags: Mapping[str, str] | None = None,
        kinds: Iterable[str] | None = None,
        automation_condition: Any = None,
        freshness_policy: Any = None,
    ) -> None:
        self.key = None if key is None else AssetKey.from_coercible(key)
        self.key_prefix = key_prefix
        # recorded only (an out that is not produced is an error in dagwire)
        self.dagster_type = dagster_type
        self.is_required = is_required
        self.code_version = code_version
        self.owners = list(owners or ())
        self.tags = dict(tags or {})
        self.kinds = set(kinds or ())
        self.automation_condition = automation_condition
        self.freshness_policy = freshness_policy
        self.group_name = group_name
        self.io_manager_key = io_manager_key
        self.description = description
        self.metadata = dict(metadata or {})


def _partitions(value: Any, owner: str) -> PartitionsDefinition | None:
    if value is not None and not isinstance(value, PartitionsDefinition):
        raise DagwireInvalidDefinitionError(
            f"Invalid definition of {owner}:",
            [f"partitions_def= takes a PartitionsDefinition, got {type(value).__name__}"])
    return value


def _prefixed(name: str, key_prefix: str | Sequence[str] | None) -> AssetKey:
    key = AssetKey(name)
    return key if not key_prefix else key.with_prefix(key_prefix)


class AssetsDefinition(Generic[DefP, DefR]):
    """One asset (or, for ``@multi_asset``, several) computed by one function.

    Plain attributes used by Definitions validation: ``keys``, ``input_keys`` (parameter ->
    upstream AssetKey), ``deps``, ``resource_requirements``, ``config_source``,
    ``resource_defs``, ``io_manager_keys`` (AssetKey -> resource key).
    """

    def __init__(
        self,
        fn: Callable[DefP, DefR],
        *,
        keys: Sequence[AssetKey],
        op_name: str,
        outputs: Sequence[tuple[str, AssetKey]],
        group_names: Mapping[AssetKey, str],
        io_manager_keys: Mapping[AssetKey, str],
        ins: Mapping[str, AssetIn] | None = None,
        deps: Iterable[CoercibleToAssetKey] | None = None,
        required_resource_keys: Iterable[str] | None = None,
        config_schema: Any = None,
        resource_defs: Mapping[str, Any] | None = None,
        description: str | None = None,
        metadata: Mapping[str, Any] | None = None,
        tags: Mapping[str, str] | None = None,
        code_version: str | None = None,
        compute_kind: str | None = None,
        metadata_by_key: Mapping[AssetKey, Mapping[str, Any]] | None = None,
    ) -> None:
        self.fn: Callable[..., Any] = fn
        self.keys: tuple[AssetKey, ...] = tuple(keys)
        self.op_name = op_name
        self.outputs: tuple[tuple[str, AssetKey], ...] = tuple(outputs)
        self.group_names = dict(group_names)
        self.io_manager_keys = dict(io_manager_keys)
        self.description = description or inspect.getdoc(fn)
        self.metadata = dict(metadata or {})
        # declared metadata of each asset (what an IO manager sees as definition_metadata)
        self.metadata_by_key: dict[AssetKey, dict[str, Any]] = (
            {key: dict(metadata_by_key.get(key, {})) for key in self.keys}
            if metadata_by_key is not None
            else {key: dict(self.metadata) for key in self.keys}
        )
        self.tags = dict(tags or {})
        self.code_version = code_version
        self.compute_kind = compute_kind
        self.signature = inspect.signature(fn)
        self.parameters: Parameters = classify(
            fn,
            owner=self.describe(),
            role="compute",
            required_resource_keys=required_resource_keys,
            config_schema=config_schema,
            signature=self.signature,
        )
        ins = dict(ins or {})
        self.ins: dict[str, AssetIn] = ins
        unknown = sorted(set(ins) - set(self.parameters.inputs))
        if unknown:
            raise DagwireInvalidDefinitionError(
                f"Invalid definition of {self.describe()}:",
                [f"ins= names '{name}', which is not an input parameter" for name in unknown],
            )
        self.input_keys: dict[str, AssetKey] = {}
        for param in self.parameters.inputs:
            spec = ins.get(param)
            if spec is not None and spec.key is not None:
                self.input_keys[param] = spec.key
            else:
                prefix = spec.key_prefix if spec is not None else None
                self.input_keys[param] = _prefixed(param, prefix)
        self.deps: tuple[AssetKey, ...] = tuple(AssetKey.from_coercible(d) for d in deps or ())
        self.resource_defs: dict[str, Any] = dict(resource_defs or {})
        self.owners: list[str] = []
        self.kinds: set[str] = set()
        self.op_tags: dict[str, Any] = {}
        self.automation_condition: Any = None
        self.freshness_policy: Any = None
        self.partitions_def: PartitionsDefinition | None = None
        # outputs that are AssetSpecs of a @multi_asset(specs=...): no value, no IO manager
        self.valueless_outputs: frozenset[str] = frozenset()
        self.__doc__ = fn.__doc__
        self.__wrapped__ = fn

    @property
    def key(self) -> AssetKey:
        if len(self.keys) != 1:
            raise DagwireInvalidDefinitionError(
                f"{self.describe()} defines {len(self.keys)} assets: use .keys"
            )
        return self.keys[0]

    @property
    def name(self) -> str:
        return self.op_name

    @property
    def group_name(self) -> str:
        return self.group_names[self.keys[0]]

    @property
    def group_names_by_key(self) -> dict[AssetKey, str]:
        return dict(self.group_names)

    @property
    def keys_by_output_name(self) -> dict[str, AssetKey]:
        return dict(self.outputs)

    @property
    def resource_requirements(self) -> tuple[ResourceRequirement, ...]:
        return self.parameters.requirements

    @property
    def input_manager_keys(self) -> dict[str, str]:
        """Inputs loaded by another IO manager than their upstream's (``input_manager_key``)."""
        return {param: spec.input_manager_key for param, spec in self.ins.items()
                if spec.input_manager_key is not None}

    @property
    def required_resource_keys(self) -> frozenset[str]:
        keys = {r.key for r in self.parameters.requirements}
        return frozenset(keys | set(self.io_manager_keys.values())
                         | set(self.input_manager_keys.values()))

    @property
    def config_source(self) -> ConfigSource | None:
        return self.parameters.config

    @property
    def upstream_keys(self) -> tuple[AssetKey, ...]:
        """Upstream assets: inputs first, then ``deps=`` (order kept, no duplicates)."""
        seen: dict[AssetKey, None] = {}
        for key in (*self.input_keys.values(), *self.deps):
            seen.setdefault(key, None)
        return tuple(seen)

    def describe(self) -> str:
        if len(self.keys) == 1:
            return f"asset '{self.keys[0].to_user_string()}'"
        return f"multi_asset '{self.op_name}'"

    def __call__(self, *args: DefP.args, **kwargs: DefP.kwargs) -> DefR:
        if composition.current() is not None:
            # inside a @job or @graph body an asset is an op node, as in Dagster
            node: DefR = self.as_op()(*args, **kwargs)
            return node
        result: DefR = invoke(self, "asset", args, kwargs)
        return result

    def as_op(self) -> OpDefinition[DefP, DefR]:
        """The op that computes these assets (what a job body records when it calls them)."""
        op_def: OpDefinition[DefP, DefR] | None = self.__dict__.get("_op")
        if op_def is None:
            source = self.parameters.config
            op_def = OpDefinition(
                self.fn,
                name=self.op_name,
                description=self.description,
                required_resource_keys=[r.key for r in self.parameters.extra_requirements],
                config_schema=source.schema if source is not None and source.kind == "schema"
                else None,
                out={name: Out(io_manager_key=self.io_manager_keys[key])
                     for name, key in self.outputs},
            )
            op_def.resource_defs = dict(self.resource_defs)
            self.__dict__["_op"] = op_def
        return op_def

    def __repr__(self) -> str:
        return f"AssetsDefinition(keys={[k.to_user_string() for k in self.keys]!r})"


class AssetDecorator(Protocol):
    """What ``asset(...)`` / ``multi_asset(...)`` with arguments returns."""

    def __call__(self, fn: Callable[P, R], /) -> AssetsDefinition[P, R]: ...


@overload
def asset(fn: Callable[P, R], /) -> AssetsDefinition[P, R]: ...


@overload
def asset(
    *,
    name: str | None = None,
    key: str | Sequence[str] | AssetKey | None = None,
    key_prefix: str | Sequence[str] | None = None,
    ins: Mapping[str, AssetIn] | None = None,
    deps: Iterable[CoercibleToAssetKey] | None = None,
    group_name: str | None = None,
    io_manager_key: str | None = None,
    required_resource_keys: Iterable[str] | None = None,
    config_schema: Any = None,
    resource_defs: Mapping[str, Any] | None = None,
    description: str | None = None,
    metadata: Mapping[str, Any] | None = None,
    tags: Mapping[str, str] | None = None,
    code_version: str | None = None,
    compute_kind: str | None = None,
    owners: Sequence[str] | None = None,
    kinds: Iterable[str] | None = None,
    op_tags: Mapping[str, Any] | None = None,
    pool: str | None = None,
    automation_condition: Any = None,
    freshness_policy: Any = None,
    dagster_type: Any = None,
    output_required: bool = True,
    partitions_def: Any = None,
    retry_policy: Any = None,
    backfill_policy: Any = None,
    check_specs: Any = None,
    hooks: Any = None,
    io_manager_def: Any = None,
    is_virtual: Any = None,
) -> AssetDecorator: ...


def asset(
    fn: Callable[..., Any] | None = None,
    /,
    *,
    name: str | None = None,
    key: str | Sequence[str] | AssetKey | None = None,
    key_prefix: str | Sequence[str] | None = None,
    ins: Mapping[str, AssetIn] | None = None,
    deps: Iterable[CoercibleToAssetKey] | None = None,
    group_name: str | None = None,
    io_manager_key: str | None = None,
    required_resource_keys: Iterable[str] | None = None,
    config_schema: Any = None,
    resource_defs: Mapping[str, Any] | None = None,
    description: str | None = None,
    metadata: Mapping[str, Any] | None = None,
    tags: Mapping[str, str] | None = None,
    code_version: str | None = None,
    compute_kind: str | None = None,
    owners: Sequence[str] | None = None,
    kinds: Iterable[str] | None = None,
    op_tags: Mapping[str, Any] | None = None,
    pool: str | None = None,
    automation_condition: Any = None,
    freshness_policy: Any = None,
    dagster_type: Any = None,
    output_required: bool = True,
    partitions_def: Any = None,
    retry_policy: Any = None,
    backfill_policy: Any = None,
    check_specs: Any = None,
    hooks: Any = None,
    io_manager_def: Any = None,
    is_virtual: Any = None,
) -> AssetsDefinition[..., Any] | AssetDecorator:
    """Define an asset; upstream assets are the parameters that are not context, config or
    resources (by name, or mapped with ``ins=``)."""

    def decorate(function: Callable[P, R]) -> AssetsDefinition[P, R]:
        if key is not None:
            asset_key = AssetKey.from_coercible(key)
        else:
            asset_key = _prefixed(name or function.__name__, key_prefix)
        refuse(
            f"asset '{asset_key.to_user_string()}'",
            retry_policy=retry_policy,
            backfill_policy=backfill_policy,
            check_specs=check_specs,
            hooks=hooks,
            io_manager_def=io_manager_def,
            is_virtual=is_virtual or None,
        )
        definition = AssetsDefinition(
            function,
            keys=[asset_key],
            op_name=asset_key.to_python_identifier(),
            outputs=[("result", asset_key)],
            group_names={asset_key: group_name or "default"},
            io_manager_keys={asset_key: io_manager_key or DEFAULT_IO_MANAGER_KEY},
            ins=ins,
            deps=deps,
            required_resource_keys=required_resource_keys,
            config_schema=config_schema,
            resource_defs=resource_defs,
            description=description,
            metadata=metadata,
            tags=tags,
            code_version=code_version,
            compute_kind=compute_kind,
        )
        # recorded only: nothing an in-process run does depends on them
        definition.owners = list(owners or ())
        definition.kinds = set(kinds or ())
        definition.op_tags = dict(op_tags or {})
        definition.automation_condition = automation_condition
        definition.freshness_policy = freshness_policy
        definition.partitions_def = _partitions(partitions_def, definition.describe())
        return definition

    if fn is not None:
        return decorate(fn)
    return decorate


def multi_asset(
    *,
    outs: Mapping[str, AssetOut] | None = None,
    name: str | None = None,
    ins: Mapping[str, AssetIn] | None = None,
    deps: Iterable[CoercibleToAssetKey] | None = None,
    group_name: str | None = None,
    required_resource_keys: Iterable[str] | None = None,
    config_schema: Any = None,
    resource_defs: Mapping[str, Any] | None = None,
    description: str | None = None,
    internal_asset_deps: Mapping[str, Any] | None = None,
    can_subset: bool = False,
    op_tags: Mapping[str, Any] | None = None,
    code_version: str | None = None,
    pool: str | None = None,
    partitions_def: Any = None,
    retry_policy: Any = None,
    backfill_policy: Any = None,
    check_specs: Any = None,
    hooks: Any = None,
    specs: Sequence[AssetSpec] | None = None,
) -> AssetDecorator:
    """Several assets from one function, which returns one value per out, in order (a tuple
    when there are several); with ``specs=``, the function materializes each spec's asset
    itself (it returns None, or yields a ``MaterializeResult`` per asset)."""
    if not outs and not specs:
        raise DagwireInvalidDefinitionError("Invalid definition of multi_asset:",
                                            ["give outs= or specs="])
    if outs and specs:
        raise DagwireInvalidDefinitionError("Invalid definition of multi_asset:",
                                            ["give outs= or specs=, not both"])

    def decorate(function: Callable[P, R]) -> AssetsDefinition[P, R]:
        owner = f"multi_asset '{name or function.__name__}'"
        refuse(
            owner,
            retry_policy=retry_policy,
            backfill_policy=backfill_policy,
            check_specs=check_specs,
            hooks=hooks,
        )
        outputs: list[tuple[str, AssetKey]] = []
        groups: dict[AssetKey, str] = {}
        io_managers: dict[AssetKey, str] = {}
        metadata: dict[AssetKey, dict[str, Any]] = {}
        all_deps = [AssetKey.from_coercible(dep) for dep in deps or ()]
        for out_name, out in (outs or {}).items():
            asset_key = out.key if out.key is not None else _prefixed(out_name, out.key_prefix)
            outputs.append((out_name, asset_key))
            metadata[asset_key] = out.metadata
            groups[asset_key] = out.group_name or group_name or "default"
            io_managers[asset_key] = out.io_manager_key or DEFAULT_IO_MANAGER_KEY
        spec_partitions = set()
        for spec in specs or ():
            outputs.append((spec.key.to_python_identifier(), spec.key))
            metadata[spec.key] = spec.metadata
            groups[spec.key] = spec.group_name or group_name or "default"
            io_managers[spec.key] = spec.io_manager_key
            all_deps.extend(dep for dep in spec.deps if dep not in all_deps)
            if spec.partitions_def is not None:
                spec_partitions.add(spec.partitions_def)
        if len(spec_partitions) > 1 or (spec_partitions and partitions_def is not None
                                        and spec_partitions != {partitions_def}):
            raise DagwireInvalidDefinitionError(
                f"Invalid definition of {owner}:",
                ["its assets have different partitions definitions"])
        definition = AssetsDefinition(
            function,
            keys=[k for _, k in outputs],
            op_name=name or function.__name__,
            outputs=outputs,
            group_names=groups,
            io_manager_keys=io_managers,
            ins=ins,
            deps=all_deps,
            required_resource_keys=required_resource_keys,
            config_schema=config_schema,
            resource_defs=resource_defs,
            description=description,
            metadata_by_key=metadata,
        )
        definition.partitions_def = _partitions(
            partitions_def if partitions_def is not None else next(iter(spec_partitions), None),
            owner)
        if specs:
            definition.valueless_outputs = frozenset(name for name, _ in outputs)
        return definition

    return decorate


__all__ = ["AssetDecorator", "AssetIn", "AssetKey", "AssetOut", "AssetsDefinition", "asset", "multi_asset"]
