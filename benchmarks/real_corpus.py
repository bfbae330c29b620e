"""A folder of real Dagster projects, as the real-project benchmarks see it.

`real_projects.py` (checkers) and `real_migrate.py` (migration) both need the same things:
which folders are projects, where a project's code locations are (the packages a
`Definitions` or `@repository` lives in, and the folder they are imported from), working
copies, tool runs with a timeout and their CPU time, and dagster loads in a subprocess.
They live here once. Nothing here imports the projects: they are parsed (`ast`) or run in
child processes.
"""

from __future__ import annotations

import ast
import hashlib
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator, Sequence

REPO = Path(__file__).resolve().parents[1]
VENV_BIN = Path(sys.executable).parent
SKIP_DIRS = {
    ".git",
    ".venv",
    "venv",
    "env",
    "node_modules",
    "__pycache__",
    "build",
    "dist",
    ".tox",
    "site-packages",
    "dbt_packages",
    "target",
    ".mypy_cache",
    ".pytest_cache",
    "logs",
}
TEST_PARTS = re.compile(
    r"(^|/)(tests?|[^/]*_tests)(/|$)|(^|/)(test_[^/]*|[^/]*_test|conftest)\.py$"
)
LOCATION_MARK = re.compile(
    r"\bDefinitions\s*\(|@\s*(?:\w+\.)?repository\b|@\s*(?:\w+\.)?definitions\b"
    r"|\bload_from_defs_folder\b|\bload_defs\b|\bDefinitions\.merge\b"
)
FRAMEWORK_IMPORT = re.compile(r"^\s*(from|import)\s+(dagster|dagwire)\b", re.M)
MANIFEST = "locations.json"


@dataclass
class Group:
    """One code location root: a folder put on sys.path and the packages/modules under it."""

    project: str
    root: str  # relative to the project folder ("" = the project folder itself)
    targets: list[str]  # relative to root: top package folders or top-level module files
    location_files: list[str] = field(default_factory=list)  # relative to the project

    @property
    def label(self) -> str:
        return f"{self.project}:{self.root or '.'}"


@dataclass
class Project:
    name: str
    path: Path
    groups: list[Group]


def walk_py(top: Path) -> list[Path]:
    found: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(top):
        dirnames[:] = sorted(d for d in dirnames if d not in SKIP_DIRS and not d.startswith("."))
        found += [Path(dirpath, f) for f in sorted(filenames) if f.endswith(".py")]
    return found


def read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""


def is_test_path(rel: str) -> bool:
    return bool(TEST_PARTS.search(rel.replace(os.sep, "/")))


def _package_top(file: Path, project: Path, text: str) -> Path:
    """The outermost folder of the package holding `file`: folders with `__init__.py`, ones
    the file imports by name or reaches with a relative import, and the folder holding a dg
    `defs/` folder (dg and src layouts often have no `__init__.py`)."""
    floor = file.parent
    levels = [len(m) for m in re.findall(r"^\s*from\s+(\.+)", text, re.M)]
    for _ in range(max(levels, default=1) - 1):
        if floor.parent == project:
            break
        floor = floor.parent
    rel_parts = file.relative_to(project).parts
    if "defs" in rel_parts[:-1]:
        i = rel_parts.index("defs")
        if i > 0:
            defs_owner = project.joinpath(*rel_parts[:i])
            if len(defs_owner.parts) < len(floor.parts):
                floor = defs_owner
    top = file if floor == file.parent and not (floor / "__init__.py").exists() else floor
    cur = file.parent
    while cur != project and cur.parent != cur and cur.name.isidentifier():
        named = cur.name not in ("dagster", "dagwire") and re.search(
            rf"^\s*(from|import)\s+{re.escape(cur.name)}\b", text, re.M
        )
        inside_floor = len(cur.parts) >= len(floor.parts) and cur.is_relative_to(floor)
        if (cur / "__init__.py").exists() or named or inside_floor:
            top = cur
            cur = cur.parent
        else:
            break
    return top


