"""The checkers on real Dagster projects: findings, internal errors, plugin cost, recall.

Usage:
    python benchmarks/real_projects.py DIR [--projects NAME,...] [--quick] [--jobs N]
        [--timeout S] [--work PATH] [--no-inject] [--all-keys] [--load-python PYTHON]
        [--max-injections N] [--json FILE] [--show-findings]
    python benchmarks/real_projects.py DIR --from-json FILE... [--json FILE]
    (both forms take [--triaged FILE], default DIR/triaged.json when it exists)

DIR holds one folder per project (a checkout of any Dagster project; nothing is installed).
Code locations are found by the files that build `Definitions`, `@repository`,
`@definitions` or `load_from_defs_folder`/`load_defs`: the package holding such a file (up
through `__init__.py`, relative imports, imports of the folder's own name and dg `defs/`
folders) and the folder it is imported from (its root). One root is one mypy run. An
project's `workspace.yaml` (`working_directory`) names its roots when it has one. An optional
`DIR/locations.json` overrides this per project, and lists folders that are not projects:
`{"project": [{"root": "src", "targets": ["pkg", "tests"]}], "_skip": ["notes"]}`.

For every project:
1. flake8 with the RSC rules on the whole project folder (`--isolated --select=RSC`).
2. mypy on each root, plain and with `plugins = dagwire.mypy_plugin`, back to back, both
   from a cache that already holds dagster (analysed once per mypy/dagster/checker
   version, under --work), so the pair measures the project's own modules. Options:
   `ignore_missing_imports` and `follow_imports = silent` (the project's dependencies are
   not installed: they become Any; dagster comes from this interpreter's environment),
   `check_untyped_defs` (bodies of unannotated functions are where `context.resources`
   and run config live), `explicit_package_bases`; `mypy_path` holds the folders the root's
   files import their own top-level modules from, as the project installed or run from its
   working directory would have them (`real_corpus.import_paths`: a `src/` layout's `src/`
   for `examples/` and `infra/` at the top, a location's own subfolder when it imports its
   siblings by their top-level names); dagster's loads get the same folders as
   `PYTHONPATH`. The plugin's CPU ratio is the CPU time (user + system) of the plugin run
   over the plain run.
3. Injected bugs: for every binding site with a literal resource dict (`Definitions(resources=
   {...})`, `@job(resource_defs={...})`, `.to_job(resource_defs=...)`, `with_resources`,
   `materialize`, `execute_in_process(resources=...)`, inline or a module-level dict of the
   same file), delete one key that something the site includes requires (a resource
   parameter, `required_resource_keys` or `io_manager_key` naming it, of an asset, op,
   sensor, schedule or resource the site lists, or reaches through a job's ops; every one
   of the root when the site lists through a loader or a variable), on a working copy; rerun
   flake8 on the root and mypy with the plugin (incremental, from that root's cache); count
   whether each reports THAT key in a finding it did not report before. Where the module of
   the site imports under `--load-python` (an interpreter with dagster and whatever of the
   project's dependencies you installed), dagster confirms the bug: the module loads (every
   `Definitions`/repository validated) before the deletion and fails, naming the key, after.
   Recall is printed over all injections and over the dagster-confirmed ones.
   Injections that dagster loads fine without the key are left out of the recall, and so
   are those listed in `DIR/triaged.json` (or `--triaged FILE`): injections whose module
   dagster cannot load here, judged by reading the code not to be failures, each with its
   reason: `{"project": [{"file": "pkg/defs.py", "key": "db", "reason": "..."}]}` (the
   file as the JSON results name it; an optional `"site"`, e.g. `"execute_in_process"`).

`--max-injections N` (default 30): at most N sites per project, taken evenly through it.
`--quick`: no plain mypy (no ratio), no dagster loads, at most 3 injections per project.
`--json FILE` writes every number and finding (for triage), and one FILE.<project>.json per
project as it finishes; `--from-json` prints the report again from such files (to combine
a rerun of some projects with an earlier run of the others). Each tool run has a timeout; a
crash or timeout is counted as an internal error, never fatal. The last line is the summary.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import sys
import threading
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TypeVar

sys.path.insert(0, str(Path(__file__).resolve().parent))

import real_corpus as rc  # noqa: E402
import real_sites as rs  # noqa: E402

PRINT_LOCK = threading.Lock()
T = TypeVar("T")
LOADS_FOLDER = re.compile(r"\bload_from_defs_folder\b|\bload_defs\b|\bbuild_component_defs\b")


@dataclass
class Injection:
    project: str
    root: str
    file: str
    line: int
    site: str
    key: str
    required_by: list[str]
    in_function: bool
    dict_where: str
    flake8: bool = False
    mypy: bool = False
    flake8_findings: list[str] = field(default_factory=list)
    mypy_findings: list[str] = field(default_factory=list)
    dagster: str = "not loaded"  # confirmed | not a failure | not loaded (...)
    error: str = ""


@dataclass
class ProjectResult:
    name: str
    roots: list[str]
    files: int = 0
    lines: int = 0
    flake8: list[dict[str, object]] = field(default_factory=list)
    mypy: list[dict[str, object]] = field(default_factory=list)
    mypy_plugin_other: list[dict[str, object]] = field(default_factory=list)
    internal: list[str] = field(default_factory=list)
    cpu_plain: float = 0.0
    cpu_plugin: float = 0.0
    flake8_cpu: float = 0.0
    injections: list[Injection] = field(default_factory=list)
    sites: int = 0
    sites_without_required_key: int = 0
    eligible_sites: int = 0


def say(msg: str) -> None:
    with PRINT_LOCK:
        print(msg, flush=True)


def is_dagwire(code: str) -> bool:
    return code.startswith("dagwire")


def reports_key(
    findings: list[rc.Finding], key: str, before: Counter[tuple[str, str, str]]
) -> list[str]:
    new: list[str] = []
    seen: Counter[tuple[str, str, str]] = Counter()
    for f in findings:
        seen[f.key()] += 1
        if seen[f.key()] <= before[f.key()]:
            continue
        if f.code.startswith("RSC1") or is_dagwire(f.code):
            if f"'{key}'" in f.message or f'"{key}"' in f.message:
                new.append(f"{f.path}:{f.line}: {f.code} {f.message}")
    return new


def check_project(
    project: rc.Project, args: argparse.Namespace, seeds: dict[bool, Path]
) -> ProjectResult:
    res = ProjectResult(project.name, [g.root or "." for g in project.groups])
    work = Path(args.work) / "projects" / project.name
    work.mkdir(parents=True, exist_ok=True)
    copy = rc.working_copy(project.path, work / "tree")
    every = rc.walk_py(copy)
    res.files = len(every)
    res.lines = sum(rc.read(f).count("\n") for f in every)

    findings, internal, run = rc.flake8(["."], copy, args.timeout, copy)
    res.flake8 = [asdict(f) for f in findings]
    res.internal += [f"flake8: {m}" for m in internal]
    res.flake8_cpu = run.cpu

    for gi, group in enumerate(project.groups):
        root = copy / group.root
        targets = [t for t in group.targets if (root / t).exists()]
        if not targets:
            continue
        search = rc.import_paths(copy, group, project.groups)
        configs = {
            p: rc.mypy_config(work / f"mypy-{gi}-{'plugin' if p else 'plain'}.ini", p, search)
            for p in (False, True)
        }
        caches: dict[bool, Path] = {}
        plain_found: set[tuple[str, str, str]] = set()
        for plugin in () if args.no_mypy else (False, True) if not args.quick else (True,):
            caches[plugin] = rc.fresh_cache(seeds[plugin], work / f"cache-{gi}-{plugin}")
            found, internal, run = rc.mypy(
                targets, root, caches[plugin], configs[plugin], args.timeout, copy
            )
            if plugin:
                res.cpu_plugin += run.cpu
                res.internal += [f"mypy {group.root or '.'}: {m}" for m in internal]
                res.mypy += [asdict(f) for f in found if is_dagwire(f.code)]
                plain_keys = plain_found
                res.mypy_plugin_other += [
                    asdict(f) for f in found if not is_dagwire(f.code) and f.key() not in plain_keys
                ]
            else:
                res.cpu_plain += run.cpu
                if run.rc is None or internal:
                    res.internal += [f"plain mypy {group.root or '.'}: {m}" for m in internal]
                plain_found = {f.key() for f in found}
        if args.no_inject:
            continue
        inject_group(project, group, copy, caches.get(True), configs[True], search, args, res)
    return res


def inject_group(
    project: rc.Project,
    group: rc.Group,
    copy: Path,
    cache: Path | None,
    config: Path,
    search: list[Path],
    args: argparse.Namespace,
    res: ProjectResult,
) -> None:
    root = copy / group.root
    targets = [t for t in group.targets if (root / t).exists()]
    files = rc.group_files(copy, group)
    facts, classes = rs.collect(root, files)
    reqs = rs.requirers(facts, classes)
    all_sites = rs.sites(facts)
    merged = rs.merges_parts(facts)
    res.sites += len(all_sites)
    flake8_paths = targets
    base_f8, _, _ = rc.flake8(flake8_paths, root, args.timeout, copy)
    before_f8 = Counter(f.key() for f in base_f8)
    base_my, _, _ = (
        rc.mypy(targets, root, cache, config, args.timeout, copy) if cache else ([], [], None)
    )
    before_my = Counter(f.key() for f in base_my)
    loads: dict[str, tuple[str, str]] = {}
    eligible = []
    for site in all_sites:
        needed = rs.required_by_site(site, reqs, all_sites, merged, facts)
        if any(k in needed for k in site.keys):
            eligible.append((site, needed))
        else:
            res.sites_without_required_key += 1
    res.eligible_sites += len(eligible)
    limit = 3 if args.quick else args.max_injections
    share = max(3, limit // max(1, len(project.groups)))
    for site, needed in spread(eligible, min(share, limit - len(res.injections))):
        keys = [k for k in site.keys if k in needed]
        for key in keys if args.all_keys else keys[:1]:
            inj = Injection(
                project.name,
                group.root or ".",
                site.file,
                site.line,
                site.kind,
                key,
                [f"{r.kind} {r.name} ({r.keys[key]})" for r in needed[key]],
                site.in_function,
                site.dict_where,
            )
            path = root / site.file
            original = path.read_text(encoding="utf-8")
            mutated = rs.delete_key(original, site.spans[key])
            try:
                compile(mutated, str(path), "exec")
            except SyntaxError as exc:
                inj.error = f"deletion does not parse: {exc}"
                res.injections.append(inj)
                continue
            # what dagster loads to see this site: its module, or for a dg @definitions
            # function the modules that load the defs folder
            modules = [rc.module_name(root, path)]
            if site.in_definitions_function:
                modules = (
                    sorted(
                        {
                            rc.module_name(root, copy / f)
                            for f in group.location_files
                            if LOADS_FOLDER.search(rc.read(copy / f))
                        }
                    )
                    or modules
                )
            if not args.quick and args.load_python:
                for module in modules:
                    if module not in loads:
                        loads[module] = rc.dagster_load(
                            args.load_python, root, module, args.timeout, search
                        )
            try:
                path.write_text(mutated, encoding="utf-8")
                f8, f8_int, _ = rc.flake8(flake8_paths, root, args.timeout, copy)
                my, my_int, _ = (
                    rc.mypy(targets, root, cache, config, args.timeout, copy)
                    if cache
                    else ([], [], None)
                )
                inj.flake8_findings = reports_key(f8, key, before_f8)
                inj.mypy_findings = reports_key(my, key, before_my)
                inj.flake8, inj.mypy = bool(inj.flake8_findings), bool(inj.mypy_findings)
                if f8_int or my_int:
                    inj.error = "; ".join(f8_int + my_int)[:500]
                if all(m in loads for m in modules):
                    inj.dagster = confirm(
                        loads, modules, site, key, root, search, args, inj.required_by
                    )
            finally:
                path.write_text(original, encoding="utf-8")
            res.injections.append(inj)


def spread(items: list[T], limit: int) -> list[T]:
    """At most `limit` sites, taken evenly through the list (files in path order): a big
    project must not outweigh the others, nor cost hours."""
    if limit <= 0:
        return []
    if len(items) <= limit:
        return items
    return [items[(i * len(items)) // limit] for i in range(limit)]


def confirm(
    loads: dict[str, tuple[str, str]],
    modules: list[str],
    site: rs.Site,
    key: str,
    root: Path,
    search: list[Path],
    args: argparse.Namespace,
    site_requirers: list[str],
) -> str:
    """What dagster says of the deleted key: the modules loaded before, and now?"""
    failed_before = [loads[m][1] for m in modules if loads[m][0] != "loaded"]
    if failed_before:
        return f"not loaded ({failed_before[0][:120]})"
    if site.in_function and not site.in_definitions_function:
        return "not loaded (the site is inside a function)"
    afters = [rc.dagster_load(args.load_python, root, m, args.timeout, search) for m in modules]
    failed = [a[1] for a in afters if a[0] != "loaded"]
    if any(f"'{key}'" in d or f'"{key}"' in d for d in failed):
        return "confirmed"
    if failed:
        return f"failed, key not named ({failed[0][:160]})"
    if site_requirers and all(r.startswith(("sensor ", "schedule ")) for r in site_requirers):
        return "tick-time failure (only sensors or schedules require it: dagster checks at tick)"
    return "not a failure"


TRIAGED = "not a failure (judged by hand: "


def apply_triage(results: list[ProjectResult], path: Path) -> None:
    """Mark the injections judged by hand not to be failures. A verdict of dagster's own
    wins over the hand's: such an entry is reported and ignored."""
    if not path.exists():
        return
    table = json.loads(path.read_text())
    for r in results:
        for entry in table.get(r.name, []):
            hits = [
                i
                for i in r.injections
                if (i.file, i.key) == (entry["file"], entry["key"])
                and entry.get("site", i.site) == i.site
            ]
            if not hits:
                print(f"triage entry matches no injection: {r.name} {entry['file']} {entry['key']}")
            for inj in hits:
                if inj.dagster.startswith("not loaded"):
                    inj.dagster = f"{TRIAGED}{entry['reason']})"
                elif not inj.dagster.startswith("not a failure"):
                    print(
                        f"triage entry ignored, dagster says {inj.dagster!r}: "
                        f"{r.name} {inj.file} {inj.key}"
                    )


