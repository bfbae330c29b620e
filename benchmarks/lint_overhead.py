"""flake8 with and without the dagwire RSC plugin, side by side, on a generated corpus.

Corpus (regenerated into .bench/lint_corpus): 500 pipeline modules in 50 packages (resources,
assets, ops, jobs, sensors, a definitions module importing its siblings; Pythonic and legacy
API mixed, so the rules have findings to report) plus 300 modules copied from the standard
library.

How "without the plugin" is made honest: flake8 runs every plugin it loads and applies
`--ignore` / `--extend-ignore` only when reporting (flake8/checker.py: `run_ast_checks` calls
each tree plugin unconditionally), so `--extend-ignore=RSC` would still run the rules. Instead
the benchmark builds two import roots that differ only by the dagwire distribution: both hold
symlinks to the installed flake8, pyflakes, pycodestyle and mccabe (same files, same
versions); the "with" root also holds the dagwire package and a dist-info whose only entry
point is `RSC` in `flake8.extension`. Both runs use the same interpreter with `-S` (no
site-packages) and PYTHONPATH set to their root, the same options and the same files. Runs are
interleaved (with/without, then without/with) and repeated; the ratio is the median of the
per-round ratios.

Editor case: one pipeline module checked by flake8 (one process per save), with and without
the plugin, interleaved: the median difference is what the plugin adds (its import included).
`python -X importtime -c "import dagwire.lint_rules.plugin"` is printed too.

Usage: python benchmarks/lint_overhead.py [--rounds N] [--jobs N]
The last line is the corpus ratio.
"""

from __future__ import annotations

import argparse
import importlib.metadata
import os
import resource
import shutil
import statistics
import subprocess
import sys
import sysconfig
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BENCH = REPO / ".bench"
CORPUS = BENCH / "lint_corpus"
ROOTS = BENCH / "lint_roots"
FLAKE8_DISTS = ("flake8", "pyflakes", "pycodestyle", "mccabe")
PACKAGES = 50
MODULES_PER_PACKAGE = 10
STDLIB_FILES = 300

# ---------------------------------------------------------------------------- corpus


RESOURCES = '''\
"""Resources of pipeline {n}."""
from dagster import ConfigurableResource, EnvVar, resource


class Warehouse{n}(ConfigurableResource):
    dsn: str
    schema_name: str = "analytics"
    password: str = "not-so-secret-{n}"

    def query(self, sql: str) -> list[tuple[str, int]]:
        return [(sql, {n})]


class Storage{n}(ConfigurableResource):
    bucket: str
    prefix: str = "raw/"

    def put(self, key: str, data: bytes) -> None:
        print(self.bucket, self.prefix, key, len(data))


@resource(config_schema={{"url": str}})
def legacy_client_{n}(context):
    return {{"url": context.resource_config["url"]}}


RESOURCES = {{
    "warehouse": Warehouse{n}(dsn=EnvVar("DSN_{n}")),
    "storage": Storage{n}(bucket="bucket-{n}"),
}}
'''

ASSETS = '''\
"""Assets {n}.{m}."""
from dagster import AssetExecutionContext, Config, asset

from .resources import Storage{n}, Warehouse{n}


class Extract{n}_{m}Config(Config):
    table: str = "t_{m}"
    limit: int = 100
    columns: list[str] = ["id", "name"]


@asset
def raw_{n}_{m}(config: Extract{n}_{m}Config, warehouse: Warehouse{n}) -> list[tuple[str, int]]:
    rows = warehouse.query(f"select {{','.join(config.columns)}} from {{config.table}}")
    return rows[: config.limit]


@asset
def cleaned_{n}_{m}(raw_{n}_{m}: list[tuple[str, int]]) -> list[tuple[str, int]]:
    return [row for row in raw_{n}_{m} if row[1] >= 0]


@asset
def exported_{n}_{m}(
    context: AssetExecutionContext, cleaned_{n}_{m}: list, storage: Storage{n}
) -> None:
    for index, row in enumerate(cleaned_{n}_{m}):
        storage.put(f"{m}/{{index}}", repr(row).encode())
    context.log.info("exported %d rows", len(cleaned_{n}_{m}))


@asset(required_resource_keys={{"warehouse"}})
def legacy_{n}_{m}(context) -> int:
    result = context.resources.warehouse.query("select 1")
    return len(result)


def helper_{n}_{m}(values: list[int]) -> int:
    total = 0
    for value in values:
        if value % 2:
            total += value
        else:
            total -= value
    return total
'''

