"""What an expression may evaluate to, followed through names and the project's own functions:
a module constant's value, a function-local name's reaching assignment, a parameter's
argument at the call being followed, and the `return` values of a function the project
defines (`make_resources()`, a factory `table_asset("orders")`, a helper `tag_all([...])`).

Names are looked up in a `Scope`: a module, or one of its functions as one call runs it. The
second floor of the resolver (`resolve.Resolver`), on top of `resolve_names`. When a value
cannot be told (a name bound in a branch or a loop, a parameter without a known argument, a
function the project does not define), the answer is None: stay silent.
"""

from __future__ import annotations

import ast
from typing import Iterator

from dagwire.source_model.imports import (
    IMPORTED,
    IMPORTED_MODULE,
    LOCAL,
    assigned_value,
    imported_role,
)
from dagwire.source_model.module import DecoratedFunction, FunctionNode, ModuleModel
from dagwire.source_model.project import ProjectIndex
from dagwire.source_model.resolve_names import NameResolver
from dagwire.vocabulary.limits import RESOLVE_DEPTH
from dagwire.vocabulary.names import RETURN_KEEPING_DECORATORS, framework_of, role_of

_FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef)
# Scopes of their own: what they bind is not a name of the function around them.
_NESTED_SCOPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)


def _is_builtin(model: ModuleModel, expr: ast.expr, name: str) -> bool:
    """`staticmethod` as written in a class body, not rebound by the module."""
    return isinstance(expr, ast.Name) and expr.id == name and not model.imports.is_bound(name)


def _keeps_return(model: ModuleModel, decorator: ast.expr) -> bool:
    """`@cache`, `@functools.lru_cache(maxsize=None)`, ...: the call returns the body's value."""
    if isinstance(decorator, ast.Call):
        decorator = decorator.func
    if isinstance(decorator, ast.Attribute) and isinstance(decorator.value, ast.Name):
        binding = model.imports.lookup(decorator.value.id)
        return (
            binding is not None and binding.kind == IMPORTED_MODULE
            and decorator.attr in RETURN_KEEPING_DECORATORS.get(binding.module, ())
        )
    if isinstance(decorator, ast.Name):
        binding = model.imports.lookup(decorator.id)
        return (
            binding is not None and binding.kind == IMPORTED and binding.level == 0
            and binding.name in RETURN_KEEPING_DECORATORS.get(binding.module, ())
        )
    return False


class Scope:
    """Where names are looked up: a module, or a function of it as one call runs it (its
    parameters bound to that call's arguments, each read in the caller's scope)."""

    __slots__ = ("model", "func", "arguments", "unknown")

    def __init__(
        self,
        model: ModuleModel,
        func: FunctionNode | None = None,
        arguments: dict[str, tuple[Scope, ast.expr]] | None = None,
        unknown: frozenset[str] = frozenset(),
    ) -> None:
        self.model = model
        self.func = func
        self.arguments = arguments or {}
        # names whose value is not known here: comprehension targets, parameters whose
        # argument was not given or was splatted
        self.unknown = unknown

    def hiding(self, names: frozenset[str]) -> Scope:
        """The same scope, with `names` unknown (the targets of a comprehension)."""
        return Scope(self.model, self.func, self.arguments, self.unknown | names)


class _Local:
    """How a function binds a name: by one assignment per top-level statement (`value`), a
    nested `def`/`class` (`node`: the one statement binding the name, in a loop or a branch
    too), a local `import` (`module`), or in a way that cannot be followed (an assignment in a
    branch or a loop, `+=`, `global`). A list may also grow by `.append(x)` / `.extend(xs)`
    calls anywhere in the body (`grown`: each call, in order). A name bound once, by an
    assignment at the top of a loop's body (`looped`: the assignment and the loop), is told
    where the same pass of that loop reads it."""

    __slots__ = ("assignments", "node", "module", "opaque", "grown", "looped", "binds")

    def __init__(self) -> None:
        self.assignments: list[ast.stmt] = []
        self.node: ast.AST | None = None
        self.module: tuple[str, int, str] | None = None  # (module, level, imported name)
        self.opaque = False
        self.grown: list[ast.Call] = []
        self.looped: tuple[ast.Assign, ast.stmt] | None = None
        self.binds = 0  # statements binding the name


