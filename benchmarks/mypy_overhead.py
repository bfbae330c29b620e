"""Cost of the dagwire mypy plugin, and of mypy on dagwire vs dagster code, side by side.

1. A generated dagwire project: 200 modules with 2,000 assets, 50 resources and one
   `Definitions` binding them. mypy with and without `plugins = dagwire.mypy_plugin`, cold
   (empty cache) and warm (later runs, nothing changed: five per cold run), runs
   interleaved, CPU time (user + system) of each mypy process. The overhead printed is the
   median over repeats of the ratio plugin / plain of the two runs made back to back in that
   repeat; the ratio of the median times is shown beside it.
   Targets: 1.05x or less, cold and warm.
2. Cold mypy (with the plugin) on the example project (`examples/shop`) as written against
   dagwire vs the same files importing dagster. Target: 0.15x or less.

CPU time on a shared machine moves by 10 per cent and more from run to run, more than the
plugin costs: use enough repeats (the default, 10, gives a ratio good to a few per cent on a
busy 2-core machine). `--instructions`
counts the instructions of one cold and one warm run of each under valgrind (cachegrind, when
installed) instead: slow (about a minute per cold run) but the same from run to run, so it
shows what a change costs without the noise.

Python bytecode is written and compiled before the runs (`PYTHONDONTWRITEBYTECODE` is dropped
for them): an installed package has its `.pyc` files, and without them every mypy run would
pay for compiling the plugin's modules.

Usage: python benchmarks/mypy_overhead.py [--repeats N] [--quick] [--no-example]
           [--decorator-arguments] [--instructions]
The last line is the summary.
"""

from __future__ import annotations

import argparse
import compileall
import os
import re
import shutil
import statistics
import subprocess
import sys
import resource
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
MODULES, ASSETS_PER_MODULE, RESOURCES = 200, 10, 50
WARM_SAMPLES = 5
DROPPED = ("PYTHONDONTWRITEBYTECODE", "MYPY_NUM_WORKERS")
ENV = {k: v for k, v in os.environ.items() if k not in DROPPED}


def config(plugin: bool) -> str:
    lines = ["[mypy]"]
    if plugin:
        lines.append("plugins = dagwire.mypy_plugin")
    lines += ["", "[mypy-dagwire.*]", "follow_imports = silent", ""]
    return "\n".join(lines)


def generate_project(root: Path, decorator_arguments: bool = False) -> None:
    """`decorator_arguments`: `@asset(group_name=...)` instead of a bare `@asset`."""
    decorator = "@asset"
    pkg = root / "bigproject"
    pkg.mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    res = ["from dagwire import ConfigurableResource, EnvVar", ""]
    for r in range(RESOURCES):
        res += [f"class Resource{r}(ConfigurableResource):", "    url: str"]
        res += [f"    port: int = {r}", ""]
    (pkg / "resources.py").write_text("\n".join(res))
    names = []
    for m in range(MODULES):
        src = ["from dagwire import Config, asset", "from bigproject import resources as r", ""]
        src += [f"class Module{m}Config(Config):", "    rows: int = 1", ""]
        if decorator_arguments:
            decorator = f'@asset(group_name="group_{m % 10}", description="generated")'
        for a in range(ASSETS_PER_MODULE):
            n = m * ASSETS_PER_MODULE + a
            res_i = n % RESOURCES
            name = f"asset_{n}"
            names.append((m, name))
            if a == 0:
                body = (
                    f"def {name}(config: Module{m}Config, res_{res_i}: r.Resource{res_i}) -> int:"
                )
            else:
                prev = f"asset_{n - 1}"
                body = f"def {name}({prev}: int, res_{res_i}: r.Resource{res_i}) -> int:"
            src += [decorator, body, "    return 1", ""]
        (pkg / f"assets_{m}.py").write_text("\n".join(src))
    defs = ["from dagwire import Definitions, EnvVar, load_assets_from_modules"]
    defs.append("from bigproject import resources as r")
    defs += [f"from bigproject import assets_{m}" for m in range(MODULES)]
    defs += ["", "defs = Definitions(", "    assets=load_assets_from_modules(["]
    defs += [f"        assets_{m}," for m in range(MODULES)]
    defs += ["    ]),", "    resources={"]
    defs += [f'        "res_{r}": r.Resource{r}(url=EnvVar("URL_{r}")),' for r in range(RESOURCES)]
    defs += ["    },", ")", ""]
    (pkg / "definitions.py").write_text("\n".join(defs))


