"""Reading the environment for config when a run starts: the one walk every config value
takes, an op's or asset's config as much as a resource's fields, at any depth.

Two kinds of value meet here. Values held by a Config or resource object (or a field's
default) may hold EnvVar placeholders: those are read. Values from a run-config dict may say
``{"env": NAME}`` (Dagster's form, also what ``RunConfig.to_config_dict()`` writes for an
EnvVar); an EnvVar object written into such a dict is refused, as Dagster refuses it. The
walk follows the field types of the Config (or resource) class as Dagster's config schema
does: a ``str``, ``int`` or ``bool`` field (also when Optional, in list items and dict
values, in nested Config) reads the variable; any other field cannot, which is an error (in
such a field Dagster does not read it either). A missing variable is reported with the
field's path, and a run-config value given for a field means the object's EnvVar for that
field is never read.

What came from the environment is recorded (``EnvResolution.masks``) so that, once the model
is built, ``mask_env_values`` makes its repr show ``EnvVar('NAME')`` instead of the value. No
message here contains a value read from the environment.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from dagwire.runtime.config import object_fields
from dagwire.runtime.env_var import (
    EnvSource,
    EnvVar,
    EnvVarNotSet,
    IntEnvVar,
    env_source_name,
    raw_env_var_problem,
    read_env,
)

Path = tuple[Any, ...]  # ("inner", "items", 0, "s")

# the field types Dagster reads {"env": NAME} for (its StringSource, IntSource, BoolSource)
_SOURCE_TYPES: tuple[type[Any], ...] = (str, int, bool)


@dataclass
class EnvResolution:
    """The outcome of ``resolve_env``: the data with environment values in place, the
    variables that are not set (name, field path), other problems (field path, reason), and
    where values came from (field -> the EnvVar it was read for, nested as the data is)."""

    value: dict[str, Any]
    missing: list[tuple[str, Path]] = field(default_factory=list)
    problems: list[tuple[Path, str]] = field(default_factory=list)
    masks: dict[Any, Any] = field(default_factory=dict)


def resolve_env(
    schema: type[Any],
    given: Mapping[str, Any] | None = None,
    run_config: Mapping[str, Any] | None = None,
) -> EnvResolution:
    """The fields of a ``schema`` object (a Config or resource class) with the environment
    read: ``given`` are values an object holds, ``run_config`` values from a run-config dict
    (they replace given values of the same field, whose EnvVars are then never read)."""
    run_config = run_config or {}
    items = [(key, value, True) for key, value in (given or {}).items() if key not in run_config]
    items += [(key, value, False) for key, value in run_config.items()]
    walk = _Walk()
    value, masks = walk.fields(schema, items, ())
    return EnvResolution(value, walk.missing, walk.problems, masks or {})


def mask_env_values(model: Any, masks: Mapping[str, Any]) -> None:
    """Make ``model``'s repr show the EnvVar placeholders of ``masks`` (from ``resolve_env``)
    instead of the values read for them, in nested models too."""
    shown = dict(getattr(model, "_dagwire_env_fields", {}))
    for name, node in masks.items():
        value = getattr(model, name, None)
        display = _shown(value, node)
        if display is not value:
            shown[name] = display
    if shown:
        model._dagwire_env_fields = type(model._dagwire_env_fields)(shown)


def _shown(value: Any, node: Any) -> Any:
    if not isinstance(node, dict):
        return node  # the placeholder the value was read for
    if hasattr(value, "_dagwire_env_fields"):
        mask_env_values(value, node)  # a nested model shows its own placeholders
        return value
    if isinstance(value, (list, tuple)):
        items = [_shown(item, node[i]) if i in node else item for i, item in enumerate(value)]
        same = all(new is old for new, old in zip(items, value))
        return value if same else type(value)(items)
    if isinstance(value, Mapping):
        entries = {k: _shown(v, node[k]) if k in node else v for k, v in value.items()}
        same = all(entries[k] is v for k, v in value.items())
        return value if same else entries
    return value


def _is_model_class(annotation: Any) -> bool:
    return isinstance(annotation, type) and hasattr(annotation, "model_fields")


def _is_model(value: Any) -> bool:
    return _is_model_class(type(value)) and hasattr(value, "model_fields_set")


def _unwrap(annotation: Any) -> Any:
    """``Optional[X]`` and ``Annotated[X, ...]`` -> ``X``: Dagster reads env sources there too."""
    while True:
        origin = typing.get_origin(annotation)
        args = typing.get_args(annotation)
        if origin is typing.Annotated:
            annotation = args[0]
        elif origin in (typing.Union, types.UnionType) and type(None) in args and len(args) == 2:
            annotation = next(arg for arg in args if arg is not type(None))
        else:
            return annotation


def _item_type(annotation: Any, index: int) -> Any:
    """The type of item ``index`` of a list / sequence / tuple annotation (None: unknown)."""
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            return args[0]
        return args[index] if index < len(args) else None
    if isinstance(origin, type) and issubclass(origin, Sequence) and len(args) == 1:
        return args[0]
    return None


def _value_type(annotation: Any) -> Any:
    """The value type of a dict / mapping annotation (None: unknown)."""
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if isinstance(origin, type) and issubclass(origin, Mapping) and len(args) == 2:
        return args[1]
    return None


class _Walk:
    def __init__(self) -> None:
        self.missing: list[tuple[str, Path]] = []
        self.problems: list[tuple[Path, str]] = []

    def fields(
        self, schema: type[Any], items: Iterable[tuple[str, Any, bool]], path: Path
    ) -> tuple[dict[str, Any], dict[Any, Any] | None]:
        """The fields of a ``schema`` object: (key, value, held by an object) items, keys
        as in run config (a field's alias when it has one). A field left out whose default
        holds an EnvVar is read too, as Dagster reads it."""
        by_key = {info.alias or name: (name, info) for name, info in schema.model_fields.items()}
        values: dict[str, Any] = {}
        masks: dict[Any, Any] = {}
        for key, item, held in items:
            name, info = by_key.get(key, (key, None))  # None: an extra field
            annotation = getattr(info, "annotation", None)
            values[key], mask = self.value(annotation, item, (*path, key), held)
            if mask is not None:
                masks[name] = mask
        for key, (name, info) in by_key.items():
            if key in values or info.is_required():
                continue
            if getattr(info, "default_factory_takes_validated_data", False):
                continue  # built from the other fields: pydantic makes it, nothing to read
            default = info.get_default(call_default_factory=True)
            resolved, mask = self.value(info.annotation, default, (*path, key), True)
            if mask is not None:
                values[key], masks[name] = resolved, mask
        return values, masks or None

    def value(self, annotation: Any, value: Any, path: Path, held: bool) -> tuple[Any, Any]:
        """``value`` with environment values in place, and its mask (None: nothing read).
        ``held``: the value is held by a Config or resource object (not a run-config dict)."""
        expected = _unwrap(annotation)
        if isinstance(value, (EnvVar, IntEnvVar)):
            if held:
                return self.source(expected, value.env_var_name, value, value, path)
            self.problems.append((path, raw_env_var_problem(value)))
            return value, None
        name = env_source_name(value)
        if name is not None:
            placeholder = value.placeholder if isinstance(value, EnvSource) else None
            return self.source(expected, name, placeholder, value, path)
        if _is_model(value):
            schema = expected if _is_model_class(expected) else type(value)
            held_items = [(key, item, True) for key, item in object_fields(value).items()]
            fields, field_masks = self.fields(schema, held_items, path)
            return (fields, field_masks) if field_masks else (value, None)
        if _is_model_class(expected) and isinstance(value, Mapping):
            return self.fields(expected, [(k, v, held) for k, v in value.items()], path)
        if isinstance(value, (list, tuple)):
            items: list[Any] = []
            masks: dict[Any, Any] = {}
            for index, item in enumerate(value):
                resolved, mask = self.value(_item_type(expected, index), item, (*path, index), held)
                items.append(resolved)
                if mask is not None:
                    masks[index] = mask
            return (items, masks) if masks else (value, None)
        if isinstance(value, Mapping):
            entries: dict[Any, Any] = {}
            masks = {}
            value_type = _value_type(expected)
            for key, item in value.items():
                entries[key], mask = self.value(value_type, item, (*path, key), held)
                if mask is not None:
                    masks[key] = mask
            return (entries, masks) if masks else (value, None)
        return value, None

    def source(
        self,
        expected: Any,
        name: str,
        placeholder: EnvVar | IntEnvVar | None,
        given: Any,
        path: Path,
    ) -> tuple[Any, Any]:
        """The variable ``name`` (``given`` as an EnvVar ``placeholder`` or as ``{"env":
        NAME}``) where a value of type ``expected`` goes; ``given`` stays when it is not read."""
        if expected not in _SOURCE_TYPES:
            if placeholder is not None:
                self.problems.append((
                    path,
                    f"{placeholder!r} is read only in a str, int or bool field (Dagster does "
                    f"not read it here either)",
                ))
            return given, None  # otherwise a plain dict that happens to have an "env" key
        try:
            resolved = read_env(name, expected)
        except EnvVarNotSet:
            self.missing.append((name, path))
            return given, None
        except ValueError as error:  # its message never holds the value
            self.problems.append((path, str(error)))
            return given, None
        if placeholder is None:
            placeholder = EnvVar.int(name) if expected is int else EnvVar(name)
        return resolved, placeholder


__all__ = ["EnvResolution", "Path", "mask_env_values", "resolve_env"]
