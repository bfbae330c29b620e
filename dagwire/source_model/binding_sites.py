"""The model of binding sites: the places where resource keys are bound to definitions, what
each one binds, and which keys its definitions need from it.

- A code location (what Dagster loads): a module-level name given a Definitions value
  (`defs = Definitions(...)`, a merge, a defs folder loader, a builder function's result) or
  a module-level `@definitions` function, in a module outside a dg defs folder. It is checked
  as a whole (`code_location.Assembler` reads it), unless another module takes it as a part:
  a merge, a call, a defs loader whose folder holds it (`used_as_part`, asked only when the
  site has something to report).
- Any other `Definitions(...)` with `resources=` and `Definitions.merge(...)` (inside a plain
  function, say) that no code location of the module read: checked on its own.
- `@repository` functions, `@job(resource_defs=...)`, `graph.to_job(resource_defs=...)`,
  `job.execute_in_process(resources=...)` and `materialize(...)` /
  `materialize_to_memory(...)`.

A site's definitions may live in other modules: they are found through the resolver
(`resolve.Resolver`). The lint rules (RSC101) and the static resource catalog read sites
and values from here.
"""

from __future__ import annotations

import ast
import os
import re
from typing import Iterator

from dagwire.source_model import defs_folder
from dagwire.source_model.code_location import (
    Assembled,
    Assembler,
    definitions_argument,
    is_definitions_function,
    is_merge_call,
)
from dagwire.source_model.module import DecoratedFunction, FunctionNode, ModuleModel
from dagwire.source_model.resolve import Resolver
from dagwire.source_model.resolve_constants import Item
from dagwire.source_model.resolve_loaders import (
    JOB_BINDS_ITSELF,
    JOB_BOUND_WHERE_LISTED,
    Entry,
    argument,
)
from dagwire.source_model.resolve_values import Scope
from dagwire.source_model.walk import is_test_file
from dagwire.vocabulary.calls import (
    DEFS_FOLDER,
    EXECUTE_IN_PROCESS,
    IO_MANAGER_KEY,
    MATERIALIZE_ASSETS,
    MERGE,
    RESOURCE_DEFS,
    RESOURCES,
    TARGET_KEYWORDS,
    TO_JOB,
    WITH_RESOURCES_DEFINITIONS,
    WITH_RESOURCES_RESOURCES,
)
from dagwire.vocabulary.limits import RESOLVE_DEPTH
from dagwire.vocabulary.names import (
    ASSET_KINDS,
    DEFINITIONS,
    DEFINITIONS_LOADERS,
    DEFS_FOLDER_LOADERS,
    MATERIALIZE,
    MATERIALIZE_TO_MEMORY,
    WITH_RESOURCES,
)

_FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef)
# Kinds a binding site reads the needs of directly.
_COMPUTE = frozenset({"asset", "asset_check", "op", "sensor", "schedule"})


class Needs:
    """key -> the definitions (described) that need it, in order of appearance."""

    def __init__(self) -> None:
        self.by_key: dict[str, list[str]] = {}

    def add(self, key: str, user: str) -> None:
        users = self.by_key.setdefault(key, [])
        if user not in users:
            users.append(user)


class Site:
    """One binding site, or one alternative of it (a deployment, a branch): where it is
    written, how messages name it, the keys it binds and what its definitions need."""

    __slots__ = ("line", "col", "name", "label", "bound", "needs", "owner")

    def __init__(
        self,
        node: ast.AST | tuple[int, int],
        name: str,
        bound: list[Item],
        needs: Needs,
        label: str | None = None,
        owner: ast.stmt | None = None,
    ) -> None:
        if isinstance(node, tuple):
            self.line, self.col = node
        else:
            self.line, self.col = getattr(node, "lineno", 1), getattr(node, "col_offset", 0)
        self.name = name
        self.label = label  # the deployment the bound dict was picked for
        self.bound = bound
        self.needs = needs
        # the module-level statement another module may take as a part (`used_as_part`)
        self.owner = owner

    def unbound(self) -> Iterator[tuple[str, list[str]]]:
        """(key, its users) for every key the site's definitions need and it does not bind."""
        keys = {item.key for item in self.bound}
        for key, users in self.needs.by_key.items():
            if key not in keys:
                yield key, users