OPS = '''\
"""Ops {n}.{m}."""
from dagster import Config, OpExecutionContext, job, op

from .resources import Warehouse{n}


class Load{n}_{m}Config(Config):
    batch_size: int = 500
    dry_run: bool = False


@op(config_schema={{"path": str, "retries": int}}, required_resource_keys={{"storage"}})
def fetch_{n}_{m}(context: OpExecutionContext) -> str:
    path = context.op_config["path"]
    for attempt in range(context.op_config["retries"]):
        context.log.info("attempt %d", attempt)
    context.resources.storage.put(path, b"")
    return path


@op
def load_{n}_{m}(config: Load{n}_{m}Config, warehouse: Warehouse{n}, path: str) -> int:
    if config.dry_run:
        return 0
    return len(warehouse.query(f"copy {{path}} batch {{config.batch_size}}"))


@job
def load_job_{n}_{m}():
    load_{n}_{m}(fetch_{n}_{m}())
'''

DEFINITIONS = '''\
"""Definitions of pipeline {n}."""
from dagster import Definitions, ScheduleDefinition, load_assets_from_modules

from . import {asset_modules}
from .ops_8 import load_job_{n}_8
from .ops_9 import load_job_{n}_9
from .resources import RESOURCES

all_assets = load_assets_from_modules([{asset_modules}])

defs = Definitions(
    assets=all_assets,
    jobs=[load_job_{n}_8, load_job_{n}_9],
    schedules=[ScheduleDefinition(job=load_job_{n}_8, cron_schedule="0 * * * *")],
    resources=RESOURCES,
)
'''


def write_corpus() -> list[Path]:
    if CORPUS.exists():
        shutil.rmtree(CORPUS)
    files: list[Path] = []
    for n in range(PACKAGES):
        package = CORPUS / "pipelines" / f"pipeline_{n}"
        package.mkdir(parents=True)
        (package / "__init__.py").write_text("")
        modules = {"resources.py": RESOURCES.format(n=n)}
        asset_modules = [f"assets_{m}" for m in range(1, 7)]
        for m in range(1, 7):
            modules[f"assets_{m}.py"] = ASSETS.format(n=n, m=m)
        for m in (8, 9):
            modules[f"ops_{m}.py"] = OPS.format(n=n, m=m)
        modules["definitions.py"] = DEFINITIONS.format(n=n, asset_modules=", ".join(asset_modules))
        assert len(modules) == MODULES_PER_PACKAGE
        for name, text in modules.items():
            (package / name).write_text(text)
            files.append(package / name)
    stdlib = Path(sysconfig.get_paths()["stdlib"])
    skip = ("test", "idlelib", "lib2to3", "site-packages", "pydoc_data", "turtledemo", "tkinter")
    candidates = sorted(
        path
        for path in stdlib.rglob("*.py")
        if not any(part.startswith(skip) for part in path.relative_to(stdlib).parts)
        and path.stat().st_size < 150_000
    )
    target = CORPUS / "stdlib"
    for path in candidates[:STDLIB_FILES]:
        copy = target / path.relative_to(stdlib)
        copy.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, copy)
        files.append(copy)
    assert len(files) == PACKAGES * MODULES_PER_PACKAGE + STDLIB_FILES, len(files)
    return files


# ---------------------------------------------------------------------------- import roots


def _top_level_paths(dist_name: str) -> list[Path]:
    dist = importlib.metadata.distribution(dist_name)
    base = Path(str(dist.locate_file("")))
    tops: set[Path] = set()
    for file in dist.files or []:
        first = Path(file).parts[0]
        if first.endswith(".dist-info") or first.endswith(".py") or (base / first).is_dir():
            if first != "..":
                tops.add(base / first)
    return sorted(tops)


