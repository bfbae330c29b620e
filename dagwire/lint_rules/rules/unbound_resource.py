"""RSC101: a resource key a definition requires is not bound where the definition is bound.

Binding sites: `Definitions(...)` with `resources=` (reported on its first line; one without
is a part merged elsewhere), `Definitions.merge(...)` (the union of its parts),
`@repository` functions and `@job(resource_defs=...)` (reported on the decorator line).
Definitions may live in other modules; they are found through the binding module's local
imports and `load_assets_from_*` helpers. Resources picked by deployment (`by_env[env]`) are
checked per deployment.
"""

from __future__ import annotations

import ast
import os
from typing import Iterator

from dagwire.lint_rules.file_check import FileCheck, Finding
from dagwire.lint_rules.functions import manager_keys
from dagwire.lint_rules.merged_parts import is_merge_call, merged_somewhere
from dagwire.source_model.module import DecoratedFunction, ModuleModel
from dagwire.source_model.resolve import Entry, Item
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

CODE = "RSC101"
MESSAGE = "RSC101 resource key '{key}' is required by {users} but not bound in {site}"


def _keyword(call: ast.Call, name: str) -> ast.expr | None:
    """An argument of `Definitions(...)`, by keyword or by position."""
    for keyword in call.keywords:
        if keyword.arg == name:
            return keyword.value
    position = DEFINITIONS_PARAMETERS.index(name)
    if position < len(call.args):
        return call.args[position]
    return None


class _Needs:
    """key -> the definitions (described) that need it, in order of appearance."""

    def __init__(self) -> None:
        self.by_key: dict[str, list[str]] = {}

    def add(self, key: str, user: str) -> None:
        users = self.by_key.setdefault(key, [])
        if user not in users:
            users.append(user)


def _describe(file: FileCheck, fn: DecoratedFunction, model: ModuleModel) -> str:
    return f"{fn.kind} '{file.display_name(fn, model)}'"


def _job_ops(
    file: FileCheck, job: DecoratedFunction, model: ModuleModel
) -> Iterator[tuple[DecoratedFunction, ModuleModel]]:
    for node in ast.walk(job.func):
        if isinstance(node, ast.Call) and isinstance(node.func, (ast.Name, ast.Attribute)):
            found = file.resolver.definition(model, node.func)
            if found is not None and found[0].kind == "op":
                yield found


def _add_entry_needs(file: FileCheck, entry: Entry, needs: _Needs) -> None:
    fn, model = entry.definition, entry.model
    if fn.kind in ("job", "graph_asset"):
        declared = file.declared(fn, model)
        if not declared.complete or declared.resource_defs is None:
            return
        if declared.resource_defs and fn.kind == "job":
            return  # the job binds its own resources; its decorator is checked on its own
        # a graph asset's ops get its resource_defs= plus what the binding site binds
        bound = entry.extra_keys | {item.key for item in declared.resource_defs}
        job_name = _describe(file, fn, model)
        for op, op_model in _job_ops(file, fn, model):
            keys = file.required_keys(op, op_model)
            for key in sorted((keys or set()) - bound):
                needs.add(key, f"{_describe(file, op, op_model)} in {job_name}")
        return
    if fn.kind not in ("asset", "asset_check", "op", "sensor", "schedule"):
        return
    keys = file.required_keys(fn, model)
    for key in sorted((keys or set()) - entry.extra_keys):
        needs.add(key, _describe(file, fn, model))


def _report(
    node_line: int,
    node_col: int,
    needs: _Needs,
    variants: list[tuple[str | None, list[Item]]],
    site: str,
) -> Iterator[Finding]:
    for key, users in needs.by_key.items():
        for label, items in variants:
            if key in {item.key for item in items}:
                continue
            where = site if label is None else f"{site} (resources for '{label}')"
            yield Finding(
                node_line,
                node_col,
                MESSAGE.format(key=key, users=", ".join(users), site=where),
            )


def _merged_names(file: FileCheck) -> tuple[set[str], set[int]]:
    """Definitions passed to `Definitions.merge(...)` are partial by design: skip them."""
    names: set[str] = set()
    calls: set[int] = set()
    for call in file.model.calls:
        func = call.func
        if isinstance(func, ast.Attribute) and func.attr == MERGE:
            if file.model.imports.role(func.value) == DEFINITIONS:
                for arg in call.args:
                    if isinstance(arg, ast.Name):
                        names.add(arg.id)
                    calls.add(id(arg))
    return names, calls


