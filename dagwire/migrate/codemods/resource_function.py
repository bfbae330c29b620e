"""RSC203: a legacy ``@resource`` function -> a ConfigurableResource class.

Before::

    class MyDBResource:
        def __init__(self, connection_uri: str):
            self._connection_uri = connection_uri

        def query(self, query: str):
            return create_engine(self._connection_uri).query(query)


    @resource(config_schema={"connection_uri": str})
    def my_db(context: InitResourceContext):
        return MyDBResource(context.resource_config["connection_uri"])

After (the class it builds becomes the resource)::

    class MyDBResource(ConfigurableResource):
        connection_uri: str

        def query(self, query: str):
            return create_engine(self.connection_uri).query(query)

Any other function with a readable body becomes a resource that gives its users what the
function gave, its config read as fields::

    @resource(config_schema={"name": str})
    def connection(context):
        conn = connect(context.resource_config["name"])
        try:
            yield conn
        finally:
            conn.close()

becomes::

    class ConnectionResource(ConfigurableResource):
        name: str

        @contextmanager
        def yield_for_execution(self, context):
            conn = connect(self.name)
            try:
                yield conn
            finally:
                conn.close()

(``create_resource`` for a function that returns its value). Across the project
``fn.configured({"k": "x"})`` becomes ``Cls(k="x")``, a bare ``fn`` in a resources dict
``Cls.configure_at_launch()`` (``Cls()`` without a schema: run config keeps its shape),
``from module import fn`` imports ``Cls``, and a direct call
``fn(build_init_resource_context(config=c))`` builds the class from ``c``. Phase 1
(``resource_plan``) decides, for the whole project at once, which functions convert; every
other ``@resource`` function gets a TODO saying why.
"""

from __future__ import annotations

import libcst as cst

from dagwire.migrate.codemods.base import Codemod
from dagwire.migrate.codemods.op_config import get_replacement
from dagwire.migrate.context import FileContext
from dagwire.migrate.context_uses import analyse, string_value
from dagwire.migrate.index import Ref
from dagwire.migrate.resource_plan import Conversion
from dagwire.vocabulary.calls import CONFIGURE_AT_LAUNCH, CONFIGURED

CODE = "RSC203"
_NO_SPACE = cst.AssignEqual(cst.SimpleWhitespace(""), cst.SimpleWhitespace(""))
_BUILD_CONTEXT = "build_init_resource_context"
_CONTEXT = "context"


def _docstring_literal(text: str) -> str:
    """A triple-quoted literal whose value is exactly ``text`` (repr() when it must escape)."""
    quotes = '"' * 3
    if quotes in text or "\\" in text or text.endswith('"') or not text.isprintable():
        return repr(text)
    return quotes + text + quotes


class _Stores(cst.CSTVisitor):
    """The names stored anywhere in a function body, as the stdlib `ast` marks them: with its
    parameters, what phase 1 reads as shadowing a module-level name."""

    def __init__(self) -> None:
        super().__init__()
        self.names: set[str] = set()

    def _target(self, node: cst.BaseExpression | None) -> None:
        if isinstance(node, cst.Name):
            self.names.add(node.value)
        elif isinstance(node, (cst.Tuple, cst.List)):
            for element in node.elements:
                self._target(element.value)
        elif isinstance(node, cst.StarredElement):
            self._target(node.value)

    def visit_AssignTarget(self, node: cst.AssignTarget) -> None:
        self._target(node.target)

    def visit_AnnAssign(self, node: cst.AnnAssign) -> None:
        self._target(node.target)

    def visit_AugAssign(self, node: cst.AugAssign) -> None:
        self._target(node.target)

    def visit_For(self, node: cst.For) -> None:
        self._target(node.target)

    def visit_CompFor(self, node: cst.CompFor) -> None:
        self._target(node.target)

    def visit_WithItem(self, node: cst.WithItem) -> None:
        if node.asname is not None:
            name = node.asname.name
            if isinstance(name, cst.BaseExpression):
                self._target(name)

    def visit_NamedExpr(self, node: cst.NamedExpr) -> None:
        self._target(node.target)