def run_mypy(cwd: Path, cfg: str, cache: Path, target: str) -> float:
    """CPU seconds (user + system) of one mypy process.

    CPU time, not wall time: the ratio must not depend on what else the machine is doing.
    """
    cfg_path = cwd / f"{cfg}.ini"
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    proc = subprocess.run(
        [sys.executable, "-m", "mypy", "--config-file", str(cfg_path), "--cache-dir", str(cache),
         "--no-error-summary", target],
        cwd=cwd, capture_output=True, text=True, env=ENV,
    )
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    elapsed = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if "Traceback" in proc.stderr or "INTERNAL ERROR" in proc.stdout:
        raise SystemExit(f"mypy crashed:\n{proc.stdout}\n{proc.stderr}")
    return elapsed


def count_instructions(cwd: Path, cfg: str, cache: Path, target: str) -> int:
    """Instructions executed by one mypy process, counted by valgrind's cachegrind."""
    proc = subprocess.run(
        ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
         sys.executable, "-m", "mypy", "--config-file", str(cwd / f"{cfg}.ini"),
         "--cache-dir", str(cache), "--no-error-summary", target],
        cwd=cwd, capture_output=True, text=True, env={**ENV, "PYTHONHASHSEED": "0"},
    )
    found = re.search(r"I\s+refs:\s+([\d,]+)", proc.stderr)
    if found is None or "Traceback" in proc.stderr:
        raise SystemExit(f"valgrind run failed:\n{proc.stdout}\n{proc.stderr}")
    return int(found.group(1).replace(",", ""))


def bench_instructions(work: Path, decorator_arguments: bool) -> tuple[str, str]:
    generate_project(work, decorator_arguments)
    (work / "plugin.ini").write_text(config(True))
    (work / "plain.ini").write_text(config(False))
    counts: dict[str, int] = {}
    for cfg in ("plain", "plugin"):
        cache = work / f"cache-{cfg}"
        counts[f"cold-{cfg}"] = count_instructions(work, cfg, cache, "bigproject")
        counts[f"warm-{cfg}"] = count_instructions(work, cfg, cache, "bigproject")
    for k, v in counts.items():
        print(f"  {k:12s} {v / 1e6:10.1f} M instructions")

    def ratio(kind: str) -> str:
        return f"{counts[f'{kind}-plugin'] / counts[f'{kind}-plain']:.3f}x (instructions)"

    return ratio("cold"), ratio("warm")


def bench_overhead(repeats: int, work: Path, decorator_arguments: bool) -> tuple[str, str]:
    generate_project(work, decorator_arguments)
    (work / "plugin.ini").write_text(config(True))
    (work / "plain.ini").write_text(config(False))
    kinds = ("cold-plain", "cold-plugin", "warm-plain", "warm-plugin")
    times: dict[str, list[float]] = {k: [] for k in kinds}
    # One ratio per repeat, of runs made back to back: load from other work on the machine
    # changes over minutes, and a pair of neighbouring runs shares most of it.
    pairs: dict[str, list[float]] = {"cold": [], "warm": []}
    for i in range(repeats):
        this: dict[str, float] = {}
        for cfg in (("plain", "plugin") if i % 2 == 0 else ("plugin", "plain")):
            cache = work / f"cache-{cfg}-{i}"
            this[f"cold-{cfg}"] = run_mypy(work, cfg, cache, "bigproject")
            # a warm run is short (~0.3 s), so noise weighs more: five samples per cache
            warm = [run_mypy(work, cfg, cache, "bigproject") for _ in range(WARM_SAMPLES)]
            this[f"warm-{cfg}"] = statistics.median(warm)
            times[f"cold-{cfg}"].append(this[f"cold-{cfg}"])
            times[f"warm-{cfg}"] += warm
            shutil.rmtree(cache)
        for kind in pairs:
            pairs[kind].append(this[f"{kind}-plugin"] / this[f"{kind}-plain"])
    med = {k: statistics.median(v) for k, v in times.items()}
    for k, v in med.items():
        print(f"  {k:12s} median {v:6.2f}s CPU  runs {', '.join(f'{t:.2f}' for t in times[k])}")
    for kind, ratios in pairs.items():
        print(f"  {kind} ratio of each pair: {', '.join(f'{r:.3f}' for r in ratios)}")

    def ratio(kind: str) -> str:
        paired = statistics.median(pairs[kind])
        middle = med[f"{kind}-plugin"] / med[f"{kind}-plain"]
        return f"{paired:.3f}x (ratio of medians {middle:.3f}x)"

    return ratio("cold"), ratio("warm")


