"""RSC202: op/asset ``config_schema`` + ``context.op_config`` -> a Config class + ``config``.

Before::

    @op(config_schema={"path": str, "limit": Field(int, default_value=10)})
    def extract(context):
        cfg = context.op_config
        return cfg["path"] * cfg["limit"]

After::

    class ExtractConfig(Config):
        path: str
        limit: int = 10


    @op
    def extract(config: ExtractConfig):
        return config.path * config.limit

Run config keeps its shape (``{"ops": {"extract": {"config": {...}}}}``). A direct call
``extract(build_op_context(config={...}))`` becomes ``extract(config=ExtractConfig(...))``.
A TODO instead for schemas without an exact Config form (``Permissive``, ``Selector``,
``Enum``, descriptions, computed schemas), ``context.op_config`` used as a whole, a key read
that the schema lacks, or a class name already taken.
"""

from __future__ import annotations

import libcst as cst

from dagwire.migrate.codemods.base import Codemod
from dagwire.migrate.codemods.resource_params import keyword_arg
from dagwire.migrate.context import FunctionPlan
from dagwire.migrate.context_uses import string_value
from dagwire.migrate.schema import Schema, camel, class_source
from dagwire.vocabulary.calls import CONFIG_SCHEMA
from dagwire.vocabulary.names import COMPUTE_CONTEXT_BUILDERS

CODE = "RSC202"


def _resolves(schema: Schema, chain: tuple[str, ...]) -> bool:
    """``("db", "host")``: db is a nested class with a plain field host."""
    classes = {c.name: c for c in schema.nested}
    fields = list(schema.fields)
    for position, key in enumerate(chain):
        spec = next((f for f in fields if f.name == key), None)
        if spec is None:
            return False
        last = position == len(chain) - 1
        if (spec.type_src in classes) == last:
            return False  # a class must be read further, a plain field must end the chain
        if not last:
            fields = list(classes[spec.type_src].fields)
    return True


class _OpConfigFinder(cst.CSTVisitor):
    def __init__(self) -> None:
        super().__init__()
        self.found = False

    def visit_Attribute(self, node: cst.Attribute) -> bool:
        if node.attr.value == "op_config":
            self.found = True
        return not self.found


def _reads_op_config(function: cst.FunctionDef) -> bool:
    finder = _OpConfigFinder()
    function.body.visit(finder)
    return finder.found


def _is_plain(node: cst.BaseExpression) -> bool:
    """A default the rewrite may drop or evaluate lazily: a literal or a name."""
    if isinstance(node, (cst.Name, cst.SimpleString, cst.Integer, cst.Float)):
        return True
    if isinstance(node, (cst.List, cst.Tuple, cst.Set)):
        return all(_is_plain(e.value) for e in node.elements)
    if isinstance(node, cst.Dict):
        return all(isinstance(e, cst.DictElement) and _is_plain(e.key) and _is_plain(e.value)
                   for e in node.elements)
    if isinstance(node, cst.UnaryOperation):
        return _is_plain(node.expression)
    return isinstance(node, cst.ConcatenatedString)


def get_replacement(schema: Schema, key: str, default: cst.BaseExpression | None,
                    base: str = "config") -> cst.BaseExpression:
    """``op_config.get("k"[, d])`` as the Config object (``base``) says it.

    The legacy dict has every key except an absent ``Field(T, is_required=False)`` one (then
    ``.get`` gives ``d`` or None, and the Config field None, a value it cannot have otherwise).
    """
    value = cst.Attribute(cst.Name(base), cst.Name(key))
    spec = schema.field_named(key)
    if default is None or spec is None or not spec.may_be_absent or (
            isinstance(default, cst.Name) and default.value == "None"):
        return value
    return cst.IfExp(
        test=cst.Comparison(value, [cst.ComparisonTarget(cst.IsNot(), cst.Name("None"))]),
        body=value, orelse=default,
        lpar=[cst.LeftParen()], rpar=[cst.RightParen()])


