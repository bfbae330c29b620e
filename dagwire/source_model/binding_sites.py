"""The model of binding sites: the places where resource keys are bound to definitions, what
each one lists and binds, and which keys its definitions need from it.

Binding sites: `Definitions(...)` (one with `resources=` is checked on its own; one without is
a part merged elsewhere), `Definitions.merge(...)` (the union of the parts it can read),
`@repository` functions, `@job(resource_defs=...)`, `graph.to_job(resource_defs=...)` and
`materialize(...)` / `materialize_to_memory(...)`. A site's definitions may live in other
modules: they are found through the resolver (`resolve.Resolver`). The lint rules (RSC101)
and the static resource catalog both read sites from here.
"""

from __future__ import annotations

import ast
import os
import re
from typing import Iterator

from dagwire.source_model.module import DecoratedFunction, ModuleModel
from dagwire.source_model.resolve import Resolver
from dagwire.source_model.resolve_constants import Variant
from dagwire.source_model.resolve_loaders import Entry
from dagwire.vocabulary.calls import (
    DEFINITIONS_LISTS,
    DEFINITIONS_PARAMETERS,
    DEFS_FOLDER,
    MATERIALIZE_ASSETS,
    MERGE,
    RESOURCE_DEFS,
    RESOURCES,
    TO_JOB,
)
from dagwire.vocabulary.names import (
    DEFINITIONS,
    DEFINITIONS_DECORATOR,
    MATERIALIZE,
    MATERIALIZE_TO_MEMORY,
)

# Deployments combined by a merge of parts picked by deployment: past this, not checked.
_MAX_VARIANTS = 32
# A merge of merges, followed this deep.
_MAX_MERGE_DEPTH = 4


class Needs:
    """key -> the definitions (described) that need it, in order of appearance."""

    def __init__(self) -> None:
        self.by_key: dict[str, list[str]] = {}

    def add(self, key: str, user: str) -> None:
        users = self.by_key.setdefault(key, [])
        if user not in users:
            users.append(user)


class Site:
    """One binding site: where it is written, how messages name it, the dicts of keys it binds
    (one per deployment) and what its definitions need."""

    __slots__ = ("line", "col", "name", "variants", "needs", "call")

    def __init__(
        self,
        line: int,
        col: int,
        name: str,
        variants: list[Variant],
        needs: Needs,
        call: ast.Call | None = None,
    ) -> None:
        self.line = line
        self.col = col
        self.name = name
        self.variants = variants
        self.needs = needs
        # a `Definitions(...)` / merge that another module's merge may take as a part
        self.call = call

    def unbound(self) -> Iterator[tuple[str, list[str], str | None, Variant]]:
        """(key, its users, deployment label, that deployment's bound items) for every key the
        site's definitions need and a deployment does not bind."""
        for key, users in self.needs.by_key.items():
            for variant in self.variants:
                if key not in {item.key for item in variant[1]}:
                    yield key, users, variant[0], variant


def definitions_argument(call: ast.Call, name: str) -> ast.expr | None:
    """An argument of `Definitions(...)`, by keyword or by position."""
    for keyword in call.keywords:
        if keyword.arg == name:
            return keyword.value
    position = DEFINITIONS_PARAMETERS.index(name)
    if position < len(call.args):
        return call.args[position]
    return None


def is_merge_call(model: ModuleModel, call: ast.Call) -> bool:
    func = call.func
    return (
        isinstance(func, ast.Attribute)
        and func.attr == MERGE
        and model.imports.role(func.value) == DEFINITIONS
    )


def describe(resolver: Resolver, fn: DecoratedFunction, model: ModuleModel) -> str:
    """How messages name a definition: `asset 'orders'`."""
    return f"{fn.kind} '{resolver.display_name(model, fn)}'"


