"""``dagwire resources --static PATH``: the catalog of a project read from its source alone.

Nothing of the project is imported, so its dependencies need not be installed: it works on
projects written against real ``dagster`` as well as ``dagwire``. What the source does not
say statically (a resource built by a function call, keys computed at run time) is shown as
the expression's source, and a definition whose needs cannot all be read marks the catalog
incomplete (unused keys are then not reported).
"""

from __future__ import annotations

import ast
import os

from dagwire.catalog.model import (
    Catalog,
    ConfigField,
    ConfigSchema,
    Definition,
    Graph,
    GraphNode,
    Need,
    expression_value,
    finish,
    literal_value,
)
from dagwire.catalog.static_sites import Listed, Sites, StaticCatalogError, python_files
from dagwire.catalog.static_values import (
    Values,
    NOT_LITERAL,
    docstring,
    literal,
    masked_source,
    where,
)
from dagwire.catalog.source_model import (
    DecoratedFunction,
    ModuleModel,
    Resolver,
    unquoted,
)
from dagwire.vocabulary.calls import (
    DEFAULT_IO_MANAGER_KEY,
    IO_MANAGER_KEY,
    REQUIRED_RESOURCE_KEYS,
)


def _string(expr: ast.expr | None) -> str | None:
    return expr.value if isinstance(expr, ast.Constant) and isinstance(expr.value, str) else None


def _key_text(expr: ast.expr | None) -> str | None:
    """``"a"``, ``["a", "b"]``, ``AssetKey(["a", "b"])`` -> ``a`` / ``a/b``."""
    if isinstance(expr, ast.Call) and expr.args:  # AssetKey(...)
        expr = expr.args[0]
    if expr is None:
        return None
    value = literal(expr)
    if isinstance(value, str):
        return value
    if isinstance(value, (list, tuple)) and value and all(isinstance(v, str) for v in value):
        return "/".join(value)
    return None


