"""The pydantic models behind ``Config`` and ``PermissiveConfig`` (run time only), and the
base they share with ``ConfigurableResource``: EnvVar placeholders kept until a run starts,
values read from the environment never shown by repr, Enums read by member name.

Public modules import this only in the ``else:`` branch of ``if TYPE_CHECKING:`` so that a
type checker analysing user code never follows it into pydantic.
"""

from __future__ import annotations

import enum
import types
import typing
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from pydantic import (
    BaseModel,
    ConfigDict,
    ModelWrapValidatorHandler,
    PrivateAttr,
    ValidationError,
    ValidationInfo,
    model_validator,
)
from pydantic_core import PydanticCustomError

from dagwire.runtime.env_var import EnvVar, IntEnvVar
from dagwire.runtime.errors import DagwireInvalidDefinitionError, DagwireInvalidInvocationError
from dagwire.runtime.legacy.config_types import LegacyField


class EnvFieldMasks(dict[str, Any]):
    """Field name -> what repr shows instead of a value read from the environment: the EnvVar
    placeholder, or the list / dict that held placeholders. For display only, so it never
    makes two models unequal."""

    def __eq__(self, other: object) -> bool:
        return isinstance(other, EnvFieldMasks)

    def __ne__(self, other: object) -> bool:
        return not self == other


def keep_env_vars(given: Any, validated: Any) -> Any:
    """``validated`` with the EnvVar objects of ``given`` put back where they were.

    pydantic turns ``EnvVar("X")`` into the plain string ``"X"`` (and ``EnvVar.int`` into 0),
    also inside lists and dicts; the placeholder must survive until a run starts, when it is
    read. Dagster keeps them the same way.
    """
    if isinstance(given, (EnvVar, IntEnvVar)):
        return given
    if isinstance(given, (list, tuple)) and isinstance(validated, (list, tuple)):
        if len(given) != len(validated):
            return validated
        items = [keep_env_vars(g, v) for g, v in zip(given, validated)]
        if all(kept is v for kept, v in zip(items, validated)):
            return validated
        return type(validated)(items)
    if isinstance(given, Mapping) and isinstance(validated, dict):
        if not any(key in given for key in validated):
            return validated
        return {
            key: keep_env_vars(given[key], value) if key in given else value
            for key, value in validated.items()
        }
    return validated


RUN_CONFIG = "dagwire_run_config"
"""Validation context key: the data comes from a run-config dict, read as Dagster reads one
(``model_validate(data, strict=True, context={RUN_CONFIG: True})``)."""


def _unwrap_optional(annotation: Any) -> tuple[Any, bool]:
    """``Optional[X]`` -> (X, True); anything else -> (it, False)."""
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        args = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
        if len(args) == 1 and len(typing.get_args(annotation)) == 2:
            return args[0], True
    return annotation, False


def enum_by_name(annotation: Any, value: Any) -> Any:
    """Enum members written by NAME (``"BLUE"``, Dagster's config form) turned into members,
    also inside Optional, lists and dict values; anything else as it is."""
    annotation, _ = _unwrap_optional(annotation)
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        if isinstance(value, str) and not isinstance(value, EnvVar) \
                and value in annotation.__members__:
            return annotation[value]
        return value
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if isinstance(value, list) and isinstance(origin, type) and issubclass(origin, Sequence) \
            and len(args) == 1:
        items = [enum_by_name(args[0], item) for item in value]
        return items if any(a is not b for a, b in zip(items, value)) else value
    if isinstance(value, dict) and isinstance(origin, type) and issubclass(origin, Mapping) \
            and len(args) == 2:
        entries = {key: enum_by_name(args[1], item) for key, item in value.items()}
        return entries if any(entries[k] is not v for k, v in value.items()) else value
    return value


def _enum_values_given(annotation: Any, value: Any, loc: tuple[Any, ...]) -> list[Any]:
    """Line errors for Enum members written by value where Dagster's run config takes names."""
    annotation, _ = _unwrap_optional(annotation)
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        if isinstance(value, str) and value not in annotation.__members__:
            return [{
                "type": PydanticCustomError(
                    "enum_member_name",
                    "{value} is not a member name of {enum}: run config names a member "
                    "({names})",
                    {"value": repr(value), "enum": annotation.__qualname__,
                     "names": ", ".join(annotation.__members__)},
                ),
                "loc": loc,
                "input": value,
            }]
        return []
    args = typing.get_args(annotation)
    if isinstance(value, list) and len(args) == 1:
        return [e for i, item in enumerate(value) for e in _enum_values_given(args[0], item,
                                                                                (*loc, i))]
    if isinstance(value, dict) and len(args) == 2:
        return [e for k, item in value.items() for e in _enum_values_given(args[1], item,
                                                                            (*loc, k))]
    return []


