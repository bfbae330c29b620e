"""RSC103: a config key that does not exist.

`context.op_config["k"]` / `.get("k")` where `k` is not in the op's `config_schema` dict, and
`config.k` where the parameter's Config class (with its bases) has no field or member `k`.
"""

from __future__ import annotations

from typing import Iterator

from dagwire.lint_rules.file_check import FileCheck, Finding, finding
from dagwire.lint_rules.context_reads import attribute_reads
from dagwire.source_model.resolve_classes import CONFIG
from dagwire.vocabulary.calls import CONFIG_SCHEMA

CODE = "RSC103"
SCHEMA_MESSAGE = "RSC103 config key '{key}' is not in the config_schema of {kind} '{name}'"
FIELD_MESSAGE = "RSC103 config class '{cls}' has no field '{key}' (read by {kind} '{name}')"

# Attributes every Config instance has (pydantic and framework methods).
_BASE_ATTRIBUTES = frozenset({
    "dict", "json", "copy", "schema", "schema_json", "construct", "validate", "parse_obj",
    "parse_raw", "parse_file", "from_orm", "update_forward_refs", "to_config_schema",
    "to_fields_dict",
})


def _schema_findings(file: FileCheck) -> Iterator[Finding]:
    for fn in file.compute_functions():
        use = file.context_use(fn)
        if use is None or not use.op_config_reads:
            continue
        declared = file.declared(fn)
        if CONFIG_SCHEMA not in file.resolver.keywords(file.model, fn)[0]:
            continue  # no schema (or a Pythonic config parameter): nothing to compare with
        if declared.config_schema is None:
            continue
        keys = {item.key for item in declared.config_schema}
        for key, node in use.op_config_reads:
            if key not in keys:
                yield finding(
                    node, SCHEMA_MESSAGE.format(key=key, kind=fn.kind, name=file.display_name(fn))
                )


def _field_findings(file: FileCheck) -> Iterator[Finding]:
    for fn in file.compute_functions():
        params = file.parameters(fn)
        annotated = params.annotated.get("config")
        if annotated is None or annotated[1] is None or annotated[1].kind != CONFIG:
            continue
        ref = annotated[1]
        if ref.node is None:
            continue  # `config: dg.Config` itself: its fields are not written anywhere
        members = file.resolver.class_members(ref)
        if not members.complete:
            continue
        known = set(members.fields) | members.members | _BASE_ATTRIBUTES
        for key, node in attribute_reads(file.model, fn.func, "config"):
            if key in known or key.startswith("_") or key.startswith("model_"):
                continue
            yield finding(
                node,
                FIELD_MESSAGE.format(
                    cls=ref.name, key=key, kind=fn.kind, name=file.display_name(fn)
                ),
            )


def check(file: FileCheck) -> Iterator[Finding]:
    yield from _schema_findings(file)
    yield from _field_findings(file)