def job_ops(
    resolver: Resolver, job: DecoratedFunction, model: ModuleModel
) -> Iterator[tuple[DecoratedFunction, ModuleModel]]:
    """The ops a job, graph or graph asset body invokes."""
    for node in ast.walk(job.func):
        if isinstance(node, ast.Call) and isinstance(node.func, (ast.Name, ast.Attribute)):
            found = resolver.definition(model, node.func)
            if found is not None and found[0].kind == "op":
                yield found


def add_entry_needs(resolver: Resolver, entry: Entry, needs: Needs) -> None:
    """What one listed definition needs from the binding site."""
    fn, model = entry.definition, entry.model
    if fn.kind in ("job", "graph_asset"):
        declared = resolver.declared(model, fn)
        if not declared.complete or declared.resource_defs is None:
            return
        if declared.resource_defs and fn.kind == "job":
            return  # the job binds its own resources; its decorator is checked on its own
        # a graph asset's ops get its resource_defs= plus what the binding site binds
        bound = entry.extra_keys | {item.key for item in declared.resource_defs}
        job_name = describe(resolver, fn, model)
        for op, op_model in job_ops(resolver, fn, model):
            keys = resolver.required_keys(op_model, op)
            for key in sorted((keys or set()) - bound):
                needs.add(key, f"{describe(resolver, op, op_model)} in {job_name}")
        return
    if fn.kind not in ("asset", "asset_check", "op", "sensor", "schedule"):
        return
    keys = resolver.required_keys(model, fn)
    for key in sorted((keys or set()) - entry.extra_keys):
        needs.add(key, describe(resolver, fn, model))


# -- Definitions and merges --------------------------------------------------------------------


def definitions_site(
    resolver: Resolver, model: ModuleModel, call: ast.Call, needs: Needs
) -> list[Variant] | None:
    """Add what one `Definitions(...)` lists to `needs`; its resource dicts (one per
    deployment), or None when they or the call itself are not static."""
    if any(isinstance(arg, ast.Starred) for arg in call.args) or any(
        keyword.arg is None for keyword in call.keywords
    ):
        return None
    resources = definitions_argument(call, RESOURCES)
    variants = resolver.dict_variants(model, resources) if resources is not None else [(None, [])]
    if variants is None:
        return None
    for name in DEFINITIONS_LISTS:
        listed = definitions_argument(call, name)
        if listed is None:
            continue
        for entry in resolver.entries(model, listed):
            add_entry_needs(resolver, entry, needs)
    return variants


def merge_site(
    resolver: Resolver, model: ModuleModel, call: ast.Call, needs: Needs, depth: int = 0
) -> list[Variant] | None:
    """`Definitions.merge(a, b, Definitions(...))`: the union of what the parts list and
    bind; None when a part is not a `Definitions(...)` (or merge) that can be read."""
    if depth > _MAX_MERGE_DEPTH or call.keywords:
        return None
    combined: list[Variant] = [(None, [])]
    for part in call.args:
        found = merged_part(resolver, model, part)
        if found is None:
            return None
        owner, value = found
        if is_merge_call(owner, value):
            variants = merge_site(resolver, owner, value, needs, depth + 1)
        elif owner.imports.role(value.func) == DEFINITIONS:
            variants = definitions_site(resolver, owner, value, needs)
        else:
            return None
        if variants is None or len(combined) * len(variants) > _MAX_VARIANTS:
            return None
        combined = [
            (left_label or right_label, left + right)
            for left_label, left in combined
            for right_label, right in variants
        ]
    return combined


