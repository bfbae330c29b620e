"""Phase 2 for one file: one libcst traversal applying every selected codemod.

``MigrationTransformer`` forwards each node's visit/leave to the codemods that define a hook
for that node type, after applying what the planning step recorded (replacements of
context reads, removed alias statements, the rewrite of planned ops and assets). Imports are
added and pruned on the module's top-level statements afterwards, without another traversal
of the tree; the output is checked to parse before it is returned.
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import libcst as cst

from dagwire.migrate.codemods import ALL
from dagwire.migrate.codemods.base import Codemod
from dagwire.migrate.facts import FileScope, ProjectFacts
from dagwire.migrate.context import TODO_PREFIX, FileContext, FunctionPlan, with_todos
from dagwire.migrate.context_uses import analyse
from dagwire.migrate.file_names import FileNames, dotted
from dagwire.migrate.scope import REWRITTEN_DECORATORS
from dagwire.vocabulary.calls import CONTEXT_PARAM_NAMES
from dagwire.vocabulary.names import COMPUTE_CONTEXT_TYPES

_Hook = Callable[..., Any]


@dataclass(frozen=True)
class FileResult:
    new_text: str
    todos: int


class MigrationError(Exception):
    """The file cannot be migrated (parse error, or output that does not parse)."""


class MigrationTransformer(cst.CSTTransformer):
    def __init__(self, context: FileContext, codemods: list[Codemod]) -> None:
        super().__init__()
        self.context = context
        self.codemods = codemods
        self._visit_hooks: dict[type, list[_Hook]] = {}
        self._leave_hooks: dict[type, list[_Hook]] = {}

    def _hooks(self, table: dict[type, list[_Hook]], prefix: str, kind: type) -> list[_Hook]:
        hooks = table.get(kind)
        if hooks is None:
            name = f"{prefix}_{kind.__name__}"
            hooks = [getattr(c, name) for c in self.codemods if hasattr(c, name)]
            table[kind] = hooks
        return hooks

    # no codemod hooks on node attributes: skip libcst's per-attribute dispatch
    def on_visit_attribute(self, node: cst.CSTNode, attribute: str) -> None:
        return None

    def on_leave_attribute(self, original_node: cst.CSTNode, attribute: str) -> None:
        return None

    def on_visit(self, node: cst.CSTNode) -> bool:
        if node in self.context.replacements:
            return False  # replaced whole: its children do not matter
        for hook in self._hooks(self._visit_hooks, "visit", type(node)):
            hook(node)
        return True

    def on_leave(self, original: cst.CSTNode, updated: cst.CSTNode) -> Any:
        context = self.context
        replacement = context.replacements.get(original)
        if replacement is not None:
            return replacement
        if original in context.removals:
            return cst.RemovalSentinel.REMOVE
        result: Any = updated
        if isinstance(original, cst.FunctionDef) and original in context.functions:
            result = _apply_plan(context.functions[original], result, context)
            if isinstance(result, cst.FlattenSentinel):
                return result
        for hook in self._hooks(self._leave_hooks, "leave", type(original)):
            if not isinstance(result, type(original)):
                break
            result = hook(original, result)
        if isinstance(result, cst.IndentedBlock) and not result.body:
            result = result.with_changes(body=[cst.SimpleStatementLine([cst.Pass()])])
        todos = context.statement_todos.get(original)
        if todos and hasattr(result, "leading_lines"):
            result = result.with_changes(
                leading_lines=with_todos(result.leading_lines, todos, context))
        return result


def _context_param(function: cst.FunctionDef, names: FileNames) -> str | None:
    params = function.params.params
    if not params:
        return None
    first = params[0]
    annotation = first.annotation.annotation if first.annotation else None
    if first.name.value in CONTEXT_PARAM_NAMES or (
            annotation is not None and names.role(annotation) in COMPUTE_CONTEXT_TYPES):
        return first.name.value
    return None


def _compute_decorator(function: cst.FunctionDef, names: FileNames
                       ) -> tuple[bool, cst.Call | None]:
    for decorator in function.decorators:
        if names.role(decorator.decorator) in REWRITTEN_DECORATORS:
            expr = decorator.decorator
            return True, expr if isinstance(expr, cst.Call) else None
    return False, None


def _apply_plan(plan: FunctionPlan, updated: cst.FunctionDef, context: FileContext
                ) -> cst.FunctionDef | cst.FlattenSentinel[cst.BaseStatement]:
    if not (plan.config_converted or plan.resources_converted):
        if plan.function in context.statement_todos:
            updated = updated.with_changes(leading_lines=with_todos(
                updated.leading_lines, context.statement_todos.pop(plan.function), context))
        return updated
    uses = plan.uses
    still_used = uses is not None and (
        uses.other_context_uses > 0
        or (not plan.config_converted and bool(uses.config_reads or uses.config_aliases
                                               or uses.config_problems))
        or (not plan.resources_converted and bool(uses.resource_reads
                                                  or uses.resource_self_assignments
                                                  or uses.resource_problems)))
    added = ([plan.config_param] if plan.config_param is not None else []) + list(
        plan.resource_params)
    parameters = _with_parameters(updated.params, plan.context is not None, still_used, added)
    decorators = [_drop_keywords(d, plan.drop_keywords, context.names)
                  for d in updated.decorators]
    # a TODO an earlier run wrote for what is converted now is stale
    stale = tuple(f"{TODO_PREFIX}{code} " for code, done in (
        ("RSC201", plan.resources_converted), ("RSC202", plan.config_converted)) if done)
    leading = [line for line in updated.leading_lines
               if line.comment is None or not line.comment.value.startswith(stale)]
    todos = context.statement_todos.pop(plan.function, [])
    result = updated.with_changes(params=parameters, decorators=decorators)
    if not plan.classes_before:
        return result.with_changes(leading_lines=with_todos(leading, todos, context))
    # the new classes take the blank lines above the function; it keeps its comments
    blank = []
    while leading and leading[0].comment is None:
        blank.append(leading.pop(0))
    classes = [c.with_changes(leading_lines=blank) for c in plan.classes_before]
    spacing = [cst.EmptyLine(), cst.EmptyLine()]
    classes[1:] = [c.with_changes(leading_lines=spacing) for c in classes[1:]]
    result = result.with_changes(leading_lines=with_todos(spacing + leading, todos, context))
    return cst.FlattenSentinel([*classes, result])


def _with_parameters(parameters: cst.Parameters, has_context: bool, keep_context: bool,
                     added: list[cst.Param]) -> cst.Parameters:
    """The signature with the context dropped (unless still used) and `added` (config and
    resources) after every existing parameter: a direct call that passes inputs by
    position (`op(context, rows)`) still binds them to the same inputs. After a parameter
    with a default, `*args` or keyword-only ones, they become keyword-only. Separators keep
    the signature's layout (one parameter a line stays so)."""
    params = list(parameters.params)
    if has_context and not keep_context:
        params = params[1:]
    star = parameters.star_arg
    keyword_only = list(parameters.kwonly_params)
    if any(p.default is not None for p in params) or isinstance(star, cst.Param) or (
            keyword_only):
        keyword_only = added + keyword_only
        if not isinstance(star, (cst.Param, cst.ParamStar)):
            star = cst.ParamStar()
    else:
        params = params + added
    sequence: list[cst.Param | cst.ParamStar] = [*parameters.posonly_params, *params]
    if isinstance(star, (cst.Param, cst.ParamStar)):
        sequence.append(star)
    sequence.extend(keyword_only)
    if isinstance(parameters.star_kwarg, cst.Param):
        sequence.append(parameters.star_kwarg)
    original: list[cst.Param | cst.ParamStar] = [
        p for p in (*parameters.posonly_params, *parameters.params, parameters.star_arg,
                    *parameters.kwonly_params, parameters.star_kwarg)
        if isinstance(p, (cst.Param, cst.ParamStar))]
    last = original[-1] if original else None
    separators = [p.comma for p in original[:-1] if isinstance(p.comma, cst.Comma)]
    separator = separators[0] if separators else cst.Comma(
        whitespace_after=cst.SimpleWhitespace(" "))
    closing = last.comma if last is not None else cst.MaybeSentinel.DEFAULT
    ids = {id(p) for p in original}
    placed: list[cst.Param | cst.ParamStar] = []
    for position, item in enumerate(sequence):
        if position == len(sequence) - 1:
            comma: cst.Comma | cst.MaybeSentinel = closing
        elif id(item) in ids and item is not last and isinstance(item.comma, cst.Comma):
            comma = item.comma
        else:
            comma = separator
        placed.append(item.with_changes(comma=comma))
    count = len(parameters.posonly_params)
    regular = [p for p in placed[count:count + len(params)] if isinstance(p, cst.Param)]
    rest = placed[count + len(params):]
    new_star = rest.pop(0) if isinstance(star, (cst.Param, cst.ParamStar)) else star
    kwarg = rest.pop() if isinstance(parameters.star_kwarg, cst.Param) else (
        parameters.star_kwarg)
    posonly = [p for p in placed[:count] if isinstance(p, cst.Param)]
    return parameters.with_changes(
        posonly_params=posonly, params=regular, star_arg=new_star,
        kwonly_params=[p for p in rest if isinstance(p, cst.Param)], star_kwarg=kwarg)