class StaticBuilder:
    def __init__(self, sites: Sites, resolver: Resolver) -> None:
        self.sites = sites
        self.resolver = resolver
        self.values = Values(resolver)
        self.definitions: list[Definition] = []
        self.ops: dict[str, Definition] = {}
        self.job_names: set[str] = set()
        self.launch_configs: list[tuple[str, str, object]] = []
        self._selections: list[tuple[Definition, ModuleModel, ast.expr | None]] = []

    # -- shared pieces -------------------------------------------------------------------

    def name(self, fn: DecoratedFunction, model: ModuleModel) -> str:
        keywords, _ = self.resolver.keywords(model, fn)
        if fn.kind in ("asset", "graph_asset"):
            key = _key_text(keywords.get("key"))
            if key is not None:
                return key
            prefix = _key_text(keywords.get("key_prefix"))
            name = self.resolver.display_name(model, fn)
            return f"{prefix}/{name}" if prefix else name
        return self.resolver.display_name(model, fn)

    def needs(
        self, fn: DecoratedFunction, model: ModuleModel, local: frozenset[str], outputs: bool
    ) -> tuple[list[Need], bool]:
        """What a compute definition needs from the top level, and whether that is all."""
        params = self.resolver.parameters(model, fn)
        declared = self.resolver.declared(model, fn)
        keywords, _ = self.resolver.keywords(model, fn)
        complete = (declared.complete and declared.required_resource_keys is not None
                    and declared.resource_defs is not None)
        local = local | {item.key for item in declared.resource_defs or []}
        needs: list[Need] = []
        for param in params.resources:
            annotation = params.annotated.get(param)
            ref = annotation[1] if annotation is not None else None
            expects = self.values.qualified(ref) if ref is not None and ref.node else None
            needs.append(Need(param, "parameter", param, expects))
        needs += [Need(item.key, REQUIRED_RESOURCE_KEYS)
                  for item in sorted(declared.required_resource_keys or [], key=lambda i: i.key)]
        managers = self.resolver.manager_keys(model, keywords)
        if managers is None:
            complete = False
        if outputs and IO_MANAGER_KEY not in keywords:
            needs.append(Need(DEFAULT_IO_MANAGER_KEY, IO_MANAGER_KEY))
        needs += [Need(key, IO_MANAGER_KEY) for key in sorted(managers or ())
                  if all(n.key != key for n in needs)]
        return [n for n in needs if n.key not in local], complete

    def config(self, fn: DecoratedFunction, model: ModuleModel) -> ConfigSchema | None:
        for arg in [*fn.func.args.posonlyargs, *fn.func.args.args, *fn.func.args.kwonlyargs]:
            if arg.arg == "config" and arg.annotation is not None:
                return self.values.config_schema(model, unquoted(arg.annotation))
        keywords, _ = self.resolver.keywords(model, fn)
        schema = keywords.get("config_schema")
        items = self.resolver.dict_items(model, schema) if schema is not None else None
        if items is None:
            return None
        return ConfigSchema(None, [ConfigField(i.key, _type_source(i.value), required=None)
                                   for i in items])

    def description(self, fn: DecoratedFunction, model: ModuleModel) -> str | None:
        keywords, _ = self.resolver.keywords(model, fn)
        return _string(keywords.get("description")) or docstring(fn.func)

    def definition(
        self, kind: str, fn: DecoratedFunction, model: ModuleModel, local: frozenset[str],
        outputs: bool,
    ) -> Definition:
        needs, complete = self.needs(fn, model, local, outputs)
        return Definition(
            kind=kind, name=self.name(fn, model), location=where(model, fn.func),
            description=self.description(fn, model), needs=needs,
            config=self.config(fn, model), complete=complete,
        )

    # -- definitions -------------------------------------------------------------------------

    def asset(self, fn: DecoratedFunction, model: ModuleModel, local: frozenset[str]) -> None:
        definition = self.definition("asset", fn, model, local, outputs=True)
        keywords, _ = self.resolver.keywords(model, fn)
        definition.group = _string(keywords.get("group_name")) or "default"
        params = self.resolver.parameters(model, fn)
        ins = self.resolver.dict_items(model, keywords["ins"]) if "ins" in keywords else []
        specs = {item.key: item.value for item in ins or []}
        upstream: list[str] = []
        for name in params.names:
            if name in (params.context, "config") or name in params.resources:
                continue
            spec = specs.get(name)
            key = None
            if isinstance(spec, ast.Call):
                arguments = {k.arg: k.value for k in spec.keywords}
                key = _key_text(arguments.get("key") or (spec.args[0] if spec.args else None))
            upstream.append(key or name)
        deps = keywords.get("deps")
        for element in deps.elts if isinstance(deps, (ast.List, ast.Tuple)) else []:
            found = (self.resolver.definition(model, element)
                     if isinstance(element, (ast.Name, ast.Attribute)) else None)
            key = self.name(*found) if found is not None else _key_text(element)
            if key is not None:
                upstream.append(key)
            else:
                definition.complete = False
        definition.upstream = list(dict.fromkeys(upstream))
        self.definitions.append(definition)

    def asset_check(self, fn: DecoratedFunction, model: ModuleModel, local: frozenset[str]) -> None:
        definition = self.definition("asset_check", fn, model, local, outputs=False)
        keywords, _ = self.resolver.keywords(model, fn)
        target = keywords.get("asset")
        found = (self.resolver.definition(model, target)
                 if isinstance(target, (ast.Name, ast.Attribute)) else None)
        definition.asset = self.name(*found) if found is not None else _key_text(target)
        self.definitions.append(definition)

    def trigger(self, fn: DecoratedFunction, model: ModuleModel) -> None:
        definition = self.definition(fn.kind, fn, model, frozenset(), outputs=False)
        keywords, _ = self.resolver.keywords(model, fn)
        job = keywords.get("job")
        jobs = keywords.get("jobs")
        if job is None and isinstance(jobs, (ast.List, ast.Tuple)) and jobs.elts:
            job = jobs.elts[0]
        definition.job = _string(keywords.get("job_name")) or (
            self.job_reference(model, job) if job is not None else None)
        if fn.kind == "schedule":
            cron = keywords.get("cron_schedule")
            if cron is None and isinstance(fn.decorator, ast.Call) and fn.decorator.args:
                cron = fn.decorator.args[0]
            definition.cron = _string(cron)
        self.definitions.append(definition)

    def job_reference(self, model: ModuleModel, expr: ast.expr) -> str | None:
        """The name of the job an expression refers to; the job is catalogued if it was not."""
        if not isinstance(expr, (ast.Name, ast.Attribute)):
            return None
        found = self.resolver.definition(model, expr)
        if found is not None and found[0].kind == "job":
            self.op_job(found[0], found[1])
            return self.name(*found)
        value = self.resolver.value_of(model, expr)
        if value is not None and isinstance(value[1], ast.Call):
            if value[0].imports.role(value[1].func) == "define_asset_job":
                return self.asset_job(value[0], value[1])
        return None

    def _run_config(self, model: ModuleModel, job: Definition, expr: ast.expr | None) -> None:
        if expr is None:
            return
        value = self.values.constant(model, expr)
        if value is NOT_LITERAL:
            job.run_config = expression_value(masked_source(expr), None)
            return
        job.run_config = literal_value(value, None)
        resources = value.get("resources") if isinstance(value, dict) else None
        for key, entry in (resources or {}).items():
            inner = entry.get("config") if isinstance(entry, dict) else None
            if inner is not None:
                self.launch_configs.append((job.name, key, inner))

    def asset_job(self, model: ModuleModel, call: ast.Call) -> str | None:
        arguments = {k.arg: k.value for k in call.keywords if k.arg}
        name = _string(arguments.get("name") or (call.args[0] if call.args else None))
        if name is None or name in self.job_names:
            return name
        self.job_names.add(name)
        job = Definition(kind="job", name=name, location=where(model, call),
                         description=_string(arguments.get("description")), job_kind="assets")
        selection = arguments.get("selection") or (call.args[1] if len(call.args) > 1 else None)
        job.graph = Graph()
        job.graph.nodes = [GraphNode("?", "?", None)]  # placeholder until the assets are known
        self._selections.append((job, model, selection))
        self._run_config(model, job, arguments.get("config"))
        self.definitions.append(job)
        return name

    def op_job(self, fn: DecoratedFunction, model: ModuleModel) -> None:
        name = self.name(fn, model)
        if name in self.job_names:
            return
        self.job_names.add(name)
        declared = self.resolver.declared(model, fn)
        local = frozenset(item.key for item in declared.resource_defs or [])
        job = Definition(kind="job", name=name, location=where(model, fn.func),
                         description=self.description(fn, model), job_kind="ops", graph=Graph())
        if declared.resource_defs is None:
            job.complete = False
        keywords, _ = self.resolver.keywords(model, fn)
        self._run_config(model, job, keywords.get("config"))
        assert job.graph is not None
        self._compose(fn.func, model, job, local)
        self.definitions.append(job)

    def _compose(self, body: ast.AST, model: ModuleModel, job: Definition,
                 local: frozenset[str]) -> None:
        """Op calls of a job body: nodes (``op``, ``op_2``, ... as Dagster names repeats) and
        the edges of outputs passed to inputs, through nested calls and assigned names."""
        graph = job.graph
        assert graph is not None
        produced: dict[str, str] = {}  # variable -> node

        def call_node(call: ast.Call) -> str | None:
            found = (self.resolver.definition(model, call.func)
                     if isinstance(call.func, (ast.Name, ast.Attribute)) else None)
            if found is None or found[0].kind != "op":
                return None
            op, op_model = found
            op_name = self.name(op, op_model)
            # the arguments run first: their ops are recorded before this one, as Dagster does
            inputs = [s for a in [*call.args, *(k.value for k in call.keywords)]
                      for s in sources(a)]
            count = sum(1 for n in graph.nodes if n.ref == f"op:{op_name}")
            node = op_name if count == 0 else f"{op_name}_{count + 1}"
            graph.nodes.append(GraphNode(node, node, f"op:{op_name}"))
            graph.edges.extend((source, node) for source in inputs)
            entry = self.ops.get(op_name)
            if entry is None:
                entry = self.ops[op_name] = self.definition("op", op, op_model, local, True)
            if job.name not in entry.jobs:
                entry.jobs.append(job.name)
            return node

        def sources(expr: ast.expr) -> list[str]:
            if isinstance(expr, ast.Call):
                node = call_node(expr)
                if node is not None:
                    return [node]
                return [s for a in expr.args for s in sources(a)]
            if isinstance(expr, ast.Name):
                return [produced[expr.id]] if expr.id in produced else []
            if isinstance(expr, ast.Attribute) and isinstance(expr.value, ast.Name):
                return sources(expr.value)
            if isinstance(expr, (ast.Tuple, ast.List)):
                return [s for e in expr.elts for s in sources(e)]
            return []

        for stmt in getattr(body, "body", []):
            if isinstance(stmt, ast.Assign):
                made = sources(stmt.value)
                for target in stmt.targets:
                    for name in ast.walk(target):
                        if isinstance(name, ast.Name) and made:
                            produced[name.id] = made[0]
            elif isinstance(stmt, (ast.Expr, ast.Return)) and stmt.value is not None:
                sources(stmt.value)
            elif isinstance(stmt, (ast.For, ast.If, ast.With)):
                self._compose(stmt, model, job, local)

    def resolve_selections(self) -> None:
        assets = [d for d in self.definitions if d.kind == "asset"]
        every = {d.name for d in assets}
        for job, model, selection in self._selections:
            chosen = self._selected(model, selection, assets)
            if chosen is None:
                job.complete = False
                chosen = set()
            graph = Catalog("static", "", [], assets).asset_graph()
            assert job.graph is not None
            job.graph.nodes = [n for n in graph.nodes if n.id in chosen and n.id in every]
            job.graph.edges = [e for e in graph.edges if set(e) <= chosen]

    def _selected(
        self, model: ModuleModel, selection: ast.expr | None, assets: list[Definition]
    ) -> set[str] | None:
        every = {d.name for d in assets}
        if selection is None or _string(selection) == "*":
            return every
        value = literal(selection)
        if isinstance(value, str):
            return {value} if value in every else None
        if isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value):
            return set(value)
        if isinstance(selection, (ast.List, ast.Tuple)):
            names = [self.resolver.definition(model, e) for e in selection.elts
                     if isinstance(e, (ast.Name, ast.Attribute))]
            if len(names) == len(selection.elts) and all(names):
                return {self.name(*found) for found in names if found is not None}
            return None
        if isinstance(selection, ast.Call) and isinstance(selection.func, ast.Attribute):
            method = selection.func.attr
            strings = [_string(a) for a in selection.args]
            if method == "all":
                return every
            if method == "groups" and all(strings):
                return {d.name for d in assets if d.group in strings}
            if method in ("keys", "assets") and all(strings):
                return {s for s in strings if s}
        return None

    def build(self, listed: Listed) -> list[Definition]:
        for entry in listed.entries:
            fn, model = entry.definition, entry.model
            if fn.kind in ("asset", "graph_asset"):
                self.asset(fn, model, entry.extra_keys)
            elif fn.kind == "asset_check":
                self.asset_check(fn, model, entry.extra_keys)
            elif fn.kind == "job":
                self.op_job(fn, model)
        for model, call in listed.asset_jobs:
            self.asset_job(model, call)
        for entry in listed.entries:
            if entry.definition.kind in ("sensor", "schedule"):
                self.trigger(entry.definition, entry.model)
        self.resolve_selections()
        self.definitions.extend(self.ops.values())
        if not listed.complete and self.definitions:
            self.definitions[0].complete = False  # something listed could not be read
        return self.definitions


def _type_source(expr: ast.expr | None) -> str | None:
    if isinstance(expr, ast.Call) and expr.args:
        expr = expr.args[0]
    return ast.unparse(expr) if isinstance(expr, (ast.Name, ast.Attribute)) else None


def build_static_catalog(target: str) -> Catalog:
    sites = Sites()
    found = sites.find(target)
    listed = Listed()
    if isinstance(found, str):
        sites.assemble_folder(found, listed)
        source = os.path.relpath(found)
        anchor = sites.model(next(iter(python_files(found)), found))
    else:
        model, name, root = found
        sites.assemble(model, root, listed)
        source = f"{os.path.relpath(model.path)}:{name}"
        anchor = model
    if anchor is None:
        raise StaticCatalogError(f"no Definitions found under {found}")
    builder = StaticBuilder(sites, sites.resolver)
    definitions = builder.build(listed)
    resources = []
    for key, model, expr in listed.resources:
        resource = builder.values.resource(model, expr)
        assert resource is not None
        resource.key = key
        resources.append(resource)
    catalog = Catalog("static", source.replace(os.sep, "/"), resources, definitions)
    catalog.launch_configs = builder.launch_configs
    return finish(catalog)


__all__ = ["StaticCatalogError", "build_static_catalog"]
