"""EnvVar: an environment variable read when a run starts, never at import.

``EnvVar("X")`` is a ``str`` whose value is the variable's NAME, so a ``str`` field accepts it.
Reading it as text (``str()``, f-strings, ``format``) raises, because that is almost always a
bug: the code would use the name where it meant the value. ``EnvVar.int("X")`` is the ``int``
counterpart. ``get_value()`` reads the environment.

In a run-config dict the same thing is written ``{"env": "X"}`` (Dagster's form, which
``RunConfig.to_config_dict()`` produces for an EnvVar); an EnvVar object written into such a
dict is a mistake Dagster rejects, and so do we (``raw_env_var_problem``). ``read_env`` is
the one place that reads a variable for a str, int or bool config value.
"""

from __future__ import annotations

import os
from typing import Any


def _misuse(name: str, kind: str) -> RuntimeError:
    return RuntimeError(
        f"{kind}('{name}') was read as a value; an EnvVar is resolved when a run starts: "
        f"use it as a resource or config field value, or call .get_value()"
    )


class EnvVar(str):
    """The name of an environment variable whose value a resource field gets at run time."""

    __slots__ = ()

    @classmethod
    def int(cls, name: str) -> IntEnvVar:
        """An integer-valued environment variable (``int`` fields accept it)."""
        return IntEnvVar.create(name)

    @property
    def env_var_name(self) -> str:
        return str.__str__(self)

    @property
    def name(self) -> str:
        return str.__str__(self)

    def get_value(self, default: str | None = None) -> str | None:
        """The variable's current value, or ``default`` when it is not set."""
        return os.environ.get(self.env_var_name, default)

    def __str__(self) -> str:
        raise _misuse(self.env_var_name, "EnvVar")

    def __format__(self, format_spec: str) -> str:
        raise _misuse(self.env_var_name, "EnvVar")

    def __repr__(self) -> str:
        return f"EnvVar('{self.env_var_name}')"

    def __reduce__(self) -> tuple[Any, ...]:
        return (EnvVar, (self.env_var_name,))


class IntEnvVar(int):
    """``EnvVar.int(name)``: an ``int`` placeholder (value 0) that carries the variable's name."""

    _env_var_name: str

    @classmethod
    def create(cls, name: str) -> IntEnvVar:
        value = int.__new__(cls, 0)
        value._env_var_name = name  # int subclasses without __slots__ have a __dict__
        return value

    @property
    def env_var_name(self) -> str:
        return self._env_var_name

    @property
    def name(self) -> str:
        return self._env_var_name

    def get_value(self, default: int | None = None) -> int | None:
        raw = os.environ.get(self._env_var_name)
        return default if raw is None else int(raw)

    def __int__(self) -> int:
        raise _misuse(self._env_var_name, "EnvVar.int")

    def __str__(self) -> str:
        raise _misuse(self._env_var_name, "EnvVar.int")

    def __format__(self, format_spec: str) -> str:
        raise _misuse(self._env_var_name, "EnvVar.int")

    def __repr__(self) -> str:
        return f"EnvVar.int('{self._env_var_name}')"

    def __reduce__(self) -> tuple[Any, ...]:
        return (IntEnvVar.create, (self._env_var_name,))


class EnvSource(dict[str, str]):
    """``{"env": NAME}``, written for an EnvVar by ``RunConfig.to_config_dict()``.

    It equals (and prints as) Dagster's plain dict; being its own class, it tells the run that
    an EnvVar stood here, so an EnvVar in a field that cannot read one is an error, not the
    dict passed on as the value.
    """

    def __init__(self, placeholder: EnvVar | IntEnvVar) -> None:
        super().__init__(env=placeholder.env_var_name)
        self.placeholder = placeholder

    def __reduce__(self) -> tuple[Any, ...]:
        return (EnvSource, (self.placeholder,))


def env_source_name(value: object) -> str | None:
    """NAME when ``value`` is ``{"env": NAME}`` (Dagster's run-config form), else None."""
    if isinstance(value, dict) and len(value) == 1 and isinstance(value.get("env"), str):
        name: str = value["env"]
        return name
    return None


class EnvVarNotSet(LookupError):
    """``read_env`` of a variable that is not set."""


def read_env(name: str, kind: type[Any] = str) -> Any:
    """The variable's value as Dagster reads it for a ``kind`` (str, int or bool) field.

    Raises ``EnvVarNotSet``, or ``ValueError`` when an int field's variable is not an integer;
    neither message contains the value (it may be a secret), and no exception is chained.
    """
    text = os.environ.get(name)
    if text is None:
        raise EnvVarNotSet(name)
    if kind is bool:
        return text.lower() not in {"false", "none", "0", ""}  # Dagster's reading
    if kind is int:
        try:
            return int(text)
        except ValueError:
            pass
        raise ValueError(f'environment variable "{name}" cannot be read as an int')
    return text


def raw_env_var_problem(value: EnvVar | IntEnvVar) -> str:
    """Why an EnvVar object inside a run-config dict is refused, and what to write instead."""
    name = value.env_var_name
    return (
        f"{value!r} cannot be used in a config dict: write {{'env': '{name}'}} instead, "
        f"or pass a Config (or resource) object in RunConfig"
    )


def env_var_name(value: object) -> str | None:
    """The variable name when ``value`` is an EnvVar / EnvVar.int, else None."""
    if isinstance(value, EnvVar):
        return value.env_var_name
    if isinstance(value, IntEnvVar):
        return value.env_var_name
    return None


__all__ = [
    "EnvSource",
    "EnvVar",
    "EnvVarNotSet",
    "IntEnvVar",
    "env_source_name",
    "env_var_name",
    "raw_env_var_problem",
    "read_env",
]
