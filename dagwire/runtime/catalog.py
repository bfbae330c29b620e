"""The resource catalog of a loaded Definitions (``dagwire resources MODULE``): the
catalog model (``dagwire.catalog.model``) filled from the live objects.

EnvVars are shown by name and whether they are set, never by value; every value passes the
model's masking. Whether a bound class fits a parameter's annotation is decided by the same
check that ``Definitions.validate()`` runs.
"""

from __future__ import annotations

import inspect
import re
import typing
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from dagwire.catalog.model import (
    Catalog,
    ConfigField,
    ConfigSchema,
    Definition,
    Graph,
    GraphNode,
    Location,
    Need,
    Resource,
    Value,
    default_value,
    env_value,
    finish,
    launch_value,
    literal_value,
    location,
    resource_value,
    unset_value,
)
from dagwire.runtime.asset import AssetsDefinition
from dagwire.runtime.composition import NodeOutput
from dagwire.runtime.config import RunConfig
from dagwire.runtime.env_var import EnvVar, IntEnvVar
from dagwire.runtime.job import UnresolvedAssetJobDefinition
from dagwire.runtime.parameters import ConfigSource, ResourceRequirement
from dagwire.runtime.resources import (
    ConfigurableResource,
    PartialResource,
    ResourceDefinition,
    as_resource_definition,
    is_mock,
)
from dagwire.runtime.validation import fits_annotation
from dagwire.vocabulary.calls import INPUT_MANAGER_KEY, IO_MANAGER_KEY

if TYPE_CHECKING:
    from dagwire.runtime.definitions import Definitions


def qualified(cls: Any) -> str:
    return f"{getattr(cls, '__module__', '?')}.{getattr(cls, '__qualname__', repr(cls))}"


_DOTTED = re.compile(r"\b(?:[A-Za-z_][A-Za-z0-9_]*\.)+([A-Za-z_][A-Za-z0-9_]*)")


def type_text(annotation: Any) -> str | None:
    """An annotation as a user writes it: ``int``, ``Optional[str]``, ``list[Currency]``."""
    if annotation is None or annotation is inspect.Parameter.empty:
        return None
    if isinstance(annotation, type) and not typing.get_args(annotation):
        return annotation.__qualname__
    return _DOTTED.sub(r"\1", repr(annotation))


def own_doc(obj: Any) -> str | None:
    """The object's own docstring (not one inherited from a framework base class)."""
    doc = vars(obj).get("__doc__") if isinstance(obj, type) else getattr(obj, "__doc__", None)
    return inspect.cleandoc(doc) if isinstance(doc, str) and doc.strip() else None


def source_location(obj: Any) -> Location | None:
    try:
        obj = inspect.unwrap(obj)
        return location(inspect.getsourcefile(obj), inspect.getsourcelines(obj)[1])
    except (OSError, TypeError):
        return None


# -- values ------------------------------------------------------------------------------


def _shown(value: Any, name: str) -> Value:
    if isinstance(value, (EnvVar, IntEnvVar)):
        return env_value(value.env_var_name, isinstance(value, IntEnvVar))
    if isinstance(value, ConfigurableResource) and not is_mock(value):
        return resource_value(_configurable(value))
    return literal_value(value, name)


def _model_fields(cls: type[Any], value: Any) -> list[ConfigField]:
    fields: list[ConfigField] = []
    fields_set: set[str] = getattr(value, "model_fields_set", set()) if value is not None else set()
    partial = isinstance(value, PartialResource)
    for name, info in cls.model_fields.items():
        default: Value | None = None
        if not info.is_required():
            try:
                default = literal_value(info.get_default(call_default_factory=True), name)
            except Exception:  # a user's default factory failed: say so, run nothing else
                default = Value("expression", "<default factory>")
        shown: Value | None = None
        if value is not None:
            if name in fields_set:
                shown = _shown(getattr(value, name), name)
            elif partial:
                shown = launch_value()
            elif default is not None:
                shown = default_value(default)
            else:
                shown = unset_value()
        fields.append(ConfigField(name, type_text(info.annotation), info.description,
                                  default, shown, required=default is None))
    return fields


