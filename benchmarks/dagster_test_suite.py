"""Dagster's own tests for Pythonic config and resources, run against dagwire.

Usage: python benchmarks/dagster_test_suite.py DIR [--jobs N] [--timeout S] [--json OUT]

DIR holds test files from Dagster's repository (``pythonic_config_tests/`` and
``resource_tests/pythonic_resources/``), fetched for measurement and never committed. Every
``test_*.py`` under DIR runs twice, each file in its own pytest process: as it is, under the
real ``dagster``, and with its public imports swapped to ``dagwire``.

The population is every test that
1. passes under dagster, and
2. uses only public names: each name it (or a module-level helper or class it reaches)
   takes from dagster is a public top-level name (``dagster.X`` without a leading underscore;
   reaching it through a private module path, like ``dagster._core.errors.
   DagsterInvalidDefinitionError``, counts when the object is ``dagster.X`` itself); it
   touches no attribute with a leading underscore (``ctx._bound``) and names no
   ``dagster.`` path in a string (``mock.patch("dagster._core...")``). One test helper is
   allowed and replaced by the same few lines of stdlib on the dagwire side: ``environ`` from
   ``dagster._core.test_utils`` (sets environment variables for a block).

The swap: ``import dagster as dg`` becomes ``import dagwire as dg``; every public name
imported from any dagster module is bound to ``dagwire.<name>``, or, when dagwire lacks it,
to a stand-in that raises ``missing public name 'X'`` when the test uses it (so one missing
name fails only the tests that use it); other imports stay as they are.

Printed: the counts, every failing test of the population with its cause (the exception
line), the causes grouped, and on the last line dagwire's pass rate.
"""

from __future__ import annotations

import argparse
import ast
import collections
import concurrent.futures
import importlib
import json
import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass, field
from pathlib import Path

TEST_SUPPORT = {("dagster._core.test_utils", "environ")}

SWAP_MODULE = '''\
"""Written by benchmarks/dagster_test_suite.py: what a swapped import binds."""
import contextlib
import os

import dagwire


class MissingPublicName:
    def __init__(self, name, reason):
        self._name, self._reason = name, reason

    def _fail(self, *args, **kwargs):
        raise ImportError(f"missing public name {self._name!r}: {self._reason}")

    __call__ = __getattr__ = __getitem__ = __mro_entries__ = __iter__ = _fail
    __instancecheck__ = __subclasscheck__ = __enter__ = _fail


def public(name):
    try:
        return getattr(dagwire, name)
    except (AttributeError, ImportError) as error:
        return MissingPublicName(name, str(error).splitlines()[0])


@contextlib.contextmanager
def environ(values):
    saved = {key: os.environ.get(key) for key in values}
    try:
        for key, value in values.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
'''


def is_dagster_module(module: str | None) -> bool:
    return module is not None and (module == "dagster" or module.startswith("dagster."))


class PublicNames:
    """Which (module, name) pairs are dagster's public top-level names (imports dagster)."""

    def __init__(self) -> None:
        self.dagster = importlib.import_module("dagster")
        self.version = str(getattr(self.dagster, "__version__", "?"))
        self._cache: dict[tuple[str, str], bool] = {}

    def top_level(self, name: str) -> bool:
        return not name.startswith("_") and hasattr(self.dagster, name)

    def __call__(self, module: str, name: str) -> bool:
        key = (module, name)
        if key not in self._cache:
            self._cache[key] = self._public(module, name)
        return self._cache[key]

    def _public(self, module: str, name: str) -> bool:
        if not self.top_level(name):
            return False
        if module == "dagster":
            return True
        try:
            obj = getattr(importlib.import_module(module), name)
        except (ImportError, AttributeError):
            return False
        return obj is getattr(self.dagster, name)


# --- the swap ------------------------------------------------------------------------------


