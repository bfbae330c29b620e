"""``@asset_check``: a function that checks an asset after it is materialized.

The check runs as a step of its own after the asset's step, in any run that materializes the
asset and includes the check (``materialize([orders, orders_check])``, a job of selected
assets, ``Definitions(asset_checks=[...])``). Its parameters are those of an asset: a
context, config, resources, and at most one input besides ``additional_ins=``, which loads the
checked asset. It returns an ``AssetCheckResult``; a result that did not pass is recorded, and
fails the run only for a ``blocking=True`` check with ERROR severity (then the assets
downstream of the checked asset do not run), as in Dagster.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable, Mapping
from enum import Enum
from typing import Any, Generic

from typing_extensions import ParamSpec, TypeVar

from dagwire.runtime.asset import AssetIn
from dagwire.runtime.asset_key import AssetKey, CoercibleToAssetKey
from dagwire.runtime.errors import DagwireError, DagwireInvalidDefinitionError
from dagwire.runtime.invocation import invoke
from dagwire.runtime.metadata import normalize_metadata
from dagwire.runtime.parameters import ConfigSource, Parameters, ResourceRequirement, classify
from dagwire.runtime.unsupported import refuse

P = ParamSpec("P")
R = TypeVar("R")
DefP = ParamSpec("DefP", default=...)
DefR = TypeVar("DefR", default=Any)


class AssetCheckSeverity(Enum):
    """How bad a check that did not pass is."""

    WARN = "WARN"
    ERROR = "ERROR"


class AssetCheckKey:
    """The asset a check is on, and the check's name."""

    def __init__(self, asset_key: AssetKey, name: str) -> None:
        self.asset_key = asset_key
        self.name = name

    def __eq__(self, other: object) -> bool:
        return isinstance(other, AssetCheckKey) and \
            (other.asset_key, other.name) == (self.asset_key, self.name)

    def __hash__(self) -> int:
        return hash((self.asset_key, self.name))

    def __repr__(self) -> str:
        return f"AssetCheckKey(asset_key={self.asset_key!r}, name={self.name!r})"


class AssetCheckResult:
    """What a check function returns: whether the asset passed, and why."""

    def __init__(
        self,
        *,
        passed: bool,
        asset_key: CoercibleToAssetKey | None = None,
        check_name: str | None = None,
        metadata: Mapping[str, Any] | None = None,
        severity: AssetCheckSeverity = AssetCheckSeverity.ERROR,
        description: str | None = None,
    ) -> None:
        self.passed = passed
        self.asset_key = None if asset_key is None else AssetKey.from_coercible(asset_key)
        self.check_name = check_name
        self.metadata = normalize_metadata(metadata or {})
        self.severity = severity
        self.description = description

    def __repr__(self) -> str:
        return (f"AssetCheckResult(passed={self.passed!r}, asset_key={self.asset_key!r}, "
                f"check_name={self.check_name!r}, metadata={self.metadata!r}, "
                f"severity={self.severity!r}, description={self.description!r})")


class AssetCheckEvaluation:
    """A check's result as a run records it (``result.get_asset_check_evaluations()``)."""

    def __init__(self, asset_key: AssetKey, check_name: str, result: AssetCheckResult,
                 blocking: bool) -> None:
        self.asset_key = asset_key
        self.check_name = check_name
        self.passed = result.passed
        self.metadata = dict(result.metadata)
        self.severity = result.severity
        self.description = result.description
        self.blocking = blocking

    @property
    def asset_check_key(self) -> AssetCheckKey:
        return AssetCheckKey(self.asset_key, self.check_name)

    def __repr__(self) -> str:
        return (f"AssetCheckEvaluation(asset_key={self.asset_key!r}, "
                f"check_name={self.check_name!r}, passed={self.passed!r}, "
                f"metadata={self.metadata!r}, severity={self.severity!r}, "
                f"description={self.description!r}, blocking={self.blocking!r})")