def make_roots() -> tuple[Path, Path]:
    if ROOTS.exists():
        shutil.rmtree(ROOTS)
    without, with_plugin = ROOTS / "without", ROOTS / "with"
    for root in (without, with_plugin):
        root.mkdir(parents=True)
        for dist_name in FLAKE8_DISTS:
            for path in _top_level_paths(dist_name):
                if path.name != "__pycache__":
                    (root / path.name).symlink_to(path)
    (with_plugin / "dagwire").symlink_to(REPO / "dagwire")
    info = with_plugin / "dagwire-0.1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: dagwire\nVersion: 0.1.0\n")
    (info / "entry_points.txt").write_text(
        "[flake8.extension]\nRSC = dagwire.lint_rules.plugin:ResourceChecker\n"
    )
    return without, with_plugin


# ---------------------------------------------------------------------------- runs


class Timing:
    def __init__(self, wall: float, cpu: float) -> None:
        self.wall = wall  # seconds, what a user waits for
        self.cpu = cpu  # user + system seconds of the flake8 process and its workers


def _child_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def flake8(root: Path, args: list[str]) -> tuple[Timing, str]:
    env = {**os.environ, "PYTHONPATH": str(root)}
    # Users have bytecode caches; this environment may disable writing them.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    command = [sys.executable, "-S", "-m", "flake8", "--isolated", "--exit-zero", *args]
    cpu_before = _child_cpu()
    start = time.perf_counter()
    completed = subprocess.run(command, env=env, capture_output=True, text=True, cwd=BENCH)
    elapsed = time.perf_counter() - start
    cpu = _child_cpu() - cpu_before
    if completed.returncode != 0:
        raise SystemExit(f"flake8 failed:\n{completed.stderr}")
    return Timing(elapsed, cpu), completed.stdout


def interleaved(
    without: Path, with_plugin: Path, args: list[str], rounds: int
) -> tuple[list[Timing], list[Timing]]:
    times_without: list[Timing] = []
    times_with: list[Timing] = []
    for round_number in range(rounds):
        order = [(without, times_without), (with_plugin, times_with)]
        if round_number % 2:
            order.reverse()
        for root, times in order:
            times.append(flake8(root, args)[0])
    return times_without, times_with


