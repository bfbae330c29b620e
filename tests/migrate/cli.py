"""Running the real ``python -m dagwire migrate`` and migrated programs, for the tests."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CASES_DIR = ROOT / "test-data" / "migrate"


@dataclass(frozen=True)
class Result:
    returncode: int
    stdout: str
    stderr: str


def env() -> dict[str, str]:
    values = {k: v for k, v in os.environ.items() if not k.startswith("DAGSTER_")}
    values["PYTHONHASHSEED"] = "0"
    values["PYTHONDONTWRITEBYTECODE"] = "1"
    values["PYTHONPATH"] = str(ROOT)
    return values


def migrate(*args: str, cwd: Path, extra_env: dict[str, str] | None = None) -> Result:
    proc = subprocess.run(
        [sys.executable, "-m", "dagwire", "migrate", *args], cwd=cwd,
        env={**env(), **(extra_env or {})}, capture_output=True, text=True, timeout=300,
    )
    return Result(proc.returncode, proc.stdout, proc.stderr)


def run_program(directory: Path, entry: str = "main.py") -> Result:
    proc = subprocess.run([sys.executable, entry], cwd=directory, env=env(),
                          capture_output=True, text=True, timeout=300)
    return Result(proc.returncode, proc.stdout, proc.stderr)


def copy_tree(source: Path, target: Path) -> Path:
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__"))
    return target


def tree_text(directory: Path) -> dict[str, str]:
    return {str(p.relative_to(directory)): p.read_text()
            for p in sorted(directory.rglob("*.py")) if "__pycache__" not in p.parts}


def case_names() -> list[str]:
    return sorted(p.name for p in CASES_DIR.iterdir()
                  if (p / "before" / "main.py").is_file() and (p / "after" / "main.py").is_file())
