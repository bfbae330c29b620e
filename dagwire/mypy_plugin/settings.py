"""Plugin settings: `[dagwire.mypy]` in setup.cfg / mypy.ini, `[tool.dagwire.mypy]` in pyproject.

Returned from `report_config_data` so that mypy's cache is invalidated when they change.
"""

from __future__ import annotations

import configparser
import sys
from dataclasses import dataclass
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on 3.10 only
    import tomli as tomllib

SECTION = "dagwire.mypy"
KNOWN_KEYS = ("framework_modules", "warn_unused_resources", "check_run_config")
DEFAULT_FRAMEWORKS = ("dagwire", "dagster")


@dataclass(frozen=True)
class Settings:
    framework_modules: tuple[str, ...] = DEFAULT_FRAMEWORKS
    warn_unused_resources: bool = False
    check_run_config: bool = True
    unknown_keys: tuple[str, ...] = ()

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
