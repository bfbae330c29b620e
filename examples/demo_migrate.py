"""Show ``dagwire migrate --diff`` on the legacy example pipeline (nothing is written).

`run()` runs the real CLI on `examples/legacy_pipeline/` and prints the diff and the summary.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LEGACY = "examples/legacy_pipeline"


def run() -> None:
    command = [sys.executable, "-m", "dagwire", "migrate", "--diff", LEGACY]
    completed = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, check=False)
    if completed.returncode not in (0, 1):
        raise RuntimeError(f"dagwire migrate failed: {completed.stderr.strip()}")
    print(f"$ dagwire migrate --diff {LEGACY}")
    print(completed.stdout, end="")
    print(completed.stderr.strip().splitlines()[-1])
