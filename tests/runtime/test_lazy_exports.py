"""``import dagwire`` stays cheap: PEP 562 lazy exports, no pydantic until a name needs it."""

from __future__ import annotations

import ast
import pathlib
import subprocess
import sys

import dagwire
import dagwire.runtime
from dagwire.runtime import EXPORTS

ROOT = pathlib.Path(__file__).resolve().parents[2]


def run(code: str) -> str:
    return subprocess.run([sys.executable, "-c", code], check=True, capture_output=True,
                          text=True, cwd=ROOT).stdout.strip()


def test_import_dagwire_imports_only_the_name_table() -> None:
    out = run("import sys, dagwire; print(sorted(m for m in sys.modules "
              "if m.startswith(('dagwire', 'pydantic'))))")
    assert out == "['dagwire']"


def test_checker_packages_do_not_load_the_runtime() -> None:
    out = run("import sys; from dagwire import lint_rules, mypy_plugin; "
              "print(sorted(m for m in sys.modules "
              "if m.startswith(('dagwire.runtime', 'pydantic'))))")
    assert out == "[]"


def test_env_var_does_not_need_pydantic() -> None:
    out = run("import sys; from dagwire import EnvVar; print('pydantic' in sys.modules)")
    assert out == "False"


def test_every_export_resolves_from_both_packages() -> None:
    assert len(EXPORTS) > 50
    for name, module_name in EXPORTS.items():
        value = getattr(dagwire, name)
        assert getattr(dagwire.runtime, name) is value
        assert getattr(sys.modules[module_name], name) is value


def test_all_and_dir() -> None:
    assert sorted(dagwire.__all__) == sorted(EXPORTS)
    assert sorted(dagwire.runtime.__all__) == sorted(EXPORTS)
    assert set(EXPORTS) <= set(dir(dagwire))


def _type_checking_imports(path: pathlib.Path) -> dict[str, str]:
    tree = ast.parse(path.read_text())
    found: dict[str, str] = {}
    for node in tree.body:
        if isinstance(node, ast.If) and getattr(node.test, "id", None) == "TYPE_CHECKING":
            for stmt in node.body:
                assert isinstance(stmt, ast.ImportFrom)
                for alias in stmt.names:
                    assert alias.asname == alias.name  # explicit re-export
                    found[alias.name] = str(stmt.module)
    return found


def test_type_checking_blocks_match_the_table() -> None:
    for init in (ROOT / "dagwire" / "__init__.py", ROOT / "dagwire" / "runtime" / "__init__.py"):
        assert _type_checking_imports(init) == EXPORTS


def test_unknown_name() -> None:
    try:
        dagwire.NotAThing  # type: ignore[attr-defined]  # noqa: B018
    except AttributeError as error:
        assert str(error) == "module 'dagwire' has no attribute 'NotAThing'"
    else:
        raise AssertionError("expected AttributeError")
