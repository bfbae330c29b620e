"""The resource catalog (what Dagster's UI shows of resources): each bound key, its class, its
config (EnvVars shown by NAME, never by value) and the definitions that use it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from dagwire.runtime.env_var import EnvVar, IntEnvVar
from dagwire.runtime.resources import ConfigurableResource, PartialResource, as_resource_definition

if TYPE_CHECKING:
    from dagwire.runtime.definitions import Definitions


@dataclass
class ResourceEntry:
    key: str
    class_name: str
    config: list[tuple[str, str]] = field(default_factory=list)
    users: list[str] = field(default_factory=list)


def _qualified(cls: type[Any]) -> str:
    return f"{cls.__module__}.{cls.__qualname__}"


def _show(value: Any) -> str:
    if isinstance(value, (EnvVar, IntEnvVar)):
        return repr(value)  # EnvVar('NAME'): the name, never the value
    if isinstance(value, ConfigurableResource):
        cls = value.resource_class if isinstance(value, PartialResource) else type(value)
        return f"{cls.__qualname__}(...)"
    return repr(value)


def _config_of(resource: ConfigurableResource) -> list[tuple[str, str]]:
    rows: list[tuple[str, str]] = []
    fields_set = resource.model_fields_set
    for name in type(resource).model_fields:
        if isinstance(resource, PartialResource) and name not in fields_set:
            rows.append((name, "(set at launch)"))
        else:
            rows.append((name, _show(getattr(resource, name))))
    return rows


def resource_catalog(definitions: Definitions) -> list[ResourceEntry]:
    users = definitions.resource_users()
    entries: list[ResourceEntry] = []
    for key, value in definitions.resources.items():
        definition = as_resource_definition(value)
        if definition.resource is not None:
            resource = definition.resource
            cls = resource.resource_class if isinstance(resource, PartialResource) else type(resource)
            entry = ResourceEntry(key, _qualified(cls), _config_of(resource))
        elif definition.resource_fn is not None:
            entry = ResourceEntry(key, f"resource function {definition.resource_fn.__qualname__}")
            catalog_config = getattr(definition, "catalog_config", None)  # legacy .configured()
            if catalog_config is not None:
                entry.config = catalog_config()
        else:
            entry = ResourceEntry(key, _qualified(type(definition.value)))
        for user in users:
            keys = {r.key for r in user.requirements} | set(user.io_manager_keys)
            if key in keys and key not in user.local_resources and user.description not in entry.users:
                entry.users.append(user.description)
        entries.append(entry)
    return entries


def format_catalog(entries: list[ResourceEntry]) -> str:
    lines: list[str] = []
    for entry in entries:
        lines.append(f"{entry.key}: {entry.class_name}")
        for name, shown in entry.config:
            lines.append(f"    {name} = {shown}")
        lines.append(f"    used by: {', '.join(entry.users) if entry.users else '(nothing)'}")
    return "\n".join(lines)


__all__ = ["ResourceEntry", "format_catalog", "resource_catalog"]
