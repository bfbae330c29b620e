"""Exact messages for Dagster features dagwire refuses by name, and for mistakes in the op
features added for Dagster-style programs (several outputs, generator ops, graphs,
``.configured``). What these features do when used correctly is checked against dagster in
test_parity_programs.py."""

from __future__ import annotations

from typing import Any

import pytest

from dagwire import (
    AssetIn,
    DagwireError,
    DagwireInvalidDefinitionError,
    DagwireInvalidInvocationError,
    Out,
    Output,
    asset,
    build_asset_context,
    define_asset_job,
    graph,
    job,
    materialize,
    op,
    schedule,
    sensor,
)


def message(error: pytest.ExceptionInfo[BaseException]) -> str:
    return str(error.value)


def test_unsupported_asset_arguments_are_named() -> None:
    with pytest.raises(DagwireInvalidDefinitionError) as raised:
        @asset(backfill_policy=object(), retry_policy=object())
        def daily() -> int:
            return 1
    assert message(raised) == (
        "Invalid definition of asset 'daily':\n"
        "- retry_policy= (retries) is not supported by dagwire\n"
        "- backfill_policy= (backfill policies) is not supported by dagwire"
    )


def test_unsupported_arguments_of_other_definitions_are_named() -> None:
    @op
    def step() -> int:
        return 1

    @job
    def work() -> None:
        step()

    cases: list[tuple[Any, str]] = [
        (lambda: op(retry_policy=object())(lambda: 1),
         "Invalid definition of op '<lambda>':\n- retry_policy= (retries) is not supported by dagwire"),
        (lambda: sensor(job=work, jobs=[work])(lambda: None),
         "Invalid definition of sensor '<lambda>':\n"
         "- give the jobs it targets as job= or as jobs=, not both"),
        (lambda: schedule(cron_schedule="* * * * *", job=work, should_execute=bool)(lambda: {}),
         "Invalid definition of schedule '<lambda>':\n"
         "- should_execute= (should_execute= on schedules) is not supported by dagwire"),
        (lambda: define_asset_job("nightly", hooks=[object()]),
         "Invalid definition of job 'nightly':\n"
         "- hooks= (hooks) is not supported by dagwire"),
        (lambda: work.execute_in_process(op_selection=["step"]),
         "Invalid definition of a run of job 'work':\n"
         "- op_selection= (running a subset of a job's ops) is not supported by dagwire"),
        (lambda: materialize([], partition_key="2024-01-01"),
         "Cannot run job '__ephemeral_asset_job__':\n"
         "- partition_key='2024-01-01' is given, but nothing in this run is partitioned"),
    ]
    for call, expected in cases:
        with pytest.raises(DagwireInvalidDefinitionError) as raised:
            call()
        assert message(raised) == expected


def test_recorded_arguments_change_nothing() -> None:
    @asset(owners=["team:data"], kinds={"python"}, automation_condition=object(), pool="db")
    def recorded() -> int:
        return 2

    assert recorded.owners == ["team:data"] and recorded.kinds == {"python"}
    assert materialize([recorded]).output_for_node("recorded") == 2


def test_unsupported_context_attribute_names_the_feature() -> None:
    @asset
    def ranged(context) -> str:  # type: ignore[no-untyped-def]
        return context.asset_partition_key_range  # type: ignore[no-any-return]

    with pytest.raises(DagwireError) as raised:
        materialize([ranged])
    assert message(raised) == (
        "context.asset_partition_key_range: runs of several partitions are not supported by "
        "dagwire")
    context = build_asset_context()
    assert context.has_partition_key is False
    with pytest.raises(DagwireError) as raised:
        context.instance  # noqa: B018
    assert message(raised) == (
        "context.instance: a Dagster instance (run storage, event log) is not supported by dagwire"
    )
    with pytest.raises(AttributeError):
        context.no_such_thing  # type: ignore[attr-defined]  # noqa: B018


def test_several_outputs_must_come_as_a_tuple() -> None:
    @op(out={"a": Out(), "b": Out()})
    def two() -> int:
        return 1

    @job
    def pair() -> None:
        two()

    with pytest.raises(DagwireError) as raised:
        pair.execute_in_process()
    assert message(raised) == (
        "op 'two' must return a tuple of 2 values (one per output, in order: a, b), got int"
    )


def test_all_outputs_of_a_call_passed_to_one_input() -> None:
    @op(out={"a": Out(), "b": Out()})
    def two() -> tuple[int, int]:
        return 1, 2

    @op
    def one(x: int) -> int:
        return x

    with pytest.raises(DagwireInvalidDefinitionError) as raised:
        @job
        def wrong() -> None:
            one(two())  # type: ignore[arg-type]
    assert message(raised) == (
        "Invalid definition of job 'wrong':\n"
        "- op 'one' input 'x' got all the outputs of a call (a, b): pass one of them"
    )


