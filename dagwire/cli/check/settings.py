"""What ``dagwire check`` checks: ``[tool.dagwire.lint]`` in pyproject.toml or ``[dagwire.lint]``
in setup.cfg (the nearest one from the working directory up), then the command line.

Selection follows flake8: codes are prefixes, the longest matching prefix decides between
``select`` and ``ignore`` (a tie ignores), and ``per-file-ignores`` adds to ``ignore`` for the
files its patterns match. Patterns match a file's base name or, when they hold a ``/``, its
path relative to the config file's folder, as flake8's ``exclude`` does.
"""

from __future__ import annotations

import configparser
import os
import re
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from fnmatch import fnmatch

from dagwire.cli.text import shown_path

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib

PYPROJECT_SECTION = ("tool", "dagwire", "lint")
SETUP_CFG_SECTION = "dagwire.lint"
VALID_CODE_PREFIX = re.compile(r"^[A-Z]{1,3}[0-9]{0,3}$")  # flake8's, so configs carry over

DEFAULT_EXCLUDE = (
    # flake8's defaults
    ".svn", "CVS", ".bzr", ".hg", ".git", "__pycache__", ".tox", ".nox", ".eggs", "*.egg",
    # and the folders ruff also leaves out: environments, caches, build output
    ".venv", "venv", ".direnv", "__pypackages__", ".mypy_cache", ".pytest_cache", ".ruff_cache",
    "build", "dist", "_build", "node_modules", "site-packages",
)

KNOWN_KEYS = frozenset({
    "select", "ignore", "exclude", "extend-exclude", "per-file-ignores", "cross-file", "docs-url",
})


class SettingsError(Exception):
    """A config file or command-line value that cannot be used (exit 2)."""


class Patterns:
    """File patterns as flake8 matches them (``flake8.utils.matches_filename``)."""

    def __init__(self, patterns: tuple[str, ...], root: str) -> None:
        self.patterns = tuple(
            os.path.abspath(os.path.join(root, p)).rstrip("/") if "/" in p else p
            for p in patterns
        )

    def match(self, path: str) -> bool:
        if not self.patterns:
            return False
        basename = os.path.basename(path)
        if basename not in (".", "..") and any(fnmatch(basename, p) for p in self.patterns):
            return True
        absolute = os.path.abspath(path)
        return any(fnmatch(absolute, p) for p in self.patterns)


@dataclass(frozen=True)
class Settings:
    select: tuple[str, ...] = ("RSC",)
    ignore: tuple[str, ...] = ()
    exclude: tuple[str, ...] = DEFAULT_EXCLUDE
    extend_exclude: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    cross_file: bool = True
    docs_url: str | None = None
    root: str = field(default_factory=os.getcwd)  # relative patterns start here
    source: str | None = None  # the config file read, if any

    def excluded(self) -> Patterns:
        return Patterns(self.exclude + self.extend_exclude, self.root)

    def selection(self) -> Selection:
        per_file = tuple((Patterns((p,), self.root), codes) for p, codes in self.per_file_ignores)
        return Selection(self.select, self.ignore, per_file)


class Selection:
    """Which codes are reported for a file (flake8's decision, with explicit lists)."""

    def __init__(self, select: tuple[str, ...], ignore: tuple[str, ...],
                 per_file: tuple[tuple[Patterns, tuple[str, ...]], ...]) -> None:
        self.select = select
        self.ignore = ignore
        self.per_file = per_file

    def for_file(self, path: str) -> FileSelection:
        extra = tuple(c for patterns, codes in self.per_file if patterns.match(path) for c in codes)
        return FileSelection(self.select, self.ignore + extra)


class FileSelection:
    def __init__(self, select: tuple[str, ...], ignore: tuple[str, ...]) -> None:
        self.select = select
        self.ignore = ignore
        self._cache: dict[str, bool] = {}

    def reports(self, code: str) -> bool:
        decided = self._cache.get(code)
        if decided is None:
            selected = _longest_prefix(code, self.select)
            ignored = _longest_prefix(code, self.ignore)
            decided = selected is not None and (ignored is None or len(selected) > len(ignored))
            self._cache[code] = decided
        return decided


def _longest_prefix(code: str, prefixes: tuple[str, ...]) -> str | None:
    matching = [p for p in prefixes if code.startswith(p)]
    return max(matching, key=len) if matching else None


def find_config(start: str) -> str | None:
    """The nearest pyproject.toml with ``[tool.dagwire.lint]`` or setup.cfg with
    ``[dagwire.lint]``, from ``start`` up to the file system's root."""
    directory = os.path.abspath(start)
    while True:
        for name in ("pyproject.toml", "setup.cfg"):
            candidate = os.path.join(directory, name)
            if os.path.isfile(candidate) and _read_section(candidate) is not None:
                return candidate
        parent = os.path.dirname(directory)
        if parent == directory:
            return None
        directory = parent


