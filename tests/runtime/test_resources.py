"""ConfigurableResource: fields, methods, nested resources, lifecycle, configure_at_launch,
ResourceParam, IO managers."""

from __future__ import annotations

import os
import pickle
from typing import Any, Optional

import pytest

from dagwire import (
    ConfigurableIOManager,
    ConfigurableResource,
    Definitions,
    FilesystemIOManager,
    InitResourceContext,
    InputContext,
    OutputContext,
    PartialResource,
    ResourceParam,
    asset,
    build_op_context,
    job,
    materialize,
    op,
)

events: list[str] = []


class Tracked(ConfigurableResource):
    name: str

    def setup_for_execution(self, context: InitResourceContext) -> None:
        events.append(f"setup {self.name} ({context.resource_key})")

    def teardown_after_execution(self, context: InitResourceContext) -> None:
        events.append(f"teardown {self.name}")


class Yielding(ConfigurableResource):
    label: str

    def yield_for_execution(self, context: InitResourceContext) -> Any:
        events.append(f"enter {self.label}")
        try:
            yield self
        finally:
            events.append(f"exit {self.label}")


@asset
def first(a: Tracked) -> int:
    events.append("step first")
    return 1


@asset
def second(first: int, b: Yielding) -> int:
    events.append("step second")
    return first + 1


@asset
def broken(second: int) -> int:
    events.append("step broken")
    raise ValueError("boom")


def test_setup_before_first_step_teardown_after_last() -> None:
    events.clear()
    result = materialize([first, second], resources={"a": Tracked(name="A"), "b": Yielding(label="B")})
    assert result.success
    assert events == ["setup A (a)", "enter B", "step first", "step second", "exit B", "teardown A"]


def test_teardown_also_when_a_step_fails() -> None:
    events.clear()
    with pytest.raises(ValueError, match="boom"):
        materialize([first, second, broken],
                    resources={"a": Tracked(name="A"), "b": Yielding(label="B")})
    assert events == ["setup A (a)", "enter B", "step first", "step second", "step broken",
                      "exit B", "teardown A"]


def test_failure_without_raise_marks_steps() -> None:
    events.clear()

    @asset
    def after_broken(broken: int) -> int:
        return broken

    result = materialize([first, second, broken, after_broken], raise_on_error=False,
                         resources={"a": Tracked(name="A"), "b": Yielding(label="B")})
    assert not result.success
    assert result.failed_steps == ["broken"]
    assert result.skipped_steps == ["after_broken"]
    assert str(result.step_results["broken"].error) == "boom"
    assert events[-2:] == ["exit B", "teardown A"]


def test_only_needed_resources_are_set_up() -> None:
    events.clear()
    materialize([first], resources={"a": Tracked(name="A"), "unused": Tracked(name="U")})
    assert events == ["setup A (a)", "step first", "teardown A"]


class Connection(ConfigurableResource):
    host: str
    port: int = 5432


class Service(ConfigurableResource):
    connection: Connection
    retries: int = 2

    def describe(self) -> str:
        return f"{self.connection.host}:{self.connection.port} x{self.retries}"


def test_nested_resources_and_methods() -> None:
    @asset
    def status(service: Service) -> str:
        return service.describe()

    result = materialize([status], resources={"service": Service(connection=Connection(host="h"))})
    assert result.asset_value("status") == "h:5432 x2"


def test_configure_at_launch_top_level_and_nested() -> None:
    connection = Connection.configure_at_launch(port=1)
    assert isinstance(connection, Connection) and isinstance(connection, PartialResource)

    @asset
    def status(service: Service, connection: Connection) -> str:
        return f"{service.describe()} / {connection.host}"

    defs = Definitions(assets=[status], resources={
        "connection": connection,
        "service": Service(connection=connection),
    })
    defs.validate()
    result = defs.get_implicit_global_asset_job_def().execute_in_process(
        run_config={"resources": {"connection": {"config": {"host": "db.example"}}}}
    )
    assert result.asset_value("status") == "db.example:1 x2 / db.example"


class Engine:
    def __init__(self, url: str) -> None:
        self.url = url


def test_resource_param_for_plain_objects() -> None:
    @asset
    def url(engine: ResourceParam[Engine]) -> str:
        return engine.url

    defs = Definitions(assets=[url], resources={"engine": Engine("sqlite://")})
    defs.validate()
    assert defs.get_implicit_global_asset_job_def().execute_in_process().asset_value("url") == "sqlite://"
    assert url(engine=Engine("direct")) == "direct"


