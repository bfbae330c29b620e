"""Phase 1: the run config literals of the project that configure resources, and what they
feed.

A rewrite that changes what run config a resource takes must change every literal that
feeds it, or leave the resource alone. RSC203 asks here whether a literal of the project
gives `config` to a key (`{"resources": {"db": {"config": {...}}}}`, also through module
constants and `RunConfig(resources=...)`) that one of its binding sites binds, and where.
A literal given as `config=` / `run_config=` to the very call that binds the key (a job's
decorator, `to_job`, `execute_in_process`, `materialize`) feeds that site only, when nothing
else refers to it; any other literal may feed any job, so it counts for every site.
"""

from __future__ import annotations

import ast

from dagwire.migrate.bindings import site_dicts
from dagwire.migrate.index import MigrationIndex
from dagwire.source_model.imports import IMPORTED
from dagwire.source_model.module import ModuleModel
from dagwire.vocabulary.calls import RESOURCES
from dagwire.vocabulary.names import RUN_CONFIG

_CONFIG = "config"
_RUN_CONFIG_KEYWORDS = ("config", "run_config")


class RunConfigLiterals:
    def __init__(self, index: MigrationIndex, models: list[ModuleModel],
                 groups: dict[str, str]) -> None:
        self.index = index
        self.groups = groups
        # (group, key) -> (site the literal feeds, or None: any site) -> first place
        # configuring it
        self._configured: dict[tuple[str, str], dict[int | None, str]] = {}
        imported = {binding.name for model in models for name in model.imports.names()
                    for binding in model.imports.bindings_of(name) if binding.kind == IMPORTED}
        for model in models:
            attached = self._attached(model, imported)
            for mapping in model.dicts:
                for key, value in zip(mapping.keys, mapping.values):
                    if isinstance(key, ast.Constant) and key.value == RESOURCES:
                        self._resources(model, value, attached.get(id(mapping)))
            for call in model.calls:
                if model.imports.role(call.func) == RUN_CONFIG:
                    for keyword in call.keywords:
                        if keyword.arg == RESOURCES:
                            self._resources(model, keyword.value, None)

    def _attached(self, model: ModuleModel, imported: set[str]) -> dict[int, int]:
        """id(run config dict) -> id(the binding site it is given to), for the literals that
        feed nothing else."""
        attached: dict[int, int] = {}
        for call, _ in site_dicts(model):
            for keyword in call.keywords:
                if keyword.arg not in _RUN_CONFIG_KEYWORDS:
                    continue
                value = keyword.value
                if isinstance(value, ast.Name):
                    uses = [n for n in model.names.get(value.id, [])
                            if isinstance(n.ctx, ast.Load)]
                    found = self.index.resolver.value_of(model, value)
                    if len(uses) != 1 or value.id in imported or found is None or (
                            found[0] is not model):
                        continue
                    value = found[1]
                if isinstance(value, ast.Dict):
                    attached[id(value)] = id(call)
        return attached

    def _resources(self, model: ModuleModel, value: ast.expr, site: int | None) -> None:
        items = self.index.resolver.dict_items(model, value)
        for item in items or []:
            inner = item.value
            if isinstance(inner, ast.Name):
                found = self.index.resolver.value_of(item.model, inner)
                inner = found[1] if found is not None else inner
            if isinstance(inner, ast.Dict) and any(
                    isinstance(k, ast.Constant) and k.value == _CONFIG for k in inner.keys):
                where = self.index.place(item.model, item.node)
                group = self.groups.get(model.path, "")
                self._configured.setdefault((group, item.key), {}).setdefault(site, where)

    def configuring(self, group: str, key: str, sites: set[int]) -> str | None:
        """Where a run config literal that may feed one of `sites` gives config to `key`."""
        found = self._configured.get((group, key), {})
        for site, where in found.items():
            if site is None or site in sites:
                return where
        return None
