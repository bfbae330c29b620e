"""Phase 1 for RSC203: which legacy ``@resource`` functions become a class, and which class.

Two conversions, both exact (anything else keeps the function, with a TODO saying why):

- **the class it builds** becomes the resource: the body is ``return C(...)`` (after an
  optional docstring and ``cfg = context.resource_config``), each argument one config value,
  ``C`` a plain class of the same module whose ``__init__`` only stores each parameter as
  ``self.<key>``/``self._<key>``, used nowhere else, never changing ``self`` (a
  ConfigurableResource is frozen); users then receive ``C`` itself;
- otherwise a **ConfigurableResource that gives its users what the function gave**: the
  schema's fields, and the function's body as ``create_resource`` (the value it returns) or,
  for a generator, as a ``@contextmanager`` ``yield_for_execution`` (the code after
  ``yield`` still runs after the run: the client is still closed). Config reads become
  ``self.<key>``; users annotate the value with ``ResourceParam[...]``.

Either way every other use of the function in the project must be rewritable: a resources
dict value (-> ``C.configure_at_launch()``, or ``C()`` without a schema), ``.configured({...
literal...})`` (-> ``C(...)``), a plain import (renamed), or a direct call with an
``build_init_resource_context(config=...)`` (-> ``C(**config)``, or
``C(**config).create_resource(context)``). A run config literal of the project that gives
config to a key bound to ``fn.configured(...)`` (legacy ignores it; a class would take it as
overrides) or to a function without a schema (legacy accepts any; a class without fields
refuses it) keeps the function, with a TODO naming the literal.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field

from dagwire.migrate.bindings import BindingReader
from dagwire.migrate.facts import ANY, ProjectFacts, ResourceFunction, ValueType
from dagwire.migrate.index import MigrationIndex, Ref, roles
from dagwire.migrate.run_configs import RunConfigLiterals
from dagwire.migrate.schema import FieldSpec, Schema, Untranslatable, camel, translate
from dagwire.source_model.imports import IMPORTED, IMPORTED_MODULE
from dagwire.source_model.module import ModuleModel
from dagwire.vocabulary.calls import CONFIG_SCHEMA, CONFIGURED, REQUIRED_RESOURCE_KEYS

_DESCRIPTION = "description"
_BUILD_CONTEXT = "build_init_resource_context"


@dataclass
class Conversion:
    """What phase 2 needs to rewrite the class, the function and its uses."""

    function: Ref
    function_name: str
    kind: str  # "class": the class it builds becomes the resource; "vending": a new class
    class_name: str
    fields: list[FieldSpec]
    has_schema: bool = True
    private_renames: list[str] = field(default_factory=list)  # keys stored as self._key
    needs_optional: bool = False
    docstring: str | None = None  # the class docstring to write (None: keep what is there)
    method: str = ""  # vending: "create_resource" or "yield_for_execution"
    function_docstring_moves: bool = False  # vending: the function's docstring -> the class
    context_param: str | None = None  # vending: the context parameter (None: add "context")
    schema: Schema | None = None


class NotConvertible(Exception):
    pass


def plan_conversions(facts: ProjectFacts, index: MigrationIndex, reader: BindingReader,
                     models: list[ModuleModel], literals: RunConfigLiterals,
                     allow_sources: bool = True) -> None:
    refs = _ProjectRefs(index, models, {r.name for r in facts.resource_functions})
    for ref, function in facts.resource_functions.items():
        try:
            conversion = _Planner(facts, index, reader, refs, literals, allow_sources).plan(
                function)
        except (NotConvertible, Untranslatable) as why:
            function.reason = str(why)
            continue
        except Exception as error:  # a planning bug keeps the function, with a TODO
            function.reason = f"internal error while planning ({type(error).__name__})"
            continue
        function.class_ref = Ref(ref.path, conversion.class_name)
        facts.conversions[ref] = conversion
        facts.field_types[function.class_ref] = {f.name: f.type_src for f in conversion.fields}


class _Planner:
    def __init__(self, facts: ProjectFacts, index: MigrationIndex, reader: BindingReader,
                 refs: _ProjectRefs, literals: RunConfigLiterals, allow_sources: bool) -> None:
        self.facts = facts
        self.index = index
        self.reader = reader
        self.refs = refs
        self.literals = literals
        self.allow_sources = allow_sources

    def plan(self, function: ResourceFunction) -> Conversion:
        ref = function.ref
        model = self.index.model_for_path(ref.path)
        assert model is not None
        node = next(n for n in model.tree.body if isinstance(
            n, (ast.FunctionDef, ast.AsyncFunctionDef)) and n.name == ref.name)
        if isinstance(node, ast.AsyncFunctionDef):
            raise NotConvertible("it is async")
        decorator = next(d for d in node.decorator_list if model.imports.role(d) == "resource"
                         or isinstance(d, ast.Call) and model.imports.role(d.func) == "resource")
        others = [d for d in node.decorator_list if d is not decorator]
        if others and not (len(others) == 1 and _is_contextmanager(model, others[0])
                           and _is_generator(node)):
            raise NotConvertible("it has other decorators")
        keywords: dict[str | None, ast.expr] = {}
        if isinstance(decorator, ast.Call):
            keywords = {k.arg: k.value for k in decorator.keywords}
            if len(decorator.args) == 1 and CONFIG_SCHEMA not in keywords:
                keywords[CONFIG_SCHEMA] = decorator.args[0]  # @resource({...}): the schema
            elif decorator.args:
                raise NotConvertible("its decorator takes more than config_schema and "
                                     "description")
        if REQUIRED_RESOURCE_KEYS in keywords:
            raise NotConvertible("it requires other resources (required_resource_keys)")
        unknown = sorted(str(k) for k in set(keywords) - {CONFIG_SCHEMA, _DESCRIPTION})
        if unknown:
            raise NotConvertible(f"its decorator takes {', '.join(unknown)}")
        description = keywords.get(_DESCRIPTION)
        if description is not None and not (isinstance(description, ast.Constant)
                                            and isinstance(description.value, str)):
            raise NotConvertible("its description is not a string literal")
        schema = Schema([])
        if CONFIG_SCHEMA in keywords:
            source = self.index.sources[ref.path].text
            schema = translate(keywords[CONFIG_SCHEMA], roles(model), self.allow_sources,
                               source)
            if schema.nested:
                raise NotConvertible("nested Shape config in a resource")
        has_schema = CONFIG_SCHEMA in keywords
        self._run_configs(ref, has_schema)
        description_text = description.value if isinstance(description, ast.Constant) and (
            isinstance(description.value, str)) else None
        try:
            conversion = self._the_class_it_builds(model, node, schema, description_text)
        except NotConvertible as why:
            conversion = self._vending(model, node, schema, description_text, str(why))
        conversion.has_schema = has_schema
        conversion.schema = schema
        self._check_uses(ref, conversion)
        return conversion

    # -- item 5: run config that would mean something else after the rewrite -------------

    def _run_configs(self, ref: Ref, has_schema: bool) -> None:
        sites: dict[tuple[str, str, bool], set[int]] = {}
        for group, keys in self.facts.bindings.items():
            for key, bindings in keys.items():
                for binding in bindings:
                    if binding.kind == "function" and binding.ref == ref and (
                            binding.configured or not has_schema):
                        sites.setdefault((group, key, binding.configured), set()).add(
                            binding.site)
        for (group, key, configured), where_bound in sorted(sites.items()):
            where = self.literals.configuring(group, key, where_bound)
            if where is None:
                continue
            if configured:
                raise NotConvertible(
                    f'run config in {where} gives config to "{key}", which '
                    f"{ref.name}.configured(...) ignores and a class would take: check "
                    "which job it feeds")
            raise NotConvertible(f'run config in {where} gives config to "{key}", which a '
                                 "class without fields would refuse: check which job it "
                                 "feeds")

    # -- the class it builds becomes the resource ----------------------------------------

    def _the_class_it_builds(self, model: ModuleModel, node: ast.FunctionDef, schema: Schema,
                             description: str | None) -> Conversion:
        if not schema.fields:
            raise NotConvertible("it has no config_schema")
        params = node.args
        if len(params.args) != 1 or params.vararg or params.kwarg or params.kwonlyargs:
            raise NotConvertible("it does not take exactly one context parameter")
        context = params.args[0].arg
        statements = _without_docstring(node.body)
        *prefix, last = statements or [ast.Pass()]
        aliases = set()
        for stmt in prefix:
            if (isinstance(stmt, ast.Assign) and len(stmt.targets) == 1
                    and isinstance(stmt.targets[0], ast.Name)
                    and _is_config(stmt.value, context)):
                aliases.add(stmt.targets[0].id)
            else:
                raise NotConvertible("its body does more than build an object from its config")
        if not (isinstance(last, ast.Return) and isinstance(last.value, ast.Call)
                and isinstance(last.value.func, ast.Name)):
            raise NotConvertible("it does not return a class instance built from its config")
        call = last.value
        assert isinstance(call.func, ast.Name)
        class_name = call.func.id
        cls = model.classes.get(class_name)
        if cls is None or model.imports.lookup(class_name) is None:
            raise NotConvertible(f"{class_name} is not a class of the same module")
        if cls.decorator_list or cls.keywords or any(
                not (isinstance(b, ast.Name) and b.id == "object") for b in cls.bases):
            raise NotConvertible(f"{class_name} has bases or decorators")
        docstring = None
        if description is not None:
            # a ConfigurableResource's description is its docstring
            if ast.get_docstring(cls, clean=False) is not None:
                raise NotConvertible(f"{class_name} has a docstring and the resource a "
                                     "description (a ConfigurableResource has one: its "
                                     "docstring)")
            docstring = description
        elif ast.get_docstring(node, clean=False) is not None:
            if ast.get_docstring(cls, clean=False) is not None:
                raise NotConvertible(f"{class_name} and the function both have a docstring "
                                     "(a ConfigurableResource has one)")
            docstring = ast.get_docstring(node)
        init = _init_stores(cls)
        init_params = list(init)
        keys: dict[str, str] = {}  # __init__ parameter -> schema key
        for position, arg in enumerate(call.args):
            if position >= len(init_params):
                raise NotConvertible(f"{class_name}() gets more arguments than __init__ takes")
            keys[init_params[position]] = _config_key(arg, context, aliases)
        for kw in call.keywords:
            if kw.arg is None or kw.arg not in init:
                raise NotConvertible(f"{class_name}() gets an argument __init__ does not take")
            keys[kw.arg] = _config_key(kw.value, context, aliases)
        if set(keys) != set(init_params) or sorted(keys.values()) != sorted(
                f.name for f in schema.fields):
            raise NotConvertible(f"{class_name}() does not take every config value exactly "
                                 "once")
        renames = []
        for param, key in keys.items():
            attribute = init[param]
            if attribute == f"_{key}":
                renames.append(key)
            elif attribute != key:
                raise NotConvertible(f"{class_name} stores {key!r} as self.{attribute}")
        class_ref = Ref(model.path, class_name)
        users = self.refs.users_of(class_ref)
        outside = sorted(m for m in users if m != model.path)
        if outside:
            raise NotConvertible(f"{class_name} is used in {self.index.module_of(outside[0])}")
        if users.get(model.path, 0) != 1:
            raise NotConvertible(f"{class_name} is used outside the resource function")
        for key in renames:
            readers = sorted(self.index.module_of(p) for p in self.refs.foreign_readers(
                f"_{key}"))
            if readers:
                # the attribute becomes `key`: an outside read of `obj._key` would break
                raise NotConvertible(f"_{key} is read outside {class_name} (in {readers[0]})")
        return Conversion(Ref(model.path, node.name), node.name, "class", class_name,
                          schema.fields, private_renames=renames,
                          needs_optional=schema.needs_optional, docstring=docstring)

    # -- a new class that gives what the function gave ------------------------------------

    def _vending(self, model: ModuleModel, node: ast.FunctionDef, schema: Schema,
                 description: str | None, why_not_the_class: str) -> Conversion:
        params = node.args
        if params.vararg or params.kwarg or params.kwonlyargs or params.posonlyargs or (
                len(params.args) > 1):
            raise NotConvertible("it does not take one context parameter (or none)")
        if params.defaults:
            raise NotConvertible("its context parameter has a default")
        context = params.args[0].arg if params.args else None
        names = {n.id for n in ast.walk(node) if isinstance(n, ast.Name)}
        if "self" in names or (context is None and "context" in names):
            raise NotConvertible("its body uses the name self or context")
        if context is not None:
            _check_config_reads(node, context, schema)
        generator = _is_generator(node)
        class_name = camel(node.name)
        if not class_name.endswith("Resource"):
            class_name += "Resource"
        if model.imports.is_bound(class_name):
            raise NotConvertible(f"{why_not_the_class}, and the name {class_name} is taken")
        docstring = description
        moves = False
        own_docstring = ast.get_docstring(node)
        if docstring is None and own_docstring is not None:
            docstring, moves = own_docstring, True
        if not _without_docstring(node.body) and not generator:
            raise NotConvertible("its body is empty")
        return Conversion(Ref(model.path, node.name), node.name, "vending", class_name,
                          schema.fields, needs_optional=schema.needs_optional,
                          docstring=docstring,
                          method="yield_for_execution" if generator else "create_resource",
                          function_docstring_moves=moves, context_param=context)

    # -- every other use of the function ---------------------------------------------------

    def _check_uses(self, ref: Ref, conversion: Conversion) -> None:
        ambiguous = self.refs.ambiguous_import(ref)
        if ambiguous is not None:
            importer, module = ambiguous
            files = " and ".join(self.index.file_display(p)
                                 for p in self.index.ambiguous[module])
            raise NotConvertible(f"{self.index.file_display(importer)} imports it from "
                                 f"{module}, which is several files ({files}): run dagwire "
                                 "migrate on each project, or make the import unambiguous")
        uses = self.refs.uses(ref)
        if uses.problem:
            raise NotConvertible(uses.problem)
        for call, model in uses.configured:
            self._check_configured_call(call, model, conversion)
        for call, model in uses.calls:
            self._check_direct_call(call, model, conversion)
        for path, local in self.refs.imports_of(ref):
            if local != ref.name:
                raise NotConvertible(f"{self.index.module_of(path)} imports it under another "
                                     "name")
            importing = self.index.model_for_path(path)
            if importing is not None and conversion.kind == "vending" and (
                    importing.imports.is_bound(conversion.class_name)):
                raise NotConvertible(f"{self.index.module_of(path)} has another "
                                     f"{conversion.class_name}")

    def _check_configured_call(self, call: ast.Call, model: ModuleModel,
                               conversion: Conversion) -> None:
        """`fn.configured({...})`, or `fn.configured(CONSTANT)` of a dict the codemod reads
        (the class then takes `**CONSTANT`)."""
        if len(call.args) == 1 and not call.keywords and isinstance(
                call.args[0], (ast.Name, ast.Attribute)):
            found = self.index.resolver.value_of(model, call.args[0])
            if found is not None and isinstance(found[1], ast.Dict):
                _check_configured(ast.Call(call.func, [found[1]], []), conversion.fields,
                                  env_allowed=False)
                return
        _check_configured(call, conversion.fields)

    def _check_direct_call(self, call: ast.Call, model: ModuleModel,
                           conversion: Conversion) -> None:
        where = self.index.module_of(model.path)
        if conversion.method == "yield_for_execution":
            raise NotConvertible(f"{where} calls it directly (a generator: rewrite that call "
                                 "by hand)")
        if call.keywords or len(call.args) > 1:
            raise NotConvertible(f"{where} calls it in a way the codemod does not rewrite")
        if not call.args:
            if conversion.context_param is not None and conversion.kind == "class":
                raise NotConvertible(f"{where} calls it without a context")
            return
        context = call.args[0]
        if not (isinstance(context, ast.Call) and model.imports.role(context.func) == (
                _BUILD_CONTEXT) and not context.args
                and {k.arg for k in context.keywords} <= {"config"}):
            raise NotConvertible(f"{where} calls it with a context the codemod does not "
                                 "rewrite")
        config = next((k.value for k in context.keywords if k.arg == "config"), None)
        if config is None:
            return
        if isinstance(config, ast.Dict):
            _check_configured(ast.Call(ast.Name("x"), [config], []), conversion.fields,
                              env_allowed=False)
            return
        found = self.index.resolver.value_of(model, config) if isinstance(
            config, (ast.Name, ast.Attribute)) else None
        items = self.index.resolver.dict_items(*found) if found is not None else None
        if items is None:
            raise NotConvertible(f"{where} calls it with a config the codemod cannot read")
        names = {f.name for f in conversion.fields}
        for item in items:
            if item.key not in names or isinstance(item.value, ast.Dict):
                raise NotConvertible(f"{where} calls it with a config the class would read "
                                     "differently")


class _FunctionUses:
    def __init__(self) -> None:
        self.configured: list[tuple[ast.Call, ModuleModel]] = []
        self.calls: list[tuple[ast.Call, ModuleModel]] = []
        self.problem = ""


class _ProjectRefs:
    """One walk per framework module: where the names of resource functions (and the classes
    they build) are used, and how."""

    def __init__(self, index: MigrationIndex, models: list[ModuleModel],
                 function_names: set[str]) -> None:
        self.index = index
        self._uses: dict[Ref, _FunctionUses] = {}
        self._class_users: dict[Ref, dict[str, int]] = {}
        self._imports: dict[Ref, list[tuple[str, str]]] = {}
        self._attributes: dict[str, set[str]] = {}  # `x.attr` (x not self) -> files
        # an import that may mean this object or another file's: (importing file, module)
        self._ambiguous: dict[Ref, tuple[str, str]] = {}
        for model in models:
            self._read(model, function_names)

    def _read(self, model: ModuleModel, function_names: set[str]) -> None:
        tree = model.tree
        shadowed = _locally_bound(tree)
        parents: dict[int, ast.AST] = {}
        for node in ast.walk(tree):
            for child in ast.iter_child_nodes(node):
                parents[id(child)] = node
        local_refs: dict[str, set[Ref]] = {}

        def candidates(expr: ast.expr, key: str) -> set[Ref]:
            if key not in local_refs:
                local_refs[key] = self.index.candidates(model, expr)
            return local_refs[key]

        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom):
                module = node.module or ""
                ambiguous = node.level == 0 and self.index.module_path(
                    model, module, 0) is None and module in self.index.ambiguous
                for alias in node.names:
                    if alias.name == "*":
                        continue
                    probe = ast.Name(alias.asname or alias.name)
                    for ref in self.index.candidates(model, probe):
                        self._imports.setdefault(ref, []).append(
                            (model.path, alias.asname or alias.name))
                        if ambiguous:
                            self._ambiguous.setdefault(ref, (model.path, module))
                continue
            if isinstance(node, ast.Attribute):
                if not (isinstance(node.value, ast.Name) and node.value.id == "self"):
                    self._attributes.setdefault(node.attr, set()).add(model.path)
                if isinstance(node.value, ast.Name) and not isinstance(
                        parents.get(id(node)), ast.Attribute):
                    for ref in candidates(node, f"{node.value.id}.{node.attr}"):
                        self._note_attribute_use(ref, model)
                continue
            if not isinstance(node, ast.Name) or id(node) in shadowed:
                continue
            for ref in candidates(node, node.id):
                self._class_users.setdefault(ref, {}).setdefault(model.path, 0)
                self._class_users[ref][model.path] += 1
                if node.id in function_names:
                    self._note_use(ref, node, parents, model)

    def _note_attribute_use(self, ref: Ref, model: ModuleModel) -> None:
        self._class_users.setdefault(ref, {}).setdefault(model.path, 0)
        self._class_users[ref][model.path] += 1
        uses = self._uses.setdefault(ref, _FunctionUses())
        uses.problem = uses.problem or (f"{self.index.module_of(model.path)} uses it as a module "
                                        "attribute")

    def _note_use(self, ref: Ref, node: ast.Name, parents: dict[int, ast.AST],
                  model: ModuleModel) -> None:
        uses = self._uses.setdefault(ref, _FunctionUses())
        parent = parents.get(id(node))
        where = self.index.module_of(model.path)
        if isinstance(parent, (ast.FunctionDef, ast.AsyncFunctionDef)):
            return  # its own definition
        if isinstance(parent, ast.Attribute) and parent.attr == CONFIGURED and isinstance(
                parents.get(id(parent)), ast.Call):
            call = parents[id(parent)]
            assert isinstance(call, ast.Call)
            if call.func is parent:
                uses.configured.append((call, model))
                return
        if isinstance(parent, ast.Dict) and any(v is node for v in parent.values):
            return
        if isinstance(parent, ast.Call) and parent.func is node:
            uses.calls.append((parent, model))
            return
        uses.problem = uses.problem or (f"{where} uses it other than by .configured(), in a "
                                        "resources dict or a direct call")

    def ambiguous_import(self, ref: Ref) -> tuple[str, str] | None:
        return self._ambiguous.get(ref)

    def uses(self, ref: Ref) -> _FunctionUses:
        return self._uses.get(ref, _FunctionUses())

    def users_of(self, ref: Ref) -> dict[str, int]:
        """file -> how many names there refer to `ref` (its definition not counted)."""
        return self._class_users.get(ref, {})

    def imports_of(self, ref: Ref) -> list[tuple[str, str]]:
        return self._imports.get(ref, [])

    def foreign_readers(self, attribute: str) -> set[str]:
        return self._attributes.get(attribute, set())


def _own_nodes(function: ast.AST) -> list[ast.AST]:
    """The nodes of a function's body, nested functions and classes left out."""
    found: list[ast.AST] = []
    stack = list(ast.iter_child_nodes(function))
    while stack:
        node = stack.pop()
        found.append(node)
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda,
                                 ast.ClassDef)):
            stack.extend(ast.iter_child_nodes(node))
    return found