def _drop_keywords(decorator: cst.Decorator, drop: set[str], names: FileNames
                   ) -> cst.Decorator:
    call = decorator.decorator
    if not (isinstance(call, cst.Call) and names.role(call) in REWRITTEN_DECORATORS):
        return decorator
    kept: list[cst.Arg] = []
    opening = call.whitespace_before_args
    for arg in call.args:
        if not (arg.keyword is not None and arg.keyword.value in drop):
            kept.append(arg)
            continue
        # the own-line comments after a dropped argument belong to the next one: they take
        # the place of the line break before it (its own comments go with it)
        after = arg.comma.whitespace_after if isinstance(arg.comma, cst.Comma) else None
        before = kept[-1].comma.whitespace_after if kept and isinstance(
            kept[-1].comma, cst.Comma) else opening
        if isinstance(after, cst.ParenthesizedWhitespace) and isinstance(
                before, cst.ParenthesizedWhitespace):
            merged = after.with_changes(first_line=before.first_line)
            if kept:
                comma = kept[-1].comma
                assert isinstance(comma, cst.Comma)
                kept[-1] = kept[-1].with_changes(comma=comma.with_changes(whitespace_after=merged))
            else:
                opening = merged
    if not kept:
        return decorator.with_changes(decorator=call.func)
    last = call.args[-1]
    if kept[-1] is not last and not isinstance(last.comma, cst.Comma):
        comma = kept[-1].comma
        closing = last.whitespace_after_arg
        if isinstance(comma, cst.Comma) and isinstance(comma.whitespace_after,
                                                       cst.ParenthesizedWhitespace):
            # one argument a line: keep the comma (and its comment), close on the next line
            if isinstance(closing, cst.ParenthesizedWhitespace):
                closing = closing.with_changes(first_line=comma.whitespace_after.first_line)
            kept[-1] = kept[-1].with_changes(comma=comma.with_changes(whitespace_after=closing))
        else:
            kept[-1] = kept[-1].with_changes(comma=last.comma, whitespace_after_arg=closing)
    return decorator.with_changes(decorator=call.with_changes(
        args=kept, whitespace_before_args=opening))


