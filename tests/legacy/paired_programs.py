"""Running the paired programs of ``test-data/migrate/<case>/{before,after}/``.

Each side is a small program whose entry script is ``main.py``; it imports ``from dagwire
import ...`` only. ``run_side(..., framework="dagster")`` copies the tree to a temporary
directory and rewrites those imports to the real ``dagster`` package, which proves that a
pair means the same thing in Dagster as it does in dagwire.

Under dagwire every side runs in its own interpreter. Under dagster, whose import alone takes
about a second, the sides run in a few worker interpreters, one after another in each
(``--batch``), each with its own working directory, ``sys.path`` entry and fresh copies of
its own modules.

Usage for a quick look: ``python tests/legacy/paired_programs.py [dagwire|dagster] [CASE...]``.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import runpy
import shutil
import subprocess
import sys
import tempfile
import traceback
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CASES_DIR = ROOT / "test-data" / "migrate"
SIDES = ("before", "after")
ENTRY = "main.py"
EXPECTED = "expected_output.txt"

_IMPORT = re.compile(r"^(\s*)(from|import)\s+dagwire\b", re.MULTILINE)


@dataclass(frozen=True)
class Run:
    case: str
    side: str
    framework: str
    returncode: int
    stdout: str
    stderr: str


def case_names() -> list[str]:
    return sorted(
        p.name for p in CASES_DIR.iterdir() if all((p / s / ENTRY).is_file() for s in SIDES)
    )


def expected_output(case: str) -> str:
    return (CASES_DIR / case / EXPECTED).read_text()


def rewrite_for_dagster(source: str) -> str:
    return _IMPORT.sub(lambda m: f"{m.group(1)}{m.group(2)} dagster", source)


_DAGSTER_IMPORT_LINE = re.compile(r"^(\s*)from dagster import ([^(\n]*)$", re.M)


_LEGACY_FIELD = re.compile(r"\bField\(\s*[A-Za-z_][\w.]*\s*[,)]")


def pydantic_field_for_dagster(source: str) -> str:
    """The Pythonic side's `Field(description=...)` is pydantic's: dagwire's `Field` takes both
    forms, dagster's only the legacy one, so under dagster it is imported from pydantic. A side
    that keeps a legacy `Field(type, ...)` (in a `make_values_resource` it binds) keeps
    dagster's."""
    if _LEGACY_FIELD.search(source):
        return source

    def fix(m: re.Match[str]) -> str:
        indent, names = m.group(1), [n.strip() for n in m.group(2).split(",")]
        if "Field" not in names:
            return m.group(0)
        rest = [n for n in names if n != "Field"]
        line = f"{indent}from dagster import {', '.join(rest)}\n" if rest else ""
        return f"{line}{indent}from pydantic import Field"

    return _DAGSTER_IMPORT_LINE.sub(fix, source)


def _prepare(case: str, side: str, framework: str, root: Path) -> Path:
    """A copy of the side's tree under ``root``, imports rewritten for dagster."""
    work = root / f"{case}-{side}" / side
    shutil.copytree(CASES_DIR / case / side, work, ignore=shutil.ignore_patterns("__pycache__"))
    if framework == "dagster":
        for path in work.rglob("*.py"):
            text = rewrite_for_dagster(path.read_text())
            if side == "after":
                text = pydantic_field_for_dagster(text)
            if "dagwire" in text.replace("TODO(dagwire)", ""):
                raise AssertionError(f"{path.name}: dagwire is used other than by import")
            path.write_text(text)
    return work


def _env() -> dict[str, str]:
    # dagster keeps run storage in DAGSTER_HOME when set; an ephemeral instance otherwise
    env = {k: v for k, v in os.environ.items() if not k.startswith("DAGSTER_")}
    env["PYTHONHASHSEED"] = "0"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


def run_side(case: str, side: str, framework: str, timeout: float = 120) -> Run:
    """One side in its own interpreter."""
    with tempfile.TemporaryDirectory(prefix="dagwire-pairs-") as tmp:
        work = _prepare(case, side, framework, Path(tmp))
        proc = subprocess.run(
            [sys.executable, ENTRY], cwd=work, env=_env(), capture_output=True, text=True,
            timeout=timeout,
        )
    return Run(case, side, framework, proc.returncode, proc.stdout, proc.stderr)


def _run_here(work: str) -> dict[str, object]:
    """Run ``work/main.py`` in this interpreter (the --batch worker)."""
    out, err = io.StringIO(), io.StringIO()
    code = 0
    old_cwd, old_path, old_modules = os.getcwd(), list(sys.path), set(sys.modules)
    os.chdir(work)
    sys.path.insert(0, work)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            runpy.run_path(ENTRY, run_name="__main__")
    except SystemExit as exit_:
        code = exit_.code if isinstance(exit_.code, int) else 1
    except BaseException:
        traceback.print_exc(file=err)
        code = 1
    finally:
        os.chdir(old_cwd)
        sys.path[:] = old_path
        for name in set(sys.modules) - old_modules:
            if str(getattr(sys.modules[name], "__file__", "") or "").startswith(work):
                del sys.modules[name]
    return {"returncode": code, "stdout": out.getvalue(), "stderr": err.getvalue()}


def _run_batch(works: list[Path], timeout: float) -> list[dict[str, object]]:
    proc = subprocess.run(
        [sys.executable, __file__, "--batch", *map(str, works)],
        env=_env(), capture_output=True, text=True, timeout=timeout,
    )
    if proc.returncode != 0:
        raise AssertionError(f"batch worker failed:\n{proc.stderr[-4000:]}")
    results: list[dict[str, object]] = json.loads(proc.stdout)
    return results


def run_all(framework: str, cases: list[str] | None = None) -> dict[tuple[str, str], Run]:
    names = cases or case_names()
    jobs = [(c, s) for c in names for s in SIDES]
    workers = max(2, min(8, os.cpu_count() or 2))
    if framework != "dagster":
        with ThreadPoolExecutor(max_workers=workers) as pool:
            runs = pool.map(lambda cs: run_side(cs[0], cs[1], framework), jobs)
            return {(r.case, r.side): r for r in runs}
    with tempfile.TemporaryDirectory(prefix="dagwire-pairs-") as tmp:
        works = [_prepare(c, s, framework, Path(tmp)) for c, s in jobs]
        chunks = [list(range(i, len(jobs), workers)) for i in range(workers)]
        with ThreadPoolExecutor(max_workers=workers) as pool:
            outcomes = pool.map(
                lambda idx: (idx, _run_batch([works[i] for i in idx], timeout=600)), chunks
            )
            result: dict[tuple[str, str], Run] = {}
            for idx, batch in outcomes:
                for i, data in zip(idx, batch):
                    case, side = jobs[i]
                    result[(case, side)] = Run(
                        case, side, framework, int(str(data["returncode"])),
                        str(data["stdout"]), str(data["stderr"]),
                    )
            return result


def _main(argv: list[str]) -> int:
    framework = argv[0] if argv else "dagwire"
    failures = 0
    for (case, side), run in sorted(run_all(framework, argv[1:] or None).items()):
        status = "ok" if run.returncode == 0 else f"exit {run.returncode}"
        print(f"== {case}/{side} [{framework}] {status}")
        print(run.stdout, end="")
        if run.returncode != 0:
            failures += 1
            print(run.stderr[-3000:])
    return 1 if failures else 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["--batch"]:
        print(json.dumps([_run_here(work) for work in sys.argv[2:]]))
        raise SystemExit(0)
    raise SystemExit(_main(sys.argv[1:]))