def _is_generator(function: ast.AST) -> bool:
    return any(isinstance(n, (ast.Yield, ast.YieldFrom)) for n in _own_nodes(function))


def _is_contextmanager(model: ModuleModel, decorator: ast.expr) -> bool:
    """`@contextmanager` (from contextlib) or `@contextlib.contextmanager`: a resource function
    Dagster enters like a generator, so it converts like one."""
    if isinstance(decorator, ast.Name):
        binding = model.imports.lookup(decorator.id)
        return binding is not None and binding.kind == IMPORTED and (
            binding.module, binding.name, binding.level) == ("contextlib", "contextmanager", 0)
    if isinstance(decorator, ast.Attribute) and isinstance(decorator.value, ast.Name):
        binding = model.imports.lookup(decorator.value.id)
        return decorator.attr == "contextmanager" and binding is not None and (
            binding.kind == IMPORTED_MODULE and binding.module == "contextlib")
    return False


def _without_docstring(body: list[ast.stmt]) -> list[ast.stmt]:
    first = body[0] if body else None
    if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) and isinstance(
            first.value.value, str):
        return body[1:]
    return body


def _is_config(expr: ast.expr, context: str) -> bool:
    return (isinstance(expr, ast.Attribute) and expr.attr == "resource_config"
            and isinstance(expr.value, ast.Name) and expr.value.id == context)


