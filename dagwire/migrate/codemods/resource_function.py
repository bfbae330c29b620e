"""RSC203: a legacy ``@resource`` function with a ``config_schema`` -> a ConfigurableResource.

Before::

    class MyDBResource:
        def __init__(self, connection_uri: str):
            self._connection_uri = connection_uri

        def query(self, query: str):
            return create_engine(self._connection_uri).query(query)


    @resource(config_schema={"connection_uri": str})
    def my_db(context: InitResourceContext):
        return MyDBResource(context.resource_config["connection_uri"])

After::

    class MyDBResource(ConfigurableResource):
        connection_uri: str

        def query(self, query: str):
            return create_engine(self.connection_uri).query(query)

and across the project ``my_db.configured({"connection_uri": "x"})`` becomes
``MyDBResource(connection_uri="x")``, a bare ``my_db`` in a resources dict becomes
``MyDBResource.configure_at_launch()`` (run config keeps its shape), and
``from module import my_db`` imports ``MyDBResource``. Phase 1 (``resource_plan``) decides,
for the whole project at once, which functions convert; every other ``@resource`` function
with a schema gets a TODO saying why (generator resources, other bodies, other uses, ...).
"""

from __future__ import annotations

import libcst as cst

from dagwire.migrate.codemods.base import Codemod
from dagwire.migrate.context import FileContext
from dagwire.migrate.context_uses import string_value
from dagwire.migrate.resource_plan import Conversion
from dagwire.vocabulary.calls import CONFIGURED

CODE = "RSC203"
_NO_SPACE = cst.AssignEqual(cst.SimpleWhitespace(""), cst.SimpleWhitespace(""))


def _docstring_literal(text: str) -> str:
    """A triple-quoted literal whose value is exactly ``text`` (repr() when it must escape)."""
    quotes = '"' * 3
    if quotes in text or "\\" in text or text.endswith('"') or not text.isprintable():
        return repr(text)
    return quotes + text + quotes