def describe(resolver: Resolver, fn: DecoratedFunction, model: ModuleModel) -> str:
    """How messages name a definition: `asset 'orders'`."""
    return f"{fn.kind} '{resolver.display_name(model, fn)}'"


def job_ops(
    resolver: Resolver, job: DecoratedFunction, model: ModuleModel
) -> list[tuple[DecoratedFunction, ModuleModel]]:
    """The ops a job, graph or graph asset body runs: called, aliased (`op.alias("x")()`),
    mapped over a dynamic output (`items.map(op)`), or through a graph it calls. Read once
    per check: a job is also reached through each sensor or schedule targeting it."""
    key = (id(job.func), id(model))
    found = resolver.job_ops.get(key)
    if found is None:
        found = list(_job_ops(resolver, job, model))
        resolver.job_ops[key] = found
    return found


def _job_ops(
    resolver: Resolver, job: DecoratedFunction, model: ModuleModel, depth: int = 0
) -> Iterator[tuple[DecoratedFunction, ModuleModel]]:
    if depth > RESOLVE_DEPTH:
        return
    body = resolver.function_body(model, job.func) if model.outline else (model, job.func)
    if body is None:
        return
    owner, func = body
    scope = Scope(owner, func)
    for node in ast.walk(func):
        if node is func or not isinstance(node, (ast.Name, ast.Attribute)):
            continue
        if not isinstance(getattr(node, "ctx", None), ast.Load):
            continue
        found = resolver.definition(owner, node)
        if found is None:
            if isinstance(node, ast.Name) and resolver.is_local(scope, node.id):
                continue
            # `for copy in COPY_OPS: copy()`: ops a module-level list holds (made by a factory)
            value = resolver.value_of(owner, node)
            if value is None or not isinstance(value[1], (ast.List, ast.Tuple, ast.ListComp)):
                continue
            listed = [(e.definition, e.model) for e in resolver.entries(owner, node)]
        else:
            listed = [found]
        for op, op_model in listed:
            if op.kind == "op":
                yield op, op_model
            elif op.kind == "graph" and op.func is not job.func:
                yield from _job_ops(resolver, op, op_model, depth + 1)


def _needs_of_job(
    resolver: Resolver, fn: DecoratedFunction, model: ModuleModel, bound: frozenset[str],
    needs: Needs,
) -> None:
    label = describe(resolver, fn, model)
    for op, op_model in job_ops(resolver, fn, model):
        keys = resolver.required_keys(op_model, op)
        for key in sorted((keys or set()) - bound):
            needs.add(key, f"{describe(resolver, op, op_model)} in {label}")


def add_entry_needs(resolver: Resolver, entry: Entry, needs: Needs) -> None:
    """What one listed definition needs from the binding site."""
    fn, model = entry.definition, entry.model
    if fn.kind in ("job", "graph_asset", "graph"):
        if entry.job == JOB_BINDS_ITSELF:
            return
        if fn.kind == "graph" and entry.job != JOB_BOUND_WHERE_LISTED:
            return  # a graph is not run by itself
        declared = resolver.declared(model, fn)
        if not declared.complete or declared.resource_defs is None:
            return
        if declared.resource_defs and fn.kind == "job":
            return  # the job binds its own resources; its decorator is checked on its own
        # a graph asset's ops get its resource_defs= plus what the binding site binds
        bound = entry.extra_keys | {item.key for item in declared.resource_defs}
        _needs_of_job(resolver, fn, model, bound, needs)
        return
    if fn.kind not in _COMPUTE:
        return
    keys = resolver.required_keys(model, fn)
    for key in sorted((keys or set()) - entry.extra_keys):
        needs.add(key, describe(resolver, fn, model))
    if fn.kind in ("sensor", "schedule"):
        # the jobs a sensor or schedule runs are part of the Definitions that list it
        keywords, _ = resolver.keywords(model, fn)
        for name in TARGET_KEYWORDS:
            target = keywords.get(name)
            if target is None:
                continue
            for targeted in resolver.entries(model, target):  # jobs, or assets (`target=`)
                if targeted.definition.kind in ("job", "graph") or (
                    targeted.definition.kind in ASSET_KINDS
                ):
                    add_entry_needs(resolver, targeted, needs)