class OpConfigClass(Codemod):
    code = CODE
    name = "op-config-class"

    def plan_function(self, plan: FunctionPlan, decorator: cst.Call | None) -> None:
        arg = keyword_arg(decorator, CONFIG_SCHEMA) if decorator else None
        if arg is None:
            return
        ctx = self.context
        function = plan.function
        name = function.name.value

        def todo(text: str) -> None:
            ctx.todo(function, CODE, f"write a Config class by hand: {text}")

        # phase 1 translated the schema from the same source (stdlib ast)
        schema = ctx.facts.op_schemas.get(ctx.path, {}).get(name)
        if schema is None:
            return todo("the schema was not read in phase 1")
        if isinstance(schema, str):
            return todo(schema)
        uses = plan.uses
        if uses is not None:
            if uses.config_problems:
                return todo(", ".join(sorted(set(uses.config_problems))))
            read_keys = {k for _, k in uses.config_reads} | {k for _, k, _ in uses.config_gets}
            missing = sorted(read_keys - {f.name for f in schema.fields})
            if missing:
                return todo(f"reads {', '.join(missing)}, which the schema does not have")
            nested = {c.name for c in schema.nested}
            whole = sorted({k for k in read_keys
                            if (f := schema.field_named(k)) and f.type_src in nested})
            if whole:
                return todo(f"the nested config {', '.join(whole)} is read as a whole (it "
                            "becomes a Config object, not a dict)")
            for _, key, default in uses.config_gets:
                if default is not None and not _is_plain(default):
                    return todo(f'the default of op_config.get("{key}", ...) is not a literal '
                                "or a name")
                spec = schema.field_named(key)
                if default is not None and spec is not None and (
                        spec.may_be_absent and spec.noneable) and not (
                        isinstance(default, cst.Name) and default.value == "None"):
                    # absent -> the default, given None -> None: one None in a Config object
                    return todo(f'op_config.get("{key}", ...) tells an absent key from None, '
                                "a Config object cannot")
            for _, chain in uses.config_chains:
                if not _resolves(schema, chain):
                    return todo(f"reads {'/'.join(chain)}, which is not a field of the schema")
            if "config" in plan.param_names() or uses.names.get("config"):
                return todo('"config" is already a name in the function')
        elif "config" in plan.param_names():
            return todo('"config" is already a parameter')
        elif _reads_op_config(function):
            # no parameter the framework takes for the context, yet the body reads op_config
            return todo("op_config is read, but the first parameter is not a context "
                        "(context, _context, context_ or _)")
        calls = ctx.facts.direct_calls.get(ctx.path, {}).get(name, [])
        if any(shape != "build_op_context(config=...)" for shape in calls) or (
                calls and schema.nested):
            return todo(f"{name} is invoked directly in a way the codemod does not rewrite")
        class_name = camel(name) + "Config"
        class_names = [c.name for c in schema.nested] + [class_name]
        taken = ctx.names.top_level | ctx.class_names_taken
        clash = [c for c in class_names if c in taken]
        if clash or len(set(class_names)) != len(class_names):
            return todo(f"class name {', '.join(clash or class_names)} is already taken")
        ctx.class_names_taken.update(class_names)
        config_base = ctx.framework_name("Config")
        field_function = ctx.field_function() if schema.has_descriptions else "Field"
        sources = [class_source(c.name, config_base, c.fields, field_function)
                   for c in schema.nested]
        sources.append(class_source(class_name, config_base, schema.fields, field_function))
        if schema.needs_optional:
            ctx.typing_imports.add("Optional")
        plan.classes_before = [cst.parse_statement(s) for s in sources]
        if uses is not None:
            for node, key in uses.config_reads:
                ctx.replacements[node] = cst.Attribute(cst.Name("config"), cst.Name(key))
            for call, key, default in uses.config_gets:
                ctx.replacements[call] = get_replacement(schema, key, default)
            for chain_node, chain in uses.config_chains:
                expr: cst.BaseExpression = cst.Name("config")
                for key in chain:
                    expr = cst.Attribute(expr, cst.Name(key))
                ctx.replacements[chain_node] = expr
            ctx.removals.update(uses.config_aliases.values())
        plan.config_param = cst.Param(cst.Name("config"), cst.Annotation(cst.Name(class_name)))
        plan.drop_keywords.add(CONFIG_SCHEMA)
        plan.config_class = class_name
        plan.config_converted = True

    def leave_Call(self, original: cst.Call, updated: cst.Call) -> cst.BaseExpression:
        """``op(build_op_context(config={...}))`` -> ``op(config=OpConfig(...))``."""
        if not (isinstance(updated.func, cst.Name) and len(updated.args) == 1):
            return updated
        plan = next((p for f, p in self.context.functions.items()
                     if f.name.value == updated.func.value), None)
        if plan is None or plan.config_class is None:
            return updated
        inner = updated.args[0].value
        if not (isinstance(inner, cst.Call)
                and self.context.names.role(inner) in COMPUTE_CONTEXT_BUILDERS
                and len(inner.args) == 1
                and isinstance(inner.args[0].value, cst.Dict)):
            return updated
        arguments = []
        for element in inner.args[0].value.elements:
            key = string_value(element.key) if isinstance(element, cst.DictElement) else None
            if key is None or not key.isidentifier():
                return updated
            arguments.append(cst.Arg(element.value, keyword=cst.Name(key),
                                     equal=cst.AssignEqual(cst.SimpleWhitespace(""),
                                                           cst.SimpleWhitespace(""))))
        config = cst.Call(cst.Name(plan.config_class), arguments)
        equal = cst.AssignEqual(cst.SimpleWhitespace(""), cst.SimpleWhitespace(""))
        return updated.with_changes(args=[cst.Arg(config, keyword=cst.Name("config"),
                                                  equal=equal)])
