"""Definitions: merge, lookups, load_assets_from_modules, assets with prefixes, deps,
multi_asset, asset jobs."""

from __future__ import annotations

import types
from typing import Any

import pytest

from dagwire import (
    AssetIn,
    AssetKey,
    AssetOut,
    DagwireError,
    DagwireInvalidDefinitionError,
    Definitions,
    asset,
    define_asset_job,
    load_assets_from_modules,
    materialize,
    multi_asset,
)

order: list[str] = []


@asset(key_prefix=["raw"], group_name="ingest")
def events() -> list[int]:
    order.append("events")
    return [1, 2, 3]


@asset(ins={"events": AssetIn(key_prefix="raw")})
def event_count(events: list[int]) -> int:
    order.append("event_count")
    return len(events)


@asset(deps=[event_count])
def audit() -> str:
    order.append("audit")
    return "checked"


@multi_asset(outs={"evens": AssetOut(), "odds": AssetOut(key_prefix="split")})
def split(events: list[int]) -> tuple[list[int], list[int]]:
    return [e for e in events if e % 2 == 0], [e for e in events if e % 2]


split_fixed = multi_asset(outs={"evens": AssetOut(), "odds": AssetOut(key_prefix="split")},
                          ins={"events": AssetIn(key=AssetKey(["raw", "events"]))})(split.fn)


def test_keys_groups_and_inputs() -> None:
    assert events.key == AssetKey(["raw", "events"])
    assert events.group_name == "ingest"
    assert event_count.input_keys == {"events": AssetKey(["raw", "events"])}
    assert audit.deps == (AssetKey("event_count"),)
    assert split_fixed.keys == (AssetKey("evens"), AssetKey(["split", "odds"]))


def test_materialize_order_deps_and_multi_asset() -> None:
    order.clear()
    result = materialize([audit, split_fixed, event_count, events])
    assert order == ["events", "event_count", "audit"]
    assert result.asset_value("raw/events") == [1, 2, 3]
    assert result.asset_value(AssetKey("evens")) == [2]
    assert result.asset_value(["split", "odds"]) == [1, 3]
    # Dagster's order (checked against dagster 1.13): dependency level, then step name.
    assert [k.to_user_string() for k in result.materialized_asset_keys] == [
        "raw/events", "event_count", "evens", "split/odds", "audit"
    ]


def test_unresolved_multi_asset_input_reported() -> None:
    with pytest.raises(DagwireInvalidDefinitionError) as excinfo:
        Definitions(assets=[events, split]).validate()
    assert str(excinfo.value) == (
        "Invalid Definitions:\n"
        "- multi_asset 'split' input 'events': no asset with key 'events' is defined"
    )


def test_duplicate_keys_and_names() -> None:
    job_a = define_asset_job("same")
    with pytest.raises(DagwireInvalidDefinitionError) as excinfo:
        Definitions(assets=[events, events], jobs=[job_a, define_asset_job("same")]).validate()
    assert str(excinfo.value) == (
        "Invalid Definitions:\n"
        "- asset key 'raw/events' is defined twice (asset 'raw/events' and asset 'raw/events')"
    )


def test_load_assets_from_modules_and_asset_job_selection() -> None:
    module = types.ModuleType("fake_assets")
    module.events = events  # type: ignore[attr-defined]
    module.event_count = event_count  # type: ignore[attr-defined]
    module.alias = events  # type: ignore[attr-defined]
    module.other = 3  # type: ignore[attr-defined]
    assets = load_assets_from_modules([module])
    assert assets == [events, event_count]
    defs = Definitions(assets=assets, jobs=[define_asset_job("counts", selection=["event_count"])])
    with pytest.raises(DagwireError) as excinfo:
        # event_count's upstream is not in the selection: it is loaded from the IO manager,
        # here the in-memory one of a fresh run, where it was never stored.
        defs.get_job_def("counts").execute_in_process()
    assert str(excinfo.value) == (
        "no stored value for asset 'raw/events' in the in-memory IO manager: it was not "
        "materialized in this run (bind a persistent IO manager such as FilesystemIOManager "
        "to load assets from earlier runs)"
    )


def test_merge_conflicting_resources() -> None:
    with pytest.raises(DagwireInvalidDefinitionError) as excinfo:
        Definitions.merge(Definitions(resources={"a": 1}), Definitions(resources={"a": 2}))
    assert str(excinfo.value) == (
        "Cannot merge Definitions:\n- resource 'a' is bound in more than one Definitions"
    )


def test_merged_definitions_are_what_gets_validated() -> None:
    @asset
    def needs(thing: Any) -> Any:  # an input, not a resource: needs an upstream 'thing'
        return thing

    @asset
    def thing() -> int:
        return 1

    merged = Definitions.merge(Definitions(assets=[needs]), Definitions(assets=[thing]))
    merged.validate()
    assert merged.get_implicit_global_asset_job_def().execute_in_process().asset_value("needs") == 1


def test_load_assets_from_modules_with_group_and_prefix() -> None:
    module = types.ModuleType("fake_assets")
    module.events = events  # type: ignore[attr-defined]
    module.event_count = event_count  # type: ignore[attr-defined]
    module.audit = audit  # type: ignore[attr-defined]
    # As in Dagster (checked against dagster 1.13), an asset's own group is not overridden.
    with pytest.raises(DagwireInvalidDefinitionError) as raised:
        load_assets_from_modules([module], group_name="prod", key_prefix="warehouse")
    assert str(raised.value) == (
        "Invalid load_assets_from_modules:\n"
        "- asset 'raw/events' has group name 'ingest', which conflicts with group_name='prod'"
    )
    loaded = load_assets_from_modules([module], group_name="ingest", key_prefix="warehouse")
    assert [d.key.to_user_string() for d in loaded] == [
        "warehouse/raw/events", "warehouse/event_count", "warehouse/audit"]
    assert {d.group_name for d in loaded} == {"ingest"}
    assert loaded[1].input_keys == {"events": AssetKey(["warehouse", "raw", "events"])}
    assert loaded[2].deps == (AssetKey(["warehouse", "event_count"]),)
    order.clear()
    result = materialize(loaded)
    assert result.asset_value("warehouse/event_count") == 3
    assert order == ["events", "event_count", "audit"]
    assert events.key == AssetKey(["raw", "events"])  # the originals are unchanged