def workspace_roots(path: Path) -> dict[str, set[str]]:
    """root -> packages, from the project's workspace.yaml files (`working_directory` and
    `package_name`/`module_name`): where the project says its code locations are imported
    from. Every package of such a folder is a target (locations import their siblings)."""
    try:
        import yaml  # dagster's dependency: present wherever this benchmark runs
    except ImportError:
        return {}
    roots: dict[str, set[str]] = {}
    for ws in sorted(path.rglob("workspace.yaml")):
        if any(part in SKIP_DIRS for part in ws.relative_to(path).parts):
            continue
        try:
            data = yaml.safe_load(ws.read_text()) or {}
        except Exception:
            continue
        for entry in data.get("load_from") or []:
            if not isinstance(entry, dict):
                continue
            for spec in entry.values():
                if not isinstance(spec, dict) or "working_directory" not in spec:
                    continue
                wd = (ws.parent / str(spec["working_directory"])).resolve()
                wd = wd.parent if wd.suffix == ".py" else wd
                if not wd.is_dir() or not wd.is_relative_to(path.resolve()):
                    continue
                root = wd.relative_to(path.resolve()).as_posix()
                root = "" if root == "." else root
                pkgs = roots.setdefault(root, set())
                for child in wd.iterdir():
                    if (
                        child.is_dir()
                        and (child / "__init__.py").exists()
                        and child.name.isidentifier()
                    ):
                        pkgs.add(child.name)
    return {r: p for r, p in roots.items() if p}


def discover_groups(name: str, path: Path) -> list[Group]:
    by_root: dict[str, Group] = {
        root: Group(name, root, sorted(pkgs)) for root, pkgs in workspace_roots(path).items()
    }
    for file in walk_py(path):
        rel = file.relative_to(path).as_posix()
        if is_test_path(rel):
            continue
        owner = next(
            (
                g
                for r, g in by_root.items()
                if g.targets
                and any(rel.startswith(f"{r}/{t}/" if r else f"{t}/") for t in g.targets)
            ),
            None,
        )
        if owner is not None:
            text = read(file)
            if framework_file(text) and LOCATION_MARK.search(text):
                owner.location_files.append(rel)
            continue
        text = read(file)
        if not FRAMEWORK_IMPORT.search(text) or not LOCATION_MARK.search(text):
            continue
        top = _package_top(file, path, text)
        root = top.parent.relative_to(path).as_posix()
        root = "" if root == "." else root
        group = by_root.setdefault(root, Group(name, root, []))
        target = top.name
        if target not in group.targets:
            group.targets.append(target)
        group.location_files.append(rel)
    groups = []
    for root, group in sorted(by_root.items()):
        base = path / root
        # tests beside the packages bind resources too (materialize, execute_in_process)
        for extra in ("tests", "test"):
            if (base / extra).is_dir() and extra not in group.targets:
                group.targets.append(extra)
        # mypy stops on a folder without Python files: leave such targets out
        group.targets = sorted(
            t for t in group.targets if (base / t).is_file() or walk_py(base / t)
        )
        groups.append(group)
    return _drop_nested(groups)


def _drop_nested(groups: list[Group]) -> list[Group]:
    """A root inside another group's package would make mypy see one module twice."""
    kept: list[Group] = []
    for g in groups:
        inside = any(
            o is not g and (g.root + "/").startswith((o.root + "/" if o.root else "") + t + "/")
            for o in groups
            for t in o.targets
        )
        if not inside:
            kept.append(g)
    return kept


def load_projects(folder: Path, only: list[str] | None = None) -> list[Project]:
    manifest_path = folder / MANIFEST
    manifest = json.loads(manifest_path.read_text()) if manifest_path.exists() else {}
    skip = set(manifest.pop("_skip", []))
    projects = []
    for sub in sorted(p for p in folder.iterdir() if p.is_dir() and not p.name.startswith(".")):
        if sub.name in skip:
            continue
        if only and not any(o in sub.name for o in only):
            continue
        if sub.name in manifest:
            groups = [
                Group(sub.name, g["root"], g["targets"], g.get("locations", []))
                for g in manifest[sub.name]
            ]
        else:
            groups = discover_groups(sub.name, sub)
        projects.append(Project(sub.name, sub, groups))
    return projects


