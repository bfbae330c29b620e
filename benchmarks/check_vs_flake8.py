"""`dagwire check` against `flake8 --select=RSC`, side by side on the same files.

Corpus: lint_overhead.py's (500 pipeline modules in 50 packages, 300 standard-library
modules), regenerated into .bench/lint_corpus. Both commands run as users run them, in this
environment: flake8 with its default `--jobs` (one worker per CPU) and every plugin it loads
(flake8 runs pyflakes and pycodestyle even when only RSC is selected), `dagwire check` in one
process. Both must report the same findings (checked before timing). Runs are interleaved
and repeated; the ratio is the median of the per-round ratios (check / flake8: below 1.0 is
faster).

Usage: python benchmarks/check_vs_flake8.py [--rounds N]
The last line is the wall-clock ratio.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time

from lint_overhead import BENCH, CORPUS, write_corpus

FLAKE8 = [sys.executable, "-m", "flake8", "--isolated", "--select=RSC"]
CHECK = [sys.executable, "-m", "dagwire.cli", "check"]


def _child_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(command: list[str]) -> tuple[float, float, str]:
    """(wall seconds, CPU seconds of the process and its workers, stdout)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    cpu_before = _child_cpu()
    start = time.perf_counter()
    completed = subprocess.run([*command, str(CORPUS.relative_to(BENCH))], cwd=BENCH, env=env,
                               capture_output=True, text=True)
    wall = time.perf_counter() - start
    if completed.returncode not in (0, 1):
        raise SystemExit(f"{command} failed:\n{completed.stderr}")
    return wall, _child_cpu() - cpu_before, completed.stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=6)
    options = parser.parse_args()
    files = write_corpus()
    flake8_out, check_out = timed(FLAKE8)[2], timed(CHECK)[2]  # also warms the caches
    assert sorted(flake8_out.splitlines()) == sorted(check_out.splitlines()), "findings differ"
    print(f"corpus: {len(files)} files; both report the same "
          f"{len(check_out.splitlines())} findings")
    rounds: list[tuple[tuple[float, float], tuple[float, float]]] = []
    for number in range(options.rounds):
        order = [FLAKE8, CHECK] if number % 2 == 0 else [CHECK, FLAKE8]
        measured = {tuple(command): timed(command)[:2] for command in order}
        rounds.append((measured[tuple(FLAKE8)], measured[tuple(CHECK)]))
    for label, index in (("wall", 0), ("cpu", 1)):
        print(f"flake8 --select=RSC {label} (s): "
              + " ".join(f"{f[index]:.2f}" for f, _ in rounds))
        print(f"dagwire check       {label} (s): "
              + " ".join(f"{c[index]:.2f}" for _, c in rounds))
    cpu_ratio = statistics.median(c[1] / f[1] for f, c in rounds)
    wall_ratio = statistics.median(c[0] / f[0] for f, c in rounds)
    print(f"CPU ratio: dagwire check / flake8 --select=RSC = {cpu_ratio:.3f}x")
    print(f"check_vs_flake8: dagwire check / flake8 --select=RSC = {wall_ratio:.3f}x wall clock "
          f"(median of {options.rounds} interleaved rounds, flake8 --jobs=auto on "
          f"{os.cpu_count()} CPUs, check in one process; target <= 1.0x)")


if __name__ == "__main__":
    main()