def _is_model_class(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


def _selector(field: Any, value: Any) -> Any:
    """Dagster's run-config form of a discriminated union, ``{"cat": {"meows": 2}}``, in
    pydantic's form, ``{"pet_type": "cat", "meows": 2}``; anything else as it is."""
    discriminator = field.discriminator
    if not isinstance(discriminator, str) or not isinstance(value, dict) or len(value) != 1:
        return value
    (choice, inner), = value.items()
    annotation, _ = _unwrap_optional(field.annotation)
    for member in typing.get_args(annotation):
        tag = getattr(member, "model_fields", {}).get(discriminator)
        if tag is not None and choice in typing.get_args(tag.annotation) \
                and isinstance(inner, dict):
            return {**inner, discriminator: choice}
    return value


class ConfigModel(BaseModel):
    """What Config and ConfigurableResource share as models filled from run config: EnvVar
    placeholders kept in the fields until a run starts (once they are read, repr and str show
    the placeholder, ``EnvVar('NAME')``, never the value), Enums read by member name, and,
    for run-config dicts, Dagster's reading of them (``RUN_CONFIG``)."""

    _dagwire_env_fields: EnvFieldMasks = PrivateAttr(default_factory=EnvFieldMasks)

    @model_validator(mode="wrap")
    @classmethod
    def _keep_env_vars(cls, data: Any, handler: ModelWrapValidatorHandler[Any]) -> Any:
        if not isinstance(data, dict):
            return handler(data)
        _refuse_text_env_vars_for_ints(cls, data)
        model = handler(data)
        values = model.__dict__
        for name, info in cls.model_fields.items():
            key = info.alias if info.alias is not None and info.alias in data else name
            if key in data and name in values:
                values[name] = keep_env_vars(data[key], values[name])
        return model

    def __setattr__(self, name: str, value: Any) -> None:
        if name in type(self).model_fields:
            raise DagwireInvalidInvocationError(self._dagwire_frozen_message())
        super().__setattr__(name, value)

    @classmethod
    def _dagwire_frozen_message(cls) -> str:
        return (f"'{cls.__name__}' is a Pythonic config class and does not support item "
                f"assignment: it is frozen (make a new one, or .model_copy(update={{...}}))")

    @classmethod
    def _dagwire_definition_problems(cls) -> list[str]:
        """What makes the class unusable as config or a resource (checked where Dagster
        checks: when an op takes it as config, when a resource is made)."""
        return [
            f"field '{name}': Using 'dagster.Field' is not supported within a Pythonic config "
            "or resource definition. 'dagster.Field' should only be used in legacy Dagster "
            "config schemas. Did you mean to use 'pydantic.Field' instead? (Field(default=..., "
            "description=...))"
            for name, info in cls.model_fields.items() if isinstance(info.default, LegacyField)
        ]

    @classmethod
    def to_fields_dict(cls) -> dict[str, ConfigFieldInfo]:
        """Each field as Dagster's config schema sees it (the name run config uses, whether
        it is required, its default in run-config form, its description)."""
        fields: dict[str, ConfigFieldInfo] = {}
        for name, info in cls.model_fields.items():
            annotation, optional = _unwrap_optional(info.annotation)
            default: Any = None
            if info.default_factory is not None:
                default = info.get_default(call_default_factory=True)
            elif not info.is_required():
                default = info.default
            # a None default is no value run config could give: optional, with no default
            provided = default is not None
            fields[info.alias or name] = ConfigFieldInfo(
                annotation,
                is_required=info.is_required() and not optional,
                default_provided=provided,
                default_value=_run_config_form(info, default) if provided else None,
                description=info.description,
            )
        return fields

    @classmethod
    def _dagwire_from_run_config(cls, data: Mapping[str, Any]) -> Any:
        """An instance from a run-config dict, read as Dagster reads one: strict types (no
        ``"true"`` for a bool, no ``"5"`` for an int), Enums by member name, discriminated
        unions in selector form, and what Dagster's schema does not require may be left out
        (Optional fields, nested Config whose fields all have defaults)."""
        return cls.model_validate(dict(data), strict=True, context={RUN_CONFIG: True})

    def __repr_args__(self) -> Iterable[tuple[str | None, Any]]:
        masked = self._dagwire_env_fields
        for name, value in super().__repr_args__():
            if name is not None and name in masked:
                yield name, masked[name]
            else:
                yield name, value

    @model_validator(mode="before")
    @classmethod
    def _dagster_config_forms(cls, data: Any, info: ValidationInfo) -> Any:
        problems = cls._dagwire_definition_problems()
        if problems:
            raise DagwireInvalidDefinitionError(f"Invalid definition of {cls.__name__}:",
                                                problems)
        if not isinstance(data, dict):
            return data
        run_config = bool(info.context and info.context.get(RUN_CONFIG))
        data = dict(data)
        errors: list[Any] = []
        for name, field in cls.model_fields.items():
            key = field.alias if field.alias is not None and field.alias in data else name
            if key in data:
                if run_config:
                    errors += _enum_values_given(field.annotation, data[key], (key,))
                value = enum_by_name(field.annotation, data[key])
                data[key] = _selector(field, value) if run_config else value
            elif run_config and field.is_required():
                # a config dict may leave out what Dagster's config schema does not require:
                # an Optional field (None), a nested Config whose fields all have defaults
                annotation, optional = _unwrap_optional(field.annotation)
                if optional:
                    data[field.alias or name] = None
                elif _is_model_class(annotation) and not any(
                        inner.is_required() for inner in annotation.model_fields.values()):
                    data[field.alias or name] = {}
        if errors:
            raise ValidationError.from_exception_data(cls.__name__, errors)
        return data


class ConfigFieldInfo:
    """One entry of ``Config.to_fields_dict()`` (the attributes of Dagster's ``Field``)."""

    def __init__(self, config_type: Any, *, is_required: bool, default_provided: bool,
                 default_value: Any, description: str | None) -> None:
        self.config_type = config_type
        self.is_required = is_required
        self.default_provided = default_provided
        self.default_value = default_value
        self.description = description

    def __repr__(self) -> str:
        return (f"ConfigFieldInfo(is_required={self.is_required!r}, "
                f"default_value={self.default_value!r})")


def _run_config_form(info: Any, value: Any) -> Any:
    """A default as run config writes it: a model as a dict of its set fields, a member of a
    discriminated union in selector form (``{"dog": {...}}``), an Enum by name."""
    if isinstance(value, BaseModel):
        fields = {name: _run_config_form(None, item) for name, item in value
                  if name in value.model_fields_set or item is not None}
        discriminator = getattr(info, "discriminator", None)
        if isinstance(discriminator, str) and discriminator in fields:
            tag = fields.pop(discriminator)
            return {tag: fields}
        return fields
    if isinstance(value, enum.Enum):
        return value.name
    return value


def _refuse_text_env_vars_for_ints(cls: type[BaseModel], data: dict[str, Any]) -> None:
    """``EnvVar("X")`` given to an ``int`` field: refused at construction, as Dagster refuses
    it (a validation error), saying what to write instead."""
    errors: list[Any] = []
    for name, info in cls.model_fields.items():
        key = info.alias if info.alias is not None and info.alias in data else name
        value = data.get(key)
        annotation, _ = _unwrap_optional(info.annotation)
        if isinstance(value, EnvVar) and annotation is int:
            variable = value.env_var_name
            errors.append({
                "type": PydanticCustomError(
                    "env_var_in_int_field",
                    'use EnvVar.int("{variable}") for an int field: EnvVar("{variable}") is '
                    "read as text",
                    {"variable": variable},
                ),
                "loc": (key,),
                "input": value,
            })
    if errors:
        raise ValidationError.from_exception_data(cls.__name__, errors)


class Config(ConfigModel):
    model_config = ConfigDict(frozen=True, extra="forbid", arbitrary_types_allowed=True)


Config.__module__ = "dagwire.runtime.config"


class PermissiveConfig(Config):
    model_config = ConfigDict(frozen=True, extra="allow", arbitrary_types_allowed=True)


PermissiveConfig.__module__ = "dagwire.runtime.config"
