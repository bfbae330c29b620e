"""Legacy resources outside ops: in sensors, schedules and other resources."""

from __future__ import annotations

from typing import Any

import pytest

from dagwire import (
    DagwireInvalidDefinitionError,
    DagwireResourceNotFoundError,
    Definitions,
    ResourceDefinition,
    RunRequest,
    StringSource,
    build_init_resource_context,
    job,
    make_values_resource,
    op,
    resource,
    schedule,
    sensor,
)
from dagwire.catalog.text_format import render_text
from dagwire.runtime.catalog import build_catalog


@resource(config_schema={"files": [str]})
def inbox(context: Any) -> list[str]:
    return list(context.resource_config["files"])


@op(config_schema={"name": str})
def parse(context: Any) -> str:
    return str(context.op_config["name"])


@job
def parse_job() -> None:
    parse()


@sensor(job=parse_job, required_resource_keys={"inbox"})
def inbox_sensor(context: Any) -> Any:
    for name in context.resources.inbox:
        yield RunRequest(run_key=name, run_config={"ops": {"parse": {"config": {"name": name}}}})


@schedule(cron_schedule="0 6 * * *", job=parse_job, required_resource_keys={"inbox"})
def morning(context: Any) -> dict[str, Any]:
    return {"ops": {"parse": {"config": {"name": context.resources.inbox[0]}}}}


DEFS = Definitions(
    jobs=[parse_job],
    sensors=[inbox_sensor],
    schedules=[morning],
    resources={"inbox": inbox.configured({"files": ["a.csv", "b.csv"]})},
)


def test_sensor_reads_required_resource_keys_from_its_context() -> None:
    tick = DEFS.get_sensor_def("inbox_sensor").evaluate_tick()
    assert [(r.run_key, r.job_name) for r in tick.run_requests] == [
        ("a.csv", "parse_job"),
        ("b.csv", "parse_job"),
    ]
    job_def = DEFS.get_job_def("parse_job")
    assert job_def.execute_in_process(run_config=tick.run_requests[1].run_config).output_for_node(
        "parse"
    ) == "b.csv"


def test_schedule_reads_required_resource_keys_from_its_context() -> None:
    tick = DEFS.get_schedule_def("morning").evaluate_tick()
    assert tick.run_requests[0].run_config == {"ops": {"parse": {"config": {"name": "a.csv"}}}}


def test_unbound_sensor_key_is_reported_when_definitions_load() -> None:
    with pytest.raises(DagwireInvalidDefinitionError) as raised:
        Definitions(jobs=[parse_job], sensors=[inbox_sensor]).validate()
    assert str(raised.value) == (
        "Invalid Definitions:\n- resource 'inbox' is not bound; required by sensor 'inbox_sensor'; bound keys: (none)"
    )


@resource(required_resource_keys={"inbox"})
def inbox_size(context: Any) -> int:
    return len(context.resources.inbox)


@op(required_resource_keys={"size"})
def show_size(context: Any) -> int:
    return int(context.resources.size)


@job
def size_job() -> None:
    show_size()


def test_a_resource_that_requires_another_is_set_up_after_it() -> None:
    defs = Definitions(
        jobs=[size_job],
        resources={"inbox": inbox.configured({"files": ["x", "y", "z"]}), "size": inbox_size},
    )
    assert defs.get_job_def("size_job").execute_in_process().output_for_node("show_size") == 3


def test_a_resource_requirement_that_is_not_bound() -> None:
    with pytest.raises(DagwireInvalidDefinitionError) as raised:
        size_job.execute_in_process(resources={"size": inbox_size})
    assert str(raised.value) == (
        "Cannot set up resources:\n- resource 'size' requires resource 'inbox', which is not bound"
    )


def test_undeclared_resource_in_a_resource_function() -> None:
    @resource
    def nosy(context: Any) -> Any:
        return context.resources.inbox

    with pytest.raises(DagwireResourceNotFoundError) as raised:
        nosy(build_init_resource_context())
    assert str(raised.value) == (
        "resource 'inbox' is not available to this resource; declare it in "
        "required_resource_keys (available: (none))"
    )


