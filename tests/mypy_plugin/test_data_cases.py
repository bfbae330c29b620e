"""Every case in test-data/mypy: real mypy, the plugin, exact expected output."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.mypy_plugin.data_format import Case, load_cases
from tests.mypy_plugin.runner import HOOK_FAILED, REPO, config_text, run_case_mypy, write_files

CASES = load_cases(REPO / "test-data" / "mypy")


@pytest.mark.mypy_smoke
def test_cases_were_collected() -> None:
    assert len(CASES) >= 60


def _param(case: Case) -> object:
    marks = [pytest.mark.mypy_smoke] if "smoke" in case.flags else []
    return pytest.param(case, id=case.name, marks=marks)


def test_smoke_subset_is_not_empty() -> None:
    assert sum("smoke" in c.flags for c in CASES) >= 10


@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_case(case: Case, tmp_path: Path) -> None:
    paths = write_files(tmp_path, case.files)
    stdout, stderr, status = run_case_mypy(
        tmp_path, config_text(case.mypy_lines, case.settings_lines), paths
    )
    assert "Traceback" not in stderr and "INTERNAL ERROR" not in stdout + stderr, stderr
    assert HOOK_FAILED not in stderr, stderr
    actual = stdout.splitlines()
    assert actual == case.out, (
        f"{case.source.name}:{case.line} [case {case.name}]\n"
        + "expected:\n  " + "\n  ".join(case.out) + "\nactual:\n  " + "\n  ".join(actual)
    )
    assert status == (1 if case.out and any(": error:" in o for o in case.out) else 0)
