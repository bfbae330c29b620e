"""`my_graph.to_job(name=..., resource_defs={...})`: a job made of a `@graph`'s ops.

The graph's type carries its ops (captured like a `@job` body); the job gets them, its name,
and the keys its `resource_defs=` binds, so `Definitions(jobs=[...])` checks it like a `@job`.
"""

from __future__ import annotations

from mypy.nodes import DictExpr
from mypy.plugin import MethodContext
from mypy.types import Instance, Type, get_proper_type

from dagwire.mypy_plugin.api_types import CheckerApi
from dagwire.mypy_plugin.captured import Captured, attach, decode
from dagwire.mypy_plugin.frameworks import Framework
from dagwire.mypy_plugin.job_resource_defs import check_job_resource_defs
from dagwire.mypy_plugin.run_config import check_run_config
from dagwire.mypy_plugin.settings import Settings
from dagwire.mypy_plugin.symbols import str_value
from dagwire.mypy_plugin.type_helpers import type_builder
from dagwire.vocabulary.calls import RESOURCE_DEFS


def to_job_hook(fw: Framework, settings: Settings, ctx: MethodContext) -> Type:
    api = ctx.api
    assert isinstance(api, CheckerApi)
    graph = decode(ctx.type)
    default = get_proper_type(ctx.default_return_type)
    if graph is None or graph.kind != "graph" or not isinstance(default, Instance):
        return ctx.default_return_type
    args = {
        name: exprs[0]
        for name, exprs in zip(ctx.callee_arg_names, ctx.args)
        if name is not None and len(exprs) == 1
    }
    name = str_value(args["name"]) if "name" in args else graph.name
    job = Captured(kind="job", name=name or graph.name, framework=graph.framework)
    job.ops, job.ops_complete = graph.ops, graph.ops_complete
    job.requirements_complete = graph.requirements_complete
    if RESOURCE_DEFS in args:
        defs = args[RESOURCE_DEFS]
        keys = [str_value(k) for k, _ in defs.items if k is not None] if isinstance(
            defs, DictExpr
        ) else []
        if isinstance(defs, DictExpr) and len(keys) == len(defs.items) and all(keys):
            job.local_keys = [k for k in keys if k]
            check_job_resource_defs(job, api, ctx.context)
        else:
            job.all_keys_local = True  # bindings not known: do not report its keys
    if settings.check_run_config and "config" in args:
        check_run_config(args["config"], job, api, ctx.context)
    return attach(default, job, type_builder(api))