class ValueResolver(NameResolver):
    def __init__(self, index: ProjectIndex) -> None:
        super().__init__(index)
        self._locals: dict[int, dict[str, _Local]] = {}
        self._bodies: dict[int, tuple[ModuleModel, FunctionNode] | None] = {}

    # -- functions ------------------------------------------------------------------------

    def function_body(
        self, model: ModuleModel, func: FunctionNode
    ) -> tuple[ModuleModel, FunctionNode] | None:
        """A function with its body: a looked-up module keeps only signatures (an outline),
        so its full model is read for the body. None when the file cannot be read."""
        if not model.outline:
            return model, func
        if id(func) in self._bodies:
            return self._bodies[id(func)]
        found: tuple[ModuleModel, FunctionNode] | None = None
        full = self.index.full_model(model.path)
        if full is not None:
            path = _path_to(model.tree, func)
            node = _follow(full.tree, path) if path is not None else None
            if isinstance(node, _FUNCTIONS):
                found = (full, node)
        self._bodies[id(func)] = found
        return found

    def decorated(self, model: ModuleModel, func: ast.AST) -> DecoratedFunction | None:
        """The framework definition a function node is, at any depth of the module."""
        if not isinstance(func, _FUNCTIONS):
            return None
        for decorated in model.functions:
            if decorated.func is func:
                return decorated
        return None

    def returns(self, func: FunctionNode) -> list[ast.Return] | None:
        """The `return` statements of a function's own body; None for a generator or a
        function that may end without a value."""
        found: list[ast.Return] = []
        for node in _own_nodes(func):
            if isinstance(node, (ast.Yield, ast.YieldFrom)):
                return None
            if isinstance(node, ast.Return):
                if node.value is None:
                    return None
                found.append(node)
        if not found or not _always_returns(func.body):
            return None
        return found

    def call_scope(
        self, scope: Scope, call: ast.Call, owner: ModuleModel, func: FunctionNode
    ) -> Scope:
        """The scope a project function runs in for one call: each parameter bound to its
        argument (read in the caller's scope) or default, unknown when splatted or missing.
        A method called on `self` has its first parameter unknown."""
        args = func.args
        positional = [*args.posonlyargs, *args.args]
        arguments: dict[str, tuple[Scope, ast.expr]] = {}
        unknown: set[str] = set()
        if self._is_self_call(scope, call) and positional:
            unknown.add(positional[0].arg)
            positional = positional[1:]
        with_defaults = positional[len(positional) - len(args.defaults):]
        defaults = dict(zip([arg.arg for arg in with_defaults], args.defaults))
        for arg, default in zip(args.kwonlyargs, args.kw_defaults):
            if default is not None:
                defaults[arg.arg] = default
        starred = False
        for index, given in enumerate(call.args):
            if isinstance(given, ast.Starred):
                starred = True
                break
            if index < len(positional):
                arguments[positional[index].arg] = (scope, given)
        splatted = any(keyword.arg is None for keyword in call.keywords)
        for keyword in call.keywords:
            if keyword.arg is not None:
                arguments[keyword.arg] = (scope, keyword.value)
        module = Scope(owner)
        for arg in [*positional, *args.kwonlyargs]:
            if arg.arg in arguments:
                continue
            if starred or splatted or arg.arg not in defaults:
                unknown.add(arg.arg)
            else:
                arguments[arg.arg] = (module, defaults[arg.arg])
        for rest in (args.vararg, args.kwarg):
            if rest is not None:
                unknown.add(rest.arg)
        return Scope(owner, func, arguments, frozenset(unknown))

    def called_function(
        self, scope: Scope, call: ast.Call
    ) -> tuple[ModuleModel, FunctionNode] | None:
        """The project function (not a framework definition, not a class) a call runs, with
        its body."""
        func = call.func
        if not isinstance(func, (ast.Name, ast.Attribute)):
            return None
        if isinstance(func, ast.Attribute) and self._is_self_call(scope, call):
            method = self._method(scope, func.attr)
            if method is None or method[1].decorator_list:
                return None
            return self.function_body(*method)
        if isinstance(func, ast.Name) and scope.func is not None:
            if _is_parameter(scope.func, func.id) or func.id in scope.unknown:
                return None
            local = self._local(scope, func.id)
            if local is not None:
                if local.node is None or local.opaque or local.assignments:
                    return None
                found: tuple[ModuleModel, ast.AST] | None = (scope.model, local.node)
            else:
                found = self.target_of(scope.model, func)
        else:
            found = self.target_of(scope.model, func)
        if found is None and isinstance(func, ast.Attribute):
            static = self._static_method(scope, func)
            return self.function_body(*static) if static is not None else None
        if found is None:
            return None
        owner, node = found
        if not isinstance(node, _FUNCTIONS) or not all(
            _keeps_return(owner, decorator) for decorator in node.decorator_list
        ):
            return None  # a framework definition or a wrapped function: not a plain call
        return self.function_body(owner, node)

    def _static_method(
        self, scope: Scope, func: ast.Attribute
    ) -> tuple[ModuleModel, FunctionNode] | None:
        """`Factory.build_definitions`: a `@staticmethod` (maybe also `@cache`d) of a project
        class the scope names, found through the class's project bases."""
        cls = self.class_in(scope, func.value)
        if cls is None:
            return None
        found = self._class_method(cls[0], cls[1], func.attr, 0)
        if found is None:
            return None
        owner, method = found
        decorators = method.decorator_list
        static = [d for d in decorators if _is_builtin(owner, d, "staticmethod")]
        if len(static) != 1 or not all(
            d in static or _keeps_return(owner, d) for d in decorators
        ):
            return None
        return found

    def class_in(self, scope: Scope, expr: ast.expr) -> tuple[ModuleModel, ast.ClassDef] | None:
        """The project class an expression names in a scope, a class the scope's function
        imports included (`from .factory import Factory` inside a `@definitions` function)."""
        found: tuple[ModuleModel, ast.AST] | None = None
        if isinstance(expr, ast.Name) and self.is_local(scope, expr.id):
            imported = self.local_module(scope, expr.id)
            if imported is None or not imported[2]:
                return None
            module, level, name = imported
            path = self.index.module_path(scope.model, module, level)
            other = self.index.model_for_path(path) if path else None
            found = self.binding_target(other, name) if other is not None else None
        elif isinstance(expr, (ast.Name, ast.Attribute)):
            found = self.target_of(scope.model, expr)
        if found is None or not isinstance(found[1], ast.ClassDef):
            return None
        return found[0], found[1]

    def role_in(self, scope: Scope, expr: ast.expr) -> str | None:
        """The framework role an expression names in a scope: the imports of the scope's
        function (`import dagster as dg` inside a `@definitions` function) come first."""
        root = expr
        while isinstance(root, ast.Attribute):
            root = root.value
        if not isinstance(root, ast.Name) or not self.is_local(scope, root.id):
            return scope.model.imports.role(expr)
        imported = self.local_module(scope, root.id)
        if imported is None or imported[1] != 0:
            return None
        module, _, name = imported
        if isinstance(expr, ast.Name):
            return imported_role(module, name) if name else None
        framework = framework_of(module)
        if name or framework is None or not isinstance(expr, ast.Attribute):
            return None
        return role_of(framework, expr.attr)

    def _is_self_call(self, scope: Scope, call: ast.Call) -> bool:
        """`self.build(...)` inside a method (its first parameter is the instance)."""
        func = call.func
        if scope.func is None or not isinstance(func, ast.Attribute):
            return False
        if not isinstance(func.value, ast.Name):
            return False
        positional = [*scope.func.args.posonlyargs, *scope.func.args.args]
        return bool(positional) and positional[0].arg == func.value.id == "self"

    def _method(
        self, scope: Scope, name: str, depth: int = 0
    ) -> tuple[ModuleModel, FunctionNode] | None:
        """A method of the class the scope's function belongs to, or of its project bases."""
        cls = _class_of(scope.model.tree, scope.func) if scope.func is not None else None
        return self._class_method(scope.model, cls, name, depth) if cls is not None else None

    def _class_method(
        self, model: ModuleModel, cls: ast.ClassDef, name: str, depth: int
    ) -> tuple[ModuleModel, FunctionNode] | None:
        if depth > RESOLVE_DEPTH:
            return None
        for member in cls.body:
            if isinstance(member, _FUNCTIONS) and member.name == name:
                return model, member
        for base in cls.bases:
            found = self.target_of(model, base)
            if found is not None and isinstance(found[1], ast.ClassDef):
                inherited = self._class_method(found[0], found[1], name, depth + 1)
                if inherited is not None:
                    return inherited
        return None

    # -- values -----------------------------------------------------------------------------

    def values_of(
        self, scope: Scope, expr: ast.expr, depth: int = 0
    ) -> list[tuple[Scope, ast.expr]] | None:
        """The expressions `expr` may evaluate to, each with the scope to read it in: names,
        parameters and calls of the project's functions are followed; anything else is its own
        value. None when a name's value cannot be told."""
        if depth > RESOLVE_DEPTH:
            return None
        if isinstance(expr, ast.NamedExpr):
            return self.values_of(scope, expr.value, depth + 1)
        if isinstance(expr, ast.IfExp):
            body = self.values_of(scope, expr.body, depth + 1)
            orelse = self.values_of(scope, expr.orelse, depth + 1)
            return body + orelse if body is not None and orelse is not None else None
        if isinstance(expr, ast.Name):
            return self._name_values(scope, expr, depth)
        if isinstance(expr, ast.Attribute) and isinstance(expr.value, ast.Name):
            if scope.func is None or self._local(scope, expr.value.id) is None:
                found = self.value_of(scope.model, expr)  # `module.CONSTANT`
                if found is not None:
                    return self.values_of(Scope(found[0]), found[1], depth + 1)
            return [(scope, expr)]
        if isinstance(expr, ast.Call):
            called = self.called_function(scope, expr)
            if called is None:
                return [(scope, expr)]
            owner, func = called
            returns = self.returns(func)
            if returns is None:
                return None
            inner = self.call_scope(scope, expr, owner, func)
            values: list[tuple[Scope, ast.expr]] = []
            for statement in returns:
                assert statement.value is not None
                found_values = self.values_of(inner, statement.value, depth + 1)
                if found_values is None:
                    return None
                values.extend(found_values)
            return values
        return [(scope, expr)]

    def _name_values(
        self, scope: Scope, expr: ast.Name, depth: int
    ) -> list[tuple[Scope, ast.expr]] | None:
        name = expr.id
        if name in scope.unknown:
            return None
        if scope.func is not None:
            local = self._local(scope, name)
            if local is None and name in scope.arguments:
                caller, given = scope.arguments[name]
                return self.values_of(caller, given, depth + 1)
            if local is None and _is_parameter(scope.func, name):
                return None  # a parameter of a function not followed from a call
            if local is not None:
                if local.opaque:
                    looped = self._looped_values(scope, expr, local, depth)
                    if looped is not None:
                        return looped
                    return self._passed_through_values(scope, expr, local)
                if local.node is not None or local.module is not None:
                    return [(scope, expr)]  # a nested def/class or a module: itself
                reaching = [stmt for stmt in local.assignments if stmt.lineno < expr.lineno]
                value = assigned_value(reaching[-1]) if reaching else None
                if value is None:
                    return None
                if local.grown:
                    return self._grown_values(scope, value, reaching[-1], local.grown)
                return self.values_of(scope, value, depth + 1)
        binding = scope.model.imports.lookup(name)
        if binding is None or binding.kind in (LOCAL, IMPORTED):  # (None: a star import's)
            found = self.value_of(scope.model, expr)
            if found is not None:
                return self.values_of(Scope(found[0]), found[1], depth + 1)
        return [(scope, expr)]

    def _looped_values(
        self, scope: Scope, expr: ast.Name, local: _Local, depth: int
    ) -> list[tuple[Scope, ast.expr]] | None:
        """`for spec in specs: built = make(spec); assets.append(built)`: a name bound only by
        one assignment at the top of a loop's body, read later in that body, holds what the
        assignment gave on the same pass (an element of a tuple it unpacks, `a, b = make()`)."""
        if local.looped is None or local.binds != 1 or scope.func is None:
            return None
        if _is_parameter(scope.func, expr.id):
            return None
        assignment, loop = local.looped
        if not _read_later_in_body(scope.model, expr, assignment, loop):
            return None
        values = self.values_of(scope, assignment.value, depth + 1)
        target = assignment.targets[0]
        if values is None or isinstance(target, ast.Name):
            return values
        assert isinstance(target, (ast.Tuple, ast.List))
        position = next(
            i for i, e in enumerate(target.elts) if isinstance(e, ast.Name) and e.id == expr.id
        )
        picked: list[tuple[Scope, ast.expr]] = []
        for value_scope, value in values:
            if not isinstance(value, (ast.Tuple, ast.List)) or len(value.elts) != len(
                target.elts
            ) or any(isinstance(element, ast.Starred) for element in value.elts):
                return None
            picked.append((value_scope, value.elts[position]))
        return picked

    def _passed_through_values(
        self, scope: Scope, expr: ast.Name, local: _Local
    ) -> list[tuple[Scope, ast.expr]] | None:
        """`assets = []`, then `assets, checks = collect(configs, assets)` (in a loop, say),
        `collect` a project function that only grows that parameter (`.append(x)` /
        `.extend(xs)`) and returns it: the list holds the display's items, what each such
        call adds and what the function itself appends. None for any other binding."""
        func = scope.func
        if func is None or len(local.assignments) != 1 or local.node or local.module:
            return None
        first = local.assignments[0]
        display = assigned_value(first)
        if not isinstance(display, ast.List) or _is_parameter(func, expr.id):
            return None
        passes = [
            node for node in _own_nodes(func)
            if isinstance(node, ast.Assign) and node is not first
            and any(expr.id in _bound_names(target) for target in node.targets)
        ]
        grown = _list_growth(func, expr.id, first, passes)
        if grown is None:
            return None
        values: list[tuple[Scope, ast.expr]] = [(scope, display)]
        for assign in passes:
            added = self._added_by_call(scope, assign, expr.id)
            if added is None:
                return None
            values += added
        own = _appended(scope, grown)
        return None if own is None else values + own

    def _added_by_call(
        self, scope: Scope, assign: ast.Assign, name: str
    ) -> list[tuple[Scope, ast.expr]] | None:
        """What `name = collect(..., name)` / `name, other = collect(..., name)` adds to the
        list `name` holds: what the project function appends to the parameter it receives it
        as, when every `return` gives that parameter back at the name's position."""
        if len(assign.targets) != 1 or not isinstance(assign.value, ast.Call):
            return None
        target = assign.targets[0]
        if isinstance(target, ast.Name):
            position = None
        elif _plain_tuple(target):
            assert isinstance(target, (ast.Tuple, ast.List))
            names = [e.id for e in target.elts if isinstance(e, ast.Name)]
            if names.count(name) != 1:
                return None
            position = names.index(name)
        else:
            return None
        called = self.called_function(scope, assign.value)
        returns = self.returns(called[1]) if called is not None else None
        if called is None or returns is None:
            return None
        owner, callee = called
        inner = self.call_scope(scope, assign.value, owner, callee)
        params = [
            p for p, (caller, given) in inner.arguments.items()
            if caller is scope and isinstance(given, ast.Name) and given.id == name
        ]
        if len(params) != 1:
            return None
        param = params[0]
        for statement in returns:
            value = statement.value
            if position is not None:
                if not isinstance(value, (ast.Tuple, ast.List)) or len(value.elts) != len(
                    getattr(target, "elts")
                ):
                    return None
                value = value.elts[position]
            if not isinstance(value, ast.Name) or value.id != param:
                return None
        grown = _list_growth(callee, param)
        return None if grown is None else _appended(inner, grown)

    @staticmethod
    def _grown_values(
        scope: Scope, value: ast.expr, assigned: ast.stmt, grown: list[ast.Call]
    ) -> list[tuple[Scope, ast.expr]] | None:
        """A list display grown by `.append(x)` / `.extend(xs)` after it was assigned (in a
        loop, say): the display, each appended `[x]` and each extending `xs` (a list's
        entries are the union of these). None for anything but a list display, or a call that
        is not one plain argument."""
        if not isinstance(value, ast.List):
            return None
        later = [call for call in grown if call.lineno > assigned.lineno]
        added = _appended(scope, later)
        return None if added is None else [(scope, value), *added]

    def value_of(self, model: ModuleModel, expr: ast.expr) -> tuple[ModuleModel, ast.expr] | None:
        """The value a module-level constant name was assigned (`COMMON = {...}`)."""
        found = self.target_of(model, expr)
        if found is None:
            return None
        owner, node = found
        value = assigned_value(node)
        return (owner, value) if value is not None else None

    # -- names inside a function --------------------------------------------------------------

    def local_definition(self, scope: Scope, name: str) -> DecoratedFunction | None:
        """A framework definition made inside the scope's function (`@asset def leads(...)` in
        a factory or a component's `build_defs`)."""
        if scope.func is None:
            return None
        local = self._local(scope, name)
        if local is None or local.opaque or local.assignments or local.node is None:
            return None
        return self.decorated(scope.model, local.node)

    def local_module(self, scope: Scope, name: str) -> tuple[str, int, str] | None:
        """(module, level, name) of a module imported inside the scope's function."""
        if scope.func is None:
            return None
        local = self._local(scope, name)
        if local is None or local.opaque or local.assignments or local.node is not None:
            return None
        return local.module

    def is_local(self, scope: Scope, name: str) -> bool:
        """Is the name bound by the scope's function (a parameter or a local name)?"""
        return scope.func is not None and (
            _is_parameter(scope.func, name)
            or name in scope.unknown
            or self._local(scope, name) is not None
        )

    def _local(self, scope: Scope, name: str) -> _Local | None:
        assert scope.func is not None
        table = self._locals.get(id(scope.func))
        if table is None:
            table = _local_table(scope.func)
            self._locals[id(scope.func)] = table
        return table.get(name)