def needs_of(resolver: Resolver, entries: list[Entry]) -> Needs:
    needs = Needs()
    for entry in entries:
        add_entry_needs(resolver, entry, needs)
    return needs


def site_name(model: ModuleModel, expr: ast.expr) -> str:
    """How messages name the site an expression makes: `Definitions`, `Definitions.merge`,
    `load_from_defs_folder(...)`, `build_defs()`."""
    if isinstance(expr, ast.Call):
        role = model.imports.role(expr.func)
        if role == DEFINITIONS:
            return DEFINITIONS
        if is_merge_call(model, expr):
            return f"{DEFINITIONS}.{MERGE}"
        if role in DEFS_FOLDER_LOADERS or role in DEFINITIONS_LOADERS:
            return f"the Definitions loaded by {role}(...)"
        name = ast.unparse(expr.func)
        if len(name) <= 40:
            return f"the Definitions returned by {name}()"
    return DEFINITIONS


def in_defs_folder(path: str) -> bool:
    """Is the module below a `defs` folder of a package (`my_project/defs/dbt/assets.py`), or
    below the defs folder a dg project's config names? dg's loaders read such a module as a
    part of the project's Definitions."""
    directory = os.path.dirname(os.path.abspath(path))
    for _ in range(8):
        parent = os.path.dirname(directory)
        if parent == directory:
            return False
        if os.path.basename(directory) == DEFS_FOLDER:
            return os.path.isfile(os.path.join(parent, "__init__.py")) or (
                defs_folder.is_project_defs_folder(directory)
            )
        directory = parent
    return False


# -- code locations ----------------------------------------------------------------------------


def _value_sites(
    resolver: Resolver, model: ModuleModel, expr: ast.expr, value: Assembled,
    owner: ast.stmt | None,
) -> Iterator[Site]:
    name = site_name(model, expr)
    for part in value.parts:
        yield Site(expr, name, part.bound, needs_of(resolver, part.entries), part.label, owner)


def _may_make_definitions(resolver: Resolver, model: ModuleModel, call: ast.Call) -> bool:
    """A cheap first look: a Definitions-making call, or a call of a project function in a
    file that mentions `Definitions` (only those are read)."""
    role = model.imports.role(call.func)
    if role is not None:
        return role == DEFINITIONS or role in DEFS_FOLDER_LOADERS or role in DEFINITIONS_LOADERS
    func = call.func
    if isinstance(func, ast.Attribute):
        if func.attr == MERGE:
            return model.imports.role(func.value) == DEFINITIONS
        if isinstance(func.value, ast.Call):
            return _may_make_definitions(resolver, model, func.value)
    if not isinstance(func, (ast.Name, ast.Attribute)):
        return False
    target = resolver.target_of(model, func)
    if target is None or not isinstance(target[1], _FUNCTIONS):
        return False
    text = resolver.index.text(target[0].path)
    return text is not None and DEFINITIONS in text


def _code_location_sites(
    resolver: Resolver, assembler: Assembler, model: ModuleModel
) -> Iterator[Site]:
    for stmt in model.tree.body:
        if isinstance(stmt, _FUNCTIONS):
            if is_definitions_function(model, stmt):
                yield from _definitions_function_sites(resolver, assembler, model, stmt)
            continue
        if not isinstance(stmt, (ast.Assign, ast.AnnAssign)):
            continue
        targets = stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target]
        if len(targets) != 1 or not isinstance(targets[0], ast.Name):
            continue
        value = stmt.value
        if not isinstance(value, ast.Call) or not _may_make_definitions(resolver, model, value):
            continue
        found = assembler.value(Scope(model), value)
        if found is not None:
            yield from _value_sites(resolver, model, value, found, stmt)


