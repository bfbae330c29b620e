"""Every pair of test-data/migrate through the real CLI, proven by running the result.

For each case: ``--check`` exits 1 on the legacy tree; ``--write`` migrates a copy; the
result carries exactly the expected TODO lines and equals ``after/`` (exact pairs; the others'
``after/`` is what a person would write by hand); the
migrated program prints the pair's ``expected_output.txt`` under the dagwire runtime; a
second run changes nothing (``--check`` exits 0, ``--diff`` prints nothing).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.migrate import cli
from tests.migrate.expectations import EXACT, TODOS

CASES = cli.case_names()


def test_the_pairs_are_there_and_all_classified() -> None:
    assert len(CASES) >= 22
    assert set(TODOS) | EXACT == set(CASES)


@pytest.mark.parametrize("case", CASES)
def test_pair_migrates_and_runs(case: str, tmp_path: Path) -> None:
    source = cli.CASES_DIR / case
    work = cli.copy_tree(source / "before", tmp_path / "project")
    before = cli.tree_text(work)

    check = cli.migrate("--check", ".", cwd=work)
    assert check.returncode == 1, check.stderr
    assert cli.tree_text(work) == before  # --check writes nothing

    written = cli.migrate("--write", ".", cwd=work)
    assert written.returncode == 0, written.stderr
    after = cli.tree_text(work)
    assert after != before

    todos = {name: [line.strip() for line in text.splitlines() if "TODO(dagwire)" in line]
             for name, text in after.items()}
    expected_todos = {name: [] for name in after} | TODOS.get(case, {})
    assert todos == expected_todos
    if case in EXACT:
        assert after == cli.tree_text(source / "after")
    else:
        assert after != cli.tree_text(source / "after")
    changed = sum(1 for name in after if after[name] != before[name])
    count = sum(len(v) for v in expected_todos.values())
    summary = (f"{_counted(changed, 'file')} changed, {_counted(count, 'TODO')}, 0 errors "
               f"({_counted(len(after), 'file')}, ")
    assert written.stderr.splitlines()[-1].startswith(summary)

    run = cli.run_program(work)
    assert run.returncode == 0, run.stderr
    assert run.stdout == (source / "expected_output.txt").read_text()

    again = cli.migrate("--check", ".", cwd=work)  # idempotent: nothing left to change
    assert (again.returncode, again.stdout) == (0, ""), again.stderr
    assert cli.tree_text(work) == after


@pytest.mark.parametrize("case", CASES)
def test_pair_does_the_same_under_real_dagster(case: str, tmp_path: Path) -> None:
    """The pair written against ``dagster`` (imports renamed) prints the same output before
    and after the migration, under the real dagster package."""
    source = cli.CASES_DIR / case
    work = cli.copy_tree(source / "before", tmp_path / "project")
    for path in work.rglob("*.py"):
        path.write_text(re.sub(r"\bdagwire\b", "dagster", path.read_text()))
    expected = (source / "expected_output.txt").read_text()
    before = cli.run_program(work)
    assert (before.returncode, before.stdout) == (0, expected), before.stderr

    written = cli.migrate("--write", ".", cwd=work)
    assert written.returncode == 0, written.stderr
    assert "dagwire" not in "".join(cli.tree_text(work).values()).replace("TODO(dagwire)", "")
    after = cli.run_program(work)
    assert (after.returncode, after.stdout) == (0, expected), after.stderr


def _counted(number: int, word: str) -> str:
    return f"{number} {word}{'' if number == 1 else 's'}"