def test_resource_param_wrong_class_is_reported() -> None:
    @asset
    def url(engine: ResourceParam[Engine]) -> str:
        return engine.url

    with pytest.raises(Exception) as excinfo:
        Definitions(assets=[url], resources={"engine": "sqlite://"}).validate()
    assert str(excinfo.value) == (
        "Invalid Definitions:\n"
        "- resource 'engine' is bound to a str, but asset 'url' parameter 'engine' is annotated "
        "Engine"
    )


class EngineFactory(ConfigurableResource):
    url: str

    def yield_for_execution(self, context: InitResourceContext) -> Any:
        yield Engine(self.url)


def test_resource_that_yields_another_object_fits_resource_param() -> None:
    # The run hands `engine` what yield_for_execution yields, not the factory itself.
    @asset
    def url(engine: ResourceParam[Engine]) -> str:
        return engine.url

    defs = Definitions(assets=[url], resources={"engine": EngineFactory(url="pg://")})
    defs.validate()
    assert defs.get_implicit_global_asset_job_def().execute_in_process().asset_value("url") == "pg://"


class EngineBuilder(ConfigurableResource):
    url: str

    def setup_for_execution(self, context: InitResourceContext) -> None:
        events.append(f"setup builder {self.url}")

    def create_resource(self, context: InitResourceContext) -> Engine:
        return Engine(self.url)

    def teardown_after_execution(self, context: InitResourceContext) -> None:
        events.append(f"teardown builder {self.url}")


def test_create_resource_gives_users_another_object() -> None:
    # Dagster's default yield_for_execution: setup, yield create_resource(), teardown
    @asset
    def url(engine: ResourceParam[Engine]) -> str:
        events.append(f"used {type(engine).__name__}")
        return engine.url

    events.clear()
    defs = Definitions(assets=[url], resources={"engine": EngineBuilder(url="pg://b")})
    defs.validate()
    assert defs.get_implicit_global_asset_job_def().execute_in_process().asset_value("url") == (
        "pg://b")
    assert events == ["setup builder pg://b", "used Engine", "teardown builder pg://b"]


def test_direct_call_sets_resources_up() -> None:
    events.clear()
    assert first(a=Tracked(name="D")) == 1
    assert events == ["setup D (a)", "step first", "teardown D"]


def test_op_with_context_resources() -> None:
    @op
    def uses(context: Any, a: Tracked) -> str:
        return f"{context.resources.a.name} {a.name}"

    events.clear()
    assert uses(build_op_context(resources={"a": Tracked(name="C")})) == "C C"  # type: ignore[call-arg]
    assert events == ["setup C (a)", "teardown C"]


def test_op_context_is_a_context_manager() -> None:
    # `with build_op_context(...) as context:` as Dagster's tests write it
    @op
    def uses(context: Any, a: Tracked) -> str:
        return f"{context.resources.a.name} {a.name}"

    with build_op_context(resources={"a": Tracked(name="W")}) as context:
        assert uses(context) == "W W"  # type: ignore[call-arg]
        assert context.resources.a.name == "W"


def test_tick_and_init_contexts_are_context_managers() -> None:
    # Dagster's docs test sensors, schedules and resources with `with build_..._context(...)`
    from dagwire import (
        build_init_resource_context,
        build_schedule_context,
        build_sensor_context,
    )

    with build_sensor_context(resources={"a": "x"}, cursor="5") as sensor_context:
        assert (sensor_context.cursor, sensor_context.resources.a) == ("5", "x")
    with build_schedule_context(resources={"a": "y"}) as schedule_context:
        assert schedule_context.resources.a == "y"
    with build_init_resource_context(config={"n": 1}) as init_context:
        assert init_context.resource_config == {"n": 1}


class JsonLinesIOManager(ConfigurableIOManager):
    path_prefix: str

    def handle_output(self, context: OutputContext, obj: Any) -> None:
        with open(f"{self.path_prefix}-{'_'.join(context.get_identifier())}", "w") as f:
            f.write(repr(obj))

    def load_input(self, context: InputContext) -> Any:
        with open(f"{self.path_prefix}-{'_'.join(context.upstream_output.get_identifier())}") as f:
            return eval(f.read())


def test_configurable_io_manager(tmp_path: Any) -> None:
    @asset(io_manager_key="lines")
    def numbers() -> list[int]:
        return [1, 2]

    @asset
    def total(numbers: list[int]) -> int:
        return sum(numbers)

    result = materialize([numbers, total],
                         resources={"lines": JsonLinesIOManager(path_prefix=str(tmp_path / "out"))})
    assert result.asset_value("total") == 3
    assert (tmp_path / "out-numbers").read_text() == "[1, 2]"