def local_names(function: cst.FunctionDef | cst.Lambda) -> set[str]:
    """Its own parameters and every name stored anywhere in it (nested functions too)."""
    params = function.params
    stores = _Stores()
    function.body.visit(stores)
    own = [*params.posonly_params, *params.params, *params.kwonly_params]
    own.extend(p for p in (params.star_arg, params.star_kwarg) if isinstance(p, cst.Param))
    return stores.names | {p.name.value for p in own}


def _spans_lines(node: cst.Dict) -> bool:
    whitespace = [node.lbrace.whitespace_after, *(
        e.comma.whitespace_after for e in node.elements
        if isinstance(e, cst.DictElement) and isinstance(e.comma, cst.Comma))]
    return any(isinstance(w, cst.ParenthesizedWhitespace) for w in whitespace)


def _is_docstring(statement: cst.BaseStatement) -> bool:
    return (isinstance(statement, cst.SimpleStatementLine) and len(statement.body) == 1
            and isinstance(statement.body[0], cst.Expr)
            and isinstance(statement.body[0].value, (cst.SimpleString, cst.ConcatenatedString)))


class ResourceFunctionClass(Codemod):
    code = CODE
    name = "resource-function-class"

    def __init__(self, context: FileContext) -> None:
        super().__init__(context)
        facts = context.facts
        self.local_functions: dict[str, Conversion] = {}  # local name -> conversion
        self.defined_here: dict[str, Conversion] = {}
        self.classes_here: dict[str, Conversion] = {}
        for local, ref in context.names.scope.names.items():
            conversion = facts.conversions.get(ref)
            if conversion is None:
                continue
            self.local_functions[local] = conversion
            if ref.path == context.path:
                self.defined_here[local] = conversion
                if conversion.kind == "class":
                    self.classes_here[conversion.class_name] = conversion
            else:
                context.extra_qualified[conversion.class_name] = Ref(ref.path,
                                                                     conversion.class_name)
        self.current_class: Conversion | None = None
        # names each enclosing function binds: a use of one of them is not the function
        self.shadowed: list[set[str]] = []
        for ref, function in facts.resource_functions.items():
            if ref.path == context.path and function.class_ref is None:
                node = self._resource_function(ref.name)
                if node is not None:
                    context.todo(node, CODE,
                                 f"write a ConfigurableResource class by hand: {function.reason}")
        for local, conversion in self.defined_here.items():
            node = self._resource_function(local)
            if conversion.kind == "vending" and node is not None:
                self._plan_body(node, conversion)

    def _resource_function(self, name: str) -> cst.FunctionDef | None:
        """This file's top-level ``@resource`` function ``name``."""
        node = self.context.top_level_defs.get(name)
        if isinstance(node, cst.FunctionDef) and any(
                self.context.names.role(d.decorator) == "resource" for d in node.decorators):
            return node
        return None

    def _plan_body(self, node: cst.FunctionDef, conversion: Conversion) -> None:
        """Config reads become fields: ``context.resource_config["k"]`` -> ``self.k``."""
        if conversion.context_param is None or conversion.schema is None:
            return
        uses = analyse(node, conversion.context_param, "resource_config")
        ctx = self.context
        for read, key in uses.config_reads:
            ctx.replacements[read] = cst.Attribute(cst.Name("self"), cst.Name(key))
        for call, key, default in uses.config_gets:
            ctx.replacements[call] = get_replacement(conversion.schema, key, default, "self")
        ctx.removals.update(uses.config_aliases.values())

    # -- scopes: phase 1 counted only the uses no function shadows --------------------------

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        if self.local_functions:
            self.shadowed.append(local_names(node))

    def visit_Lambda(self, node: cst.Lambda) -> None:
        if self.local_functions:
            self.shadowed.append(local_names(node))

    def leave_Lambda(self, original: cst.Lambda, updated: cst.Lambda) -> cst.Lambda:
        if self.local_functions:
            self.shadowed.pop()
        return updated

    def _function_named(self, original: cst.BaseExpression) -> Conversion | None:
        """The conversion of the function a name of the original tree refers to (not a name a
        codemod wrote, nor one a function binds)."""
        if not isinstance(original, cst.Name) or any(
                original.value in names for names in self.shadowed):
            return None
        return self.local_functions.get(original.value)

    # -- the class it builds becomes the resource ----------------------------------------

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

    def _fields(self, conversion: Conversion) -> list[cst.BaseStatement]:
        field_function = "Field"
        if any(f.description_src is not None for f in conversion.fields):
            field_function = self.context.field_function()
        if conversion.needs_optional:
            self.context.typing_imports.add("Optional")
        return [cst.parse_statement(f.line(field_function) + "\n") for f in conversion.fields]

    def _base(self) -> cst.Arg:
        return cst.Arg(cst.parse_expression(self.context.framework_name("ConfigurableResource")))

    def leave_ClassDef(self, original: cst.ClassDef, updated: cst.ClassDef) -> cst.ClassDef:
        conversion = self.classes_here.get(original.name.value)
        self.current_class = None
        if conversion is None or not isinstance(updated.body, cst.IndentedBlock):
            return updated
        body = list(updated.body.body)
        docstring = body[:1] if body and isinstance(body[0], cst.SimpleStatementLine) else []
        rest = [s for s in body[len(docstring):]
                if not (isinstance(s, cst.FunctionDef) and s.name.value == "__init__")]
        fields = self._fields(conversion)
        first = rest[0] if rest else None
        if isinstance(first, (cst.FunctionDef, cst.ClassDef)) and not first.leading_lines:
            rest[0] = first.with_changes(leading_lines=[cst.EmptyLine()])
        if conversion.docstring is not None:
            docstring = [cst.SimpleStatementLine([cst.Expr(cst.SimpleString(
                _docstring_literal(conversion.docstring)))])]
        return updated.with_changes(
            bases=[self._base()], lpar=cst.LeftParen(), rpar=cst.RightParen(),
            body=updated.body.with_changes(body=[*docstring, *fields, *rest]))

    # -- the function: removed, or made the class ------------------------------------------

    def leave_FunctionDef(self, original: cst.FunctionDef, updated: cst.FunctionDef
                          ) -> cst.BaseStatement | cst.RemovalSentinel:
        if self.local_functions:
            self.shadowed.pop()
        conversion = self.defined_here.get(original.name.value)
        if conversion is None or self.context.top_level_defs.get(
                original.name.value) is not original:
            return updated
        if conversion.kind == "class":
            return cst.RemovalSentinel.REMOVE
        return self._vending_class(updated, conversion)

    def _vending_class(self, function: cst.FunctionDef, conversion: Conversion) -> cst.ClassDef:
        ctx = self.context
        body = list(function.body.body) if isinstance(function.body, cst.IndentedBlock) else []
        if conversion.function_docstring_moves and body and _is_docstring(body[0]):
            body = body[1:]
            first = body[0] if body else None
            if isinstance(first, (cst.SimpleStatementLine, cst.BaseCompoundStatement)):
                body[0] = first.with_changes(leading_lines=[
                    line for line in first.leading_lines if line.comment is not None])
        params = list(function.params.params)
        context_param = params[0] if params else cst.Param(cst.Name(_CONTEXT))
        method_params = function.params.with_changes(
            params=[cst.Param(cst.Name("self"), comma=cst.Comma(
                whitespace_after=cst.SimpleWhitespace(" "))),
                context_param.with_changes(comma=cst.MaybeSentinel.DEFAULT)])
        decorators = []
        if conversion.method == "yield_for_execution":
            decorators = [cst.Decorator(cst.parse_expression(
                ctx.stdlib_name("contextlib", "contextmanager")))]
        method = function.with_changes(
            name=cst.Name(conversion.method), params=method_params, decorators=decorators,
            leading_lines=[cst.EmptyLine(indent=False)] if (
                conversion.fields or conversion.docstring) else [],
            body=function.body.with_changes(body=body))
        header: list[cst.BaseStatement] = []
        if conversion.docstring is not None:
            header.append(cst.SimpleStatementLine([cst.Expr(cst.SimpleString(
                _docstring_literal(conversion.docstring)))]))
        header.extend(self._fields(conversion))
        leading = list(function.leading_lines)
        for decorator in function.decorators:  # own-line comments above the decorators
            leading.extend(line for line in decorator.leading_lines if line.comment is not None)
        return cst.ClassDef(
            name=cst.Name(conversion.class_name), bases=[self._base()],
            body=cst.IndentedBlock([*header, method]), leading_lines=leading,
            lpar=cst.LeftParen(), rpar=cst.RightParen())

    # -- its uses --------------------------------------------------------------------------

    def leave_Call(self, original: cst.Call, updated: cst.Call) -> cst.BaseExpression:
        called = self._function_named(original.func)
        if called is not None:
            return self._direct_call(updated, called)
        func = original.func
        if not (isinstance(func, cst.Attribute) and func.attr.value == CONFIGURED):
            return updated
        conversion = self._function_named(func.value)
        if conversion is None:
            return updated
        mapping = updated.args[0].value
        if not isinstance(mapping, cst.Dict):  # a module constant phase 1 read
            return cst.Call(cst.Name(conversion.class_name), [cst.Arg(mapping, star="**")])
        assert isinstance(mapping, cst.Dict)  # phase 1 checked the shape
        arguments = self._keywords(mapping)
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

    @staticmethod
    def _keywords(mapping: cst.Dict) -> list[cst.Arg]:
        arguments = []
        for element in mapping.elements:
            assert isinstance(element, cst.DictElement)
            key = string_value(element.key)
            assert key is not None
            arguments.append(cst.Arg(element.value, keyword=cst.Name(key), equal=_NO_SPACE,
                                     comma=element.comma))
        return arguments

    def _direct_call(self, call: cst.Call, conversion: Conversion) -> cst.BaseExpression:
        """``fn(build_init_resource_context(config=c))``: the class built from ``c`` (and, for
        a class that gives another value, that value)."""
        context = call.args[0].value if call.args else None
        arguments: list[cst.Arg] = []
        opening: cst.BaseParenthesizableWhitespace = cst.SimpleWhitespace("")
        if isinstance(context, cst.Call):
            config = next((a.value for a in context.args
                           if a.keyword is not None and a.keyword.value == "config"), None)
            if isinstance(config, cst.Dict):
                arguments = self._keywords(config)
                if arguments and _spans_lines(config):
                    # one argument a line, as the dict had it
                    step = cst.ParenthesizedWhitespace(indent=True,
                                                       last_line=cst.SimpleWhitespace("    "))
                    end = cst.ParenthesizedWhitespace(indent=True)
                    opening = step
                    arguments = [a.with_changes(comma=cst.Comma(whitespace_after=step))
                                 for a in arguments]
                    arguments[-1] = arguments[-1].with_changes(
                        comma=cst.Comma(whitespace_after=end))
                elif arguments:
                    arguments = [a.with_changes(comma=cst.Comma(
                        whitespace_after=cst.SimpleWhitespace(" "))) for a in arguments]
                    arguments[-1] = arguments[-1].with_changes(comma=cst.MaybeSentinel.DEFAULT)
            elif config is not None:
                arguments = [cst.Arg(config, star="**")]
        built = cst.Call(cst.Name(conversion.class_name), arguments,
                         whitespace_before_args=opening)
        if conversion.kind == "class":
            return built
        fresh = cst.Call(cst.parse_expression(self.context.framework_name(_BUILD_CONTEXT)), [])
        return cst.Call(cst.Attribute(built, cst.Name(conversion.method)), [cst.Arg(fresh)])

    def leave_DictElement(self, original: cst.DictElement, updated: cst.DictElement
                          ) -> cst.DictElement:
        conversion = self._function_named(original.value)
        if conversion is not None:
            made = f"{conversion.class_name}.{CONFIGURE_AT_LAUNCH}()" if (
                conversion.has_schema) else f"{conversion.class_name}()"
            return updated.with_changes(value=cst.parse_expression(made))
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
            if conversion is not None and conversion.function.path != self.context.path:
                return updated.with_changes(name=cst.Name(conversion.class_name))
        return updated
