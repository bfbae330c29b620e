"""docs/coverage.md is what the generator writes from the programs and this session's run."""

from __future__ import annotations

from tests.conformance.coverage_page import PAGE, phases_of, render
from tests.conformance.programs import load_programs
from tests.conformance.tools import SuiteRun


def test_coverage_page_is_current(suite: SuiteRun) -> None:
    expected = render(load_programs(), phases_of(suite))
    assert PAGE.read_text() == expected, (
        "docs/coverage.md is stale: run `python -m tests.conformance.coverage_page`"
    )


def test_coverage_page_has_a_row_per_program() -> None:
    text = PAGE.read_text()
    for program in load_programs():
        assert f"`{program.name}{'/' if program.is_package else '.py'}`" in text
