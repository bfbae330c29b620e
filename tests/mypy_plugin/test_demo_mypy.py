"""`examples/demo_mypy.py`: mypy with the plugin reports every planted mistake, exactly."""

from __future__ import annotations

from pathlib import Path

from dagwire.mypy_plugin.error_codes import ALL_CODES
from examples.demo_mypy import findings

EXPECTED = (Path(__file__).parent / "demo_mypy_expected.txt").read_text().splitlines()


def test_broken_pipeline_findings_are_exact() -> None:
    assert len(EXPECTED) == 24
    assert findings() == EXPECTED


def test_every_plugin_code_is_demonstrated() -> None:
    shown = {line.rsplit("[", 1)[1].rstrip("]") for line in EXPECTED if ": error: " in line}
    assert {c.code for c in ALL_CODES} - shown == set()
