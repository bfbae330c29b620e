"""Dagster-style programs (``parity_programs/<name>.py``, written with ``from dagwire import``)
run under dagwire and, with the imports rewritten, under the real dagster package: both must
print exactly ``<name>.expected``. What a program prints is what a user of either framework
would see, so a difference is a dagwire bug (or a deliberate difference kept out of these
programs and listed in docs/runtime.md)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

PROGRAMS = Path(__file__).with_name("parity_programs")
NAMES = sorted(p.stem for p in PROGRAMS.glob("*.py"))
_IMPORT = re.compile(r"^(\s*)(from|import)\s+dagwire\b", re.MULTILINE)


def test_programs_are_collected() -> None:
    assert len(NAMES) >= 5
    for name in NAMES:
        assert (PROGRAMS / f"{name}.expected").is_file(), name


def run(name: str, framework: str) -> str:
    source = (PROGRAMS / f"{name}.py").read_text()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DAGSTER_", "PARITY_"))}
    env["PYTHONHASHSEED"] = "0"
    with tempfile.TemporaryDirectory(prefix="dagwire-parity-") as tmp:
        if framework == "dagster":
            source = _IMPORT.sub(lambda m: f"{m.group(1)}{m.group(2)} dagster", source)
            assert "dagwire" not in source, "dagwire is used other than by import"
        program = Path(tmp) / f"{name}.py"
        program.write_text(source)
        proc = subprocess.run([sys.executable, str(program)], cwd=tmp, env=env,
                              capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return proc.stdout


@pytest.mark.parametrize("framework", ["dagwire", "dagster"])
@pytest.mark.parametrize("name", NAMES)
def test_program_prints_expected_output(name: str, framework: str) -> None:
    assert run(name, framework) == (PROGRAMS / f"{name}.expected").read_text()
