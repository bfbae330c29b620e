"""Run every tool once per flavour over all conformance programs, side by side.

One mypy run per flavour (every program a top-level module or package of its own folder),
one flake8 run per flavour, and one process per flavour that loads, ticks and runs each
program (`load_worker.py`). The six runs start together; their outputs are mapped onto the
neutral kinds (`kinds.py`).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from tests.conformance.kinds import classify_failure, classify_line
from tests.conformance.programs import Finding, Program, write_tree
from tests.lint_rules.flake8_run import run_flake8
from tests.mypy_plugin.runner import (
    CACHE_ROOT,
    DEBUG,
    config_text,
    run_mypy_subprocess,
)

WORKER = Path(__file__).with_name("load_worker.py")
_MYPY_LINE = re.compile(
    r"^(?P<path>[^:]+):(?P<line>\d+): (?P<severity>error|note): (?P<message>.*?)"
    r"(?:  \[(?P<code>[\w-]+)\])?$"
)
# The suite is about mistakes that fail at load, run or tick: RSC1xx (and RSC000, an internal
# error). RSC2xx (legacy API) and RSC3xx (security) are style and hygiene, not failures.
_FLAKE8_CODES = re.compile(r"^RSC[01]\d\d$")


@dataclass
class Reported:
    """What one tool reported about one program, and (runtime and dagster) when."""

    findings: set[Finding] = field(default_factory=set)
    phases: dict[tuple[str, str], str] = field(default_factory=dict)
    raw: list[str] = field(default_factory=list)


@dataclass
class SuiteRun:
    programs: list[Program]
    reported: dict[str, dict[str, Reported]]  # tool -> program name -> what it reported
    stderr: dict[str, str]
    seconds: dict[str, float]


def _split_path(path: str) -> tuple[str, str]:
    program, _, inner = path.replace(os.sep, "/").partition("/")
    return program, inner


def _mypy_cache(flavour: str) -> Path:
    """One warm cache per flavour. mypy re-checks what a change of dagwire's code or of the
    config affects: the plugin's cache data names its sources (`source_stamp.py`)."""
    return CACHE_ROOT / f"conformance-{flavour}"


def run_mypy(root: Path, programs: list[Program], flavour: str) -> tuple[dict[str, Reported], str]:
    tool = f"mypy-{flavour}"
    config = config_text([], [])
    paths = [
        f"{p.name}/{p.name}" if p.is_package else f"{p.name}/{p.name}.py"
        for p in programs if p.runs_on(tool)
    ]
    (root / "mypy.ini").write_text(config)
    args = [
        "--config-file", "mypy.ini",
        "--cache-dir", str(_mypy_cache(flavour)),
        "--no-error-summary", "--no-color-output",
        *paths,
    ]
    proc = run_mypy_subprocess(root, args, env=DEBUG)
    out: dict[str, Reported] = {}
    for line in proc.stdout.splitlines():
        match = _MYPY_LINE.match(line)
        if match is None:
            raise AssertionError(f"unexpected mypy output: {line!r}\n{proc.stderr}")
        if match["severity"] == "note":
            continue
        program, inner = _split_path(match["path"])
        kind, arg = classify_line("mypy", match["code"] or "", match["message"])
        item = out.setdefault(program, Reported())
        item.findings.add(Finding(inner, int(match["line"]), kind, arg))
        item.raw.append(line)
    if proc.returncode not in (0, 1):
        raise AssertionError(f"mypy failed ({proc.returncode}):\n{proc.stdout}\n{proc.stderr}")
    return out, proc.stderr


def run_lint(root: Path, programs: list[Program], flavour: str) -> tuple[dict[str, Reported], str]:
    tool = f"flake8-{flavour}"
    folders = [p.name for p in programs if p.runs_on(tool)]
    reported, completed = run_flake8(*folders, cwd=root)
    if completed.returncode not in (0, 1) or "Traceback" in completed.stderr:
        raise AssertionError(f"flake8 failed:\n{completed.stderr}")
    out: dict[str, Reported] = {}
    for item in reported:
        code = item.text.split()[0]
        if not _FLAKE8_CODES.match(code):
            continue
        program, inner = _split_path(item.path)
        kind, arg = classify_line("flake8", code, item.text)
        entry = out.setdefault(program, Reported())
        entry.findings.add(Finding(inner, item.line, kind, arg))
        entry.raw.append(f"{item.path}:{item.line}:{item.col}: {item.text}")
    return out, completed.stderr


def run_loads(root: Path, programs: list[Program], flavour: str) -> tuple[dict[str, Reported], str]:
    tool = "dagster" if flavour == "dagster" else "runtime"
    plan = [
        {"name": p.name, "entry": p.entry, "deployments": list(p.deployments)}
        for p in programs
    ]
    plan_path, out_path = root / "plan.json", root / "loaded.json"
    plan_path.write_text(json.dumps(plan))
    env = {k: v for k, v in os.environ.items() if not k.startswith("DAGSTER_")}
    with tempfile.TemporaryDirectory(prefix="conformance-home-") as home:
        env["DAGSTER_HOME"] = home
        proc = subprocess.run(
            [sys.executable, str(WORKER), flavour, str(root), str(plan_path), str(out_path)],
            cwd=root, env=env, capture_output=True, text=True, timeout=900,
        )
    if proc.returncode != 0:
        raise AssertionError(f"{tool} load worker failed:\n{proc.stderr[-5000:]}")
    out: dict[str, Reported] = {}
    for name, result in json.loads(out_path.read_text()).items():
        entry = out.setdefault(name, Reported())
        for failure in result["failures"]:
            chain = [tuple(link) for link in failure["chain"]]
            for kind, arg in classify_failure(tool, failure["phase"], chain):
                finding = Finding("", 0, kind, arg)
                entry.findings.add(finding)
                entry.phases.setdefault((kind, arg), failure["phase"])
            where = f" ({failure['where']})" if failure["where"] else ""
            entry.raw.append(
                f"{failure['phase']}{where}: " + " <- ".join(f"{c}: {m}" for c, m in chain)
            )
    return out, proc.stderr


def run_suite(programs: list[Program], workdir: Path) -> SuiteRun:
    roots = {flavour: workdir / flavour for flavour in ("dagster", "dagwire")}
    for flavour, root in roots.items():
        write_tree(root, programs, flavour)
    jobs = {
        "mypy-dagster": (run_mypy, "dagster"),
        "mypy-dagwire": (run_mypy, "dagwire"),
        "flake8-dagster": (run_lint, "dagster"),
        "flake8-dagwire": (run_lint, "dagwire"),
        "dagster": (run_loads, "dagster"),
        "runtime": (run_loads, "dagwire"),
    }
    seconds: dict[str, float] = {}

    def timed(tool: str) -> tuple[dict[str, Reported], str]:
        function, flavour = jobs[tool]
        started = time.perf_counter()
        try:
            return function(roots[flavour], programs, flavour)
        finally:
            seconds[tool] = time.perf_counter() - started

    with ThreadPoolExecutor(max_workers=len(jobs)) as pool:
        futures = {tool: pool.submit(timed, tool) for tool in jobs}
        results = {tool: future.result() for tool, future in futures.items()}
    return SuiteRun(
        programs,
        {tool: result[0] for tool, result in results.items()},
        {tool: result[1] for tool, result in results.items()},
        seconds,
    )
