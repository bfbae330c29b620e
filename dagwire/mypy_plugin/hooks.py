"""Which mypy hook runs what: the plugin's wiring, by reference, for the enabled frameworks.

Each entry maps a qualified name that mypy asks about to a recorder (`facts/`, which returns
the type with what it learned attached) and the checks (`checks/`, which report) that run
there; every hook is wrapped in the crash guard. `plugin.py` imports this module on the first
hook lookup, not with the plugin: a run served from the incremental cache looks up no hook
and pays nothing for the checks.
"""

from __future__ import annotations

from functools import partial
from typing import Callable, TypeVar

from mypy.nodes import CallExpr, TypeInfo
from mypy.plugin import (
    AttributeContext,
    FunctionContext,
    FunctionSigContext,
    MethodContext,
    MethodSigContext,
)
from mypy.types import CallableType, FunctionLike, Type, get_proper_type

from dagwire.mypy_plugin.api_types import CheckerApi
from dagwire.mypy_plugin.checks import (
    code_location,
    context_resources,
    definitions,
    direct_invocation,
    env_vars,
    execution_resources,
    job_resource_defs,
    repository,
    resource_annotations,
    resource_fields,
    run_config,
    with_resources,
)
from dagwire.mypy_plugin.facts import decorators, jobs, key_lists
from dagwire.mypy_plugin.facts.carrier import Captured, decode
from dagwire.mypy_plugin.frameworks import Framework
from dagwire.mypy_plugin.guard import guarded
from dagwire.mypy_plugin.names import call_kwargs, formal_args
from dagwire.mypy_plugin.settings import Settings
from dagwire.vocabulary.calls import MERGE, RESOURCE_DEFS
from dagwire.vocabulary.names import MATERIALIZE_TO_MEMORY

FunctionHook = Callable[[FunctionContext], Type]
MethodHook = Callable[[MethodContext], Type]
AttributeHook = Callable[[AttributeContext], Type]
SignatureHook = Callable[[MethodSigContext], FunctionLike]
FunctionSignatureHook = Callable[[FunctionSigContext], FunctionLike]


class HookTables:
    """Qualified name -> hook, per kind of hook mypy asks for. A plain class: see settings.py."""

    __slots__ = (
        "function", "method", "attribute", "method_signature", "function_signature",
        "attribute_prefixes", "constructor",
    )

    def __init__(self) -> None:
        self.function: dict[str, FunctionHook] = {}
        self.method: dict[str, MethodHook] = {}
        self.attribute: dict[str, AttributeHook] = {}
        self.method_signature: dict[str, SignatureHook] = {}
        self.function_signature: dict[str, FunctionSignatureHook] = {}
        # attribute names asked about under a prefix (any attribute of a namespace)
        self.attribute_prefixes: list[tuple[str, AttributeHook]] = []
        # the constructor of a framework's Config or resource class
        self.constructor = constructor_hook


def build_tables(frameworks: list[Framework], settings: Settings) -> HookTables:
    tables = HookTables()
    for fw in frameworks:
        _register(tables, fw, settings)
    tables.attribute_prefixes.append(
        (context_resources.UNDECLARED_HOOK_PREFIX, guarded(context_resources.undeclared_hook))
    )
    return tables


def _register(t: HookTables, fw: Framework, s: Settings) -> None:
    f, m = t.function, t.method
    for name, kind in fw.decorators.items():
        f[name] = guarded(partial(_decorator_called, fw, kind, s))
        f[decorators.marker_name(fw, kind)] = guarded(partial(_decorator_applied, fw, kind, s))
    for name, kind in fw.decorator_objects.items():
        m[name] = guarded(partial(_decorator_applied, fw, kind, s))
    f[fw.definitions] = guarded(_checks_only(partial(definitions.check_definitions, fw, s)))
    # `Definitions.merge(...)`, a static method: reaches the method hook
    m[f"{fw.definitions}.{MERGE}"] = guarded(_checks_only(partial(code_location.check_merge, fw, s)))
    for name in fw.defs_loaders:
        f[name] = guarded(_checks_only(partial(code_location.check_defs_folder, fw, s)))
    if fw.definitions_decorator:
        f[fw.definitions_decorator] = guarded(
            _checks_only(partial(code_location.check_definitions_function, fw, s))
        )
    f[fw.define_asset_job] = guarded(partial(_asset_job_defined, fw, s))
    f[fw.with_resources] = guarded(
        _checks_only(partial(with_resources.check_with_resources, fw))
    )
    # the resources and run config a test run is given
    for name in fw.materialize:
        in_memory = name.rpartition(".")[2] == MATERIALIZE_TO_MEMORY
        f[name] = guarded(partial(_materialized, fw, in_memory, s))
    for name in fw.execute_in_process:
        m[name] = guarded(partial(_executed_in_process, fw, s))
    if s.check_run_config:
        f[fw.run_request] = guarded(_checks_only(partial(run_config.check_run_request, fw)))
    for name in fw.graph_to_job:
        m[name] = guarded(partial(_graph_made_job, s))
    for name, kind in fw.invocation_methods.items():
        m[name] = guarded(partial(direct_invocation.call_hook, fw, kind))
    for name in fw.composition_calls:
        t.method_signature[name] = guarded(direct_invocation.composition_signature_hook)
    for name in fw.context_resources:
        t.attribute[name] = guarded(partial(context_resources.resources_hook, fw))
    for name in fw.key_list_decorators:
        t.function_signature[name] = guarded(key_lists.key_list_signature)


