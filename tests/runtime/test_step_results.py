"""What a step may return: a plain value, ``Output`` (value + metadata) or
``MaterializeResult`` (the asset stored its data itself)."""

from __future__ import annotations

from dagwire import (
    InMemoryIOManager,
    MaterializeResult,
    Output,
    asset,
    job,
    materialize,
    op,
)


class RecordingIOManager(InMemoryIOManager):
    stored: list[str] = []

    def handle_output(self, context, obj):  # type: ignore[no-untyped-def]
        RecordingIOManager.stored.append(context.step_key)
        super().handle_output(context, obj)


@asset
def rows() -> Output[list[int]]:
    return Output([1, 2, 3], metadata={"count": 3})


@asset
def total(rows: list[int]) -> int:
    return sum(rows)


@asset
def exported() -> MaterializeResult:
    return MaterializeResult(metadata={"path": "/tmp/export.csv"})


def test_output_value_goes_to_the_io_manager_with_its_metadata() -> None:
    RecordingIOManager.stored = []
    result = materialize([rows, total, exported], resources={"io_manager": RecordingIOManager()})
    assert result.success
    assert result.asset_value("rows") == [1, 2, 3]
    assert result.asset_value("total") == 6
    assert result.step_results["rows"].metadata == {"result": {"count": 3}}
    # MaterializeResult: materialized, metadata kept, nothing handed to the IO manager
    assert result.step_results["exported"].metadata == {"result": {"path": "/tmp/export.csv"}}
    assert sorted(k.to_user_string() for k in result.materialized_asset_keys) == [
        "exported", "rows", "total"
    ]
    assert RecordingIOManager.stored == ["rows", "total"]


@op
def produce() -> Output[str]:
    return Output("hello", metadata={"len": 5})


@op
def shout(text: str) -> str:
    return text.upper()


@job
def words() -> None:
    shout(produce())


def test_op_output_is_unwrapped_for_downstream_ops() -> None:
    result = words.execute_in_process()
    assert result.output_for_node("produce") == "hello"
    assert result.output_for_node("shout") == "HELLO"
    assert result.step_results["produce"].metadata == {"result": {"len": 5}}