def _plan_functions(module: cst.Module, context: FileContext, codemods: list[Codemod]) -> None:
    for statement in module.body:
        if not isinstance(statement, cst.FunctionDef):
            continue
        is_compute, decorator = _compute_decorator(statement, context.names)
        if not is_compute:
            continue
        context_name = _context_param(statement, context.names)
        plan = FunctionPlan(statement, context_name)
        if context_name is not None:
            plan.uses = analyse(statement, context_name)
        context.functions[statement] = plan
    for plan in context.functions.values():
        decorator = _compute_decorator(plan.function, context.names)[1]
        for codemod in codemods:
            codemod.plan_function(plan, decorator)


def _alias(name: str) -> cst.ImportAlias:
    return cst.ImportAlias(cst.Name(name))


def _add_to_import(statement: cst.SimpleStatementLine, names: set[str]
                   ) -> cst.SimpleStatementLine:
    node = statement.body[0]
    assert isinstance(node, cst.ImportFrom) and not isinstance(node.names, cst.ImportStar)
    present = [dotted(a.name) or "" for a in node.names]
    missing = sorted(names - set(present))
    if not missing:
        return statement
    aliases = list(node.names)
    sorted_before = present == sorted(present)
    for name in missing:
        position = len(aliases)
        if sorted_before:
            position = next((i for i, a in enumerate(aliases)
                             if (dotted(a.name) or "") > name), len(aliases))
        template = aliases[min(position, len(aliases) - 1)]
        new_alias = _alias(name).with_changes(comma=template.comma)
        if position == len(aliases):
            # the old last alias gets the separator the others use; the new one its ending
            last = aliases[-1]
            separator = aliases[-2].comma if len(aliases) > 1 else cst.Comma(
                whitespace_after=cst.SimpleWhitespace(" "))
            new_alias = new_alias.with_changes(comma=last.comma)
            aliases[-1] = last.with_changes(comma=separator)
        aliases.insert(position, new_alias)
    return statement.with_changes(body=[node.with_changes(names=aliases)])


