"""Is a `Definitions(...)` a part that a `Definitions.merge(...)` merges with other parts?

Real projects split definitions by team or tool: `dbt/definitions.py` binds only the dbt
resource, `resources.py` binds the shared ones, and the code location's `definitions.py`
merges them (`Definitions.merge(resource_defs, dbt_defs)`). Such a part is not loaded on
its own, so RSC101 must not check it alone: the merge is checked as the union of its parts.

Only asked when RSC101 is about to report a binding site, so the project scan below costs
nothing on the files that have no finding.
"""

from __future__ import annotations

import ast
import os
import re

from dagwire.source_model.module import ModuleModel
from dagwire.source_model.resolve import Resolver
from dagwire.vocabulary.calls import MERGE
from dagwire.vocabulary.names import DEFINITIONS


def is_merge_call(model: ModuleModel, call: ast.Call) -> bool:
    func = call.func
    return (
        isinstance(func, ast.Attribute)
        and func.attr == MERGE
        and model.imports.role(func.value) == DEFINITIONS
    )


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
