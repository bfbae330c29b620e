"""Catalogs of the test projects, built the way the CLI builds them (loaded and static)."""

from __future__ import annotations

import os
import pathlib
import subprocess
import sys
from typing import Any

ROOT = pathlib.Path(__file__).resolve().parents[2]
DATA = ROOT / "test-data" / "catalog"
MARKER = "MARKER-7f3a9c"


def cli(*args: str, env: dict[str, str] | None = None,
        pythonpath: str | None = None) -> subprocess.CompletedProcess[str]:
    full = {k: v for k, v in os.environ.items() if k not in ("SHOP_WAREHOUSE_DB", "VAULT_TOKEN")}
    full.update(env or {})
    if pythonpath is not None:
        full["PYTHONPATH"] = pythonpath
    return subprocess.run([sys.executable, "-m", "dagwire.cli", "resources", *args], cwd=ROOT,
                          env=full, capture_output=True, text=True)


def without_origin(data: dict[str, Any]) -> dict[str, Any]:
    """A catalog's JSON data without what names how it was built."""
    return {k: v for k, v in data.items() if k not in ("mode", "source")}
