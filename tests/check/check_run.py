"""Run the real ``dagwire check`` (a subprocess, as a user or a hook runs it) and parse its
text output into the same records as the flake8 runner's."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.lint_rules.flake8_run import REPO, Reported, parse_line


def run_check(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "dagwire.cli", "check", *args],
        capture_output=True, text=True, cwd=cwd, timeout=300,
    )


def check_findings(*args: str, cwd: Path = REPO) -> tuple[list[Reported], str]:
    completed = run_check(*args, cwd=cwd)
    assert completed.returncode in (0, 1), completed.stderr
    assert "Traceback" not in completed.stderr, completed.stderr
    reported = [parse_line(line, cwd) for line in completed.stdout.splitlines()]
    return sorted(reported), completed.stderr