def import_paths(project_path: Path, group: Group, groups: list[Group]) -> list[Path]:
    """Folders a root's files import top-level modules from, other than the root itself: what
    an installed project or a code location's working directory puts on `sys.path`. mypy gets
    them as `mypy_path`, dagster's loads as `PYTHONPATH`.

    For each absolute import of a top-level name that neither the root (`X.py` or `X/`) nor
    this interpreter (the stdlib, dagster, ...) provides, the first folder that holds it, of:
    the importing file's own folder and those above it up to the root (a working directory:
    `dagster dev -f project/repo.py` beside `project/ops/`), then the project's `src/` and
    its other roots (an installed package: `from cfa_dagster import ...` in `examples/` of a
    `src/` layout). Never taken, since mypy would then see one module under two names or
    two modules under one: a folder inside a regular package (with `__init__.py`), one whose
    own name a file imports, one whose top-level names clash with the root's or with another
    folder taken, or with a module this interpreter has (a project's own `dagster/` folder);
    and a file's own folder when the module found is that file (`airflow.py` importing the
    `airflow` library).
    """
    root = project_path / group.root
    imported_dirs: set[str] = set()
    wanted: list[tuple[Path, str]] = []
    for f in group_files(project_path, group):
        tree = parse(f)
        if tree is None:
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                top = name.split(".")[0]
                imported_dirs.add(top)
                if not _holds(root, top) and not _provided_here(top):
                    wanted.append((f, top))
    installed = [project_path / "src"] + [
        project_path / g.root for g in groups if g is not group and g.root != group.root
    ]
    taken = _top_names(root)
    found: list[Path] = []
    for f, top in wanted:
        here = [d for d in f.parents if d != root and d.is_relative_to(root)]
        for d in [*here, *installed]:
            if not d.is_dir() or d == root or not _holds(d, top):
                continue
            if d in found or d == f.parent and f.stem == top:
                break
            provides = _top_names(d)
            if (
                d.name in imported_dirs
                or _in_regular_package(d, root)
                or provides & taken
                or any(_provided_here(n) for n in provides)
            ):
                break
            found.append(d)
            taken |= provides
            break
    return found


def _holds(folder: Path, top: str) -> bool:
    return (folder / f"{top}.py").is_file() or (folder / top).is_dir()


def _top_names(folder: Path) -> set[str]:
    """The top-level module names a folder on the search path provides."""
    return {
        p.stem if p.suffix == ".py" else p.name
        for p in folder.iterdir()
        if (p.suffix == ".py" and p.is_file()) or (p.is_dir() and p.name.isidentifier())
    }


def _provided_here(top: str) -> bool:
    """A top-level module this interpreter has: it would shadow nothing of the project's."""
    if top in sys.stdlib_module_names:
        return True
    try:
        return importlib.util.find_spec(top) is not None
    except (ImportError, ValueError):
        return False


def _in_regular_package(folder: Path, root: Path) -> bool:
    return any(
        (d / "__init__.py").exists()
        for d in (folder, *folder.parents)
        if d.is_relative_to(root) and d != root
    )


def group_files(project_path: Path, group: Group) -> list[Path]:
    base = project_path / group.root
    files: list[Path] = []
    for t in group.targets:
        p = base / t
        files += [p] if p.is_file() else walk_py(p)
    return files


def working_copy(src: Path, dst: Path) -> Path:
    """A copy to mutate: sources and small data files (dg components read their yaml)."""
    if dst.exists():
        shutil.rmtree(dst)

    def ignore(d: str, names: list[str]) -> set[str]:
        out = {n for n in names if n in SKIP_DIRS or n.startswith(".")}
        for n in names:
            p = Path(d, n)
            if p.is_file() and p.stat().st_size > 4_000_000:
                out.add(n)
        return out

    shutil.copytree(src, dst, ignore=ignore, symlinks=True)
    return dst


# ---------------------------------------------------------------- running tools


@dataclass
class Run:
    rc: int | None  # None: timed out
    out: str
    err: str
    cpu: float  # user + system of the child
    wall: float


def run(cmd: list[str], cwd: Path, timeout: float, env: dict[str, str] | None = None) -> Run:
    start = time.perf_counter()
    proc = subprocess.Popen(
        cmd,
        cwd=cwd,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        out, err = proc.communicate(timeout=timeout)
        rc: int | None = proc.returncode
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, 9)
        out, err = proc.communicate()
        rc = None
    return Run(rc, out, err, 0.0, time.perf_counter() - start)  # CPU: see run_timed


