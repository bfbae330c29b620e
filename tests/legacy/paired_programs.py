"""Running the paired programs of ``test-data/migrate/<case>/{before,after}/``.

Each side is a small program whose entry script is ``main.py``; it imports ``from dagwire
import ...`` only. ``run_side(..., framework="dagster")`` copies the tree to a temporary
directory and rewrites those imports to the real ``dagster`` package, which proves that a
pair means the same thing in Dagster as it does in dagwire.

Usage for a quick look: ``python tests/legacy/paired_programs.py [dagwire|dagster] [CASE...]``.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CASES_DIR = ROOT / "test-data" / "migrate"
SIDES = ("before", "after")
ENTRY = "main.py"
EXPECTED = "expected_output.txt"

_IMPORT = re.compile(r"^(\s*)(from|import)\s+dagwire\b", re.MULTILINE)


@dataclass(frozen=True)
class Run:
    case: str
    side: str
    framework: str
    returncode: int
    stdout: str
    stderr: str


def case_names() -> list[str]:
    return sorted(
        p.name for p in CASES_DIR.iterdir() if all((p / s / ENTRY).is_file() for s in SIDES)
    )


def expected_output(case: str) -> str:
    return (CASES_DIR / case / EXPECTED).read_text()


def rewrite_for_dagster(source: str) -> str:
    return _IMPORT.sub(lambda m: f"{m.group(1)}{m.group(2)} dagster", source)


def run_side(case: str, side: str, framework: str, timeout: float = 120) -> Run:
    source_dir = CASES_DIR / case / side
    with tempfile.TemporaryDirectory(prefix=f"dagwire-{case}-{side}-") as tmp:
        work = Path(tmp) / side
        shutil.copytree(source_dir, work, ignore=shutil.ignore_patterns("__pycache__"))
        if framework == "dagster":
            for path in work.rglob("*.py"):
                text = rewrite_for_dagster(path.read_text())
                if "dagwire" in text:
                    raise AssertionError(f"{path.name}: dagwire is used other than by import")
                path.write_text(text)
        env = {k: v for k, v in os.environ.items() if not k.startswith("DAGSTER_")}
        env["PYTHONHASHSEED"] = "0"
        env["PYTHONDONTWRITEBYTECODE"] = "1"
        # dagster keeps run storage in DAGSTER_HOME when set; an ephemeral instance otherwise
        proc = subprocess.run(
            [sys.executable, ENTRY],
            cwd=work,
            env=env,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
    return Run(case, side, framework, proc.returncode, proc.stdout, proc.stderr)


def run_all(framework: str, cases: list[str] | None = None) -> dict[tuple[str, str], Run]:
    names = cases or case_names()
    jobs = [(c, s) for c in names for s in SIDES]
    with ThreadPoolExecutor(max_workers=max(2, min(8, os.cpu_count() or 2))) as pool:
        runs = pool.map(lambda cs: run_side(cs[0], cs[1], framework), jobs)
        return {(r.case, r.side): r for r in runs}


def _main(argv: list[str]) -> int:
    framework = argv[0] if argv else "dagwire"
    failures = 0
    for (case, side), run in sorted(run_all(framework, argv[1:] or None).items()):
        status = "ok" if run.returncode == 0 else f"exit {run.returncode}"
        print(f"== {case}/{side} [{framework}] {status}")
        print(run.stdout, end="")
        if run.returncode != 0:
            failures += 1
            print(run.stderr[-3000:])
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(_main(sys.argv[1:]))
