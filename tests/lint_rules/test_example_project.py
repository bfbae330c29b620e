"""The example project: the broken variant shows every code, the rest stays clean."""

from __future__ import annotations

import subprocess
import sys

import pytest

from examples import demo_lint
from tests.lint_rules.flake8_run import REPO

ALL_CODES = [
    "RSC101", "RSC102", "RSC103", "RSC104",
    "RSC201", "RSC202", "RSC203", "RSC204", "RSC205",
    "RSC301", "RSC302",
]


def test_demo_shows_every_code(capsys: pytest.CaptureFixture[str]) -> None:
    demo_lint.run()
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "$ flake8 --select=RSC examples/broken_pipeline"
    assert out.splitlines()[-1] == f"30 findings, 11 codes: {', '.join(ALL_CODES)}"
    assert (
        "examples/broken_pipeline/definitions_missing_bindings.py:8:8: RSC101 resource key "
        "'warehouse' is required by asset 'raw_orders' but not bound in Definitions; bound keys: "
        "'mailer', 'warehouse_db'; did you mean 'warehouse_db' (line 10)?"
    ) in out


def test_every_finding_is_announced_in_a_comment_on_its_line() -> None:
    # the broken files say on each line which codes to expect there
    for line in demo_lint.findings():
        path, row, _, rest = line.split(":", 3)
        code = rest.split()[0]
        source_line = (REPO / path).read_text().splitlines()[int(row) - 1]
        assert code in source_line, line


def test_flake8_on_examples_is_clean_with_the_repository_config() -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "flake8", "--select=RSC", "examples"],
        capture_output=True, text=True, cwd=REPO,
    )
    assert (completed.returncode, completed.stdout, completed.stderr) == (0, "", "")