def run_timed(cmd: list[str], cwd: Path, timeout: float, env: dict[str, str] | None = None) -> Run:
    """`run` with the child's own CPU time (wait4), safe with other threads running."""
    start = time.perf_counter()
    out_f = Path(tempfile.gettempdir()) / f"rp-out-{os.getpid()}-{time.monotonic_ns()}"
    err_f = out_f.with_suffix(".err")
    with open(out_f, "w") as o, open(err_f, "w") as e:
        proc = subprocess.Popen(
            cmd, cwd=cwd, env=env, stdout=o, stderr=e, text=True, start_new_session=True
        )
        deadline = start + timeout
        rc: int | None = None
        cpu = 0.0
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                rc = os.waitstatus_to_exitcode(status)
                cpu = usage.ru_utime + usage.ru_stime
                proc.returncode = rc
                break
            if time.perf_counter() > deadline:
                os.killpg(proc.pid, 9)
                _, status, usage = os.wait4(proc.pid, 0)
                proc.returncode = -9
                cpu = usage.ru_utime + usage.ru_stime
                break
            time.sleep(0.02)
    out, err = read(out_f), read(err_f)
    out_f.unlink()
    err_f.unlink()
    return Run(rc, out, err, cpu, time.perf_counter() - start)


@dataclass(frozen=True)
class Finding:
    path: str
    line: int
    code: str
    message: str

    def key(self) -> tuple[str, str, str]:
        """Line numbers move when a test edit deletes lines: compare without them."""
        return (self.path, self.code, self.message)


FLAKE8_LINE = re.compile(r"^(?P<path>.+?):(?P<line>\d+):\d+: (?P<code>RSC\d+) (?P<msg>.*)$")
MYPY_LINE = re.compile(
    r"^(?P<path>[^:\n]+):(?P<line>\d+)(?::\d+)?: (?P<sev>error|note): (?P<msg>.*?)"
    r"(?:  \[(?P<code>[\w-]+)\])?$"
)


def flake8(
    paths: list[str], cwd: Path, timeout: float, rel_to: Path
) -> tuple[list[Finding], list[str], Run]:
    cmd = [
        str(VENV_BIN / "flake8"),
        "--isolated",
        "--select=RSC",
        "--jobs=1",
        "--extend-exclude=" + ",".join(sorted(SKIP_DIRS)),
        *paths,
    ]
    r = run_timed(cmd, cwd, timeout)
    findings, internal = [], []
    for line in r.out.splitlines():
        m = FLAKE8_LINE.match(line)
        if not m:
            continue
        path = _rel(cwd / m["path"], rel_to)
        f = Finding(path, int(m["line"]), m["code"], m["msg"])
        if f.code == "RSC000":
            internal.append(f"{path}: {f.message}")
        else:
            findings.append(f)
    if r.rc is None:
        internal.append(f"flake8 timed out after {timeout:.0f}s")
    elif r.rc not in (0, 1) or "Traceback" in r.err:
        tail = r.err.strip().splitlines()[-1:] or [f"exit {r.rc}"]
        internal.append(f"flake8 failed: {tail[0]}")
    return findings, internal, r


def _rel(p: Path, base: Path) -> str:
    try:
        return os.path.relpath(p.resolve(), base.resolve())
    except ValueError:
        return str(p)


MYPY_OPTIONS = [
    # What gives the plugin the most to see on code it cannot install: every body checked
    # (context.resources and run config inside unannotated functions), third-party
    # packages that are not installed become Any instead of stopping the run, and module
    # names from the root folder whether or not each folder has an __init__.py.
    "ignore_missing_imports = True",
    "follow_imports = silent",
    "check_untyped_defs = True",
    "explicit_package_bases = True",
    "namespace_packages = True",
    "allow_redefinition = True",
    "show_error_codes = True",
    "show_column_numbers = False",
    "no_error_summary = True",
    "pretty = False",
]


