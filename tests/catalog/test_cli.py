"""`dagwire resources`: output files, stable JSON, and what it says when it cannot."""

from __future__ import annotations

import json
import pathlib

from tests.catalog.catalogs import DATA, cli


def test_output_file_and_stable_json(tmp_path: pathlib.Path) -> None:
    target = tmp_path / "out" / "catalog.json"
    result = cli("--static", str(DATA / "vault"), "--format", "json", "-o", str(target))
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")
    again = cli("--static", str(DATA / "vault"), "--format", "json")
    assert target.read_text() == again.stdout  # byte for byte, run after run
    data = json.loads(again.stdout)
    assert list(data) == ["schema", "version", "mode", "source", "complete", "resources",
                          "definitions", "asset_graph", "problems"]
    assert (data["schema"], data["version"]) == ("dagwire.catalog", 1)
    assert list(data["resources"][0]) == [
        "key", "kind", "class", "description", "location", "partial", "shares", "fields",
        "nested_in", "launch_config", "needs", "users"]


def test_static_errors(tmp_path: pathlib.Path) -> None:
    (tmp_path / "two.py").write_text(
        "import dagster as dg\na = dg.Definitions()\nb = dg.Definitions()\n")
    (tmp_path / "none.py").write_text("import dagster as dg\n")
    cases = {
        str(tmp_path / "missing"): f"no such file or folder: {tmp_path / 'missing'}",
        str(tmp_path / "two.py"): f"{tmp_path / 'two.py'} defines several Definitions (a, b): "
                                  f"name one as {tmp_path / 'two.py'}:NAME",
        str(tmp_path / "none.py"): f"{tmp_path / 'none.py'} defines no Definitions at module "
                                   "level",
        f"{tmp_path / 'two.py'}:c": f"'c' is not a module-level Definitions in "
                                    f"{tmp_path / 'two.py'}",
    }
    for target, message in cases.items():
        result = cli("--static", target)
        assert (result.returncode, result.stdout, result.stderr) == (
            1, "", f"{target}: {message}\n")
    chosen = cli("--static", f"{tmp_path / 'two.py'}:b", "--format", "json")
    assert json.loads(chosen.stdout)["resources"] == []


def test_loaded_errors() -> None:
    result = cli("no_such_module_here")
    assert (result.returncode, result.stderr) == (
        1, "no_such_module_here: cannot import module 'no_such_module_here': "
           "ModuleNotFoundError: No module named 'no_such_module_here'\n")
