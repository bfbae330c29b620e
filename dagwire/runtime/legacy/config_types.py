"""The legacy (pre-Pythonic) config type system: ``config_schema=`` values and ``Field``.

A schema is normalised into a ``LegacyField`` wrapping a ``ConfigType``. ``LegacyField.validate``
checks a value, applies defaults and returns the resolved value; every problem found is
reported (not only the first) with its path inside the value. Who owns the config (an op, a
resource) is the caller's business: it adds that name and the path prefix (``ops.greet.config``).

Environment sources (``StringSource`` ... given as ``{"env": "NAME"}``) are only read when the
caller asks for it (``resolve_env=True``, at run time), so definitions can be checked without
touching the environment. Semantics follow Dagster's config system (checked against it in
tests/legacy); messages are ours.
"""

from __future__ import annotations

import enum as _enum
import typing
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from dagwire.runtime.env_var import EnvVar, EnvVarNotSet, IntEnvVar, raw_env_var_problem, read_env

PathPart = typing.Union[str, int]
Path = tuple[PathPart, ...]


class _NoValue:
    """Sentinel for "no value given" (distinct from ``None``, which is a value)."""

    _instance: _NoValue | None = None

    def __new__(cls) -> _NoValue:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "<no value>"


NO_VALUE: typing.Final = _NoValue()


@dataclass(frozen=True)
class ConfigProblem:
    """One thing wrong with a config value. ``env_var`` is set for environment-source failures."""

    path: Path
    message: str
    env_var: str | None = None