def plugin_import_ms(with_plugin: Path) -> float:
    """The import as flake8 pays it: after flake8 and its default plugins are loaded."""
    code = (
        "import time\n"
        "import flake8.main.application, flake8.checker, flake8.plugins.pyflakes\n"
        "import flake8.plugins.pycodestyle, pyflakes.checker, pycodestyle\n"
        "start = time.perf_counter()\n"
        "import dagwire.lint_rules.plugin\n"
        "print(time.perf_counter() - start)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(with_plugin)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    samples = []
    for _ in range(11):
        out = subprocess.run(
            [sys.executable, "-S", "-c", code], env=env, capture_output=True, text=True, check=True
        ).stdout
        samples.append(float(out) * 1000)
    return statistics.median(samples)


_SHARE_CODE = """
import sys, time
import dagwire.lint_rules.plugin as plugin
from flake8.main import cli
run = plugin.ResourceChecker.run
spent = [0.0]
def timed(self):
    start = time.process_time()
    results = list(run(self))
    spent[0] += time.process_time() - start
    return iter(results)
plugin.ResourceChecker.run = timed
start = time.process_time()
try:
    cli.main(sys.argv[1:])
except SystemExit:
    pass
sys.stderr.write(f"{spent[0]} {time.process_time() - start}\\n")
"""


def plugin_share(with_plugin: Path, args: list[str]) -> tuple[float, float]:
    """CPU seconds spent inside the plugin's run() and in the whole flake8 process, from one
    in-process flake8 run whose ResourceChecker.run is wrapped by a timer (the benchmark
    wraps it; the plugin has no timing code). Not disturbed by other load on the machine."""
    env = {**os.environ, "PYTHONPATH": str(with_plugin)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    completed = subprocess.run(
        [sys.executable, "-S", "-c", _SHARE_CODE, "--isolated", "--exit-zero", *args],
        env=env, capture_output=True, text=True, check=True, cwd=BENCH,
    )
    spent, total = completed.stderr.split()[-2:]
    return float(spent), float(total)


def import_time_ms() -> float:
    completed = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", "import dagwire.lint_rules.plugin"],
        capture_output=True, text=True, check=True, cwd=REPO,
    )
    total_us = 0
    for line in completed.stderr.splitlines():
        # import time: self [us] | cumulative | imported package
        parts = [part.strip() for part in line.split("|")]
        if len(parts) == 3 and parts[2] in ("dagwire", "dagwire.lint_rules.plugin"):
            total_us += int(parts[1])
    return total_us / 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=8)
    parser.add_argument("--jobs", default="1", help="flake8 --jobs (default 1: less noise)")
    options = parser.parse_args()

    files = write_corpus()
    without, with_plugin = make_roots()
    corpus_args = [f"--jobs={options.jobs}", str(CORPUS)]
    # sanity: the plugin really runs in one root and not in the other
    _, out_with = flake8(with_plugin, ["--select=RSC", *corpus_args])
    _, out_without = flake8(without, ["--select=RSC", *corpus_args])
    rsc_findings = out_with.count(": RSC")
    assert rsc_findings > 0 and ": RSC" not in out_without, (rsc_findings, out_without[:200])
    print(f"corpus: {len(files)} files ({PACKAGES * MODULES_PER_PACKAGE} pipeline, "
          f"{STDLIB_FILES} stdlib); RSC findings with the plugin: {rsc_findings}")
    for root in (without, with_plugin):  # warm caches (bytecode, file system)
        flake8(root, corpus_args)

    print(f"import: python -X importtime -c 'import dagwire.lint_rules.plugin': "
          f"{import_time_ms():.1f} ms cumulative, standalone (stdlib modules included)")
    print(f"import: dagwire.lint_rules.plugin after flake8's own imports: "
          f"{plugin_import_ms(with_plugin):.1f} ms (median of 11; target <= 15 ms)")
    one_file = str(CORPUS / "pipelines" / "pipeline_0" / "definitions.py")
    editor_without, editor_with = interleaved(without, with_plugin, [one_file], 21)
    for label, attr in (("wall", "wall"), ("cpu", "cpu")):
        added = statistics.median(
            getattr(w, attr) - getattr(o, attr) for w, o in zip(editor_with, editor_without)
        )
        print(f"editor case ({label}): flake8 on definitions.py (parses its 9 siblings): without "
              f"{statistics.median(getattr(t, attr) for t in editor_without) * 1000:.0f} ms, with "
              f"{statistics.median(getattr(t, attr) for t in editor_with) * 1000:.0f} ms, "
              "the plugin "
              f"adds {added * 1000:.1f} ms (median of 21 interleaved pairs: import + check)")

    spent, total = plugin_share(with_plugin, corpus_args)
    print(f"plugin share: run() took {spent:.2f} s CPU of {total:.2f} s for the whole flake8 "
          f"run ({spent / total:.1%}; timer wrapped around ResourceChecker.run)")

    times_without, times_with = interleaved(without, with_plugin, corpus_args, options.rounds)
    for label, attr in (("wall", "wall"), ("cpu", "cpu")):
        print(f"corpus {label} (s) without: "
              + " ".join(f"{getattr(t, attr):.2f}" for t in times_without))
        print(f"corpus {label} (s) with:    "
              + " ".join(f"{getattr(t, attr):.2f}" for t in times_with))
    wall_ratio = statistics.median(w.wall / o.wall for w, o in zip(times_with, times_without))
    cpu_ratio = statistics.median(w.cpu / o.cpu for w, o in zip(times_with, times_without))
    print(f"wall-clock ratio (noisy when the machine is shared): {wall_ratio:.3f}x")
    print(f"lint_overhead: flake8 with RSC / without = {cpu_ratio:.3f}x CPU time "
          f"(wall {wall_ratio:.3f}x; median of {options.rounds} interleaved rounds, "
          f"--jobs={options.jobs}; target <= 1.05x)")


if __name__ == "__main__":
    main()
