"""benchmarks/dagster_test_suite.py on a small folder of tests written here in Dagster's style:
which tests it counts, how it swaps the imports, and what it reports."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

TESTS = '''\
import os

from dagster import DagsterInstance, Definitions, asset
from dagster._core.test_utils import environ


def test_public_and_passing():
    @asset
    def one() -> int:
        return 1

    defs = Definitions(assets=[one])
    assert defs.get_implicit_global_asset_job_def().execute_in_process().success


def test_uses_a_private_helper():
    from dagster._utils.cached_method import cached_method

    assert cached_method


def test_fails_under_dagster():
    assert 1 == 2


def test_needs_a_name_dagwire_lacks():
    with DagsterInstance.ephemeral():
        pass


def test_environ_helper():
    with environ({"DAGWIRE_SUITE_VAR": "x"}):
        assert os.environ["DAGWIRE_SUITE_VAR"] == "x"
'''


def test_counts_swaps_and_causes(tmp_path: Path) -> None:
    folder = tmp_path / "tests"
    folder.mkdir()
    (folder / "test_sample.py").write_text(TESTS)
    report = tmp_path / "report.json"
    proc = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "dagster_test_suite.py"), str(folder),
         "--json", str(report)],
        capture_output=True, text=True, timeout=600, cwd=tmp_path,
    )
    assert proc.returncode == 0, proc.stderr
    outcomes = {t["id"].split("::")[1]: t for t in json.loads(report.read_text())["tests"]}
    assert {name: (t["dagster"], t["public"], t["dagwire"]) for name, t in outcomes.items()} == {
        "test_public_and_passing": ("passed", True, "passed"),
        "test_uses_a_private_helper": ("passed", False, "passed"),
        "test_fails_under_dagster": ("failed", True, "failed"),
        "test_needs_a_name_dagwire_lacks": ("passed", True, "failed"),
        "test_environ_helper": ("passed", True, "passed"),
    }
    assert outcomes["test_uses_a_private_helper"]["non_public"] == (
        "non-public name dagster._utils.cached_method.cached_method"
    )
    assert outcomes["test_needs_a_name_dagwire_lacks"]["dagwire_cause"] == (
        "ImportError: missing public name 'DagsterInstance': cannot import name "
        "'DagsterInstance' from 'dagwire': a Dagster instance is not supported by dagwire"
    )
    lines = proc.stdout.splitlines()
    assert "  population: 3" in lines
    assert lines[-1].startswith("dagwire passes 2 of 3 (66.7%) of Dagster's public-API tests")


def test_without_a_folder_it_says_so() -> None:
    proc = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "dagster_test_suite.py")],
        capture_output=True, text=True, timeout=60, env={"PATH": "/usr/bin:/bin"},
    )
    assert proc.returncode == 0
    assert proc.stdout == (
        "dagster_test_suite: no folder of Dagster's tests given (DIR or DAGSTER_TESTS_DIR); "
        "nothing measured\n"
    )