def _config_key(expr: ast.expr, context: str, aliases: set[str]) -> str:
    if isinstance(expr, ast.Subscript) and isinstance(expr.slice, ast.Constant) and isinstance(
            expr.slice.value, str):
        if _is_config(expr.value, context) or (
                isinstance(expr.value, ast.Name) and expr.value.id in aliases):
            return expr.slice.value
    raise NotConvertible("an argument of the constructor is not a plain config value")


def _check_config_reads(function: ast.FunctionDef, context: str, schema: Schema) -> None:
    """Every use of the context's config is `ctx.resource_config["k"]` / `.get("k"[, d])`,
    directly or on an alias assigned once at the top of the body, with keys of the schema;
    other resources are not read; the context goes nowhere else."""
    aliases: set[str] = set()
    alias_statements: set[int] = set()
    for stmt in _without_docstring(function.body):
        if (isinstance(stmt, ast.Assign) and len(stmt.targets) == 1
                and isinstance(stmt.targets[0], ast.Name) and _is_config(stmt.value, context)):
            aliases.add(stmt.targets[0].id)
            alias_statements.add(id(stmt.value))
    parents: dict[int, ast.AST] = {}
    for node in ast.walk(function):
        for child in ast.iter_child_nodes(node):
            parents[id(child)] = node
    fields = {f.name: f for f in schema.fields}

    def read(base: ast.expr) -> None:
        parent = parents.get(id(base))
        key: str | None = None
        if isinstance(parent, ast.Subscript) and parent.value is base:
            if not isinstance(parent.ctx, ast.Load):
                raise NotConvertible("it changes its config (a ConfigurableResource is "
                                     "frozen)")
            if isinstance(parent.slice, ast.Constant) and isinstance(parent.slice.value, str):
                key = parent.slice.value
        elif isinstance(parent, ast.Attribute) and parent.attr == "get":
            call = parents.get(id(parent))
            if isinstance(call, ast.Call) and call.func is parent and 1 <= len(call.args) <= 2 \
                    and not call.keywords and isinstance(call.args[0], ast.Constant) \
                    and isinstance(call.args[0].value, str):
                key = call.args[0].value
                spec = fields.get(key)
                if len(call.args) == 2 and spec is not None and spec.may_be_absent and (
                        spec.noneable):
                    raise NotConvertible(f'resource_config.get("{key}", ...) tells an absent '
                                         "key from None, a ConfigurableResource cannot")
                if len(call.args) == 2 and not _plain_default(call.args[1]):
                    raise NotConvertible(f'the default of resource_config.get("{key}", ...) is '
                                         "not a literal or a name")
        if key is None:
            raise NotConvertible("context.resource_config is used as a whole")
        if key not in fields:
            raise NotConvertible(f"it reads {key}, which the schema does not have")

    for node in ast.walk(function):
        if isinstance(node, ast.Name) and node.id in aliases and isinstance(node.ctx, ast.Load):
            read(node)
        elif isinstance(node, ast.Name) and node.id in aliases:
            if not any(isinstance(p, ast.Assign) and node in p.targets and id(p.value) in
                       alias_statements for p in [parents.get(id(node))]):
                raise NotConvertible(f"{node.id} (its config) is reassigned")
        if not (isinstance(node, ast.Name) and node.id == context):
            continue
        parent = parents.get(id(node))
        if isinstance(parent, ast.Attribute) and parent.attr == "resource_config":
            if id(parent) not in alias_statements:
                read(parent)
        elif isinstance(parent, ast.Attribute) and parent.attr == "resources":
            raise NotConvertible("it reads other resources (context.resources)")
        elif not isinstance(parent, ast.Attribute):
            raise NotConvertible("its context is passed on or stored")


