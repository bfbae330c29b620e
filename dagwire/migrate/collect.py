"""Phase 1: project-wide facts, read with the stdlib ``ast`` from every framework file.

What phase 2 cannot see from one file alone:
- which classes are resource classes (``ConfigurableResource`` at any depth of inheritance,
  across modules);
- the legacy ``@resource`` functions and whether ``resource_function`` (RSC203) can turn
  each into a class (decided here, since every use of the function must be rewritable);
- which resource key is bound to what, in ``Definitions(resources=...)``, ``resource_defs=``
  of jobs, assets, ``with_resources`` and ``to_job``, ``materialize(resources=...)``;
- direct invocations of ops and assets (a call outside a job or graph body).

The facts are plain data (picklable) so ``-j N`` worker processes receive them as they are.
"""

from __future__ import annotations

import ast
import re

from dagwire.migrate.facts import Binding, ProjectFacts, ResourceFunction
from dagwire.migrate.project import SourceFile
from dagwire.migrate.resource_plan import plan_conversions
from dagwire.migrate.schema import Schema, Untranslatable, translate
from dagwire.migrate.scope import COMPOSING_DECORATORS, REWRITTEN_DECORATORS
from dagwire.source_model.names import QualifiedNames
from dagwire.vocabulary.calls import (
    BINDING_KEYWORDS,
    CONFIG_SCHEMA,
    CONFIGURE_AT_LAUNCH,
    CONFIGURED,
)
from dagwire.vocabulary.names import COMPUTE_CONTEXT_BUILDERS, RESOURCE_BASES

# Bases of the classes whose instances a resource parameter may receive (what dagster accepts
# as a parameter annotation), as `_Collector.class_bases` writes them.
RESOURCE_CLASS_BASES = frozenset(f"role:{name}" for name in RESOURCE_BASES)


def decorator_roles(node: ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef,
                    names: QualifiedNames) -> set[str]:
    return {r for d in node.decorator_list if (r := names.role(d)) is not None}


def _keyword(call: ast.Call, name: str) -> ast.expr | None:
    return next((k.value for k in call.keywords if k.arg == name), None)


