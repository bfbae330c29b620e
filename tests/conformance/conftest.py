from __future__ import annotations

import pytest

from tests.conformance.programs import load_programs
from tests.conformance.tools import SuiteRun, run_suite


@pytest.fixture(scope="session")
def suite(tmp_path_factory: pytest.TempPathFactory) -> SuiteRun:
    """Every tool over every program, once per session (about 20-40 s on 2 cores)."""
    return run_suite(load_programs(), tmp_path_factory.mktemp("conformance"))
