"""Show the RSC lint rules on the broken variant of the example pipeline.

`run()` runs the real flake8 (the plugin is registered by installing dagwire) on
`examples/broken_pipeline/` and prints what it reports, grouped by severity.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BROKEN = Path(__file__).resolve().parent / "broken_pipeline"
SEVERITY = {"1": "bugs at run time", "2": "legacy API (dagwire migrate)", "3": "security"}


def findings() -> list[str]:
    """flake8's output lines (`path:line:col: CODE message`) for the broken pipeline."""
    command = [
        sys.executable, "-m", "flake8", "--isolated", "--select=RSC",
        str(BROKEN.relative_to(ROOT)),
    ]
    completed = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, check=False)
    if completed.returncode not in (0, 1) or completed.stderr.strip():
        raise RuntimeError(f"flake8 failed: {completed.stderr.strip()}")
    return sorted(completed.stdout.splitlines(), key=_position)


def _position(line: str) -> tuple[str, int, int]:
    path, row, col, _ = line.split(":", 3)
    return path, int(row), int(col)


def run() -> None:
    lines = findings()
    print(f"$ flake8 --select=RSC {BROKEN.relative_to(ROOT)}")
    for digit, title in SEVERITY.items():
        group = [line for line in lines if f": RSC{digit}" in line]
        if group:
            print(f"\n# RSC{digit}xx: {title}")
            for line in group:
                print(line)
    codes = sorted({line.split(": ", 1)[1].split()[0] for line in lines})
    print(f"\n{len(lines)} findings, {len(codes)} codes: {', '.join(codes)}")


if __name__ == "__main__":
    run()
