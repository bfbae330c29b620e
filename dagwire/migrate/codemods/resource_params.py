"""RSC201: ``required_resource_keys`` + ``context.resources.<key>`` -> resource parameters.

Before::

    @op(required_resource_keys={"foo_resource"})
    def hello_world(context):
        foo_resource = context.resources.foo_resource
        print(foo_resource.say("world"))

After (``foo_resource`` is bound to ``FooResource(...)`` wherever it is bound)::

    @op
    def hello_world(foo_resource: FooResource):
        print(foo_resource.say("world"))

The annotation comes from every binding of the key in the project (``annotation``): the
resource class they all give, else ``ResourceParam[T]`` for what they all give (a legacy
resource's client, a values resource's dict), else ``ResourceParam[Any]``: the key stays
required and every binding (a production resource, a local one, a test's fake) still fits.

Keys the op hands on through its context to helpers of the project (``context_flow``) are
parameters too (the helper keeps reading them through the context, which still has them),
and so is every declared key when the context goes somewhere that cannot be followed.

A TODO instead when a key is read but not declared (or declared and read nowhere), the
whole ``context.resources`` is used, a parameter name would clash, or the op is invoked
directly in its module.
"""

from __future__ import annotations

import keyword

import libcst as cst

from dagwire.migrate.annotation import key_annotation
from dagwire.migrate.codemods.base import Codemod
from dagwire.migrate.context import FunctionPlan
from dagwire.migrate.context_uses import string_value
from dagwire.migrate.facts import ContextFlow
from dagwire.vocabulary.calls import REQUIRED_RESOURCE_KEYS
from dagwire.vocabulary.names import RESOURCE_PARAM

CODE = "RSC201"


def literal_keys(value: cst.BaseExpression) -> list[str] | None:
    if not isinstance(value, (cst.Set, cst.List, cst.Tuple)):
        return None
    keys = [string_value(e.value) for e in value.elements if isinstance(e, cst.Element)]
    if len(keys) != len(value.elements) or any(k is None for k in keys):
        return None
    return [k for k in keys if k is not None]


def keyword_arg(call: cst.Call, name: str) -> cst.Arg | None:
    return next((a for a in call.args if a.keyword is not None and a.keyword.value == name), None)


class ResourceParameters(Codemod):
    code = CODE
    name = "resource-parameters"

    def plan_function(self, plan: FunctionPlan, decorator: cst.Call | None) -> None:
        arg = keyword_arg(decorator, REQUIRED_RESOURCE_KEYS) if decorator else None
        if arg is None:
            return
        ctx = self.context
        function = plan.function
        keys = literal_keys(arg.value)

        def todo(text: str) -> None:
            ctx.todo(function, CODE, f"move resources to parameters by hand: {text}")

        if keys is None:
            return todo("required_resource_keys is not a literal set of strings")
        uses = plan.uses
        if uses is None:
            return todo("the function has no context parameter")
        if uses.resource_problems:
            return todo(", ".join(sorted(set(uses.resource_problems))))
        flow = ctx.facts.context_flows.get(ctx.path, {}).get(function.name.value,
                                                             ContextFlow())
        read = [k for _, k in uses.resource_reads] + list(uses.resource_self_assignments)
        undeclared = sorted(set(read) - set(keys))
        if undeclared:
            return todo(f"reads {', '.join(undeclared)}, not in required_resource_keys")
        helper_undeclared = sorted(set(flow.reads) - set(keys))
        if helper_undeclared:
            key = helper_undeclared[0]
            return todo(f"{flow.reads[key]}() reads {', '.join(helper_undeclared)} through the "
                        "context, not in required_resource_keys")
        unread = [k for k in keys if k not in read and k not in flow.reads]
        if unread and not flow.escapes:
            return todo(f"{', '.join(unread)} is required but never read (dead or misspelt?)")
        if ctx.facts.direct_calls.get(ctx.path, {}).get(function.name.value):
            return todo(f"{function.name.value} is invoked directly with a context")
        taken = plan.param_names() | {"config"}
        for key in keys:
            if not key.isidentifier() or keyword.iskeyword(key):
                return todo(f'"{key}" is not a valid parameter name')
            # `key = context.resources.key` makes later reads of `key` the same object
            local = key in uses.assigned if key in uses.resource_self_assignments else (
                uses.names.get(key, 0) > 0)
            if key in taken or local:
                return todo(f'"{key}" is already a name in the function')
        unbound = [key for key in keys if not ctx.facts.bindings_of(ctx.path, key)]
        if unbound:
            return todo(ctx.facts.why_unbound(unbound[0]))
        before = (set(ctx.project_imports), set(ctx.typing_imports), set(ctx.module_imports),
                  set(ctx.framework_imports))
        annotations = {key: self._annotation(key) for key in keys}
        if any(a is None for a in annotations.values()):
            ctx.project_imports, ctx.typing_imports, ctx.module_imports, \
                ctx.framework_imports = before
            return todo("ResourceParam is another name in this module")
        for node, key in uses.resource_reads:
            ctx.replacements[node] = cst.Name(key)
        for statements in uses.resource_self_assignments.values():
            ctx.removals.update(statements)
        plan.resource_params = [
            cst.Param(cst.Name(key), cst.Annotation(cst.parse_expression(str(annotations[key]))))
            for key in keys
        ]
        plan.drop_keywords.add(REQUIRED_RESOURCE_KEYS)
        plan.resources_converted = True

    def _annotation(self, key: str) -> str | None:
        """The class itself, `ResourceParam[T]`, or `ResourceParam[Any]` (None: the file
        cannot name `ResourceParam`)."""
        ctx = self.context
        chosen = key_annotation(ctx.facts, ctx.path, key)
        assert chosen is not None  # a key without a binding is a TODO
        if chosen.resource_class is not None:
            reference = ctx.class_reference(chosen.resource_class)
            if reference is not None:
                return reference
        inner = ctx.type_reference(chosen.value)
        if inner is None:
            inner = ctx.any_type()
        if RESOURCE_PARAM in ctx.names.top_level and (
                RESOURCE_PARAM not in ctx.names.framework_locals):
            return None
        return f"{ctx.framework_name(RESOURCE_PARAM)}[{inner}]"