def swapped_source(source: str, public: PublicNames) -> str:
    """The test module with its public dagster imports bound to dagwire."""
    tree = ast.parse(source)
    lines = source.splitlines(keepends=True)
    edits: list[tuple[int, int, str]] = []
    for node in ast.walk(tree):
        replacement = _swap_import(node, public)
        if replacement is None:
            continue
        assert isinstance(node, (ast.Import, ast.ImportFrom)) and node.end_lineno is not None
        first, last = node.lineno - 1, node.end_lineno - 1
        prefix, suffix = lines[first][: node.col_offset], lines[last][node.end_col_offset:]
        if prefix.strip() or suffix.strip():
            continue  # shares its line with other code: left as it is
        edits.append((first, last, prefix + "; ".join(replacement) + "\n"))
    for first, last, text in sorted(edits, reverse=True):
        lines[first: last + 1] = [text]
    insert_at = max((n.end_lineno or 0 for n in tree.body
                     if isinstance(n, ast.ImportFrom) and n.module == "__future__"), default=0)
    if insert_at == 0 and tree.body and isinstance(tree.body[0], ast.Expr) \
            and isinstance(tree.body[0].value, ast.Constant):
        insert_at = tree.body[0].end_lineno or 0
    prelude = "from _dagwire_swap import public as _dw_public, environ as _dw_environ\n"
    lines.insert(insert_at, prelude)
    return "".join(lines)


def _swap_import(node: ast.AST, public: PublicNames) -> list[str] | None:
    if isinstance(node, ast.Import):
        names = [alias for alias in node.names if alias.name == "dagster"]
        if not names or len(names) != len(node.names):
            return None
        return [f"import dagwire as {alias.asname or 'dagster'}" for alias in names]
    if not isinstance(node, ast.ImportFrom) or node.level or not is_dagster_module(node.module):
        return None
    assert node.module is not None
    statements = []
    for alias in node.names:
        bound = alias.asname or alias.name
        if (node.module, alias.name) in TEST_SUPPORT:
            statements.append(f"{bound} = _dw_environ")
        elif public(node.module, alias.name):
            statements.append(f"{bound} = _dw_public({alias.name!r})")
        else:
            statements.append(f"from {node.module} import {alias.name} as {bound}")
    return statements


# --- which tests use only public names -----------------------------------------------------


@dataclass
class Usage:
    """What a piece of test code reaches: imported bindings, module attributes, private
    attributes and dagster paths in strings."""

    names: set[str] = field(default_factory=set)
    private_attributes: set[str] = field(default_factory=set)
    own_private: set[str] = field(default_factory=set)  # `_x` the test code defines itself
    module_attributes: set[tuple[str, str]] = field(default_factory=set)
    dagster_strings: set[str] = field(default_factory=set)


def usage_of(node: ast.AST) -> Usage:
    usage = Usage()
    for sub in ast.walk(node):
        if isinstance(sub, ast.Name):
            usage.names.add(sub.id)
        elif isinstance(sub, ast.Attribute):
            if sub.attr.startswith("_") and not sub.attr.startswith("__"):
                usage.private_attributes.add(sub.attr)
            if isinstance(sub.value, ast.Name):
                usage.module_attributes.add((sub.value.id, sub.attr))
        elif isinstance(sub, ast.ClassDef):
            for item in sub.body:
                if isinstance(item, ast.AnnAssign) and isinstance(item.target, ast.Name):
                    usage.own_private.add(item.target.id)
                elif isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)):
                    usage.own_private.add(item.name)
                elif isinstance(item, ast.Assign):
                    usage.own_private.update(t.id for t in item.targets if isinstance(t, ast.Name))
        if isinstance(sub, (ast.Assign, ast.AnnAssign, ast.AugAssign)):
            targets = sub.targets if isinstance(sub, ast.Assign) else [sub.target]
            usage.own_private.update(t.attr for t in targets if isinstance(t, ast.Attribute))
        if isinstance(sub, ast.Constant) and isinstance(sub.value, str):
            if sub.value.startswith("dagster.") or sub.value.startswith("dagster._"):
                usage.dagster_strings.add(sub.value)
    return usage


Bindings = tuple[dict[str, tuple[str, str]], dict[str, str], dict[str, ast.AST]]


