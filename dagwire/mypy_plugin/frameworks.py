"""The plugin's typed view of each framework, built from the shared vocabulary.

The plugin never imports a framework: it knows them by qualified name only, and those names
live in `dagwire.vocabulary` (`qualified` says where each object is defined, `names` what it
is). This module groups them the way the hooks ask for them.
"""

from __future__ import annotations

from dagwire.vocabulary.calls import EXECUTE_IN_PROCESS, RESOURCES, TO_JOB
from dagwire.vocabulary.names import (
    ASSET_SPEC,
    BIND_RESOURCES_TO_JOBS,
    COMPONENT_INSTANCE,
    DEFINITIONS_DECORATOR,
    DEFS_FOLDER_LOADERS,
    ENV_VAR,
    LIBRARY_LIST_WRAPPERS,
    LIST_WRAPPERS,
    LOADERS,
    IO_MANAGER_BASES,
    KEY_LIST_DECORATORS,
    OWN_IO_MANAGER_BASE,
    DECORATORS,
    DEFINE_ASSET_JOB,
    DEFINITIONS,
    LOAD_ASSETS_FROM_MODULES,
    LOAD_ASSETS_FROM_PACKAGE_MODULE,
    MATERIALIZE,
    MATERIALIZE_TO_MEMORY,
    RESOURCE_BASES,
    RESOURCE_DEPENDENCY,
    RESOURCE_FACTORY_BASES,
    RESOURCE_MARKERS,
    RESOURCE_PARAM,
    RESOURCE_ROOT,
    RUN_CONFIG,
    WITH_RESOURCES,
)
from dagwire.vocabulary.qualified import (
    DECORATOR_OBJECTS,
    DEFINITION_CLASSES,
    NATIVELY_TYPED,
    QUALIFIED,
)