def test_values_resource_hardcoded_and_none() -> None:
    @op(required_resource_keys={"values", "fixed", "nothing"})
    def read(context: Any) -> tuple[Any, Any, Any]:
        r = context.resources
        return r.values, r.fixed, r.nothing

    @job(
        resource_defs={
            "values": make_values_resource(),
            "fixed": ResourceDefinition.hardcoded_resource({"k": 1}),
            "nothing": ResourceDefinition.none_resource(),
        }
    )
    def read_job() -> None:
        read()

    result = read_job.execute_in_process(
        run_config={"resources": {"values": {"config": {"anything": [1, 2]}}}}
    )
    assert result.output_for_node("read") == ({"anything": [1, 2]}, {"k": 1}, None)


@resource(config_schema={"uri": StringSource})
def my_db(context: Any) -> str:
    return str(context.resource_config["uri"])


def test_resource_catalog_shows_legacy_resources_and_env_names(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("DAGWIRE_T_CATALOG_URI", "postgres://secret@host")

    @op(required_resource_keys={"db"})
    def use_db(context: Any) -> None:
        pass

    @job
    def db_job() -> None:
        use_db()

    defs = Definitions(
        jobs=[db_job],
        resources={
            "db": my_db.configured({"uri": {"env": "DAGWIRE_T_CATALOG_URI"}}),
            "spare": my_db,
        },
    )
    source = "tests/legacy/test_legacy_resources.py"
    where = f"{my_db.function.__module__}, {source}"
    assert render_text(build_catalog(defs, "test")) == (
        f"db: resource function my_db  ({where}:153)\n"
        "    config:\n"
        "        uri: StringSource = {'env': 'DAGWIRE_T_CATALOG_URI'}\n"
        "    used by:\n"
        f"        op use_db in job db_job (required_resource_keys)  {source}:163\n"
        "\n"
        f"spare: resource function my_db  ({where}:153)\n"
        "    config:\n"
        "        uri: StringSource = (set at launch)\n"
        "    used by: (nothing)\n"
        "\n"
        "problems (1):\n"
        "    resource 'spare' is bound but nothing uses it\n"
    )
    assert "secret" not in render_text(build_catalog(defs, "test"))


@resource
def one(_: Any) -> int:
    return 1


@resource
def two(_: Any) -> int:
    return 2


def _asset_reading_x(name: str) -> Any:
    from dagwire import asset

    @asset(name=name, required_resource_keys={"x"})
    def reads_x(context: Any) -> int:
        return int(context.resources.x)

    return reads_x


def test_assets_binding_one_key_to_different_objects() -> None:
    from dagwire import materialize, with_resources

    first = with_resources([_asset_reading_x("a")], {"x": one})
    second = with_resources([_asset_reading_x("b")], {"x": two})
    expected = (
        "- resource 'x' is bound to different objects by asset 'a' and asset 'b' "
        "(resource_defs=): bind one object to both"
    )
    with pytest.raises(DagwireInvalidDefinitionError) as raised:
        materialize([*first, *second])
    assert str(raised.value) == "Cannot run job '__ephemeral_asset_job__':\n" + expected
    with pytest.raises(DagwireInvalidDefinitionError) as raised:
        Definitions(assets=[*first, *second]).validate()
    assert str(raised.value) == "Invalid Definitions:\n" + expected
    same = with_resources([_asset_reading_x("a"), _asset_reading_x("b")], {"x": one})
    assert materialize(same).output_for_node("b") == 1


def test_asset_resource_defs_and_top_level_binding_of_one_key() -> None:
    from dagwire import with_resources

    bound = with_resources([_asset_reading_x("a")], {"x": one})
    with pytest.raises(DagwireInvalidDefinitionError) as raised:
        Definitions(assets=bound, resources={"x": two}).validate()
    assert str(raised.value) == (
        "Invalid Definitions:\n- resource 'x' is bound by asset 'a' (resource_defs=) and also "
        "at the top level: remove one of them"
    )


def test_direct_op_call_sets_up_legacy_resources_from_the_context() -> None:
    from dagwire import build_op_context

    events: list[str] = []

    @resource(config_schema={"n": int})
    def counter(context: Any) -> Any:
        events.append(f"setup {context.resource_config['n']}")
        yield context.resource_config["n"]
        events.append("teardown")

    @op(required_resource_keys={"counter"})
    def double(context: Any) -> int:
        events.append("op")
        return 2 * int(context.resources.counter)

    assert double(build_op_context(resources={"counter": counter.configured({"n": 5})})) == 10
    assert events == ["setup 5", "op", "teardown"]
    assert double(build_op_context(resources={"counter": 7})) == 14
