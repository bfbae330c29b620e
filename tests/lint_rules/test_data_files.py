"""Every test-data/lint file: flake8 reports exactly the findings marked on its lines."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest

from tests.lint_rules.flake8_run import LINT_DATA, REPO, Reported, expected_in, run_flake8

DATA_FILES = sorted(LINT_DATA.rglob("*.py"))


@lru_cache(maxsize=1)
def _all_reported() -> tuple[Reported, ...]:
    # One flake8 run over the whole folder, as a user would run it (parallel workers, so the
    # cross-file resolution cannot rely on state shared between files).
    reported, completed = run_flake8(str(LINT_DATA.relative_to(REPO)))
    assert completed.returncode in (0, 1), completed.stderr
    assert "Traceback" not in completed.stderr, completed.stderr
    return tuple(reported)


def test_there_is_test_data() -> None:
    assert len(DATA_FILES) >= 10
    assert sum(len(expected_in(path)) for path in DATA_FILES) >= 30


def test_every_code_is_exercised() -> None:
    codes = {item.text.split()[0] for path in DATA_FILES for item in expected_in(path)}
    assert codes >= {
        "RSC101", "RSC102", "RSC103", "RSC104",
        "RSC201", "RSC202", "RSC203", "RSC204", "RSC205",
        "RSC301", "RSC302",
    }


@pytest.mark.parametrize("path", DATA_FILES, ids=lambda p: str(p.relative_to(LINT_DATA)))
def test_file_reports_exactly_what_is_marked(path: Path) -> None:
    rel = str(path.relative_to(REPO))
    reported = [item for item in _all_reported() if item.path == rel]
    assert reported == expected_in(path)