class ResourceFunctionClass(Codemod):
    code = CODE
    name = "resource-function-class"

    def __init__(self, context: FileContext) -> None:
        super().__init__(context)
        facts = context.facts
        module = context.module_name
        self.local_functions: dict[str, Conversion] = {}  # local name -> conversion
        self.defined_here: dict[str, Conversion] = {}
        self.classes_here: dict[str, Conversion] = {}
        for local, qual in context.names.qualified.items():
            conversion = facts.conversions.get(qual)
            if conversion is None:
                continue
            self.local_functions[local] = conversion
            if conversion.module == module:
                self.defined_here[local] = conversion
                self.classes_here[conversion.class_name] = conversion
            else:
                context.extra_qualified[conversion.class_name] = (
                    f"{conversion.module}.{conversion.class_name}")
        self.current_class: Conversion | None = None
        for function in facts.resource_functions.values():
            if function.qualname.rsplit(".", 1)[0] == module and function.has_config_schema and (
                    function.class_qualname is None):
                node = self._resource_function(function.qualname.rsplit(".", 1)[1])
                if node is not None:
                    context.todo(node, CODE,
                                 f"write a ConfigurableResource class by hand: {function.reason}")

    def _resource_function(self, name: str) -> cst.FunctionDef | None:
        """This file's top-level ``@resource`` function ``name`` (another file may share the
        module name, so phase 1's function is not necessarily here)."""
        node = self.context.top_level_defs.get(name)
        if isinstance(node, cst.FunctionDef) and any(
                self.context.names.role(d.decorator) == "resource" for d in node.decorators):
            return node
        return None

    def class_name(self, conversion: Conversion) -> str:
        return conversion.class_name

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        self.current_class = self.classes_here.get(node.name.value)

    def leave_Attribute(self, original: cst.Attribute, updated: cst.Attribute
                        ) -> cst.BaseExpression:
        conversion = self.current_class
        if (conversion is not None and isinstance(updated.value, cst.Name)
                and updated.value.value == "self" and updated.attr.value.startswith("_")
                and updated.attr.value[1:] in conversion.private_renames):
            return updated.with_changes(attr=cst.Name(updated.attr.value[1:]))
        return updated

    def leave_ClassDef(self, original: cst.ClassDef, updated: cst.ClassDef) -> cst.ClassDef:
        conversion = self.classes_here.get(original.name.value)
        self.current_class = None
        if conversion is None or not isinstance(updated.body, cst.IndentedBlock):
            return updated
        body = list(updated.body.body)
        docstring = body[:1] if body and isinstance(body[0], cst.SimpleStatementLine) else []
        rest = [s for s in body[len(docstring):]
                if not (isinstance(s, cst.FunctionDef) and s.name.value == "__init__")]
        field_function = "Field"
        if any(f.description_src is not None for f in conversion.fields):
            field_function = self.context.field_function()
        fields = [cst.parse_statement(f.line(field_function) + "\n") for f in conversion.fields]
        first = rest[0] if rest else None
        if isinstance(first, (cst.FunctionDef, cst.ClassDef)) and not first.leading_lines:
            rest[0] = first.with_changes(leading_lines=[cst.EmptyLine()])
        if conversion.needs_optional:
            self.context.typing_imports.add("Optional")
        if conversion.docstring is not None:
            docstring = [cst.SimpleStatementLine([cst.Expr(cst.SimpleString(
                _docstring_literal(conversion.docstring)))])]
        base = cst.Arg(cst.parse_expression(self.context.framework_name("ConfigurableResource")))
        return updated.with_changes(
            bases=[base], lpar=cst.LeftParen(), rpar=cst.RightParen(),
            body=updated.body.with_changes(body=[*docstring, *fields, *rest]))

    def leave_FunctionDef(self, original: cst.FunctionDef, updated: cst.FunctionDef
                          ) -> cst.FunctionDef | cst.RemovalSentinel:
        if original.name.value in self.defined_here and (
                self.context.top_level_defs.get(original.name.value) is original):
            return cst.RemovalSentinel.REMOVE
        return updated

    def leave_Call(self, original: cst.Call, updated: cst.Call) -> cst.BaseExpression:
        func = updated.func
        if not (isinstance(func, cst.Attribute) and func.attr.value == CONFIGURED
                and isinstance(func.value, cst.Name) and func.value.value in self.local_functions):
            return updated
        conversion = self.local_functions[func.value.value]
        mapping = updated.args[0].value
        assert isinstance(mapping, cst.Dict)  # phase 1 checked the shape
        arguments = []
        for element in mapping.elements:
            assert isinstance(element, cst.DictElement)
            key = string_value(element.key)
            assert key is not None
            arguments.append(cst.Arg(element.value, keyword=cst.Name(key), equal=_NO_SPACE,
                                     comma=element.comma))
        # keep the layout: a call or dict split over lines stays split the same way
        outer = updated.args[0]
        before: cst.BaseParenthesizableWhitespace = updated.whitespace_before_args
        after: cst.BaseParenthesizableWhitespace = outer.whitespace_after_arg
        if not isinstance(before, cst.ParenthesizedWhitespace):
            before = mapping.lbrace.whitespace_after
        if not isinstance(after, cst.ParenthesizedWhitespace):
            after = mapping.rbrace.whitespace_before
        if arguments:
            arguments[-1] = arguments[-1].with_changes(whitespace_after_arg=after)
        return cst.Call(cst.Name(conversion.class_name), arguments,
                        whitespace_before_args=before)

    def leave_DictElement(self, original: cst.DictElement, updated: cst.DictElement
                          ) -> cst.DictElement:
        value = updated.value
        if isinstance(value, cst.Name) and value.value in self.local_functions:
            conversion = self.local_functions[value.value]
            return updated.with_changes(value=cst.parse_expression(
                f"{conversion.class_name}.configure_at_launch()"))
        return updated

    def leave_ImportFrom(self, original: cst.ImportFrom, updated: cst.ImportFrom
                         ) -> cst.ImportFrom:
        """A sorted name list stays sorted after a function's name became its class's."""
        if isinstance(original.names, cst.ImportStar) or isinstance(updated.names,
                                                                    cst.ImportStar):
            return updated
        before = [a.evaluated_name for a in original.names]
        after = [a.evaluated_name for a in updated.names]
        if before == after or before != sorted(before) or after == sorted(after):
            return updated
        commas = [a.comma for a in updated.names]
        ordered = sorted(updated.names, key=lambda a: a.evaluated_name)
        return updated.with_changes(
            names=[a.with_changes(comma=c) for a, c in zip(ordered, commas)])

    def leave_ImportAlias(self, original: cst.ImportAlias, updated: cst.ImportAlias
                          ) -> cst.ImportAlias:
        if isinstance(updated.name, cst.Name) and updated.asname is None:
            conversion = self.local_functions.get(updated.name.value)
            if conversion is not None and conversion.module != self.context.module_name:
                return updated.with_changes(name=cst.Name(conversion.class_name))
        return updated