def _local_table(func: FunctionNode) -> dict[str, _Local]:
    """How a function's body binds each name (nested scopes left out)."""
    table: dict[str, _Local] = {}

    def entry(name: str) -> _Local:
        return table.setdefault(name, _Local())

    def visit(statements: list[ast.stmt], top: bool, loop: ast.stmt | None = None) -> None:
        for stmt in statements:
            if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                # a def in a loop makes the same definition on each pass: still that def
                found = entry(stmt.name)
                found.binds += 1
                if found.node is not None or found.assignments or found.module is not None:
                    found.opaque = True
                found.node = stmt
                continue
            if isinstance(stmt, (ast.Assign, ast.AnnAssign)):
                targets = stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target]
                simple = len(targets) == 1 and isinstance(targets[0], ast.Name)
                unpacks = len(targets) == 1 and _plain_tuple(targets[0])
                for target in targets:
                    for name in _bound_names(target):
                        found = entry(name)
                        found.binds += 1
                        if top and simple and assigned_value(stmt) is not None and (
                            found.node is None
                        ):
                            found.assignments.append(stmt)
                        else:
                            found.opaque = True
                            if loop is not None and isinstance(stmt, ast.Assign) and (
                                simple or unpacks
                            ):
                                found.looped = (stmt, loop)
            elif isinstance(stmt, (ast.Import, ast.ImportFrom)):
                for alias in stmt.names:
                    if alias.name == "*":
                        continue
                    found = entry(alias.asname or alias.name.split(".")[0])
                    found.binds += 1
                    if not top or found.module is not None or found.assignments:
                        found.opaque = True
                    if isinstance(stmt, ast.Import):
                        module = alias.name if alias.asname else alias.name.split(".")[0]
                        found.module = (module, 0, "")
                    else:
                        found.module = (stmt.module or "", stmt.level, alias.name)
            elif isinstance(stmt, (ast.Global, ast.Nonlocal)):
                for name in stmt.names:
                    entry(name).opaque = True
                    entry(name).binds += 2  # bound elsewhere too
            elif isinstance(stmt, ast.Expr) and (method := _list_method_call(stmt.value)):
                name, attr, call = method
                if attr in _GROWING:
                    entry(name).grown.append(call)
                else:
                    entry(name).opaque = True
            else:
                for node in _statement_targets(stmt):
                    for name in _bound_names(node):
                        entry(name).opaque = True
                        entry(name).binds += 1
            is_loop = isinstance(stmt, (ast.For, ast.AsyncFor, ast.While))
            for block in _blocks(stmt):
                visit(block, False, stmt if is_loop and block is getattr(stmt, "body") else None)

    arguments = func.args
    for arg in [*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs]:
        entry(arg.arg)  # a parameter: bound by the call, never by a local statement here
    for rest in (arguments.vararg, arguments.kwarg):
        if rest is not None:
            entry(rest.arg).opaque = True
    visit(func.body, True)
    for arg in [*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs]:
        local = table[arg.arg]
        if local.assignments or local.node is not None or local.module is not None:
            local.opaque = True  # a parameter rebound in the body
        elif not local.opaque:
            del table[arg.arg]  # read through `Scope.arguments`
    return table


