"""Phase 1: where an op's context goes besides its own body, and which resources it reads there.

An op that hands its context to a helper (`extract_rows(context, sql)`) uses the resources
the helper reads through it (`context.resources.warehouse`): RSC201 must not call such a
key unused. The helper is followed when it is a function of the project (same module, or
imported from one), through further helpers, as deep as the shared resolution limit. Where
the context goes somewhere that cannot be followed (a method, a library, a stored value),
the flow records that it escapes: then any declared key may be read there, and RSC201
keeps every declared key required (a parameter) and the context available.
"""

from __future__ import annotations

import ast

from dagwire.migrate.facts import ContextFlow
from dagwire.migrate.index import MigrationIndex
from dagwire.source_model.module import ModuleModel
from dagwire.vocabulary.limits import RESOLVE_DEPTH

# Builtins that cannot read a context's resources.
_HARMLESS = frozenset({"print", "str", "repr", "type", "isinstance", "id", "hash", "bool"})
_FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef)


def _parents(function: ast.AST) -> dict[int, ast.AST]:
    parents: dict[int, ast.AST] = {}
    for node in ast.walk(function):
        for child in ast.iter_child_nodes(node):
            parents[id(child)] = node
    return parents


class _Follower:
    def __init__(self, index: MigrationIndex) -> None:
        self.index = index
        self.flow = ContextFlow()
        self.seen: set[tuple[str, str, str]] = set()

    def uses(self, model: ModuleModel, function: ast.FunctionDef | ast.AsyncFunctionDef,
             name: str, where: str | None, depth: int) -> None:
        """The uses of the context named `name` in `function` (`where`: the helper's name
        for messages; None for the op itself, whose own reads phase 2 rewrites)."""
        parents = _parents(function)
        body = function.body
        for statement in body:
            for node in ast.walk(statement):
                if not (isinstance(node, ast.Name) and node.id == name
                        and isinstance(node.ctx, ast.Load)):
                    continue
                self._use(model, node, parents, where, depth)

    def _use(self, model: ModuleModel, node: ast.Name, parents: dict[int, ast.AST],
             where: str | None, depth: int) -> None:
        parent = parents.get(id(node))
        if isinstance(parent, ast.Attribute):
            if parent.attr == "resources" and where is not None:
                self._resources(parent, parents, where)
            return  # context.log, context.op_config, ...: no resource read
        call, position, keyword = None, -1, None
        if isinstance(parent, ast.Call) and node in parent.args:
            call, position = parent, parent.args.index(node)
        elif isinstance(parent, ast.keyword) and isinstance(parents.get(id(parent)), ast.Call):
            call, keyword = parents[id(parent)], parent.arg  # type: ignore[assignment]
        if call is None or keyword is None and position < 0:
            self._escape("it is stored, returned or passed on as a whole", where)
            return
        assert isinstance(call, ast.Call)
        if isinstance(call.func, ast.Name) and call.func.id in _HARMLESS and (
                not model.imports.is_bound(call.func.id)):
            return
        self._call(model, call, position, keyword, where, depth)

    def _call(self, model: ModuleModel, call: ast.Call, position: int, keyword: str | None,
              where: str | None, depth: int) -> None:
        callee = ast.unparse(call.func)
        found = self.index.resolver.target_of(model, call.func) if isinstance(
            call.func, (ast.Name, ast.Attribute)) else None
        if found is None or not isinstance(found[1], _FUNCTIONS) or depth >= RESOLVE_DEPTH:
            self._escape(f"{callee}()", where)
            return
        owner, helper = found
        assert isinstance(helper, _FUNCTIONS)
        args = helper.args
        positional = [*args.posonlyargs, *args.args]
        parameter: str | None = None
        if keyword is not None:
            names = [a.arg for a in [*args.args, *args.kwonlyargs]]
            parameter = keyword if keyword in names else None
        elif position < len(positional) and not any(
                isinstance(a, ast.Starred) for a in call.args[:position]):
            parameter = positional[position].arg
        if parameter is None:
            self._escape(f"{callee}() (as **kwargs or *args)", where)
            return
        key = (owner.path, helper.name, parameter)
        if key in self.seen:
            return
        self.seen.add(key)
        self.uses(owner, helper, parameter, helper.name, depth + 1)

    def _resources(self, attribute: ast.Attribute, parents: dict[int, ast.AST],
                   where: str) -> None:
        above = parents.get(id(attribute))
        if isinstance(above, ast.Attribute):
            if above.attr.startswith("_") or above.attr == "original_resource_dict":
                # the object's own API (`_asdict()`): every resource at once
                self._escape(f"{where} uses context.resources.{above.attr}", None)
            else:
                self.flow.reads.setdefault(above.attr, where)
            return
        if (isinstance(above, ast.Call) and isinstance(above.func, ast.Name)
                and above.func.id == "getattr" and len(above.args) >= 2
                and above.args[0] is attribute):
            key = above.args[1]
            if isinstance(key, ast.Constant) and isinstance(key.value, str):
                self.flow.reads.setdefault(key.value, where)
                return
        self._escape(f"{where} uses context.resources as a whole", None)

    def _escape(self, text: str, where: str | None) -> None:
        described = f"{where}: {text}" if where is not None else text
        if described not in self.flow.escapes:
            self.flow.escapes.append(described)


def follow(index: MigrationIndex, model: ModuleModel,
           function: ast.FunctionDef | ast.AsyncFunctionDef, context: str) -> ContextFlow:
    """Where the context parameter `context` of an op or asset goes, helpers followed."""
    follower = _Follower(index)
    follower.uses(model, function, context, None, 0)
    return follower.flow