def _finish_imports(module: cst.Module, context: FileContext) -> cst.Module:
    body = list(module.body)
    framework_index = None
    if context.names.framework_import is not None:
        framework_index = next((i for i, s in enumerate(body)
                                if _imports_from(s, context.names.framework_module)), None)
    new_statements: list[cst.SimpleStatementLine] = []
    if context.framework_imports:
        if framework_index is not None:
            body[framework_index] = _add_to_import(
                body[framework_index], context.framework_imports)  # type: ignore[arg-type]
        else:
            names = ", ".join(sorted(context.framework_imports))
            new_statements.append(cst.parse_statement(
                f"from {context.names.framework} import {names}\n"))  # type: ignore[arg-type]
    stdlib: dict[str, set[str]] = {}
    for source, name in context.stdlib_imports:
        stdlib.setdefault(source, set()).add(name)
    if context.typing_imports:
        stdlib.setdefault("typing", set()).update(context.typing_imports)
    stdlib_block = _stdlib_end(body)
    for source, wanted in sorted(stdlib.items()):
        index = next((i for i, s in enumerate(body) if _imports_from(s, source)), None)
        if index is not None:
            body[index] = _add_to_import(body[index], wanted)  # type: ignore[arg-type]
            continue
        names = ", ".join(sorted(wanted))
        statement = cst.parse_statement(f"from {source} import {names}\n")
        if stdlib_block is not None:
            # it joins the file's standard library imports
            body.insert(stdlib_block, statement)
            stdlib_block += 1
            if framework_index is not None and framework_index >= stdlib_block - 1:
                framework_index += 1
        else:
            new_statements.append(statement)  # type: ignore[arg-type]
    new_statements.extend(cst.parse_statement(f"import {module}\n")  # type: ignore[misc]
                          for module in sorted(context.module_imports))
    by_module: dict[str, set[str]] = {}
    for source, name in sorted(context.project_imports):
        by_module.setdefault(source, set()).add(name)
    project_statements = []
    for source, imported in sorted(by_module.items()):
        # a name joins an import from its module the file has already
        index = next((i for i, s in enumerate(body) if _imports_from(s, source)), None)
        if index is not None:
            body[index] = _add_to_import(body[index], imported)  # type: ignore[arg-type]
        else:
            project_statements.append(cst.parse_statement(
                f"from {source} import {', '.join(sorted(imported))}\n"))
    last_import = _after_imports(body)
    if project_statements and framework_index is not None and last_import > framework_index + 1:
        # project imports already follow the framework import: the new ones join that block
        body[last_import:last_import] = project_statements
    elif project_statements and framework_index is not None and last_import == framework_index + 1:
        # the framework import ends the imports: project imports (first party) come after it,
        # as a block of their own
        project_statements[0] = project_statements[0].with_changes(
            leading_lines=[cst.EmptyLine()])
        body[last_import:last_import] = project_statements
    else:
        new_statements.extend(project_statements)  # type: ignore[arg-type]
    if new_statements:
        anchor = framework_index if framework_index is not None else _after_imports(body)
        if framework_index is None and anchor > 0:
            pass  # right below the last import, which keeps the blank lines after it
        elif anchor < len(body):
            # the new imports take the anchor's leading lines; the anchor gets one blank line
            first = body[anchor]
            new_statements[0] = new_statements[0].with_changes(leading_lines=first.leading_lines)
            body[anchor] = first.with_changes(leading_lines=[cst.EmptyLine()])
        body[anchor:anchor] = new_statements
    return module.with_changes(body=body)


def _stdlib_end(body: Sequence[cst.BaseStatement]) -> int | None:
    """Where a standard library import joins the file's own: after the last of the imports
    of the standard library that open the file, None when it opens with none."""
    end = None
    for index, statement in enumerate(body):
        if not (isinstance(statement, cst.SimpleStatementLine) and all(
                isinstance(s, (cst.Import, cst.ImportFrom)) for s in statement.body)):
            if index == 0 and _is_docstring_line(statement):
                continue
            break
        small = statement.body[0]
        if isinstance(small, cst.ImportFrom):
            name = dotted(small.module) if small.module is not None and not small.relative \
                else None
        elif isinstance(small, cst.Import):
            name = dotted(small.names[0].name) if small.names else None
        else:
            name = None
        if name is not None and name.split(".")[0] in sys.stdlib_module_names:
            end = index + 1
        elif end is not None:
            break
    return end


def _is_docstring_line(statement: cst.BaseStatement) -> bool:
    return (isinstance(statement, cst.SimpleStatementLine) and len(statement.body) == 1
            and isinstance(statement.body[0], cst.Expr)
            and isinstance(statement.body[0].value, (cst.SimpleString, cst.ConcatenatedString)))


