"""dagwire's runtime vs the real dagster package, side by side in one run.

Workloads (each measured in fresh subprocesses, repeats interleaved dagwire/dagster, median):
1. ``python -c "import dagwire"`` vs ``python -c "import dagster"`` (whole process wall time;
   target <= 0.1x). For information: ``from X import Config, ConfigurableResource, asset,
   Definitions``, and a bare interpreter.
2. Build and validate Definitions with 5,000 assets sharing 20 resources (the same generated
   source for both, only the import differs; target <= 0.1x).
3. Materialize a 1,000-asset chain in process (dagwire ``materialize``, dagster
   ``materialize_to_memory``, its in-memory equivalent; target <= 0.2x).
4. Cold ``mypy`` (no cache) on the same small user module written against each framework
   (target <= 0.15x); skipped with ``--no-mypy``.

Usage: python benchmarks/runtime_vs_dagster.py [--repeats N] [--quick]
The last line is the summary.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from collections.abc import Callable

FRAMEWORKS = ("dagwire", "dagster")


def definitions_source(framework: str, assets: int, resources: int) -> str:
    lines = [f"from {framework} import ConfigurableResource, Definitions, asset"]
    for r in range(resources):
        lines += [f"class Res{r}(ConfigurableResource):", "    value: int = 0", ""]
    for i in range(assets):
        r = i % resources
        params = [f"res_{r}: Res{r}"]
        if i:
            params.insert(0, f"a{(i - 1) // 2}: int")  # a binary tree of upstream inputs
        lines += ["@asset", f"def a{i}({', '.join(params)}) -> int:", "    return 1", ""]
    asset_list = ", ".join(f"a{i}" for i in range(assets))
    bound = ", ".join(f"'res_{r}': Res{r}()" for r in range(resources))
    lines.append(f"defs = Definitions(assets=[{asset_list}], resources={{{bound}}})")
    return "\n".join(lines)


def chain_source(framework: str, length: int) -> str:
    lines = [f"from {framework} import asset"]
    lines += ["@asset", "def c0() -> int:", "    return 0", ""]
    for i in range(1, length):
        lines += ["@asset", f"def c{i}(c{i - 1}: int) -> int:", f"    return c{i - 1} + 1", ""]
    lines.append(f"chain = [{', '.join(f'c{i}' for i in range(length))}]")
    return "\n".join(lines)


USER_MODULE = """\
from {framework} import Config, ConfigurableResource, Definitions, EnvVar, asset


class ReportConfig(Config):
    top_n: int = 3


class Warehouse(ConfigurableResource):
    uri: str

    def rows(self) -> list[int]:
        return [1, 2, 3]


@asset
def numbers(warehouse: Warehouse) -> list[int]:
    return warehouse.rows()


@asset
def report(config: ReportConfig, numbers: list[int]) -> str:
    return ", ".join(str(n) for n in sorted(numbers)[: config.top_n])


defs = Definitions(assets=[numbers, report],
                   resources={{"warehouse": Warehouse(uri=EnvVar("WAREHOUSE_URI"))}})
