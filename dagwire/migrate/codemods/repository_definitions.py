"""MIG101: ``@repository`` returning a list -> a ``Definitions`` object of the same name.

No lint rule reports ``@repository`` (it still runs), hence a code of the migration's own.

Before::

    @repository
    def my_repo():
        return [
            hello_world_job,
            define_asset_job("my_asset_job"),
            *with_resources([my_asset], resource_defs={"foo_resource": FooResource()}),
        ]


    my_repo.get_job("hello_world_job").execute_in_process()

After::

    my_repo = Definitions(
        assets=[my_asset],
        jobs=[hello_world_job, define_asset_job("my_asset_job")],
        resources={"foo_resource": FooResource()},
    )


    my_repo.get_job_def("hello_world_job").execute_in_process()

Each element must be a job, asset, sensor or schedule defined with its decorator (in the
project), a ``define_asset_job(...)`` call or ``*with_resources([assets], resource_defs={...})``;
``with_resources`` bindings become top-level resources (a key bound twice to different code is
a TODO). Uses of the repository must be ``.get_job`` (renamed ``.get_job_def``),
``.get_job_def``, ``.get_sensor_def``, ``.get_schedule_def`` or ``.name`` (its name as a
string), all in its own module. Anything else: a TODO, the repository left as it was.
"""

from __future__ import annotations

import libcst as cst

from dagwire.migrate.codemods.base import Codemod
from dagwire.migrate.context import FileContext
from dagwire.migrate.context_uses import string_value
from dagwire.migrate.index import Ref
from dagwire.vocabulary.calls import RESOURCE_DEFS

CODE = "MIG101"
_KINDS = {"asset": "assets", "job": "jobs", "sensor": "sensors", "schedule": "schedules"}


class RepositoryDefinitions(Codemod):
    code = CODE
    name = "repository-definitions"

    def __init__(self, context: FileContext) -> None:
        super().__init__(context)
        self.converted: set[str] = set()  # names of the repositories this file rewrites
        for name, node in context.top_level_defs.items():
            if not (isinstance(node, cst.FunctionDef) and any(
                    context.names.role(d.decorator) == "repository" for d in node.decorators)):
                continue
            problem = context.facts.repositories.get(Ref(context.path, name))
            if problem is None:
                continue  # phase 1 did not read this file
            if not problem:
                statement = self._definitions(node)
                if isinstance(statement, str):
                    problem = statement
                else:
                    self.converted.add(name)
                    continue
            context.todo(node, CODE, f"replace @repository with Definitions by hand: {problem}")

    def _definitions(self, function: cst.FunctionDef) -> cst.SimpleStatementLine | str:
        """The ``Definitions(...)`` statement, or why the body cannot be read exactly."""
        if function.decorators[0] is not function.decorators[-1] or (
                isinstance(function.decorators[0].decorator, cst.Call)):
            return "the decorator has arguments or there are other decorators"
        body = function.body
        statements = list(body.body) if isinstance(body, cst.IndentedBlock) else []
        if statements and _is_docstring(statements[0]):
            statements = statements[1:]
        if len(statements) != 1 or not isinstance(statements[0], cst.SimpleStatementLine):
            return "its body is more than one return statement"
        returned = statements[0].body[0]
        if not (isinstance(returned, cst.Return) and isinstance(returned.value, cst.List)):
            return "it does not return a list literal"
        groups: dict[str, list[str]] = {kind: [] for kind in _KINDS.values()}
        resources: dict[str, str] = {}
        code = cst.Module([]).code_for_node
        for element in returned.value.elements:
            value = element.value
            if isinstance(element, cst.StarredElement):
                problem = self._with_resources(value, groups, resources)
                if problem:
                    return problem
                continue
            if isinstance(value, cst.Call) and self.context.names.role(value) == (
                    "define_asset_job"):
                groups["jobs"].append(code(value))
                continue
            ref = self.context.qualify(value)
            role = self.context.facts.definition_roles.get(ref) if ref is not None else None
            if role not in _KINDS:
                return f"cannot tell what {code(value)} is"
            groups[_KINDS[role]].append(code(value))
        lines = [f"    {kind}=[{', '.join(items)}]," for kind, items in groups.items() if items]
        if resources:
            pairs = ", ".join(f"{key}: {value}" for key, value in resources.items())
            lines.append(f"    resources={{{pairs}}},")
        definitions = self.context.framework_name("Definitions")
        arguments = "\n" + "\n".join(lines) + "\n" if lines else ""
        source = f"{function.name.value} = {definitions}({arguments})\n"
        statement = cst.parse_statement(source)
        assert isinstance(statement, cst.SimpleStatementLine)
        # the comments of the function (on its lines, in its list) go above the statement
        comments = _Comments()
        function.with_changes(leading_lines=[]).visit(comments)
        kept = [cst.EmptyLine(comment=cst.Comment(text)) for text in comments.found]
        return statement.with_changes(leading_lines=[*function.leading_lines, *kept])

    def _with_resources(self, value: cst.BaseExpression, groups: dict[str, list[str]],
                        resources: dict[str, str]) -> str:
        code = cst.Module([]).code_for_node
        if not (isinstance(value, cst.Call) and self.context.names.role(value) ==
                "with_resources" and len(value.args) == 2
                and isinstance(value.args[0].value, cst.List) and value.args[0].keyword is None
                and value.args[1].keyword is not None
                and value.args[1].keyword.value == RESOURCE_DEFS
                and isinstance(value.args[1].value, cst.Dict)):
            return "a starred element other than *with_resources([...], resource_defs={...})"
        for asset in value.args[0].value.elements:
            ref = self.context.qualify(asset.value)
            if ref is None or self.context.facts.definition_roles.get(ref) != "asset":
                return f"cannot tell that {code(asset.value)} is an asset"
            groups["assets"].append(code(asset.value))
        for element in value.args[1].value.elements:
            if not isinstance(element, cst.DictElement) or string_value(element.key) is None:
                return "a resource_defs key is not a string literal"
            key, bound = code(element.key), code(element.value)
            if resources.setdefault(key, bound) != bound:
                return f"{key} is bound to different resources"
        return ""

    def leave_FunctionDef(self, original: cst.FunctionDef, updated: cst.FunctionDef
                          ) -> cst.BaseStatement:
        if original.name.value in self.converted and self.context.top_level_defs.get(
                original.name.value) is original:
            # built again from the updated body: other codemods rewrote its elements
            # (`fn.configured(...)` -> `Class(...)`); the plan was made from the original
            statement = self._definitions(updated)
            if not isinstance(statement, str):
                return statement
        return updated

    def leave_Attribute(self, original: cst.Attribute, updated: cst.Attribute
                        ) -> cst.BaseExpression:
        if not (isinstance(updated.value, cst.Name) and updated.value.value in self.converted):
            return updated
        if updated.attr.value == "get_job":
            return updated.with_changes(attr=cst.Name("get_job_def"))
        if updated.attr.value == "name":
            return cst.SimpleString(f'"{updated.value.value}"')
        return updated


class _Comments(cst.CSTVisitor):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def visit_Comment(self, node: cst.Comment) -> None:
        self.found.append(node.value)


def _is_docstring(statement: cst.BaseStatement) -> bool:
    return (isinstance(statement, cst.SimpleStatementLine) and len(statement.body) == 1
            and isinstance(statement.body[0], cst.Expr)
            and isinstance(statement.body[0].value, (cst.SimpleString, cst.ConcatenatedString)))
