"""``dagwire check`` reports exactly what ``flake8 --select=RSC`` reports, on all lint data."""

from __future__ import annotations

import subprocess
import sys

from tests.check.check_run import check_findings, run_check
from tests.lint_rules.flake8_run import LINT_DATA, REPO, expected_in, run_flake8

LINT_DIR = str(LINT_DATA.relative_to(REPO))


def test_all_lint_data_gives_the_same_findings_as_flake8() -> None:
    flake8, completed = run_flake8(LINT_DIR)
    assert completed.returncode == 1, completed.stderr
    checked, stderr = check_findings(LINT_DIR)
    marked = sorted(item for path in sorted(LINT_DATA.rglob("*.py")) for item in expected_in(path))
    assert len(marked) >= 100
    assert checked == flake8 == marked
    files = len({item.path for item in marked})
    checked_files = len(list(LINT_DATA.rglob("*.py")))
    assert stderr == (
        f"dagwire check: {len(marked)} findings in {files} files ({checked_files} files checked)\n"
    )


def test_file_by_file_gives_the_same_findings() -> None:
    # one process per file, as pre-commit batches and editors run it: siblings from disk only
    for path in sorted(LINT_DATA.glob("rsc1*.py"))[:4]:
        rel = str(path.relative_to(REPO))
        assert check_findings(rel)[0] == run_flake8(rel)[0] == expected_in(path)


def test_a_clean_file_exits_0_silently() -> None:
    clean = str((LINT_DATA / "fp_guard_no_framework.py").relative_to(REPO))
    completed = run_check(clean)
    assert (completed.returncode, completed.stdout, completed.stderr) == (0, "", "")


def test_only_the_standard_library_and_the_rules_are_imported() -> None:
    program = (
        "import sys\n"
        "from dagwire.cli import main\n"
        f"main(['check', {str(LINT_DATA / 'rsc101_single_module.py')!r}])\n"
        "heavy = ('pydantic', 'mypy', 'libcst', 'dagster', 'flake8', 'dagwire.runtime',"
        " 'dagwire.mypy_plugin', 'dagwire.migrate')\n"
        "print(sorted(m for m in sys.modules if m.startswith(heavy)), file=sys.stderr)\n"
    )
    completed = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True,
                               cwd=REPO)
    assert completed.stderr.splitlines()[-1] == "[]", completed.stderr
