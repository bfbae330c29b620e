"""Phase 1 for RSC203: which legacy ``@resource`` functions can become a class, exactly.

A function converts when all of this holds (anything else keeps it, with a TODO):
- ``@resource(config_schema={...})`` with a schema ``schema.translate`` knows;
- its body is ``return C(...)`` (optionally after ``cfg = context.resource_config``), each
  argument one config value, and ``C`` a plain class of the same module whose ``__init__``
  only stores each parameter as ``self.<key>`` or ``self._<key>``;
- ``C`` is used nowhere else in the project (its constructor call would change meaning);
- every other use of the function is ``fn.configured({...literal...})``, a value in a
  ``resources=``/``resource_defs=`` dict, or a plain ``from module import fn``.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field

from dagwire.migrate.facts import ProjectFacts, ResourceFunction
from dagwire.migrate.project import SourceFile
from dagwire.migrate.schema import FieldSpec, Untranslatable, translate
from dagwire.source_model.names import QualifiedNames
from dagwire.vocabulary.calls import CONFIGURED, CONFIG_SCHEMA


@dataclass
class Conversion:
    """What phase 2 needs to rewrite the class, the function and its uses."""

    function: str  # qualified name of the @resource function
    module: str
    function_name: str
    class_name: str
    fields: list[FieldSpec]
    private_renames: list[str] = field(default_factory=list)  # keys stored as self._key
    needs_optional: bool = False
    docstring: str | None = None  # @resource(description=...) as the class docstring


class NotConvertible(Exception):
    pass


def plan_conversions(facts: ProjectFacts, trees: dict[str, tuple[SourceFile, ast.Module]],
                     allow_sources: bool = True, duplicated: set[str] | None = None) -> None:
    names_of = {m: QualifiedNames(m, tree, source.is_package)
                for m, (source, tree) in trees.items()}
    refs_of: dict[str, ModuleRefs] = {}
    if any(f.has_config_schema for f in facts.resource_functions.values()):
        refs_of = {m: ModuleRefs(m, tree, names_of[m]) for m, (_, tree) in trees.items()}
    for qual, function in facts.resource_functions.items():
        module = qual.rsplit(".", 1)[0]
        if module not in trees:
            continue
        if duplicated and module in duplicated:
            # two files claim the same module name: an import could mean either of them
            function.reason = (f"several files are module {module}; run dagwire migrate on "
                               "each project separately")
            continue
        try:
            conversion = _plan_one(function, trees, names_of, refs_of, allow_sources)
        except (NotConvertible, Untranslatable) as why:
            function.reason = str(why)
            continue
        except Exception as error:  # a planning bug keeps the function, with a TODO
            function.reason = f"internal error while planning ({type(error).__name__})"
            continue
        function.class_qualname = f"{module}.{conversion.class_name}"
        facts.conversions[qual] = conversion
        facts.resource_classes[function.class_qualname] = module
        facts.field_types[function.class_qualname] = {f.name: f.type_src for f in conversion.fields}


def _plan_one(function: ResourceFunction, trees: dict[str, tuple[SourceFile, ast.Module]],
              names_of: dict[str, QualifiedNames], refs_of: dict[str, ModuleRefs],
              allow_sources: bool) -> Conversion:
    if not function.has_config_schema:
        raise NotConvertible("it has no config_schema; write the class by hand")
    module, name = function.qualname.rsplit(".", 1)
    tree = trees[module][1]
    names = names_of[module]
    node = next(n for n in tree.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))
                and n.name == name)
    if isinstance(node, ast.AsyncFunctionDef):
        raise NotConvertible("it is async")
    decorator = next(d for d in node.decorator_list if names.role(d) == "resource")
    if not isinstance(decorator, ast.Call):
        raise NotConvertible("its decorator has no config_schema")
    keywords: dict[str | None, ast.expr] = {k.arg: k.value for k in decorator.keywords}
    if len(decorator.args) == 1 and CONFIG_SCHEMA not in keywords:
        keywords[CONFIG_SCHEMA] = decorator.args[0]  # @resource({...}): the schema
    elif decorator.args:
        raise NotConvertible("its decorator takes more than config_schema and description")
    if CONFIG_SCHEMA not in keywords or not set(keywords) <= {CONFIG_SCHEMA, "description"}:
        raise NotConvertible("its decorator takes more than config_schema and description")
    description = keywords.get("description")
    if any(isinstance(n, (ast.Yield, ast.YieldFrom)) for n in ast.walk(node)):
        raise NotConvertible("it is a generator resource (the code after `yield` belongs in "
                             "teardown_after_execution)")
    schema = translate(keywords[CONFIG_SCHEMA], names.role, allow_sources,
                       trees[module][0].text)
    if schema.nested:
        raise NotConvertible("nested Shape config in a resource")
    params = node.args
    if len(params.args) != 1 or params.vararg or params.kwarg or params.kwonlyargs:
        raise NotConvertible("it does not take exactly one context parameter")
    context = params.args[0].arg
    *prefix, last = node.body
    aliases = set()
    for stmt in prefix:
        if (isinstance(stmt, ast.Assign) and len(stmt.targets) == 1
                and isinstance(stmt.targets[0], ast.Name) and _is_config(stmt.value, context)):
            aliases.add(stmt.targets[0].id)
        else:
            raise NotConvertible("its body does more than build an object from its config")
    if not (isinstance(last, ast.Return) and isinstance(last.value, ast.Call)
            and isinstance(last.value.func, ast.Name)):
        raise NotConvertible("it does not return a class instance built from its config")
    call = last.value
    assert isinstance(call.func, ast.Name)
    class_name = call.func.id
    cls = next((n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == class_name),
               None)
    if cls is None:
        raise NotConvertible(f"{class_name} is not a class of the same module")
    if cls.decorator_list or cls.keywords or any(
            not (isinstance(b, ast.Name) and b.id == "object") for b in cls.bases):
        raise NotConvertible(f"{class_name} has bases or decorators")
    docstring = None
    if description is not None:
        # a ConfigurableResource's description is its docstring
        if not (isinstance(description, ast.Constant) and isinstance(description.value, str)):
            raise NotConvertible("its description is not a string literal")
        if ast.get_docstring(cls, clean=False) is not None:
            raise NotConvertible(f"{class_name} has a docstring and the resource a description "
                                 "(a ConfigurableResource has one: its docstring)")
        docstring = description.value
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
        raise NotConvertible(f"{class_name}() does not take every config value exactly once")
    renames = []
    for param, key in keys.items():
        attribute = init[param]
        if attribute == f"_{key}":
            renames.append(key)
        elif attribute != key:
            raise NotConvertible(f"{class_name} stores {key!r} as self.{attribute}")
    _check_uses(function, class_name, refs_of, schema.fields)
    for key in renames:
        users = sorted(m for m, refs in refs_of.items() if f"_{key}" in refs.foreign_attributes)
        if users:
            # the attribute becomes `key`: an outside read of `obj._key` would break
            raise NotConvertible(f"_{key} is read outside {class_name} (in {users[0]})")
    return Conversion(function.qualname, module, name, class_name, schema.fields, renames,
                      schema.needs_optional, docstring)


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


class ModuleRefs:
    """One walk per module: where each project object is referred to, and how."""

    def __init__(self, module: str, tree: ast.Module, names: QualifiedNames) -> None:
        self.module = module
        shadowed = _locally_bound(tree)
        self.configured: dict[int, ast.Call] = {}  # id(reference) -> the .configured() call
        self.dict_values: set[int] = set()
        self.refs: dict[str, list[ast.expr]] = {}
        self.name_counts: dict[str, int] = {}
        self.renamed_imports: set[str] = set()  # qualified names imported under another name
        self.foreign_attributes: set[str] = set()  # `x.attr` where x is not `self`
        for node in tree.body:
            if isinstance(node, ast.ImportFrom):
                source = names.absolute_module(node.module or "", node.level)
                self.renamed_imports.update(f"{source}.{a.name}" for a in node.names
                                            if a.asname is not None and source)
        for item in ast.walk(tree):
            if isinstance(item, ast.Attribute) and not (
                    isinstance(item.value, ast.Name) and item.value.id == "self"):
                self.foreign_attributes.add(item.attr)
            if isinstance(item, ast.Name):
                self.name_counts[item.id] = self.name_counts.get(item.id, 0) + 1
                if id(item) not in shadowed:
                    for qual in names.candidates(item):
                        self.refs.setdefault(qual, []).append(item)
            elif isinstance(item, ast.Attribute) and isinstance(item.value, ast.Name):
                for qual in names.candidates(item):
                    self.refs.setdefault(qual, []).append(item)
            if isinstance(item, ast.Call) and isinstance(item.func, ast.Attribute) and (
                    item.func.attr == CONFIGURED):
                self.configured[id(item.func.value)] = item
            elif isinstance(item, ast.Dict):
                self.dict_values.update(id(v) for v in item.values)


def _check_uses(function: ResourceFunction, class_name: str, refs_of: dict[str, ModuleRefs],
                fields: list[FieldSpec]) -> None:
    function_module = function.qualname.rsplit(".", 1)[0]
    class_qual = f"{function_module}.{class_name}"
    for module, refs in refs_of.items():
        if function.qualname in refs.renamed_imports:
            raise NotConvertible(f"{module} imports it under another name")
        for node in refs.refs.get(function.qualname, []):
            if isinstance(node, ast.Attribute):
                raise NotConvertible(f"{module} uses it as a module attribute")
            call = refs.configured.get(id(node))
            if call is not None:
                _check_configured(call, fields)
            elif id(node) not in refs.dict_values:
                raise NotConvertible(f"{module} uses it other than by .configured() or "
                                     "in a resources dict")
        if module != function_module and refs.refs.get(class_qual):
            raise NotConvertible(f"{class_name} is used in {module}")
        if module == function_module and refs.name_counts.get(class_name, 0) != 1:
            raise NotConvertible(f"{class_name} is used outside the resource function")


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


def _check_configured(call: ast.Call, fields: list[FieldSpec]) -> None:
    if len(call.args) != 1 or call.keywords or not isinstance(call.args[0], ast.Dict):
        raise NotConvertible(".configured() is given something other than a dict literal")
    by_name = {f.name: f for f in fields}
    for key, value in zip(call.args[0].keys, call.args[0].values):
        if not (isinstance(key, ast.Constant) and isinstance(key.value, str)) or (
                key.value not in by_name):
            raise NotConvertible(".configured() sets a key the schema does not have")
        env = env_variable(value)
        if env is not None and not (by_name[key.value].is_source
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
