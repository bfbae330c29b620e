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

from dagwire.lint_rules.imports import imports_framework
from dagwire.lint_rules.model import ModuleModel, build_model
from dagwire.lint_rules.resolve import Resolver
from dagwire.vocabulary.calls import MERGE
from dagwire.vocabulary.names import DEFINITIONS

_MAX_FILES = 300
_MAX_BYTES = 1_000_000

# path -> (mtime, text) of the project's files, and path -> (mtime, model) of the few parsed
_TEXTS: dict[str, tuple[float, str]] = {}
_MODELS: dict[str, tuple[float, ModuleModel | None]] = {}
_LISTINGS: dict[str, list[str]] = {}


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
    if not resolver.index.cross_file:
        return False
    for path in _project_files(model.path):
        if os.path.abspath(path) == os.path.abspath(model.path):
            continue
        text = _text(path)
        if text is None or MERGE not in text:
            continue
        if not any(re.search(rf"\b{re.escape(name)}\b", text) for name in names):
            continue
        other = _model(path)
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


def _project_files(path: str) -> list[str]:
    """The Python files of the project around `path`: the outermost package holding it
    (sub-packages with an `__init__.py`, as Dagster walks them) and the modules next to that
    package (a `definitions.py` beside it); the file's own folder when it is in no package."""
    directory = os.path.dirname(os.path.abspath(path))
    top = directory
    while os.path.isfile(os.path.join(top, "__init__.py")):
        parent = os.path.dirname(top)
        if parent == top or not os.path.isfile(os.path.join(parent, "__init__.py")):
            break
        top = parent
    cached = _LISTINGS.get(top)
    if cached is not None:
        return cached
    files: list[str] = []
    in_package = os.path.isfile(os.path.join(top, "__init__.py"))
    roots = [os.path.dirname(top)] if in_package else [top]
    for root in roots:  # modules beside the package (or in the plain folder)
        try:
            names = sorted(os.listdir(root))
        except OSError:
            names = []
        files.extend(os.path.join(root, name) for name in names if name.endswith(".py"))
    if in_package:
        for folder, subdirectories, names in os.walk(top):
            subdirectories[:] = sorted(
                name
                for name in subdirectories
                if os.path.isfile(os.path.join(folder, name, "__init__.py"))
            )
            files.extend(
                os.path.join(folder, name) for name in sorted(names) if name.endswith(".py")
            )
            if len(files) > _MAX_FILES:
                break
    files = files[:_MAX_FILES]
    _LISTINGS[top] = files
    return files


def _text(path: str) -> str | None:
    try:
        stat = os.stat(path)
    except OSError:
        return None
    cached = _TEXTS.get(path)
    if cached is not None and cached[0] == stat.st_mtime:
        return cached[1]
    if stat.st_size > _MAX_BYTES:
        return None
    try:
        with open(path, "rb") as handle:
            text = handle.read().decode("utf-8", errors="replace")
    except OSError:
        return None
    _TEXTS[path] = (stat.st_mtime, text)
    return text


def _model(path: str) -> ModuleModel | None:
    try:
        mtime = os.stat(path).st_mtime
    except OSError:
        return None
    cached = _MODELS.get(path)
    if cached is not None and cached[0] == mtime:
        return cached[1]
    model: ModuleModel | None = None
    text = _text(path)
    if text is not None:
        try:
            tree = ast.parse(text, filename=path)
            if imports_framework(tree):
                model = build_model(tree, path, framework=True)
        except (SyntaxError, ValueError, RecursionError):
            model = None
    _MODELS[path] = (mtime, model)
    return model