class _Collector:
    def __init__(self, allow_sources: bool) -> None:
        self.allow_sources = allow_sources
        self.facts = ProjectFacts()
        # qualified class -> (base expressions resolved: qualified names or roles)
        self.class_bases: dict[str, list[str]] = {}
        self.repositories: list[tuple[str, str]] = []  # (module, function) of @repository
        self.module_trees: dict[str, tuple[ast.Module, QualifiedNames]] = {}

    def add_module(self, source: SourceFile, tree: ast.Module) -> None:
        names = QualifiedNames(source.module, tree, source.is_package)
        compute: set[str] = set()
        for node in tree.body:
            if isinstance(node, ast.ClassDef):
                bases = []
                for base in node.bases:
                    role = names.role(base)
                    bases.append(f"role:{role}" if role else (names.qualify(base) or "?"))
                self.class_bases[f"{source.module}.{node.name}"] = bases
                self.facts.field_types[f"{source.module}.{node.name}"] = {
                    s.target.id: ast.unparse(s.annotation) for s in node.body
                    if isinstance(s, ast.AnnAssign) and isinstance(s.target, ast.Name)}
            elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                roles = decorator_roles(node, names)
                if len(roles) == 1:
                    self.facts.definition_roles[f"{source.module}.{node.name}"] = next(iter(roles))
                if "repository" in roles:
                    self.repositories.append((source.module, node.name))
                if "resource" in roles:
                    has_schema = any(
                        isinstance(d, ast.Call) and (
                            _keyword(d, CONFIG_SCHEMA) is not None or bool(d.args))
                        for d in node.decorator_list if names.role(d) == "resource")
                    qual = f"{source.module}.{node.name}"
                    self.facts.resource_functions[qual] = ResourceFunction(qual, has_schema)
                if roles & REWRITTEN_DECORATORS:
                    compute.add(node.name)
                    self._op_schema(source, node, names)
        for call in ast.walk(tree):
            if isinstance(call, ast.Call):
                for keyword in call.keywords:
                    if keyword.arg in BINDING_KEYWORDS:
                        value = keyword.value
                        if isinstance(value, ast.Name):  # a module-level dict, one level
                            value = names.value(value.id) or value
                        if isinstance(value, ast.Dict):
                            self._add_bindings(value, names)
        self._direct_calls(source.module, tree, names, compute)
        self.module_trees[source.module] = (tree, names)

    def _op_schema(self, source: SourceFile, node: ast.FunctionDef | ast.AsyncFunctionDef,
                   names: QualifiedNames) -> None:
        for decorator in node.decorator_list:
            if not (isinstance(decorator, ast.Call)
                    and names.role(decorator) in REWRITTEN_DECORATORS):
                continue
            schema = _keyword(decorator, CONFIG_SCHEMA)
            if schema is None:
                continue
            translated: Schema | str
            try:
                translated = translate(schema, names.role, self.allow_sources, source.text)
            except Untranslatable as why:
                translated = str(why)
            self.facts.op_schemas.setdefault(source.module, {})[node.name] = translated

    def _add_bindings(self, mapping: ast.Dict, names: QualifiedNames) -> None:
        for key, value in zip(mapping.keys, mapping.values):
            if not (isinstance(key, ast.Constant) and isinstance(key.value, str)):
                continue
            self.facts.bindings.setdefault(key.value, set()).add(self._binding(value, names))

    def _binding(self, value: ast.expr, names: QualifiedNames) -> Binding:
        if isinstance(value, ast.Name):  # a module-level constant, one level
            value = names.value(value.id) or value
        if isinstance(value, ast.Call):
            func = value.func
            # fn.configured({...}) binds the legacy function fn
            if isinstance(func, ast.Attribute) and func.attr == CONFIGURED:
                qual = names.qualify(func.value)
                return Binding("function", qual) if qual else Binding("other", "a call")
            # Cls(...) / Cls.configure_at_launch()
            if isinstance(func, ast.Attribute) and func.attr == CONFIGURE_AT_LAUNCH:
                func = func.value
            qual = names.qualify(func)
            if qual is not None:
                return Binding("class", qual)
            return Binding("other", ast.unparse(value.func))
        qual = names.qualify(value)
        if qual is not None:
            return Binding("function", qual)
        return Binding("other", ast.unparse(value)[:40])

    def _direct_calls(self, module: str, tree: ast.Module, names: QualifiedNames,
                      compute: set[str]) -> None:
        if not compute:
            return
        composed: set[int] = set()
        for node in tree.body:
            if (isinstance(node, ast.FunctionDef)
                    and decorator_roles(node, names) & COMPOSING_DECORATORS):
                composed.update(id(n) for n in ast.walk(node))
        calls: dict[str, list[str]] = {}
        for call in ast.walk(tree):
            if (isinstance(call, ast.Call) and isinstance(call.func, ast.Name)
                    and call.func.id in compute and id(call) not in composed):
                calls.setdefault(call.func.id, []).append(_call_shape(call, names))
        if calls:
            self.facts.direct_calls[module] = calls

    def check_repositories(self) -> None:
        """MIG101 rewrites a repository only when every use of it is one it can rewrite."""
        for module, name in self.repositories:
            qual = f"{module}.{name}"
            self.facts.repositories[qual] = _repository_problem(qual, self.module_trees)

    def finish(self) -> ProjectFacts:
        # ConfigurableResource subclasses, to any depth, across modules: a fixpoint
        resource = {q for q, bases in self.class_bases.items()
                    if RESOURCE_CLASS_BASES.intersection(bases)}
        changed = True
        while changed:
            changed = False
            for qual, bases in self.class_bases.items():
                if qual not in resource and resource.intersection(bases):
                    resource.add(qual)
                    changed = True
        self.facts.resource_classes = {q: q.rsplit(".", 1)[0] for q in sorted(resource)}
        return self.facts


