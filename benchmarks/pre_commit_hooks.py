"""The pre-commit hooks on a 200-module project: what a commit that changes one module costs.

Project (regenerated into .bench/hooks_project, a git repository): one code location, the
package `analytics` with 20 sub-packages of lint_overhead.py's 10 pipeline modules (dagster
code: resources, assets, ops, a definitions module loading its siblings). One assets module
is changed and staged; `pre-commit run HOOK` runs each hook as a user's commit does, from
`repo: local` hooks that call this environment's dagwire (no hook environment to build, so
only the hook is timed, plus pre-commit's own start). Each hook checks the whole code
location (`dagwire hook ...`); for comparison the same tool runs on the changed file alone,
which is what the hooks did before and what misses a key left unbound in definitions.py.
mypy runs warm (its cache filled by a first, cold run, also printed).

Usage: python benchmarks/pre_commit_hooks.py [--rounds N]
The last line is the ratio of dagwire-check on the code location to flake8 on the one file.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time

from lint_overhead import ASSETS, BENCH, DEFINITIONS, OPS, RESOURCES

PROJECT = BENCH / "hooks_project"
SUBPACKAGES = 20
HOOKS = ("dagwire-rsc", "dagwire-check", "dagwire-mypy", "dagwire-migrate-check")
CHANGED = "analytics/pipeline_7/assets_3.py"
GIT = ["git", "-c", "user.name=bench", "-c", "user.email=bench@example.invalid"]
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def write_project() -> int:
    if PROJECT.exists():
        shutil.rmtree(PROJECT)
    package = PROJECT / "analytics"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text("")
    modules = 0
    for n in range(SUBPACKAGES):
        sub = package / f"pipeline_{n}"
        sub.mkdir()
        (sub / "__init__.py").write_text("")
        texts = {"resources.py": RESOURCES.format(n=n)}
        texts |= {f"assets_{m}.py": ASSETS.format(n=n, m=m) for m in range(1, 7)}
        texts |= {f"ops_{m}.py": OPS.format(n=n, m=m) for m in (8, 9)}
        texts["definitions.py"] = DEFINITIONS.format(
            n=n, asset_modules=", ".join(f"assets_{m}" for m in range(1, 7)))
        for name, text in texts.items():
            (sub / name).write_text(text)
            modules += 1
    command = f"{sys.executable} -m dagwire.cli hook"
    hooks = "".join(
        f"      - id: {hook_id}\n        name: {hook_id}\n"
        f"        entry: {command} {hook_id.removeprefix('dagwire-')}\n"
        f"        language: system\n        types: [python]\n        require_serial: true\n"
        for hook_id in HOOKS
    )
    (PROJECT / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: local\n    hooks:\n{hooks}")
    (PROJECT / "mypy.ini").write_text(
        "[mypy]\nplugins = dagwire.mypy_plugin\nignore_missing_imports = True\n")
    for args in (["init", "-q"], ["add", "."], ["commit", "-q", "-m", "project"]):
        subprocess.run([*GIT, *args], cwd=PROJECT, check=True)
    changed = PROJECT / CHANGED
    changed.write_text(changed.read_text() + "\n\nCHANGED = True\n")
    subprocess.run([*GIT, "add", CHANGED], cwd=PROJECT, check=True)
    return modules


def seconds(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=PROJECT, env=ENV, capture_output=True, check=False)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    options = parser.parse_args()
    modules = write_project()
    print(f"project: {modules} modules in one code location; {CHANGED} changed and staged")
    run_hook = [sys.executable, "-m", "pre_commit", "run"]
    one_file = {
        "dagwire-rsc": [sys.executable, "-m", "flake8", "--select=RSC", CHANGED],
        "dagwire-check": [sys.executable, "-m", "dagwire.cli", "check", CHANGED],
        "dagwire-mypy": [sys.executable, "-m", "mypy", CHANGED],
        "dagwire-migrate-check": [sys.executable, "-m", "dagwire.cli", "migrate", "--check",
                                  CHANGED],
    }
    print(f"dagwire-mypy cold (empty .mypy_cache): {seconds([*run_hook, 'dagwire-mypy']):.2f} s")
    medians: dict[str, tuple[float, float]] = {}
    for hook_id in HOOKS:
        pairs = [(seconds([*run_hook, hook_id]), seconds(one_file[hook_id]))
                 for _ in range(options.rounds)]
        medians[hook_id] = (statistics.median(p[0] for p in pairs),
                            statistics.median(p[1] for p in pairs))
        print(f"{hook_id}: pre-commit run on the code location {medians[hook_id][0]:.2f} s; "
              f"the tool on the changed file alone {medians[hook_id][1]:.2f} s "
              f"(medians of {options.rounds})")
    location, alone = medians["dagwire-check"][0], medians["dagwire-rsc"][1]
    print(f"pre_commit_hooks: dagwire-check on {modules} modules / flake8 --select=RSC on the "
          f"one changed file = {location / alone:.2f}x wall clock ({location:.2f} s / "
          f"{alone:.2f} s)")


if __name__ == "__main__":
    main()
