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
from dataclasses import dataclass, field
from typing import Any

from dagwire.migrate.project import SourceFile
from dagwire.migrate.schema import Schema, Untranslatable, translate
from dagwire.vocabulary.calls import (
    BINDING_KEYWORDS,
    CONFIG_SCHEMA,
    CONFIGURE_AT_LAUNCH,
    CONFIGURED,
)
from dagwire.vocabulary.names import (
    COMPUTE_CONTEXT_BUILDERS,
    RESOURCE_BASES,
    framework_of,
    role_of,
)

# The definitions the migration rewrites (its choice, not the frameworks'): the resource and
# config codemods rewrite `@op` and `@asset` functions; calls in `@job` and `@graph` bodies
# compose ops (they are not direct invocations).
REWRITTEN_DECORATORS = frozenset({"op", "asset"})
COMPOSING_DECORATORS = frozenset({"job", "graph"})
# Bases of the classes whose instances a resource parameter may receive (what dagster accepts
# as a parameter annotation), as `_Collector.class_bases` writes them.
RESOURCE_CLASS_BASES = frozenset(f"role:{name}" for name in RESOURCE_BASES)


@dataclass(frozen=True)
class Binding:
    """What one key is bound to at one site: a resource class, a legacy function, other."""

    kind: str  # "class" | "function" | "other"
    target: str  # qualified name (class/function) or a short description (other)


@dataclass
class ResourceFunction:
    qualname: str
    has_config_schema: bool
    # set by resource_function.plan_conversions when RSC203 can replace it with a class
    class_qualname: str | None = None
    reason: str = ""


@dataclass
class ProjectFacts:
    # qualified name -> module, for every ConfigurableResource subclass in the project
    resource_classes: dict[str, str] = field(default_factory=dict)
    resource_functions: dict[str, ResourceFunction] = field(default_factory=dict)
    bindings: dict[str, set[Binding]] = field(default_factory=dict)
    # module -> names of ops/assets invoked directly there, with the call shapes seen
    direct_calls: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    # qualified function -> resource_plan.Conversion, for the functions RSC203 rewrites
    conversions: dict[str, Any] = field(default_factory=dict)
    # module -> op/asset name -> its config_schema translated (RSC202), or why it cannot be
    op_schemas: dict[str, dict[str, Schema | str]] = field(default_factory=dict)
    # qualified name -> role ("job", "asset", ...) of every top-level decorated definition
    definition_roles: dict[str, str] = field(default_factory=dict)
    # qualified @repository function -> "" when MIG101 may rewrite it, else why not
    repositories: dict[str, str] = field(default_factory=dict)
    # qualified resource class -> field name -> annotation source (for EnvVar vs EnvVar.int)
    field_types: dict[str, dict[str, str]] = field(default_factory=dict)

    def bound_class(self, key: str) -> str | None:
        """The one resource class bound to ``key`` everywhere, or None when unsure."""
        targets = self.bindings.get(key)
        if not targets:
            return None
        classes: set[str] = set()
        for binding in targets:
            if binding.kind == "class" and binding.target in self.resource_classes:
                classes.add(binding.target)
            elif binding.kind == "function":
                converted = self.resource_functions.get(binding.target)
                if converted is None or converted.class_qualname is None:
                    return None
                classes.add(converted.class_qualname)
            else:
                return None
        return classes.pop() if len(classes) == 1 else None

    def _as_class(self, binding: Binding) -> str:
        """A function RSC203 converts is named by its class: the TODO reads the same on the
        next run, after the conversion."""
        function = self.resource_functions.get(binding.target)
        if binding.kind == "function" and function and function.class_qualname:
            return function.class_qualname
        return binding.target

    def why_unbound(self, key: str) -> str:
        targets = self.bindings.get(key)
        if not targets:
            return f'no binding of "{key}" found in the project'
        if len(targets) > 1:
            what = sorted({self._as_class(b) for b in targets})
            more = f" and {len(what) - 3} more" if len(what) > 3 else ""
            return f'"{key}" is bound to different resources: {", ".join(what[:3])}{more}'
        (binding,) = targets
        if binding.kind == "function":
            reason = self.resource_functions[binding.target].reason if (
                binding.target in self.resource_functions) else ""
            return f'"{key}" is bound to the legacy resource {binding.target}' + (
                f" ({reason})" if reason else "")
        return f'"{key}" is bound to {binding.target}, not a ConfigurableResource class'