# List methods that add elements (followed), and ones that change a list otherwise (its
# value is then not told).
_GROWING = frozenset({"append", "extend"})
_SHRINKING = frozenset({"insert", "remove", "pop", "clear", "sort", "reverse"})


def _list_method_call(expr: ast.expr) -> tuple[str, str, ast.Call] | None:
    """(name, method, the call) of `name.append(x)`-like calls of a list method on a plain name."""
    if not isinstance(expr, ast.Call) or not isinstance(expr.func, ast.Attribute):
        return None
    func = expr.func
    if not isinstance(func.value, ast.Name) or func.attr not in _GROWING | _SHRINKING:
        return None
    return func.value.id, func.attr, expr


def _list_growth(
    func: FunctionNode,
    name: str,
    first: ast.stmt | None = None,
    passes: list[ast.Assign] | None = None,
) -> list[ast.Call] | None:
    """The `name.append(x)` / `name.extend(xs)` statements of a function in which the list
    `name` (a parameter, or a name `first` assigns) changes no other way: not rebound (but by
    the assignments `passes`, which give it to a call and take what it returns), not changed
    in place otherwise, and (a parameter) not given to another call. None otherwise."""
    allowed = {id(node) for node in passes or []} | {id(first)}
    allowed |= {id(node.value) for node in passes or []}
    grown: list[ast.Call] = []
    for node in _own_nodes(func):
        if id(node) in allowed:
            continue
        if isinstance(node, ast.Expr) and (method := _list_method_call(node.value)):
            if method[0] == name:
                if method[1] not in _GROWING:
                    return None
                grown.append(method[2])
                allowed.add(id(method[2]))
        elif first is None and isinstance(node, ast.Call) and any(
            isinstance(arg, ast.Name) and arg.id == name
            for arg in [*node.args, *(keyword.value for keyword in node.keywords)]
        ):
            return None  # given to another call, which may change it
        elif isinstance(node, (ast.Assign, ast.AugAssign, ast.AnnAssign, ast.Delete)):
            targets = node.targets if isinstance(node, (ast.Assign, ast.Delete)) else [
                node.target
            ]
            for target in targets:
                for part in ast.walk(target):
                    if isinstance(part, ast.Name) and part.id == name:
                        return None  # rebound, or changed by subscript or attribute
        elif isinstance(node, ast.stmt) and any(
            name in _bound_names(t) for t in _statement_targets(node)
        ):
            return None
        elif isinstance(node, (ast.Global, ast.Nonlocal)) and name in node.names:
            return None
    return sorted(grown, key=lambda call: (call.lineno, call.col_offset))