def _definitions_function_sites(
    resolver: Resolver, assembler: Assembler, model: ModuleModel, func: FunctionNode
) -> Iterator[Site]:
    """An `@definitions` function: each `return` is checked where it is written."""
    returns = resolver.returns(func)
    if returns is None:
        return
    scope = Scope(model, func)
    for statement in returns:
        assert statement.value is not None
        found = assembler.value(scope, statement.value)
        if found is not None:
            yield from _value_sites(resolver, model, statement.value, found, func)


def _in_partial_scope(model: ModuleModel, call: ast.Call) -> bool:
    """A `Definitions(...)` inside a function or a block that is likely a part of one merged
    elsewhere: one without `resources=` (another module's Definitions binds them), one in an
    `@definitions` function, or one in a module of a dg defs folder."""
    if not is_merge_call(model, call) and definitions_argument(call, RESOURCES) is None:
        return True
    if in_defs_folder(model.path):
        return True
    node: ast.AST | None = model.parents.get(id(call))
    while node is not None:
        if is_definitions_function(model, node):
            return True
        node = model.parents.get(id(node))
    return False


def _enclosing(model: ModuleModel, node: ast.AST) -> tuple[FunctionNode | None, ast.stmt | None]:
    """The innermost function around a node, and the module-level statement holding it."""
    func: FunctionNode | None = None
    statement: ast.stmt | None = None
    parent = model.parents.get(id(node))
    while parent is not None and not isinstance(parent, ast.Module):
        if func is None and isinstance(parent, _FUNCTIONS):
            func = parent
        if isinstance(parent, ast.stmt):
            statement = parent
        parent = model.parents.get(id(parent))
    return func, statement


def _other_definitions_sites(
    resolver: Resolver, assembler: Assembler, model: ModuleModel
) -> Iterator[Site]:
    """`Definitions(...)` with resources and merges that no code location of the module
    read: outer merges first, so the parts they read are not checked again."""
    calls = sorted(
        (
            call for call in model.calls
            if is_merge_call(model, call) or model.imports.role(call.func) == DEFINITIONS
        ),
        key=lambda call: (not is_merge_call(model, call), call.lineno, call.col_offset),
    )
    for call in calls:
        if id(call) in assembler.consumed or _in_partial_scope(model, call):
            continue
        func, statement = _enclosing(model, call)
        found = assembler.value(Scope(model, func), call)
        if found is not None:
            # `defs = ...`, or `def build_defs(): ...` (used where it is called)
            owners = (ast.Assign, ast.AnnAssign, *_FUNCTIONS)
            owner = statement if isinstance(statement, owners) else None
            yield from _value_sites(resolver, model, call, found, owner)


# -- the other binding sites -------------------------------------------------------------------


def _repository_sites(resolver: Resolver, model: ModuleModel) -> Iterator[Site]:
    for fn in model.functions:
        if fn.kind != "repository":
            continue
        needs = Needs()
        for node in ast.walk(fn.func):
            if isinstance(node, ast.Return) and isinstance(node.value, (ast.List, ast.Tuple)):
                for entry in resolver.entries(Scope(model, fn.func), node.value):
                    add_entry_needs(resolver, entry, needs)
        line, col = fn.decorator.lineno, max(fn.decorator.col_offset - 1, 0)
        yield Site((line, col), f"repository '{fn.function_name}'", [], needs)


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
        yield Site((line, col), site, declared.resource_defs, needs)


def _job_name(call: ast.Call, default: str) -> str:
    name = next((k.value for k in call.keywords if k.arg == "name"), None)
    if isinstance(name, ast.Constant) and isinstance(name.value, str):
        return name.value
    return default


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
        site = f"resource_defs of job '{_job_name(call, graph.function_name)}'"
        yield Site(call, site, items, needs)


