"""The seed document's "Before" examples run on dagwire.

The greeting example is kept exactly as the seed wrote it, reading ``'greeting'`` twice:
it prints ``Hello, Hello!`` (on Dagster too). Its corrected form, the database resource and
the resource-per-op example are the ``seed_*`` pairs of test-data/migrate, which
test_paired_programs runs next to their "After" twins.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import paired_programs as pp

SEED_GREETING_AS_WRITTEN = textwrap.dedent(
    """
    from dagwire import build_op_context, op

    @op(config_schema={"greeting": str, "name": str})
    def greet(context):
        greeting = context.op_config['greeting']
        name = context.op_config['greeting']
        print(f"{greeting}, {name}!")

    greet(build_op_context(config={"greeting": "Hello", "name": "Dagster"}))
    """
)


@pytest.mark.parametrize("framework", ["dagwire", "dagster"])
def test_seed_greeting_as_written_prints_hello_hello(framework: str, tmp_path: Path) -> None:
    source = SEED_GREETING_AS_WRITTEN
    if framework == "dagster":
        source = pp.rewrite_for_dagster(source)
    script = tmp_path / "seed_before.py"
    script.write_text(source)
    proc = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, cwd=tmp_path, timeout=120
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == "Hello, Hello!\n"


def test_seed_pairs_are_present() -> None:
    seed_cases = [c for c in pp.case_names() if c.startswith("seed_")]
    assert seed_cases == ["seed_database", "seed_env_source", "seed_foo_resource", "seed_greeting"]
    assert pp.expected_output("seed_greeting") == "Hello, Dagster!\n"