def _plain_default(node: ast.expr) -> bool:
    """A default the rewrite may keep as it is: a literal or a name."""
    if isinstance(node, (ast.Name, ast.Constant)):
        return True
    try:
        ast.literal_eval(node)
    except ValueError:
        return False
    return True


def _init_stores(cls: ast.ClassDef) -> dict[str, str]:
    """``__init__`` parameter -> attribute it is stored in; raises unless that is all it does."""
    init = next((n for n in cls.body if isinstance(n, ast.FunctionDef) and n.name == "__init__"),
                None)
    if init is None:
        raise NotConvertible(f"{cls.name} has no __init__")
    args = init.args
    if args.vararg or args.kwarg or args.kwonlyargs or args.defaults or args.posonlyargs:
        raise NotConvertible(f"{cls.name}.__init__ has defaults or special parameters")
    params = [a.arg for a in args.args[1:]]
    stores: dict[str, str] = {}
    for stmt in init.body:
        if (isinstance(stmt, ast.Assign) and len(stmt.targets) == 1
                and isinstance(stmt.targets[0], ast.Attribute)
                and isinstance(stmt.targets[0].value, ast.Name)
                and stmt.targets[0].value.id == "self" and isinstance(stmt.value, ast.Name)
                and stmt.value.id in params and stmt.value.id not in stores):
            stores[stmt.value.id] = stmt.targets[0].attr
        else:
            raise NotConvertible(f"{cls.name}.__init__ does more than store its parameters")
    if set(stores) != set(params):
        raise NotConvertible(f"{cls.name}.__init__ does not store every parameter")
    for other in cls.body:
        if not isinstance(other, ast.FunctionDef) and not (
                isinstance(other, ast.Expr) and isinstance(other.value, ast.Constant)):
            raise NotConvertible(f"{cls.name} has class attributes")
        if isinstance(other, ast.FunctionDef) and other is not init:
            changed = _self_changes(other)
            if changed:
                raise NotConvertible(f"{cls.name}.{other.name} sets self.{changed} (a "
                                     "ConfigurableResource is frozen)")
    return stores