def _execute_in_process_sites(resolver: Resolver, model: ModuleModel) -> Iterator[Site]:
    """`my_job.execute_in_process(resources={...})` of a job or graph that binds no keys of
    its own: its ops need their keys there."""
    for call in model.calls:
        func = call.func
        if not isinstance(func, ast.Attribute) or func.attr != EXECUTE_IN_PROCESS:
            continue
        if any(keyword.arg is None for keyword in call.keywords):
            continue
        if not isinstance(func.value, (ast.Name, ast.Attribute)):
            continue
        found = resolver.definition(model, func.value)
        if found is None or found[0].kind not in ("job", "graph"):
            continue
        job, job_model = found
        declared = resolver.declared(job_model, job)
        if not declared.complete or declared.resource_defs is None or declared.resource_defs:
            continue  # a job with resource_defs is checked at its decorator
        resources = next((k.value for k in call.keywords if k.arg == RESOURCES), None)
        items = resolver.dict_items(model, resources) if resources is not None else []
        if items is None:
            continue
        needs = Needs()
        for op, op_model in job_ops(resolver, job, job_model):
            for key in sorted(resolver.required_keys(op_model, op) or set()):
                needs.add(key, describe(resolver, op, op_model))
        yield Site(call, f"{EXECUTE_IN_PROCESS} of {job.kind} '{job.function_name}'", items, needs)


def _with_resources_sites(resolver: Resolver, model: ModuleModel) -> Iterator[Site]:
    """`with_resources([...], {...})`: Dagster checks right away that the keys given bind
    what the definitions need. Read last: a call that a listing of this module already read
    is checked there, with the keys it binds (`Definitions(assets=with_resources(...))`)."""
    for call in model.calls:
        if model.imports.role(call.func) != WITH_RESOURCES:
            continue
        if id(call) in resolver.with_resources_read:
            continue
        resources = argument(call, 1, WITH_RESOURCES_RESOURCES)
        listed = argument(call, 0, WITH_RESOURCES_DEFINITIONS)
        items = resolver.dict_items(model, resources) if resources is not None else None
        if items is None or listed is None:
            continue
        func, _ = _enclosing(model, call)
        needs = needs_of(resolver, list(resolver.entries(Scope(model, func), listed)))
        yield Site(call, WITH_RESOURCES, items, needs)


