"""`dagwire migrate` on real legacy Dagster projects: what it converts, and what it changes.

Usage:
    python benchmarks/real_migrate.py DIR [--projects NAME,...] [--all] [--load-python PYTHON]
        [--timeout S] [--work PATH] [--json FILE] [--keep] [--from-json FILE]
        [--test-python PYTHON]

DIR is the same folder of projects as for `real_projects.py` (code locations found the
same way, or from `DIR/locations.json`). A project is legacy when one of its framework files
uses `@resource`, `required_resource_keys`, `config_schema` or `@repository` (`--all`: every
project). For each one:
1. copy it twice and run `dagwire migrate --write .` in one copy, as a user would: in the
   project folder, or in each code location root when there are several (migrate asks for
   that when two roots hold the same module names);
2. count files changed, `@resource` functions and definitions with
   `required_resource_keys` before and after (one that is gone was converted; a TODO on it
   means it was not), and TODOs by reason (the TODO text with names and quoted words
   replaced by `_`);
3. load every code location module of both copies with dagster under `--load-python`
   (default: this interpreter; give one with the projects' dependencies installed to load
   more): import, then validate every `Definitions`/repository it defines; a location that
   loads in one copy and not the other, or fails differently, is a behaviour change;
4. validate every run config literal of the project (a dict with "ops" or "resources" at
   the top, given to `@job(config=)`, `.to_job(config=)`, `define_asset_job(config=)`,
   `execute_in_process(run_config=)`, `materialize(run_config=)`, `RunRequest(run_config=)`
   in a sensor or schedule with `job=`, `ScheduleDefinition(job=, run_config=)`, or a
   module-level dict named by one of these) against the job it targets, with
   `dagster.validate_run_config`, in both copies: a literal valid before and invalid after
   (or the reverse) is a behaviour change. Literals whose module does not import, or that
   need names only a function body has, are counted as not validated.

5. with `--test-python` (an interpreter with pytest and the projects' dependencies), run the
   project's own tests in each root holding tests, in both copies: a test that passed before
   and does not after is a behaviour change.

`@resource` functions are counted when the decorator is the framework's (`@dlt.resource` is
another library's); definitions with `required_resource_keys` are counted except hooks
(`@success_hook`, `@failure_hook`: Dagster gives hooks no resource parameters).

Prints per project and in total; the last line is the summary. Behaviour changes must be 0.
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import re
import shutil
import sys
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import real_corpus as rc  # noqa: E402
from real_sites import tail  # noqa: E402

LEGACY = re.compile(
    r"@\s*(?:\w+\.)?resource\b|required_resource_keys|config_schema|@\s*(?:\w+\.)?repository\b"
)
TODO = re.compile(r"#\s*TODO\(dagwire\):\s*(?P<code>[A-Z]+\d+)\s+(?P<text>.*)$")
RUN_CONFIG_KEYS = {"ops", "resources", "solids", "execution", "loggers"}
RUN_CONFIG_ARGS = {
    "job": "config",
    "to_job": "config",
    "define_asset_job": "config",
    "execute_in_process": "run_config",
    "materialize": "run_config",
    "RunRequest": "run_config",
    "ScheduleDefinition": "run_config",
}

VALIDATOR = r"""
import ast, importlib, json, sys
sys.path.insert(0, ".")
out = []
items = json.loads(sys.argv[1])
try:
    import dagster
    from dagster import Definitions, JobDefinition, RepositoryDefinition
    from dagster._core.definitions.reconstruct import repository_def_from_target_def
except BaseException as exc:
    print(json.dumps([{"status": "no dagster"}] * len(items)))
    raise SystemExit
repos = []
def repos_of(mod):
    found = []
    for v in vars(mod).values():
        if isinstance(v, (Definitions, RepositoryDefinition)):
            try:
                found.append(repository_def_from_target_def(v))
            except BaseException:
                pass
    return found