def merged_part(
    resolver: Resolver, model: ModuleModel, part: ast.expr
) -> tuple[ModuleModel, ast.Call] | None:
    """The call that makes a merged part: written in the merge, assigned to a name
    (`dbt_defs`, `ml.defs`), or returned by a function without parameters whose body is
    one `return dg.Definitions(...)` (`build_ml_defs()`)."""
    if isinstance(part, (ast.Name, ast.Attribute)):
        found = resolver.value_of(model, part)
        if found is None or not isinstance(found[1], ast.Call):
            return None
        return found[0], found[1]
    if not isinstance(part, ast.Call):
        return None
    if is_merge_call(model, part) or model.imports.role(part.func) == DEFINITIONS:
        return model, part
    if part.args or part.keywords or not isinstance(part.func, (ast.Name, ast.Attribute)):
        return None
    target = resolver.target_of(model, part.func)
    if target is None:
        return None
    owner, func = target
    if not isinstance(func, (ast.FunctionDef, ast.AsyncFunctionDef)):
        return None
    arguments = func.args
    if arguments.posonlyargs or arguments.args or arguments.kwonlyargs or owner.outline:
        return None  # what a parameter holds is not known; an outline has no bodies
    returns = [node for node in ast.walk(func) if isinstance(node, ast.Return)]
    if len(returns) != 1 or returns[0] not in func.body:
        return None
    value = returns[0].value
    return (owner, value) if isinstance(value, ast.Call) else None


def in_defs_folder(path: str) -> bool:
    """Is the module below a `defs` folder of a package (`my_project/defs/dbt/assets.py`)?"""
    directory = os.path.dirname(os.path.abspath(path))
    for _ in range(8):
        parent = os.path.dirname(directory)
        if parent == directory:
            return False
        if os.path.basename(directory) == DEFS_FOLDER:
            return os.path.isfile(os.path.join(parent, "__init__.py"))
        directory = parent
    return False


def _in_partial_scope(model: ModuleModel, call: ast.Call) -> bool:
    """A `Definitions(...)` that is likely merged with others elsewhere: one without
    `resources=` (another module's Definitions, or dg's `defs/` folder, binds them), one
    returned by an `@definitions` function (dg merges those), or any at module level in a
    module of a `defs/` folder (`load_from_defs_folder` / `load_defs` merge every
    Definitions object they find there)."""
    if not is_merge_call(model, call) and definitions_argument(call, RESOURCES) is None:
        return True
    if in_defs_folder(model.path):
        return True
    node: ast.AST | None = model.parents.get(id(call))
    while node is not None:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            for decorator in node.decorator_list:
                target = decorator.func if isinstance(decorator, ast.Call) else decorator
                if model.imports.role(target) == DEFINITIONS_DECORATOR:
                    return True
        node = model.parents.get(id(node))
    return False


def _merged_here(model: ModuleModel) -> set[int]:
    """ids of the calls that a `Definitions.merge(...)` of this module takes as parts: written
    in the merge or assigned to a name it is given. They are partial by design."""
    names: set[str] = set()
    calls: set[int] = set()
    for call in model.calls:
        if is_merge_call(model, call):
            for arg in call.args:
                if isinstance(arg, ast.Name):
                    names.add(arg.id)
                calls.add(id(arg))
    if names:
        for node in ast.walk(model.tree):
            if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call):
                if any(isinstance(t, ast.Name) and t.id in names for t in node.targets):
                    calls.add(id(node.value))
    return calls


def _definitions_sites(resolver: Resolver, model: ModuleModel) -> Iterator[Site]:
    sites = [call for call in model.calls if model.imports.role(call.func) == DEFINITIONS]
    merges = [call for call in model.calls if is_merge_call(model, call)]
    if not sites and not merges:
        return
    merged = _merged_here(model)
    for call in sites:
        if id(call) in merged or _in_partial_scope(model, call):
            continue
        needs = Needs()
        variants = definitions_site(resolver, model, call, needs)
        if variants is not None:
            yield Site(call.lineno, call.col_offset, DEFINITIONS, variants, needs, call)
    for call in merges:
        if id(call) in merged or _in_partial_scope(model, call):
            continue  # a merge merged again: checked as part of the outer one
        needs = Needs()
        variants = merge_site(resolver, model, call, needs)
        if variants is not None:
            name = f"{DEFINITIONS}.{MERGE}"
            yield Site(call.lineno, call.col_offset, name, variants, needs, call)


# -- the other binding sites -------------------------------------------------------------------


