"""What a step function may return besides a plain value: ``Output`` (a value with metadata)
and ``MaterializeResult`` (an asset that stored its data itself: no IO manager is called), and
``Failure``, which it raises to fail with a description and metadata."""

from __future__ import annotations

import inspect
from collections.abc import Mapping
from typing import Any, Generic, TypeVar

from dagwire.runtime.asset_key import AssetKey, CoercibleToAssetKey
from dagwire.runtime.errors import DagwireError
from dagwire.runtime.metadata import AssetMaterialization, normalize_metadata

T = TypeVar("T")


class Output(Generic[T]):
    """``return Output(rows, metadata={"n": len(rows)})``: the value goes to the IO manager."""

    def __init__(
        self,
        value: T,
        output_name: str = "result",
        metadata: Mapping[str, Any] | None = None,
    ) -> None:
        self.value = value
        self.output_name = output_name
        self.metadata = dict(metadata or {})

    def __repr__(self) -> str:
        return f"Output(output_name={self.output_name!r}, metadata={self.metadata!r})"


class MaterializeResult:
    """``return MaterializeResult(metadata={...})``: the asset wrote its data itself."""

    def __init__(
        self,
        *,
        asset_key: CoercibleToAssetKey | None = None,
        metadata: Mapping[str, Any] | None = None,
    ) -> None:
        self.asset_key = None if asset_key is None else AssetKey.from_coercible(asset_key)
        self.metadata = dict(metadata or {})

    def __repr__(self) -> str:
        return f"MaterializeResult(metadata={self.metadata!r})"


class Failure(Exception):
    """Raised by an op or asset to fail its step with a description and metadata (Dagster's
    ``Failure``); the run reports it like any other step error."""

    def __init__(
        self,
        description: str | None = None,
        metadata: Mapping[str, Any] | None = None,
        allow_retries: bool | None = None,
    ) -> None:
        super().__init__(description)
        self.description = description
        self.metadata = normalize_metadata(metadata or {})
        self.allow_retries = allow_retries


def step_outputs(step: Any, value: Any, events: list[Any]) -> dict[str, Any]:
    """Output name -> what the step function produced for it (a value, ``Output`` or
    ``MaterializeResult``), from its return value or, for a generator, what it yielded.
    Several outputs: a tuple with one item per output, in order (Dagster's rule). An
    ``AssetMaterialization`` an op yields is appended to ``events``."""
    definition = step.definition
    names = [name for name, _, _ in step.outputs]
    keys = {key: name for name, key, _ in step.outputs if key is not None}
    keys_by_name = {name: key.to_user_string() for key, name in keys.items()}
    owner = definition.describe() if step.kind == "asset" else f"op '{step.key}'"
    produced: dict[str, Any] = {}
    valueless: frozenset[str] = getattr(definition, "valueless_outputs", frozenset())
    if valueless and value is None:
        # a @multi_asset(specs=...) that returns nothing materialized every asset itself
        return {name: MaterializeResult() for name in names}
    if inspect.isgenerator(value):
        for item in value:
            if isinstance(item, AssetMaterialization):
                events.append(item)
                continue
            if not isinstance(item, (Output, MaterializeResult)):
                raise DagwireError(
                    f"{owner} yielded a value of type {type(item).__name__}: a generator step "
                    "must yield "
                    "Output(value, output_name=...), MaterializeResult(...) or "
                    "AssetMaterialization(...)"
                )
            name = _output_name(item, names, keys, owner)
            if name in produced:
                raise DagwireError(f"{owner} yielded output '{name}' twice")
            produced[name] = item
    elif len(names) == 1:
        _output_name(value, names, keys, owner)
        produced[names[0]] = value
    else:
        if not isinstance(value, tuple) or len(value) != len(names):
            raise DagwireError(
                f"{owner} must return a tuple of {len(names)} values (one per output, in "
                f"order: {', '.join(names)}), got {type(value).__name__}"
            )
        for name, item in zip(names, value):
            if isinstance(item, (Output, MaterializeResult)):
                name = _output_name(item, names, keys, owner)
            produced[name] = item
    for name in [name for name in names if name in valueless and name in produced]:
        if produced[name] is None:
            produced[name] = MaterializeResult()
        elif not isinstance(produced[name], MaterializeResult):
            raise DagwireError(
                f"{owner} returned a value for its asset '{keys_by_name[name]}', which is an "
                "AssetSpec: the function stores the data itself; return None or "
                "MaterializeResult(asset_key=...) for each asset")
    outs = getattr(definition, "outs", None)
    missing = [
        name for name in names
        if name not in produced and (outs is None or outs[name].is_required)
    ]
    if missing:
        raise DagwireError(
            f"{owner} did not produce its required output{'s' if len(missing) > 1 else ''} "
            f"{', '.join(repr(name) for name in missing)}"
        )
    return produced


def _output_name(item: Any, names: list[str], keys: dict[AssetKey, str], owner: str) -> str:
    """The output an item is for; only ``Output`` / ``MaterializeResult`` name one."""
    if isinstance(item, Output):
        if item.output_name == "result" and len(names) == 1:
            return names[0]
        if item.output_name not in names:
            raise DagwireError(
                f"{owner} produced Output(output_name={item.output_name!r}), which is not one "
                f"of its outputs ({', '.join(names)})"
            )
        return item.output_name
    if isinstance(item, MaterializeResult):
        if item.asset_key is None:
            if len(names) == 1:
                return names[0]
            raise DagwireError(f"{owner} returned a MaterializeResult without asset_key= "
                               "but defines several assets")
        if item.asset_key not in keys:
            raise DagwireError(f"{owner} returned a MaterializeResult for asset "
                               f"'{item.asset_key.to_user_string()}', which it does not define")
        return keys[item.asset_key]
    return names[0]  # a plain value: only a single-output step returns one


__all__ = ["Failure", "MaterializeResult", "Output", "step_outputs"]
