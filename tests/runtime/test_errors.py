"""Every runtime error message, tested by full string equality."""

from __future__ import annotations

from typing import Any
from unittest import mock

import pytest

from dagwire import (
    Config,
    ConfigurableResource,
    DagwireDefinitionNotFoundError,
    DagwireInvalidConfigError,
    DagwireInvalidDefinitionError,
    DagwireInvalidInvocationError,
    DagwireMissingEnvVarError,
    DagwireResourceNotFoundError,
    Definitions,
    EnvVar,
    OpExecutionContext,
    RunConfig,
    ScheduleEvaluationContext,
    asset,
    build_op_context,
    define_asset_job,
    job,
    materialize,
    op,
    schedule,
    sensor,
)


class Db(ConfigurableResource):
    uri: str


class Cache(ConfigurableResource):
    size: int = 10


class OtherCache(ConfigurableResource):
    size: int = 10


class Warehouse(ConfigurableResource):
    db: Db
    schema_name: str = "public"


class Target(Config):
    retries: int
    tags: list[str] = []


class ReportConfig(Config):
    title: str
    target: Target


@asset
def users(db: Db) -> list[str]:
    return ["ada"]


@asset
def report(config: ReportConfig, users: list[str], cache: Cache) -> str:
    return f"{config.title}: {len(users)}"


@op
def load(db: Db) -> int:
    return 1


@op
def store(value: int, cache: Cache) -> None:
    pass


@job
def etl() -> None:
    store(load())


@sensor(job=etl)
def watch(db: Db, context: Any) -> None:
    return None


@schedule(cron_schedule="0 * * * *", job=etl)
def hourly(context: ScheduleEvaluationContext, warehouse: Warehouse) -> dict[str, Any]:
    return {}


def error_text(excinfo: pytest.ExceptionInfo[BaseException]) -> str:
    return str(excinfo.value)


UNBOUND = (
    "- resource 'cache' is not bound; required by asset 'report', op 'store' in job 'etl'; "
    "bound keys: (none)\n"
    "- resource 'db' is not bound; required by asset 'users', op 'load' in job 'etl', "
    "sensor 'watch'; bound keys: (none)\n"
    "- resource 'warehouse' is not bound; required by schedule 'hourly'; bound keys: (none)"
)


def unbound_defs() -> Definitions:
    return Definitions(assets=[users, report], jobs=[etl], sensors=[watch], schedules=[hourly])


def test_unbound_keys_reported_together_by_validate() -> None:
    with pytest.raises(DagwireInvalidDefinitionError) as excinfo:
        unbound_defs().validate()
    assert error_text(excinfo) == "Invalid Definitions:\n" + UNBOUND
    assert len(excinfo.value.problems) == 3  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "load",
    [
        lambda d: Definitions.validate_loadable(d),
        lambda d: d.get_job_def("etl"),
        lambda d: d.get_asset_def("users"),
        lambda d: d.get_sensor_def("watch"),
        lambda d: d.get_schedule_def("hourly"),
    ],
    ids=["validate_loadable", "get_job_def", "get_asset_def", "get_sensor_def", "get_schedule_def"],
)
def test_unbound_keys_reported_on_first_lookup(load: Any) -> None:
    with pytest.raises(DagwireInvalidDefinitionError) as excinfo:
        load(unbound_defs())
    assert error_text(excinfo) == "Invalid Definitions:\n" + UNBOUND


def test_partial_definitions_are_legal_and_merge() -> None:
    only_assets = Definitions(assets=[users])  # no error at construction
    only_resources = Definitions(resources={"db": Db(uri="sqlite://")})
    merged = Definitions.merge(only_assets, only_resources)
    merged.validate()
    assert merged.get_asset_def("users") is users


def test_unbound_key_reported_on_execution_of_unbound_job() -> None:
    with pytest.raises(DagwireInvalidDefinitionError) as excinfo:
        etl.execute_in_process(resources={"cache": Cache()})
    assert error_text(excinfo) == (
        "Cannot run job 'etl':\n"
        "- resource 'db' is not bound; required by op 'load' in job 'etl'; bound keys: 'cache'"
    )


