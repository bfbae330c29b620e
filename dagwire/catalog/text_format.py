"""The catalog as plain text, for a terminal: one block per resource, then the problems."""

from __future__ import annotations

from dagwire.catalog.model import Catalog, ConfigField, Location, Resource, User, Value
from dagwire.vocabulary.calls import INPUT_MANAGER_KEY, IO_MANAGER_KEY, REQUIRED_RESOURCE_KEYS


def _where(where: Location | None) -> str:
    return f"{where.file}:{where.line}" if where is not None else ""


def _value_text(value: Value) -> str:
    if value.kind == "env":
        state = "set" if value.env_set else "not set in this environment"
        return f"{value.text}  ({state})"
    if value.kind == "default":
        return f"{value.text}  (default)"
    return value.text


def _fields(fields: list[ConfigField], indent: str) -> list[str]:
    lines: list[str] = []
    for config_field in fields:
        typed = config_field.name
        if config_field.type:
            typed += f": {config_field.type}"
        value = config_field.value
        shown = _value_text(value) if value is not None else ""
        extra = ""
        if value is not None and value.kind not in ("default", "resource"):
            if config_field.default is not None:
                extra = f"  (default {config_field.default.text})"
        lines.append(f"{indent}{typed} = {shown}{extra}" if value is not None else
                     f"{indent}{typed}")
        if value is not None and value.resource is not None:
            nested = value.resource
            if nested.partial:
                lines[-1] += "  (configure_at_launch)"
            lines.extend(_fields(nested.fields, indent + "    "))
    return lines


def _user(user: User) -> str:
    need = user.need
    how = {
        "parameter": f"parameter {need.parameter}",
        REQUIRED_RESOURCE_KEYS: REQUIRED_RESOURCE_KEYS,
        IO_MANAGER_KEY: "IO manager",
        INPUT_MANAGER_KEY: f"input manager of {need.parameter}",
    }.get(need.via, need.via)
    jobs = f" in job {', '.join(user.jobs)}" if user.jobs else ""
    text = f"{user.kind} {user.name}{jobs} ({how})"
    where = _where(user.location)
    return f"{text}  {where}" if where else text


def _resource(resource: Resource) -> list[str]:
    module, _, name = resource.class_name.rpartition(".")
    origin = ", ".join(part for part in (module, _where(resource.location)) if part)
    kind = {"function": "resource function ", "object": "object of class "}.get(resource.kind, "")
    lines = [f"{resource.key}: {kind}{name}" + (f"  ({origin})" if origin else "")]
    if resource.description:
        lines.append(f"    {resource.description.splitlines()[0]}")
    if resource.partial:
        lines.append("    configure_at_launch(): fields not given here come from run config")
    for nested in resource.nested_in:
        lines.append(f"    nested in: {nested.key}.{nested.field}")
    for job, config in resource.launch_config:
        lines.append(f"    launch config in job {job}: {config.text}")
    if resource.fields:
        lines.append("    config:")
        lines.extend(_fields(resource.fields, "        "))
    if resource.users:
        lines.append("    used by:")
        lines.extend(f"        {_user(user)}" for user in resource.users)
    else:
        lines.append("    used by: (nothing)")
    return lines


def render_text(catalog: Catalog) -> str:
    lines: list[str] = []
    if not catalog.resources:
        lines.append("(no resources bound)")
    for number, resource in enumerate(catalog.resources):
        if number:
            lines.append("")
        lines.extend(_resource(resource))
    if catalog.problems:
        lines.append("")
        lines.append(f"problems ({len(catalog.problems)}):")
        lines.extend(f"    {problem.message}" for problem in catalog.problems)
    return "\n".join(lines) + "\n"