def test_generator_ops_yield_outputs() -> None:
    @op
    def plain():  # type: ignore[no-untyped-def]
        yield 1

    @op
    def misnamed():  # type: ignore[no-untyped-def]
        yield Output(1, "other")

    @op(out={"a": Out(), "b": Out()})
    def half():  # type: ignore[no-untyped-def]
        yield Output(1, "a")

    for definition, expected in [
        (plain, "op 'plain' yielded a value of type int: a generator step must yield "
                "Output(value, output_name=...), MaterializeResult(...) or "
                "AssetMaterialization(...)"),
        (misnamed, "op 'misnamed' produced Output(output_name='other'), which is not one of "
                   "its outputs (result)"),
        (half, "op 'half' did not produce its required output 'b'"),
    ]:
        @job(name=f"run_{definition.name}")
        def run() -> None:
            definition()

        with pytest.raises(DagwireError) as raised:
            run.execute_in_process()
        assert message(raised) == expected


def test_graph_mistakes() -> None:
    @op
    def one(x: int) -> int:
        return x

    @graph
    def with_input(x: int) -> None:
        one(x)

    with pytest.raises(DagwireInvalidInvocationError) as raised:
        with_input(1)
    assert message(raised) == (
        "graph 'with_input' was called outside a @job or @graph body: run it with "
        "with_input.execute_in_process() or with_input.to_job()"
    )
    with pytest.raises(DagwireInvalidDefinitionError) as raised:
        with_input.to_job()
    assert message(raised) == (
        "Invalid definition of job 'with_input':\n"
        "- graph 'with_input' has inputs (x): a job made from a graph with inputs (input "
        "values from run config) is not supported"
    )


def test_configured_op_mistakes() -> None:
    @op
    def no_config() -> int:
        return 1

    with pytest.raises(DagwireInvalidDefinitionError) as raised:
        no_config.configured({"x": 1}, name="fixed")
    assert message(raised) == (
        "Invalid definition of op 'fixed':\n- it takes no config: there is nothing to configure"
    )


def test_asset_in_key_and_prefix_refused_as_in_dagster() -> None:
    with pytest.raises(DagwireInvalidDefinitionError) as raised:
        AssetIn(key="orders", key_prefix="raw")
    assert message(raised) == (
        "Invalid AssetIn(key='orders', key_prefix='raw'): give key or key_prefix, not both "
        "(put the prefix in the key)"
    )


def test_materialize_to_memory_refuses_an_io_manager() -> None:
    from dagwire import InMemoryIOManager, materialize_to_memory

    @asset(io_manager_key="warehouse_io")
    def stored() -> int:
        return 4

    assert materialize_to_memory([stored]).output_for_node("stored") == 4
    with pytest.raises(DagwireInvalidDefinitionError) as raised:
        materialize_to_memory([stored], resources={"warehouse_io": InMemoryIOManager()})
    assert message(raised) == (
        "Invalid materialize_to_memory:\n"
        "- resource 'warehouse_io' is an IO manager key: materialize_to_memory stores every "
        "output in memory (use materialize to bind an IO manager)"
    )


def test_op_out_io_manager_key_must_be_bound() -> None:
    from dagwire import Definitions

    @op(out=Out(io_manager_key="lake_io"))
    def produce() -> int:
        return 1

    @job
    def lake() -> None:
        produce()

    with pytest.raises(DagwireInvalidDefinitionError) as raised:
        Definitions(jobs=[lake]).validate()
    assert message(raised) == (
        "Invalid Definitions:\n"
        "- resource 'lake_io' is not bound; required by op 'produce' in job 'lake'"
    )


def test_importing_an_unsupported_dagster_name_says_why() -> None:
    from dagwire import DagwireUnsupportedError

    with pytest.raises(DagwireUnsupportedError) as raised:
        from dagwire import DynamicOut  # type: ignore[attr-defined]  # noqa: F401
    assert message(raised) == (
        "cannot import name 'DynamicOut' from 'dagwire': dynamic outputs are not supported by "
        "dagwire"
    )
    with pytest.raises(ImportError) as raised:  # an ImportError: try/except fallbacks work
        from dagwire import DagsterExecutionStepExecutionError  # type: ignore[attr-defined]  # noqa: F401,E501
    assert message(raised) == (
        "cannot import name 'DagsterExecutionStepExecutionError' from 'dagwire': a run raises "
        "the step's own exception (as Dagster's execute_in_process does): catch that, or pass "
        "raise_on_error=False and read result.failed_steps"
    )


def test_dagster_error_names_are_dagwire_errors() -> None:
    import dagwire
    from dagwire import (
        DagsterError,
        DagsterInvalidConfigError,
        DagsterInvalidDefinitionError,
        DagsterInvalidInvocationError,
        DagsterUnknownResourceError,
    )

    assert (DagsterError, DagsterInvalidConfigError, DagsterInvalidDefinitionError,
            DagsterInvalidInvocationError, DagsterUnknownResourceError) == (
        dagwire.DagwireError, dagwire.DagwireInvalidConfigError,
        dagwire.DagwireInvalidDefinitionError, dagwire.DagwireInvalidInvocationError,
        dagwire.DagwireResourceNotFoundError)
    import dagwire

    assert not hasattr(dagwire, "no_such_name")  # other names: a plain AttributeError