for it in items:
    try:
        mod = importlib.import_module(it["module"])
    except BaseException as exc:
        detail = type(exc).__name__ + ": " + str(exc)[:200]
        out.append({"status": "module does not import", "detail": detail})
        continue
    tree = ast.parse(open(it["file"], encoding="utf-8").read())
    node = next((n for n in ast.walk(tree) if isinstance(n, ast.Dict)
                 and n.lineno == it["line"] and n.col_offset == it["col"]), None)
    if node is None:
        out.append({"status": "literal not found"})
        continue
    try:
        value = eval(compile(ast.Expression(node), it["file"], "eval"), dict(vars(mod)))
    except BaseException as exc:
        out.append({"status": "not evaluable", "detail": type(exc).__name__})
        continue
    job = vars(mod).get(it["target"]) if it["target"] else None
    if not isinstance(job, JobDefinition):
        name = getattr(job, "name", it["target"])
        job = None
        mods = [mod]
        for x in it["locations"]:
            try:
                mods.append(importlib.import_module(x))
            except BaseException:
                pass  # a location that does not import cannot hold the job
        for m in mods:
            for repo in repos_of(m):
                try:
                    if repo.has_job(name):
                        job = repo.get_job(name)
                        break
                except BaseException:
                    pass
            if job is not None:
                break
    if job is None:
        out.append({"status": "job not found", "detail": str(it["target"])})
        continue
    try:
        dagster.validate_run_config(job, value)
        out.append({"status": "valid"})
    except BaseException as exc:
        detail = type(exc).__name__ + ": " + str(exc).replace("\n", " ")[:300]
        out.append({"status": "invalid", "detail": detail})