def example_copy(dest: Path, framework: str) -> None:
    shop = dest / "shop"
    shutil.copytree(REPO / "examples" / "shop", shop)
    for path in shop.glob("*.py"):
        text = path.read_text().replace("examples.shop", "shop")
        if framework == "dagster":
            text = text.replace("from dagwire import", "from dagster import")
            text = text.replace("import dagwire", "import dagster")
        path.write_text(text)
    (dest / "plugin.ini").write_text(config(True))


def bench_example(repeats: int, work: Path) -> float:
    dirs = {fw: work / f"example-{fw}" for fw in ("dagwire", "dagster")}
    for fw, d in dirs.items():
        d.mkdir()
        example_copy(d, fw)
    times: dict[str, list[float]] = {fw: [] for fw in dirs}
    for i in range(repeats):
        for fw in (("dagwire", "dagster") if i % 2 == 0 else ("dagster", "dagwire")):
            cache = dirs[fw] / f"cache-{i}"
            times[fw].append(run_mypy(dirs[fw], "plugin", cache, "shop"))
            shutil.rmtree(cache)
    for fw, v in times.items():
        print(f"  example {fw:8s} cold median {statistics.median(v):6.2f}s CPU  runs "
              f"{', '.join(f'{t:.2f}' for t in v)}")
    return statistics.median(times["dagwire"]) / statistics.median(times["dagster"])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeats", type=int, default=10)
    parser.add_argument("--quick", action="store_true", help="one repeat")
    parser.add_argument("--no-example", action="store_true", help="skip part 2 (dagster is slow)")
    parser.add_argument(
        "--decorator-arguments", action="store_true",
        help="assets decorated with @asset(group_name=..., description=...)",
    )
    parser.add_argument(
        "--instructions", action="store_true",
        help="count instructions under valgrind instead of timing (part 1 only)",
    )
    args = parser.parse_args()
    repeats = 1 if args.quick else args.repeats
    # The plugin's modules compiled once, as an installed package has them.
    compileall.compile_dir(REPO / "dagwire", quiet=1)
    with tempfile.TemporaryDirectory(prefix="dagwire-mypy-bench-") as tmp:
        work = Path(tmp)
        shape = "@asset(group_name=...)" if args.decorator_arguments else "@asset"
        if args.instructions:
            print(f"mypy on {MODULES} modules / {MODULES * ASSETS_PER_MODULE} assets ({shape}) / "
                  f"{RESOURCES} resources, with vs without the plugin, instructions:")
            cold, warm = bench_instructions(work / "overhead", args.decorator_arguments)
            print(f"plugin overhead cold {cold}, warm {warm} (target <= 1.05x)")
            return
        print(f"mypy on {MODULES} modules / {MODULES * ASSETS_PER_MODULE} assets ({shape}) / "
              f"{RESOURCES} resources, with vs without the plugin ({repeats} interleaved runs):")
        cold, warm = bench_overhead(repeats, work / "overhead", args.decorator_arguments)
        example = "skipped"
        if not args.no_example:
            print("cold mypy on examples/shop, dagwire vs dagster imports (with the plugin):")
            # dagster is slow to check, and the target leaves a wide margin: fewer repeats
            example = f"{bench_example(min(repeats, 5), work):.2f}x"
    print(
        f"plugin overhead (CPU, median of paired runs) cold {cold}, warm {warm} "
        "(target <= 1.05x); "
        f"example project mypy cold dagwire/dagster {example} (target <= 0.15x)"
    )


if __name__ == "__main__":
    main()