def _materialize_sites(resolver: Resolver, model: ModuleModel) -> Iterator[Site]:
    """`materialize([...], resources=...)` (tests, scripts, notebooks): Dagster binds every
    listed asset's keys before it runs, whatever `selection=` picks; a `**options` beside an
    explicit `resources=` cannot bind more. `materialize_to_memory` provides the IO managers
    itself, so manager keys are left out there."""
    for call in model.calls:
        role = model.imports.role(call.func)
        if role not in (MATERIALIZE, MATERIALIZE_TO_MEMORY):
            continue
        given = {keyword.arg for keyword in call.keywords}
        if any(isinstance(arg, ast.Starred) for arg in call.args) or (
            None in given and RESOURCES not in given
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
        func, _ = _enclosing(model, call)
        needs = Needs()
        managers: set[str] = set()
        for entry in resolver.entries(Scope(model, func), listed):
            add_entry_needs(resolver, entry, needs)
            if role == MATERIALIZE_TO_MEMORY:  # it binds IO managers, not input managers
                keywords, _ = resolver.keywords(entry.model, entry.definition)
                io_managers = resolver.manager_keys(entry.model, keywords, (IO_MANAGER_KEY,))
                managers |= io_managers or set()
        for key in managers:
            needs.by_key.pop(key, None)
        yield Site(call, role, items, needs)


def binding_sites(resolver: Resolver, model: ModuleModel) -> Iterator[Site]:
    """The binding sites of a module, with what they bind and need. A site with an `owner`
    may still be a part that another module takes (`used_as_part`): ask only when it has
    something to report."""
    assembler = Assembler(resolver)
    if not in_defs_folder(model.path):  # a defs folder's modules are parts of its loader's
        yield from _code_location_sites(resolver, assembler, model)
    yield from _other_definitions_sites(resolver, assembler, model)
    yield from _materialize_sites(resolver, model)
    yield from _execute_in_process_sites(resolver, model)
    yield from _graph_job_sites(resolver, model)
    yield from _repository_sites(resolver, model)
    yield from _job_sites(resolver, model)
    yield from _with_resources_sites(resolver, model)


# -- parts taken elsewhere ---------------------------------------------------------------------
#
# Real projects split definitions by team or tool: `dbt/definitions.py` binds only the dbt
# resource, `resources.py` binds the shared ones, and the code location's `definitions.py`
# merges them (`Definitions.merge(resource_defs, dbt_defs)`). Such a part is not loaded on its
# own: the code location that takes it is checked as a whole. The project scan below costs
# nothing on the files that have nothing to report.


def used_as_part(resolver: Resolver, model: ModuleModel, owner: ast.stmt) -> bool:
    """True when something other than attribute reads (`defs.get_job_def(...)`) uses the
    owner's name in this module or in another module of the project (a merge, a call, a list),
    or a defs loader elsewhere reads the module's folder."""
    names = _owner_names(owner)
    if not names:
        return False
    if any(_uses(model, name) for name in names):
        return True
    index = resolver.index
    if not index.cross_file:
        return False
    here = os.path.abspath(model.path)
    for path in index.project_files(model.path):
        if os.path.abspath(path) == here or is_test_file(path):
            continue  # what a test does with a code location does not make it a part
        text = index.text(path)
        if text is None:
            continue
        mentioned = any(re.search(rf"\b{re.escape(name)}\b", text) for name in names)
        loads_folder = any(loader in text for loader in DEFS_FOLDER_LOADERS)
        if not mentioned and not loads_folder:
            continue
        other = index.full_model(path)
        if other is None:
            continue
        if mentioned and _refers(resolver, other, owner, names):
            return True
        if loads_folder and _loads_folder_of(resolver, other, here):
            return True
    return False


def _owner_names(owner: ast.stmt) -> list[str]:
    if isinstance(owner, ast.Assign):
        return [target.id for target in owner.targets if isinstance(target, ast.Name)]
    if isinstance(owner, ast.AnnAssign):
        return [owner.target.id] if isinstance(owner.target, ast.Name) else []
    if isinstance(owner, _FUNCTIONS):
        return [owner.name]
    return []


def _is_part_use(model: ModuleModel, node: ast.expr) -> bool:
    """A load of a name that uses the object itself, not one of its attributes."""
    parent = model.parents.get(id(node))
    return not (isinstance(parent, ast.Attribute) and parent.value is node)


def _uses(model: ModuleModel, name: str) -> bool:
    """Is the module-level `name` used as a whole somewhere (not where a function binds a
    local of the same name, as `defs = load_defs(...)` inside `def defs():`)?"""
    for node in model.names.get(name, ()):
        if isinstance(node.ctx, ast.Load) and _is_part_use(model, node):
            if not _local_in_function(model, node, name):
                return True
    return False


def _local_in_function(model: ModuleModel, node: ast.AST, name: str) -> bool:
    parent = model.parents.get(id(node))
    while parent is not None and not isinstance(parent, ast.Module):
        if isinstance(parent, (*_FUNCTIONS, ast.Lambda)):
            arguments = parent.args
            params = [*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs]
            if any(arg.arg == name for arg in params):
                return True
            if not isinstance(parent, ast.Lambda) and any(
                isinstance(inner, ast.Name) and inner.id == name
                and isinstance(inner.ctx, ast.Store)
                for inner in ast.walk(parent)
            ):
                return True
        parent = model.parents.get(id(parent))
    return False


def _refers(resolver: Resolver, other: ModuleModel, owner: ast.stmt, names: list[str]) -> bool:
    """Does a module use the owner (imported under any name, or as `module.name`)?"""
    for local in other.imports.names():
        found = resolver.target_of(other, ast.Name(id=local, ctx=ast.Load()))
        if found is not None and found[1] is owner and _uses(other, local):
            return True
    for node in ast.walk(other.tree):
        if isinstance(node, ast.Attribute) and node.attr in names:
            found = resolver.target_of(other, node)
            if found is not None and found[1] is owner and _is_part_use(other, node):
                return True
    return False


def _loads_folder_of(resolver: Resolver, other: ModuleModel, path: str) -> bool:
    """Does a defs loader call of the module read the folder holding `path`?"""
    assembler = Assembler(resolver)
    for call in other.calls:
        role = other.imports.role(call.func)
        if role not in DEFS_FOLDER_LOADERS:
            continue
        func, _ = _enclosing(other, call)
        folder = assembler.loader_folder(Scope(other, func), call, role)
        if folder is not None and path.startswith(os.path.join(folder[0], "")):
            return True
    return False
