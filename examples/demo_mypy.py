"""Run mypy with the dagwire plugin on examples/broken_pipeline and print what it finds.

`run()` is the demo step; `python -m examples.demo_mypy` runs it alone.
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
FOLDER = REPO / "examples" / "broken_pipeline"
FILES = ["typing_mistakes.py", "typing_mistakes_dagster.py"]


def _cache_dir() -> Path:
    # mypy replays a fresh module's cached errors: a cache per plugin source keeps a changed
    # message from being shown in its old wording (a release changes the plugin's version).
    digest = hashlib.sha256()
    for path in sorted((REPO / "dagwire").rglob("*.py")):
        digest.update(path.read_bytes())
    return REPO / ".mypy_cache" / f"demo-{digest.hexdigest()[:12]}"


def findings() -> list[str]:
    proc = subprocess.run(
        [sys.executable, "-m", "mypy", "--config-file", "mypy.ini", "--cache-dir",
         str(_cache_dir()), "--no-error-summary", "--no-color-output",
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