def _configurable(resource: ConfigurableResource) -> Resource:
    cls = resource.resource_class if isinstance(resource, PartialResource) else type(resource)
    return Resource(
        kind="configurable",
        class_name=qualified(cls),
        description=own_doc(cls),
        location=source_location(cls),
        fields=_model_fields(cls, resource),
        partial=isinstance(resource, PartialResource),
        identity=resource,
    )


def _resource(key: str, value: Any) -> Resource:
    definition = as_resource_definition(value)
    if definition.resource is not None:
        entry = _configurable(definition.resource)
    elif definition.resource_fn is not None:
        function = getattr(definition, "function", definition.resource_fn)
        entry = Resource(
            kind="function",
            class_name=qualified(function),
            description=definition.description,
            location=source_location(function),
            fields=_legacy_resource_fields(definition),
        )
        entry.needs = [Need(k, "required_resource_keys")
                       for k in sorted(definition.required_resource_keys)]
    else:
        entry = Resource(
            kind="object",
            class_name=qualified(type(definition.value)),
            description=definition.description,
        )
    entry.key = key
    entry.identity = definition.resource if definition.resource is not None else value
    return entry


def _legacy_resource_fields(definition: ResourceDefinition) -> list[ConfigField]:
    configured = getattr(definition, "configured_config", None)
    schema = getattr(definition, "config_field", None)
    fields = _legacy_schema_fields(schema)
    given = configured if isinstance(configured, Mapping) else {}
    known = {f.name for f in fields}
    fields += [ConfigField(name, None, required=None) for name in given if name not in known]
    for config_field in fields:  # what .configured() does not fix comes from run config
        if config_field.name in given:
            config_field.value = literal_value(given[config_field.name], config_field.name)
        elif config_field.default is not None:
            config_field.value = default_value(config_field.default)
        else:
            config_field.value = launch_value()
    return fields


def _legacy_schema_fields(schema: Any) -> list[ConfigField]:
    """Fields of a legacy ``config_schema`` (a Shape of fields), as far as they are named."""
    shape = getattr(schema, "config_type", None)
    named = getattr(shape, "fields", None)
    if not isinstance(named, Mapping):
        return []
    fields: list[ConfigField] = []
    for name, legacy in named.items():
        config_type = getattr(legacy, "config_type", None)
        python_type = getattr(config_type, "python_type", None)  # String -> str, as written
        type_name = (python_type.__name__ if isinstance(python_type, type)
                     else getattr(config_type, "display", None) or type(config_type).__name__)
        default = (literal_value(legacy.default_value, name)
                   if getattr(legacy, "has_default", False) else None)
        fields.append(ConfigField(name, type_name, getattr(legacy, "description", None), default,
                                  required=bool(getattr(legacy, "is_required", default is None))))
    return fields


# -- definitions ---------------------------------------------------------------------------


def _needs(
    requirements: tuple[ResourceRequirement, ...],
    managers: Sequence[tuple[str, str, str | None]],
    local: Mapping[str, Any],
    bound: Mapping[str, Any],
) -> list[Need]:
    needs: list[Need] = []
    for requirement in requirements:
        if requirement.key in local:
            continue
        annotation = requirement.annotation
        fits: bool | None = None
        if annotation is not None and requirement.key in bound:
            fits = fits_annotation(annotation, as_resource_definition(bound[requirement.key]))
        needs.append(Need(
            requirement.key, requirement.source, requirement.param,
            qualified(annotation) if isinstance(annotation, type) else None, fits,
        ))
    for key, via, parameter in managers:
        if key not in local and all((n.key, n.via) != (key, via) for n in needs):
            needs.append(Need(key, via, parameter))
    return needs


def _config(source: ConfigSource | None) -> ConfigSchema | None:
    if source is None:
        return None
    if source.kind == "class":
        cls = source.config_class
        return ConfigSchema(qualified(cls), _model_fields(cls, None))
    if source.kind == "primitive":
        return ConfigSchema(source.config_class.__name__, [])
    return ConfigSchema(None, _legacy_schema_fields(source.schema))


