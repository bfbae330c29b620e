"""Dagster features dagwire does not implement, refused by name.

Decorators accept Dagster's keyword arguments so that a project moving over from Dagster gets
a ``DagwireInvalidDefinitionError`` naming the feature, never a silent wrong answer (the
argument ignored) or an ``unexpected keyword argument`` TypeError. Arguments that change
nothing in an in-process run (``owners=``, ``kinds=``, ``automation_condition=``, ...) are
accepted and recorded by the definitions themselves.
"""

from __future__ import annotations

from typing import Any

from dagwire.runtime.errors import DagwireInvalidDefinitionError

# keyword argument -> the feature it belongs to
FEATURES: dict[str, str] = {
    "partition_mapping": "partition mappings",
    "retry_policy": "retries",
    "op_retry_policy": "retries",
    "backfill_policy": "backfill policies",
    "check_specs": "asset checks",
    "hooks": "hooks",
    "io_manager_def": "an IO manager defined on the asset (bind it under io_manager_key)",
    "is_virtual": "virtual assets",
    "asset_selection": "an asset selection here (select with define_asset_job)",
    "target": "target= (use job=)",
    "should_execute": "should_execute= on schedules",
    "input_values": "job input values",
    "tags_fn": "tags_fn= on schedules",
    "op_selection": "running a subset of a job's ops",
    "dynamic_partitions_requests": "dynamic partitions",
    "asset_events": "asset events from sensors",
}


def refuse(owner: str, **arguments: Any) -> None:
    """Raise naming every argument given (not None / not empty) that dagwire cannot honour."""
    given = [name for name, value in arguments.items() if value is not None and value != []]
    if given:
        raise DagwireInvalidDefinitionError(
            f"Invalid definition of {owner}:",
            [f"{name}= ({FEATURES[name]}) is not supported by dagwire" for name in given],
        )


__all__ = ["FEATURES", "refuse"]
