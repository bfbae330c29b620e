"""Binding sites with a literal resource dict, and what requires each key, in real projects.

The real-projects benchmark injects a bug by deleting one key from a binding site's
resource dict. A deletion is only a bug when something the site includes requires that key,
so this module reads (with `ast`, never importing anything) the project's definitions:
resource parameters, `required_resource_keys`, IO manager keys, jobs and the ops they call,
and what each site lists. It is deliberately independent of dagwire's own model: the
benchmark measures that model, so it must not share its blind spots.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass, field
from pathlib import Path

from real_corpus import framework_file, parse, read

DEFINITION_DECORATORS = {
    "op",
    "asset",
    "multi_asset",
    "sensor",
    "schedule",
    "asset_check",
    "multi_asset_check",
    "asset_sensor",
    "multi_asset_sensor",
    "run_status_sensor",
    "run_failure_sensor",
    "graph_asset",
    "graph_multi_asset",
    "observable_source_asset",
    "dbt_assets",
    "dlt_assets",
    "sling_assets",
    "airbyte_assets",
    "fivetran_assets",
}
RESOURCE_BASES = {
    "ConfigurableResource",
    "ConfigurableIOManager",
    "ConfigurableIOManagerFactory",
    "ConfigurableResourceFactory",
    "IOManager",
    "ConfigurableLegacyIOManagerAdapter",
    "UPathIOManager",
    "ResourceDefinition",
}
# Classes from dagster or an integration library (dagster_*), by name.
RESOURCE_SUFFIXES = ("Resource", "IOManager", "Client", "IOManagerFactory")
SITE_CALLS = {
    "Definitions": "resources",
    "materialize": "resources",
    "materialize_to_memory": "resources",
    "with_resources": "resource_defs",
    "to_job": "resource_defs",
    "job": "resource_defs",
    "execute_in_process": "resources",
}
DEFAULT_KEYS = {"io_manager"}
PACKAGE_LOADERS = {
    "load_assets_from_package_module",
    "load_assets_from_modules",
    "load_asset_checks_from_package_module",
    "load_asset_checks_from_modules",
    "load_definitions_from_package_module",
    "load_definitions_from_modules",
    "load_assets_from_package_name",
}  # dagster binds a default: deleting it breaks nothing


def tail(node: ast.AST) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    if isinstance(node, ast.Call):
        return tail(node.func)
    return None


def str_items(node: ast.AST | None) -> list[str] | None:
    if isinstance(node, (ast.Set, ast.List, ast.Tuple)):
        vals = [e.value for e in node.elts if isinstance(e, ast.Constant)]
        if len(vals) == len(node.elts) and all(isinstance(v, str) for v in vals):
            return [str(v) for v in vals]
    if isinstance(node, ast.Call) and tail(node.func) in ("set", "frozenset") and node.args:
        return str_items(node.args[0])
    return None


@dataclass
class Requirer:
    file: str
    name: str
    kind: str  # decorator or "resource"
    keys: dict[str, str] = field(default_factory=dict)  # key -> how (param, rrk, io_manager)
    calls: set[str] = field(default_factory=set)  # names used in the body (jobs, graphs)


@dataclass
class Site:
    file: str  # relative to the group root
    line: int
    kind: str  # Definitions, job, to_job, with_resources, materialize, ...
    keys: list[str]
    spans: dict[str, tuple[int, int]]  # key -> (start, end) offsets of the entry in the file
    listed: set[str] | None  # names the site includes; None = cannot tell (loader, call, ...)
    owner: str | None  # the job or graph a job-level site belongs to
    in_function: bool
    dict_where: str  # "inline" or "module name X"
    in_definitions_function: bool = False  # inside a dg @definitions function


class FileFacts:
    def __init__(self, rel: str, text: str, tree: ast.Module) -> None:
        self.rel, self.text, self.tree = rel, text, tree
        self.line_offsets = [0]
        for line in text.splitlines(keepends=True):
            self.line_offsets.append(self.line_offsets[-1] + len(line.encode("utf-8")))
        self.external_names: set[str] = set()  # names imported from dagster / dagster_*
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                if node.module.split(".")[0].startswith("dagster"):
                    self.external_names |= {a.asname or a.name for a in node.names}
        self.module_dicts: dict[str, ast.Dict] = {}
        for stmt in tree.body:
            if isinstance(stmt, (ast.Assign, ast.AnnAssign)) and isinstance(stmt.value, ast.Dict):
                targets = stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target]
                for t in targets:
                    if isinstance(t, ast.Name):
                        self.module_dicts[t.id] = stmt.value

    def imports(self) -> set[str]:
        """Dotted names of the modules this file imports (relative ones made absolute), and
        the packages it hands to a package loader."""
        me = self.rel[:-3].replace("/", ".")
        pkg = me.rsplit(".", 1)[0] if "." in me else ""
        if self.rel.endswith("__init__.py"):
            pkg = me[: -len(".__init__")] if me.endswith(".__init__") else ""
        out: set[str] = set()
        names: dict[str, str] = {}  # local name -> module it may be
        for node in ast.walk(self.tree):
            if isinstance(node, ast.Import):
                for a in node.names:
                    out.add(a.name)
                    names[a.asname or a.name.split(".")[0]] = (
                        a.name if a.asname else a.name.split(".")[0]
                    )
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    parts = pkg.split(".") if pkg else []
                    parts = parts[: len(parts) - (node.level - 1)] if node.level > 1 else parts
                    base = ".".join(p for p in parts + ([node.module] if node.module else []) if p)
                if base:
                    out.add(base)
                for a in node.names:
                    full = f"{base}.{a.name}" if base else a.name
                    out.add(full)  # may be a submodule
                    names[a.asname or a.name] = full
            elif isinstance(node, ast.Call) and tail(node.func) in PACKAGE_LOADERS:
                for arg in list(node.args) + [kw.value for kw in node.keywords]:
                    for n in ast.walk(arg):
                        if isinstance(n, ast.Name) and n.id in names:
                            out.add(names[n.id] + ".*")
        return out

    def offset(self, line: int, col: int) -> int:
        """ast columns are UTF-8 byte offsets; text offsets are characters."""
        start = self.line_offsets[line - 1]
        raw = self.text.encode("utf-8")
        return len(raw[: start + col].decode("utf-8", errors="replace"))


def collect(root: Path, files: list[Path]) -> tuple[list[FileFacts], set[str]]:
    facts, resource_classes = [], set(RESOURCE_BASES)
    for f in files:
        text = read(f)
        if not framework_file(text) and "class " not in text:
            continue
        tree = parse(f)
        if tree is not None:
            facts.append(FileFacts(f.relative_to(root).as_posix(), text, tree))
    # resource classes of the project, at any depth of inheritance (by class name)
    classes = [
        (n.name, {tail(b) for b in n.bases})
        for ff in facts
        for n in ast.walk(ff.tree)
        if isinstance(n, ast.ClassDef)
    ]
    changed = True
    while changed:
        changed = False
        for name, bases in classes:
            if name not in resource_classes and bases & resource_classes:
                resource_classes.add(name)
                changed = True
    return facts, resource_classes


def _annotation_resource(ann: ast.AST | None, ff: FileFacts, resource_classes: set[str]) -> bool:
    if ann is None:
        return False
    if isinstance(ann, ast.Constant) and isinstance(ann.value, str):
        try:
            ann = ast.parse(ann.value, mode="eval").body
        except SyntaxError:
            return False
    if isinstance(ann, ast.Subscript):
        if tail(ann.value) in ("ResourceParam",):
            return True
        if tail(ann.value) in ("Optional",):
            return _annotation_resource(ann.slice, ff, resource_classes)
        return False
    name = tail(ann)
    if name is None:
        return False
    if name in resource_classes:
        return True
    return name in ff.external_names and name.endswith(RESOURCE_SUFFIXES)


def requirers(facts: list[FileFacts], resource_classes: set[str]) -> list[Requirer]:
    out: list[Requirer] = []
    for ff in facts:
        for node in ast.walk(ff.tree):
            if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            for dec in node.decorator_list:
                kind = tail(dec)
                if kind not in DEFINITION_DECORATORS | {"resource", "job", "graph"}:
                    continue
                r = Requirer(ff.rel, node.name, kind or "")
                if kind in ("job", "graph"):
                    r.calls = {n.id for n in ast.walk(node) if isinstance(n, ast.Name)}
                if isinstance(dec, ast.Call):
                    for kw in dec.keywords:
                        if kw.arg == "required_resource_keys":
                            for k in str_items(kw.value) or []:
                                r.keys[k] = "required_resource_keys"
                    for sub in ast.walk(dec):
                        if isinstance(sub, ast.keyword) and sub.arg == "io_manager_key":
                            if isinstance(sub.value, ast.Constant) and isinstance(
                                sub.value.value, str
                            ):
                                r.keys[sub.value.value] = "io_manager_key"
                if kind in DEFINITION_DECORATORS:
                    args = node.args.posonlyargs + node.args.args + node.args.kwonlyargs
                    for a in args:
                        if _annotation_resource(a.annotation, ff, resource_classes):
                            r.keys[a.arg] = "parameter"
                out.append(r)
    return out


def _dict_of(value: ast.AST, ff: FileFacts) -> tuple[ast.Dict | None, str]:
    if isinstance(value, ast.Dict):
        return value, "inline"
    if isinstance(value, ast.Name) and value.id in ff.module_dicts:
        return ff.module_dicts[value.id], f"module dict {value.id}"
    return None, ""


def _listed_names(call: ast.Call, kind: str) -> set[str] | None:
    """Names of the definitions a site includes, or None when it includes more than names
    say (a loader, a call, a star, a variable holding a list)."""
    nodes: list[ast.AST] = []
    if kind == "Definitions":
        nodes = [
            kw.value
            for kw in call.keywords
            if kw.arg in ("assets", "jobs", "sensors", "schedules", "asset_checks")
        ]
        # no lists at all: a resources-only part, merged with the others (dg, merge)
        if not nodes or any(kw.arg is None for kw in call.keywords) or call.args:
            return None
    elif kind in ("with_resources", "materialize", "materialize_to_memory"):
        nodes = call.args[:1] + [
            kw.value for kw in call.keywords if kw.arg in ("assets", "definitions")
        ]
    else:
        return None
    names: set[str] = set()
    for n in nodes:
        if not isinstance(n, (ast.List, ast.Tuple)):
            return None
        for e in n.elts:
            if isinstance(e, ast.Name):
                names.add(e.id)
            elif isinstance(e, ast.Attribute):
                names.add(e.attr)
            else:
                return None
    return names


def sites(facts: list[FileFacts]) -> list[Site]:
    found: list[Site] = []
    for ff in facts:
        if not framework_file(ff.text):
            continue
        funcs = [
            n for n in ast.walk(ff.tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))
        ]
        # the body only: a decorator's call runs where the function is defined
        inside = {id(c) for f in funcs for stmt in f.body for c in ast.walk(stmt)}
        in_defs_fn = {
            id(c)
            for f in funcs
            if any(tail(d) == "definitions" for d in f.decorator_list)
            for stmt in f.body
            for c in ast.walk(stmt)
        }
        job_of: dict[int, str] = {}
        for f in funcs:
            for dec in f.decorator_list:
                if isinstance(dec, ast.Call) and tail(dec.func) == "job":
                    job_of[id(dec)] = f.name
        for call in ast.walk(ff.tree):
            if not isinstance(call, ast.Call):
                continue
            kind = tail(call.func)
            if kind not in SITE_CALLS:
                continue
            if kind == "job" and id(call) not in job_of:
                continue
            if kind == "execute_in_process" and not any(
                kw.arg == "resources" for kw in call.keywords
            ):
                continue
            value = next((kw.value for kw in call.keywords if kw.arg == SITE_CALLS[kind]), None)
            if value is None and kind == "with_resources" and len(call.args) > 1:
                value = call.args[1]
            if value is None:
                continue
            d, where = _dict_of(value, ff)
            if d is None:
                continue
            spans: dict[str, tuple[int, int]] = {}
            for k, v in zip(d.keys, d.values):
                if isinstance(k, ast.Constant) and isinstance(k.value, str):
                    start = ff.offset(k.lineno, k.col_offset)
                    end = ff.offset(v.end_lineno or v.lineno, v.end_col_offset or 0)
                    spans[k.value] = (start, end)
            if not spans:
                continue
            owner = job_of.get(id(call))
            if kind == "to_job" and isinstance(call.func, ast.Attribute):
                owner = tail(call.func.value)
            found.append(
                Site(
                    ff.rel,
                    call.lineno,
                    kind,
                    list(spans),
                    spans,
                    _listed_names(call, kind),
                    owner,
                    id(call) in inside,
                    where,
                    id(call) in in_defs_fn,
                )
            )
    return found


def _reach(start: str, by_name: dict[str, Requirer]) -> set[str]:
    seen: set[str] = set()
    todo = [start]
    while todo:
        n = todo.pop()
        if n in seen:
            continue
        seen.add(n)
        r = by_name.get(n)
        if r is not None and r.kind in ("job", "graph"):
            todo += [c for c in r.calls if c in by_name]
    return seen


def reachable_files(start: str, facts: list[FileFacts]) -> set[str]:
    """Files of the root that importing `start` (a path relative to the root) runs or that
    it hands to a package loader: what a code location built there can include."""
    by_module: dict[str, str] = {}
    for ff in facts:
        mod = ff.rel[:-3].replace("/", ".")
        if mod.endswith(".__init__"):
            mod = mod[: -len(".__init__")]
        by_module[mod] = ff.rel
    by_rel = {ff.rel: ff for ff in facts}
    seen: set[str] = set()
    todo = [start]
    while todo:
        rel = todo.pop()
        if rel in seen or rel not in by_rel:
            continue
        seen.add(rel)
        for name in by_rel[rel].imports():
            star = name.endswith(".*")
            name = name[:-2] if star else name
            parts = name.split(".")
            for i in range(1, len(parts) + 1):  # a.b.c runs a/__init__, a/b/__init__, ...
                hit = by_module.get(".".join(parts[:i]))
                if hit:
                    todo.append(hit)
            if star or by_module.get(name, "").endswith("__init__.py"):
                prefix = name + "."
                todo += [r for m, r in by_module.items() if m.startswith(prefix)] if star else []
    return seen


def merges_parts(facts: list[FileFacts]) -> bool:
    """Definitions of this root are merged into one (dg defs folder, Definitions.merge):
    the resources of one part bind the definitions of every other part."""
    return any(
        re.search(
            r"\bload_from_defs_folder\b|\bload_defs\b|\bDefinitions\.merge\b"
            r"|\bbuild_component_defs\b",
            ff.text,
        )
        for ff in facts
    )


def required_by_site(
    site: Site,
    reqs: list[Requirer],
    all_sites: list[Site],
    merged: bool = False,
    facts: list[FileFacts] | None = None,
) -> dict[str, list[Requirer]]:
    """key -> requirers the site includes: those it lists by name (a job: its ops); when it
    lists more than names say, those in the files its module imports (or hands to a loader);
    in a root whose parts are merged (dg), all of them."""
    facts = facts or []
    by_name = {r.name: r for r in reqs}
    include: set[str] | None = None
    if site.kind in ("job", "to_job") and site.owner:
        include = _reach(site.owner, by_name)
    elif site.listed is not None and not (merged and site.kind == "Definitions"):
        include = set()
        for n in site.listed:
            include |= _reach(n, by_name)
    # an op that a job binds the key for itself does not need it from a wider site
    covered: set[tuple[str, str]] = set()
    if site.kind not in ("job", "to_job"):
        for other in all_sites:
            if other.kind in ("job", "to_job") and other.owner:
                for n in _reach(other.owner, by_name):
                    covered |= {(n, k) for k in other.keys}
    scope = None if merged or include is not None else reachable_files(site.file, facts)
    out: dict[str, list[Requirer]] = {}
    for r in reqs:
        if include is not None and r.name not in include:
            continue
        if scope is not None and r.file not in scope:
            continue
        if r.kind in ("job", "graph"):
            continue
        for k in r.keys:
            if k in DEFAULT_KEYS or (r.name, k) in covered:
                continue
            out.setdefault(k, []).append(r)
    return out


def delete_key(text: str, span: tuple[int, int]) -> str:
    """The text with one dict entry (key: value) and its trailing comma removed."""
    start, end = span
    rest = end
    while rest < len(text) and text[rest] in " \t":
        rest += 1
    if rest < len(text) and text[rest] == ",":
        end = rest + 1
    return text[:start] + text[end:]
