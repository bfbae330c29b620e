"""RSC101: a resource key a definition requires is not bound where the definition is bound.

The binding sites, what each binds and what its definitions need are the source model's
(`dagwire.source_model.binding_sites`, over the code location model of `code_location`);
this rule reports every key a site's definitions need and the site (or one deployment of
it) does not bind, with the keys it does bind and the likely typo.
"""

from __future__ import annotations

import os
from typing import Iterator

from dagwire.lint_rules.file_check import FileCheck, Finding
from dagwire.source_model.binding_sites import Site, binding_sites, used_as_part
from dagwire.source_model.module import ModuleModel
from dagwire.suggestions import unbound_hint

CODE = "RSC101"
MESSAGE = "RSC101 resource key '{key}' is required by {users} but not bound in {site}; {hint}"


def _where(site: Site, model: ModuleModel) -> dict[str, str]:
    """Where each bound key is written: `line 12` in this file, `resources.py:12` elsewhere."""
    here = os.path.dirname(os.path.abspath(model.path))
    found: dict[str, str] = {}
    for item in site.bound:
        line = getattr(item.node, "lineno", None)
        if line is None or item.key in found:
            continue
        if item.model.path == model.path:
            found[item.key] = f"line {line}"
        else:
            relative = os.path.relpath(os.path.abspath(item.model.path), here)
            found[item.key] = f"{relative.replace(os.sep, '/')}:{line}"
    return found


def check(file: FileCheck) -> Iterator[Finding]:
    for site in binding_sites(file.resolver, file.model):
        found = []
        bound = [item.key for item in site.bound]
        for key, users in site.unbound():
            where = site.name
            if site.label is not None:
                where = f"{site.name} (resources for '{site.label}')"
            hint = unbound_hint(key, bound, where=_where(site, file.model))
            found.append(
                Finding(
                    site.line,
                    site.col,
                    MESSAGE.format(key=key, users=", ".join(users), site=where, hint=hint),
                )
            )
        if found and site.owner is not None:
            if used_as_part(file.resolver, file.model, site.owner):
                continue
        yield from found