def _self_changes(method: ast.FunctionDef) -> str | None:
    """The first attribute of ``self`` the method assigns, deletes or setattr()s."""
    for node in ast.walk(method):
        targets: list[ast.expr] = []
        if isinstance(node, ast.Assign):
            targets = list(node.targets)
        elif isinstance(node, (ast.AugAssign, ast.AnnAssign)):
            targets = [node.target]
        elif isinstance(node, ast.Delete):
            targets = list(node.targets)
        elif isinstance(node, (ast.For, ast.AsyncFor, ast.comprehension)):
            targets = [node.target]
        elif isinstance(node, ast.withitem) and node.optional_vars is not None:
            targets = [node.optional_vars]
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
              and node.func.id in ("setattr", "delattr") and node.args
              and isinstance(node.args[0], ast.Name) and node.args[0].id == "self"):
            return "<computed>" if len(node.args) < 2 or not isinstance(
                node.args[1], ast.Constant) else str(node.args[1].value)
        for target in targets:
            for item in ast.walk(target):
                if (isinstance(item, ast.Attribute) and isinstance(item.ctx, (ast.Store, ast.Del))
                        and isinstance(item.value, ast.Name) and item.value.id == "self"):
                    return item.attr
    return None


def _locally_bound(tree: ast.Module) -> set[int]:
    """Names inside functions that refer to a parameter or local of that function."""
    shadowed: set[int] = set()
    for function in ast.walk(tree):
        if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            continue
        arguments = function.args
        local = {a.arg for a in [*arguments.posonlyargs, *arguments.args,
                                 *arguments.kwonlyargs]}
        local.update(a.arg for a in (arguments.vararg, arguments.kwarg) if a is not None)
        local.update(n.id for n in ast.walk(function)
                     if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store))
        shadowed.update(id(n) for n in ast.walk(function)
                        if isinstance(n, ast.Name) and n.id in local)
    return shadowed


