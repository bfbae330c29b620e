"""``dagwire migrate --diff`` against the cost floor of any libcst migration, side by side.

Project (regenerated into .bench/migrate_project): 300 files in 30 packages. Each package
holds a resources module (a legacy ``@resource`` function with a ``config_schema`` over a
plain class: RSC203 converts it), 4 op/asset modules (``config_schema`` +
``context.op_config``, ``required_resource_keys`` + ``context.resources``: RSC201/RSC202),
a definitions module (``.configured({...})`` with ``{"env": ...}``: RSC205) and 4 plain
modules without a framework import (helpers; the pre-filter reads them, never parses them).

Baseline: one interpreter that imports libcst and runs ``parse_module(text).code`` over every
framework file, the floor any libcst migration pays (parse + codegen, no rewriting). Both
sides run as separate processes with the same interpreter, interleaved, repeated; CPU time is
the child's user+sys. Also printed: source lines (all 300 files) per CPU-second of
``dagwire migrate`` (DESIGN.md anchor: bump-pydantic, about 43 lines per CPU-second).

Usage: python benchmarks/migrate_speed.py [--rounds N] [--jobs N]
The last line is the ratio migrate / baseline (CPU time).
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import textwrap
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PROJECT = ROOT / ".bench" / "migrate_project"
PACKAGES = 30

RESOURCES = '''
from dagwire import Field, StringSource, resource


class Client{n}:
    def __init__(self, url: str, timeout: int):
        self._url = url
        self._timeout = timeout

    def get(self, path: str) -> str:
        return f"{{self._url}}{{path}} ({{self._timeout}})"


@resource(config_schema={{"url": StringSource, "timeout": Field(int, default_value=30)}})
def client_{n}(context):
    return Client{n}(context.resource_config["url"], context.resource_config["timeout"])
'''

OPS = '''
from dagwire import Field, asset, op


@op(config_schema={{"path": str, "limit": Field(int, default_value=10)}})
def extract_{n}_{m}(context):
    cfg = context.op_config
    rows = [f"{{cfg['path']}}#{{i}}" for i in range(cfg["limit"])]
    context.log.info("extracted %s rows", len(rows))
    return rows


@op(required_resource_keys={{"client_{n}"}})
def fetch_{n}_{m}(context, rows):
    client = context.resources.client_{n}
    return [client.get(row) for row in rows]


@asset(required_resource_keys={{"client_{n}"}}, config_schema={{"factor": int}})
def scaled_{n}_{m}(context):
    # a comment the migration keeps
    values = [i * context.op_config["factor"] for i in range(5)]
    return context.resources.client_{n}.get(str(values))
'''

DEFINITIONS = '''
from dagwire import Definitions, job

from pkg{n}.ops0 import extract_{n}_0, fetch_{n}_0, scaled_{n}_0
from pkg{n}.resources import client_{n}


@job
def job_{n}():
    fetch_{n}_0(extract_{n}_0())


defs = Definitions(
    assets=[scaled_{n}_0],
    jobs=[job_{n}],
    resources={{
        "client_{n}": client_{n}.configured({{"url": {{"env": "URL_{n}"}}, "timeout": 5}})
    }},
)
'''

PLAIN = '''
"""Helpers without any framework import."""

import json


def load_{m}(path: str) -> dict:
    with open(path) as handle:
        return json.load(handle)


def total_{m}(values: list[int]) -> int:
    result = 0
    for value in values:
        result += value
    return result
'''

BASELINE = """
import sys
from pathlib import Path

import libcst

for line in Path(sys.argv[1]).read_text().splitlines():
    libcst.parse_module(Path(line).read_text()).code
"""


def generate() -> tuple[list[Path], int]:
    shutil.rmtree(PROJECT, ignore_errors=True)
    framework: list[Path] = []
    for n in range(PACKAGES):
        package = PROJECT / f"pkg{n}"
        package.mkdir(parents=True)
        (package / "__init__.py").write_text("")
        files = {"resources.py": RESOURCES.format(n=n), "defs.py": DEFINITIONS.format(n=n)}
        files.update({f"ops{m}.py": OPS.format(n=n, m=m) for m in range(4)})
        files.update({f"util{m}.py": PLAIN.format(m=m) for m in range(3)})
        for name, text in files.items():
            (package / name).write_text(textwrap.dedent(text).lstrip())
            if "dagwire" in text:
                framework.append(package / name)
    files_all = list(PROJECT.rglob("*.py"))
    lines = sum(len(p.read_text().splitlines()) for p in files_all)
    return framework, lines


@dataclass(frozen=True)
class Timing:
    wall: float
    cpu: float


def timed(command: list[str], expect: int) -> Timing:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != expect:
        raise SystemExit(f"{command[:4]} exited {proc.returncode}:\n{proc.stderr[-2000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Timing(wall, cpu)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=1)
    options = parser.parse_args()
    framework, lines = generate()
    listing = PROJECT / "framework_files.txt"
    listing.write_text("\n".join(map(str, framework)))
    total_files = len(list(PROJECT.rglob("*.py")))
    migrate = [sys.executable, "-m", "dagwire", "migrate", "--diff", "-j", str(options.jobs),
               str(PROJECT)]
    baseline = [sys.executable, "-c", BASELINE, str(listing)]
    check = subprocess.run(migrate, capture_output=True, text=True, cwd=ROOT)
    print(f"project: {total_files} files ({len(framework)} framework, "
          f"{total_files - len(framework)} plain), {lines} lines")
    print(f"migrate summary: {check.stderr.strip().splitlines()[-1]}")
    runs_migrate: list[Timing] = []
    runs_baseline: list[Timing] = []
    for round_ in range(options.rounds):
        pair = [(migrate, 1, runs_migrate), (baseline, 0, runs_baseline)]
        for command, expect, runs in (pair if round_ % 2 == 0 else pair[::-1]):
            runs.append(timed(command, expect))
    for label, runs in (("dagwire migrate --diff", runs_migrate),
                        ("libcst parse+codegen  ", runs_baseline)):
        print(f"{label}: cpu " + " ".join(f"{t.cpu:.2f}" for t in runs)
              + " s; wall " + " ".join(f"{t.wall:.2f}" for t in runs) + " s")
    best = min(t.cpu for t in runs_migrate)
    print(f"throughput: {lines / best:.0f} source lines per CPU-second "
          f"(bump-pydantic anchor: ~43); {os.cpu_count()} CPUs, -j {options.jobs}")
    ratio = statistics.median(m.cpu / b.cpu for m, b in zip(runs_migrate, runs_baseline))
    print(f"migrate_speed: dagwire migrate / libcst parse+codegen floor = {ratio:.2f}x CPU time "
          f"(median of {options.rounds} interleaved rounds)")


if __name__ == "__main__":
    main()