def _imports_from(statement: cst.CSTNode, source: str) -> bool:
    """`from <source> import ...` alone on its line (names can join it)."""
    if not (isinstance(statement, cst.SimpleStatementLine) and len(statement.body) == 1):
        return False
    node = statement.body[0]
    return (isinstance(node, cst.ImportFrom) and node.module is not None and not node.relative
            and dotted(node.module) == source and not isinstance(node.names, cst.ImportStar))


def _after_imports(body: Sequence[cst.BaseStatement]) -> int:
    index = 0
    for i, statement in enumerate(body):
        if isinstance(statement, cst.SimpleStatementLine) and all(
                isinstance(s, (cst.Import, cst.ImportFrom)) for s in statement.body):
            index = i + 1
    return index


def _used_names(tree: ast.AST) -> set[str]:
    return {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}


def _prune_imports(new_text: str, new_module: cst.Module, new_tree: ast.Module,
                   before: set[str], context: FileContext) -> str:
    """Drop framework names the migration made unused (names unused before stay).

    Works on the text: only the import statements that change are generated again and
    spliced in by line, so the module is not generated twice.
    """
    after = _used_names(new_tree)
    unused = {local for local in context.names.framework_locals
              if local in before and local not in after}
    if not unused:
        return new_text
    located = [n for n in new_tree.body if isinstance(n, ast.ImportFrom) and n.module
               and n.module.split(".")[0] in ("dagster", "dagwire") and n.level == 0]
    statements = [s for s in new_module.body if isinstance(s, cst.SimpleStatementLine)
                  and len(s.body) == 1 and isinstance(s.body[0], cst.ImportFrom)
                  and s.body[0].module is not None
                  and (dotted(s.body[0].module) or "").split(".")[0] in ("dagster", "dagwire")
                  and not s.body[0].relative]
    if len(located) != len(statements):
        return new_text  # a compound line (`import x; from dagster import y`): leave it
    lines = new_text.splitlines(keepends=True)
    for node, statement in reversed(list(zip(located, statements))):
        replacement = _without_names(statement, unused)
        if replacement is statement:
            continue
        end = node.end_lineno or node.lineno
        text = "" if replacement is None else cst.Module([]).code_for_node(
            replacement.with_changes(leading_lines=()))
        lines[node.lineno - 1:end] = [text] if text else []
    return "".join(lines)


def _without_names(statement: cst.SimpleStatementLine, unused: set[str]
                   ) -> cst.SimpleStatementLine | None:
    node = statement.body[0]
    assert isinstance(node, cst.ImportFrom)
    if isinstance(node.names, cst.ImportStar):
        return statement
    kept = [a for a in node.names if (a.evaluated_alias or a.evaluated_name) not in unused]
    if len(kept) == len(node.names):
        return statement
    if not kept:
        return None
    kept[-1] = kept[-1].with_changes(comma=node.names[-1].comma)
    if len(kept) <= 4 and node.lpar is not None:
        # a short list no longer needs the parenthesised one-per-line layout
        kept = [a.with_changes(comma=cst.MaybeSentinel.DEFAULT) for a in kept]
        node = node.with_changes(lpar=None, rpar=None)
    return statement.with_changes(body=[node.with_changes(names=kept)])


def migrate_source(text: str, module_name: str, facts: ProjectFacts,
                   selected: frozenset[str], is_package: bool = False, path: str = ""
                   ) -> FileResult:
    try:
        module = cst.parse_module(text)
        tree = ast.parse(text)
    except cst.ParserSyntaxError as error:
        raise MigrationError(f"syntax error: line {error.raw_line}: {error.message}") from None
    except SyntaxError as error:
        raise MigrationError(f"syntax error: line {error.lineno}: {error.msg}") from None
    names = FileNames(module_name, module, tree, facts.scopes.get(path, FileScope()),
                      facts.scopes, is_package)
    context = FileContext(module_name, facts, names, path, selected=selected)
    for statement in module.body:
        if isinstance(statement, (cst.FunctionDef, cst.ClassDef)):
            context.top_level_defs[statement.name.value] = statement
    codemods = [cls(context) for cls in ALL if cls.code in selected]
    _plan_functions(module, context, codemods)
    new_module = module.visit(MigrationTransformer(context, codemods))
    new_module = _finish_imports(new_module, context)
    new_text = new_module.code
    if new_text == text:
        return FileResult(text, context.todo_count)
    try:
        new_tree = ast.parse(new_text)
    except SyntaxError as error:
        raise MigrationError(f"internal error: output does not parse ({error.msg}, line "
                             f"{error.lineno}); file left unchanged") from None
    new_text = _prune_imports(new_text, new_module, new_tree, _used_names(tree),
                              context)
    return FileResult(new_text, context.todo_count)
