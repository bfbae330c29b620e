"""Build the wheel and the sdist, install the wheel into a fresh environment for every Python
from 3.10 to 3.13 on this machine, and run installed_copy.py against each installed copy.

`python -m build` builds the sdist first and the wheel from it, so a file missing from the
sdist fails the build. The environments get the wheel with its `[checkers]` extra (mypy,
flake8, libcst) and no dagster, installed by this environment's pip (one download cache),
two at a time.
Pythons: `~/.pyenv/versions/3.1{0,1,2,3}.*`, else `python3.1x` on PATH; at least this one.

Usage: python tests/packaging/wheel_smoke.py [--keep]  (exit 1 when any check fails)
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SMOKE = Path(__file__).with_name("installed_copy.py")
VERSIONS = ("3.10", "3.11", "3.12", "3.13")


def pythons() -> dict[str, Path]:
    found: dict[str, Path] = {}
    pyenv = Path.home() / ".pyenv" / "versions"
    for version in VERSIONS:
        candidates = sorted(pyenv.glob(f"{version}.*"), key=_release, reverse=True)
        for folder in candidates:
            if (folder / "bin" / "python3").is_file():
                found[version] = folder / "bin" / "python3"
                break
        else:
            on_path = shutil.which(f"python{version}")
            if on_path:
                found[version] = Path(on_path)
    found.setdefault(f"{sys.version_info[0]}.{sys.version_info[1]}", Path(sys.executable))
    return found


def _release(folder: Path) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", folder.name))


def build(dist: Path) -> tuple[Path, Path]:
    subprocess.run([sys.executable, "-m", "build", "--outdir", str(dist), str(REPO)],
                   check=True, capture_output=True, text=True)
    (wheel,), (sdist,) = dist.glob("*.whl"), dist.glob("*.tar.gz")
    names = zipfile.ZipFile(wheel).namelist()
    tops = {name.split("/", 1)[0] for name in names}
    expected = {"dagwire", "dagwire-0.1.0.dist-info", "dagwire-0.1.0.data"}
    if tops != expected or "dagwire/py.typed" not in names:
        raise SystemExit(f"unexpected wheel contents: {sorted(tops)}")
    return wheel, sdist


def smoke(version: str, python: Path, wheel: Path, work: Path) -> tuple[str, float, str]:
    started = time.perf_counter()
    env_dir, run_dir = work / f"venv-{version}", work / f"run-{version}"
    run_dir.mkdir()
    steps = [
        # no pip inside (ensurepip is most of a venv's creation time): this pip installs
        # into it, without byte-compiling what the smoke test never imports
        [str(python), "-m", "venv", "--without-pip", str(env_dir)],
        [sys.executable, "-m", "pip", "--python", str(env_dir / "bin" / "python"), "install",
         "--quiet", "--no-compile", "--disable-pip-version-check", f"{wheel}[checkers]"],
        [str(env_dir / "bin" / "python"), str(SMOKE)],
    ]
    for step in steps:
        proc = subprocess.run(step, cwd=run_dir, capture_output=True, text=True, timeout=900)
        if proc.returncode != 0:
            output = (proc.stdout + proc.stderr).strip()
            return version, time.perf_counter() - started, f"FAILED: {' '.join(step)}\n{output}"
    return version, time.perf_counter() - started, proc.stdout.strip()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    options = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="dagwire-wheel-"))
    started = time.perf_counter()
    try:
        wheel, sdist = build(work / "dist")
        print(f"built {wheel.name} and {sdist.name} in {time.perf_counter() - started:.0f} s")
        found = pythons()
        with ThreadPoolExecutor(max_workers=2) as pool:
            results = list(pool.map(lambda item: smoke(*item, wheel, work), sorted(found.items())))
        failed = False
        for version, seconds, message in results:
            print(f"Python {version} ({found[version]}): {seconds:.0f} s: {message}")
            failed |= message.startswith("FAILED")
        print(f"wheel smoke test: {len(results)} Pythons in {time.perf_counter() - started:.0f} s")
        return 1 if failed else 0
    finally:
        if options.keep:
            print(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
