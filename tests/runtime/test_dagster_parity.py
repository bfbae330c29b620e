"""The same program, run on dagwire and on the real dagster package, prints the same:
direct invocation, asset jobs with an EnvVar resource, op jobs with RunConfig, a sensor
with a mock resource, build_op_context, materialize."""

from __future__ import annotations

import pathlib
import subprocess
import sys

PROGRAM = pathlib.Path(__file__).with_name("parity_program.py")

EXPECTED = """\
Hello, Dagster!
users@direct
True users@sqlite://parity 21
True HEY
['foo', 'bar', 'baz']
ctx/Dagster
True 7
PARITY_DB_URI sqlite://parity
"""


def run(framework: str) -> str:
    result = subprocess.run([sys.executable, str(PROGRAM), framework], capture_output=True,
                            text=True, check=True)
    return result.stdout


def test_same_output_on_dagwire_and_dagster() -> None:
    assert run("dagwire") == EXPECTED
    assert run("dagster") == EXPECTED