"""


def mypy_seconds(framework: str) -> float:
    import os
    import pathlib
    import tempfile

    with tempfile.TemporaryDirectory() as workdir:
        path = pathlib.Path(workdir) / f"user_{framework}.py"
        path.write_text(USER_MODULE.format(framework=framework))
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "mypy", "--no-incremental", "--cache-dir", os.devnull,
             "--ignore-missing-imports", str(path)],
            cwd=workdir, capture_output=True, check=False,
        )
        return time.perf_counter() - started


# -- workers (run in a fresh subprocess; print elapsed seconds) ---------------------------

def worker_definitions(framework: str) -> float:
    source = definitions_source(framework, 5000, 20)
    code = compile(source, f"<{framework}_definitions>", "exec", dont_inherit=True)
    module = __import__(framework)
    # Import cost is workload 1, not this one: load what the source uses before timing.
    for name in ("ConfigurableResource", "Definitions", "asset"):
        getattr(module, name)
    namespace: dict[str, object] = {}
    started = time.perf_counter()
    exec(code, namespace)
    module.Definitions.validate_loadable(namespace["defs"])
    return time.perf_counter() - started


def worker_chain(framework: str) -> float:
    code = compile(chain_source(framework, 1000), f"<{framework}_chain>", "exec", dont_inherit=True)
    namespace: dict[str, object] = {}
    exec(code, namespace)
    if framework == "dagwire":
        from dagwire import materialize as run
    else:
        import logging

        from dagster import materialize_to_memory as run

        logging.disable(logging.CRITICAL)  # dagster logs every step event; we time execution
    started = time.perf_counter()
    result = run(namespace["chain"])  # type: ignore[arg-type]
    elapsed = time.perf_counter() - started
    assert result.success
    return elapsed


WORKERS: dict[str, Callable[[str], float]] = {
    "definitions": worker_definitions,
    "chain": worker_chain,
}


# -- driver ---------------------------------------------------------------------------------

def process_seconds(code: str) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True)
    return time.perf_counter() - started


def worker_seconds(workload: str, framework: str) -> float:
    out = subprocess.run(
        [sys.executable, __file__, "--worker", workload, framework],
        check=True, capture_output=True, text=True,
    ).stdout
    return float(json.loads(out.strip().splitlines()[-1]))


def interleaved(measure: Callable[[str], float], repeats: int) -> dict[str, float]:
    samples: dict[str, list[float]] = {name: [] for name in FRAMEWORKS}
    for _ in range(repeats):
        for name in FRAMEWORKS:
            samples[name].append(measure(name))
    return {name: statistics.median(values) for name, values in samples.items()}


def report(label: str, medians: dict[str, float], target: float | None) -> float:
    ratio = medians["dagwire"] / medians["dagster"]
    verdict = "" if target is None else (
        f" (target <= {target}x: {'ok' if ratio <= target else 'MISSED'})")
    print(f"{label}: dagwire {medians['dagwire']:.3f} s, dagster {medians['dagster']:.3f} s, "
          f"ratio {ratio:.3f}x{verdict}", flush=True)
    return ratio


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5, help="repeats per workload")
    parser.add_argument("--no-mypy", action="store_true", help="skip the mypy workload")
    parser.add_argument("--worker", nargs=2, metavar=("WORKLOAD", "FRAMEWORK"),
                        help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        workload, framework = args.worker
        print(json.dumps(WORKERS[workload](framework)))
        return
    repeats = args.repeats
    bare = statistics.median(process_seconds("pass") for _ in range(repeats))
    print(f"bare interpreter: {bare:.3f} s (python {sys.version.split()[0]})", flush=True)
    import_ratio = report(
        "import time (python -c 'import X')",
        interleaved(lambda name: process_seconds(f"import {name}"), repeats), 0.1)
    report(
        "for information, 'from X import Config, ConfigurableResource, asset, Definitions'",
        interleaved(lambda name: process_seconds(
            f"from {name} import Config, ConfigurableResource, asset, Definitions"), repeats),
        None)
    defs_ratio = report(
        "Definitions with 5,000 assets sharing 20 resources, build + validate",
        interleaved(lambda name: worker_seconds("definitions", name), max(3, repeats // 2)), 0.1)
    chain_ratio = report(
        "materialize a 1,000-asset chain in process",
        interleaved(lambda name: worker_seconds("chain", name), max(3, repeats // 2)), 0.2)
    ok = import_ratio <= 0.1 and defs_ratio <= 0.1 and chain_ratio <= 0.2
    mypy_text = ""
    if not args.no_mypy:
        mypy_ratio = report("cold mypy on a user module importing the framework",
                            interleaved(mypy_seconds, max(3, repeats // 2)), 0.15)
        ok = ok and mypy_ratio <= 0.15
        mypy_text = f", mypy {mypy_ratio:.3f}x (<= 0.15x)"
    print(f"summary: import {import_ratio:.3f}x (<= 0.1x), definitions {defs_ratio:.3f}x "
          f"(<= 0.1x), materialize {chain_ratio:.3f}x (<= 0.2x){mypy_text}: "
          f"{'all targets met' if ok else 'some targets MISSED'}")


if __name__ == "__main__":
    main()
