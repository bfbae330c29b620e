"""Exact messages for mistakes with asset checks, AssetSpecs and partitions (what these do
when used correctly is checked against dagster in parity_programs/checks_specs_partitions.py).
"""

from __future__ import annotations

import pytest

from dagwire import (
    AssetCheckResult,
    AssetIn,
    AssetSpec,
    DagwireError,
    DagwireInvalidDefinitionError,
    DailyPartitionsDefinition,
    StaticPartitionsDefinition,
    asset,
    asset_check,
    materialize,
    multi_asset,
)


@asset
def orders() -> int:
    return 3


def test_a_check_that_returns_something_else_fails_its_step() -> None:
    @asset_check(asset=orders)
    def returns_bool() -> bool:
        return True

    with pytest.raises(DagwireError) as raised:
        materialize([orders, returns_bool])
    assert str(raised.value) == (
        "asset check 'returns_bool' on asset 'orders' returned bool: a check returns "
        "AssetCheckResult(passed=...)")


def test_a_check_takes_one_input_besides_additional_ins() -> None:
    with pytest.raises(DagwireInvalidDefinitionError) as raised:
        @asset_check(asset=orders, additional_ins={"other": AssetIn("customers")})
        def two(orders: int, customers: int, other: int) -> AssetCheckResult:
            return AssetCheckResult(passed=True)
    assert str(raised.value) == (
        "Invalid definition of asset check 'two' on asset 'orders':\n"
        "- multiple assets provided as parameters: ['customers', 'orders']. These should "
        "either match the target asset or be specified in 'additional_ins'.")


def test_partitioned_asset_checks_are_refused() -> None:
    with pytest.raises(DagwireInvalidDefinitionError) as raised:
        @asset_check(asset=orders, partitions_def=StaticPartitionsDefinition(["a"]))
        def partitioned() -> AssetCheckResult:
            return AssetCheckResult(passed=True)
    assert str(raised.value) == (
        "Invalid definition of asset check 'partitioned':\n"
        "- partitions_def= (partitioned asset checks) is not supported by dagwire")


def test_a_spec_multi_asset_stores_its_data_itself() -> None:
    @multi_asset(specs=[AssetSpec("c"), AssetSpec("d")])
    def pair() -> tuple[int, int]:
        return 1, 2

    with pytest.raises(DagwireError) as raised:
        materialize([pair])
    assert str(raised.value) == (
        "multi_asset 'pair' returned a value for its asset 'c', which is an AssetSpec: the "
        "function stores the data itself; return None or MaterializeResult(asset_key=...) "
        "for each asset")


DAILY = DailyPartitionsDefinition(start_date="2024-01-01")
REGIONS = StaticPartitionsDefinition(["eu", "us"])


def test_one_run_has_one_partitions_definition() -> None:
    @asset(partitions_def=DAILY)
    def sales() -> int:
        return 1

    @asset(partitions_def=REGIONS)
    def stores() -> int:
        return 2

    with pytest.raises(DagwireInvalidDefinitionError) as raised:
        materialize([sales, stores], partition_key="eu")
    assert str(raised.value) == (
        "Cannot run job '__ephemeral_asset_job__':\n"
        "- its assets have different partitions definitions (TimeWindowPartitionsDefinition("
        "start=1704067200.0, end=None, timezone='UTC', fmt='%Y-%m-%d', end_offset=0, "
        "cron_schedule='0 0 * * *'), StaticPartitionsDefinition(partition_keys=['eu', 'us'])): "
        "run them in separate jobs")


def test_partition_mappings_are_refused() -> None:
    @asset(partitions_def=REGIONS)
    def stores() -> int:
        return 2

    @asset(partitions_def=DAILY)
    def sales(stores: int) -> int:
        return stores

    with pytest.raises(DagwireInvalidDefinitionError) as raised:
        materialize([sales, stores], selection=[sales], partition_key="2024-01-02")
    assert str(raised.value) == (
        "Cannot run job '__ephemeral_asset_job__':\n"
        "- asset 'sales' input 'stores' loads asset 'stores', which has other partitions: "
        "partition mappings are not supported by dagwire")


def test_a_partitioned_asset_in_a_run_without_a_key() -> None:
    @asset(partitions_def=DAILY)
    def sales(context) -> str:  # type: ignore[no-untyped-def]
        return context.partition_key  # type: ignore[no-any-return]

    with pytest.raises(DagwireError) as raised:
        materialize([sales])
    assert str(raised.value) == "Cannot access partition_key for a non-partitioned run"