class AssetCheckSpec:
    """A check's name, the asset it checks, and whether it blocks what comes downstream."""

    def __init__(
        self,
        name: str,
        *,
        asset: CoercibleToAssetKey,
        description: str | None = None,
        additional_deps: Iterable[CoercibleToAssetKey] | None = None,
        blocking: bool = False,
        metadata: Mapping[str, Any] | None = None,
    ) -> None:
        self.name = name
        self.asset_key = AssetKey.from_coercible(asset)
        self.description = description
        self.additional_deps = [AssetKey.from_coercible(d) for d in additional_deps or ()]
        self.blocking = blocking
        self.metadata = dict(metadata or {})

    @property
    def key(self) -> AssetCheckKey:
        return AssetCheckKey(self.asset_key, self.name)

    def __repr__(self) -> str:
        return (f"AssetCheckSpec(name={self.name!r}, asset_key={self.asset_key!r}, "
                f"blocking={self.blocking!r})")


class AssetChecksDefinition(Generic[DefP, DefR]):
    """One check computed by one function (plain attributes, as ``AssetsDefinition``:
    ``input_keys``, ``deps``, ``resource_requirements``, ``config_source``,
    ``resource_defs``)."""

    def __init__(
        self,
        fn: Callable[DefP, DefR],
        spec: AssetCheckSpec,
        *,
        additional_ins: Mapping[str, AssetIn],
        required_resource_keys: Iterable[str] | None,
        config_schema: Any,
        resource_defs: Mapping[str, Any] | None,
    ) -> None:
        self.fn: Callable[..., Any] = fn
        self.spec = spec
        self.signature = inspect.signature(fn)
        self.parameters: Parameters = classify(
            fn, owner=self.describe(), role="compute",
            required_resource_keys=required_resource_keys, config_schema=config_schema,
            signature=self.signature)
        self.input_keys: dict[str, AssetKey] = self._input_keys(additional_ins)
        self.ins = dict(additional_ins)
        deps = [*spec.additional_deps]
        if spec.asset_key not in self.input_keys.values():
            deps.append(spec.asset_key)
        self.deps: tuple[AssetKey, ...] = tuple(deps)
        self.resource_defs: dict[str, Any] = dict(resource_defs or {})
        self.__doc__ = fn.__doc__
        self.__wrapped__ = fn

    def _input_keys(self, additional_ins: Mapping[str, AssetIn]) -> dict[str, AssetKey]:
        inputs = self.parameters.inputs
        problems = [f"'{name}' is specified in 'additional_ins' but isn't a parameter."
                    for name in additional_ins if name not in inputs]
        keys = {name: spec.key or AssetKey(name) for name, spec in additional_ins.items()
                if name in inputs}
        primary = [name for name in inputs if name not in additional_ins]
        if self.spec.asset_key in keys.values():
            problems.append(f"asset '{self.spec.asset_key.to_user_string()}' was passed to "
                            "`asset` and `additional_ins`. It can only be passed to one of "
                            "these parameters.")
        if len(primary) > 1:
            problems.append(
                f"multiple assets provided as parameters: "
                f"[{', '.join(repr(name) for name in sorted(primary))}]. These should either "
                "match the target asset or be specified in 'additional_ins'.")
        if problems:
            raise DagwireInvalidDefinitionError(f"Invalid definition of {self.describe()}:",
                                                problems)
        if primary:
            keys[primary[0]] = self.spec.asset_key
        return keys

    @property
    def name(self) -> str:
        return self.spec.name

    @property
    def asset_key(self) -> AssetKey:
        return self.spec.asset_key

    @property
    def check_key(self) -> AssetCheckKey:
        return self.spec.key

    @property
    def check_keys(self) -> set[AssetCheckKey]:
        return {self.spec.key}

    @property
    def check_specs(self) -> list[AssetCheckSpec]:
        return [self.spec]

    @property
    def blocking(self) -> bool:
        return self.spec.blocking

    @property
    def op_name(self) -> str:
        """The step's name, as Dagster names it: the asset's, then the check's."""
        return f"{self.spec.asset_key.to_python_identifier()}_{self.spec.name}"

    @property
    def upstream_keys(self) -> tuple[AssetKey, ...]:
        seen: dict[AssetKey, None] = {}
        for key in (*self.input_keys.values(), *self.deps):
            seen.setdefault(key, None)
        return tuple(seen)

    @property
    def resource_requirements(self) -> tuple[ResourceRequirement, ...]:
        return self.parameters.requirements

    @property
    def input_manager_keys(self) -> dict[str, str]:
        return {param: spec.input_manager_key for param, spec in self.ins.items()
                if spec.input_manager_key is not None}

    @property
    def required_resource_keys(self) -> frozenset[str]:
        return frozenset({r.key for r in self.parameters.requirements}
                         | set(self.input_manager_keys.values()))

    @property
    def config_source(self) -> ConfigSource | None:
        return self.parameters.config

    def describe(self) -> str:
        return f"asset check '{self.spec.name}' on asset " \
               f"'{self.spec.asset_key.to_user_string()}'"

    def evaluation(self, value: Any) -> AssetCheckEvaluation:
        """What the run records for the value the function returned."""
        if not isinstance(value, AssetCheckResult):
            raise DagwireError(
                f"{self.describe()} returned {type(value).__name__}: a check returns "
                "AssetCheckResult(passed=...)")
        if value.asset_key is not None and value.asset_key != self.spec.asset_key:
            raise DagwireError(
                f"{self.describe()} returned a result for asset "
                f"'{value.asset_key.to_user_string()}'")
        if value.check_name is not None and value.check_name != self.spec.name:
            raise DagwireError(
                f"{self.describe()} returned a result for check '{value.check_name}'")
        return AssetCheckEvaluation(self.spec.asset_key, self.spec.name, value,
                                    self.spec.blocking)

    def __call__(self, *args: DefP.args, **kwargs: DefP.kwargs) -> DefR:
        result: DefR = invoke(self, "asset_check", args, kwargs)
        return result

    def __repr__(self) -> str:
        return f"AssetChecksDefinition(check_key={self.spec.key!r})"


