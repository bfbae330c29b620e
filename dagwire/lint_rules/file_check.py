"""Per-file state shared by the rules: the module model, the resolver, and what the bodies of
the file's compute functions read. Rules ask it questions; the answers about definitions
come from the source model (`dagwire.source_model`)."""

from __future__ import annotations

import ast

from dagwire.lint_rules.context_reads import ContextUse, context_use
from dagwire.source_model.module import DecoratedFunction, ModuleModel
from dagwire.source_model.requirements import Declared, Parameters
from dagwire.source_model.resolve import Resolver
from dagwire.vocabulary.names import COMPUTE_KINDS


class Finding(tuple[int, int, str]):
    """(line, col, message): a tuple, so findings sort by position and deduplicate."""

    __slots__ = ()

    def __new__(cls, line: int, col: int, message: str) -> Finding:
        return tuple.__new__(cls, (line, col, message))

    @property
    def line(self) -> int:
        return self[0]

    @property
    def col(self) -> int:
        return self[1]

    @property
    def message(self) -> str:
        """Starts with the code: "RSC101 ..."."""
        return self[2]

    @property
    def code(self) -> str:
        return self[2].split(" ", 1)[0]


# What the legacy-API rules (RSC2xx) say of `dagwire migrate`: it rewrites a definition only
# when it can prove the rewrite safe, so a message promises a rewrite only where the rule sees
# that proof too (a test migrates every such finding and checks it is gone).
MIGRATE_REWRITES = "dagwire migrate rewrites this"
MIGRATE_MAY_REWRITE = "dagwire migrate rewrites the cases it can prove safe"


def finding(node: ast.AST, message: str) -> Finding:
    return Finding(getattr(node, "lineno", 1), getattr(node, "col_offset", 0), message)


class FileCheck:
    def __init__(self, model: ModuleModel, resolver: Resolver) -> None:
        self.model = model
        self.resolver = resolver
        self._uses: dict[int, ContextUse | None] = {}

    def compute_functions(self) -> list[DecoratedFunction]:
        return [fn for fn in self.model.functions if fn.kind in COMPUTE_KINDS]

    def parameters(self, fn: DecoratedFunction) -> Parameters:
        return self.resolver.parameters(self.model, fn)

    def declared(self, fn: DecoratedFunction) -> Declared:
        return self.resolver.declared(self.model, fn)

    def display_name(self, fn: DecoratedFunction) -> str:
        return self.resolver.display_name(self.model, fn)

    def context_use(self, fn: DecoratedFunction) -> ContextUse | None:
        if id(fn) not in self._uses:
            context = self.parameters(fn).context
            self._uses[id(fn)] = context_use(self.model, fn, context) if context else None
        return self._uses[id(fn)]