def bindings(statements: list[ast.stmt]) -> Bindings:
    """Names bound by imports from dagster (name -> (module, name)), dagster module aliases
    (alias -> module) and module-level definitions (name -> node)."""
    imported: dict[str, tuple[str, str]] = {}
    modules: dict[str, str] = {}
    defined: dict[str, ast.AST] = {}
    for stmt in statements:
        for node in ast.walk(stmt):
            if isinstance(node, ast.ImportFrom) and not node.level \
                    and is_dagster_module(node.module):
                assert node.module is not None
                for alias in node.names:
                    imported[alias.asname or alias.name] = (node.module, alias.name)
            elif isinstance(node, ast.Import):
                for alias in node.names:
                    if is_dagster_module(alias.name):
                        modules[alias.asname or alias.name.split(".")[0]] = alias.name
        if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            defined[stmt.name] = stmt
        elif isinstance(stmt, (ast.Assign, ast.AnnAssign)):
            targets = stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target]
            for target in targets:
                if isinstance(target, ast.Name):
                    defined[target.id] = stmt
    return imported, modules, defined


def non_public_use(test: ast.AST, module: ast.Module, public: PublicNames) -> str | None:
    """The first non-public dagster name the test reaches, or None."""
    imported, modules, defined = bindings(module.body)
    local_imported, local_modules, _ = bindings([test])  # type: ignore[list-item]
    imported = {**imported, **local_imported}
    modules = {**modules, **local_modules}
    seen: set[str] = set()
    pending: list[ast.AST] = [test]
    private_attributes: set[str] = set()
    own_private: set[str] = set()
    while pending:
        usage = usage_of(pending.pop())
        private_attributes |= usage.private_attributes
        own_private |= usage.own_private
        if usage.dagster_strings:
            return f"dagster path in a string {sorted(usage.dagster_strings)[0]!r}"
        for alias, attr in sorted(usage.module_attributes):
            if alias in modules and modules[alias] == "dagster" and not public.top_level(attr):
                return f"non-public name dagster.{attr}"
            if alias in modules and modules[alias] != "dagster":
                return f"non-public module {modules[alias]}"
        for name in sorted(usage.names):
            if name in imported:
                source = imported[name]
                if source not in TEST_SUPPORT and not public(*source):
                    return f"non-public name {source[0]}.{source[1]}"
            elif name in defined and name not in seen:
                seen.add(name)
                pending.append(defined[name])
    dagsters = sorted(private_attributes - own_private)
    return f"private attribute .{dagsters[0]}" if dagsters else None


def module_tests(path: Path) -> dict[str, ast.AST]:
    module = ast.parse(path.read_text())
    tests: dict[str, ast.AST] = {}
    for node in module.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) \
                and node.name.startswith("test"):
            tests[node.name] = node
        elif isinstance(node, ast.ClassDef) and node.name.startswith("Test"):
            for item in node.body:
                if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)) \
                        and item.name.startswith("test"):
                    tests[f"{node.name}.{item.name}"] = item
    return tests


# --- running -------------------------------------------------------------------------------


@dataclass
class Outcome:
    passed: bool
    skipped: bool
    cause: str


def run_file(path: Path, workdir: Path, timeout: float) -> dict[str, Outcome] | str:
    """pytest on one file in its own process: test id -> outcome, or why the run failed.

    A run that pytest itself aborts (an INTERNALERROR, seen in assertion rewriting) is tried
    again without assertion rewriting, then test by test."""
    outcomes = _pytest_run(path, workdir, timeout, [])
    if isinstance(outcomes, dict) and "internal" not in outcomes:
        return outcomes
    outcomes = _pytest_run(path, workdir, timeout, ["--assert=plain"])
    if isinstance(outcomes, dict) and "internal" not in outcomes:
        return outcomes
    collected = subprocess.run(
        [sys.executable, "-m", "pytest", path.name, "--collect-only", "-q", "-p",
         "no:cacheprovider"], cwd=path.parent, capture_output=True, text=True, timeout=timeout,
        env=_environment(workdir))
    merged: dict[str, Outcome] = {}
    for line in collected.stdout.splitlines():
        if "::" not in line:
            continue
        one = _pytest_run(path, workdir, timeout, ["--assert=plain"], line.split("::", 1)[1])
        if isinstance(one, str):
            merged[line.split("::", 1)[1]] = Outcome(False, False, one)
        else:
            merged.update(one)
    return merged or (outcomes if isinstance(outcomes, str) else "internal error")


