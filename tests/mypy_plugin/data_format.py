"""Parser of the plugin's test-data format (`test-data/mypy/*.test`).

    [case unbound_resource_asset] smoke     <- name, optional flags
    <main.py source>
    [file pkg/assets.py]
    <source>
    [mypy]                                  <- extra lines for mypy's [mypy] section
    warn_unused_ignores = True
    [settings]                              <- lines for the plugin's [dagwire.mypy] section
    warn_unused_resources = true
    [out]
    main.py:12: error: ...  [dagwire-unbound-resource]

Lines starting with `--` are comments. `[out]` is the exact mypy output (no summary line).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

CASE_RE = re.compile(r"^\[case ([A-Za-z0-9_]+)\](.*)$")
SECTION_RE = re.compile(r"^\[(file|mypy|settings|out)(?: ([^\]]+))?\]\s*$")


@dataclass
class Case:
    name: str
    source: Path
    line: int
    flags: set[str] = field(default_factory=set)
    files: dict[str, str] = field(default_factory=dict)
    mypy_lines: list[str] = field(default_factory=list)
    settings_lines: list[str] = field(default_factory=list)
    out: list[str] = field(default_factory=list)


def parse_file(path: Path) -> list[Case]:
    cases: list[Case] = []
    case: Case | None = None
    target: list[str] = []
    file_name = ""

    def flush() -> None:
        if case is not None and file_name:
            case.files[file_name] = "\n".join(target).rstrip("\n") + "\n"

    for lineno, raw in enumerate(path.read_text().splitlines(), 1):
        if raw.startswith("--"):
            continue
        m = CASE_RE.match(raw)
        if m:
            flush()
            case = Case(m.group(1), path, lineno, set(m.group(2).split()))
            cases.append(case)
            target, file_name = [], "main.py"
            continue
        if case is None:
            if raw.strip():
                raise ValueError(f"{path}:{lineno}: text before the first [case]")
            continue
        s = SECTION_RE.match(raw)
        if s:
            flush()
            kind, arg = s.group(1), s.group(2)
            file_name = ""
            if kind == "file":
                if not arg:
                    raise ValueError(f"{path}:{lineno}: [file] needs a path")
                target, file_name = [], arg
            elif kind == "mypy":
                target = case.mypy_lines
            elif kind == "settings":
                target = case.settings_lines
            else:
                target = case.out
            continue
        target.append(raw)
    flush()
    for c in cases:
        c.out = [line for line in c.out if line.strip()]
        c.mypy_lines = [line for line in c.mypy_lines if line.strip()]
        c.settings_lines = [line for line in c.settings_lines if line.strip()]
    return cases


def load_cases(directory: Path) -> list[Case]:
    cases: list[Case] = []
    for path in sorted(directory.glob("*.test")):
        cases += parse_file(path)
    names = [c.name for c in cases]
    duplicates = {n for n in names if names.count(n) > 1}
    if duplicates:
        raise ValueError(f"duplicate case names: {sorted(duplicates)}")
    return cases