class ModuleNames:
    """Local name -> qualified name (project objects) or framework role, for one module."""

    def __init__(self, module: str, tree: ast.Module) -> None:
        self.module = module
        self.qualified: dict[str, str] = {}
        self.roles: dict[str, str] = {}
        self.framework_aliases: dict[str, str] = {}  # `import dagster as dg`: "dg" -> "dagster"
        for node in tree.body:
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                fw = framework_of(node.module)
                for alias in node.names:
                    local = alias.asname or alias.name
                    if fw is not None:
                        role = role_of(fw, alias.name)
                        if role is not None:
                            self.roles[local] = role
                    else:
                        self.qualified[local] = f"{node.module}.{alias.name}"
            elif isinstance(node, ast.Import):
                for alias in node.names:
                    local = alias.asname or alias.name.split(".")[0]
                    fw = framework_of(alias.name)
                    if fw is not None:
                        self.framework_aliases[local] = fw
                    else:
                        self.qualified[local] = alias.asname and alias.name or local
            elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                self.qualified[node.name] = f"{module}.{node.name}"

    def role(self, expr: ast.expr) -> str | None:
        if isinstance(expr, ast.Call):
            expr = expr.func
        if isinstance(expr, ast.Name):
            return self.roles.get(expr.id)
        if (isinstance(expr, ast.Attribute) and isinstance(expr.value, ast.Name)
                and expr.value.id in self.framework_aliases):
            return role_of(self.framework_aliases[expr.value.id], expr.attr)
        return None

    def qualify(self, expr: ast.expr) -> str | None:
        if isinstance(expr, ast.Name):
            return self.qualified.get(expr.id)
        if isinstance(expr, ast.Attribute):
            base = self.qualify(expr.value)
            return f"{base}.{expr.attr}" if base else None
        return None


def decorator_roles(node: ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef,
                    names: ModuleNames) -> set[str]:
    return {r for d in node.decorator_list if (r := names.role(d)) is not None}


def _keyword(call: ast.Call, name: str) -> ast.expr | None:
    return next((k.value for k in call.keywords if k.arg == name), None)


class _Collector:
    def __init__(self, allow_sources: bool) -> None:
        self.allow_sources = allow_sources
        self.facts = ProjectFacts()
        # qualified class -> (base expressions resolved: qualified names or roles)
        self.class_bases: dict[str, list[str]] = {}
        self.module_values: dict[str, ast.expr] = {}
        self.repositories: list[tuple[str, str]] = []  # (module, function) of @repository
        self.module_trees: dict[str, tuple[ast.Module, ModuleNames]] = {}

    def add_module(self, source: SourceFile, tree: ast.Module) -> None:
        names = ModuleNames(source.module, tree)
        assigned = [t.id for node in tree.body if isinstance(node, ast.Assign)
                    for t in node.targets if isinstance(t, ast.Name)]
        # names assigned once at module level: a binding through them is resolved one level
        self.module_values = {
            t.id: node.value for node in tree.body if isinstance(node, ast.Assign)
            for t in node.targets if isinstance(t, ast.Name) and assigned.count(t.id) == 1
        }
        module_dicts = {k: v for k, v in self.module_values.items() if isinstance(v, ast.Dict)}
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
                        if isinstance(value, ast.Name) and value.id in module_dicts:
                            value = module_dicts[value.id]
                        if isinstance(value, ast.Dict):
                            self._add_bindings(value, names)
        self._direct_calls(source.module, tree, names, compute)
        self.module_trees[source.module] = (tree, names)

    def _op_schema(self, source: SourceFile, node: ast.FunctionDef | ast.AsyncFunctionDef,
                   names: ModuleNames) -> None:
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

    def _add_bindings(self, mapping: ast.Dict, names: ModuleNames) -> None:
        for key, value in zip(mapping.keys, mapping.values):
            if not (isinstance(key, ast.Constant) and isinstance(key.value, str)):
                continue
            self.facts.bindings.setdefault(key.value, set()).add(self._binding(value, names))

    def _binding(self, value: ast.expr, names: ModuleNames) -> Binding:
        if isinstance(value, ast.Name) and value.id in self.module_values and (
                value.id not in names.qualified):
            value = self.module_values[value.id]
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

    def _direct_calls(self, module: str, tree: ast.Module, names: ModuleNames,
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


def _repository_problem(qual: str, module_trees: dict[str, tuple[ast.Module, ModuleNames]]
                        ) -> str:
    module, name = qual.rsplit(".", 1)
    for other, (tree, names) in module_trees.items():
        allowed: set[int] = set()
        for node in ast.walk(tree):
            if (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)
                    and node.value.id == name and node.attr in REPOSITORY_ATTRIBUTES):
                allowed.add(id(node.value))
        for node in ast.walk(tree):
            if isinstance(node, ast.Name) and names.qualify(node) == qual:
                if other != module:
                    return f"{other} uses {name}"
                if id(node) not in allowed:
                    return f"{name} is used other than by .get_job/.get_*_def/.name"
            if isinstance(node, ast.ImportFrom) and any(
                    f"{node.module}.{a.name}" == qual for a in node.names):
                return f"{other} imports {name}"
    return ""


def _call_shape(call: ast.Call, names: ModuleNames) -> str:
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
        from dagwire.migrate.resource_plan import plan_conversions

        plan_conversions(facts, trees, allow_sources, duplicated)
    for function in facts.resource_functions.values():
        if not convert_functions:
            function.reason = "RSC203 is not selected"
    facts.field_types = {q: t for q, t in facts.field_types.items()
                         if q in facts.resource_classes}
    return facts, errors
