"""Answers that need more than one module, built floor by floor; each floor reads the ones
below it:

- `resolve_names`: where a name leads (a definition, class, assignment or local module);
- `resolve_constants`: what a constant holds (strings, dict entries, deployment variants,
  decorator keywords);
- `resolve_classes`: which kind of class a name is, and what a class defines;
- `requirements`: what a definition declares and requires;
- `resolve_loaders`: which definitions a list, `with_resources` or a loader names.

Every method returns None when it cannot be sure; rules treat None as "stay silent". The
binding sites themselves (what each site lists and binds) are `binding_sites`' model.
"""

from __future__ import annotations

from dagwire.source_model.module import DecoratedFunction, ModuleModel
from dagwire.source_model.project import ProjectIndex
from dagwire.source_model.resolve_loaders import LoaderResolver


class Resolver(LoaderResolver):
    """Every answer of the floors below, with their caches, for one check (or one catalog)."""

    def __init__(self, index: ProjectIndex) -> None:
        super().__init__(index)
        # (job function, its module) -> the ops its body runs (`binding_sites.job_ops`)
        self.job_ops: dict[tuple[int, int], list[tuple[DecoratedFunction, ModuleModel]]] = {}
