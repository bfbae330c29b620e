"""Run real mypy with the plugin on a case's files and return its exact output."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from dagwire.mypy_plugin.guard import DEBUG_ENV

REPO = Path(__file__).resolve().parents[2]
CACHE_ROOT = REPO / ".pytest_cache" / "dagwire-mypy"
# The crash guard turns a failing hook into "cannot check", silently; in tests it must say so
# (on stderr), or a case that expects no output would pass with a crashed hook.
DEBUG = {DEBUG_ENV: "1"}
HOOK_FAILED = "dagwire.mypy_plugin: hook failed"


def config_text(mypy_lines: list[str], settings_lines: list[str], plugin: bool = True) -> str:
    lines = ["[mypy]"]
    if plugin:
        lines.append("plugins = dagwire.mypy_plugin")
    lines += mypy_lines
    lines += ["", "[mypy-dagwire.*]", "follow_imports = silent"]
    if settings_lines:
        lines += ["", "[dagwire.mypy]", *settings_lines]
    return "\n".join(lines) + "\n"


def cache_dir_for(config: str, tag: str = "") -> Path:
    # One warm cache per configuration: dagster's ~1,500 modules are analysed once, and mypy
    # re-checks every case module itself (paths and hashes differ from case to case).
    key = hashlib.sha256((config + tag + sys.version).encode()).hexdigest()[:16]
    return CACHE_ROOT / key


@contextmanager
def chdir(path: Path) -> Iterator[None]:
    old = os.getcwd()
    os.chdir(path)
    try:
        yield
    finally:
        os.chdir(old)


_last_mtime = 0


def unique_mtime(path: Path) -> None:
    """Give an edited file an mtime (whole seconds) no earlier run saw.

    mypy takes a cached module as fresh without hashing it when its path, size and
    whole-second mtime match: an equal-sized edit in the second of the last run would be missed.
    """
    global _last_mtime
    _last_mtime = max(_last_mtime + 1, int(time.time()))
    os.utime(path, (_last_mtime, _last_mtime))


def write_files(root: Path, files: dict[str, str]) -> list[str]:
    paths = []
    for name, text in files.items():
        p = root / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text)
        # The shared cache trusts a module whose size and mtime (whole seconds) match its
        # record: two cases' `main.py` of equal size written in the same second would replay
        # the other's errors. An mtime derived from the content is equal only for equal text.
        stamp = CONTENT_EPOCH + int(hashlib.sha256(text.encode()).hexdigest()[:7], 16)
        os.utime(p, (stamp, stamp))
        if name.endswith(".py"):
            paths.append(name)
    return paths


CONTENT_EPOCH = 1_000_000_000  # content-derived mtimes lie in 2001-2009, before any real edit


def run_case_mypy(
    root: Path, config: str, paths: list[str], python: str = sys.executable
) -> tuple[str, str, int]:
    """mypy in a fresh process (as users run it), with the warm cache of this configuration."""
    (root / "mypy.ini").write_text(config)
    args = [
        "--config-file", "mypy.ini",
        "--cache-dir", str(cache_dir_for(config, python)),
        "--no-error-summary",
        "--no-color-output",
        *paths,
    ]
    proc = run_mypy_subprocess(root, args, python=python, env=DEBUG)
    return proc.stdout, proc.stderr, proc.returncode


def run_mypy_subprocess(
    root: Path, args: list[str], python: str = sys.executable, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [python, "-m", "mypy", *args],
        cwd=root,
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=600,
    )
