"""Phase 1: project-wide facts, read with the shared source model from every framework file.

What phase 2 cannot see from one file alone:
- which classes are resource classes (``ConfigurableResource`` at any depth of inheritance,
  across modules), IO managers, or plain classes;
- the legacy ``@resource`` functions, what each gives its users, and whether
  ``resource_plan`` (RSC203) can turn each into a class (decided here, since every use of
  the function must be rewritable);
- which resource key is bound to what, at every binding site (``bindings``);
- where each op's context goes besides its body (``context_flow``);
- direct invocations of ops and assets (a call outside a job or graph body);
- what each file's names refer to (``FileScope``), by file: two files may share a dotted
  module name (course weeks side by side), and each import is resolved from its own package
  root (``index.MigrationIndex``).

The facts are plain data (picklable) so ``-j N`` worker processes receive them as they are.
"""

from __future__ import annotations

import ast
import re

from dagwire.migrate.bindings import BindingReader, site_dicts
from dagwire.migrate.context_flow import follow
from dagwire.migrate.facts import (
    IO_MANAGER_KIND,
    ClassFacts,
    FileScope,
    ProjectFacts,
    ResourceFunction,
)
from dagwire.migrate.index import MigrationIndex, Ref, roles
from dagwire.migrate.project import SourceFile
from dagwire.migrate.resource_plan import plan_conversions, resource_value
from dagwire.migrate.run_configs import RunConfigLiterals
from dagwire.migrate.schema import Schema, Untranslatable, translate
from dagwire.migrate.scope import COMPOSING_DECORATORS, REWRITTEN_DECORATORS
from dagwire.source_model.imports import IMPORTED, IMPORTED_MODULE
from dagwire.source_model.module import ModuleModel
from dagwire.source_model.walk import import_root
from dagwire.vocabulary.calls import CONFIG_SCHEMA, CONTEXT_PARAM_NAMES
from dagwire.vocabulary.names import (
    COMPUTE_CONTEXT_BUILDERS,
    COMPUTE_CONTEXT_TYPES,
    IO_MANAGER_BASES,
    RESOURCE_BASES,
    RESOURCE_FACTORY_BASES,
)

_FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef)
# methods through which a resource class gives its users something other than itself
_VENDING_METHODS = frozenset({"create_resource", "yield_for_execution"})
# a class's kind, the strongest of its bases' kinds
_KIND_ORDER = (IO_MANAGER_KIND, "factory", "resource", "unknown", "other")


def decorator_roles(node: ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef,
                    model: ModuleModel) -> set[str]:
    roles = set()
    for decorator in node.decorator_list:
        target = decorator.func if isinstance(decorator, ast.Call) else decorator
        role = model.imports.role(target)
        if role is not None:
            roles.add(role)
    return roles


def _keyword(call: ast.Call, name: str) -> ast.expr | None:
    return next((k.value for k in call.keywords if k.arg == name), None)