def asset_check(
    *,
    asset: CoercibleToAssetKey,
    name: str | None = None,
    description: str | None = None,
    blocking: bool = False,
    additional_ins: Mapping[str, AssetIn] | None = None,
    additional_deps: Iterable[CoercibleToAssetKey] | None = None,
    required_resource_keys: Iterable[str] | None = None,
    resource_defs: Mapping[str, Any] | None = None,
    config_schema: Any = None,
    compute_kind: str | None = None,
    op_tags: Mapping[str, Any] | None = None,
    metadata: Mapping[str, Any] | None = None,
    automation_condition: Any = None,
    pool: str | None = None,
    retry_policy: Any = None,
    partitions_def: Any = None,
) -> Callable[[Callable[P, R]], AssetChecksDefinition[P, R]]:
    """Define a check of ``asset``; the function returns an ``AssetCheckResult``."""

    def decorate(function: Callable[P, R]) -> AssetChecksDefinition[P, R]:
        spec = AssetCheckSpec(name or function.__name__, asset=asset, description=description,
                              additional_deps=additional_deps, blocking=blocking,
                              metadata=metadata)
        refuse(f"asset check '{spec.name}'", retry_policy=retry_policy)
        if partitions_def is not None:
            raise DagwireInvalidDefinitionError(
                f"Invalid definition of asset check '{spec.name}':",
                ["partitions_def= (partitioned asset checks) is not supported by dagwire"])
        return AssetChecksDefinition(
            function, spec, additional_ins=dict(additional_ins or {}),
            required_resource_keys=required_resource_keys, config_schema=config_schema,
            resource_defs=resource_defs)

    return decorate


__all__ = [
    "AssetCheckEvaluation",
    "AssetCheckKey",
    "AssetCheckResult",
    "AssetCheckSeverity",
    "AssetCheckSpec",
    "AssetChecksDefinition",
    "asset_check",
]
