"""The catalog as JSON: the versioned schema documented in ``docs/resources.md``.

Keys appear in a fixed order and lists are sorted by the model, so the output of the same
project is byte-for-byte stable. Bump ``VERSION`` when a key changes meaning or goes away;
adding a key is not a new version.
"""

from __future__ import annotations

import json
from typing import Any

from dagwire.catalog.model import (
    Catalog,
    ConfigField,
    ConfigSchema,
    Definition,
    Graph,
    Location,
    Need,
    Resource,
    User,
    Value,
)

SCHEMA = "dagwire.catalog"
VERSION = 1


def _location(where: Location | None) -> dict[str, Any] | None:
    return None if where is None else {"file": where.file, "line": where.line}


def _value(value: Value | None) -> dict[str, Any] | None:
    if value is None:
        return None
    shown: dict[str, Any] = {"kind": value.kind, "text": value.text}
    if value.env_name is not None:
        shown["env"] = {"name": value.env_name, "set": bool(value.env_set)}
    if value.resource is not None:
        shown["resource"] = _resource_body(value.resource)
    return shown


def _field(config_field: ConfigField) -> dict[str, Any]:
    return {
        "name": config_field.name,
        "type": config_field.type,
        "description": config_field.description,
        "required": config_field.required,
        "default": _value(config_field.default),
        "value": _value(config_field.value),
    }


def _need(need: Need) -> dict[str, Any]:
    return {"key": need.key, "via": need.via, "parameter": need.parameter,
            "expects": need.expects}


def _user(user: User) -> dict[str, Any]:
    return {"kind": user.kind, "name": user.name, "ref": user.ref, "jobs": user.jobs,
            **{k: v for k, v in _need(user.need).items() if k != "key"},
            "location": _location(user.location)}


def _resource_body(resource: Resource) -> dict[str, Any]:
    return {
        "kind": resource.kind,
        "class": resource.class_name,
        "description": resource.description,
        "location": _location(resource.location),
        "partial": resource.partial,
        "shares": resource.shares,
        "fields": [_field(f) for f in resource.fields],
    }


def _resource(resource: Resource) -> dict[str, Any]:
    return {
        "key": resource.key,
        **_resource_body(resource),
        "nested_in": [{"key": n.key, "field": n.field} for n in resource.nested_in],
        "launch_config": [{"job": job, "config": _value(value)}
                          for job, value in resource.launch_config],
        "needs": [_need(n) for n in resource.needs],
        "users": [_user(u) for u in resource.users],
    }


def _config(schema: ConfigSchema | None) -> dict[str, Any] | None:
    if schema is None:
        return None
    return {"class": schema.class_name, "fields": [_field(f) for f in schema.fields]}


def graph_json(graph: Graph | None) -> dict[str, Any] | None:
    if graph is None:
        return None
    return {
        "nodes": [{"id": n.id, "label": n.label, "ref": n.ref} for n in graph.nodes],
        "edges": [{"from": a, "to": b} for a, b in graph.edges],
    }


def _definition(definition: Definition) -> dict[str, Any]:
    shown: dict[str, Any] = {
        "kind": definition.kind,
        "name": definition.name,
        "ref": definition.ref,
        "description": definition.description,
        "location": _location(definition.location),
        "needs": [_need(n) for n in definition.needs],
        "config": _config(definition.config),
    }
    kind = definition.kind
    if kind == "asset":
        shown.update(group=definition.group, upstream=definition.upstream)
    elif kind == "asset_check":
        shown.update(asset=definition.asset)
    elif kind == "op":
        shown.update(jobs=definition.jobs)
    elif kind == "job":
        shown.update(job_kind=definition.job_kind, graph=graph_json(definition.graph),
                     run_config=_value(definition.run_config))
    elif kind in ("sensor", "schedule"):
        shown.update(job=definition.job)
        if kind == "schedule":
            shown.update(cron=definition.cron)
    shown["complete"] = definition.complete
    return shown


def as_json_data(catalog: Catalog) -> dict[str, Any]:
    return {
        "schema": SCHEMA,
        "version": VERSION,
        "mode": catalog.mode,
        "source": catalog.source,
        "complete": catalog.complete,
        "resources": [_resource(r) for r in catalog.resources],
        "definitions": [_definition(d) for d in catalog.definitions],
        "asset_graph": graph_json(catalog.asset_graph()),
        "problems": [
            {"kind": p.kind, "key": p.key, "message": p.message, "refs": p.refs}
            for p in catalog.problems
        ],
    }


def render_json(catalog: Catalog) -> str:
    return json.dumps(as_json_data(catalog), indent=2, ensure_ascii=False) + "\n"