def _assigned_calls(model: ModuleModel, names: set[str]) -> set[int]:
    found: set[int] = set()
    for node in ast.walk(model.tree):
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call):
            if any(isinstance(t, ast.Name) and t.id in names for t in node.targets):
                found.add(id(node.value))
    return found


_Variants = list[tuple[str | None, list[Item]]]
_MAX_VARIANTS = 32


def _site(
    file: FileCheck, model: ModuleModel, call: ast.Call, needs: _Needs
) -> _Variants | None:
    """Add what one `Definitions(...)` lists to `needs`; its resource dicts (one per
    deployment), or None when they or the call itself are not static."""
    if any(isinstance(arg, ast.Starred) for arg in call.args) or any(
        keyword.arg is None for keyword in call.keywords
    ):
        return None
    resources = _keyword(call, RESOURCES)
    variants = (
        file.resolver.dict_variants(model, resources) if resources is not None else [(None, [])]
    )
    if variants is None:
        return None
    for name in DEFINITIONS_LISTS:
        listed = _keyword(call, name)
        if listed is None:
            continue
        for entry in file.resolver.entries(model, listed):
            _add_entry_needs(file, entry, needs)
    return variants


def _merge_site(
    file: FileCheck, model: ModuleModel, call: ast.Call, needs: _Needs, depth: int = 0
) -> _Variants | None:
    """`Definitions.merge(a, b, Definitions(...))`: the union of what the parts list and
    bind; None when a part is not a `Definitions(...)` (or merge) the rules can read."""
    if depth > 4 or call.keywords:
        return None
    combined: _Variants = [(None, [])]
    for part in call.args:
        found = _part_call(file, model, part)
        if found is None:
            return None
        owner, value = found
        if is_merge_call(owner, value):
            variants = _merge_site(file, owner, value, needs, depth + 1)
        elif owner.imports.role(value.func) == DEFINITIONS:
            variants = _site(file, owner, value, needs)
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


def _part_call(
    file: FileCheck, model: ModuleModel, part: ast.expr
) -> tuple[ModuleModel, ast.Call] | None:
    """The call that makes a merged part: written in the merge, assigned to a name
    (`dbt_defs`, `ml.defs`), or returned by a function without parameters whose body is
    one `return dg.Definitions(...)` (`build_ml_defs()`)."""
    if isinstance(part, (ast.Name, ast.Attribute)):
        found = file.resolver.value_of(model, part)
        if found is None or not isinstance(found[1], ast.Call):
            return None
        return found[0], found[1]
    if not isinstance(part, ast.Call):
        return None
    if is_merge_call(model, part) or model.imports.role(part.func) == DEFINITIONS:
        return model, part
    if part.args or part.keywords or not isinstance(part.func, (ast.Name, ast.Attribute)):
        return None
    target = file.resolver.target_of(model, part.func)
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


def _in_defs_folder(path: str) -> bool:
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


def _in_partial_scope(file: FileCheck, call: ast.Call) -> bool:
    """A `Definitions(...)` that is likely merged with others elsewhere: one without
    `resources=` (another module's Definitions, or dg's `defs/` folder, binds them), one
    returned by an `@definitions` function (dg merges those), or any at module level in a
    module of a `defs/` folder (`load_from_defs_folder` / `load_defs` merge every
    Definitions object they find there)."""
    if not is_merge_call(file.model, call) and _keyword(call, RESOURCES) is None:
        return True
    model = file.model
    if _in_defs_folder(model.path):
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


def _check_definitions(file: FileCheck) -> Iterator[Finding]:
    model = file.model
    sites = [call for call in model.calls if model.imports.role(call.func) == DEFINITIONS]
    merges = [call for call in model.calls if is_merge_call(model, call)]
    if not sites and not merges:
        return
    merged_names, merged_calls = _merged_names(file)
    if merged_names:
        merged_calls |= _assigned_calls(model, merged_names)
    for call in sites:
        if id(call) in merged_calls or _in_partial_scope(file, call):
            continue
        needs = _Needs()
        variants = _site(file, model, call, needs)
        if variants is not None:
            found = list(_report(call.lineno, call.col_offset, needs, variants, "Definitions"))
            if found and not merged_somewhere(file.resolver, model, call):
                yield from found
    for call in merges:
        if id(call) in merged_calls or _in_partial_scope(file, call):
            continue  # a merge merged again: checked as part of the outer one
        needs = _Needs()
        variants = _merge_site(file, model, call, needs)
        if variants is not None:
            found = list(
                _report(call.lineno, call.col_offset, needs, variants, "Definitions.merge")
            )
            if found and not merged_somewhere(file.resolver, model, call):
                yield from found