def constructor_hook(fw: Framework, info: TypeInfo) -> FunctionHook:
    """`Warehouse(credentials=..., port=...)`: a resource's nested resource fields (where the
    framework does not type them), and EnvVars given to int fields."""
    return guarded(_checks_only(partial(_constructed, fw, info)))


def _constructed(fw: Framework, info: TypeInfo, ctx: FunctionContext) -> None:
    if fw.check_resource_fields and any(info.has_base(base) for base in fw.resource_bases):
        resource_fields.check_resource_fields(fw, info, ctx)
    env_vars.check_env_var_fields(fw, info, ctx)


Ctx = TypeVar("Ctx", FunctionContext, MethodContext)


def _checks_only(check: Callable[[Ctx], None]) -> Callable[[Ctx], Type]:
    """A hook that only reports: mypy keeps the type it inferred."""

    def hook(ctx: Ctx) -> Type:
        check(ctx)
        return ctx.default_return_type

    return hook


def _decorator_called(
    fw: Framework, kind: str, settings: Settings, ctx: FunctionContext
) -> Type:
    if isinstance(get_proper_type(ctx.default_return_type), CallableType):
        return decorators.mark_decorator(fw, kind, ctx)  # `asset(...)`: applied later
    return _decorator_applied(fw, kind, settings, ctx)


def _decorator_applied(
    fw: Framework, kind: str, settings: Settings, ctx: FunctionContext | MethodContext
) -> Type:
    if kind == repository.REPOSITORY:
        repository.check_repository(fw, ctx)
    result, recorded = decorators.record_application(fw, kind, ctx)
    resource_annotations.check_resource_annotations(
        fw, kind, recorded[0] if recorded is not None else None, ctx
    )
    if kind == "job" and recorded is not None and recorded[1] is not None:
        _check_job_decorator(recorded[0], recorded[1], settings, ctx)
    return result


def _check_job_decorator(
    job: Captured, call: CallExpr, settings: Settings, ctx: FunctionContext | MethodContext
) -> None:
    """`@job(resource_defs={...}, config=...)`: the job's own bindings and run config."""
    api = ctx.api
    assert isinstance(api, CheckerApi)
    job_resource_defs.check_job_resource_defs(job, api, call)
    config = call_kwargs(call).get("config")
    if settings.check_run_config and config is not None:
        run_config.check_run_config(config, job, api, call)


def _graph_made_job(settings: Settings, ctx: MethodContext) -> Type:
    result, job = jobs.record_to_job(ctx)
    if job is not None:
        api = ctx.api
        assert isinstance(api, CheckerApi)
        if RESOURCE_DEFS in formal_args(ctx):
            job_resource_defs.check_job_resource_defs(job, api, ctx.context)
        if settings.check_run_config:
            run_config.check_job_run_config(job, ctx, "config")
    return result


def _asset_job_defined(fw: Framework, settings: Settings, ctx: FunctionContext) -> Type:
    result, job = jobs.record_asset_job(fw.name, ctx)
    if settings.check_run_config:
        run_config.check_job_run_config(job, ctx, "config")
    return result


def _materialized(
    fw: Framework, in_memory: bool, settings: Settings, ctx: FunctionContext
) -> Type:
    execution_resources.check_materialize(fw, in_memory, ctx)
    if settings.check_run_config:
        run_config.check_materialize_run_config(fw, ctx)
    return ctx.default_return_type


def _executed_in_process(fw: Framework, settings: Settings, ctx: MethodContext) -> Type:
    job = decode(ctx.type)
    if job is not None and job.kind == "job":
        execution_resources.check_execute_in_process(fw, job, ctx)
        if settings.check_run_config:
            run_config.check_job_run_config(job, ctx, "run_config")
    return ctx.default_return_type
