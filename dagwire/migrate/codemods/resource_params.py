"""RSC201: ``required_resource_keys`` + ``context.resources.<key>`` -> resource parameters.

Before::

    @op(required_resource_keys={"foo_resource"})
    def hello_world(context):
        foo_resource = context.resources.foo_resource
        print(foo_resource.say("world"))

After (``foo_resource`` is bound to ``FooResource(...)`` somewhere in the project)::

    @op
    def hello_world(foo_resource: FooResource):
        print(foo_resource.say("world"))

A TODO instead when a key's class is not one ConfigurableResource class everywhere it is
bound, a key is read but not declared (or declared but never read), ``context.resources`` is
used as a whole, a parameter name would clash, or the op is invoked directly.
"""

from __future__ import annotations

import keyword

import libcst as cst

from dagwire.migrate.codemods.base import Codemod
from dagwire.migrate.context import FunctionPlan
from dagwire.migrate.context_uses import string_value
from dagwire.vocabulary.calls import REQUIRED_RESOURCE_KEYS

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
        read = [k for _, k in uses.resource_reads] + list(uses.resource_self_assignments)
        undeclared = sorted(set(read) - set(keys))
        if undeclared:
            return todo(f"reads {', '.join(undeclared)}, not in required_resource_keys")
        unread = [k for k in keys if k not in read]
        if unread:
            return todo(f"{', '.join(unread)} is required but never read (dead or misspelt?)")
        if ctx.facts.direct_calls.get(ctx.module_name, {}).get(function.name.value):
            return todo(f"{function.name.value} is invoked directly with a context")
        taken = plan.param_names() | {"config"}
        classes: dict[str, str] = {}
        for key in keys:
            if not key.isidentifier() or keyword.iskeyword(key):
                return todo(f'"{key}" is not a valid parameter name')
            # `key = context.resources.key` makes later reads of `key` the same object
            local = key in uses.assigned if key in uses.resource_self_assignments else (
                uses.names.get(key, 0) > 0)
            if key in taken or local:
                return todo(f'"{key}" is already a name in the function')
            bound = ctx.facts.bound_class(key)
            if bound is None:
                return todo(ctx.facts.why_unbound(key))
            classes[key] = bound
        before = set(ctx.project_imports)
        references: dict[str, str] = {}
        for key, qualname in classes.items():
            reference = ctx.class_reference(qualname)
            if reference is None:
                ctx.project_imports = before
                return todo(f"{qualname.rsplit('.', 1)[1]} is another name in this module")
            references[key] = reference
        for node, key in uses.resource_reads:
            ctx.replacements[node] = cst.Name(key)
        for statements in uses.resource_self_assignments.values():
            ctx.removals.update(statements)
        plan.resource_params = [
            cst.Param(cst.Name(key), cst.Annotation(cst.parse_expression(references[key])))
            for key in keys
        ]
        plan.drop_keywords.add(REQUIRED_RESOURCE_KEYS)
        plan.resources_converted = True
