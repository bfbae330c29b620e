"""Run every rule over one module. No flake8 here: `plugin.py` adapts this to flake8."""

from __future__ import annotations

import ast

from dagwire.lint_rules.file_check import FileCheck, Finding
from dagwire.lint_rules.rules import ALL_RULES
from dagwire.source_model.imports import imports_framework
from dagwire.source_model.project import ProjectIndex
from dagwire.source_model.resolve import Resolver

# One index per process: flake8 workers each keep their own parsed-sibling cache.
_INDEX = ProjectIndex()


def check_module(
    tree: ast.Module, path: str, cross_file: bool = True, lines: list[str] | None = None
) -> list[Finding]:
    """Findings for one module (`path` locates its siblings; the tree is what is checked;
    `lines`, its source, is where rules read comments)."""
    if not imports_framework(tree):
        return []
    index = _INDEX if cross_file else _NoSiblings()
    model = index.checked_model(tree, path, "".join(lines) if lines is not None else None)
    file = FileCheck(model, Resolver(index), lines)
    findings: set[Finding] = set()
    for rule in ALL_RULES:
        findings.update(rule.check(file))
    return sorted(findings)


class _NoSiblings(ProjectIndex):
    """`--rsc-no-cross-file`: resolve names inside the checked file only."""

    cross_file = False

    def model_for_path(self, path: str) -> None:
        return None