def _appended(scope: Scope, grown: list[ast.Call]) -> list[tuple[Scope, ast.expr]] | None:
    """What `.append(x)` / `.extend(xs)` calls add to a list: each appended `[x]` and each
    extending `xs`, read in `scope`; None when a call is not given one plain argument."""
    added: list[tuple[Scope, ast.expr]] = []
    for call in grown:
        if len(call.args) != 1 or call.keywords or isinstance(call.args[0], ast.Starred):
            return None
        assert isinstance(call.func, ast.Attribute)
        item = call.args[0]
        if call.func.attr == "append":
            item = ast.copy_location(ast.List(elts=[item], ctx=ast.Load()), item)
        added.append((scope, item))
    return added


def _plain_tuple(target: ast.expr) -> bool:
    """`a, b` (names only, no starred element)."""
    return isinstance(target, (ast.Tuple, ast.List)) and all(
        isinstance(element, ast.Name) for element in target.elts
    )


def _read_later_in_body(
    model: ModuleModel, expr: ast.expr, assignment: ast.stmt, loop: ast.stmt
) -> bool:
    """Is `expr` in the loop's body, after the assignment (a statement of that body), and
    not inside a nested function or class (which may run on a later pass)?"""
    body: list[ast.stmt] = getattr(loop, "body")
    node: ast.AST = expr
    while True:
        parent = model.parents.get(id(node))
        if parent is None or isinstance(parent, _NESTED_SCOPES):
            return False
        if parent is loop:
            break
        node = parent
    if not isinstance(node, ast.stmt) or not any(stmt is node for stmt in body):
        return False
    position = next(i for i, stmt in enumerate(body) if stmt is node)
    start = next((i for i, stmt in enumerate(body) if stmt is assignment), None)
    return start is not None and start < position