def _check_configured(call: ast.Call, fields: list[FieldSpec], env_allowed: bool = True
                      ) -> None:
    if len(call.args) != 1 or call.keywords or not isinstance(call.args[0], ast.Dict):
        raise NotConvertible(".configured() is given something other than a dict literal")
    by_name = {f.name: f for f in fields}
    for key, value in zip(call.args[0].keys, call.args[0].values):
        if not (isinstance(key, ast.Constant) and isinstance(key.value, str)) or (
                key.value not in by_name):
            raise NotConvertible(".configured() sets a key the schema does not have")
        env = env_variable(value)
        if env is not None and not (env_allowed and by_name[key.value].is_source
                                    and by_name[key.value].type_src in ("str", "int")):
            raise NotConvertible(f'{{"env": ...}} for "{key.value}", which is not a '
                                 "StringSource/IntSource")
        if env is None and isinstance(value, ast.Dict):
            raise NotConvertible(f'the value of "{key.value}" is a dict')


def env_variable(value: ast.expr) -> str | None:
    if (isinstance(value, ast.Dict) and len(value.keys) == 1
            and isinstance(value.keys[0], ast.Constant) and value.keys[0].value == "env"
            and isinstance(value.values[0], ast.Constant)
            and isinstance(value.values[0].value, str)):
        return value.values[0].value
    return None