def format_path(path: Sequence[PathPart]) -> str:
    """``("ops", "greet", "config", "a", 1)`` -> ``ops.greet.config.a[1]``; root: ``<root>``."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else part
    return text or "<root>"


class LegacyConfigError(Exception):
    """A config value does not match its schema; ``problems`` lists every mismatch."""

    def __init__(self, problems: Sequence[ConfigProblem], prefix: Path = ()) -> None:
        self.problems = list(problems)
        self.prefix = prefix
        super().__init__(self.describe())

    def describe(self, prefix: Path | None = None) -> str:
        base = self.prefix if prefix is None else prefix
        return "\n".join(
            f"at {format_path(base + p.path)}: {p.message}" for p in self.problems
        )


class LegacyConfigDefinitionError(Exception):
    """A ``config_schema`` (or a ``Field``) that is not a valid schema."""


class _Checker:
    """Carries the problem list and the env policy through one validation."""

    def __init__(self, resolve_env: bool) -> None:
        self.resolve_env = resolve_env
        self.problems: list[ConfigProblem] = []

    def fail(self, path: Path, message: str, env_var: str | None = None) -> _NoValue:
        self.problems.append(ConfigProblem(path, message, env_var))
        return NO_VALUE


def _kind_of(value: object) -> str:
    return "None" if value is None else type(value).__name__


# --------------------------------------------------------------------------- types


class ConfigType:
    """Base of every legacy config type."""

    description: str | None = None

    @property
    def display(self) -> str:
        raise NotImplementedError

    def has_implicit_default(self) -> bool:
        """True when the type can be left out entirely (Noneable, all-optional shapes)."""
        return False

    def check(self, value: object, path: Path, checker: _Checker) -> object:
        """Validate ``value`` (never ``NO_VALUE``); return the resolved value or ``NO_VALUE``."""
        raise NotImplementedError

    def implicit_default(self) -> object:
        return self.check(NO_VALUE, (), _Checker(resolve_env=False))

    def __repr__(self) -> str:
        return f"<config type {self.display}>"


class ScalarType(ConfigType):
    """``String``, ``Int``, ``Float``, ``Bool``: exact (a bool is not an Int, 1 is not a Bool)."""

    def __init__(self, name: str, python_type: type) -> None:
        self.name = name
        self.python_type = python_type

    @property
    def display(self) -> str:
        return self.name

    def accepts(self, value: object) -> bool:
        if self.python_type is float:
            return isinstance(value, (int, float))
        if self.python_type is int:
            return isinstance(value, int) and not isinstance(value, bool)
        return isinstance(value, self.python_type)

    def check(self, value: object, path: Path, checker: _Checker) -> object:
        if value is None:
            return checker.fail(path, f"must not be None (expected {self.display})")
        if isinstance(value, (EnvVar, IntEnvVar)):  # a str / int, but its name is not the value
            return checker.fail(path, raw_env_var_problem(value))
        if not self.accepts(value):
            return checker.fail(
                path, f"expected {self.display}, got {_kind_of(value)} {value!r}"
            )
        if self.python_type is float:
            return float(typing.cast(float, value))
        return value


class AnyType(ConfigType):
    @property
    def display(self) -> str:
        return "Any"

    def check(self, value: object, path: Path, checker: _Checker) -> object:
        return value


String = ScalarType("String", str)
Int = ScalarType("Int", int)
Float = ScalarType("Float", float)
Bool = ScalarType("Bool", bool)
Any = AnyType()


class Noneable(ConfigType):
    """``None`` or the inner type; a Noneable field may be left out and then is ``None``."""

    def __init__(self, inner_type: object) -> None:
        self.inner_type = resolve_config_type(inner_type, ("Noneable",))

    @property
    def display(self) -> str:
        return f"{self.inner_type.display}?"

    def has_implicit_default(self) -> bool:
        return True

    def check(self, value: object, path: Path, checker: _Checker) -> object:
        if value is None:
            return None
        return self.inner_type.check(value, path, checker)

    def implicit_default(self) -> object:
        return None


class Array(ConfigType):
    def __init__(self, inner_type: object) -> None:
        self.inner_type = resolve_config_type(inner_type, ("Array",))

    @property
    def display(self) -> str:
        return f"[{self.inner_type.display}]"

    def check(self, value: object, path: Path, checker: _Checker) -> object:
        if value is None:
            return checker.fail(path, f"must not be None (expected {self.display})")
        if not isinstance(value, list):
            return checker.fail(path, f"expected a list {self.display}, got {_kind_of(value)}")
        before = len(checker.problems)
        items = [self.inner_type.check(item, path + (i,), checker) for i, item in enumerate(value)]
        return NO_VALUE if len(checker.problems) > before else items


class Map(ConfigType):
    """``Map(str, int)``: a dict whose keys and values are checked."""

    def __init__(
        self, key_type: type, inner_type: object, key_label_name: str | None = None
    ) -> None:
        key = resolve_config_type(key_type, ("Map",))
        if not isinstance(key, ScalarType):
            raise LegacyConfigDefinitionError("Map keys must be str, int, float or bool")
        self.key_type = key
        self.inner_type = resolve_config_type(inner_type, ("Map",))
        self.key_label_name = key_label_name

    @property
    def display(self) -> str:
        return f"{{{self.key_type.display}: {self.inner_type.display}}}"

    def check(self, value: object, path: Path, checker: _Checker) -> object:
        if value is None:
            return checker.fail(path, f"must not be None (expected {self.display})")
        if not isinstance(value, Mapping):
            return checker.fail(path, f"expected a dict {self.display}, got {_kind_of(value)}")
        before = len(checker.problems)
        result = {}
        for key, item in value.items():
            if not self.key_type.accepts(key):
                checker.fail(path, f"key {key!r} is not a {self.key_type.display}")
                continue
            result[key] = self.inner_type.check(item, path + (str(key),), checker)
        return NO_VALUE if len(checker.problems) > before else result


class Shape(ConfigType):
    """A dict with known fields; unknown keys are errors (``Permissive`` lets them through)."""

    permissive = False

    def __init__(
        self,
        fields: Mapping[str, object] | None = None,
        description: str | None = None,
        field_aliases: Mapping[str, str] | None = None,
    ) -> None:
        self.fields = _resolve_fields(fields or {}, (type(self).__name__,))
        self.description = description
        self.field_aliases = dict(field_aliases or {})

    @property
    def display(self) -> str:
        inner = " ".join(
            f"{name}{'' if field.is_required else '?'}: {field.config_type.display}"
            for name, field in self.fields.items()
        )
        return f"{{ {inner} }}" if inner else "{ }"

    def has_implicit_default(self) -> bool:
        return all(not field.is_required for field in self.fields.values())

    def check(self, value: object, path: Path, checker: _Checker) -> object:
        if value is NO_VALUE:
            value = {}
        if value is None:
            return checker.fail(path, f"must not be None (expected {self.display})")
        if not isinstance(value, Mapping):
            return checker.fail(path, f"expected a dict {self.display}, got {_kind_of(value)}")
        before = len(checker.problems)
        given = dict(value)
        for alias_of, alias in self.field_aliases.items():
            if alias in given and alias_of not in given:
                given[alias_of] = given.pop(alias)
        result: dict[str, object] = {}
        if not self.permissive:
            for key in given:
                if key not in self.fields:
                    known = ", ".join(self.fields) or "none"
                    checker.fail(path, f'unexpected field "{key}" (known fields: {known})')
        for name, field in self.fields.items():
            if name in given:
                result[name] = field.config_type.check(given[name], path + (name,), checker)
            elif field.is_required:
                checker.fail(path, f'missing required field "{name}" ({field.config_type.display})')
            elif field.has_default:
                result[name] = field.config_type.check(field.default_value, path + (name,), checker)
        if self.permissive:
            for key, item in given.items():
                if key not in self.fields:
                    result[key] = item
        return NO_VALUE if len(checker.problems) > before else result


class Permissive(Shape):
    """A Shape that also keeps keys it does not know, unchecked."""

    permissive = True


class Selector(ConfigType):
    """A dict with exactly one of the declared fields."""

    def __init__(self, fields: Mapping[str, object], description: str | None = None) -> None:
        self.fields = _resolve_fields(fields, ("Selector",))
        self.description = description

    @property
    def display(self) -> str:
        inner = " | ".join(f"{n}: {f.config_type.display}" for n, f in self.fields.items())
        return f"{{ {inner} }}"

    def has_implicit_default(self) -> bool:
        return len(self.fields) == 1 and not next(iter(self.fields.values())).is_required

    def check(self, value: object, path: Path, checker: _Checker) -> object:
        if value is NO_VALUE or value == {}:
            if self.has_implicit_default():
                name, field = next(iter(self.fields.items()))
                given = field.default_value if field.has_default else NO_VALUE
                if given is NO_VALUE and isinstance(field.config_type, Shape):
                    given = {}
                if given is NO_VALUE:
                    return {}
                checked = field.config_type.check(given, path + (name,), checker)
                return NO_VALUE if checked is NO_VALUE else {name: checked}
        if value is None:
            return checker.fail(path, f"must not be None (expected {self.display})")
        if not isinstance(value, Mapping):
            return checker.fail(path, f"expected a dict {self.display}, got {_kind_of(value)}")
        names = ", ".join(self.fields)
        if len(value) != 1:
            got = ", ".join(str(k) for k in value) or "none"
            return checker.fail(path, f"exactly one of the fields {names} must be given, got {got}")
        (key, item), = value.items()
        if key not in self.fields:
            return checker.fail(path, f'unexpected field "{key}" (one of: {names})')
        field = self.fields[key]
        if item is None and isinstance(field.config_type, Shape):
            item = {}
        checked = field.config_type.check(item, path + (key,), checker)
        return NO_VALUE if checked is NO_VALUE else {key: checked}


class EnumValue:
    """One value of a legacy ``Enum``: the string in config and the Python value it becomes."""

    def __init__(
        self, config_value: str, python_value: object = None, description: str | None = None
    ) -> None:
        self.config_value = config_value
        self.python_value = config_value if python_value is None else python_value
        self.description = description


class Enum(ConfigType):
    """``Enum("Color", [EnumValue("RED"), ...])``: config gives the name, code gets the value."""

    def __init__(self, name: str, enum_values: Iterable[EnumValue]) -> None:
        self.given_name = name
        self.enum_values = list(enum_values)

    @classmethod
    def from_python_enum(cls, enum_type: type[_enum.Enum]) -> Enum:
        return cls(enum_type.__name__, [EnumValue(m.name, m) for m in enum_type])

    @property
    def display(self) -> str:
        return self.given_name

    def check(self, value: object, path: Path, checker: _Checker) -> object:
        names = ", ".join(v.config_value for v in self.enum_values)
        if not isinstance(value, str):
            return checker.fail(
                path,
                f"expected the name of a {self.given_name} value ({names}), "
                f"got {_kind_of(value)}",
            )
        for enum_value in self.enum_values:
            if enum_value.config_value == value:
                return enum_value.python_value
        return checker.fail(path, f"{value!r} is not a {self.given_name} value ({names})")


class SourceType(ConfigType):
    """``StringSource`` / ``IntSource`` / ``BoolSource``: a plain value or ``{"env": "NAME"}``."""

    def __init__(self, scalar: ScalarType) -> None:
        self.scalar = scalar

    @property
    def display(self) -> str:
        return f"{self.scalar.display}Source"

    def check(self, value: object, path: Path, checker: _Checker) -> object:
        if not isinstance(value, Mapping):
            if value is None:
                return checker.fail(path, f"must not be None (expected {self.display})")
            return self.scalar.check(value, path, checker)
        if list(value) != ["env"]:
            got = ", ".join(str(k) for k in value) or "none"
            return checker.fail(path, f'expected {{"env": "VARIABLE_NAME"}}, got fields {got}')
        name = value["env"]
        if not isinstance(name, str):
            return checker.fail(path + ("env",), f"expected String, got {_kind_of(name)} {name!r}")
        if not checker.resolve_env:
            return {"env": name}
        try:
            return read_env(name, self.scalar.python_type)
        except EnvVarNotSet:
            return checker.fail(path, f'environment variable "{name}" is not set', env_var=name)
        except ValueError as error:  # its message never holds the value: it may be a secret
            return checker.fail(path, str(error), env_var=name)


StringSource = SourceType(String)
IntSource = SourceType(Int)
BoolSource = SourceType(Bool)


# --------------------------------------------------------------------------- Field


class LegacyField:
    """``Field(type, default_value=..., is_required=..., description=...)`` of the legacy API.

    ``dagwire.Field`` builds one of these when given a config type as first argument; the
    Pythonic ``Field(default=..., description=...)`` of Config classes is a different object.
    """

    def __init__(
        self,
        config: object,
        default_value: object = NO_VALUE,
        is_required: bool | None = None,
        description: str | None = None,
        is_secret: bool = False,
    ) -> None:
        self.config_type = resolve_config_type(config, ())
        self.description = description
        self.is_secret = is_secret
        if callable(default_value) and not isinstance(default_value, _NoValue):
            raise LegacyConfigDefinitionError("Field default_value cannot be a callable")
        if is_required is True and default_value is not NO_VALUE:
            raise LegacyConfigDefinitionError(
                "Field cannot be required and have a default_value at the same time"
            )
        self._default = default_value
        if default_value is not NO_VALUE:
            checker = _Checker(resolve_env=False)
            self.config_type.check(default_value, (), checker)
            if checker.problems:
                raise LegacyConfigDefinitionError(
                    "Invalid default_value for Field:\n"
                    + LegacyConfigError(checker.problems).describe()
                )
        if is_required is None:
            optional = default_value is not NO_VALUE or self.config_type.has_implicit_default()
            is_required = not optional
            if optional and default_value is NO_VALUE:
                self._default = self.config_type.implicit_default()
        self.is_required = is_required

    @property
    def has_default(self) -> bool:
        return self._default is not NO_VALUE

    @property
    def default_value(self) -> object:
        return self._default

    def validate(
        self, value: object = NO_VALUE, path: Path = (), *, resolve_env: bool = True
    ) -> object:
        """Check ``value`` (``NO_VALUE`` when none was given) and return it with defaults applied.

        Raises ``LegacyConfigError`` listing every problem, with paths relative to ``path``.
        ``resolve_env=False`` keeps ``{"env": ...}`` sources unread (for definition-time checks).
        """
        checker = _Checker(resolve_env)
        if value is NO_VALUE:
            if self.is_required:
                checker.fail((), f"missing required config ({self.config_type.display})")
                raise LegacyConfigError(checker.problems, path)
            value = self._default
            if value is NO_VALUE:
                value = None if not isinstance(self.config_type, Shape) else {}
                if value is None:
                    return None
        result = self.config_type.check(value, (), checker)
        if checker.problems:
            raise LegacyConfigError(checker.problems, path)
        return result

    def __repr__(self) -> str:
        default = "" if self._default is NO_VALUE else f", default_value={self._default!r}"
        return f"Field({self.config_type.display}{default}, is_required={self.is_required})"


# --------------------------------------------------------------------------- schema resolution

_PYTHON_SCALARS: dict[object, ConfigType] = {
    str: String,
    int: Int,
    float: Float,
    bool: Bool,
    typing.Any: Any,
}


def resolve_config_type(schema: object, where: Path) -> ConfigType:
    """A ConfigType from a schema as users write it: ``str``, ``{"a": int}``, ``[int]``, ..."""
    if isinstance(schema, ConfigType):
        return schema
    if isinstance(schema, LegacyField):
        raise LegacyConfigDefinitionError(
            f"a Field is not a type (at {format_path(where)}): use it as a value in a dict schema"
        )
    if isinstance(schema, dict):
        return Shape(_resolve_fields(schema, where))
    if isinstance(schema, list):
        if len(schema) != 1:
            raise LegacyConfigDefinitionError(
                f"a list schema must have exactly one item, the item type (at {format_path(where)})"
            )
        return Array(schema[0])
    if schema is list:
        return Array(Any)
    if schema is dict:
        return Permissive()
    if isinstance(schema, typing.Hashable) and schema in _PYTHON_SCALARS:
        return _PYTHON_SCALARS[schema]
    raise LegacyConfigDefinitionError(
        f"{schema!r} is not a config type (at {format_path(where)}): use str, int, float, bool, "
        "list, dict, a dict of fields, [type], Field, Noneable, Array, Shape, Permissive, "
        "Selector, Map, Enum or a *Source type"
    )


def _resolve_fields(fields: Mapping[str, object], where: Path) -> dict[str, LegacyField]:
    resolved: dict[str, LegacyField] = {}
    for name, spec in fields.items():
        if not isinstance(name, str):
            raise LegacyConfigDefinitionError(f"field names must be strings, got {name!r}")
        if isinstance(spec, LegacyField):
            resolved[name] = spec
        else:
            resolved[name] = LegacyField(resolve_config_type(spec, where + (name,)))
    return resolved


def as_field(config_schema: object) -> LegacyField:
    """Normalise any ``config_schema=`` value; ``None`` means "no schema" (any value, optional)."""
    if isinstance(config_schema, LegacyField):
        return config_schema
    if config_schema is None:
        return LegacyField(Any, is_required=False)
    return LegacyField(resolve_config_type(config_schema, ()))


# The legacy name; ``dagwire.Field`` dispatches between this and the Pythonic Field.
Field = LegacyField