class Framework:
    """One framework's names. A plain class: a dataclass would compile code at every import,
    and every mypy run imports this module (see benchmarks/mypy_overhead.py)."""

    __slots__ = (
        "name", "decorators", "decorator_objects", "definitions", "run_config", "run_request",
        "define_asset_job", "modules_loader", "with_resources",
        "bind_resources_to_jobs", "materialize", "execute_in_process", "resource_bases",
        "opaque_resource_bases", "checkable_resource_bases", "config_base", "resource_param",
        "context_resources", "context_classes", "invocation_methods", "partial_resource",
        "check_resource_fields", "composition_calls", "signature_classes", "graph_to_job",
        "job_wrappers", "package_loader", "resource_dependency", "param_resource_bases",
        "refused_param_bases", "io_manager_bases", "resource_factory_bases",
        "own_io_manager_bases", "loaders", "list_wrappers", "asset_spec", "defs_loaders",
        "component_loader", "env_var", "definitions_decorator", "configured_bases",
        "key_list_decorators",
    )

    def __init__(
        self,
        *,
        name: str,
        # decorator function fullname -> kind ("asset", "op", "sensor", "schedule", "job",
        # "asset_check", "graph")
        decorators: dict[str, str],
        # `__call__` of the object a decorator-with-arguments returns -> kind
        decorator_objects: dict[str, str],
        definitions: str,
        run_config: str,
        run_request: str,
        define_asset_job: str,
        modules_loader: str,
        with_resources: str,
        bind_resources_to_jobs: str,
        materialize: tuple[str, ...],
        execute_in_process: tuple[str, ...],
        # classes whose subclasses are resources when used as a parameter annotation
        resource_bases: tuple[str, ...],
        # bound values of these classes are not checked for type (legacy or factory resources)
        opaque_resource_bases: tuple[str, ...],
        # bound values of these classes are checked against the annotation even if opaque
        checkable_resource_bases: tuple[str, ...],
        config_base: str,
        resource_param: str,
        # `context.resources` attribute fullnames
        context_resources: tuple[str, ...],
        context_classes: tuple[str, ...],
        # definition classes whose `__call__` is a direct invocation (dagster mode only)
        invocation_methods: dict[str, str],
        partial_resource: str,
        # resource fields are descriptors that accept anything: the plugin checks them
        check_resource_fields: bool = False,
        # `__call__` typed with the function's ParamSpec: relaxed inside job bodies
        composition_calls: tuple[str, ...] = (),
        # definition class -> kind, for classes whose first type argument is the decorated
        # function's ParamSpec: a bare decorator needs to store nothing (definition_facts.py)
        signature_classes: dict[str, str] | None = None,
        # `GraphDefinition.to_job`: a job made of a `@graph`'s ops
        graph_to_job: tuple[str, ...] = (),
        # schedules / sensors built by a call whose `job=` (or first argument) is the job they
        # run: Definitions includes that job, so it requires what the job requires
        job_wrappers: tuple[str, ...] = (),
        # loads the assets of a package and of every module under it
        package_loader: str = "",
        # `ResourceDependency[X]`: a nested resource field of class X
        resource_dependency: str = "",
        # a parameter annotated with a subclass of one of these is a resource...
        param_resource_bases: tuple[str, ...] = (),
        # ...and one annotated with a subclass of one of these is refused (the objects give
        # their users something else: use `ResourceParam[...]`), unless it is a plain
        # resource of the first kind that is no IO manager
        refused_param_bases: tuple[str, ...] = (),
        io_manager_bases: tuple[str, ...] = (),
        resource_factory_bases: tuple[str, ...] = (),
        # IO managers that are their own IO manager (what a ResourceParam of one receives)
        own_io_manager_bases: tuple[str, ...] = (),
        # asset and check loaders: fullname -> the loader's name (`names.LOADERS`)
        loaders: dict[str, str] | None = None,
        # calls that return the definitions list they are given
        list_wrappers: tuple[str, ...] = (),
        asset_spec: str = "",
        # loaders of a dg project's defs folder: fullname -> name
        defs_loaders: dict[str, str] | None = None,
        # `@component_instance`: a function of a defs module making a component
        component_loader: str = "",
        env_var: str = "",
        # `@definitions`: a function returning (a part of) a code location's Definitions
        definitions_decorator: str = "",
        # decorators whose annotation of `required_resource_keys=` is narrower than what they
        # accept (a list of keys)
        key_list_decorators: tuple[str, ...] = (),
    ) -> None:
        self.name = name
        self.decorators = decorators
        self.decorator_objects = decorator_objects
        self.definitions = definitions
        self.run_config = run_config
        self.run_request = run_request
        self.define_asset_job = define_asset_job
        self.modules_loader = modules_loader
        self.with_resources = with_resources
        self.bind_resources_to_jobs = bind_resources_to_jobs
        self.materialize = materialize
        self.execute_in_process = execute_in_process
        self.resource_bases = resource_bases
        self.opaque_resource_bases = opaque_resource_bases
        self.checkable_resource_bases = checkable_resource_bases
        self.config_base = config_base
        self.resource_param = resource_param
        self.context_resources = context_resources
        self.context_classes = context_classes
        self.invocation_methods = invocation_methods
        self.partial_resource = partial_resource
        self.check_resource_fields = check_resource_fields
        self.composition_calls = composition_calls
        self.signature_classes = signature_classes if signature_classes is not None else {}
        self.graph_to_job = graph_to_job
        self.job_wrappers = job_wrappers
        self.package_loader = package_loader
        self.resource_dependency = resource_dependency
        self.param_resource_bases = param_resource_bases
        self.refused_param_bases = refused_param_bases
        self.io_manager_bases = io_manager_bases
        self.resource_factory_bases = resource_factory_bases
        self.own_io_manager_bases = own_io_manager_bases
        self.loaders = loaders if loaders is not None else {}
        self.list_wrappers = list_wrappers
        self.asset_spec = asset_spec
        self.defs_loaders = defs_loaders if defs_loaders is not None else {}
        self.component_loader = component_loader
        self.env_var = env_var
        self.definitions_decorator = definitions_decorator
        # classes whose constructors the plugin checks: Config and resources
        self.configured_bases = (config_base, *resource_bases)
        self.key_list_decorators = key_list_decorators

    def __repr__(self) -> str:
        return f"Framework({self.name!r})"