def _is_parameter(func: FunctionNode, name: str) -> bool:
    arguments = func.args
    named = [*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs]
    rest = [arg for arg in (arguments.vararg, arguments.kwarg) if arg is not None]
    return any(arg.arg == name for arg in [*named, *rest])


def _bound_names(target: ast.AST) -> Iterator[str]:
    if isinstance(target, ast.Name):
        yield target.id
    elif isinstance(target, (ast.Tuple, ast.List)):
        for element in target.elts:
            yield from _bound_names(element)
    elif isinstance(target, ast.Starred):
        yield from _bound_names(target.value)


def _statement_targets(stmt: ast.stmt) -> list[ast.AST]:
    """What a compound or augmented statement binds (`for x in`, `with ... as x`, `x += 1`,
    `except E as x`, walrus targets)."""
    found: list[ast.AST] = []
    if isinstance(stmt, (ast.For, ast.AsyncFor, ast.AugAssign)):
        found.append(stmt.target)
    elif isinstance(stmt, (ast.With, ast.AsyncWith)):
        found.extend(item.optional_vars for item in stmt.items if item.optional_vars is not None)
    elif isinstance(stmt, ast.Try):
        found.extend(ast.Name(id=h.name) for h in stmt.handlers if h.name)
    for node in ast.walk(stmt):
        if isinstance(node, ast.NamedExpr):
            found.append(node.target)
    return found