def _environment(workdir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_")}
    env["PYTHONHASHSEED"] = "0"
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(workdir), env.get("PYTHONPATH")]))
    return env


def _pytest_run(path: Path, workdir: Path, timeout: float, options: list[str],
                test: str = "") -> dict[str, Outcome] | str:
    report = path.with_suffix(".junit.xml")
    report.unlink(missing_ok=True)
    target = f"{path.name}::{test}" if test else path.name
    command = [sys.executable, "-m", "pytest", target, "-q", "-p", "no:cacheprovider",
               "-o", "junit_family=xunit1", f"--junitxml={report}", "--rootdir", str(path.parent),
               *options]
    try:
        proc = subprocess.run(command, cwd=path.parent, env=_environment(workdir),
                              capture_output=True,
                              text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return f"timeout: the file did not finish in {timeout:.0f} s"
    if not report.exists():
        tail = (proc.stdout + proc.stderr).strip().splitlines()[-1:] or ["no output"]
        return f"crash (exit {proc.returncode}): {tail[0]}"
    outcomes: dict[str, Outcome] = {}
    for case in ElementTree.parse(report).getroot().iter("testcase"):
        name = case.get("name", "?")
        classname = case.get("classname", "")
        if "." in classname and classname.rsplit(".", 1)[1].startswith("Test"):
            name = f"{classname.rsplit('.', 1)[1]}.{name}"
        problem = case.find("failure")
        if problem is None:
            problem = case.find("error")
        skipped = case.find("skipped") is not None
        cause = ""
        if problem is not None:
            cause = first_line(problem.get("message") or problem.text or "")
        elif skipped:
            cause = first_line(case.find("skipped").get("message", ""))  # type: ignore[union-attr]
        outcomes[name] = Outcome(problem is None and not skipped, skipped, cause)
    return outcomes


def first_line(text: str) -> str:
    line = next((part.strip() for part in text.splitlines() if part.strip()), "")
    return line[:240]


def run_variant(files: list[Path], workdir: Path, jobs: int,
                timeout: float) -> dict[Path, dict[str, Outcome] | str]:
    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
        futures = {pool.submit(run_file, f, workdir, timeout): f for f in files}
        return {futures[future]: future.result()
                for future in concurrent.futures.as_completed(futures)}


def base_test(name: str) -> str:
    return name.split("[", 1)[0]


def measure(directory: Path, jobs: int, timeout: float) -> dict[str, object]:
    public = PublicNames()
    sources = sorted(directory.rglob("test_*.py"))
    if not sources:
        raise SystemExit(f"error: no test_*.py files under {directory}")
    with tempfile.TemporaryDirectory(prefix="dagster-test-suite-") as tmp:
        root = Path(tmp)
        copies: dict[str, dict[Path, Path]] = {"dagster": {}, "dagwire": {}}
        for variant in copies:
            (root / variant).mkdir()
        (root / "dagwire" / "_dagwire_swap.py").write_text(SWAP_MODULE)
        for source in sources:
            for variant in copies:
                target = root / variant / source.relative_to(directory)
                target.parent.mkdir(parents=True, exist_ok=True)
                text = source.read_text()
                if variant == "dagwire":
                    text = swapped_source(text, public)
                target.write_text(text)
                copies[variant][source] = target
        results = {variant: run_variant(list(copies[variant].values()), root / variant, jobs,
                                        timeout) for variant in copies}

        tests: list[dict[str, object]] = []
        for source in sources:
            rel = source.relative_to(directory).as_posix()
            module = ast.parse(source.read_text())
            nodes = module_tests(source)
            under_dagster = results["dagster"][copies["dagster"][source]]
            under_dagwire = results["dagwire"][copies["dagwire"][source]]
            if isinstance(under_dagster, str):
                tests.append({"id": f"{rel}::*", "dagster": "failed",
                              "dagster_cause": under_dagster, "public": None, "dagwire": None,
                              "dagwire_cause": ""})
                continue
            for name, outcome in sorted(under_dagster.items()):
                node = nodes.get(base_test(name))
                private = non_public_use(node, module, public) if node is not None else \
                    "not found in the source"
                if isinstance(under_dagwire, str):
                    dagwire_outcome = Outcome(False, False, under_dagwire)
                else:
                    dagwire_outcome = under_dagwire.get(
                        name, Outcome(False, False, "not collected under dagwire"))
                tests.append({
                    "id": f"{rel}::{name}",
                    "dagster": "passed" if outcome.passed else
                               "skipped" if outcome.skipped else "failed",
                    "dagster_cause": outcome.cause,
                    "public": private is None, "non_public": private,
                    "dagwire": "passed" if dagwire_outcome.passed else
                               "skipped" if dagwire_outcome.skipped else "failed",
                    "dagwire_cause": dagwire_outcome.cause,
                })
    return {"dagster_version": public.version, "files": len(sources), "tests": tests}


def report(data: dict[str, object], verbose: bool) -> int:
    tests: list[dict[str, object]] = data["tests"]  # type: ignore[assignment]
    passed_dagster = [t for t in tests if t["dagster"] == "passed"]
    population = [t for t in passed_dagster if t["public"]]
    failing = [t for t in population if t["dagwire"] != "passed"]
    excluded = collections.Counter(
        str(t["non_public"]).split(" ", 2)[0] + " " + str(t["non_public"]).split(" ", 2)[1]
        for t in passed_dagster if not t["public"])
    print(f"dagster {data['dagster_version']}: {data['files']} files, {len(tests)} tests")
    print(f"  passed under dagster: {len(passed_dagster)}; failed or skipped there: "
          f"{len(tests) - len(passed_dagster)}")
    print(f"  left out for non-public names: {len(passed_dagster) - len(population)} "
          f"({', '.join(f'{n} {k}' for k, n in excluded.most_common())})")
    if verbose:
        for t in passed_dagster:
            if not t["public"]:
                print(f"    {t['id']}: {t['non_public']}")
    print(f"  population: {len(population)}")
    print()
    print("Failures under dagwire (test: cause):")
    for t in sorted(failing, key=lambda t: str(t["id"])):
        print(f"  {t['id']}: {t['dagwire_cause'] or t['dagwire']}")
    causes = collections.Counter(str(t["dagwire_cause"])[:160] for t in failing)
    print()
    print("Causes:")
    for cause, count in causes.most_common():
        print(f"  {count:3d}  {cause}")
    passing = len(population) - len(failing)
    rate = 100.0 * passing / len(population) if population else 0.0
    print()
    print(f"dagwire passes {passing} of {len(population)} ({rate:.1f}%) of Dagster's public-API "
          f"tests that pass under dagster {data['dagster_version']}")
    return 0 if population else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", nargs="?", default=os.environ.get("DAGSTER_TESTS_DIR"))
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--timeout", type=float, default=600.0, help="seconds per file")
    parser.add_argument("--json", type=Path, help="write every test's outcome here")
    parser.add_argument("--verbose", action="store_true", help="list the tests left out")
    args = parser.parse_args(argv)
    if not args.directory:
        print("dagster_test_suite: no folder of Dagster's tests given (DIR or DAGSTER_TESTS_DIR);"
              " nothing measured")
        return 0
    directory = Path(args.directory)
    if not directory.is_dir():
        print(f"error: {directory} is not a folder", file=sys.stderr)
        return 2
    data = measure(directory.resolve(), args.jobs, args.timeout)
    if args.json:
        args.json.write_text(json.dumps(data, indent=1))
    return report(data, args.verbose)


if __name__ == "__main__":
    sys.exit(main())
