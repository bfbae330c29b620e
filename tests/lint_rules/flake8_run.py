"""Run the real flake8 (a subprocess, the way users and editors run it) and parse its output."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
LINT_DATA = REPO / "test-data" / "lint"
# path:line:col: CODE message   (our --format)
_LINE = re.compile(r"^(?P<path>.+?):(?P<line>\d+):(?P<col>\d+): (?P<text>[A-Z]{1,3}\d{3} .*)$")


@dataclass(frozen=True, order=True)
class Reported:
    path: str
    line: int
    col: int
    text: str


def run_flake8(
    *args: str, stdin: str | None = None, cwd: Path = REPO, env: dict[str, str] | None = None
) -> tuple[list[Reported], subprocess.CompletedProcess[str]]:
    command = [
        sys.executable,
        "-m",
        "flake8",
        "--isolated",
        "--select=RSC",
        "--format=%(path)s:%(row)d:%(col)d: %(code)s %(text)s",
        *args,
    ]
    completed = subprocess.run(
        command,
        input=stdin,
        capture_output=True,
        text=True,
        cwd=cwd,
        env={**os.environ, **(env or {})},
        timeout=300,
    )
    reported = [parse_line(line, cwd, completed.stderr) for line in completed.stdout.splitlines()]
    return sorted(reported), completed


def parse_line(line: str, cwd: Path, stderr: str = "") -> Reported:
    """One `path:line:col: CODE message` line (flake8's and `dagwire check`'s text format)."""
    match = _LINE.match(line)
    assert match, f"unexpected output line: {line!r}\nstderr: {stderr}"
    path = os.path.relpath(os.path.join(cwd, match["path"]), cwd)
    return Reported(path, int(match["line"]), int(match["col"]), _undouble(match["text"]))


def _undouble(text: str) -> str:
    # flake8 prints "%(code)s %(text)s" where text already starts with the code
    code, _, rest = text.partition(" ")
    if rest.startswith(code + " "):
        return rest
    return text


_MARKER = re.compile(r"# expect@(?P<col>\d+): (?P<text>RSC\d{3} .*?)(?=\s+# expect@|$)")


def expected_in(path: Path, relative_to: Path = REPO) -> list[Reported]:
    """The `# expect@COL: TEXT` markers of a test-data file."""
    rel = os.path.relpath(path, relative_to)
    found = []
    for number, line in enumerate(path.read_text().splitlines(), start=1):
        for match in _MARKER.finditer(line):
            found.append(Reported(rel, number, int(match["col"]), match["text"].rstrip()))
    return sorted(found)