def resource_value(reader: BindingReader, model: ModuleModel,
                   node: ast.FunctionDef | ast.AsyncFunctionDef) -> ValueType:
    """What a `@resource` function gives its users: its return annotation (the yielded type
    of a generator's `Iterator[T]`), else what every `return` (or `yield`) builds."""
    generator = _is_generator(node)
    annotation = node.returns
    if annotation is not None:
        if generator:
            if isinstance(annotation, ast.Subscript):
                inner = annotation.slice
                first = inner.elts[0] if isinstance(inner, ast.Tuple) and inner.elts else inner
                return reader.annotation_type(model, first)
            return ANY
        return reader.annotation_type(model, annotation)
    values = [n.value for n in _own_nodes(node)
              if isinstance(n, (ast.Return, ast.Yield)) and n.value is not None]
    if not values:
        return ANY
    local = _single_assignments(node)
    types = {reader.value_of(model, local.get(v.id, v) if isinstance(v, ast.Name) else v)
             for v in values}
    return types.pop() if len(types) == 1 else ANY


def _single_assignments(node: ast.AST) -> dict[str, ast.expr]:
    """Local names assigned exactly once in a function, with their value."""
    counts: dict[str, int] = {}
    values: dict[str, ast.expr] = {}
    for item in _own_nodes(node):
        if isinstance(item, ast.Name) and isinstance(item.ctx, ast.Store):
            counts[item.id] = counts.get(item.id, 0) + 1
        if isinstance(item, ast.Assign) and len(item.targets) == 1 and isinstance(
                item.targets[0], ast.Name):
            values[item.targets[0].id] = item.value
    return {name: value for name, value in values.items() if counts.get(name) == 1}