def _asset(definition: AssetsDefinition[Any, Any], bound: Mapping[str, Any]) -> Definition:
    keys = [key.to_user_string() for key in definition.keys]
    managers: list[tuple[str, str, str | None]] = [
        (key, IO_MANAGER_KEY, None) for key in definition.io_manager_keys.values()
    ]
    managers += [(key, INPUT_MANAGER_KEY, param)
                 for param, key in definition.input_manager_keys.items()]
    return Definition(
        kind="asset",
        name=keys[0] if len(keys) == 1 else definition.op_name,
        location=source_location(definition.fn),
        description=definition.description,
        needs=_needs(definition.resource_requirements, managers, definition.resource_defs, bound),
        config=_config(definition.config_source),
        group=definition.group_names.get(definition.keys[0]) if definition.keys else None,
        upstream=[key.to_user_string() for key in definition.upstream_keys],
    )


def _run_config(config: Any) -> Any:
    if isinstance(config, RunConfig):
        return config.to_config_dict()
    return config if isinstance(config, Mapping) else None  # a config mapping: no dict


def _jobs(defs: Definitions, catalog: Catalog, bound: Mapping[str, Any]) -> None:
    ops: dict[str, Definition] = {}
    for job in defs.all_jobs():
        graph = Graph()
        if isinstance(job, UnresolvedAssetJobDefinition):
            selected = {key.to_user_string() for key in job.selected_keys(defs.assets)}
            assets = catalog.asset_graph()
            graph.nodes = [node for node in assets.nodes if node.id in selected]
            graph.edges = [edge for edge in assets.edges if set(edge) <= selected]
            kind = "assets"
        else:
            kind = "ops"
            for node in job.nodes.values():
                op = node.op
                graph.nodes.append(GraphNode(node.name, node.name, f"op:{op.name}"))
                graph.edges.extend(
                    (source.node, node.name)
                    for source in node.inputs.values() if isinstance(source, NodeOutput)
                )
                entry = ops.get(op.name)
                if entry is None:
                    managers = [(key, "io_manager_key", None) for key in op.io_manager_keys]
                    entry = ops[op.name] = Definition(
                        kind="op",
                        name=op.name,
                        location=source_location(op.fn),
                        description=op.description,
                        needs=_needs(op.resource_requirements, managers,
                                     {**job.resource_defs, **op.resource_defs}, bound),
                        config=_config(op.config_source),
                    )
                if job.name not in entry.jobs:
                    entry.jobs.append(job.name)
        config = _run_config(job.config)
        function = getattr(job, "function", None)
        catalog.definitions.append(Definition(
            kind="job",
            name=job.name,
            location=source_location(function) if function is not None else None,
            description=job.description,
            graph=graph,
            job_kind=kind,
            run_config=literal_value(config, None) if config else None,
        ))
        resources = config.get("resources") if isinstance(config, Mapping) else None
        for key, entry_config in (resources or {}).items():
            inner = entry_config.get("config") if isinstance(entry_config, Mapping) else None
            if inner is not None:
                catalog.launch_configs.append((job.name, key, inner))
    catalog.definitions.extend(ops.values())


def build_catalog(defs: Definitions, source: str) -> Catalog:
    """The catalog of ``defs``; ``source`` names where it came from (the module)."""
    bound = defs.resources
    catalog = Catalog("loaded", source, [_resource(k, v) for k, v in bound.items()], [])
    catalog.definitions = [_asset(a, bound) for a in defs.assets]
    _jobs(defs, catalog, bound)
    for trigger in defs.triggers():
        requirements = trigger.resource_requirements
        catalog.definitions.append(Definition(
            kind="sensor" if trigger in defs.sensors else "schedule",
            name=trigger.name,
            location=source_location(trigger.fn),
            description=trigger.description,
            needs=_needs(requirements, [], {}, bound),
            job=trigger.job_name,
            cron=getattr(trigger, "cron_schedule", None),
        ))
    return finish(catalog)


__all__ = ["build_catalog", "qualified", "type_text"]
