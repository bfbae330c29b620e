"""What dagwire knows about Dagster code is written once, in `dagwire.vocabulary`.

A second copy of a vocabulary item elsewhere in the package (the context parameter names,
the default IO manager key, a loader's name, a qualified name, a table of framework names)
fails here, so that a tool taught a new shape apart from the others is noticed. Reading
the vocabulary through its names (`calls.DEFAULT_IO_MANAGER_KEY`) is what the tools do.
"""

from __future__ import annotations

import ast
from pathlib import Path

from dagwire.vocabulary import calls, names, qualified

PACKAGE = Path(__file__).resolve().parents[2] / "dagwire"
VOCABULARY = PACKAGE / "vocabulary"
# The runtime's own export lists (its API, not knowledge about other code).
EXPORT_TABLES = frozenset({"__all__", "EXPORTS", "_UNSUPPORTED"})

# Literals that mean one vocabulary item wherever they appear.
SENTINELS = frozenset({
    calls.DEFAULT_IO_MANAGER_KEY,
    *(name for name in calls.CONTEXT_PARAM_NAMES if name not in ("context", "_")),
    *calls.MERGE_METHODS - {calls.MERGE},
    *calls.MANAGER_KEY_KEYWORDS[1:],
    calls.WITH_IO_MANAGER_KEY,
    *(keyword for _, keyword, _ in names.LOADERS.values() if keyword is not None),
    *names.IO_MANAGER_BASES,
    *names.RESOURCE_FACTORY_BASES,
    *names.RESOURCE_MARKERS,
    *names.LOADER_NAMES,
    *names.DEFS_FOLDER_LOADERS,
    *(fullname for table in qualified.QUALIFIED.values() for fullname in table.values()),
})


# Exported names that are not also a kind of definition.
TABLE_KEYS = names.NAMES["dagster"] - set(names.DECORATORS.values())


def _docstrings(tree: ast.Module) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            first = node.body[0] if node.body else None
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                found.add(id(first.value))
    return found


def _export_tables(tree: ast.Module) -> set[int]:
    """ids of every node inside an assignment to one of the runtime's export lists."""
    found: set[int] = set()
    for node in ast.walk(tree):
        targets: list[ast.expr] = []
        if isinstance(node, ast.Assign):
            targets = node.targets
        elif isinstance(node, ast.AnnAssign):
            targets = [node.target]
        if any(isinstance(t, ast.Name) and t.id in EXPORT_TABLES for t in targets):
            found.update(id(inner) for inner in ast.walk(node))
    return found


def _strings(node: ast.AST) -> list[str] | None:
    """The string elements of a display, or None when one element is something else."""
    elements = node.keys if isinstance(node, ast.Dict) else getattr(node, "elts", [])
    values = [
        e.value for e in elements if isinstance(e, ast.Constant) and isinstance(e.value, str)
    ]
    return values if len(values) == len(elements) else None


def find_copies(source: str) -> list[str]:
    """`line: what` for each vocabulary item the source writes out again."""
    tree = ast.parse(source)
    skip = _docstrings(tree) | _export_tables(tree)
    found = []
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        line = getattr(node, "lineno", 0)
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            if node.value in SENTINELS or node.value.startswith("dagster._"):
                found.append(f"{line}: {node.value!r}")
        elif isinstance(node, (ast.Set, ast.List, ast.Tuple)):
            if set(_strings(node) or ()) == calls.CONTEXT_PARAM_NAMES:
                found.append(f"{line}: the context parameter names")
        elif isinstance(node, ast.Dict):
            # keyed by exported names (a dict keyed by kinds of definition is a tool's own)
            keys = _strings(node) or []
            known = [key for key in keys if key in TABLE_KEYS]
            if len(known) >= 3:
                found.append(f"{line}: a table of framework names ({', '.join(known[:3])}, ...)")
    return sorted(found)


def test_each_vocabulary_item_is_written_once() -> None:
    copies = []
    files = sorted(path for path in PACKAGE.rglob("*.py") if VOCABULARY not in path.parents)
    assert len(files) > 100
    for path in files:
        for copy in find_copies(path.read_text(encoding="utf-8")):
            copies.append(f"{path.relative_to(PACKAGE.parent)}:{copy}")
    assert copies == []


def test_a_copy_is_noticed() -> None:
    source = '''
"""The module docstring may say "io_manager" and "_context"."""
__all__ = ["load_assets_from_modules"]
KEY = "io_manager"
NAMES = frozenset({"context", "_context", "context_", "_"})
ROLES = {"asset": "asset", "multi_asset": "asset", "Definitions": "Definitions", "EnvVar": 1}
KINDS = {"asset": "assets", "job": "jobs", "sensor": "sensors"}
LOADER = "load_asset_checks_from_package_module"
BASE = "dagster._config.pythonic_config.resource.ConfigurableResource"
def f(x):
    """A docstring naming ConfigurableIOManager is fine."""
    return x == "ConfigurableIOManager"
'''
    assert find_copies(source) == [
        "12: 'ConfigurableIOManager'",
        "4: 'io_manager'",
        "5: '_context'",
        "5: 'context_'",
        "5: the context parameter names",
        "6: a table of framework names (multi_asset, Definitions, EnvVar, ...)",
        "8: 'load_asset_checks_from_package_module'",
        "9: 'dagster._config.pythonic_config.resource.ConfigurableResource'",
    ]
