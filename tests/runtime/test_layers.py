"""The runtime's modules form layers that import only downward.

``LAYERS`` lists every module of ``dagwire/runtime/`` from the ground up; a module may import
only modules listed before it (in its own layer or a lower one), so no two modules import each
other, directly or around a loop. Every import counts: at module level, under ``if
TYPE_CHECKING:`` and its ``else:``, and inside functions. An import inside a function is an
error of its own (it hides a loop, or a layer out of place), except the few in
``LAZY_IMPORTS``, which keep pydantic out of ``import dagwire`` for import-time speed.

docs/architecture.md shows the same layers; a test keeps the page and this table equal.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
RUNTIME = ROOT / "dagwire" / "runtime"

LAYERS: list[tuple[str, list[str]]] = [
    ("ground: errors and plain values", [
        "errors", "env_var", "asset_key", "metadata", "results", "ins_outs", "unsupported",
        "executors", "toposort", "cron", "partitions",
    ]),
    ("config", [
        "legacy.config_types", "_pydantic_config", "config", "config_env", "config_validation",
        "legacy.op_config",
    ]),
    ("contexts and resources", [
        "legacy.resource_access", "context", "_pydantic_resource", "resources", "io_managers",
        "legacy.resource_defs", "resource_init", "parameters", "config_mapping", "validation",
    ]),
    ("definitions", [
        "invocation", "composition", "op", "configured", "asset_spec", "asset",
        "asset_check", "asset_deps", "asset_selection",
    ]),
    ("execution", ["plan", "execution"]),
    ("jobs, sensors and schedules", ["job", "legacy.graph", "sensor", "schedule"]),
    ("loading", ["definitions", "legacy.repository", "catalog"]),
]

# (module, imported module) pairs allowed inside a function, and why
LAZY_IMPORTS: dict[tuple[str, str], str] = {}

ORDER = [module for _, modules in LAYERS for module in modules]


def module_name(path: Path) -> str:
    parts = path.relative_to(RUNTIME).with_suffix("").parts
    return ".".join(parts)


def runtime_modules() -> dict[str, Path]:
    found = {module_name(path): path for path in RUNTIME.rglob("*.py")}
    found.pop("__init__")  # the package facade: lazy re-exports of every public name
    found.pop("legacy.__init__")
    return found


def imports(tree: ast.Module) -> list[tuple[str, int, bool]]:
    """(runtime module imported, line, inside a function) for every import in ``tree``."""
    found: list[tuple[str, int, bool]] = []

    def visit(node: ast.AST, in_function: bool) -> None:
        for child in ast.iter_child_nodes(node):
            nested = in_function or isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef,
                                                       ast.Lambda))
            if isinstance(child, ast.ImportFrom) and child.module and not child.level:
                if child.module == "dagwire.runtime":
                    for alias in child.names:
                        found.append((alias.name, child.lineno, nested))
                elif child.module.startswith("dagwire.runtime."):
                    found.append((child.module.removeprefix("dagwire.runtime."), child.lineno,
                                  nested))
            elif isinstance(child, ast.Import):
                for alias in child.names:
                    if alias.name.startswith("dagwire.runtime."):
                        found.append((alias.name.removeprefix("dagwire.runtime."), child.lineno,
                                      nested))
            visit(child, nested)

    visit(tree, False)
    return found


def function_level_imports(tree: ast.Module) -> list[tuple[str, int]]:
    """(module, line) of every import statement inside a function, runtime or not."""
    found: list[tuple[str, int]] = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            for inner in ast.walk(node):
                if isinstance(inner, ast.Import):
                    found.extend((alias.name, inner.lineno) for alias in inner.names)
                elif isinstance(inner, ast.ImportFrom):
                    found.append((inner.module or "", inner.lineno))
    return found


def test_every_module_has_one_place() -> None:
    modules = runtime_modules()
    assert len(modules) > 30
    assert len(ORDER) == len(set(ORDER)), "a module is listed twice"
    assert sorted(ORDER) == sorted(modules), (
        f"not placed in a layer: {sorted(set(modules) - set(ORDER))}; "
        f"listed but missing: {sorted(set(ORDER) - set(modules))}"
    )


def test_imports_go_only_downward() -> None:
    position = {module: index for index, module in enumerate(ORDER)}
    problems: list[str] = []
    for module, path in sorted(runtime_modules().items()):
        for imported, line, _ in imports(ast.parse(path.read_text())):
            if imported not in position:
                problems.append(f"{module}:{line} imports {imported}, which has no layer")
            elif position[imported] >= position[module]:
                problems.append(f"{module}:{line} imports {imported}, which is not below it")
    assert problems == []


def test_no_imports_inside_functions() -> None:
    problems: list[str] = []
    seen: set[tuple[str, str]] = set()
    for module, path in sorted(runtime_modules().items()):
        for imported, line in function_level_imports(ast.parse(path.read_text())):
            seen.add((module, imported))
            if (module, imported) not in LAZY_IMPORTS:
                problems.append(f"{module}:{line} imports {imported} inside a function")
    assert problems == []
    assert set(LAZY_IMPORTS) <= seen, "an allowed lazy import no longer exists: drop it"


def test_the_check_sees_a_loop() -> None:
    source = "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n" \
             "    from dagwire.runtime.job import JobDefinition\n" \
             "def run():\n    from dagwire.runtime import execution\n"
    assert imports(ast.parse(source)) == [("job", 3, False), ("execution", 5, True)]
    assert function_level_imports(ast.parse(source)) == [("dagwire.runtime", 5)]


def test_architecture_page_shows_these_layers() -> None:
    page = (ROOT / "docs" / "architecture.md").read_text()
    block = re.search(r"<!-- layers -->\n```\n(.*?)```", page, re.DOTALL)
    assert block is not None, "docs/architecture.md has no layers block"
    shown = [line for line in block.group(1).splitlines() if line.strip()]
    expected = [f"{title}: {', '.join(modules)}" for title, modules in reversed(LAYERS)]
    assert shown == expected

