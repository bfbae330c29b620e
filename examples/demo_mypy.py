"""Run mypy with the dagwire plugin on examples/broken_pipeline and print what it finds.

`run()` is the demo step; `python -m examples.demo_mypy` runs it alone.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
FOLDER = REPO / "examples" / "broken_pipeline"
FILES = ["typing_mistakes.py", "typing_mistakes_dagster.py"]


# The plugin's cache data names its own sources: a changed plugin re-checks, never replays.
CACHE = REPO / ".mypy_cache" / "demo"


def findings() -> list[str]:
    proc = subprocess.run(
        [sys.executable, "-m", "mypy", "--config-file", "mypy.ini", "--cache-dir",
         str(CACHE), "--no-error-summary", "--no-color-output",
         *FILES],
        cwd=FOLDER, capture_output=True, text=True,
    )
    if proc.returncode not in (0, 1) or "Traceback" in proc.stderr:
        raise RuntimeError(f"mypy failed:\n{proc.stdout}{proc.stderr}")
    # mypy prints modules in processing order (cached ones first): order by file, stably.
    return sorted(proc.stdout.splitlines(), key=lambda line: line.split(":", 1)[0])


def run() -> None:
    lines = findings()
    errors = [line for line in lines if ": error: " in line]
    print(f"mypy + dagwire.mypy_plugin on examples/broken_pipeline: {len(errors)} findings")
    for line in lines:
        print(f"  {line}")


if __name__ == "__main__":
    run()