class _Collector:
    def __init__(self, index: MigrationIndex, allow_sources: bool) -> None:
        self.index = index
        self.allow_sources = allow_sources
        self.facts = ProjectFacts()
        self.repositories: list[Ref] = []
        self._functions: dict[Ref, ast.FunctionDef | ast.AsyncFunctionDef] = {}

    # -- definitions ---------------------------------------------------------------------

    def read_definitions(self, model: ModuleModel) -> None:
        path = model.path
        for node in model.tree.body:
            if not isinstance(node, _FUNCTIONS):
                continue
            roles = decorator_roles(node, model)
            ref = Ref(path, node.name)
            if len(roles) == 1:
                self.facts.definition_roles[ref] = next(iter(roles))
            if "repository" in roles:
                self.repositories.append(ref)
            if "resource" in roles:
                has_schema = any(
                    isinstance(d, ast.Call) and (_keyword(d, CONFIG_SCHEMA) is not None
                                                 or bool(d.args))
                    for d in node.decorator_list if model.imports.role(
                        d.func if isinstance(d, ast.Call) else d) == "resource")
                self.facts.resource_functions[ref] = ResourceFunction(ref, has_schema)
                self._functions[ref] = node
            if roles & REWRITTEN_DECORATORS:
                self._op_schema(model, node)

    def _op_schema(self, model: ModuleModel, node: ast.FunctionDef | ast.AsyncFunctionDef
                   ) -> None:
        for decorator in node.decorator_list:
            if not (isinstance(decorator, ast.Call)
                    and model.imports.role(decorator.func) in REWRITTEN_DECORATORS):
                continue
            schema = _keyword(decorator, CONFIG_SCHEMA)
            if schema is None:
                continue
            translated: Schema | str
            try:
                translated = translate(schema, roles(model), self.allow_sources,
                                       self.index.sources[model.path].text)
            except Untranslatable as why:
                translated = str(why)
            self.facts.op_schemas.setdefault(model.path, {})[node.name] = translated

    # -- classes -----------------------------------------------------------------------

    def classify(self, ref: Ref, seen: frozenset[Ref] = frozenset()) -> ClassFacts | None:
        known = self.facts.classes.get(ref)
        if known is not None:
            return known
        model = self.index.model_for_path(ref.path)
        node = model.classes.get(ref.name) if model is not None else None
        if model is None or node is None or ref in seen:
            return None
        kinds = ["other"]
        bases: list[Ref] = []
        vends = any(isinstance(s, _FUNCTIONS) and s.name in _VENDING_METHODS
                    for s in node.body)
        for base in node.bases:
            expr = base.value if isinstance(base, ast.Subscript) else base
            role = model.imports.role(expr)
            if role is not None:
                kinds.append("resource" if role in RESOURCE_BASES else IO_MANAGER_KIND if (
                    role in IO_MANAGER_BASES) else "factory" if role in RESOURCE_FACTORY_BASES
                    else "other")
                continue
            if isinstance(expr, ast.Name) and expr.id == "object" and not (
                    model.imports.is_bound("object")):
                continue
            target = self.index.resolve(model, expr)
            inner = self.classify(target, seen | {ref}) if target is not None else None
            if target is None or inner is None:
                kinds.append("unknown")
                continue
            kinds.append(inner.kind)
            bases.extend([target, *inner.bases])
            vends = vends or inner.vends
        kind = next(k for k in _KIND_ORDER if k in kinds)
        found = ClassFacts(kind, vends, bases)
        self.facts.classes[ref] = found
        if kind == "resource":
            self.facts.field_types[ref] = {
                s.target.id: ast.unparse(s.annotation) for s in node.body
                if isinstance(s, ast.AnnAssign) and isinstance(s.target, ast.Name)}
        return found

    def classify_all(self, models: list[ModuleModel], sources: list[SourceFile]) -> None:
        for model in models:
            for name in model.classes:
                self.classify(Ref(model.path, name))
        # A file without a framework import may still subclass a project resource class:
        # the ones whose text names a known resource class in a class statement, to a fixpoint
        others = [s for s in sources if not s.uses_framework]
        while others:
            known = {r.name for r, c in self.facts.classes.items() if c.kind == "resource"}
            if not known:
                return
            pattern = re.compile(r"^\s*class\s+\w+\s*\([^)]*\b(?:%s)\b" % "|".join(
                map(re.escape, sorted(known))), re.MULTILINE)
            found = [s for s in others if pattern.search(s.text)]
            if not found:
                return
            for source in found:
                other = self.index.model_for_path(str(source.path))
                for name in other.classes if other is not None else ():
                    self.classify(Ref(str(source.path), name))
            others = [s for s in others if s not in found]

    # -- uses ----------------------------------------------------------------------------

    def read_uses(self, model: ModuleModel, reader: BindingReader) -> None:
        for call, value in site_dicts(model):
            variants = self.index.resolver.dict_variants(model, value)
            if variants is None:
                self.facts.opaque_sites.append(self.index.place(model, call))
            for _, items in variants or []:
                for item in items:
                    if item.value is None:
                        continue
                    binding = reader.binding(item.model, item.value)
                    binding = type(binding)(binding.kind, binding.text, binding.ref,
                                            binding.value, binding.configured, id(call))
                    group = self.facts.bindings.setdefault(self.facts.groups[model.path], {})
                    group.setdefault(item.key, []).append(binding)
        compute: set[str] = set()
        for node in model.tree.body:
            if isinstance(node, _FUNCTIONS) and decorator_roles(node, model) & (
                    REWRITTEN_DECORATORS):
                compute.add(node.name)
                context = _context_param(node, model)
                if context is not None:
                    flow = follow(self.index, model, node, context)
                    if flow.reads or flow.escapes or flow.problems:
                        self.facts.context_flows.setdefault(model.path, {})[node.name] = flow
        self._direct_calls(model, compute)

    def _direct_calls(self, model: ModuleModel, compute: set[str]) -> None:
        if not compute:
            return
        composed: set[int] = set()
        for node in model.tree.body:
            if isinstance(node, ast.FunctionDef) and decorator_roles(node, model) & (
                    COMPOSING_DECORATORS):
                composed.update(id(n) for n in ast.walk(node))
        calls: dict[str, list[str]] = {}
        for call in model.calls:
            if (isinstance(call.func, ast.Name) and call.func.id in compute
                    and id(call) not in composed):
                calls.setdefault(call.func.id, []).append(_call_shape(call, model))
        if calls:
            self.facts.direct_calls[model.path] = calls

    def resource_values(self, reader: BindingReader) -> None:
        for ref, function in self.facts.resource_functions.items():
            model = self.index.model_for_path(ref.path)
            if model is not None:
                function.value = resource_value(reader, model, self._functions[ref])

    def check_repositories(self, models: list[ModuleModel]) -> None:
        """MIG101 rewrites a repository only when every use of it is one it can rewrite."""
        for ref in self.repositories:
            self.facts.repositories[ref] = _repository_problem(ref, self.index, models)

    def group(self, models: list[ModuleModel], sources: list[SourceFile]) -> None:
        """Files of one package root, and of the roots that import it, are one project."""
        leader: dict[str, str] = {}

        def find(root: str) -> str:
            while leader.setdefault(root, root) != root:
                root = leader[root]
            return root

        roots = {str(s.path): import_root(str(s.path.parent)) for s in sources}
        for model in models:
            targets = [(b.module, b.level)
                       for name in model.imports.names()
                       for b in model.imports.bindings_of(name)
                       if b.kind in (IMPORTED, IMPORTED_MODULE)]
            targets.extend(model.imports.star_imports)
            for module, level in targets:
                path = self.index.module_path(model, module, level)
                if path in roots:
                    leader[find(roots[path])] = find(roots[model.path])
        self.facts.groups = {path: find(root) for path, root in roots.items()}

    # -- what phase 2 needs of each file -------------------------------------------------

    def scopes(self, models: list[ModuleModel], sources: list[SourceFile]) -> None:
        facts = self.facts
        by_module: dict[str, list[str]] = {}
        for source in sources:
            path = str(source.path)
            facts.modules[path] = source.module
            facts.roots[path] = import_root(str(source.path.parent))
            facts.files[path] = self.index.file_display(path)
            by_module.setdefault(source.module, []).append(path)
        facts.shared_modules = {m for m, paths in by_module.items() if len(paths) > 1}
        todo = list(models)
        done: set[str] = set()
        while todo:
            model = todo.pop()
            if model.path in done:
                continue
            done.add(model.path)
            scope = FileScope()
            for name in model.imports.names():
                probe = ast.Name(name)
                binding = model.imports.lookup(name)
                if binding is not None and binding.kind in (IMPORTED, IMPORTED_MODULE):
                    other = self.index.resolver.module_ref(model, probe)
                    if other is not None:
                        scope.modules[name] = other.path
                        todo.append(other)
                        continue
                ref = self.index.resolve(model, probe)
                if ref is not None:
                    scope.names[name] = ref
            facts.scopes[model.path] = scope