def _blocks(stmt: ast.stmt) -> list[list[ast.stmt]]:
    blocks: list[list[ast.stmt]] = []
    for field in ("body", "orelse", "finalbody"):
        value = getattr(stmt, field, None)
        if isinstance(value, list) and not isinstance(stmt, _NESTED_SCOPES):
            blocks.append(value)
    for handler in getattr(stmt, "handlers", []):
        blocks.append(handler.body)
    for case in getattr(stmt, "cases", []):
        blocks.append(case.body)
    return blocks


def _own_nodes(func: FunctionNode) -> Iterator[ast.AST]:
    """The nodes of a function's body, nested scopes left out."""
    stack: list[ast.AST] = list(func.body)
    while stack:
        node = stack.pop()
        yield node
        if isinstance(node, _NESTED_SCOPES):
            continue
        stack.extend(ast.iter_child_nodes(node))


def _always_returns(body: list[ast.stmt]) -> bool:
    """Does every path through the statements end in `return` or `raise`?"""
    if not body:
        return False
    last = body[-1]
    if isinstance(last, (ast.Return, ast.Raise)):
        return True
    if isinstance(last, ast.If):
        return _always_returns(last.body) and _always_returns(last.orelse)
    if isinstance(last, (ast.With, ast.AsyncWith)):
        return _always_returns(last.body)
    if isinstance(last, ast.Try):
        return (_always_returns(last.body) or _always_returns(last.orelse)) and all(
            _always_returns(handler.body) for handler in last.handlers
        )
    if isinstance(last, ast.Match):
        return all(_always_returns(case.body) for case in last.cases)
    return False


def _class_of(tree: ast.Module, func: FunctionNode) -> ast.ClassDef | None:
    """The module-level class a method is defined in."""
    for stmt in tree.body:
        if isinstance(stmt, ast.ClassDef) and any(member is func for member in stmt.body):
            return stmt
    return None


def _path_to(tree: ast.Module, func: FunctionNode) -> list[str] | None:
    """The names leading to a module-level function or a method: `["Component", "build_defs"]`."""
    for stmt in tree.body:
        if stmt is func:
            return [func.name]
        if isinstance(stmt, ast.ClassDef):
            for member in stmt.body:
                if member is func:
                    return [stmt.name, func.name]
    return None


def _follow(tree: ast.Module, path: list[str]) -> ast.AST | None:
    body: list[ast.stmt] = tree.body
    node: ast.AST | None = None
    for name in path:
        node = next(
            (stmt for stmt in reversed(body) if getattr(stmt, "name", None) == name), None
        )
        if node is None:
            return None
        body = getattr(node, "body", [])
    return node