def test_an_unbound_key_suggests_a_close_bound_one() -> None:
    defs = Definitions(assets=[users], resources={"dbb": Db(uri="x"), "cache": Cache()})
    with pytest.raises(DagwireInvalidDefinitionError) as excinfo:
        defs.validate()
    assert error_text(excinfo) == (
        "Invalid Definitions:\n"
        "- resource 'db' is not bound; required by asset 'users'; bound keys: 'cache', 'dbb'; "
        "did you mean 'dbb'?"
    )


def test_wrong_resource_class() -> None:
    defs = Definitions(assets=[users, report], resources={"db": Db(uri="x"), "cache": OtherCache()})
    with pytest.raises(DagwireInvalidDefinitionError) as excinfo:
        defs.validate()
    assert error_text(excinfo) == (
        "Invalid Definitions:\n"
        "- resource 'cache' is bound to a OtherCache, but asset 'report' parameter 'cache' is "
        "annotated Cache"
    )


def test_plain_object_for_a_configurable_resource_annotation() -> None:
    defs = Definitions(assets=[users], resources={"db": "sqlite://"})
    with pytest.raises(DagwireInvalidDefinitionError) as excinfo:
        defs.validate()
    assert error_text(excinfo) == (
        "Invalid Definitions:\n"
        "- resource 'db' is bound to a str, but asset 'users' parameter 'db' is annotated Db"
    )


@pytest.mark.parametrize("factory", [mock.Mock, mock.MagicMock, lambda: mock.create_autospec(Db), lambda: mock.create_autospec(Db, instance=True)])
def test_mock_resources_are_accepted(factory: Any) -> None:
    defs = Definitions(assets=[users], resources={"db": factory()})
    defs.validate()
    assert defs.get_implicit_global_asset_job_def().execute_in_process().success


def test_partially_configured_nested_resource_not_bound_at_top_level() -> None:
    warehouse = Warehouse(db=Db.configure_at_launch())
    defs = Definitions(schedules=[hourly], jobs=[etl], resources={
        "warehouse": warehouse, "db": Db(uri="x"), "cache": Cache(),
    })
    with pytest.raises(DagwireInvalidDefinitionError) as excinfo:
        defs.validate()
    assert error_text(excinfo) == (
        "Invalid Definitions:\n"
        "- resource 'warehouse' field 'db' is a partially configured Db (configure_at_launch()) "
        "that is not bound at the top level: bind that same object under a key of its own, e.g. "
        "db = Db.configure_at_launch() and resources={\"db\": db, \"warehouse\": ...}"
    )


def test_bad_run_config_names_asset_and_field_path() -> None:
    defs = Definitions(assets=[users, report], resources={"db": Db(uri="x"), "cache": Cache()})
    run_config = {"ops": {"report": {"config": {"title": 3, "target": {"retries": "many",
                                                                        "tags": ["a", 7]}}}}}
    with pytest.raises(DagwireInvalidConfigError) as excinfo:
        defs.get_implicit_global_asset_job_def().execute_in_process(run_config=run_config)
    assert error_text(excinfo) == (
        "Invalid run config for job '__ASSET_JOB':\n"
        "- asset 'report': title: Input should be a valid string\n"
        "- asset 'report': target.retries: Input should be a valid integer\n"
        "- asset 'report': target.tags[1]: Input should be a valid string"
    )


def test_missing_run_config_and_unknown_op() -> None:
    with pytest.raises(DagwireInvalidConfigError) as excinfo:
        materialize(
            [users, report],
            resources={"db": Db(uri="x"), "cache": Cache()},
            run_config={"ops": {"reprot": {"config": {}}}},
        )
    assert error_text(excinfo) == (
        "Invalid run config for job '__ephemeral_asset_job__':\n"
        "- ops: no op or asset named 'reprot' in this run\n"
        "- asset 'report': title: Field required\n"
        "- asset 'report': target: Field required"
    )