def _context_param(node: ast.FunctionDef | ast.AsyncFunctionDef, model: ModuleModel
                   ) -> str | None:
    params = [*node.args.posonlyargs, *node.args.args]
    if not params or node.args.posonlyargs:
        return None
    first = params[0]
    annotation = first.annotation
    if first.arg in CONTEXT_PARAM_NAMES or (
            annotation is not None and model.imports.role(annotation) in COMPUTE_CONTEXT_TYPES):
        return first.arg
    return None


# what a Definitions object answers like the repository did (get_job is renamed)
REPOSITORY_ATTRIBUTES = frozenset({"get_job", "get_job_def", "get_sensor_def",
                                   "get_schedule_def", "name"})


def _repository_problem(ref: Ref, index: MigrationIndex, models: list[ModuleModel]) -> str:
    name = ref.name
    for model in models:
        allowed: set[int] = set()
        for node in ast.walk(model.tree):
            if (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)
                    and node.value.id == name and node.attr in REPOSITORY_ATTRIBUTES):
                allowed.add(id(node.value))
        where = index.module_of(model.path)
        refers = ref in index.candidates(model, ast.Name(name))
        for node in ast.walk(model.tree):
            # every binding of a name counts: a use missed would break the rewrite
            if isinstance(node, ast.Name) and node.id == name and refers:
                if model.path != ref.path:
                    return f"{where} uses {name}"
                if id(node) not in allowed:
                    return f"{name} is used other than by .get_job/.get_*_def/.name"
            if isinstance(node, ast.ImportFrom) and any(
                    a.name == name for a in node.names) and refers:
                return f"{where} imports {name}"
    return ""