def _repository_sites(resolver: Resolver, model: ModuleModel) -> Iterator[Site]:
    for fn in model.functions:
        if fn.kind != "repository":
            continue
        needs = Needs()
        for node in ast.walk(fn.func):
            if isinstance(node, ast.Return) and isinstance(node.value, (ast.List, ast.Tuple)):
                for entry in resolver.entries(model, node.value):
                    add_entry_needs(resolver, entry, needs)
        line, col = fn.decorator.lineno, max(fn.decorator.col_offset - 1, 0)
        yield Site(line, col, f"repository '{fn.function_name}'", [(None, [])], needs)


def _job_sites(resolver: Resolver, model: ModuleModel) -> Iterator[Site]:
    for fn in model.functions:
        if fn.kind != "job":
            continue
        declared = resolver.declared(model, fn)
        if not declared.complete or not declared.resource_defs:
            continue  # no resource_defs: the job is bound where Definitions lists it
        needs = Needs()
        for op, op_model in job_ops(resolver, fn, model):
            for key in sorted(resolver.required_keys(op_model, op) or set()):
                needs.add(key, describe(resolver, op, op_model))
        line, col = fn.decorator.lineno, max(fn.decorator.col_offset - 1, 0)
        site = f"resource_defs of job '{resolver.display_name(model, fn)}'"
        yield Site(line, col, site, [(None, declared.resource_defs)], needs)


def _graph_job_sites(resolver: Resolver, model: ModuleModel) -> Iterator[Site]:
    """`my_graph.to_job(resource_defs={...})`: the graph's ops need their keys bound there
    (without `resource_defs=`, the job is bound where Definitions lists it)."""
    for call in model.calls:
        func = call.func
        if not isinstance(func, ast.Attribute) or func.attr != TO_JOB:
            continue
        if call.args or any(keyword.arg is None for keyword in call.keywords):
            continue
        resource_defs = next((k.value for k in call.keywords if k.arg == RESOURCE_DEFS), None)
        if resource_defs is None or not isinstance(func.value, (ast.Name, ast.Attribute)):
            continue
        found = resolver.definition(model, func.value)
        if found is None or found[0].kind != "graph":
            continue
        items = resolver.dict_items(model, resource_defs)
        if items is None:
            continue
        graph, graph_model = found
        needs = Needs()
        for op, op_model in job_ops(resolver, graph, graph_model):
            for key in sorted(resolver.required_keys(op_model, op) or set()):
                needs.add(key, describe(resolver, op, op_model))
        name = next((k.value for k in call.keywords if k.arg == "name"), None)
        label = graph.function_name
        if isinstance(name, ast.Constant) and isinstance(name.value, str):
            label = name.value
        site = f"resource_defs of job '{label}'"
        yield Site(call.lineno, call.col_offset, site, [(None, items)], needs)


def _materialize_sites(resolver: Resolver, model: ModuleModel) -> Iterator[Site]:
    """`materialize([...], resources=...)` (tests, scripts, notebooks): Dagster binds every
    listed asset's keys before it runs, whatever `selection=` picks. `materialize_to_memory`
    provides the IO managers itself, so manager keys are left out there."""
    for call in model.calls:
        role = model.imports.role(call.func)
        if role not in (MATERIALIZE, MATERIALIZE_TO_MEMORY):
            continue
        if any(isinstance(arg, ast.Starred) for arg in call.args) or any(
            keyword.arg is None for keyword in call.keywords
        ):
            continue
        listed = next((k.value for k in call.keywords if k.arg == MATERIALIZE_ASSETS), None)
        if listed is None and call.args:
            listed = call.args[0]
        resources = next((k.value for k in call.keywords if k.arg == RESOURCES), None)
        if listed is None:
            continue
        items = resolver.dict_items(model, resources) if resources is not None else []
        if items is None:
            continue
        needs = Needs()
        managers: set[str] = set()
        for entry in resolver.entries(model, listed):
            add_entry_needs(resolver, entry, needs)
            if role == MATERIALIZE_TO_MEMORY:
                keywords, _ = resolver.keywords(entry.model, entry.definition)
                managers |= resolver.manager_keys(entry.model, keywords) or set()
        for key in managers:
            needs.by_key.pop(key, None)
        yield Site(call.lineno, call.col_offset, role, [(None, items)], needs)