def load(config_file: str | None) -> tuple[Settings, list[str]]:
    """Settings from ``config_file`` (defaults when None) and warnings about unknown keys."""
    if config_file is None:
        return Settings(), []
    section = _read_section(config_file)
    if section is None:
        return Settings(root=os.path.dirname(os.path.abspath(config_file)),
                        source=config_file), []
    raw = {key.replace("_", "-"): value for key, value in section.items()}
    where = f"{shown_path(config_file)}: [{_section_name(config_file)}]"
    warnings = [f"{where}: unknown setting '{key}' ignored" for key in sorted(raw)
                if key not in KNOWN_KEYS]
    settings = Settings(root=os.path.dirname(os.path.abspath(config_file)), source=config_file)
    changes: dict[str, object] = {}
    for key, name in (("select", "select"), ("ignore", "ignore")):
        if key in raw:
            changes[name] = codes(_as_list(raw[key], where, key), f"{where}: {key}")
    for key, name in (("exclude", "exclude"), ("extend-exclude", "extend_exclude")):
        if key in raw:
            changes[name] = _as_list(raw[key], where, key)
    if "per-file-ignores" in raw:
        changes["per_file_ignores"] = _per_file_ignores(raw["per-file-ignores"], where)
    if "cross-file" in raw:
        changes["cross_file"] = _as_bool(raw["cross-file"], where)
    if "docs-url" in raw:
        changes["docs_url"] = str(raw["docs-url"]).strip() or None
    return replace(settings, **changes), warnings  # type: ignore[arg-type]


def codes(values: tuple[str, ...], where: str) -> tuple[str, ...]:
    bad = [v for v in values if not VALID_CODE_PREFIX.match(v)]
    if bad:
        raise SettingsError(
            f"{where}: not a code or code prefix: {', '.join(map(repr, bad))} "
            "(expected letters then digits, like RSC or RSC101)"
        )
    return values


def split_list(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in re.split(r"[,\s]+", text) if part.strip())


def _section_name(config_file: str) -> str:
    return ".".join(PYPROJECT_SECTION) if config_file.endswith(".toml") else SETUP_CFG_SECTION


def _read_section(config_file: str) -> Mapping[str, object] | None:
    try:
        if config_file.endswith(".toml"):
            data = _load_toml(config_file)
            section: object = data
            for part in PYPROJECT_SECTION:
                section = section.get(part) if isinstance(section, dict) else None
            return section if isinstance(section, dict) else None
        parser = configparser.RawConfigParser()
        parser.read(config_file, encoding="utf-8")
        return dict(parser.items(SETUP_CFG_SECTION)) if parser.has_section(
            SETUP_CFG_SECTION) else None
    except (OSError, ValueError, configparser.Error) as error:
        raise SettingsError(f"{shown_path(config_file)}: cannot read: {error}") from None


def _load_toml(path: str) -> dict[str, object]:
    with open(path, "rb") as handle:
        return tomllib.load(handle)


def _as_list(value: object, where: str, key: str) -> tuple[str, ...]:
    if isinstance(value, str):
        return split_list(value)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(v.strip() for v in value if v.strip())
    raise SettingsError(f"{where}: {key} must be a list of strings")


def _as_bool(value: object, where: str) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("true", "yes", "on", "1"):
        return True
    if text in ("false", "no", "off", "0"):
        return False
    raise SettingsError(f"{where}: cross-file must be true or false, not {value!r}")


def _per_file_ignores(value: object, where: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """A table ``{"tests/*" = ["RSC301"]}`` (pyproject) or flake8's ``pattern: codes`` lines."""
    pairs: list[tuple[str, tuple[str, ...]]] = []
    if isinstance(value, dict):
        for pattern, listed in value.items():
            pairs.append((pattern, codes(_as_list(listed, where, "per-file-ignores"), where)))
        return tuple(pairs)
    if not isinstance(value, str):
        raise SettingsError(f"{where}: per-file-ignores must be a table of pattern = [codes]")
    for line in value.splitlines():
        if not line.strip():
            continue
        pattern, colon, listed = line.partition(":")
        if not colon or not pattern.strip():
            raise SettingsError(f"{where}: per-file-ignores line {line.strip()!r} is not "
                                "'pattern: CODE, ...'")
        pairs.append((pattern.strip(), codes(split_list(listed), where)))
    return tuple(pairs)