def test_run_config_extra_field_rejected() -> None:
    class Greeting(Config):
        name: str

    @op
    def greet(config: Greeting) -> str:
        return config.name

    @job
    def greeting_job() -> None:
        greet()

    with pytest.raises(DagwireInvalidConfigError) as excinfo:
        greeting_job.execute_in_process(
            run_config=RunConfig(ops={"greet": {"name": "x", "nmae": "y"}})
        )
    assert error_text(excinfo) == (
        "Invalid run config for job 'greeting_job':\n"
        "- op 'greet': nmae: Extra inputs are not permitted"
    )


def test_direct_call_with_a_config_of_another_class_names_both_classes() -> None:
    class Greeting(Config):
        name: str

    class Farewell(Config):
        farewell: str

    @asset
    def hello(config: Greeting) -> str:
        return config.name

    with pytest.raises(DagwireInvalidConfigError) as excinfo:
        hello(Farewell(farewell="x"))  # type: ignore[arg-type]
    assert error_text(excinfo) == (
        "Invalid config for asset 'hello':\n"
        "- expected a Greeting, got a Farewell\n"
        "- name: Field required\n"
        "- farewell: Extra inputs are not permitted"
    )


def test_missing_env_var_names_variable_and_resource(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DAGWIRE_TEST_DB_URI", raising=False)
    monkeypatch.delenv("DAGWIRE_TEST_DB_SCHEMA", raising=False)
    defs = Definitions(
        assets=[users],
        schedules=[hourly],
        jobs=[etl],
        resources={
            "db": Db(uri=EnvVar("DAGWIRE_TEST_DB_URI")),
            "cache": Cache(),
            "warehouse": Warehouse(db=Db(uri="x"), schema_name=EnvVar("DAGWIRE_TEST_DB_SCHEMA")),
        },
    )
    defs.validate()  # env vars are read when a run starts, not before
    with pytest.raises(DagwireMissingEnvVarError) as excinfo:
        defs.get_implicit_global_asset_job_def().execute_in_process()
    assert error_text(excinfo) == (
        "Missing environment variables:\n"
        "- DAGWIRE_TEST_DB_URI (resource 'db', field 'uri')"
    )
    with pytest.raises(DagwireMissingEnvVarError) as excinfo:
        defs.get_schedule_def("hourly").evaluate_tick()
    assert error_text(excinfo) == (
        "Missing environment variables:\n"
        "- DAGWIRE_TEST_DB_SCHEMA (resource 'warehouse', field 'schema_name')"
    )


def test_missing_env_var_in_nested_resource(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DAGWIRE_TEST_NESTED", raising=False)
    defs = Definitions(
        schedules=[hourly],
        jobs=[etl],
        resources={
            "warehouse": Warehouse(db=Db(uri=EnvVar("DAGWIRE_TEST_NESTED"))),
            "db": Db(uri="x"),
            "cache": Cache(),
        },
    )
    with pytest.raises(DagwireMissingEnvVarError) as excinfo:
        defs.get_schedule_def("hourly").evaluate_tick()
    assert error_text(excinfo) == (
        "Missing environment variables:\n"
        "- DAGWIRE_TEST_NESTED (resource 'warehouse', field 'db.uri')"
    )


def test_direct_call_missing_resource() -> None:
    with pytest.raises(DagwireResourceNotFoundError) as excinfo:
        users()  # type: ignore[call-arg]
    assert error_text(excinfo) == (
        "asset 'users' was called without its resource parameter 'db' (Db): pass it as an "
        "argument or in the context's resources"
    )


def test_direct_call_missing_several_resources() -> None:
    @op
    def both(db: Db, cache: Cache) -> None:
        pass

    with pytest.raises(DagwireResourceNotFoundError) as excinfo:
        both(cache=Cache())  # type: ignore[call-arg]
    assert error_text(excinfo) == (
        "op 'both' was called without its resource parameter 'db' (Db): pass it as an "
        "argument or in the context's resources"
    )
    with pytest.raises(DagwireResourceNotFoundError) as excinfo:
        both()  # type: ignore[call-arg]
    assert error_text(excinfo) == (
        "op 'both' was called without its resource parameters 'db' (Db), 'cache' (Cache): "
        "pass it as an argument or in the context's resources"
    )


def test_direct_call_missing_config() -> None:
    with pytest.raises(DagwireInvalidInvocationError) as excinfo:
        report(users=[], cache=Cache())  # type: ignore[call-arg]
    assert error_text(excinfo) == (
        "asset 'report' was called without its config parameter 'config' (ReportConfig): "
        "pass config=ReportConfig(...)"
    )


def test_direct_call_with_bad_config_dict() -> None:
    with pytest.raises(DagwireInvalidConfigError) as excinfo:
        report(config={"title": "t", "target": {}}, users=[], cache=Cache())  # type: ignore[arg-type]
    assert error_text(excinfo) == (
        "Invalid config for asset 'report':\n"
        "- target.retries: Field required"
    )


def test_direct_call_with_bad_context_config() -> None:
    class Greeting(Config):
        name: str

    @op
    def greet(context: OpExecutionContext, config: Greeting) -> str:
        return config.name

    with pytest.raises(DagwireInvalidConfigError) as excinfo:
        greet(build_op_context(config={"name": ["x"]}))  # type: ignore[call-arg]
    assert error_text(excinfo) == "Invalid config for op 'greet':\n- name: Input should be a valid string"


def test_direct_call_missing_context() -> None:
    @op
    def with_context(context: OpExecutionContext) -> None:
        pass

    with pytest.raises(DagwireInvalidInvocationError) as excinfo:
        with_context()  # type: ignore[call-arg]
    assert error_text(excinfo) == (
        "op 'with_context' was called without its context parameter 'context': "
        "pass build_op_context()"
    )


def test_direct_call_missing_input() -> None:
    with pytest.raises(DagwireInvalidInvocationError) as excinfo:
        store(cache=Cache())  # type: ignore[call-arg]
    assert error_text(excinfo) == "op 'store' was called without its input 'value'"


def test_unknown_definition_names() -> None:
    defs = Definitions(assets=[users], jobs=[etl], resources={"db": Db(uri="x"), "cache": Cache()})
    with pytest.raises(DagwireDefinitionNotFoundError) as excinfo:
        defs.get_job_def("elt")
    assert error_text(excinfo) == "no job named 'elt'; defined jobs: etl"
    with pytest.raises(DagwireDefinitionNotFoundError) as excinfo:
        defs.get_asset_def(["raw", "users"])
    assert error_text(excinfo) == "no asset with key 'raw/users'"


def test_upstream_asset_not_defined() -> None:
    defs = Definitions(assets=[report], resources={"cache": Cache()})
    with pytest.raises(DagwireInvalidDefinitionError) as excinfo:
        defs.validate()
    assert error_text(excinfo) == (
        "Invalid Definitions:\n- asset 'report' input 'users': no asset with key 'users' is defined"
    )


def test_asset_job_selecting_unknown_asset() -> None:
    defs = Definitions(assets=[users], jobs=[define_asset_job("some", selection=["userz"])],
                       resources={"db": Db(uri="x")})
    with pytest.raises(DagwireInvalidDefinitionError) as excinfo:
        defs.validate()
    assert error_text(excinfo) == (
        "Invalid Definitions:\n- job 'some' selects asset 'userz', which is not defined"
    )


def test_run_config_for_a_nested_resource_field() -> None:
    # Run config may set a bound resource's fields (as in Dagster), but not those holding a
    # nested resource (Dagster: DagsterInvalidConfigError, unexpected config entry).
    @asset
    def stocked(warehouse: Warehouse) -> str:
        return warehouse.db.uri

    with pytest.raises(DagwireInvalidConfigError) as excinfo:
        materialize([stocked], resources={"warehouse": Warehouse(db=Db(uri="x"))},
                    run_config={"resources": {"warehouse": {"config": {"db": {"uri": "y"}}}}})
    assert error_text(excinfo) == (
        "Invalid resource config:\n"
        "- resource 'warehouse': db: a nested resource takes no run config here (bind it under "
        "its own resource key to configure it at launch)"
    )


def test_partial_resource_missing_launch_config() -> None:
    with pytest.raises(DagwireInvalidConfigError) as excinfo:
        materialize([users], resources={"db": Db.configure_at_launch()})
    assert error_text(excinfo) == "Invalid resource config:\n- resource 'db': uri: Field required"


def test_config_parameter_must_be_a_config_class() -> None:
    with pytest.raises(DagwireInvalidDefinitionError) as excinfo:
        @op
        def bad(config: dict[str, Any]) -> None:
            pass
    assert error_text(excinfo) == (
        "Invalid definition of op 'bad':\n"
        "- parameter 'config' must be annotated with a Config subclass (or str, int, float, "
        "bool, list or dict)"
    )


def test_invalid_cron() -> None:
    with pytest.raises(DagwireInvalidDefinitionError) as excinfo:
        @schedule(cron_schedule="0 25 * * *", job=etl)
        def nightly() -> dict[str, Any]:
            return {}
    assert error_text(excinfo) == (
        "Invalid definition of schedule 'nightly':\n"
        "- cron_schedule '0 25 * * *': hour: '25' is not valid (values 0-23)"
    )


def test_env_var_read_as_text() -> None:
    with pytest.raises(RuntimeError) as excinfo:
        f"{EnvVar('DB_URI')}"
    assert error_text(excinfo) == (
        "EnvVar('DB_URI') was read as a value; an EnvVar is resolved when a run starts: use it "
        "as a resource or config field value, or call .get_value()"
    )


def test_job_body_wiring_errors() -> None:
    with pytest.raises(DagwireInvalidDefinitionError) as excinfo:
        @job
        def broken() -> None:
            store(3)  # type: ignore[call-arg]
    assert error_text(excinfo) == (
        "Invalid definition of job 'broken':\n"
        "- op 'store' input 'value' must be the output of another op call, got int"
    )


def test_io_manager_key_bound_to_something_else() -> None:
    @asset(io_manager_key="storage")
    def stored() -> int:
        return 1

    with pytest.raises(DagwireInvalidDefinitionError) as excinfo:
        Definitions(assets=[stored], resources={"storage": Cache()}).validate()
    assert error_text(excinfo) == (
        "Invalid Definitions:\n"
        "- resource 'storage' is bound to a Cache, but asset 'stored' uses it as its IO manager "
        "(expected an IOManager)"
    )


class Credentials(ConfigurableResource):
    user: str
    password: str
    host: str
    database: str
    role: str
    port: int


def test_missing_env_vars_are_listed_in_field_order(monkeypatch: pytest.MonkeyPatch) -> None:
    names = ["USER", "PASSWORD", "HOST", "DATABASE", "ROLE", "PORT"]
    for name in names:
        monkeypatch.delenv(f"DAGWIRE_TEST_{name}", raising=False)

    @asset
    def account(creds: Credentials) -> str:
        return creds.user

    resource = Credentials(
        user=EnvVar("DAGWIRE_TEST_USER"),
        password=EnvVar("DAGWIRE_TEST_PASSWORD"),
        host=EnvVar("DAGWIRE_TEST_HOST"),
        database=EnvVar("DAGWIRE_TEST_DATABASE"),
        role=EnvVar("DAGWIRE_TEST_ROLE"),
        port=EnvVar.int("DAGWIRE_TEST_PORT"),
    )
    with pytest.raises(DagwireMissingEnvVarError) as excinfo:
        materialize([account], resources={"creds": resource})
    assert error_text(excinfo) == "Missing environment variables:\n" + "\n".join(
        f"- DAGWIRE_TEST_{name} (resource 'creds', field '{name.lower()}')" for name in names
    )