def mypy_config(path: Path, plugin: bool, search: Sequence[Path] = ()) -> Path:
    lines = [
        "[mypy]",
        *MYPY_OPTIONS,
        f"python_version = {sys.version_info[0]}.{sys.version_info[1]}",
    ]
    if search:  # absolute: mypy reads a relative mypy_path from its working directory
        lines.append("mypy_path = " + ", ".join(str(p) for p in search))
    if plugin:
        lines.append("plugins = dagwire.mypy_plugin")
        lines += ["", "[dagwire.mypy]", "framework_modules = dagster, dagwire"]
    path.write_text("\n".join(lines) + "\n")
    return path


def source_fingerprint() -> str:
    """Changes when dagwire's sources, mypy or dagster change: names the mypy seed caches
    (a seed analysed by another plugin would be re-analysed inside the measured runs)."""
    import importlib.metadata as md

    from dagwire.mypy_plugin.source_stamp import source_stamp

    h = hashlib.sha256(source_stamp().encode())
    for dist in ("mypy", "dagster"):
        try:
            h.update(md.version(dist).encode())
        except md.PackageNotFoundError:
            pass
    return h.hexdigest()[:16]


def seed_cache(work: Path, plugin: bool, timeout: float) -> Path:
    """A mypy cache holding dagster's modules, copied into each project's cache:
    dagster is analysed once per checker version, not once per project."""
    seed = work / f"seed-{'plugin' if plugin else 'plain'}-{source_fingerprint()}"
    if (seed / ".done").exists():
        return seed
    if seed.exists():
        shutil.rmtree(seed)
    seed.mkdir(parents=True)
    src = seed / "src"
    src.mkdir()
    (src / "seed_module.py").write_text("import dagster\nimport dagster_pipes\n")
    cfg = mypy_config(seed / "mypy.ini", plugin)
    r = run_timed(
        [
            str(VENV_BIN / "mypy"),
            "--config-file",
            str(cfg),
            "--cache-dir",
            str(seed / "cache"),
            "seed_module.py",
        ],
        src,
        timeout,
        env=mypy_env(),
    )
    if r.rc not in (0, 1):
        raise SystemExit(f"seeding the mypy cache failed: {r.out}{r.err}")
    (seed / ".done").write_text("")
    return seed


def mypy_env() -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("PYTHONDONTWRITEBYTECODE", "MYPY_NUM_WORKERS", "MYPYPATH")
    }
    env["DAGWIRE_MYPY_DEBUG"] = "1"
    return env


def fresh_cache(seed: Path, dst: Path) -> Path:
    if dst.exists():
        shutil.rmtree(dst)
    # a real copy: mypy's cache is sqlite databases written in place
    shutil.copytree(seed / "cache", dst)
    return dst


def mypy(
    targets: list[str], cwd: Path, cache: Path, config: Path, timeout: float, rel_to: Path
) -> tuple[list[Finding], list[str], Run]:
    cmd = [str(VENV_BIN / "mypy"), "--config-file", str(config), "--cache-dir", str(cache)]
    # A file that does not parse stops mypy before it checks anything: leave those out
    # (the project's own breakage, not the checkers').
    broken = [
        os.path.relpath(f, cwd)
        for t in targets
        for f in ([cwd / t] if (cwd / t).is_file() else walk_py(cwd / t))
        if parse(f) is None
    ]
    if broken:
        cmd += ["--exclude", "|".join(f"^{re.escape(b)}$" for b in broken)]
    r = run_timed([*cmd, *targets], cwd, timeout, env=mypy_env())
    findings, internal = [], []
    for line in r.out.splitlines():
        m = MYPY_LINE.match(line)
        if not m or m["sev"] != "error":
            continue
        findings.append(
            Finding(_rel(cwd / m["path"], rel_to), int(m["line"]), m["code"] or "misc", m["msg"])
        )
    text = r.out + r.err
    if r.rc is None:
        internal.append(f"mypy timed out after {timeout:.0f}s")
    else:
        for line in text.splitlines():
            if "dagwire.mypy_plugin: hook failed" in line or "INTERNAL ERROR" in line:
                internal.append(line.strip()[:300])
        if r.rc not in (0, 1) and not internal:
            last = (r.err or r.out).strip().splitlines()[-1:] or [f"exit {r.rc}"]
            internal.append(f"mypy exit {r.rc}: {last[0][:300]}")
    return findings, internal, r