print(json.dumps(out))
"""


@dataclass
class Literal:
    file: str  # relative to the group root
    line: int
    col: int
    target: str | None
    via: str


@dataclass
class MigrateResult:
    name: str
    files_changed: int = 0
    migrate_summary: str = ""
    migrate_errors: list[str] = field(default_factory=list)
    resources_before: int = 0
    resources_converted: int = 0
    rrk_before: int = 0
    rrk_converted: int = 0
    todos: list[str] = field(default_factory=list)
    loads: list[dict[str, str]] = field(default_factory=list)
    run_configs: list[dict[str, str]] = field(default_factory=list)
    # the project's own tests (--test-python): root -> passed before, passed after, total
    tests: list[dict[str, str]] = field(default_factory=list)
    behaviour_changes: list[str] = field(default_factory=list)


def framework_bound(tree: ast.Module) -> tuple[set[str], set[str]]:
    """(names imported from dagster/dagwire by their own name, module aliases of them): a
    `@resource` of another library (`@dlt.resource`) is not a legacy resource."""
    names: set[str] = set()
    modules: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module and (
            node.module.split(".")[0] in ("dagster", "dagwire")
        ):
            names.update(a.asname or a.name for a in node.names if a.name == "resource")
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] in ("dagster", "dagwire"):
                    modules.add(alias.asname or alias.name.split(".")[0])
    return names, modules


def is_framework_resource(dec: ast.expr, bound: tuple[set[str], set[str]]) -> bool:
    target = dec.func if isinstance(dec, ast.Call) else dec
    if isinstance(target, ast.Name):
        return target.id in bound[0]
    root = target
    while isinstance(root, ast.Attribute):
        root = root.value
    return isinstance(target, ast.Attribute) and target.attr == "resource" and (
        isinstance(root, ast.Name) and root.id in bound[1]
    )


def legacy_markers(files: list[Path]) -> dict[tuple[str, str], set[str]]:
    """(file, function) -> which legacy markers it carries ("resource", "rrk")."""
    found: dict[tuple[str, str], set[str]] = {}
    for f, _, tree in rc.framework_trees(files):
        bound = framework_bound(tree)
        for node in ast.walk(tree):
            if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            for dec in node.decorator_list:
                kind = tail(dec)
                marks = set()
                if kind == "resource" and is_framework_resource(dec, bound):
                    marks.add("resource")
                if (
                    isinstance(dec, ast.Call)
                    and kind != "resource"
                    and not (kind or "").endswith("_hook")  # hooks take no resource parameters
                    and any(kw.arg == "required_resource_keys" for kw in dec.keywords)
                ):
                    marks.add("rrk")
                if marks:
                    found.setdefault((str(f), node.name), set()).update(marks)
    return found


def todo_reason(text: str) -> str:
    text = re.sub(r"'[^']*'|\"[^\"]*\"", "_", text)
    text = re.sub(r"\b[a-z_][a-z0-9_]*(?:\.[a-z_][a-z0-9_]*)+\b", "_", text)  # dotted names
    return re.sub(r"\b\w*_\w*\b", "_", text)


def run_config_literals(root: Path, files: list[Path]) -> list[Literal]:
    found: list[Literal] = []
    for f, _, tree in rc.framework_trees(files):
        rel = f.relative_to(root).as_posix()
        module_dicts = {}
        for stmt in tree.body:
            if isinstance(stmt, ast.Assign) and isinstance(stmt.value, ast.Dict):
                for t in stmt.targets:
                    if isinstance(t, ast.Name):
                        module_dicts[t.id] = stmt.value
        assigned: dict[int, str] = {}
        for stmt in ast.walk(tree):
            if isinstance(stmt, ast.Assign) and isinstance(stmt.value, ast.Call):
                if len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name):
                    assigned[id(stmt.value)] = stmt.targets[0].id
        sensor_job: dict[int, str] = {}
        for fn in ast.walk(tree):
            if isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef)):
                for dec in fn.decorator_list:
                    if isinstance(dec, ast.Call):
                        for kw in dec.keywords:
                            if kw.arg == "job" and tail(kw.value):
                                for sub in ast.walk(fn):
                                    sensor_job[id(sub)] = tail(kw.value) or ""
                        if tail(dec.func) == "job":
                            assigned[id(dec)] = fn.name
        seen: set[int] = set()
        for call in ast.walk(tree):
            if not isinstance(call, ast.Call):
                continue
            kind = tail(call.func)
            if kind not in RUN_CONFIG_ARGS:
                continue
            value = next(
                (kw.value for kw in call.keywords if kw.arg == RUN_CONFIG_ARGS[kind]), None
            )
            if isinstance(value, ast.Name) and value.id in module_dicts:
                value = module_dicts[value.id]
            if not isinstance(value, ast.Dict) or id(value) in seen:
                continue
            keys = {k.value for k in value.keys if isinstance(k, ast.Constant)}
            if not keys & RUN_CONFIG_KEYS:
                continue
            seen.add(id(value))
            target: str | None = None
            if kind in ("job", "define_asset_job", "to_job"):
                target = assigned.get(id(call))
                name_kw = next((kw.value for kw in call.keywords if kw.arg == "name"), None)
                if isinstance(name_kw, ast.Constant) and isinstance(name_kw.value, str):
                    target = target or name_kw.value
            elif kind in ("execute_in_process",) and isinstance(call.func, ast.Attribute):
                target = tail(call.func.value)
            elif kind == "ScheduleDefinition":
                target = next((tail(kw.value) for kw in call.keywords if kw.arg == "job"), None)
            elif kind == "RunRequest":
                target = sensor_job.get(id(call))
            if kind == "materialize":
                continue  # an asset selection, not a job: nothing to validate against
            found.append(Literal(rel, value.lineno, value.col_offset, target, kind))
    return found


def validate(
    python: str, root: Path, items: list[Literal], locations: list[str], timeout: float
) -> list[dict[str, str]]:
    payload = [
        {
            "module": rc.module_name(root, root / it.file),
            "file": it.file,
            "line": it.line,
            "col": it.col,
            "target": it.target,
            "locations": locations,
        }
        for it in items
    ]
    if not payload:
        return []
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["DAGSTER_HOME"] = str(root / ".dagster_home")
    r = rc.run([python, "-c", VALIDATOR, json.dumps(payload)], root, timeout, env=env)
    try:
        return list(json.loads(r.out.strip().splitlines()[-1]))
    except (ValueError, IndexError):
        status = "timeout" if r.rc is None else "validator failed"
        return [{"status": status, "detail": r.err[-200:]} for _ in items]


def migrate_project(project: rc.Project, args: argparse.Namespace) -> MigrateResult:
    res = MigrateResult(project.name)
    work = Path(args.work) / "migrate" / project.name
    before = rc.working_copy(project.path, work / "before")
    after = rc.working_copy(project.path, work / "after")
    # One run per code location root, as migrate asks when two roots hold the same module
    # names (course weeks, code locations side by side); the whole project when it has one.
    roots = [g.root for g in project.groups] if len(project.groups) > 1 else [""]
    summaries = []
    for root in roots:
        run = rc.run(
            [str(rc.VENV_BIN / "dagwire"), "migrate", "--write", "."], after / root, args.timeout
        )
        summaries.append(
            (run.err.strip().splitlines() or [""])[-1] if run.rc is not None else "timeout"
        )
        res.migrate_errors += [line for line in run.err.splitlines() if line.startswith("error:")]
    res.migrate_summary = " | ".join(summaries)
    b_files = {f.relative_to(before).as_posix(): f for f in rc.walk_py(before)}
    a_files = {f.relative_to(after).as_posix(): f for f in rc.walk_py(after)}
    res.files_changed = sum(
        1 for rel, f in b_files.items() if rel in a_files and rc.read(f) != rc.read(a_files[rel])
    )
    # converted: the marker is gone from the function (its TODO keeps the marker in place)
    mb = {
        (os.path.relpath(k[0], before), k[1]): v
        for k, v in legacy_markers(list(b_files.values())).items()
    }
    ma = {
        (os.path.relpath(k[0], after), k[1]): v
        for k, v in legacy_markers(list(a_files.values())).items()
    }
    for key, marks in mb.items():
        left = ma.get(key, set())
        if "resource" in marks:
            res.resources_before += 1
            res.resources_converted += "resource" not in left
        if "rrk" in marks:
            res.rrk_before += 1
            res.rrk_converted += "rrk" not in left
    for rel, f in a_files.items():
        old = (
            Counter(
                m["code"] + " " + m["text"]
                for line in rc.read(b_files.get(rel, f)).splitlines()
                if (m := TODO.search(line))
            )
            if rel in b_files
            else Counter()
        )
        for line in rc.read(f).splitlines():
            m = TODO.search(line)
            if m:
                entry = m["code"] + " " + m["text"]
                if old[entry] > 0:
                    old[entry] -= 1
                    continue
                res.todos.append(f"{rel}: {entry}")
    if args.load_python:
        for group in project.groups:
            locs = sorted(
                {
                    rc.module_name(before / group.root, before / f)
                    for f in group.location_files
                    if (before / f).exists()
                }
            )
            for mod in locs:
                b = rc.dagster_load(args.load_python, before / group.root, mod, args.timeout)
                a = rc.dagster_load(args.load_python, after / group.root, mod, args.timeout)
                res.loads.append(
                    {
                        "root": group.root or ".",
                        "module": mod,
                        "before": b[0],
                        "after": a[0],
                        "before_detail": b[1][:200],
                        "after_detail": a[1][:200],
                    }
                )
                if b[0] != a[0] or (b[0] == "failed" and _norm(b[1]) != _norm(a[1])):
                    res.behaviour_changes.append(
                        f"load {group.root or '.'}:{mod}: {b[0]} -> {a[0]} " f"({a[1][:200]})"
                    )
            files_b = rc.group_files(before, group)
            lits_b = run_config_literals(before / group.root, files_b)
            lits_a = run_config_literals(after / group.root, rc.group_files(after, group))
            vb = validate(args.load_python, before / group.root, lits_b, locs, args.timeout)
            va = validate(args.load_python, after / group.root, lits_a, locs, args.timeout)
            ordinal: Counter[str] = Counter()
            ord_a: dict[tuple[str, int], dict[str, str]] = {}
            for lit, v in zip(lits_a, va):
                ord_a[(lit.file, ordinal[lit.file])] = v
                ordinal[lit.file] += 1
            ordinal.clear()
            for lit, v in zip(lits_b, vb):
                w = ord_a.get((lit.file, ordinal[lit.file]), {"status": "literal gone"})
                ordinal[lit.file] += 1
                res.run_configs.append(
                    {
                        "root": group.root or ".",
                        "file": lit.file,
                        "line": str(lit.line),
                        "target": str(lit.target),
                        "via": lit.via,
                        "before": v["status"],
                        "after": w["status"],
                        "before_detail": v.get("detail", ""),
                        "after_detail": w.get("detail", ""),
                    }
                )
                if v["status"] in ("valid", "invalid") and v["status"] != w["status"]:
                    res.behaviour_changes.append(
                        f"run config {group.root or '.'}/{lit.file}:{lit.line} for {lit.target}: "
                        f"{v['status']} -> {w['status']} ({w.get('detail', '')[:200]})"
                    )
    if args.test_python:
        for root in test_roots(project, before):
            b, b_note = project_tests(args.test_python, before / root, args.timeout)
            a, a_note = project_tests(args.test_python, after / root, args.timeout)
            res.tests.append({
                "root": root or ".", "total": str(len(b)),
                "passed_before": str(sum(1 for o in b.values() if o == "PASSED")),
                "passed_after": str(sum(1 for o in a.values() if o == "PASSED")),
                "note": b_note or a_note,
            })
            for test, outcome in sorted(b.items()):
                if outcome == "PASSED" and a.get(test) != "PASSED":
                    res.behaviour_changes.append(
                        f"test {root or '.'}/{test}: passed -> {a.get(test, 'not run')}"
                    )
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return res


TEST_OUTCOME = re.compile(r"^(PASSED|FAILED|ERROR|SKIPPED|XFAIL|XPASS) (\S+)")


def project_tests(python: str, root: Path, timeout: float) -> tuple[dict[str, str], str]:
    """Each test id -> its outcome, running the project's own tests with pytest in `root`
    (the root on sys.path, as the code location has it)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("DAGSTER")}
    env["PYTHONPATH"] = str(root)
    env["DAGSTER_HOME"] = str(root / ".dagster_home")
    r = rc.run(
        [python, "-m", "pytest", "-q", "-rA", "-p", "no:cacheprovider", "-o", "addopts="],
        root, timeout, env=env,
    )
    if r.rc is None:
        return {}, "timeout"
    outcomes = {m[2]: m[1] for line in r.out.splitlines() if (m := TEST_OUTCOME.match(line))}
    return outcomes, "" if outcomes else (r.out.strip().splitlines() or ["no output"])[-1][:200]