def _framework(name: str) -> Framework:
    """The plugin's view of one framework, from the shared vocabulary."""
    q = QUALIFIED[name]

    def present(*names: str) -> tuple[str, ...]:
        return tuple(q[n] for n in names if n in q)

    definition_calls = {
        q[cls] + ".__call__": kind for cls, kind in DEFINITION_CLASSES.items() if cls in q
    }
    native = name in NATIVELY_TYPED
    return Framework(
        name=name,
        decorators={q[n]: kind for n, kind in DECORATORS.items() if n in q},
        decorator_objects={
            q[cls] + ".__call__": kind for cls, kind in DECORATOR_OBJECTS[name].items()
        },
        definitions=q[DEFINITIONS],
        run_config=q[RUN_CONFIG],
        run_request=q["RunRequest"],
        define_asset_job=q[DEFINE_ASSET_JOB],
        modules_loader=q[LOAD_ASSETS_FROM_MODULES],
        with_resources=q[WITH_RESOURCES],
        bind_resources_to_jobs=q[BIND_RESOURCES_TO_JOBS],
        materialize=present(MATERIALIZE, MATERIALIZE_TO_MEMORY),
        execute_in_process=(f"{q['JobDefinition']}.{EXECUTE_IN_PROCESS}",),
        resource_bases=(q[RESOURCE_ROOT[name]],),
        opaque_resource_bases=present("ResourceDefinition", *RESOURCE_FACTORY_BASES),
        checkable_resource_bases=present(*RESOURCE_BASES),
        config_base=q["Config"],
        resource_param=q[RESOURCE_PARAM],
        context_resources=tuple(
            f"{q[cls]}.{RESOURCES}" for cls in ("OpExecutionContext", "AssetExecutionContext")
        ),
        context_classes=present(
            "OpExecutionContext", "AssetExecutionContext", "DirectOpExecutionContext",
            "DirectAssetExecutionContext", "SensorEvaluationContext", "ScheduleEvaluationContext",
        ),
        # a natively typed framework's direct calls are checked by mypy itself
        invocation_methods={} if native else {
            method: kind for method, kind in definition_calls.items() if kind in INVOKED_KINDS
        },
        partial_resource=q["PartialResource"],
        check_resource_fields=not native,
        # every definition call of a natively typed framework: relaxed inside job bodies,
        # and a context given first (sensors and schedules too) stands for the context
        composition_calls=tuple(definition_calls) if native else (),
        signature_classes={
            q[cls]: kind for cls, kind in DEFINITION_CLASSES.items() if cls in q
        } if native else {},
        graph_to_job=(f"{q['GraphDefinition']}.{TO_JOB}",),
        job_wrappers=present(
            "ScheduleDefinition", "SensorDefinition", "build_schedule_from_partitioned_job"
        ),
        package_loader=q[LOAD_ASSETS_FROM_PACKAGE_MODULE],
        resource_dependency=q.get(RESOURCE_DEPENDENCY, ""),
        param_resource_bases=present(*sorted(RESOURCE_BASES), *sorted(RESOURCE_MARKERS)),
        refused_param_bases=present(
            "ResourceDefinition", *sorted(RESOURCE_FACTORY_BASES), *sorted(IO_MANAGER_BASES)
        ),
        io_manager_bases=present(*sorted(IO_MANAGER_BASES)),
        resource_factory_bases=present(*sorted(RESOURCE_FACTORY_BASES)),
        own_io_manager_bases=present(OWN_IO_MANAGER_BASE),
        loaders={q[n]: n for n in LOADERS if n in q},
        list_wrappers=present(*sorted(LIST_WRAPPERS)) + tuple(
            f"{module}.{n}" for module, ns in LIBRARY_LIST_WRAPPERS.items() for n in sorted(ns)
        ),
        asset_spec=q.get(ASSET_SPEC, ""),
        defs_loaders={q[n]: n for n in DEFS_FOLDER_LOADERS if n in q},
        component_loader=q.get(COMPONENT_INSTANCE, ""),
        env_var=q.get(ENV_VAR, ""),
        definitions_decorator=q.get(DEFINITIONS_DECORATOR, ""),
        key_list_decorators=() if native else present(*sorted(KEY_LIST_DECORATORS)),
    )


# Definitions whose direct calls the plugin checks (dagster) or relaxes inside job bodies
# (dagwire): ops and assets.
INVOKED_KINDS = ("asset", "op")

DAGSTER = _framework("dagster")
DAGWIRE = _framework("dagwire")
ALL_FRAMEWORKS: dict[str, Framework] = {"dagwire": DAGWIRE, "dagster": DAGSTER}
# definition class fullname -> (framework, kind), over all frameworks
SIGNATURE_CLASSES: dict[str, tuple[Framework, str]] = {
    cls: (fw, kind) for fw in ALL_FRAMEWORKS.values() for cls, kind in fw.signature_classes.items()
}