def binding_sites(resolver: Resolver, model: ModuleModel) -> Iterator[Site]:
    """The binding sites of a module that are checked on their own, with what they bind and
    need. A `Definitions(...)` or merge site (`site.call`) may still be a part that another
    module's merge takes (`merged_somewhere`): ask only when it has something to report."""
    yield from _definitions_sites(resolver, model)
    yield from _materialize_sites(resolver, model)
    yield from _graph_job_sites(resolver, model)
    yield from _repository_sites(resolver, model)
    yield from _job_sites(resolver, model)


# -- parts merged in another module ------------------------------------------------------------
#
# Real projects split definitions by team or tool: `dbt/definitions.py` binds only the dbt
# resource, `resources.py` binds the shared ones, and the code location's `definitions.py`
# merges them (`Definitions.merge(resource_defs, dbt_defs)`). Such a part is not loaded on its
# own: the merge is checked as the union of its parts. The project scan below costs nothing on
# the files that have nothing to report.


def part_owner(model: ModuleModel, call: ast.Call) -> ast.stmt | None:
    """The module-level statement that makes a binding site reachable from another module:
    `name = Definitions(...)`, or the function that builds it (`def build_defs(): ...`)."""
    node: ast.AST = call
    parent = model.parents.get(id(node))
    while parent is not None and not isinstance(parent, ast.Module):
        node, parent = parent, model.parents.get(id(parent))
    if parent is None:
        return None
    if isinstance(node, ast.Assign) and node.value is call:
        return node
    if isinstance(node, ast.AnnAssign) and node.value is call:
        return node
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
        return node
    return None


def merged_somewhere(resolver: Resolver, model: ModuleModel, call: ast.Call) -> bool:
    """True when a `Definitions.merge(...)` in this module or in another module of the
    project is given this binding site (by its name or by calling the function that
    returns it)."""
    owner = part_owner(model, call)
    if owner is None:
        return False
    names = _owner_names(owner)
    if not names:
        return False
    if _merges(resolver, model, owner):
        return True
    index = resolver.index
    if not index.cross_file:
        return False
    for path in index.project_files(model.path):
        if os.path.abspath(path) == os.path.abspath(model.path):
            continue
        text = index.text(path)
        if text is None or MERGE not in text:
            continue
        if not any(re.search(rf"\b{re.escape(name)}\b", text) for name in names):
            continue
        other = index.full_model(path)
        if other is not None and _merges(resolver, other, owner):
            return True
    return False


def _owner_names(owner: ast.stmt) -> list[str]:
    if isinstance(owner, ast.Assign):
        return [target.id for target in owner.targets if isinstance(target, ast.Name)]
    if isinstance(owner, ast.AnnAssign):
        return [owner.target.id] if isinstance(owner.target, ast.Name) else []
    if isinstance(owner, (ast.FunctionDef, ast.AsyncFunctionDef)):
        return [owner.name]
    return []


def _merges(resolver: Resolver, model: ModuleModel, owner: ast.stmt) -> bool:
    return any(
        _refers_to(resolver, model, arg, owner)
        for call in model.calls
        if is_merge_call(model, call)
        for arg in call.args
    )


def _refers_to(resolver: Resolver, model: ModuleModel, arg: ast.expr, owner: ast.stmt) -> bool:
    """Does a merge argument name the owner (`dbt_defs`, `dbt.defs`) or call it
    (`build_dbt_defs()`)?"""
    if isinstance(arg, ast.Starred):
        arg = arg.value
    if isinstance(arg, ast.Call):
        arg = arg.func  # build_defs(): the function that returns the part
    if not isinstance(arg, (ast.Name, ast.Attribute)):
        return False
    found = resolver.target_of(model, arg)
    return found is not None and found[1] is owner
