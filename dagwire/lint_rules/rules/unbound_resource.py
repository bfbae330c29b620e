"""RSC101: a resource key a definition requires is not bound where the definition is bound.

The binding sites and what each one lists, binds and needs are the source model's
(`dagwire.source_model.binding_sites`); this rule reports every key a site's definitions
need and a deployment of the site does not bind.
"""

from __future__ import annotations

from typing import Iterator

from dagwire.lint_rules.file_check import FileCheck, Finding
from dagwire.source_model.binding_sites import binding_sites, merged_somewhere

CODE = "RSC101"
MESSAGE = "RSC101 resource key '{key}' is required by {users} but not bound in {site}"


def check(file: FileCheck) -> Iterator[Finding]:
    for site in binding_sites(file.resolver, file.model):
        found = []
        for key, users, label, _ in site.unbound():
            where = site.name if label is None else f"{site.name} (resources for '{label}')"
            found.append(
                Finding(
                    site.line, site.col, MESSAGE.format(key=key, users=", ".join(users), site=where)
                )
            )
        if found and site.call is not None:
            if merged_somewhere(file.resolver, file.model, site.call):
                continue
        yield from found