def test_filesystem_io_manager_and_partial_reruns(tmp_path: Any) -> None:
    @asset
    def numbers() -> list[int]:
        return [1, 2, 3]

    @asset
    def total(numbers: list[int]) -> int:
        return sum(numbers)

    manager = FilesystemIOManager(base_dir=str(tmp_path))
    materialize([numbers, total], resources={"io_manager": manager})
    with open(tmp_path / "numbers", "rb") as handle:
        assert pickle.load(handle) == [1, 2, 3]
    # Only `total` runs; `numbers` is loaded from storage.
    result = materialize([numbers, total], resources={"io_manager": manager}, selection=["total"])
    assert list(result.step_results) == ["total"]
    assert result.asset_value("total") == 6


def test_filesystem_io_manager_crash_mid_write_keeps_previous_value(tmp_path: Any) -> None:
    manager = FilesystemIOManager(base_dir=str(tmp_path))
    context = OutputContext(step_key="numbers", asset_key=None, run_id="r")
    manager.handle_output(context, [1])

    class Unpicklable:
        def __reduce__(self) -> Any:
            raise RuntimeError("crash mid-write")

    with pytest.raises(RuntimeError, match="crash mid-write"):
        manager.handle_output(context, [2, Unpicklable()])
    loaded = manager.load_input(InputContext(name="x", upstream_output=context))
    assert loaded == [1]
    assert sorted(os.listdir(tmp_path / "r" / "numbers")) == ["result"]  # no temp files left


def test_op_job_outputs_and_resources() -> None:
    @op
    def one(a: Tracked) -> int:
        return 1

    @op
    def add(x: int, y: int) -> int:
        return x + y

    @job(resource_defs={"a": Tracked(name="J")})
    def adding() -> None:
        add(one(), one())

    result = adding.execute_in_process()
    assert result.output_for_node("one") == 1
    assert result.output_for_node("one_2") == 1
    assert result.output_for_node("add") == 2


class Holder(ConfigurableResource):
    value: Optional[str] = None


def test_resource_without_setup_is_used_as_is() -> None:
    holder = Holder(value="v")

    @asset
    def same(holder: Holder) -> bool:
        return holder is HOLDER[0]

    HOLDER = [holder]
    assert materialize([same], resources={"holder": holder}).asset_value("same") is True


class Inner(ConfigurableResource):
    label: str

    def setup_for_execution(self, context: InitResourceContext) -> None:
        events.append(f"setup inner {self.label} ({context.resource_key})")

    def teardown_after_execution(self, context: InitResourceContext) -> None:
        events.append(f"teardown inner {self.label}")


class Outer(ConfigurableResource):
    inner: Inner

    def setup_for_execution(self, context: InitResourceContext) -> None:
        events.append(f"setup outer ({context.resource_key})")

    def teardown_after_execution(self, context: InitResourceContext) -> None:
        events.append("teardown outer")


def test_nested_resources_are_set_up_first_and_torn_down_last() -> None:
    @asset
    def uses(outer: Outer, shared: Inner) -> str:
        return outer.inner.label + shared.label

    shared = Inner.configure_at_launch()
    events.clear()
    result = materialize(
        [uses],
        resources={"outer": Outer(inner=shared), "shared": shared},
        run_config={"resources": {"shared": {"config": {"label": "S"}}}},
    )
    assert result.asset_value("uses") == "SS"
    # The shared resource is set up once, under its own key, before the resource using it.
    assert events == ["setup inner S (shared)", "setup outer (outer)", "teardown outer",
                      "teardown inner S"]
    events.clear()
    materialize([uses], resources={"outer": Outer(inner=Inner(label="own")),
                                   "shared": Inner(label="x")})
    assert events == ["setup inner own (outer.inner)", "setup outer (outer)",
                      "setup inner x (shared)", "teardown inner x", "teardown outer",
                      "teardown inner own"]


def test_same_resource_nested_and_bound_is_set_up_once() -> None:
    @asset
    def uses(outer: Outer, shared: Inner) -> str:
        return outer.inner.label + shared.label

    shared = Inner(label="s")
    events.clear()
    materialize([uses], resources={"outer": Outer(inner=shared), "shared": shared})
    assert events == ["setup inner s (outer.inner)", "setup outer (outer)", "teardown outer",
                      "teardown inner s"]
