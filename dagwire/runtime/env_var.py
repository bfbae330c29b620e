"""EnvVar: an environment variable read when a run starts, never at import.

``EnvVar("X")`` is a ``str`` whose value is the variable's NAME, so a ``str`` field accepts it.
Reading it as text (``str()``, f-strings, ``format``) raises, because that is almost always a
bug: the code would use the name where it meant the value. ``EnvVar.int("X")`` is the ``int``
counterpart. ``get_value()`` reads the environment.
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


def env_var_name(value: object) -> str | None:
    """The variable name when ``value`` is an EnvVar / EnvVar.int, else None."""
    if isinstance(value, EnvVar):
        return value.env_var_name
    if isinstance(value, IntEnvVar):
        return value.env_var_name
    return None


__all__ = ["EnvVar", "IntEnvVar", "env_var_name"]
