"""Per-file state shared by the codemods of one traversal."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import libcst as cst

from dagwire.migrate.facts import ProjectFacts, ValueType
from dagwire.migrate.index import Ref
from dagwire.migrate.context_uses import ContextUses
from dagwire.migrate.file_names import FileNames
from dagwire.vocabulary.names import FIELD

TODO_PREFIX = "# TODO(dagwire): "


@dataclass
class FunctionPlan:
    """The rewrite of one op or asset, filled by RSC201/RSC202 before the traversal."""

    function: cst.FunctionDef
    context: str | None
    drop_keywords: set[str] = field(default_factory=set)
    config_param: cst.Param | None = None
    resource_params: list[cst.Param] = field(default_factory=list)
    classes_before: list[cst.BaseStatement] = field(default_factory=list)
    context_still_used: bool = True
    config_class: str | None = None  # set when RSC202 rewrites it (for direct calls)
    uses: ContextUses | None = None
    config_converted: bool = False
    resources_converted: bool = False

    def param_names(self) -> set[str]:
        params = self.function.params
        every = [*params.posonly_params, *params.params, *params.kwonly_params]
        return {p.name.value for p in every}


@dataclass
class FileContext:
    module_name: str
    facts: ProjectFacts
    names: FileNames
    path: str = ""
    # original node -> node that replaces it (reads of context.op_config/resources, ...)
    replacements: dict[cst.CSTNode, cst.CSTNode] = field(default_factory=dict)
    removals: set[cst.CSTNode] = field(default_factory=set)
    functions: dict[cst.FunctionDef, FunctionPlan] = field(default_factory=dict)
    # names to add to the framework import; `from typing import ...`; project imports
    framework_imports: set[str] = field(default_factory=set)
    typing_imports: set[str] = field(default_factory=set)
    project_imports: set[tuple[str, str]] = field(default_factory=set)
    module_imports: set[str] = field(default_factory=set)  # `import pydantic`
    # `from contextlib import contextmanager` and the like: (module, name), stdlib only
    stdlib_imports: set[tuple[str, str]] = field(default_factory=set)
    # statement-level TODOs for nodes that are not planned functions
    statement_todos: dict[cst.CSTNode, list[str]] = field(default_factory=dict)
    class_names_taken: set[str] = field(default_factory=set)
    todo_count: int = 0
    selected: frozenset[str] = frozenset()
    # local names this run binds to project classes (an import RSC203 renames)
    extra_qualified: dict[str, Ref] = field(default_factory=dict)
    top_level_defs: dict[str, cst.CSTNode] = field(default_factory=dict)

    def qualify(self, expr: cst.BaseExpression) -> Ref | None:
        if isinstance(expr, cst.Name) and expr.value in self.extra_qualified:
            return self.extra_qualified[expr.value]
        return self.names.qualify(expr)

    def field_function(self) -> str:
        """How the file spells pydantic's ``Field`` (for descriptions), import added later.

        dagwire's ``Field`` takes both forms; dagster's ``Field`` is the legacy one only, so a
        dagster file gets ``import pydantic`` (dagster depends on it).
        """
        if self.names.framework == "dagwire" and (
                FIELD in self.names.framework_locals.values()
                or FIELD not in self.names.top_level):
            return self.framework_name(FIELD)
        if "pydantic" not in self.names.top_level:
            self.module_imports.add("pydantic")
        return "pydantic.Field"

    def framework_name(self, exported: str) -> str:
        """How this file spells a framework name it is about to use (import added later)."""
        for local, name in self.names.framework_locals.items():
            if name == exported:
                return local
        if self.names.framework_import is None and self.names.framework_aliases:
            return f"{sorted(self.names.framework_aliases)[0]}.{exported}"
        self.framework_imports.add(exported)
        return exported

    def class_reference(self, ref: Ref) -> str | None:
        """A local spelling of a project class, adding an import when needed; None if taken
        or when no import of this file would lead to it."""
        if ref.path == self.path:
            return ref.name
        local = self.names.local_for(ref)
        if local is not None:
            return local
        if ref.name in self.names.top_level:
            return None
        module = self.facts.importable_from(self.path, ref.path)
        if module is None:
            return None
        self.project_imports.add((module, ref.name))
        return ref.name

    def type_reference(self, value: ValueType) -> str | None:
        """How this file writes the type a resource gives (imports added later); None when it
        cannot (a name taken, a file it cannot import)."""
        if value.kind == "project":
            return self.class_reference(Ref(value.module, value.name))
        if value.kind == "builtin":
            return value.name if value.name not in self.names.top_level else None
        if value.kind == "library":
            local = self.names.imported_as(value.module, value.name)
            if local is not None:
                return local
            if value.name in self.names.top_level:
                return None
            self.project_imports.add((value.module, value.name))
            return value.name
        return None

    def any_type(self) -> str:
        """How this file writes `typing.Any` (import added later)."""
        local = self.names.imported_as("typing", "Any")
        if local is not None:
            return local
        if "Any" not in self.names.top_level:
            self.typing_imports.add("Any")
            return "Any"
        self.module_imports.add("typing")
        return "typing.Any"

    def stdlib_name(self, module: str, name: str) -> str:
        """How this file writes a name of the standard library (import added later)."""
        local = self.names.imported_as(module, name)
        if local is not None:
            return local
        if name not in self.names.top_level:
            self.stdlib_imports.add((module, name))
            return name
        self.module_imports.add(module)
        return f"{module}.{name}"

    def todo(self, node: cst.CSTNode, code: str, text: str) -> None:
        one_line = " ".join(text.split())
        self.statement_todos.setdefault(node, []).append(f"{code} {one_line}")


def with_todos(leading: Sequence[cst.EmptyLine], todos: list[str],
               context: FileContext) -> list[cst.EmptyLine]:
    """``leading`` plus one comment line per TODO not already there (second run: no change).

    An older TODO of the same code on the same definition is replaced, not stacked: its text
    may have been written from facts that the previous run changed.
    """
    wanted = {TODO_PREFIX + text for text in todos}
    codes = {TODO_PREFIX + text.split(" ", 1)[0] + " " for text in todos}
    lines = [line for line in leading if line.comment is None
             or line.comment.value in wanted
             or not any(line.comment.value.startswith(code) for code in codes)]
    present = {line.comment.value for line in lines if line.comment is not None}
    for text in todos:
        comment = TODO_PREFIX + text
        context.todo_count += 1
        if comment not in present:
            lines.append(cst.EmptyLine(comment=cst.Comment(comment)))
            present.add(comment)
    return lines