def _check_repositories(file: FileCheck) -> Iterator[Finding]:
    for fn in file.model.functions:
        if fn.kind != "repository":
            continue
        needs = _Needs()
        for node in ast.walk(fn.func):
            if isinstance(node, ast.Return) and isinstance(node.value, (ast.List, ast.Tuple)):
                for entry in file.resolver.entries(file.model, node.value):
                    _add_entry_needs(file, entry, needs)
        line, col = fn.decorator.lineno, max(fn.decorator.col_offset - 1, 0)
        site = f"repository '{fn.function_name}'"
        yield from _report(line, col, needs, [(None, [])], site)


def _check_jobs(file: FileCheck) -> Iterator[Finding]:
    for fn in file.model.functions:
        if fn.kind != "job":
            continue
        declared = file.declared(fn)
        if not declared.complete or not declared.resource_defs:
            continue  # no resource_defs: the job is bound where Definitions lists it
        needs = _Needs()
        for op, op_model in _job_ops(file, fn, file.model):
            for key in sorted(file.required_keys(op, op_model) or set()):
                needs.add(key, _describe(file, op, op_model))
        line, col = fn.decorator.lineno, max(fn.decorator.col_offset - 1, 0)
        site = f"resource_defs of job '{file.display_name(fn)}'"
        yield from _report(line, col, needs, [(None, declared.resource_defs)], site)


def _check_graph_jobs(file: FileCheck) -> Iterator[Finding]:
    """`my_graph.to_job(resource_defs={...})`: the graph's ops need their keys bound there
    (without `resource_defs=`, the job is bound where Definitions lists it)."""
    model = file.model
    for call in model.calls:
        func = call.func
        if not isinstance(func, ast.Attribute) or func.attr != TO_JOB:
            continue
        if call.args or any(keyword.arg is None for keyword in call.keywords):
            continue
        resource_defs = next((k.value for k in call.keywords if k.arg == RESOURCE_DEFS), None)
        if resource_defs is None or not isinstance(func.value, (ast.Name, ast.Attribute)):
            continue
        found = file.resolver.definition(model, func.value)
        if found is None or found[0].kind != "graph":
            continue
        items = file.resolver.dict_items(model, resource_defs)
        if items is None:
            continue
        graph, graph_model = found
        needs = _Needs()
        for op, op_model in _job_ops(file, graph, graph_model):
            for key in sorted(file.required_keys(op, op_model) or set()):
                needs.add(key, _describe(file, op, op_model))
        name = next((k.value for k in call.keywords if k.arg == "name"), None)
        label = graph.function_name
        if isinstance(name, ast.Constant) and isinstance(name.value, str):
            label = name.value
        site = f"resource_defs of job '{label}'"
        yield from _report(call.lineno, call.col_offset, needs, [(None, items)], site)


def _check_materialize(file: FileCheck) -> Iterator[Finding]:
    """`materialize([...], resources=...)` (tests, scripts, notebooks): Dagster binds every
    listed asset's keys before it runs, whatever `selection=` picks. `materialize_to_memory`
    provides the IO managers itself, so manager keys are left out there."""
    model = file.model
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
        items = file.resolver.dict_items(model, resources) if resources is not None else []
        if items is None:
            continue
        needs = _Needs()
        managers: set[str] = set()
        for entry in file.resolver.entries(model, listed):
            _add_entry_needs(file, entry, needs)
            if role == MATERIALIZE_TO_MEMORY:
                keywords, _ = file.resolver.keywords(entry.model, entry.definition)
                managers |= manager_keys(file.resolver, entry.model, keywords) or set()
        for key in managers:
            needs.by_key.pop(key, None)
        yield from _report(call.lineno, call.col_offset, needs, [(None, items)], role)


def check(file: FileCheck) -> Iterator[Finding]:
    yield from _check_definitions(file)
    yield from _check_materialize(file)
    yield from _check_graph_jobs(file)
    yield from _check_repositories(file)
    yield from _check_jobs(file)