def _call_shape(call: ast.Call, model: ModuleModel) -> str:
    """``build_op_context(config={...})`` as the only argument is the one shape RSC202 rewrites."""
    if len(call.args) == 1 and not call.keywords:
        arg = call.args[0]
        if (isinstance(arg, ast.Call) and model.imports.role(arg.func) in COMPUTE_CONTEXT_BUILDERS
                and not arg.args and [k.arg for k in arg.keywords] == ["config"]):
            return "build_op_context(config=...)"
    return "other"


def collect(sources: list[SourceFile], allow_sources: bool = True,
            convert_functions: bool = True) -> tuple[ProjectFacts, dict[str, str]]:
    """Facts over every framework file; files that do not parse are reported, not collected."""
    index = MigrationIndex(sources)
    errors: dict[str, str] = {}
    models: list[ModuleModel] = []
    for source in sources:
        if not source.uses_framework:
            continue
        path = str(source.path)
        try:
            index.trees[path] = ast.parse(source.text, filename=path)
        except SyntaxError as error:
            errors[path] = f"syntax error: line {error.lineno}: {error.msg}"
            continue
        model = index.model_for_path(path)
        if model is not None:
            models.append(model)
    collector = _Collector(index, allow_sources)

    def each(step, what: str) -> None:  # type: ignore[no-untyped-def]
        for model in list(models):
            try:
                step(model)
            except Exception as error:  # a collector bug costs this file, not the run
                errors[model.path] = f"internal error in phase 1 ({what}): " \
                                     f"{type(error).__name__}"
                models.remove(model)

    each(collector.read_definitions, "definitions")
    collector.classify_all(models, sources)
    collector.group(models, sources)
    reader = BindingReader(index, collector.facts.resource_functions, collector.facts.classes)
    collector.resource_values(reader)
    each(lambda model: collector.read_uses(model, reader), "uses")
    collector.check_repositories(models)
    facts = collector.facts
    if convert_functions:
        plan_conversions(facts, index, reader, models,
                         RunConfigLiterals(index, models, facts.groups), allow_sources)
    else:
        for function in facts.resource_functions.values():
            function.reason = "RSC203 is not selected"
    collector.scopes(models, sources)
    facts.ambiguous = dict(index.ambiguous)
    return facts, errors