# what a Definitions object answers like the repository did (get_job is renamed)
REPOSITORY_ATTRIBUTES = frozenset({"get_job", "get_job_def", "get_sensor_def",
                                   "get_schedule_def", "name"})


def _repository_problem(qual: str,
                        module_trees: dict[str, tuple[ast.Module, QualifiedNames]]
                        ) -> str:
    module, name = qual.rsplit(".", 1)
    for other, (tree, names) in module_trees.items():
        allowed: set[int] = set()
        for node in ast.walk(tree):
            if (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)
                    and node.value.id == name and node.attr in REPOSITORY_ATTRIBUTES):
                allowed.add(id(node.value))
        for node in ast.walk(tree):
            # every binding of a name counts: a use missed would break the rewrite
            if isinstance(node, ast.Name) and qual in names.candidates(node):
                if other != module:
                    return f"{other} uses {name}"
                if id(node) not in allowed:
                    return f"{name} is used other than by .get_job/.get_*_def/.name"
            if isinstance(node, ast.ImportFrom) and any(
                    f"{names.absolute_module(node.module or '', node.level)}.{a.name}" == qual
                    for a in node.names):
                return f"{other} imports {name}"
    return ""


def _call_shape(call: ast.Call, names: QualifiedNames) -> str:
    """``build_op_context(config={...})`` as the only argument is the one shape RSC202 rewrites."""
    if len(call.args) == 1 and not call.keywords:
        arg = call.args[0]
        if (isinstance(arg, ast.Call) and names.role(arg) in COMPUTE_CONTEXT_BUILDERS
                and not arg.args and [k.arg for k in arg.keywords] == ["config"]):
            return "build_op_context(config=...)"
    return "other"


def collect(sources: list[SourceFile], allow_sources: bool = True,
            convert_functions: bool = True) -> tuple[ProjectFacts, dict[str, str]]:
    """Facts over every framework file; files that do not parse are reported, not collected."""
    collector = _Collector(allow_sources)
    errors: dict[str, str] = {}
    trees: dict[str, tuple[SourceFile, ast.Module]] = {}

    duplicated: set[str] = set()

    def add(source: SourceFile) -> None:
        try:
            tree = ast.parse(source.text, filename=str(source.path))
        except SyntaxError as error:
            errors[str(source.path)] = f"syntax error: line {error.lineno}: {error.msg}"
            return
        try:
            collector.add_module(source, tree)
        except Exception as error:  # a collector bug costs this file's facts, not the run
            errors[str(source.path)] = f"internal error in phase 1: {type(error).__name__}"
            return
        if source.module in trees:
            duplicated.add(source.module)
        trees[source.module] = (source, tree)

    for source in sources:
        if source.uses_framework:
            add(source)
    facts = collector.finish()
    # A file without a framework import may still subclass a project resource class: parse
    # the ones whose text names a known resource class in a class statement, to a fixpoint.
    others = [s for s in sources if not s.uses_framework]
    while others:
        known = {q.rsplit(".", 1)[1] for q in facts.resource_classes}
        if not known:
            break
        pattern = re.compile(r"^\s*class\s+\w+\s*\([^)]*\b(?:%s)\b" % "|".join(
            map(re.escape, sorted(known))), re.MULTILINE)
        found = [s for s in others if pattern.search(s.text)]
        if not found:
            break
        for source in found:
            add(source)
        others = [s for s in others if s not in found]
        facts = collector.finish()
    collector.check_repositories()
    if convert_functions:
        plan_conversions(facts, trees, allow_sources, duplicated)
    for function in facts.resource_functions.values():
        if not convert_functions:
            function.reason = "RSC203 is not selected"
    facts.field_types = {q: t for q, t in facts.field_types.items()
                         if q in facts.resource_classes}
    return facts, errors