def pct(n: int, d: int) -> str:
    return f"{n}/{d} ({100 * n / d:.0f}%)" if d else "0/0"


def report(results: list[ProjectResult], args: argparse.Namespace) -> None:
    tot_f8: Counter[str] = Counter()
    tot_my: Counter[str] = Counter()
    print()
    print(f"{'project':48} {'files':>5} {'lines':>6}  flake8 RSC findings / mypy dagwire findings")
    for r in results:
        f8 = Counter(str(f["code"]) for f in r.flake8)
        my = Counter(str(f["code"]) for f in r.mypy)
        tot_f8 += f8
        tot_my += my
        ratio = f"{r.cpu_plugin / r.cpu_plain:.3f}x" if r.cpu_plain else "-"
        inj = r.injections
        print(
            f"{r.name:48} {r.files:5} {r.lines:6}  "
            f"flake8 {dict(sorted(f8.items())) or '-'}  mypy {dict(sorted(my.items())) or '-'}"
        )
        print(
            f"{'':48} roots {', '.join(r.roots)}; plugin CPU {r.cpu_plugin:.1f}s / plain "
            f"{r.cpu_plain:.1f}s = {ratio}; internal errors {len(r.internal)}; injections "
            f"{len(inj)}: flake8 {sum(i.flake8 for i in inj)}, mypy {sum(i.mypy for i in inj)}"
        )
        for m in r.internal[:5]:
            print(f"{'':48}   internal: {m[:200]}")
        if r.mypy_plugin_other:
            print(f"{'':48}   other mypy errors only with the plugin: {len(r.mypy_plugin_other)}")
        if args.show_findings:
            for f in r.flake8 + r.mypy:
                print(f"    {f['path']}:{f['line']}: {f['code']} {f['message']}")
    injections = [i for r in results for i in r.injections]
    valid = [i for i in injections if not i.error.startswith("deletion")]
    confirmed = [i for i in valid if i.dagster == "confirmed"]
    not_bug = [i for i in valid if i.dagster == "not a failure"]
    by_hand = [i for i in valid if i.dagster.startswith(TRIAGED)]
    counted = [i for i in valid if not i.dagster.startswith("not a failure")]
    plain = sum(r.cpu_plain for r in results)
    plug = sum(r.cpu_plugin for r in results)
    ratios = sorted(r.cpu_plugin / r.cpu_plain for r in results if r.cpu_plain > 0.5)
    print()
    print(
        f"projects {len(results)}, roots {sum(len(r.roots) for r in results)}, "
        f"files {sum(r.files for r in results)}, lines {sum(r.lines for r in results)}"
    )
    print(f"flake8 RSC findings: {sum(tot_f8.values())} {dict(sorted(tot_f8.items()))}")
    print(f"mypy dagwire findings: {sum(tot_my.values())} {dict(sorted(tot_my.items()))}")
    print(
        f"other mypy errors that only the plugin run has: "
        f"{sum(len(r.mypy_plugin_other) for r in results)}"
    )
    print(f"internal errors: {sum(len(r.internal) for r in results)}")
    if plain:
        med = ratios[len(ratios) // 2] if ratios else 0.0
        print(
            f"plugin CPU: {plug:.1f}s vs plain {plain:.1f}s = {plug / plain:.3f}x "
            f"(median per project {med:.3f}x over {len(ratios)} projects)"
        )
    print(
        f"binding sites with a literal dict: {sum(r.sites for r in results)}, of which "
        f"{sum(r.sites_without_required_key for r in results)} bind no key found required; "
        f"{sum(r.eligible_sites for r in results)} eligible, at most {args.max_injections} "
        f"injected per project"
    )
    print(
        f"injections: {len(valid)} ({len(confirmed)} confirmed by dagster; left out: "
        f"{len(not_bug)} that dagster loads fine, {len(by_hand)} judged by hand not failures)"
    )
    print(
        f"recall flake8 {pct(sum(i.flake8 for i in counted), len(counted))}, "
        f"mypy {pct(sum(i.mypy for i in counted), len(counted))}; "
        f"confirmed only: flake8 {pct(sum(i.flake8 for i in confirmed), len(confirmed))}, "
        f"mypy {pct(sum(i.mypy for i in confirmed), len(confirmed))}"
    )
    if args.json:
        Path(args.json).write_text(json.dumps([asdict(r) for r in results], indent=1))
    print(
        f"SUMMARY projects={len(results)} flake8_findings={sum(tot_f8.values())} "
        f"mypy_findings={sum(tot_my.values())} internal={sum(len(r.internal) for r in results)} "
        f"plugin_cpu_ratio={plug / plain if plain else 0:.3f} injections={len(counted)} "
        f"recall_flake8={sum(i.flake8 for i in counted) / max(1, len(counted)):.2f} "
        f"recall_mypy={sum(i.mypy for i in counted) / max(1, len(counted)):.2f}"
    )


def result_from_dict(d: dict[str, object]) -> ProjectResult:
    injections = [Injection(**i) for i in d.pop("injections")]  # type: ignore[arg-type]
    r = ProjectResult(**d)  # type: ignore[arg-type]
    r.injections = injections
    return r


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("dir")
    ap.add_argument("--projects", help="comma-separated parts of project folder names")
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1))
    ap.add_argument("--timeout", type=float, default=900)
    ap.add_argument(
        "--work", default=os.path.join(os.path.expanduser("~"), ".cache", "dagwire-real")
    )
    ap.add_argument("--no-inject", action="store_true")
    ap.add_argument(
        "--no-mypy", action="store_true", help="flake8 only: no mypy runs (no plugin numbers)"
    )
    ap.add_argument("--all-keys", action="store_true", help="inject every required key of a site")
    ap.add_argument(
        "--max-injections",
        type=int,
        default=30,
        help="per project, sites taken evenly through it (default 30)",
    )
    ap.add_argument(
        "--load-python",
        default=sys.executable,
        help="interpreter with dagster for confirming injections ('' = none)",
    )
    ap.add_argument("--json")
    ap.add_argument(
        "--triaged",
        help="injections judged by hand not to be failures (default DIR/triaged.json)",
    )
    ap.add_argument("--show-findings", action="store_true")
    ap.add_argument(
        "--from-json",
        nargs="+",
        metavar="FILE",
        help="print the report from per-project result files of earlier runs (no run)",
    )
    args = ap.parse_args()
    triaged = Path(args.triaged) if args.triaged else Path(args.dir) / "triaged.json"
    if args.from_json:
        stored = [result_from_dict(json.loads(Path(f).read_text())) for f in args.from_json]
        apply_triage(stored, triaged)
        report(stored, args)
        return
    only = args.projects.split(",") if args.projects else None
    projects = rc.load_projects(Path(args.dir), only)
    if not projects:
        raise SystemExit(f"no project folders in {args.dir}")
    Path(args.work).mkdir(parents=True, exist_ok=True)
    seeds = (
        {}
        if args.no_mypy
        else {p: rc.seed_cache(Path(args.work), p, args.timeout) for p in (False, True)}
    )

    def one(p: rc.Project) -> ProjectResult:
        try:
            r = check_project(p, args, seeds)
            if args.json:
                part = Path(args.json).with_suffix(f".{p.name}.json")
                part.write_text(json.dumps(asdict(r), indent=1))
        except Exception as exc:  # a project that breaks the benchmark is counted, not fatal
            r = ProjectResult(p.name, [g.root or "." for g in p.groups])
            r.internal.append(f"benchmark: {type(exc).__name__}: {exc}")
        finally:
            shutil.rmtree(Path(args.work) / "projects" / p.name, ignore_errors=True)
        say(
            f"done {p.name}: {len(r.flake8)} flake8, {len(r.mypy)} mypy, "
            f"{len(r.injections)} injections, {len(r.internal)} internal"
        )
        return r

    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        results = list(pool.map(one, projects))
    apply_triage(results, triaged)
    report(results, args)


if __name__ == "__main__":
    main()