def test_roots(project: rc.Project, copy: Path) -> list[str]:
    """The roots to run pytest in: the code location roots holding test files."""
    roots = sorted({g.root for g in project.groups}) or [""]
    return [
        root for root in roots
        if any(rc.is_test_path(f.relative_to(copy / root).as_posix())
               for f in rc.walk_py(copy / root))
    ]


def _norm(msg: str) -> str:
    return re.sub(r"/\S+/(before|after)/", "/", msg)


def is_legacy(project: rc.Project) -> bool:
    for f in rc.walk_py(project.path):
        text = rc.read(f)
        if rc.framework_file(text) and LEGACY.search(text):
            return True
    return False


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("dir")
    ap.add_argument("--projects")
    ap.add_argument("--all", action="store_true", help="every project, legacy or not")
    ap.add_argument("--load-python", default=sys.executable)
    ap.add_argument("--timeout", type=float, default=600)
    ap.add_argument(
        "--test-python",
        help="an interpreter with pytest and the projects' dependencies: run each project's "
        "own tests before and after; a test that passed and no longer does is a change",
    )
    ap.add_argument(
        "--work", default=os.path.join(os.path.expanduser("~"), ".cache", "dagwire-real")
    )
    ap.add_argument("--json")
    ap.add_argument("--keep", action="store_true", help="keep the before/after copies under --work")
    ap.add_argument(
        "--from-json",
        metavar="FILE",
        help="print the report from an earlier run's --json (projects still filtered)",
    )
    args = ap.parse_args()
    only = args.projects.split(",") if args.projects else None
    projects = [p for p in rc.load_projects(Path(args.dir), only) if args.all or is_legacy(p)]
    stored = {}
    if args.from_json:
        stored = {d["name"]: d for d in json.loads(Path(args.from_json).read_text())}
    results = []
    for p in projects:
        if args.from_json:
            if p.name not in stored:
                continue
            r = MigrateResult(**stored[p.name])
        else:
            try:
                r = migrate_project(p, args)
            except Exception as exc:  # counted, not fatal
                r = MigrateResult(p.name, migrate_summary=f"benchmark: {type(exc).__name__}: {exc}")
        results.append(r)
        tests = (
            "; tests passing before/after "
            + ", ".join(f"{t['root']}: {t['passed_before']}/{t['passed_after']} of {t['total']}"
                        for t in r.tests)
            if r.tests else ""
        )
        loaded = sum(1 for x in r.loads if x["before"] == "loaded")
        checked = sum(1 for x in r.run_configs if x["before"] in ("valid", "invalid"))
        print(
            f"{r.name}: {r.migrate_summary}; files changed {r.files_changed}; @resource "
            f"{r.resources_converted}/{r.resources_before} converted; required_resource_keys "
            f"{r.rrk_converted}/{r.rrk_before} converted; TODOs {len(r.todos)}; locations loaded "
            f"{loaded}/{len(r.loads)}; run configs validated {checked}/{len(r.run_configs)}; "
            f"behaviour changes {len(r.behaviour_changes)}{tests}",
            flush=True,
        )
        for c in r.behaviour_changes:
            print(f"    CHANGE {c}")
    reasons = Counter(todo_reason(t.split(": ", 1)[1]) for r in results for t in r.todos)
    rb = sum(r.resources_before for r in results)
    rcv = sum(r.resources_converted for r in results)
    kb = sum(r.rrk_before for r in results)
    kc = sum(r.rrk_converted for r in results)
    print()
    print(f"legacy projects: {len(results)}; files changed {sum(r.files_changed for r in results)}")
    print(
        f"@resource functions converted without a TODO: {rcv}/{rb} ({100 * rcv / max(1, rb):.0f}%)"
    )
    print(
        f"required_resource_keys definitions converted without a TODO: {kc}/{kb} "
        f"({100 * kc / max(1, kb):.0f}%)"
    )
    print(f"TODOs: {sum(len(r.todos) for r in results)}, by reason:")
    for reason, n in reasons.most_common():
        print(f"  {n:4}  {reason}")
    loads = [x for r in results for x in r.loads]
    print(
        f"code locations loaded by dagster before migration: "
        f"{sum(1 for x in loads if x['before'] == 'loaded')}/{len(loads)} (projects with one: "
        f"{sum(1 for r in results if any(x['before'] == 'loaded' for x in r.loads))})"
    )
    rcs = [x for r in results for x in r.run_configs]
    print(
        f"run config literals: {len(rcs)}, validated before: "
        f"{sum(1 for x in rcs if x['before'] in ('valid', 'invalid'))} "
        f"({sum(1 for x in rcs if x['before'] == 'valid')} valid)"
    )
    ran = [t for r in results for t in r.tests]
    if ran:
        print(
            f"project tests: {sum(int(t['total']) for t in ran)} in {len(ran)} roots, passing "
            f"before {sum(int(t['passed_before']) for t in ran)}, after "
            f"{sum(int(t['passed_after']) for t in ran)}"
        )
    changed = [r.name for r in results if r.behaviour_changes]
    print(
        f"projects whose load, run-config validation or tests differ: {len(changed)} {changed}"
    )
    if args.json:
        Path(args.json).write_text(json.dumps([asdict(r) for r in results], indent=1))
    print(
        f"SUMMARY legacy_projects={len(results)} resources_converted={rcv}/{rb} "
        f"rrk_converted={kc}/{kb} todos={sum(len(r.todos) for r in results)} "
        f"behaviour_changes={len(changed)}"
    )


if __name__ == "__main__":
    main()
