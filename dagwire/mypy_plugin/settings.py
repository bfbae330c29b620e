"""Plugin settings: `[dagwire.mypy]` in setup.cfg / mypy.ini, `[tool.dagwire.mypy]` in pyproject.

Returned from `report_config_data` so that mypy's cache is invalidated when they change.
"""

from __future__ import annotations

import configparser
import sys
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on 3.10 only
    import tomli as tomllib

SECTION = "dagwire.mypy"
KNOWN_KEYS = ("framework_modules", "warn_unused_resources", "check_run_config")
DEFAULT_FRAMEWORKS = ("dagwire", "dagster")


class Settings:
    """The plugin's settings. A plain class, not a dataclass: every mypy run imports this."""

    __slots__ = ("framework_modules", "warn_unused_resources", "check_run_config", "unknown_keys")

    def __init__(
        self,
        framework_modules: tuple[str, ...] = DEFAULT_FRAMEWORKS,
        warn_unused_resources: bool = False,
        check_run_config: bool = True,
        unknown_keys: tuple[str, ...] = (),
    ) -> None:
        self.framework_modules = framework_modules
        self.warn_unused_resources = warn_unused_resources
        self.check_run_config = check_run_config
        self.unknown_keys = unknown_keys

    def _values(self) -> tuple[object, ...]:
        return tuple(getattr(self, name) for name in self.__slots__)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Settings) and self._values() == other._values()

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        fields = ", ".join(f"{n}={getattr(self, n)!r}" for n in self.__slots__)
        return f"Settings({fields})"

    def to_data(self) -> dict[str, Any]:
        return {
            "framework_modules": list(self.framework_modules),
            "warn_unused_resources": self.warn_unused_resources,
            "check_run_config": self.check_run_config,
        }


def _as_bool(value: object) -> bool:
    if isinstance(value, bool):
        return value
    return str(value).strip().lower() in ("1", "true", "yes", "on")


def _as_list(value: object) -> tuple[str, ...]:
    if isinstance(value, (list, tuple)):
        return tuple(str(v).strip() for v in value if str(v).strip())
    return tuple(p.strip() for p in str(value).replace("\n", ",").split(",") if p.strip())


def _from_mapping(raw: dict[str, object]) -> Settings:
    unknown = tuple(sorted(k for k in raw if k not in KNOWN_KEYS))
    return Settings(
        framework_modules=_as_list(raw["framework_modules"])
        if "framework_modules" in raw
        else DEFAULT_FRAMEWORKS,
        warn_unused_resources=_as_bool(raw.get("warn_unused_resources", False)),
        check_run_config=_as_bool(raw.get("check_run_config", True)),
        unknown_keys=unknown,
    )


def load_settings(config_file: str | None) -> Settings:
    """Read the plugin's section of mypy's config file (defaults when absent)."""
    if not config_file:
        return Settings()
    if config_file.endswith(".toml"):
        with open(config_file, "rb") as f:
            data = tomllib.load(f)
        section = data.get("tool", {}).get("dagwire", {}).get("mypy", {})
        return _from_mapping(dict(section)) if isinstance(section, dict) else Settings()
    parser = configparser.ConfigParser()
    parser.read(config_file)
    if not parser.has_section(SECTION):
        return Settings()
    return _from_mapping(dict(parser.items(SECTION)))