# ---------------------------------------------------------------- loading with dagster

LOADER = r"""
import importlib, sys
sys.path.insert(0, ".")
try:
    from dagster import Definitions, JobDefinition, RepositoryDefinition
    from dagster._core.definitions.reconstruct import repository_def_from_target_def
    from dagster._core.workspace.autodiscovery import loadable_targets_from_python_module
    mod = importlib.import_module(sys.argv[1])
    try:
        found = loadable_targets_from_python_module(sys.argv[1], ".")
        targets = [t.target_definition for t in found]
    except Exception:  # several jobs, several Definitions: each is validated below
        targets = []
    ids = {id(t) for t in targets}
    targets += [v for v in vars(mod).values() if id(v) not in ids
                and isinstance(v, (Definitions, RepositoryDefinition, JobDefinition))]
    for target in targets:
        if isinstance(target, JobDefinition):
            Definitions.validate_loadable(Definitions(jobs=[target]))
            continue
        repo = repository_def_from_target_def(target)
        if repo is not None:
            repo.load_all_definitions()
    print("LOADED", len(targets))
except BaseException as exc:
    print("FAILED", type(exc).__name__, str(exc).replace("\n", " ")[:2000])
"""


def module_name(root: Path, file: Path) -> str:
    rel = file.relative_to(root).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


# The environment variables a project reads by a literal name.
ENV_READ = re.compile(
    r"(?:EnvVar(?:\.int)?\(|getenv\(|environ\.get\(|environ\[)\s*(?:key=)?"
    r"[\"']([A-Za-z_][A-Za-z0-9_]*)[\"']"
)
# Names that steer the interpreter, the shell, dagster itself or a project's choice of cloud
# deployment: never set.
ENV_KEPT = re.compile(
    r"^(PYTHON|DAGSTER_CLOUD|LD_)|^(PATH|HOME|DAGSTER_HOME|TMPDIR|TEMP|TMP|USER|SHELL)$"
)
_env_names: dict[Path, list[str]] = {}


def env_names(root: Path) -> list[str]:
    names = _env_names.get(root)
    if names is None:
        found: set[str] = set()
        for path in walk_py(root):
            found.update(ENV_READ.findall(path.read_text(encoding="utf-8", errors="replace")))
        names = _env_names[root] = sorted(n for n in found if not ENV_KEPT.search(n))
    return names


def dagster_load(
    python: str, root: Path, module: str, timeout: float, search: Sequence[Path] = ()
) -> tuple[str, str]:
    """("loaded" | "empty" | "failed" | "timeout", detail): import a module in a fresh
    interpreter and validate every Definitions, repository, job and @definitions it defines
    ("empty": it defines none of them). Every environment variable the project reads by name
    is set (to "1", which also parses as a number, when this process has no value): a
    deployment has them, and a resource config that reads one must not stop the load before
    the resources are checked. `search`: the root's `import_paths`."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    if search:
        env["PYTHONPATH"] = os.pathsep.join(str(p) for p in search)
    for name in env_names(root):
        env.setdefault(name, "1")
    env["DAGSTER_HOME"] = str(root / ".dagster_home")
    r = run([python, "-c", LOADER, module], root, timeout, env=env)
    if r.rc is None:
        return "timeout", ""
    lines = [line for line in r.out.splitlines() if line.startswith(("LOADED", "FAILED"))]
    if not lines:
        return "failed", (r.err.strip().splitlines() or ["no output"])[-1][:500]
    last = lines[-1]
    if last == "LOADED 0":
        return "empty", "the module defines nothing dagster loads"
    return ("loaded", last[7:]) if last.startswith("LOADED") else ("failed", last[7:])


def framework_file(text: str) -> bool:
    return bool(FRAMEWORK_IMPORT.search(text))


def framework_trees(files: list[Path]) -> Iterator[tuple[Path, str, ast.Module]]:
    """(file, text, tree) of the files that import dagster or dagwire and parse."""
    for f in files:
        text = read(f)
        if not framework_file(text):
            continue
        tree = parse(f)
        if tree is not None:
            yield f, text, tree


def parse(path: Path) -> ast.Module | None:
    try:
        return ast.parse(read(path))
    except (SyntaxError, ValueError):
        return None
